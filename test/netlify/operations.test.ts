import { describe, expect, it } from '@jest/globals';
import { netlify } from '../../providers/netlify/index.js';
import { refusal } from '../../src/core/operations.js';
import { netlifyOperation } from './swagger.js';

const ENDPOINT = new URL('https://api.netlify.com/api/v1');
const allowed = (method: string, path: string) =>
  refusal(netlify.operations!, ENDPOINT, method, new URL(`/api/v1${path}`, ENDPOINT), undefined) === undefined;

// Operations of Netlify's description that reveal other secrets or change state: none may pass.
const FORBIDDEN: [string, string][] = [
  // Site objects carry the site password, build environment variables and the deploy-hook URL.
  ['GET', '/sites'],
  ['GET', '/sites/site-shop'],
  ['GET', '/acme/sites'],
  ['GET', '/sites/site-shop/database'],
  ['GET', '/accounts/acc-acme/env'],
  ['GET', '/accounts/acc-acme/env/DATABASE_URL'],
  ['GET', '/sites/site-shop/build_hooks'],
  ['GET', '/hooks'],
  ['GET', '/deploy_keys'],
  ['GET', '/sites/site-shop/ai-gateway/token'],
  ['GET', '/accounts/acc-acme/ai-gateway/token'],
  ['GET', '/sites/site-shop/snippets'],
  ['DELETE', '/sites/site-shop'],
  ['DELETE', '/dns_zones/z1'],
  ['DELETE', '/sites/site-shop/database'],
  ['DELETE', '/accounts/acc-acme'],
  ['DELETE', '/acme/members/5f1a0000aaaa'],
];

describe('Netlify operations', () => {
  it("are GETs of Netlify's published description", () => {
    for (const op of netlify.operations!) {
      expect({ op, found: netlifyOperation(op.method, op.path) !== undefined }).toEqual({ op, found: true });
    }
  });

  it.each(FORBIDDEN)('refuse %s %s', (method, path) => {
    expect(allowed(method, path)).toBe(false);
  });

  it('the forbidden operations are real ones of the description', () => {
    for (const [method, path] of FORBIDDEN) {
      const template = path
        .replace(/site-shop|acc-acme|DATABASE_URL|z1|5f1a0000aaaa/g, '{x}')
        .replace(/^\/acme\//, '/{x}/');
      expect({ path, found: netlifyOperation(method, template) !== undefined }).toEqual({ path, found: true });
    }
  });

  it('the site object of the description does carry secrets (why sites are never asked)', () => {
    const site = netlifyOperation('GET', '/sites/{site_id}')?.responses?.['200']?.schema as { $ref?: string };
    expect(site.$ref).toBe('#/definitions/site');
  });
});
