import { describe, expect, it } from '@jest/globals';
import { supabase } from '../../providers/supabase/index.js';
import { refusal } from '../../src/core/operations.js';

const ENDPOINT = new URL('https://api.supabase.com');
const allowed = (method: string, path: string) =>
  refusal(supabase.operations!, ENDPOINT, method, new URL(path, ENDPOINT), undefined) === undefined;

// Management API endpoints that reveal other secrets or change state (Supabase's OpenAPI; the
// fact sheet's §1.2-1.3): none may ever pass the door.
const FORBIDDEN: [string, string][] = [
  // Project keys, secrets, the database's connection details and arbitrary SQL.
  ['GET', '/v1/projects/qwertyuiopasdfghjklz/api-keys'],
  ['GET', '/v1/projects/qwertyuiopasdfghjklz/api-keys?reveal=true'],
  ['GET', '/v1/projects/qwertyuiopasdfghjklz/api-keys/legacy'],
  ['GET', '/v1/projects/qwertyuiopasdfghjklz/secrets'],
  ['GET', '/v1/projects/qwertyuiopasdfghjklz/config/auth'],
  ['GET', '/v1/projects/qwertyuiopasdfghjklz/config/database/pooler'],
  ['GET', '/v1/projects/qwertyuiopasdfghjklz/postgrest'],
  ['GET', '/v1/branches/br-1'],
  ['POST', '/v1/projects/qwertyuiopasdfghjklz/database/query'],
  ['POST', '/v1/projects/qwertyuiopasdfghjklz/database/query/read-only'],
  // Mutations.
  ['DELETE', '/v1/projects/qwertyuiopasdfghjklz'],
  ['DELETE', '/v1/branches/br-1'],
  ['DELETE', '/v1/projects/qwertyuiopasdfghjklz/branches'],
  ['DELETE', '/v1/projects/qwertyuiopasdfghjklz/secrets'],
  ['DELETE', '/v1/projects/qwertyuiopasdfghjklz/api-keys/key-1'],
  ['DELETE', '/v1/projects/qwertyuiopasdfghjklz/functions/hello'],
  ['POST', '/v1/projects'],
  ['POST', '/v1/projects/qwertyuiopasdfghjklz/branches'],
  ['POST', '/v1/projects/qwertyuiopasdfghjklz/restore'],
  ['PATCH', '/v1/projects/qwertyuiopasdfghjklz/config/auth'],
];

describe('Supabase operations', () => {
  it('allow the three listings the inspector needs', () => {
    expect(allowed('GET', '/v1/organizations')).toBe(true);
    expect(allowed('GET', '/v1/projects')).toBe(true);
    expect(allowed('GET', '/v1/projects/qwertyuiopasdfghjklz/branches')).toBe(true);
  });

  it.each(FORBIDDEN)('refuse %s %s', (method, path) => {
    expect(allowed(method, path)).toBe(false);
  });

  it('list no POST at all', () => {
    expect(supabase.operations!.every((op) => op.method === 'GET')).toBe(true);
  });
});
