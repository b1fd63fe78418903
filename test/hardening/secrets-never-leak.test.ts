import { describe, expect, it } from '@jest/globals';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PROVIDERS } from '../../providers/registry.js';
import { cli } from '../helpers/cli.js';
import { git, gitRepo, tempDir, writeFiles } from '../helpers/repo.js';
import { cfToken } from '../cloudflare/tokens.js';
import { doToken } from '../digitalocean/tokens.js';
import { gitlabToken } from '../gitlab/tokens.js';
import { sendgridKey } from '../sendgrid/tokens.js';
import { slackUser } from '../slack/tokens.js';
import { orgToken } from '../flyio/tokens.js';
import { awsKeyId, awsSecret, githubToken, railwayToken } from '../helpers/tokens.js';
import { herokuToken } from '../heroku/tokens.js';
import { neonKey } from '../neon/tokens.js';
import { netlifyToken } from '../netlify/world.js';
import { renderKey } from '../render/world.js';
import { supabaseToken } from '../supabase/tokens.js';
import { hfToken } from '../huggingface/tokens.js';
import { npmToken } from '../npm/tokens.js';
import { anthropicKey } from '../anthropic/tokens.js';
import { openaiKey } from '../openai/tokens.js';
import { stripeKey } from '../stripe/tokens.js';
import { vercelToken } from '../vercel/tokens.js';
import { oneLine, serviceAccountKey } from '../google/tokens.js';
import { MAKE } from '../verify/tokens.js';

/**
 * A corpus with one of every kind of secret (each rule's own true-positive samples, plus fresh
 * generated tokens) in tracked files, ignored files, history, HOME and the environment. Every
 * command and format runs over it; no raw value may come out anywhere.
 */
const generated = {
  gh: githubToken(),
  rw: railwayToken(),
  id: awsKeyId(),
  secret: awsSecret(),
  vc: vercelToken(),
  hk: herokuToken(),
  nf: netlifyToken(),
  rd: renderKey(),
  fly: orgToken(4242),
  do: doToken(),
  cf: cfToken(),
  sb: supabaseToken(),
  neon: neonKey(),
  npm: npmToken(),
  hf: hfToken(),
  stripe: stripeKey('rk_live'),
  openai: openaiKey('sk-admin-'),
  anthropic: anthropicKey('sk-ant-admin01-'),
  gl: gitlabToken(),
  sl: slackUser(),
  sg: sendgridKey(),
};
// A Google service-account key: its JSON is the secret, and no line of its private key may come out.
const gcp = serviceAccountKey('acme-prod', 'deployer');
/** A fresh token of each provider verified by a whoami (test/verify). */
const whoamiTokens = Object.fromEntries(Object.entries(MAKE).map(([id, make]) => [id, make()]));
const samples = PROVIDERS.flatMap((p) => p.rules.flatMap((r) => r.examples.truePositives));
const root = gitRepo(
  {
    '.gitignore': '.env\n',
    'samples.txt': `${samples.join('\n\n')}\n\n${Object.entries(whoamiTokens)
      .map(([id, t]) => `${id.toUpperCase()}_TOKEN=${t}`)
      .join('\n')}\n`,
    '.env': `GITHUB_TOKEN=${generated.gh}\nRAILWAY_TOKEN=${generated.rw}\nVERCEL_TOKEN=${generated.vc}\nHEROKU_API_KEY=${generated.hk}\nNETLIFY_AUTH_TOKEN=${generated.nf}\nRENDER_API_KEY=${generated.rd}\nFLY_API_TOKEN="${generated.fly}"\nDIGITALOCEAN_TOKEN=${generated.do}\nCLOUDFLARE_API_TOKEN=${generated.cf}\nSUPABASE_ACCESS_TOKEN=${generated.sb}\nNEON_API_KEY=${generated.neon}\nNPM_TOKEN=${generated.npm}\nHF_TOKEN=${generated.hf}\nSTRIPE_KEY=${generated.stripe}\nOPENAI_API_KEY=${generated.openai}\nANTHROPIC_API_KEY=${generated.anthropic}\nGITLAB_TOKEN=${generated.gl}\nSLACK_TOKEN=${generated.sl}\nSENDGRID_API_KEY=${generated.sg}\nGOOGLE_CREDENTIALS=${JSON.stringify(oneLine(gcp.json))}\n`,
    'deleted.env': `aws_access_key_id=${generated.id}\naws_secret_access_key=${generated.secret}\n`,
  },
  ['.gitignore', 'samples.txt', 'deleted.env'],
);
git(root, 'rm', '-q', 'deleted.env');
git(root, 'commit', '-q', '-m', 'remove the key');
const home = tempDir();
writeFiles(home, {
  '.aws/credentials': `[prod]\naws_access_key_id = ${generated.id}\naws_secret_access_key = ${generated.secret}\n`,
  '.git-credentials': `https://bot:${generated.gh}@github.com\n`,
});

/** The raw values that must never appear: the secret of every match a rule would make. */
function rawValues(): string[] {
  const out = new Set<string>([
    ...Object.values(generated),
    ...Object.values(whoamiTokens),
    gcp.json,
    oneLine(gcp.json),
    ...gcp.pemBody.match(/.{64}/g)!,
  ]);
  // A Fly.io token is a list of macaroons: none of them may come out alone either.
  for (const piece of generated.fly.replace(/^FlyV1 /, '').split(',')) out.add(piece);
  for (const p of PROVIDERS) {
    for (const r of p.rules) {
      for (const tp of r.examples.truePositives) {
        const m = new RegExp(r.regex, r.flags ?? '').exec(tp);
        const s = m?.groups?.secret;
        if (s && s.length >= 12) out.add(s);
      }
    }
  }
  return [...out];
}
const RAW = rawValues();

/** The hosting providers' endpoints on the same closed loopback port: no sample token leaves the machine. */
const HOSTING_ENDPOINTS = [
  ...['vercel', 'heroku', 'netlify', 'render', 'supabase', 'neon', 'stripe', 'openai', 'anthropic', 'sendgrid'].flatMap(
    (id) => [`--${id}-api-url`, 'http://127.0.0.1:9'],
  ),
  '--npm-registry-url',
  'http://127.0.0.1:9',
  '--huggingface-api-url',
  'http://127.0.0.1:9',
  '--gitlab-url',
  'http://127.0.0.1:9',
  '--slack-api-url',
  'http://127.0.0.1:9/api',
  '--google-api-url',
  'http://127.0.0.1:9',
  '--google-oauth-url',
  'http://127.0.0.1:9',
  // Providers verified by a whoami (src/core/whoami.ts).
  ...PROVIDERS.flatMap((p) => (p.whoami ? [`--${p.whoami.endpoint.flag}`, 'http://127.0.0.1:9'] : [])),
];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? filesUnder(p) : statSync(p).isFile() ? [p] : [];
  });
}

function expectClean(where: string, text: string) {
  for (const raw of RAW) {
    if (text.includes(raw)) throw new Error(`${where} holds a raw secret (${raw.slice(0, 4)}...)`);
  }
}

describe('no raw secret in any output', () => {
  it('the corpus really holds secrets of 20+ kinds (the test is not vacuous)', async () => {
    const run = await cli(['audit', root, '--history', '--offline', '--format', 'json']);
    const report = JSON.parse(run.stdout) as { findings: Array<{ kind: string; provider: string }> };
    expect(new Set(report.findings.map((f) => `${f.provider}/${f.kind}`)).size).toBeGreaterThanOrEqual(20);
    expect(RAW.length).toBeGreaterThanOrEqual(25);
  });

  const modes: Array<[string, string[], Record<string, string>]> = [
    ['worktree', [], {}],
    ['history', ['--history'], {}],
    ['agent (home + env)', ['--agent'], { HOME: home, DEPLOY_TOKEN: generated.gh }],
    ['range', ['--range', 'HEAD~1..HEAD'], {}],
  ];
  for (const [name, flags, env] of modes) {
    for (const format of ['table', 'json', 'sarif', 'markdown', 'html']) {
      it(`audit ${name} --format ${format}, to stdout and to a file`, async () => {
        const out = join(tempDir(), `report.${format}`);
        // Endpoints on a closed loopback port (json only, to keep it quick): inspections fail, and
        // their error messages are checked too.
        const endpoints = [
          '--railway-endpoint',
          'http://127.0.0.1:9/graphql',
          '--github-api-url',
          'http://127.0.0.1:9',
          '--aws-endpoint',
          'http://127.0.0.1:9',
          ...HOSTING_ENDPOINTS,
          '--flyio-api-url',
          'http://127.0.0.1:9/graphql',
          '--digitalocean-api-url',
          'http://127.0.0.1:9',
          '--cloudflare-api-url',
          'http://127.0.0.1:9/client/v4',
          '--timeout',
          '300',
        ];
        const a = await cli(
          ['audit', root, ...flags, ...(format === 'json' ? endpoints : ['--offline']), '--format', format],
          { env },
        );
        const b = await cli(['audit', root, ...flags, '--offline', '--format', format, '--output', out], { env });
        expect([a.code, b.code]).not.toContain(2);
        expectClean('stdout', a.stdout);
        expectClean('stderr', a.stderr + b.stderr);
        expectClean('report file', readFileSync(out, 'utf8'));
      });
    }
  }

  it('audit --stdin and inspect of every provider, including their errors', async () => {
    const stdin = await cli(['audit', '--stdin', '--offline', '--format', 'json'], { input: samples.join('\n') });
    expectClean('stdin audit', stdin.stdout + stdin.stderr);
    const inputs: Record<string, string> = {
      railway: generated.rw,
      github: generated.gh,
      aws: `${generated.id} ${generated.secret}`,
      vercel: generated.vc,
      heroku: generated.hk,
      netlify: generated.nf,
      render: generated.rd,
      flyio: generated.fly,
      digitalocean: generated.do,
      cloudflare: generated.cf,
      supabase: generated.sb,
      neon: generated.neon,
      npm: generated.npm,
      huggingface: generated.hf,
      stripe: generated.stripe,
      openai: generated.openai,
      anthropic: generated.anthropic,
      gitlab: generated.gl,
      slack: generated.sl,
      sendgrid: generated.sg,
      google: gcp.json,
      ...whoamiTokens,
    };
    for (const [provider, input] of Object.entries(inputs)) {
      for (const format of ['json', 'table']) {
        const run = await cli(
          [
            'inspect',
            '--provider',
            provider,
            '--format',
            format,
            '--railway-endpoint',
            'http://127.0.0.1:9/g',
            '--github-api-url',
            'http://127.0.0.1:9',
            '--aws-endpoint',
            'http://127.0.0.1:9',
            ...HOSTING_ENDPOINTS,
            '--flyio-api-url',
            'http://127.0.0.1:9/graphql',
            '--digitalocean-api-url',
            'http://127.0.0.1:9',
            '--cloudflare-api-url',
            'http://127.0.0.1:9/client/v4',
            '--timeout',
            '300',
          ],
          { input },
        );
        expectClean(`inspect ${provider}`, run.stdout + run.stderr);
      }
    }
  });

  it('usage errors that echo a flag value do not echo a secret given by mistake as one', async () => {
    const run = await cli(['audit', root, '--format', generated.gh]);
    expect(run.code).toBe(2);
    expectClean('usage error', run.stderr);
  });

  it('the org state file holds none (checked in test/org), and no report file under the output folder does', () => {
    // The org suite asserts the SQLite bytes; here, every file a run above wrote is clean too.
    for (const f of filesUnder(root).filter((p) => !p.includes(`${join(root, '.git')}`))) {
      if (f.endsWith('.env') || f.endsWith('samples.txt')) continue;
      expectClean(f, readFileSync(f, 'utf8'));
    }
  });
});
