import { describe, expect, it } from '@jest/globals';
import { PROVIDERS } from '../../providers/registry.js';
import { redact } from '../../src/core/secret.js';
import { useDouble } from '../helpers/double-harness.js';
import { WhoamiDouble } from './double.js';
import { ROWS } from './table.js';

/**
 * What Vault's lookup-self adds to the shared whoami tests: its answer carries the token itself
 * and its accessor, which tokenscope never reads; the expiry is read; a 403 is a dead token only
 * when Vault says `invalid token`.
 */
const vault = PROVIDERS.find((p) => p.id === 'vault')!;
const row = ROWS.find((r) => r.provider === 'vault')!;

describe('verification of HashiCorp Vault tokens by lookup-self', () => {
  const double = new WhoamiDouble(row);
  const tokens = double.named;
  const d = useDouble(vault, double, tokens);

  it('reads the policies, type and expiry, and never the token id or its accessor', async () => {
    const i = await d.inspect('live');
    expect(i.verification).toBe('verified');
    expect(i.scope).toMatchObject({
      identity: 'token token-deploy-staging',
      tokenType: 'service',
      permissions: ['default', 'deploy-prod'],
      expiresAt: '2026-12-31T10:00:00.000Z',
    });
    const accessor = row.carries!(tokens.live).accessor as string;
    const out = JSON.stringify(i);
    // The answer did hold both (the double's real shape)...
    const answered = double.requests.filter((r) => r.token === tokens.live);
    expect(answered).toHaveLength(1);
    // ...and neither, nor any piece of the token, is in what tokenscope says: not even cut out
    // by the last-line scrub (its redacted form would be there).
    expect(out).not.toContain(accessor);
    expect(out).not.toContain(tokens.live.slice(4, 20));
    expect(out).not.toContain(redact(tokens.live));
  });

  it('a token its policies deny is unverified, not dead: Vault did not say invalid token', async () => {
    const i = await d.inspect('forbidden');
    expect(i.verification).toBe('unverified');
  });
});
