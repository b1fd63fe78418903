import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cli } from '../helpers/cli.js';
import { tempDir, writeFiles } from '../helpers/repo.js';
import { type Cluster, startCluster } from './cluster.js';
import { createWorld, ROLES, url } from './world.js';

interface ReportFinding {
  provider: string;
  ruleId: string;
  secret: { redacted: string };
  verification: string;
  verificationReason: string;
  scope: { identity: string; capabilities: Array<{ action: string; resource: string }> } | null;
  risks: Array<{ id: string; severity: string; message: string }>;
  severity: string;
  remediation: string;
}

let cluster: Cluster;
beforeAll(async () => {
  cluster = await startCluster();
  await createWorld(cluster);
}, 120_000);
afterAll(async () => {
  await cluster?.stop();
});
/** The throwaway cluster listens on a random port: allowed the way a user allows one. */
const allowClusterPort = () => ['--found-host-ports', String(cluster.port)];

describe('tokenscope with a DATABASE_URL, end to end (real server)', () => {
  it('audit: finds the app role in .env, reports what it can do, never prints the password', async () => {
    const dir = tempDir();
    writeFiles(dir, { '.env': `NODE_ENV=production\nDATABASE_URL=${url(cluster, 'rw')}\n` });
    const run = await cli(['audit', dir, '--format', 'json', '--threads', '1', ...allowClusterPort()]);
    expect(run.stdout + run.stderr).not.toContain(ROLES.rw.password);
    expect(run.code).toBe(1); // critical findings fail at the default --fail-on high
    const report = JSON.parse(run.stdout) as { findings: ReportFinding[] };
    expect(report.findings).toHaveLength(1);
    const f = report.findings[0]!;
    expect(f.provider).toBe('postgres');
    expect(f.ruleId).toBe('postgres-url');
    expect(f.secret.redacted).toBe(`postgres://app_rw:****@127.0.0.1:${cluster.port}/shop_production`);
    expect(f.verification).toBe('verified');
    expect(f.scope?.identity).toBe(`app_rw@127.0.0.1:${cluster.port}/shop_production`);
    expect(f.risks.map((r) => `${r.id}:${r.severity}`).sort()).toEqual([
      'db-can-destroy:critical',
      // Narrow, in a file outside git: at most medium, below the broad risk (README, Severities).
      'db-not-read-only:medium',
    ]);
    expect(f.severity).toBe('critical');
    expect(f.remediation).toContain('GRANT SELECT ON ALL TABLES IN SCHEMA billing, public TO app_rw_readonly;');
  });

  it('audit --offline: the URL is reported and nobody is asked', async () => {
    const dir = tempDir();
    writeFiles(dir, { '.env': `DATABASE_URL=${url(cluster, 'ro')}\n` });
    const before = cluster.log().length;
    const run = await cli(['audit', dir, '--format', 'json', '--offline', '--threads', '1', ...allowClusterPort()]);
    const f = (JSON.parse(run.stdout) as { findings: ReportFinding[] }).findings[0]!;
    expect(f.verification).toBe('unverified');
    expect(f.verificationReason).toBe('offline: inspection was turned off');
    expect(f.scope?.identity).toBe(`app_ro@127.0.0.1:${cluster.port}/shop_production`);
    expect(cluster.log().slice(before)).not.toContain('app_ro');
  });

  it('inspect --provider postgres reads the URL from stdin', async () => {
    const run = await cli(['inspect', '--provider', 'postgres', '--format', 'json', ...allowClusterPort()], {
      input: `${url(cluster, 'rls')}\n`,
    });
    expect(run.stdout + run.stderr).not.toContain(ROLES.rls.password);
    const f = (JSON.parse(run.stdout) as { findings: ReportFinding[] }).findings[0]!;
    expect(f.verification).toBe('verified');
    expect(f.scope?.identity).toBe(`app_rls@127.0.0.1:${cluster.port}/shop_production`);
    expect(f.risks.map((r) => r.id)).toEqual(['db-bypasses-rls']);
  });

  it('inspect --provider postgres with a wrong password: invalid, exit 0', async () => {
    const run = await cli(['inspect', '--provider', 'postgres', '--format', 'json', ...allowClusterPort()], {
      input: cluster.url('app_ro', 'wrong-Password-71Kd'),
    });
    expect(run.stdout + run.stderr).not.toContain('wrong-Password-71Kd');
    const f = (JSON.parse(run.stdout) as { findings: ReportFinding[] }).findings[0]!;
    expect(f.verification).toBe('invalid');
    expect(f.verificationReason).toBe(`127.0.0.1:${cluster.port} rejected the password of role "app_ro"`);
    expect(run.code).toBe(0);
  });
});
