import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { runCli } from '../../src/cli/main.js';
import { FlyDouble } from './double.js';
import { testWorld } from './world.js';

interface JsonFinding {
  provider: string;
  severity: string;
  verification: string;
  scope: {
    tokenType: string;
    reach: Record<string, string[]>;
    capabilities: { action: string; production?: boolean }[];
  } | null;
  risks: { id: string; severity: string; message: string }[];
  remediation: string;
}

// The incident's shape on Fly.io: an organization token kept "for DNS" in a staging file, that
// can delete the production Postgres cluster and its volume.
describe('the incident on Fly.io, end to end through the CLI', () => {
  const t = testWorld();
  const token = t.tokens.org;
  let dir: string;
  let double: FlyDouble;
  let url: string;
  let code: number;
  let stdout = '';
  let stderr = '';

  beforeAll(async () => {
    double = new FlyDouble(t.world);
    url = await double.start();
    dir = mkdtempSync(join(tmpdir(), 'tokenscope-fly-incident-'));
    mkdirSync(join(dir, 'deploy', 'staging'), { recursive: true });
    writeFileSync(join(dir, 'deploy', 'staging', '.env'), `FLY_DNS_TOKEN="${token}"\n`);
    code = await runCli(['audit', dir, '--format', 'json', '--flyio-api-url', url], {
      stdout: (s) => {
        stdout += s;
      },
      stderr: (s) => {
        stderr += s;
      },
      env: {},
      cwd: dir,
    });
  });
  afterAll(async () => {
    await double.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const flyFinding = (): JsonFinding => {
    const found = (JSON.parse(stdout) as { findings: JsonFinding[] }).findings.filter((f) => f.provider === 'flyio');
    expect(found).toHaveLength(1);
    return found[0]!;
  };

  it('exits 1 with the token critical, verified as an organization macaroon', () => {
    expect(code).toBe(1);
    const f = flyFinding();
    expect(f.verification).toBe('verified');
    expect(f.scope?.tokenType).toBe('organization macaroon');
    expect(f.severity).toBe('critical');
  });

  it('raises destructive-production-access naming the volume and the database, and intent-mismatch', () => {
    const f = flyFinding();
    expect(f.risks.map((r) => r.id)).toEqual(
      expect.arrayContaining([
        'destructive-production-access',
        'intent-mismatch',
        'cross-environment',
        'account-wide-token',
      ]),
    );
    const destructive = f.risks.find((r) => r.id === 'destructive-production-access')!;
    expect(destructive.severity).toBe('critical');
    expect(destructive.message).toContain('volume "pg_data" (40 GB, fra) of app "acme-db-production"');
    expect(destructive.message).toContain('Postgres cluster app "acme-db-production" of organization "acme"');
    expect(f.risks.find((r) => r.id === 'intent-mismatch')?.message).toContain(
      '"FLY_DNS_TOKEN" states a narrow purpose ("dns")',
    );
    expect(f.scope?.reach.volumes).toContain('acme/acme-db-production/pg_data');
  });

  it('names the narrower credential: a deploy token for one app, with an expiry', () => {
    expect(flyFinding().remediation).toContain('fly tokens create deploy -a <app> --expiry 720h');
    expect(flyFinding().remediation).toContain('https://fly.io/docs/security/tokens/');
  });

  it('sent the token to the configured endpoint only, in queries only', () => {
    expect(double.requests.length).toBeGreaterThan(0);
    expect(double.requests.every((r) => r.operation === 'query' && r.scheme === 'FlyV1')).toBe(true);
    expect(double.unexpectedErrors).toEqual([]);
  });

  it('never prints the token nor any macaroon in it', () => {
    for (const piece of [token, ...token.replace(/^FlyV1 /, '').split(',')]) {
      expect(stdout).not.toContain(piece);
      expect(stderr).not.toContain(piece);
    }
  });

  it('`inspect --provider flyio` gives the same analysis for the token read from stdin', async () => {
    let out = '';
    const exit = await runCli(['inspect', '--provider', 'flyio', '--format', 'json', '--flyio-api-url', url], {
      stdout: (s) => {
        out += s;
      },
      stderr: () => {},
      stdin: async () => `${token}\n`,
      env: {},
      cwd: dir,
    });
    expect(exit).toBe(1);
    expect(out).not.toContain(token.slice(10, 60));
    const f = (JSON.parse(out) as { findings: JsonFinding[] }).findings[0]!;
    expect(f.verification).toBe('verified');
    expect(f.severity).toBe('critical');
    expect(f.scope?.capabilities[0]).toMatchObject({ action: 'delete', production: true });
  });

  it('TOKENSCOPE_FLYIO_API_URL sets the endpoint too; a URL in the scanned files does not', async () => {
    writeFileSync(join(dir, '.tokenscope-hint'), 'FLYIO_API_URL=http://127.0.0.1:1/graphql\n');
    let out = '';
    const before = double.requests.length;
    await runCli(['audit', dir, '--format', 'json'], {
      stdout: (s) => {
        out += s;
      },
      stderr: () => {},
      env: { TOKENSCOPE_FLYIO_API_URL: url },
      cwd: dir,
    });
    expect(double.requests.length).toBeGreaterThan(before);
    const f = (JSON.parse(out) as { findings: JsonFinding[] }).findings.find((x) => x.provider === 'flyio')!;
    expect(f.verification).toBe('verified');
  });
});
