import { describe, expect, it } from '@jest/globals';
import { gitlab } from '../../providers/gitlab/index.js';
import { refusal } from '../../src/core/operations.js';

const ENDPOINT = new URL('https://gitlab.example.com');
const allowed = (method: string, path: string) =>
  refusal(gitlab.operations!, ENDPOINT, method, new URL(path, ENDPOINT), undefined) === undefined;

// GitLab endpoints that reveal other secrets, revoke or rotate tokens, or change state (the fact
// sheet's §0 and §1): none may ever pass the door.
const FORBIDDEN: [string, string][] = [
  // Every token of the instance (for an admin), another token, rotation (revokes the old token).
  ['GET', '/api/v4/personal_access_tokens'],
  ['GET', '/api/v4/personal_access_tokens/17'],
  ['POST', '/api/v4/personal_access_tokens/self/rotate'],
  ['POST', '/api/v4/personal_access_tokens/17/rotate'],
  ['DELETE', '/api/v4/personal_access_tokens/self'],
  // CI/CD variables, deploy keys and tokens, runners' tokens.
  ['GET', '/api/v4/projects/11/variables'],
  ['GET', '/api/v4/groups/10/variables'],
  ['GET', '/api/v4/admin/ci/variables'],
  ['GET', '/api/v4/projects/11/deploy_tokens'],
  ['GET', '/api/v4/projects/11/triggers'],
  ['POST', '/api/v4/runners/verify'],
  ['POST', '/api/v4/projects/11/trigger/pipeline'],
  ['POST', '/api/v4/admin/token'],
  // Listings that would also work, but are not ours, and mutations.
  ['GET', '/api/v4/projects'],
  ['GET', '/api/v4/users/1/impersonation_tokens'],
  ['DELETE', '/api/v4/projects/11'],
  ['DELETE', '/api/v4/groups/10'],
  ['PUT', '/api/v4/user'],
  ['GET', '/api/v4/personal_access_tokens/self/../17'],
];

describe('GitLab operations', () => {
  it('allow the three reads the inspector needs, with any query string', () => {
    expect(allowed('GET', '/api/v4/personal_access_tokens/self')).toBe(true);
    expect(allowed('GET', '/api/v4/user')).toBe(true);
    expect(allowed('GET', '/api/v4/personal_access_tokens/self/associations?per_page=100&page=2')).toBe(true);
  });

  it('allow them below a self-managed instance under a relative URL', () => {
    const base = new URL('https://example.com/gitlab');
    expect(
      refusal(gitlab.operations!, base, 'GET', new URL('https://example.com/gitlab/api/v4/user'), undefined),
    ).toBeUndefined();
  });

  it.each(FORBIDDEN)('refuse %s %s', (method, path) => {
    expect(allowed(method, path)).toBe(false);
  });

  it('list no POST at all', () => {
    expect(gitlab.operations!.every((op) => op.method === 'GET')).toBe(true);
  });
});
