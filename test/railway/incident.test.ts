import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { runCli } from '../../src/cli/main.js';
import { RailwayDouble } from './double.js';
import { incidentWorld } from './world.js';

interface JsonFinding {
  provider: string;
  severity: string;
  verification: string;
  scope: { tokenType: string; reach: Record<string, string[]> } | null;
  risks: { id: string; severity: string; message: string }[];
  remediation: string;
}

// The incident tokenscope exists for: a token kept "for domains" that could delete the
// production database volume.
describe('the incident, end to end', () => {
  const token = randomUUID();
  let dir: string;
  let double: RailwayDouble;
  let url: string;
  let code: number;
  let stdout = '';
  let stderr = '';

  beforeAll(async () => {
    double = new RailwayDouble(incidentWorld(token));
    url = await double.start();
    dir = mkdtempSync(join(tmpdir(), 'tokenscope-incident-'));
    mkdirSync(join(dir, 'infra', 'domains'), { recursive: true });
    writeFileSync(join(dir, 'infra', 'domains', '.env'), `RAILWAY_DOMAIN_TOKEN=${token}\n`);
    code = await runCli(['audit', dir, '--format', 'json', '--railway-endpoint', url], {
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

  const railwayFinding = (): JsonFinding => {
    const report = JSON.parse(stdout) as { findings: JsonFinding[] };
    const found = report.findings.filter((f) => f.provider === 'railway');
    expect(found).toHaveLength(1);
    return found[0]!;
  };

  it('exits 1', () => {
    expect(code).toBe(1);
  });

  it('reports the token critical, as a verified account token', () => {
    const f = railwayFinding();
    expect(f.verification).toBe('verified');
    expect(f.scope?.tokenType).toBe('account token');
    expect(f.severity).toBe('critical');
  });

  it('raises destructive-production-access, naming the volume, and intent-mismatch', () => {
    const f = railwayFinding();
    const ids = f.risks.map((r) => r.id);
    expect(ids).toContain('destructive-production-access');
    expect(ids).toContain('intent-mismatch');
    const destructive = f.risks.find((r) => r.id === 'destructive-production-access')!;
    expect(destructive.severity).toBe('critical');
    expect(destructive.message).toContain(
      'the volume "postgres-data" in environment "production" of project "pocketos"',
    );
    expect(f.risks.find((r) => r.id === 'intent-mismatch')?.message).toContain('"RAILWAY_DOMAIN_TOKEN"');
    expect(f.scope?.reach.volumes).toContain('pocketos/production/postgres-data');
  });

  it('names the narrower credential to use instead', () => {
    expect(railwayFinding().remediation).toContain('use a project token for environment «production» of «pocketos»');
  });

  it('sent the token to the configured endpoint only, and only in queries', () => {
    expect(double.requests.length).toBeGreaterThan(0);
    expect(double.requests.every((r) => r.operation === 'query')).toBe(true);
    expect(double.unexpectedErrors).toEqual([]);
  });

  it('never prints the raw token', () => {
    expect(stdout).not.toContain(token);
    expect(stderr).not.toContain(token);
  });

  it('gives the same analysis for the token read from stdin by `inspect --provider railway`', async () => {
    let out = '';
    const exit = await runCli(['inspect', '--provider', 'railway', '--format', 'json', '--railway-endpoint', url], {
      stdout: (s) => {
        out += s;
      },
      stderr: () => {},
      stdin: async () => `${token}\n`,
      env: {},
      cwd: dir,
    });
    expect(exit).toBe(1);
    expect(out).not.toContain(token);
    const f = (JSON.parse(out) as { findings: JsonFinding[] }).findings[0]!;
    expect(f.severity).toBe('critical');
    expect(f.risks.find((r) => r.id === 'destructive-production-access')?.message).toContain(
      'the volume "postgres-data" in environment "production" of project "pocketos"',
    );
    // The most dangerous capability comes first.
    expect(
      (f.scope as unknown as { capabilities: { action: string; production?: boolean }[] }).capabilities[0],
    ).toMatchObject({
      action: 'delete',
      production: true,
    });
  });

  it('--agent answers the agent question in one line, counting the token that can delete production', async () => {
    let out = '';
    const home = mkdtempSync(join(tmpdir(), 'tokenscope-agent-home-'));
    try {
      const exit = await runCli(['audit', dir, '--agent', '--format', 'json', '--railway-endpoint', url], {
        stdout: (s) => {
          out += s;
        },
        stderr: () => {},
        env: { HOME: home },
        cwd: dir,
      });
      expect(exit).toBe(1);
      const headline = (JSON.parse(out) as { summary: { headline?: string } }).summary.headline;
      expect(headline).toBe(
        'An agent started here can read 1 credential: 1 can delete or administer (known broad), 0 cannot (known narrow), 0 could not be inspected (reach unknown).',
      );
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});
