import { describe, expect, it } from '@jest/globals';
import { cli } from '../helpers/cli.js';
import { findingsIn, useFoundHostServer } from '../helpers/found-host-e2e.js';
import { tempDir, writeFiles } from '../helpers/repo.js';
import { PASSWORDS, startRedis } from './server.js';

const e2e = useFoundHostServer(startRedis, 60_000);

describe('tokenscope with a REDIS_URL, end to end (real e2e.server)', () => {
  it('audit: a cache URL in a staging file whose user can flush everything is found, inspected, never printed', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'deploy/staging.env': `CACHE_PREVIEW_URL=${e2e.server.url('destroyer')}\n` });
    const run = await cli(['audit', dir, '--format', 'json', '--threads', '1', ...e2e.allowPort()]);
    expect(run.stdout + run.stderr).not.toContain(PASSWORDS.destroyer);
    const [f] = findingsIn(run.stdout);
    expect(f?.provider).toBe('redis');
    expect(f?.ruleId).toBe('redis-url');
    expect(f?.secret.redacted).toBe(`redis://destroyer:****@127.0.0.1:${e2e.server.port}/0`);
    expect(f?.verification).toBe('verified');
    expect(f?.scope?.identity).toBe(`destroyer@127.0.0.1:${e2e.server.port}`);
    expect(f?.risks.map((r) => r.id).sort()).toEqual(['admin', 'destructive-data-access', 'privilege-escalation']);
    expect(f?.remediation).toContain('+@read');
    expect(run.code).toBe(1);
  });

  it('audit without the port allowed: not connected (6379 is the standard port)', async () => {
    const dir = tempDir();
    writeFiles(dir, { '.env': `REDIS_URL=${e2e.server.url('reader')}\n` });
    const [f] = findingsIn((await cli(['audit', dir, '--format', 'json', '--threads', '1'])).stdout);
    expect(f?.verification).toBe('skipped');
    expect(f?.verificationReason).toBe(
      `not connected: port ${e2e.server.port} is not Redis's standard port (6379); allow it with --found-host-ports or TOKENSCOPE_FOUND_HOST_PORTS`,
    );
  });

  it('inspect --provider redis reads the URL from stdin', async () => {
    const run = await cli(['inspect', '--provider', 'redis', '--format', 'json', ...e2e.allowPort()], {
      input: `${e2e.server.url('writer')}\n`,
    });
    expect(run.stdout + run.stderr).not.toContain(PASSWORDS.writer);
    const [f] = findingsIn(run.stdout);
    expect(f?.verification).toBe('verified');
    expect(f?.risks.map((r) => r.id)).toEqual(['destructive-data-access']);
  });

  it('inspect --provider redis --skip-found-hosts: nothing connects', async () => {
    const run = await cli(
      ['inspect', '--provider', 'redis', '--format', 'json', '--skip-found-hosts', ...e2e.allowPort()],
      {
        input: e2e.server.url('writer'),
      },
    );
    const [f] = findingsIn(run.stdout);
    expect(f?.verification).toBe('skipped');
    expect(f?.verificationReason).toContain('--skip-found-hosts');
  });
});
