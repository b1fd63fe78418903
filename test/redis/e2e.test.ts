import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cli } from '../helpers/cli.js';
import { tempDir, writeFiles } from '../helpers/repo.js';
import { PASSWORDS, type RedisServer, startRedis } from './server.js';

interface ReportFinding {
  provider: string;
  ruleId: string;
  secret: { redacted: string };
  verification: string;
  verificationReason: string;
  scope: { identity: string } | null;
  risks: Array<{ id: string; severity: string }>;
  severity: string;
  remediation: string;
}

let server: RedisServer;
beforeAll(async () => {
  server = await startRedis();
}, 60_000);
afterAll(async () => {
  await server?.stop();
});
/** The throwaway server listens on a random port: allowed the way a user allows one. */
const allowPort = () => ['--found-host-ports', String(server.port)];
const findings = (stdout: string) => (JSON.parse(stdout) as { findings: ReportFinding[] }).findings;

describe('tokenscope with a REDIS_URL, end to end (real server)', () => {
  it('audit: a cache URL in a staging file whose user can flush everything is found, inspected, never printed', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'deploy/staging.env': `CACHE_PREVIEW_URL=${server.url('destroyer')}\n` });
    const run = await cli(['audit', dir, '--format', 'json', '--threads', '1', ...allowPort()]);
    expect(run.stdout + run.stderr).not.toContain(PASSWORDS.destroyer);
    const [f] = findings(run.stdout);
    expect(f?.provider).toBe('redis');
    expect(f?.ruleId).toBe('redis-url');
    expect(f?.secret.redacted).toBe(`redis://destroyer:****@127.0.0.1:${server.port}/0`);
    expect(f?.verification).toBe('verified');
    expect(f?.scope?.identity).toBe(`destroyer@127.0.0.1:${server.port}`);
    expect(f?.risks.map((r) => r.id).sort()).toEqual(['admin', 'destructive-data-access', 'privilege-escalation']);
    expect(f?.remediation).toContain('+@read');
    expect(run.code).toBe(1);
  });

  it('audit without the port allowed: not connected (6379 is the standard port)', async () => {
    const dir = tempDir();
    writeFiles(dir, { '.env': `REDIS_URL=${server.url('reader')}\n` });
    const [f] = findings((await cli(['audit', dir, '--format', 'json', '--threads', '1'])).stdout);
    expect(f?.verification).toBe('skipped');
    expect(f?.verificationReason).toBe(
      `not connected: port ${server.port} is not Redis's standard port (6379); allow it with --found-host-ports or TOKENSCOPE_FOUND_HOST_PORTS`,
    );
  });

  it('inspect --provider redis reads the URL from stdin', async () => {
    const run = await cli(['inspect', '--provider', 'redis', '--format', 'json', ...allowPort()], {
      input: `${server.url('writer')}\n`,
    });
    expect(run.stdout + run.stderr).not.toContain(PASSWORDS.writer);
    const [f] = findings(run.stdout);
    expect(f?.verification).toBe('verified');
    expect(f?.risks.map((r) => r.id)).toEqual(['destructive-data-access']);
  });

  it('inspect --provider redis --skip-found-hosts: nothing connects', async () => {
    const run = await cli(
      ['inspect', '--provider', 'redis', '--format', 'json', '--skip-found-hosts', ...allowPort()],
      {
        input: server.url('writer'),
      },
    );
    const [f] = findings(run.stdout);
    expect(f?.verification).toBe('skipped');
    expect(f?.verificationReason).toContain('--skip-found-hosts');
  });
});
