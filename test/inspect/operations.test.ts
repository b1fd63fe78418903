import { describe, expect, it } from '@jest/globals';
import { PROVIDERS } from '../../providers/registry.js';
import { refusal } from '../../src/core/operations.js';

describe('every HTTP provider lists its exact read-only operations', () => {
  // AWS goes through its SDK, whose allowlist of operations is providers/aws/readonly.ts (tested there).
  const http = PROVIDERS.filter((p) => p.inspect && p.endpoint && p.id !== 'aws');

  it.each(http.map((p) => [p.id, p] as const))('%s has a non-empty list with no wildcard', (_id, p) => {
    expect(p.operations?.length).toBeGreaterThan(0);
    for (const op of p.operations ?? []) {
      expect(op.path.startsWith('/')).toBe(true);
      // A POST must say what its body may be: a listed GraphQL document, or why it only reads.
      if (op.method === 'POST') expect(op.body).toBeDefined();
      expect(op.path).not.toMatch(/\*/);
    }
  });

  it('a path outside a list is refused, whatever the method', () => {
    const ops = [{ method: 'GET' as const, path: '/v1/apps/{app}' }];
    const base = new URL('https://api.example/');
    const at = (p: string) => new URL(`https://api.example${p}`);
    expect(refusal(ops, base, 'GET', at('/v1/apps/web'), undefined)).toBeUndefined();
    expect(refusal(ops, base, 'GET', at('/v1/apps/web/secrets'), undefined)).toMatch(/not on this provider's list/);
    expect(refusal(ops, base, 'DELETE', at('/v1/apps/web'), undefined)).toMatch(/not on this provider's list/);
    expect(refusal(ops, base, 'GET', at('/v1/apps/'), undefined)).toMatch(/not on this provider's list/);
    expect(refusal(ops, base, 'GET', at('/v1/apps/%2e%2e'), undefined)).toMatch(/not on this provider's list/);
  });
});
