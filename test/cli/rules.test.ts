import { describe, expect, it } from '@jest/globals';
import { PROVIDERS } from '../../providers/registry.js';
import { cli } from '../helpers/cli.js';

describe('tokenscope rules', () => {
  it('lists every built-in rule once, in JSON, with what tokenscope can learn of its tokens', async () => {
    const r = await cli(['rules', '--format', 'json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as { id: string; provider: string; verifies: boolean; inspectsScope: boolean }[];
    const ids = PROVIDERS.flatMap((p) => p.rules.map((x) => x.id));
    expect(rows.map((x) => x.id).sort()).toEqual([...ids].sort());
    const railway = rows.find((x) => x.provider === 'railway')!;
    expect([railway.verifies, railway.inspectsScope]).toEqual([true, true]);
    const privateKey = rows.find((x) => x.provider === 'privatekey')!;
    expect([privateKey.verifies, privateKey.inspectsScope]).toEqual([false, false]);
  });

  it('says which rules a whoami verifies, and by which request, without claiming their scope', async () => {
    const rows = JSON.parse((await cli(['rules', '--format', 'json'])).stdout) as {
      id: string;
      verifies: boolean;
      verifiedBy?: string;
      inspectsScope: boolean;
    }[];
    const row = (id: string) => rows.find((x) => x.id === id)!;
    expect(row('buildkite-api-token')).toMatchObject({
      verifies: true,
      verifiedBy: 'GET /v2/access-token',
      inspectsScope: false,
    });
    // One kind of a provider verified, the other not: a webhook carries its token in the path.
    expect(row('discord-bot-token')).toMatchObject({ verifies: true, verifiedBy: 'GET /api/v10/users/@me' });
    expect(row('discord-webhook')).toMatchObject({ verifies: false, inspectsScope: false });
    expect(row('discord-webhook').verifiedBy).toBeUndefined();
    expect(row('twilio-auth-token')).toMatchObject({ verifies: false, inspectsScope: false });
    expect(row('github-pat-fine-grained')).toMatchObject({ verifies: true, inspectsScope: true });
  });

  it('prints a table with a count line', async () => {
    const r = await cli(['rules']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\d+ rules over \d+ providers; \d+ verify, \d+ inspect scope\./);
    expect(r.stdout).toContain('github');
    expect(r.stdout).toContain('yes (GET /v1/me)');
  });
});
