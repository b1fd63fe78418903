import { describe, expect, it } from '@jest/globals';
import { vercel } from '../../providers/vercel/index.js';
import { refusal } from '../../src/core/operations.js';

const ENDPOINT = new URL('https://api.vercel.com');
const allowed = (method: string, path: string) =>
  refusal(vercel.operations!, ENDPOINT, method, new URL(path, ENDPOINT), undefined) === undefined;

// Vercel endpoints that reveal other secrets or change state (Vercel's REST API reference; the
// fact sheet's §3): none may ever pass the door.
const FORBIDDEN: [string, string][] = [
  // Environment variables: values, and decrypted values.
  ['GET', '/v9/projects/storefront/env'],
  ['GET', '/v10/projects/storefront/env'],
  ['GET', '/v10/projects/storefront/env?decrypt=true'],
  ['GET', '/v1/projects/storefront/env/env_123'],
  ['GET', '/v1/env'],
  // Another token's metadata, the token list, Edge Config read tokens.
  ['GET', '/v5/user/tokens/tok_other'],
  ['GET', '/v6/user/tokens'],
  ['GET', '/v1/edge-config/ecfg_1/tokens'],
  // Deployment files and logs can hold build-time secrets.
  ['GET', '/v6/deployments/dpl_1/files'],
  ['GET', '/v2/deployments/dpl_1/events'],
  // Mutations.
  ['DELETE', '/v9/projects/storefront'],
  ['DELETE', '/v13/deployments/dpl_1'],
  ['DELETE', '/v9/projects/storefront/env/env_123'],
  ['DELETE', '/v9/projects/storefront/domains/shop.acme.example'],
  ['DELETE', '/v3/user/tokens/tok_1'],
  ['DELETE', '/v6/domains/acme.example'],
  ['DELETE', '/v2/domains/acme.example/records/rec_1'],
  ['POST', '/v3/user/tokens'],
  ['POST', '/v2/domains/acme.example/records'],
  ['PATCH', '/v9/projects/storefront'],
];

describe('Vercel operations', () => {
  it('allow the five reads the inspector needs, with any query string', () => {
    expect(allowed('GET', '/v5/user/tokens/current')).toBe(true);
    expect(allowed('GET', '/v2/user')).toBe(true);
    expect(allowed('GET', '/v2/teams?limit=100&until=1')).toBe(true);
    expect(allowed('GET', '/v10/projects?teamId=team_1&limit=100')).toBe(true);
    expect(allowed('GET', '/v5/domains?teamId=team_1')).toBe(true);
  });

  it.each(FORBIDDEN)('refuse %s %s', (method, path) => {
    expect(allowed(method, path)).toBe(false);
  });

  it('list no POST at all: every Vercel read is a GET', () => {
    expect(vercel.operations!.every((op) => op.method === 'GET')).toBe(true);
  });
});
