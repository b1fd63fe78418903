import { describe, expect, it } from '@jest/globals';
import { neon } from '../../providers/neon/index.js';
import { refusal } from '../../src/core/operations.js';

const ENDPOINT = new URL('https://console.neon.tech/api/v2');
const allowed = (method: string, path: string) =>
  refusal(neon.operations!, ENDPOINT, method, new URL(`/api/v2${path}`, ENDPOINT), undefined) === undefined;

// Neon endpoints that reveal other secrets or change state (Neon's API reference; the fact
// sheet's §2): none may ever pass the door.
const FORBIDDEN: [string, string][] = [
  ['GET', '/projects/shop-1/connection_uri?database_name=shop&role_name=shop_owner'],
  ['GET', '/projects/shop-1/branches/br-main-1/roles/shop_owner/reveal_password'],
  ['GET', '/projects/shop-1/branches/br-main-1/roles'],
  ['GET', '/projects/shop-1/branches/br-main-1/roles/shop_owner'],
  ['GET', '/api_keys'],
  ['GET', '/projects/shop-1/endpoints'],
  ['GET', '/projects/shop-1'],
  ['DELETE', '/projects/shop-1'],
  ['DELETE', '/projects/shop-1/branches/br-main-1'],
  ['DELETE', '/projects/shop-1/branches/br-main-1/databases/shop'],
  ['DELETE', '/projects/shop-1/branches/br-main-1/roles/shop_owner'],
  ['DELETE', '/api_keys/1'],
  ['POST', '/api_keys'],
  ['POST', '/projects'],
  ['POST', '/projects/shop-1/branches/br-main-1/restore'],
  ['POST', '/projects/shop-1/branches/br-main-1/roles/shop_owner/reset_password'],
  ['PATCH', '/projects/shop-1'],
];

describe('Neon operations', () => {
  it('allow the five reads the inspector needs, below /api/v2', () => {
    expect(allowed('GET', '/auth')).toBe(true);
    expect(allowed('GET', '/users/me/organizations')).toBe(true);
    expect(allowed('GET', '/projects?limit=100&org_id=org-acme&cursor=shop-1')).toBe(true);
    expect(allowed('GET', '/projects/shop-1/branches')).toBe(true);
    expect(allowed('GET', '/projects/shop-1/branches/br-main-1/databases')).toBe(true);
  });

  it.each(FORBIDDEN)('refuse %s %s', (method, path) => {
    expect(allowed(method, path)).toBe(false);
  });

  it('list no POST at all', () => {
    expect(neon.operations!.every((op) => op.method === 'GET')).toBe(true);
  });
});
