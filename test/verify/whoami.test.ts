import { describe, expect, it } from '@jest/globals';
import { PROVIDERS } from '../../providers/registry.js';
import { useDouble } from '../helpers/double-harness.js';
import { WhoamiDouble } from './double.js';
import { ROWS } from './table.js';

const byId = new Map(PROVIDERS.map((p) => [p.id, p]));

describe.each(ROWS)('verification of $provider tokens by its whoami', (row) => {
  const provider = byId.get(row.provider)!;
  const double = new WhoamiDouble(row);
  const tokens = double.named;
  const d = useDouble(provider, double, tokens);
  const inspect = d.inspect;

  it('a live token is verified, with what the answer says of it', async () => {
    const i = await inspect('live');
    expect(i.reason).toBe(row.expect.reason);
    expect(i.verification).toBe('verified');
    expect(i.scope?.identity).toBe(row.expect.identity);
    expect(i.scope?.permissions).toEqual(row.expect.permissions ?? []);
    expect(i.scope?.reach).toEqual(row.expect.reach ?? {});
    if (row.expect.tokenType) expect(i.scope?.tokenType).toBe(row.expect.tokenType);
    // A whoami learns no capability: what it cannot tell is said.
    expect(i.scope?.capabilities).toEqual([]);
    expect(i.scope?.unknowns.length).toBeGreaterThan(0);
    if (row.expect.identity === null) expect(i.scope?.unknowns[0]?.what).toBe('identity');
    expect(JSON.stringify(i)).not.toContain(tokens.live.slice(0, 10));
  });

  const method = row.method ?? 'GET';

  it(`sent exactly one ${method} ${row.path}, the token only in the ${row.header} header`, async () => {
    await inspect('other');
    const sent = double.requests.filter((r) => r.token === tokens.other);
    expect(sent.map((r) => `${r.method} ${r.path}${r.query.size ? '?' : ''}`)).toEqual([`${method} ${row.path}`]);
    for (const r of double.requests) {
      expect(r.path).not.toContain(tokens.other);
      expect(r.query.toString()).not.toContain(tokens.other);
    }
  });

  it("a revoked token is invalid, with the provider's words", async () => {
    const i = await inspect('revoked');
    expect(i.verification).toBe('invalid');
    const refused = row.revoked
      ? `HTTP ${row.revoked.status}: ${row.revoked.says}`
      : 'HTTP 401: Invalid authentication credentials';
    expect(i.reason).toBe(`${provider.name} rejects it (${refused}): revoked, expired or never issued`);
    expect(i.scope).toBeNull();
  });

  it('a 403 leaves it unverified, saying the token may be live', async () => {
    const i = await inspect('forbidden');
    expect(i.verification).toBe('unverified');
    expect(i.reason).toContain(
      `refused ${method} ${row.path} (HTTP 403: You do not have permission to perform this action): the token may be live without the right to read its own identity, or disabled`,
    );
    expect(i.scope).toBeNull();
  });

  it('never repeats a token the provider echoes', async () => {
    const i = await inspect('echo');
    expect(i.verification).toBe('invalid');
    expect(JSON.stringify(i)).not.toContain(tokens.echo);
  });

  it('lists one operation, its whoami, and nothing else', () => {
    expect(provider.operations?.map((o) => `${o.method} ${o.path}`)).toEqual([`${method} ${row.path}`]);
  });
});
