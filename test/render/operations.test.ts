import { describe, expect, it } from '@jest/globals';
import { render } from '../../providers/render/index.js';
import { refusal } from '../../src/core/operations.js';

const ENDPOINT = new URL('https://api.render.com/v1');
const allowed = (method: string, path: string) =>
  refusal(render.operations!, ENDPOINT, method, new URL(`/v1${path}`, ENDPOINT), undefined) === undefined;

// Render operations that reveal other secrets or change state (fact sheet §5, from Render's
// generated client): none may pass the door.
const FORBIDDEN: [string, string][] = [
  ['GET', '/postgres/dpg-shop-db/connection-info'],
  ['GET', '/key-value/red-shop-cache/connection-info'],
  ['GET', '/redis/red-shop-cache/connection-info'],
  ['GET', '/services/srv-shop-api/env-vars'],
  ['GET', '/services/srv-shop-api/env-vars/DATABASE_URL'],
  ['GET', '/services/srv-shop-api/secret-files'],
  ['GET', '/env-groups'],
  ['GET', '/env-groups/evg-1'],
  ['GET', '/postgres/dpg-shop-db'],
  ['DELETE', '/services/srv-shop-api'],
  ['DELETE', '/postgres/dpg-shop-db'],
  ['DELETE', '/disks/dsk-uploads'],
  ['DELETE', '/key-value/red-shop-cache'],
  ['DELETE', '/projects/prj-shop'],
  ['DELETE', '/environments/evm-shop-prod'],
  ['POST', '/disks/dsk-uploads/snapshots/restore'],
  ['POST', '/postgres/dpg-shop-db/recovery'],
  ['POST', '/services/srv-shop-api/suspend'],
];

describe('Render operations', () => {
  it('allow the listings the inspector needs, with any query string', () => {
    expect(allowed('GET', '/users')).toBe(true);
    expect(allowed('GET', '/owners?limit=100&cursor=abc')).toBe(true);
    expect(allowed('GET', '/owners/tea-acme/members')).toBe(true);
    expect(allowed('GET', '/services?ownerId=tea-acme')).toBe(true);
    expect(allowed('GET', '/disks?ownerId=tea-acme')).toBe(true);
  });

  it.each(FORBIDDEN)('refuse %s %s', (method, path) => {
    expect(allowed(method, path)).toBe(false);
  });

  it('are all GETs', () => {
    expect(render.operations!.every((op) => op.method === 'GET')).toBe(true);
  });
});
