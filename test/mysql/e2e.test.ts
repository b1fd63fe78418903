import { describe, expect, it } from '@jest/globals';
import { cli } from '../helpers/cli.js';
import { findingsIn, useFoundHostServer } from '../helpers/found-host-e2e.js';
import { tempDir, writeFiles } from '../helpers/repo.js';
import { MYSQL_PASSWORDS, startMariadb } from './server.js';

const e2e = useFoundHostServer(startMariadb, 120_000);

describe('tokenscope with a MySQL URL, end to end (real mariadbd)', () => {
  it('audit: a reporting URL in a staging file that can drop the production database: critical, named', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'config/staging.env': `REPORTS_DATABASE_URL=${e2e.server.url('owner')}\n` });
    const run = await cli(['audit', dir, '--format', 'json', '--threads', '1', ...e2e.allowPort()]);
    expect(run.stdout + run.stderr).not.toContain(MYSQL_PASSWORDS.owner);
    const [f] = findingsIn(run.stdout);
    expect(f?.provider).toBe('mysql');
    expect(f?.secret.redacted).toBe(`mysql://owner:****@127.0.0.1:${e2e.server.port}/shop_production`);
    expect(f?.verification).toBe('verified');
    expect(f?.severity).toBe('critical');
    expect(f?.risks.find((r) => r.id === 'destructive-production-access')?.message).toContain('shop_production.*');
    expect(run.code).toBe(1);
  });

  it('inspect --provider mysql reads the URL from stdin; a wrong password is invalid', async () => {
    const ok = await cli(['inspect', '--provider', 'mysql', '--format', 'json', ...e2e.allowPort()], {
      input: `${e2e.server.url('reader')}\n`,
    });
    expect(findingsIn(ok.stdout)[0]?.verification).toBe('verified');
    const bad = await cli(['inspect', '--provider', 'mysql', '--format', 'json', ...e2e.allowPort()], {
      input: e2e.server.url('reader').replace(encodeURIComponent(MYSQL_PASSWORDS.reader), 'wrong-Pq3vX8kM1z'),
    });
    expect(bad.stdout + bad.stderr).not.toContain('wrong-Pq3vX8kM1z');
    expect(findingsIn(bad.stdout)[0]?.verification).toBe('invalid');
  });

  it('without the port allowed: not connected (3306 is the standard port)', async () => {
    const run = await cli(['inspect', '--provider', 'mysql', '--format', 'json'], { input: e2e.server.url('reader') });
    expect(findingsIn(run.stdout)[0]?.verificationReason).toBe(
      `not connected: port ${e2e.server.port} is not MySQL's standard port (3306); allow it with --found-host-ports or TOKENSCOPE_FOUND_HOST_PORTS`,
    );
  });
});
