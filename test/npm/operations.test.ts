import { describe, expect, it } from '@jest/globals';
import { npm } from '../../providers/npm/index.js';
import { refusal } from '../../src/core/operations.js';

const ENDPOINT = new URL('https://registry.npmjs.org');
const allowed = (method: string, path: string, endpoint = ENDPOINT) =>
  refusal(npm.operations!, endpoint, method, new URL(path, endpoint), undefined) === undefined;

// npm registry requests that log in, mint or delete tokens, or change packages, teams and orgs
// (the fact sheet's §0 and §3.3; npm-profile, libnpmaccess, libnpmorg): none may pass the door.
const FORBIDDEN: [string, string][] = [
  // Login: creates a token.
  ['PUT', '/-/user/org.couchdb.user:acme-release'],
  ['GET', '/-/user/org.couchdb.user:acme-release'],
  ['POST', '/-/v1/login'],
  // Token creation and deletion.
  ['POST', '/-/npm/v1/tokens'],
  ['DELETE', '/-/npm/v1/tokens/token/abc123'],
  // Profile changes (2FA, password, CIDR).
  ['POST', '/-/npm/v1/user'],
  // Publish, unpublish, deprecate (a PUT of the packument), dist-tags.
  ['PUT', '/@acme%2fwidgets'],
  ['DELETE', '/@acme%2fwidgets/-rev/3-abc'],
  ['PUT', '/-/package/@acme%2fwidgets/dist-tags/latest'],
  ['DELETE', '/-/package/@acme%2fwidgets/dist-tags/next'],
  // Access, collaborators, teams and orgs.
  ['POST', '/-/package/@acme%2fwidgets/access'],
  ['PUT', '/-/team/acme/devs/package'],
  ['DELETE', '/-/team/acme/devs/package'],
  ['PUT', '/-/org/acme/user'],
  ['DELETE', '/-/org/acme/user'],
  // Reads we do not need.
  ['GET', '/-/org/acme/user'],
  ['GET', '/-/package/@acme%2fwidgets/collaborators'],
  ['GET', '/@acme%2fwidgets'],
];

describe('npm operations', () => {
  it('allow the five reads the inspector needs, with any query string', () => {
    expect(allowed('GET', '/-/whoami')).toBe(true);
    expect(allowed('GET', '/-/npm/v1/tokens?page=1&perPage=2')).toBe(true);
    expect(allowed('GET', '/-/npm/v1/user')).toBe(true);
    expect(allowed('GET', '/-/user/acme-release/package')).toBe(true);
    expect(allowed('GET', '/-/v1/search?text=maintainer:acme-release&size=250')).toBe(true);
  });

  it('work below a private registry path (Artifactory-style endpoint)', () => {
    const base = new URL('https://npm.corp.example/artifactory/api/npm/npm/');
    expect(allowed('GET', '/artifactory/api/npm/npm/-/whoami', base)).toBe(true);
    expect(allowed('GET', '/-/whoami', base)).toBe(false);
  });

  it.each(FORBIDDEN)('refuse %s %s', (method, path) => {
    expect(allowed(method, path)).toBe(false);
  });

  it('list no POST at all', () => {
    expect(npm.operations!.every((op) => op.method === 'GET')).toBe(true);
  });
});
