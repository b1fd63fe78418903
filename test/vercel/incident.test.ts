import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cli } from '../helpers/cli.js';
import { VercelDouble } from './double.js';
import { type TestWorld, testWorld } from './world.js';

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

// The incident's shape on Vercel: a token kept "for DNS" in a staging file that can delete the
// production project, audited through the CLI with the endpoint flag pointing at the double.
describe('the incident on Vercel, end to end', () => {
  let t: TestWorld;
  let double: VercelDouble;
  let url: string;
  let dir: string;
  let run: { code: number; stdout: string; stderr: string };

  beforeAll(async () => {
    t = testWorld();
    double = new VercelDouble(t.world);
    url = await double.start();
    dir = mkdtempSync(join(tmpdir(), 'tokenscope-vercel-incident-'));
    mkdirSync(join(dir, 'deploy', 'staging'), { recursive: true });
    writeFileSync(join(dir, 'deploy', 'staging', '.env'), `VERCEL_DNS_TOKEN=${t.tokens.account}\n`);
    run = await cli(['audit', dir, '--format', 'json', '--vercel-api-url', url], { cwd: dir });
  });
  afterAll(async () => {
    await double.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const vercelFinding = (out: string): JsonFinding => {
    const found = (JSON.parse(out) as { findings: JsonFinding[] }).findings.filter((f) => f.provider === 'vercel');
    expect(found).toHaveLength(1);
    return found[0]!;
  };

  it('exits 1 and reports the token critical and verified', () => {
    expect(run.code).toBe(1);
    const f = vercelFinding(run.stdout);
    expect(f.verification).toBe('verified');
    expect(f.severity).toBe('critical');
  });

  it('raises destructive-production-access naming the project, and intent-mismatch', () => {
    const f = vercelFinding(run.stdout);
    const destructive = f.risks.find((r) => r.id === 'destructive-production-access');
    expect(destructive?.severity).toBe('critical');
    expect(destructive?.message).toContain(
      'the project "storefront" of "acme" with its production deployments and domains',
    );
    expect(f.risks.find((r) => r.id === 'intent-mismatch')?.message).toContain('"VERCEL_DNS_TOKEN"');
    expect(f.scope?.reach.productionProjects).toContain('acme/storefront');
  });

  it('sent the token only to the configured endpoint, only as GETs', () => {
    const mine = double.requests.filter((r) => r.token === t.tokens.account);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((r) => r.method === 'GET')).toBe(true);
  });

  it('never prints the raw token', () => {
    expect(run.stdout + run.stderr).not.toContain(t.tokens.account);
  });

  it('`inspect --provider vercel` gives the same verdict for the token read from stdin', async () => {
    const r = await cli(['inspect', '--provider', 'vercel', '--format', 'json', '--vercel-api-url', url], {
      input: `${t.tokens.account}\n`,
    });
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain(t.tokens.account);
    const f = vercelFinding(r.stdout);
    expect(f.severity).toBe('critical');
    expect(f.risks.map((x) => x.id)).toContain('destructive-production-access');
    expect(f.scope?.capabilities[0]).toMatchObject({ action: 'delete', production: true });
  });

  it('takes the endpoint from TOKENSCOPE_VERCEL_API_URL too', async () => {
    const r = await cli(['inspect', '--provider', 'vercel', '--format', 'json'], {
      input: t.tokens.acmeOnly,
      env: { TOKENSCOPE_VERCEL_API_URL: url },
    });
    expect(vercelFinding(r.stdout).verification).toBe('verified');
  });
});
