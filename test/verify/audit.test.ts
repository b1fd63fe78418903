import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cli } from '../helpers/cli.js';
import { WhoamiDouble } from './double.js';
import { ROWS } from './table.js';
import { chars } from './tokens.js';

interface JsonFinding {
  provider: string;
  ruleId: string;
  verification: string;
  verificationReason: string;
  severity: string;
  scope: { identity: string | null; permissions: string[] } | null;
  risks: { id: string }[];
}

const row = (id: string) => ROWS.find((r) => r.provider === id)!;

/**
 * A tree holding a few tokens of providers that only verify, audited through the CLI against
 * their doubles: live ones verified with whose they are, a revoked one invalid, a webhook URL left
 * unverified with the reason, Okta and Vault (no default host) only with their flags; offline, every one
 * unverified. No token, nor a piece of one, is ever printed.
 */
describe('auditing tokens of providers verified by a whoami, end to end', () => {
  const doubles = {
    buildkite: new WhoamiDouble(row('buildkite')),
    sentry: new WhoamiDouble(row('sentry')),
    doppler: new WhoamiDouble(row('doppler')),
    okta: new WhoamiDouble(row('okta')),
    vault: new WhoamiDouble(row('vault')),
  };
  const urls: Record<string, string> = {};
  const webhook = `https://discord.com/api/webhooks/123456789012345678/${chars('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 68)}`;
  const telegram = `${chars('123456789', 10)}:${chars('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 35)}`;
  const B64URL = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-';
  // Atlassian's tokens end in a CRC32 of what comes before them.
  const atlassianBody = `ATATT3xFfGF0${chars(B64URL, 180)}`;
  const atlassian = `${atlassianBody}=${crc32(atlassianBody).toString(16).toUpperCase().padStart(8, '0')}`;
  const mapbox = `sk.eyJ1Ijoi${chars(B64URL, 60)}.${chars(B64URL, 22)}`;
  let dir: string;
  let secrets: string[];

  beforeAll(async () => {
    for (const [id, d] of Object.entries(doubles)) urls[id] = await d.start();
    dir = mkdtempSync(join(tmpdir(), 'tokenscope-whoami-'));
    mkdirSync(join(dir, 'config'));
    writeFileSync(
      join(dir, 'config', '.env'),
      [
        `BUILDKITE_API_TOKEN=${doubles.buildkite.named.live}`,
        `SENTRY_AUTH_TOKEN=${doubles.sentry.named.revoked}`,
        `DOPPLER_TOKEN=${doubles.doppler.named.live}`,
        `OKTA_API_TOKEN=${doubles.okta.named.live}`,
        `VAULT_TOKEN=${doubles.vault.named.live}`,
        `DISCORD_WEBHOOK_URL=${webhook}`,
        `TELEGRAM_BOT_TOKEN=${telegram}`,
        `JIRA_API_TOKEN=${atlassian}`,
        `MAPBOX_DOWNLOADS_TOKEN=${mapbox}`,
        '',
      ].join('\n'),
    );
    secrets = [
      doubles.buildkite.named.live,
      doubles.sentry.named.revoked,
      doubles.doppler.named.live,
      // Doppler's answer holds the token's first ten characters: never printed either.
      doubles.doppler.named.live.slice(0, 10),
      doubles.okta.named.live,
      doubles.vault.named.live,
      webhook.split('/').pop()!,
      telegram,
      atlassian,
      mapbox,
    ];
  });
  afterAll(async () => {
    for (const d of Object.values(doubles)) await d.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const findings = (out: string) => {
    const all = (JSON.parse(out) as { findings: JsonFinding[] }).findings;
    return (provider: string) => {
      const f = all.filter((x) => x.provider === provider);
      expect(f).toHaveLength(1);
      return f[0]!;
    };
  };
  const flags = () => [
    '--buildkite-api-url',
    urls.buildkite!,
    '--sentry-api-url',
    urls.sentry!,
    '--doppler-api-url',
    urls.doppler!,
  ];

  it('verifies the live tokens, names whose they are, and finds the revoked one dead', async () => {
    const r = await cli(
      ['audit', dir, '--format', 'json', ...flags(), '--okta-api-url', urls.okta!, '--vault-api-url', urls.vault!],
      { cwd: dir },
    );
    for (const s of secrets) expect(r.stdout + r.stderr).not.toContain(s);
    const of = findings(r.stdout);
    expect(of('buildkite')).toMatchObject({
      verification: 'verified',
      verificationReason: 'Buildkite accepts it (GET /v2/access-token): user ada@example.com',
      scope: { identity: 'user ada@example.com', permissions: ['read_builds', 'write_builds'] },
    });
    expect(of('buildkite').risks.map((x) => x.id)).toContain('reach-unknown');
    expect(of('doppler')).toMatchObject({ verification: 'verified', scope: { identity: 'token laptop' } });
    expect(of('okta')).toMatchObject({ verification: 'verified', scope: { identity: 'user isaac.brock@example.com' } });
    expect(of('vault')).toMatchObject({
      verification: 'verified',
      scope: { identity: 'token token-deploy-staging', permissions: ['default', 'deploy-prod'] },
    });
    expect(of('sentry')).toMatchObject({
      verification: 'invalid',
      verificationReason:
        'Sentry rejects it (HTTP 401: Invalid authentication credentials): revoked, expired or never issued',
    });
    expect(of('sentry').risks.map((x) => x.id)).toEqual(['invalid-credential']);
    expect(of('discord')).toMatchObject({
      verification: 'unverified',
      verificationReason: expect.stringContaining('carries its token in the path'),
    });
    // No harmless check: the finding says why.
    expect(of('telegram')).toMatchObject({
      verification: 'skipped',
      verificationReason: expect.stringMatching(
        /^detection only: a bot token can only be checked by putting it in the URL path/,
      ),
    });
    expect(of('atlassian')).toMatchObject({
      verification: 'skipped',
      verificationReason: expect.stringMatching(
        /^detection only: an Atlassian API token is checked only with its account's email/,
      ),
    });
    expect(of('mapbox')).toMatchObject({
      verification: 'skipped',
      verificationReason: expect.stringMatching(/^detection only: Mapbox takes a token only in the URL query/),
    });
    // Each double received its one whoami, and nothing else.
    for (const d of Object.values(doubles)) {
      expect(d.requests.map((q) => `${q.method} ${q.path}`)).toEqual([
        expect.stringMatching(
          /^GET \/(v2\/access-token|api\/0\/|v3\/me|api\/v1\/users\/me|v1\/auth\/token\/lookup-self)$/,
        ),
      ]);
    }
  });

  it('sends an Okta or Vault token nowhere without the user naming the server', async () => {
    const before = [doubles.okta.requests.length, doubles.vault.requests.length];
    const r = await cli(['audit', dir, '--format', 'json', ...flags()], { cwd: dir, env: { VAULT_ADDR: urls.vault! } });
    for (const id of ['okta', 'vault']) {
      expect(findings(r.stdout)(id)).toMatchObject({
        verification: 'unverified',
        verificationReason: `no endpoint configured for this provider (--${id}-api-url)`,
      });
    }
    // Not even VAULT_ADDR, which a scanned environment may hold.
    expect([doubles.okta.requests.length, doubles.vault.requests.length]).toEqual(before);
  });

  it('offline, leaves every one unverified, saying why', async () => {
    const before = Object.values(doubles).map((d) => d.requests.length);
    const r = await cli(['audit', dir, '--format', 'json', '--offline', ...flags()], { cwd: dir });
    for (const s of secrets) expect(r.stdout + r.stderr).not.toContain(s);
    const of = findings(r.stdout);
    for (const id of ['buildkite', 'sentry', 'doppler', 'okta', 'vault']) {
      expect(of(id)).toMatchObject({
        verification: 'unverified',
        verificationReason: 'offline: inspection was turned off',
      });
    }
    expect(Object.values(doubles).map((d) => d.requests.length)).toEqual(before);
  });

  it('`inspect --provider` verifies one token read from stdin, the endpoint from the environment too', async () => {
    const flagged = await cli(
      ['inspect', '--provider', 'buildkite', '--format', 'json', '--buildkite-api-url', urls.buildkite!],
      {
        input: `${doubles.buildkite.named.other}\n`,
      },
    );
    expect(findings(flagged.stdout)('buildkite')).toMatchObject({
      verification: 'verified',
      scope: { identity: 'user ada@example.com' },
    });
    const fromEnv = await cli(['inspect', '--provider', 'sentry', '--format', 'json'], {
      input: doubles.sentry.named.other,
      env: { TOKENSCOPE_SENTRY_API_URL: urls.sentry! },
    });
    expect(findings(fromEnv.stdout)('sentry')).toMatchObject({
      verification: 'verified',
      scope: { identity: 'user jane@example.com' },
    });
    for (const s of [doubles.buildkite.named.other, doubles.sentry.named.other]) {
      expect(flagged.stdout + flagged.stderr + fromEnv.stdout + fromEnv.stderr).not.toContain(s);
    }
  });

  it('`inspect --provider linear` verifies a key by its one GraphQL query, the endpoint from the flag', async () => {
    const double = new WhoamiDouble(row('linear'));
    const url = await double.start();
    try {
      const r = await cli(['inspect', '--provider', 'linear', '--format', 'json', '--linear-api-url', url], {
        input: double.named.live,
      });
      expect(r.stdout + r.stderr).not.toContain(double.named.live);
      expect(findings(r.stdout)('linear')).toMatchObject({
        verification: 'verified',
        verificationReason: 'Linear accepts it (POST /graphql): user rae@example.com',
      });
      expect(double.requests.map((q) => [q.method, q.path, JSON.parse(q.body ?? '{}').query])).toEqual([
        ['POST', '/graphql', 'query Whoami { viewer { id name email } organization { name urlKey } }'],
      ]);
    } finally {
      await double.stop();
    }
  });

  it('prints the table without a token either', async () => {
    const r = await cli(['audit', dir, ...flags()], { cwd: dir });
    for (const s of secrets) expect(r.stdout + r.stderr).not.toContain(s);
    expect(r.stdout).toContain('user ada@example.com');
  });
});
