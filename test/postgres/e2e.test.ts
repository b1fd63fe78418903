import { describe, expect, it } from '@jest/globals';
import { cli } from '../helpers/cli.js';
import { findingsIn, useFoundHostServer } from '../helpers/found-host-e2e.js';
import { tempDir, writeFiles } from '../helpers/repo.js';
import { startCluster } from './cluster.js';
import { createWorld, ROLES, url } from './world.js';

// A cluster with the test world's roles and databases.
const e2e = useFoundHostServer(async () => {
  const cluster = await startCluster();
  await createWorld(cluster);
  return cluster;
}, 120_000);

describe('tokenscope with a DATABASE_URL, end to end (real server)', () => {
  it('audit: finds the app role in .env, reports what it can do, never prints the password', async () => {
    const dir = tempDir();
    writeFiles(dir, { '.env': `NODE_ENV=production\nDATABASE_URL=${url(e2e.server, 'rw')}\n` });
    const run = await cli(['audit', dir, '--format', 'json', '--threads', '1', ...e2e.allowPort()]);
    expect(run.stdout + run.stderr).not.toContain(ROLES.rw.password);
    expect(run.code).toBe(1); // critical findings fail at the default --fail-on high
    const findings = findingsIn(run.stdout);
    expect(findings).toHaveLength(1);
    const f = findings[0]!;
    expect(f.provider).toBe('postgres');
    expect(f.ruleId).toBe('postgres-url');
    expect(f.secret.redacted).toBe(`postgres://app_rw:****@127.0.0.1:${e2e.server.port}/shop_production`);
    expect(f.verification).toBe('verified');
    expect(f.scope?.identity).toBe(`app_rw@127.0.0.1:${e2e.server.port}/shop_production`);
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
    writeFiles(dir, { '.env': `DATABASE_URL=${url(e2e.server, 'ro')}\n` });
    const before = e2e.server.log().length;
    const run = await cli(['audit', dir, '--format', 'json', '--offline', '--threads', '1', ...e2e.allowPort()]);
    const f = findingsIn(run.stdout)[0]!;
    expect(f.verification).toBe('unverified');
    expect(f.verificationReason).toBe('offline: inspection was turned off');
    expect(f.scope?.identity).toBe(`app_ro@127.0.0.1:${e2e.server.port}/shop_production`);
    expect(e2e.server.log().slice(before)).not.toContain('app_ro');
  });

  it('inspect --provider postgres reads the URL from stdin', async () => {
    const run = await cli(['inspect', '--provider', 'postgres', '--format', 'json', ...e2e.allowPort()], {
      input: `${url(e2e.server, 'rls')}\n`,
    });
    expect(run.stdout + run.stderr).not.toContain(ROLES.rls.password);
    const f = findingsIn(run.stdout)[0]!;
    expect(f.verification).toBe('verified');
    expect(f.scope?.identity).toBe(`app_rls@127.0.0.1:${e2e.server.port}/shop_production`);
    expect(f.risks.map((r) => r.id)).toEqual(['db-bypasses-rls']);
  });

  it('inspect --provider postgres with a wrong password: invalid, exit 0', async () => {
    const run = await cli(['inspect', '--provider', 'postgres', '--format', 'json', ...e2e.allowPort()], {
      input: e2e.server.url('app_ro', 'wrong-Password-71Kd'),
    });
    expect(run.stdout + run.stderr).not.toContain('wrong-Password-71Kd');
    const f = findingsIn(run.stdout)[0]!;
    expect(f.verification).toBe('invalid');
    expect(f.verificationReason).toBe(`127.0.0.1:${e2e.server.port} rejected the password of role "app_ro"`);
    expect(run.code).toBe(0);
  });
});
