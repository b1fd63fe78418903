import { describe, expect, it } from '@jest/globals';
import { google } from '../../providers/google/index.js';
import { ReadOnlyViolation } from '../../src/core/errors.js';
import { DEFAULT_HTTP_OPTIONS, ReadOnlyHttp } from '../../src/inspect/http.js';

const API = 'https://cloudresourcemanager.googleapis.com';
const OAUTH = 'https://oauth2.googleapis.com';

// The door inspectAll gives Google, with a fetch that records instead of sending.
const sent: string[] = [];
const door = new ReadOnlyHttp(
  [new URL(API), { name: 'oauth', url: new URL(OAUTH) }],
  { ...DEFAULT_HTTP_OPTIONS, retries: 0 },
  (async (u: string | URL | Request, init?: RequestInit) => {
    sent.push(`${init?.method ?? 'GET'} ${String(u)}`);
    return new Response('{}', { status: 200 });
  }) as typeof fetch,
  google.operations,
);
const send = (method: string, url: string) =>
  method === 'GET' ? door.get(url, {}) : door.fetch(url, { method, body: '{}' });

describe('Google Cloud operations', () => {
  it('allow the token exchange, the project listing and testIamPermissions, each at its own host', async () => {
    await door.post(`${OAUTH}/token`, 'grant_type=x', {});
    await door.get(`${API}/v1/projects?pageSize=100&pageToken=abc`, {});
    await door.post(`${API}/v1/projects/acme-prod:testIamPermissions`, '{"permissions":[]}', {});
    expect(sent).toHaveLength(3);
  });

  // Mutating, escalating or secret-revealing calls of Resource Manager, IAM and the token host
  // (Google's REST references): none may pass, at either endpoint.
  const FORBIDDEN: [string, string][] = [
    ['DELETE', '/v1/projects/acme-prod'],
    ['DELETE', '/v3/projects/acme-prod'],
    ['POST', '/v1/projects'],
    ['PUT', '/v1/projects/acme-prod'],
    ['PATCH', '/v3/projects/acme-prod'],
    ['POST', '/v1/projects/acme-prod:setIamPolicy'],
    ['POST', '/v3/projects/acme-prod:setIamPolicy'],
    ['POST', '/v1/projects/acme-prod:undelete'],
    ['POST', '/v1/projects/acme-prod:getIamPolicy'],
    ['POST', '/v1/projects/acme-prod:setIamPolicy:testIamPermissions'],
    ['POST', '/v1/projects/acme-prod:setOrgPolicy'],
    ['POST', '/v1/projects/acme-prod/serviceAccounts/ci@acme-prod.iam.gserviceaccount.com/keys'],
    ['POST', '/v1/projects/-/serviceAccounts/ci@acme-prod.iam.gserviceaccount.com/keys'],
    ['DELETE', '/v1/projects/-/serviceAccounts/ci@acme-prod.iam.gserviceaccount.com/keys/k1'],
    ['POST', '/v1/projects/-/serviceAccounts/ci@acme-prod.iam.gserviceaccount.com:generateAccessToken'],
    ['POST', '/v1/projects/-/serviceAccounts/ci@acme-prod.iam.gserviceaccount.com:signJwt'],
    ['POST', '/v1/organizations/1:setIamPolicy'],
    ['POST', '/v1/folders/1:setIamPolicy'],
    ['GET', '/v1/projects/acme-prod'],
    ['POST', '/v1/projects:testIamPermissions'],
  ];

  it.each(FORBIDDEN)('refuse %s %s at the API and at the token host', async (method, path) => {
    const before = sent.length;
    await expect(send(method, `${API}${path}`)).rejects.toThrow(ReadOnlyViolation);
    await expect(send(method, `${OAUTH}${path}`)).rejects.toThrow(ReadOnlyViolation);
    expect(sent.length).toBe(before);
  });

  it('allow the token exchange only at the token host, and testIamPermissions only at the API', async () => {
    await expect(door.post(`${API}/token`, 'x', {})).rejects.toThrow(ReadOnlyViolation);
    await expect(door.post(`${OAUTH}/v1/projects/acme-prod:testIamPermissions`, '{}', {})).rejects.toThrow(
      ReadOnlyViolation,
    );
    await expect(door.get(`${OAUTH}/token`, {})).rejects.toThrow(ReadOnlyViolation);
  });

  it('list exactly two POSTs, each with the reason it only reads', () => {
    const posts = google.operations!.filter((op) => op.method === 'POST');
    expect(posts.map((op) => op.path)).toEqual(['/token', '/v1/projects/{projectId}:testIamPermissions']);
    for (const op of posts) expect(op.body).toEqual({ readOnlyBecause: expect.any(String) });
    expect(google.operations!.filter((op) => op.method === 'GET').map((op) => op.path)).toEqual(['/v1/projects']);
  });
});
