import { describe, expect, it } from '@jest/globals';
import { anthropic } from '../../providers/anthropic/index.js';
import { refusal } from '../../src/core/operations.js';

const ENDPOINT = new URL('https://api.anthropic.com');
const allowed = (method: string, path: string) =>
  refusal(anthropic.operations!, ENDPOINT, method, new URL(path, ENDPOINT), undefined) === undefined;

// Anthropic endpoints that spend, mutate, or describe one other key (the fact sheet's §6.3).
const FORBIDDEN: [string, string][] = [
  ['POST', '/v1/messages'],
  ['POST', '/v1/messages/count_tokens'],
  ['POST', '/v1/messages/batches'],
  ['DELETE', '/v1/messages/batches/msgbatch_1'],
  ['DELETE', '/v1/files/file_1'],
  ['GET', '/v1/files/file_1/content'],
  ['POST', '/v1/organizations/api_keys/apikey_1'],
  ['GET', '/v1/organizations/api_keys/apikey_1'],
  ['DELETE', '/v1/organizations/users/user_1'],
  ['POST', '/v1/organizations/users/user_1'],
  ['POST', '/v1/organizations/invites'],
  ['DELETE', '/v1/organizations/invites/invite_1'],
  ['POST', '/v1/organizations/workspaces'],
  ['POST', '/v1/organizations/workspaces/wrkspc_1/archive'],
  ['POST', '/v1/organizations/workspaces/wrkspc_1/members'],
  ['GET', '/v1/organizations/usage_report/messages'],
  ['GET', '/v1/organizations/cost_report'],
];

describe('Anthropic operations', () => {
  it('allow the model list and the four Admin API reads, with a query string', () => {
    expect(allowed('GET', '/v1/models?limit=1')).toBe(true);
    expect(allowed('GET', '/v1/organizations/me')).toBe(true);
    for (const list of ['workspaces', 'users', 'api_keys'])
      expect(allowed('GET', `/v1/organizations/${list}?limit=1`)).toBe(true);
  });

  it.each(FORBIDDEN)('refuse %s %s', (method, path) => {
    expect(allowed(method, path)).toBe(false);
  });

  it('list only GETs without parameters', () => {
    expect(anthropic.operations!.every((op) => op.method === 'GET' && !op.path.includes('{'))).toBe(true);
  });
});
