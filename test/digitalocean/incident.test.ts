import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { runCli } from '../../src/cli/main.js';
import { DoDouble } from './double.js';
import { DB_PASSWORD, PROD_DB, testWorld } from './world.js';

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

// The incident's shape on DigitalOcean: a token kept "for DNS" in a staging file, that (unless it
// is read-only, which DigitalOcean does not say) can delete the production database cluster.
describe('the incident on DigitalOcean, end to end through the CLI', () => {
  const t = testWorld();
  const token = t.tokens.full;
  let dir: string;
  let double: DoDouble;
  let url: string;
  let code: number;
  let stdout = '';
  let stderr = '';

  beforeAll(async () => {
    double = new DoDouble(t.world);
    url = await double.start();
    dir = mkdtempSync(join(tmpdir(), 'tokenscope-do-incident-'));
    mkdirSync(join(dir, 'infra', 'staging'), { recursive: true });
    writeFileSync(join(dir, 'infra', 'staging', 'dns.env'), `DIGITALOCEAN_DNS_TOKEN=${token}\n`);
    code = await runCli(['audit', dir, '--format', 'json', '--digitalocean-api-url', url], {
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

  const finding = (): JsonFinding => {
    const found = (JSON.parse(stdout) as { findings: JsonFinding[] }).findings.filter(
      (f) => f.provider === 'digitalocean',
    );
    expect(found).toHaveLength(1);
    return found[0]!;
  };

  it('exits 1 with the token critical and verified', () => {
    expect(code).toBe(1);
    expect(finding().verification).toBe('verified');
    expect(finding().severity).toBe('critical');
  });

  it('raises destructive-production-access naming the database cluster, with the caveat; and intent-mismatch', () => {
    const f = finding();
    expect(f.risks.map((r) => r.id)).toEqual(
      expect.arrayContaining([
        'destructive-production-access',
        'intent-mismatch',
        'cross-environment',
        'account-wide-token',
        'reads-other-secrets',
      ]),
    );
    const destructive = f.risks.find((r) => r.id === 'destructive-production-access')!;
    expect(destructive.severity).toBe('critical');
    expect(destructive.message).toContain(`database cluster "${PROD_DB}" of project "storefront"`);
    expect(destructive.message).toContain('volume "pg-data" of project "storefront"');
    expect(destructive.message).toMatch(/^unless it is a Read Only token/);
    expect(f.risks.find((r) => r.id === 'intent-mismatch')?.message).toContain(
      '"DIGITALOCEAN_DNS_TOKEN" states a narrow purpose ("dns")',
    );
  });

  it('names the narrower credential: a custom-scope token for domains, with an expiry', () => {
    expect(finding().remediation).toContain('custom-scope token with `domain:read` and `domain:update` only');
    expect(finding().remediation).toContain('https://docs.digitalocean.com/reference/api/scopes/');
  });

  it('sent only listed GETs, never the databases listing, and printed neither the token nor a password', () => {
    expect(double.requests.length).toBeGreaterThan(0);
    expect(double.requests.every((r) => r.method === 'GET' && !r.path.startsWith('/v2/databases'))).toBe(true);
    for (const s of [token, DB_PASSWORD]) {
      expect(stdout).not.toContain(s);
      expect(stderr).not.toContain(s);
    }
  });

  it('`inspect --provider digitalocean` reads the token from stdin, and the environment sets the endpoint', async () => {
    let out = '';
    const exit = await runCli(['inspect', '--provider', 'digitalocean', '--format', 'json'], {
      stdout: (s) => {
        out += s;
      },
      stderr: () => {},
      stdin: async () => `${token}\n`,
      env: { TOKENSCOPE_DIGITALOCEAN_API_URL: url },
      cwd: dir,
    });
    expect(exit).toBe(1);
    expect(out).not.toContain(token);
    const f = (JSON.parse(out) as { findings: JsonFinding[] }).findings[0]!;
    expect(f.verification).toBe('verified');
    expect(f.scope?.capabilities[0]).toMatchObject({ action: 'delete', production: true });
  });
});
