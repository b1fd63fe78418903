import { describe, expect, it } from '@jest/globals';
import { openai } from '../../providers/openai/index.js';
import { refusal } from '../../src/core/operations.js';

const ENDPOINT = new URL('https://api.openai.com');
const allowed = (method: string, path: string) =>
  refusal(openai.operations!, ENDPOINT, method, new URL(path, ENDPOINT), undefined) === undefined;

// OpenAI endpoints that spend, mutate, or show other keys (openai-openapi; the fact sheet's §5.3).
const FORBIDDEN: [string, string][] = [
  // Spend money (and a write in spirit).
  ['POST', '/v1/chat/completions'],
  ['POST', '/v1/responses'],
  ['POST', '/v1/embeddings'],
  // Other keys' redacted values and owners.
  ['GET', '/v1/organization/admin_api_keys'],
  ['GET', '/v1/organization/projects/proj_1/api_keys'],
  ['GET', '/v1/organization/projects/proj_1/service_accounts'],
  // Audit logs, costs, and the undocumented self endpoint.
  ['GET', '/v1/organization/audit_logs'],
  ['GET', '/v1/organization/costs'],
  ['GET', '/v1/me'],
  // Administration.
  ['POST', '/v1/organization/admin_api_keys'],
  ['DELETE', '/v1/organization/admin_api_keys/key_1'],
  ['DELETE', '/v1/organization/projects/proj_1/api_keys/key_1'],
  ['POST', '/v1/organization/invites'],
  ['DELETE', '/v1/organization/users/user_1'],
  ['POST', '/v1/organization/users/user_1'],
  ['POST', '/v1/organization/projects/proj_1/archive'],
  ['POST', '/v1/organization/projects/proj_1/rate_limits/rl_1'],
  // Project data.
  ['DELETE', '/v1/files/file_1'],
  ['GET', '/v1/files/file_1/content'],
  ['DELETE', '/v1/models/ft:gpt-4o:acme'],
];

describe('OpenAI operations', () => {
  it('allow the model list and the two admin listings, with a query string', () => {
    expect(allowed('GET', '/v1/models')).toBe(true);
    expect(allowed('GET', '/v1/organization/projects?limit=100')).toBe(true);
    expect(allowed('GET', '/v1/organization/users?limit=1')).toBe(true);
  });

  it.each(FORBIDDEN)('refuse %s %s', (method, path) => {
    expect(allowed(method, path)).toBe(false);
  });

  it('list only GETs without parameters', () => {
    expect(openai.operations!.every((op) => op.method === 'GET' && !op.path.includes('{'))).toBe(true);
  });
});
