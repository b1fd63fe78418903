import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { runCli } from '../../src/cli/main.js';
import { CfDouble } from './double.js';
import { testWorld, WORKER_SECRET } from './world.js';

interface JsonFinding {
  provider: string;
  severity: string;
  verification: string;
  scope: { capabilities: { action: string; production?: boolean }[] } | null;
  risks: { id: string; severity: string; message: string }[];
  remediation: string;
}

// The incident's shape on Cloudflare: a token kept "for DNS" in a staging file, that can delete the
// live zone and the production D1 database, and mint more tokens.
describe('the incident on Cloudflare, end to end through the CLI', () => {
  const t = testWorld();
  const token = t.tokens.wide;
  let dir: string;
  let double: CfDouble;
  let url: string;
  let code: number;
  let stdout = '';
  let stderr = '';

  beforeAll(async () => {
    double = new CfDouble(t.world);
    url = await double.start();
    dir = mkdtempSync(join(tmpdir(), 'tokenscope-cf-incident-'));
    mkdirSync(join(dir, 'staging'), { recursive: true });
    writeFileSync(join(dir, 'staging', 'wrangler.env'), `CLOUDFLARE_DNS_TOKEN=${token}\n`);
    code = await runCli(['audit', dir, '--format', 'json', '--cloudflare-api-url', url], {
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
      (f) => f.provider === 'cloudflare',
    );
    expect(found).toHaveLength(1);
    return found[0]!;
  };

  it('exits 1 with the token critical and verified', () => {
    expect(code).toBe(1);
    expect(finding().verification).toBe('verified');
    expect(finding().severity).toBe('critical');
  });

  it('raises destructive-production-access naming the zone and the database, dns-takeover and intent-mismatch', () => {
    const f = finding();
    expect(f.risks.map((r) => r.id)).toEqual(
      expect.arrayContaining(['destructive-production-access', 'dns-takeover', 'intent-mismatch', 'cross-environment']),
    );
    const destructive = f.risks.find((r) => r.id === 'destructive-production-access')!;
    expect(destructive.severity).toBe('critical');
    expect(destructive.message).toContain('D1 database "orders-production" of account "Acme"');
    expect(destructive.message).toContain('zone "acme.com" of account "Acme" with all its DNS records');
    expect(f.risks.find((r) => r.id === 'dns-takeover')?.message).toContain('zone "acme.com"');
    expect(f.risks.find((r) => r.id === 'intent-mismatch')?.message).toContain(
      '"CLOUDFLARE_DNS_TOKEN" states a narrow purpose ("dns")',
    );
  });

  it('names the narrower credential: one zone, one permission, a TTL', () => {
    expect(finding().remediation).toContain('one permission (e.g. Zone → DNS → Edit for DNS work)');
    expect(finding().remediation).toContain('with a TTL');
  });

  it('sent only listed GETs, and printed neither the token nor a Worker secret', () => {
    expect(double.requests.length).toBeGreaterThan(0);
    expect(double.requests.every((r) => r.method === 'GET' && !r.path.includes('/secrets'))).toBe(true);
    for (const s of [token, WORKER_SECRET]) {
      expect(stdout).not.toContain(s);
      expect(stderr).not.toContain(s);
    }
  });

  it('`inspect --provider cloudflare` reads the token from stdin; the environment sets the endpoint', async () => {
    let out = '';
    const exit = await runCli(['inspect', '--provider', 'cloudflare', '--format', 'json'], {
      stdout: (s) => {
        out += s;
      },
      stderr: () => {},
      stdin: async () => `${token}\n`,
      env: { TOKENSCOPE_CLOUDFLARE_API_URL: url },
      cwd: dir,
    });
    expect(exit).toBe(1);
    expect(out).not.toContain(token);
    const f = (JSON.parse(out) as { findings: JsonFinding[] }).findings[0]!;
    expect(f.verification).toBe('verified');
    expect(f.scope?.capabilities[0]).toMatchObject({ action: 'delete', production: true });
  });
});
