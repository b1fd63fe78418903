import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cli, type CliRun } from '../helpers/cli.js';
import type { JsonFinding } from '../helpers/hosting-suites.js';
import type { GoogleDouble } from './double.js';
import { oneLine, type TestKey } from './tokens.js';
import { googleDouble } from './world.js';

/**
 * The incident on Google Cloud, end to end through the CLI: a service-account key kept "for DNS"
 * in a staging file, whose account is Owner of the production project. Its file names a token_uri
 * of an attacker's; tokenscope signs for, and sends to, only the endpoints it was given.
 */
describe('the incident on Google Cloud, end to end', () => {
  let double: GoogleDouble;
  let keys: Record<string, TestKey>;
  let url: string;
  let dir: string;
  let run: CliRun;
  const flags = () => ['--google-api-url', url, '--google-oauth-url', url];

  beforeAll(async () => {
    ({ double, keys } = googleDouble());
    url = await double.start();
    dir = mkdtempSync(join(tmpdir(), 'tokenscope-google-incident-'));
    mkdirSync(join(dir, 'deploy/staging'), { recursive: true });
    writeFileSync(join(dir, 'deploy/staging/dns-sync.yml'), `GCP_DNS_KEY: '${oneLine(keys.owner!.json)}'\n`);
    run = await cli(['audit', dir, '--format', 'json', ...flags()], { cwd: dir });
  });
  afterAll(async () => {
    await double.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const findingIn = (out: string): JsonFinding => {
    const found = (JSON.parse(out) as { findings: JsonFinding[] }).findings.filter((f) => f.provider === 'google');
    expect(found).toHaveLength(1);
    return found[0]!;
  };
  /** The key, every line of its private key, and every access token and assertion the double saw. */
  const secrets = (key: TestKey) => [
    key.json,
    oneLine(key.json),
    ...key.pemBody.match(/.{1,40}/g)!,
    ...double.accessTokens.keys(),
    ...double.requests.flatMap((r) => new URLSearchParams(r.body).getAll('assertion')),
  ];

  it('exits 1 and reports the key critical and verified', () => {
    expect(run.code).toBe(1);
    const f = findingIn(run.stdout);
    expect(f.verification).toBe('verified');
    expect(f.severity).toBe('critical');
  });

  it('raises destructive-production-access naming the project, privilege-escalation, admin and intent-mismatch', () => {
    const f = findingIn(run.stdout);
    expect(f.risks.map((r) => r.id)).toEqual(
      expect.arrayContaining(['destructive-production-access', 'privilege-escalation', 'admin', 'intent-mismatch']),
    );
    const destructive = f.risks.find((r) => r.id === 'destructive-production-access')!;
    expect(destructive.severity).toBe('critical');
    expect(destructive.message).toContain('the production project "acme-prod"');
    expect(f.risks.find((r) => r.id === 'intent-mismatch')?.message).toContain(
      '"GCP_DNS_KEY" states a narrow purpose ("dns")',
    );
    expect(f.scope?.reach['production projects']).toContain('acme-prod');
  });

  it('names a viewer-role service account and workload identity federation in the remediation', () => {
    const r = findingIn(run.stdout).remediation;
    expect(r).toContain('roles/viewer');
    expect(r).toContain('https://cloud.google.com/iam/docs/understanding-roles');
    expect(r).toContain('workload identity federation');
  });

  it("sent only the exchange, listings and testIamPermissions, all to the configured endpoints, none to the file's token_uri", () => {
    const sent = double.requests.filter((r) => r.token === keys.owner!.json).map((r) => `${r.method} ${r.path}`);
    expect(new Set(sent)).toEqual(
      new Set([
        'POST /token',
        'GET /v1/projects',
        'POST /v1/projects/acme-prod:testIamPermissions',
        'POST /v1/projects/acme-staging:testIamPermissions',
        'POST /v1/projects/acme-analytics:testIamPermissions',
      ]),
    );
    expect(double.assertions.every((a) => a.aud === `${url}/token`)).toBe(true);
  });

  it('never prints the key, a piece of its private key, an access token or an assertion', () => {
    for (const s of secrets(keys.owner!)) expect(run.stdout + run.stderr).not.toContain(s);
  });

  it('`inspect --provider google` gives the same verdict for the key file read from stdin', async () => {
    const r = await cli(['inspect', '--provider', 'google', '--format', 'json', ...flags()], {
      input: `${keys.owner!.json}\n`,
    });
    expect(r.code).toBe(1);
    for (const s of secrets(keys.owner!)) expect(r.stdout + r.stderr).not.toContain(s);
    const f = findingIn(r.stdout);
    expect(f.verification).toBe('verified');
    expect(f.severity).toBe('critical');
    expect(f.risks.map((x) => x.id)).toContain('destructive-production-access');
    expect(f.scope?.capabilities[0]).toMatchObject({ action: 'delete', production: true });
  });

  it('takes both endpoints from TOKENSCOPE_GOOGLE_API_URL and TOKENSCOPE_GOOGLE_OAUTH_URL too', async () => {
    const r = await cli(['inspect', '--provider', 'google', '--format', 'json'], {
      input: keys.viewer!.json,
      env: { TOKENSCOPE_GOOGLE_API_URL: url, TOKENSCOPE_GOOGLE_OAUTH_URL: url },
    });
    expect(findingIn(r.stdout).verification).toBe('verified');
  });

  it('a revoked key through the CLI: unverified with the reason, exit per policy, nothing of the key printed', async () => {
    const r = await cli(['inspect', '--provider', 'google', '--format', 'json', ...flags()], {
      input: keys.revoked!.json,
    });
    const f = findingIn(r.stdout) as JsonFinding & { verificationReason: string };
    expect(f.verification).toBe('unverified');
    expect(f.verificationReason).toContain('invalid_grant');
    for (const s of secrets(keys.revoked!)) expect(r.stdout + r.stderr).not.toContain(s);
  });
});
