import { describe, expect, it } from '@jest/globals';
import { heroku } from '../../providers/heroku/index.js';
import { refusal } from '../../src/core/operations.js';
import { herokuLink, herokuProblems } from './schema.js';

const ENDPOINT = new URL('https://api.heroku.com');
const allowed = (method: string, path: string) =>
  refusal(heroku.operations!, ENDPOINT, method, new URL(path, ENDPOINT), undefined) === undefined;

// Links of Heroku's schema that reveal other secrets or change state: none may pass the door.
const FORBIDDEN: [string, string][] = [
  ['GET', '/apps/shop-api/config-vars'],
  ['GET', '/apps/shop-api/releases/42/config-vars'],
  ['GET', '/addons/postgresql-shaped-12345/config'],
  ['GET', '/oauth/authorizations'],
  ['GET', '/oauth/authorizations/01234567-89ab-cdef-0123-456789abcdef'],
  ['GET', '/oauth/clients'],
  ['GET', '/oauth/clients/01234567-89ab-cdef-0123-456789abcdef'],
  ['GET', '/apps/shop-api/addons/postgresql-shaped-12345'],
  ['DELETE', '/apps/shop-api'],
  ['DELETE', '/apps/shop-api/addons/postgresql-shaped-12345'],
  ['DELETE', '/teams/acme'],
  ['DELETE', '/account'],
  ['DELETE', '/spaces/main'],
  ['DELETE', '/pipelines/01234567-89ab-cdef-0123-456789abcdef'],
  ['POST', '/oauth/authorizations'],
  ['PATCH', '/apps/shop-api/config-vars'],
];

describe('Heroku operations', () => {
  it("are GET links of Heroku's published schema, each listing or showing what reach needs", () => {
    for (const op of heroku.operations!) {
      expect({ op, link: herokuLink(op.method, op.path)?.method }).toEqual({ op, link: 'GET' });
    }
  });

  it.each(FORBIDDEN)('refuse %s %s', (method, path) => {
    expect(allowed(method, path)).toBe(false);
  });

  it('the forbidden reads are real links of the schema (the list names the API, not inventions)', () => {
    for (const [method, path] of FORBIDDEN.filter(([m]) => m === 'GET')) {
      const template = path.replace(/shop-api|postgresql-shaped-12345|42|01234567-89ab-cdef-0123-456789abcdef/g, '{x}');
      expect({ path, found: herokuLink(method, template) !== undefined }).toEqual({ path, found: true });
    }
  });

  it('the schema check the double applies rejects a field Heroku does not have', () => {
    const app = { id: '01234567-89ab-cdef-0123-456789abcdef', name: 'shop-api' };
    const invented = '/addons/0/app must NOT have additional properties';
    expect(herokuProblems('/addons', [{ app }])).not.toContain(invented);
    expect(herokuProblems('/addons', [{ app: { ...app, password: 'y' } }])).toContain(invented);
    expect(
      herokuProblems('/pipeline-couplings', [{ app: { id: '01234567-89ab-cdef-0123-456789abcdef' }, stage: 'prod' }]),
    ).not.toEqual([]);
  });
});
