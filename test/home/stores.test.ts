import { describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { Candidate } from '../../src/core/types.js';
import { detectFrom } from '../helpers/detect-source.js';
import { homeSource } from '../../src/sources/home/home.js';
import { tempDir, writeFiles } from '../helpers/repo.js';
import { githubToken } from '../helpers/tokens.js';
import { schemaValidator } from '../../src/config/ajv.js';
import { cli } from '../helpers/cli.js';
import { chars, MAKE } from '../verify/tokens.js';

const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

async function scanHome(home: string, notes: string[] = []): Promise<Candidate[]> {
  return detectFrom(homeSource({ HOME: home }, 1024 * 1024, notes));
}

/** What a report shows of each candidate: rule, provider, kind, where and whose. */
const shown = (cs: Candidate[]) =>
  cs.map((c) => ({
    ruleId: c.ruleId,
    provider: c.provider,
    kind: c.kind,
    path: c.location.path,
    line: c.location.line,
    section: c.location.section,
  }));

/** An OpenSSH private key file (PROTOCOL.key): magic, cipher, kdf, kdf options, one key; the rest random. */
function opensshKey(cipher: string): string {
  const str = (b: Buffer | string) => {
    const buf = Buffer.from(b);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(buf.length);
    return Buffer.concat([len, buf]);
  };
  const one = Buffer.alloc(4);
  one.writeUInt32BE(1);
  const blob = Buffer.concat([
    Buffer.from('openssh-key-v1\0', 'latin1'),
    str(cipher),
    str(cipher === 'none' ? 'none' : 'bcrypt'),
    str(cipher === 'none' ? Buffer.alloc(0) : randomBytes(24)),
    one,
    str(randomBytes(51)),
    str(randomBytes(160)),
  ]);
  const b64 = blob.toString('base64').replace(/.{70}/g, '$&\n');
  return `-----BEGIN OPENSSH PRIVATE KEY-----\n${b64}\n-----END OPENSSH PRIVATE KEY-----\n`;
}

const rsa = () => generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;

describe('--include-home: the stores an agent reads as easily', () => {
  it('~/.ssh/id_*: every private key, each labelled with whether it needs a passphrase; public keys are not read', async () => {
    const home = tempDir('tokenscope-home-');
    const key = rsa();
    writeFiles(home, {
      '.ssh/id_ed25519': opensshKey('none'),
      '.ssh/id_ed25519.pub': 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI me@host\n',
      '.ssh/id_ecdsa': opensshKey('aes256-ctr'),
      '.ssh/id_rsa': key.export({ type: 'pkcs1', format: 'pem' }) as string,
      '.ssh/id_rsa_legacy': key.export({
        type: 'pkcs1',
        format: 'pem',
        cipher: 'aes-256-cbc',
        passphrase: 'correct horse',
      }) as string,
      '.ssh/id_pkcs8': key.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'x' }) as string,
      '.ssh/known_hosts': 'github.com ssh-ed25519 AAAA\n',
    });
    const found = await scanHome(home);
    expect(shown(found).map(({ path, section, ruleId }) => [path, section, ruleId])).toEqual([
      ['~/.ssh/id_ecdsa', 'passphrase-protected (aes256-ctr)', 'openssh-private-key'],
      ['~/.ssh/id_ed25519', 'no passphrase', 'openssh-private-key'],
      ['~/.ssh/id_pkcs8', 'passphrase-protected (PKCS#8)', 'pem-private-key'],
      ['~/.ssh/id_rsa', 'no passphrase', 'pem-private-key'],
      ['~/.ssh/id_rsa_legacy', 'passphrase-protected (PEM)', 'pem-private-key'],
    ]);
  });

  it('~/.pgpass: each line one PostgreSQL login, as the URL the inspector reads', async () => {
    const home = tempDir('tokenscope-home-');
    const password = `Kx9${randomBytes(8).toString('hex')}:with\\colon`;
    writeFiles(home, {
      '.pgpass': [
        '# host:port:db:user:password',
        `db-1.acme.internal:6432:orders:app:${password.replace(/\\/g, '\\\\').replace(/:/g, '\\:')}`,
        '',
      ].join('\n'),
    });
    const found = await scanHome(home);
    expect(shown(found)).toEqual([
      {
        ruleId: 'postgres-url',
        provider: 'postgres',
        kind: expect.any(String),
        path: '~/.pgpass',
        line: 2,
        section: 'app@db-1.acme.internal:6432/orders',
      },
    ]);
    const url = new URL(found[0]!.secret.reveal());
    expect([url.hostname, url.port, url.pathname, decodeURIComponent(url.password)]).toEqual([
      'db-1.acme.internal',
      '6432',
      '/orders',
      password,
    ]);
  });

  it('shell history: bash, zsh (extended format) and fish', async () => {
    const home = tempDir('tokenscope-home-');
    const [bash, zsh, fish] = [githubToken(), githubToken(), githubToken()];
    writeFiles(home, {
      '.bash_history': `ls\nexport GITHUB_TOKEN=${bash}\ngit push\n`,
      '.zsh_history': `: 1700000000:0;cd app\n: 1700000005:0;curl -H "Authorization: token ${zsh}" https://api.github.com/user\n`,
      '.local/share/fish/fish_history': `- cmd: set -x GH_TOKEN ${fish}\n  when: 1700000000\n`,
    });
    const found = await scanHome(home);
    expect(shown(found).map(({ path, line, ruleId }) => [path, line, ruleId])).toEqual([
      ['~/.bash_history', 2, 'github-pat-classic'],
      ['~/.zsh_history', 2, 'github-pat-classic'],
      ['~/.local/share/fish/fish_history', 1, 'github-pat-classic'],
    ]);
  });

  it('~/.pypirc, ~/.cargo/credentials.toml, ~/.terraform.d/credentials.tfrc.json, ~/.m2/settings.xml: the fields that hold a login', async () => {
    const home = tempDir('tokenscope-home-');
    // Each in its documented shape and free of placeholder words (chars() redraws those): hex
    // Terraform and crates.io secrets sometimes fell under their rules' entropy floors and were
    // then reported as the store's, which made this test fail at random.
    const pypi = `pypi-AgEIcHlwaS5vcmc${chars(B64URL, 54)}`;
    const cargo = `cio${chars(ALNUM, 32)}`;
    const tf = MAKE.terraform();
    const mvn = chars(B64URL, 14);
    writeFiles(home, {
      '.pypirc': [
        '[distutils]',
        'index-servers = pypi',
        '',
        '[pypi]',
        'username = __token__',
        `password = ${pypi}`,
        '',
      ].join('\n'),
      '.cargo/credentials.toml': [
        '[registry]',
        `token = "${cargo}"`,
        '',
        '[registries.internal]',
        'token = "short"',
        '',
      ].join('\n'),
      '.terraform.d/credentials.tfrc.json': JSON.stringify(
        { credentials: { 'app.terraform.io': { token: tf } } },
        null,
        2,
      ),
      '.m2/settings.xml': [
        '<settings>',
        '  <servers>',
        '    <server>',
        '      <id>nexus-releases</id>',
        '      <username>deploy</username>',
        `      <password>${mvn}&amp;</password>`,
        '    </server>',
        '    <server>',
        '      <id>from-env</id>',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: Maven's own placeholder syntax, which is no secret
        '      <password>${env.NEXUS_PASSWORD}</password>',
        '    </server>',
        '  </servers>',
        '</settings>',
        '',
      ].join('\n'),
    });
    const found = await scanHome(home);
    expect(shown(found)).toEqual([
      // A token with its own rule is that rule's finding (its documented format), not the store's.
      {
        ruleId: 'pypi-api-token',
        provider: 'pypi',
        kind: 'API token',
        path: '~/.pypirc',
        line: 6,
        section: 'pypi',
      },
      {
        ruleId: 'cratesio-api-token',
        provider: 'cratesio',
        kind: 'API token',
        path: '~/.cargo/credentials.toml',
        line: 2,
        section: 'crates.io',
      },
      {
        ruleId: 'terraform-cloud-token',
        provider: 'terraform',
        kind: 'API token',
        path: '~/.terraform.d/credentials.tfrc.json',
        line: 4,
        section: 'app.terraform.io',
      },
      {
        ruleId: 'home-store-credential',
        provider: 'maven',
        kind: 'password',
        path: '~/.m2/settings.xml',
        line: 6,
        section: 'nexus-releases',
      },
    ]);
    expect(found.map((c) => c.secret.reveal())).toEqual([pypi, cargo, tf, `${mvn}&`]);
  });

  it('~/.kube/config: a user bearer token', async () => {
    const home = tempDir('tokenscope-home-');
    const token = randomBytes(24).toString('base64url');
    writeFiles(home, {
      '.kube/config': ['apiVersion: v1', 'users:', '- name: ci@prod', '  user:', `    token: ${token}`, ''].join('\n'),
    });
    expect(shown(await scanHome(home))).toEqual([
      {
        ruleId: 'home-store-credential',
        provider: 'kubernetes',
        kind: 'bearer token',
        path: '~/.kube/config',
        line: 5,
        section: 'user ci@prod',
      },
    ]);
  });

  it("~/.config/gcloud: credentials.db and access_tokens.db are SQLite, read in memory (the user's file is never opened by SQLite)", async () => {
    const home = tempDir('tokenscope-home-');
    mkdirSync(join(home, '.config/gcloud'), { recursive: true });
    const refresh = `1//0g${randomBytes(40).toString('base64url')}`;
    const pem = rsa().export({ type: 'pkcs8', format: 'pem' }) as string;
    const creds = new Database(join(home, '.config/gcloud/credentials.db'));
    creds.exec('CREATE TABLE credentials (account_id TEXT PRIMARY KEY, value BLOB)');
    const put = creds.prepare('INSERT INTO credentials VALUES (?, ?)');
    put.run('me@acme.dev', JSON.stringify({ type: 'authorized_user', client_id: 'x.apps', refresh_token: refresh }));
    put.run('deployer@acme.iam.gserviceaccount.com', JSON.stringify({ type: 'service_account', private_key: pem }));
    creds.close();
    const access = `ya29.${randomBytes(60).toString('base64url')}`;
    const tokens = new Database(join(home, '.config/gcloud/access_tokens.db'));
    tokens.exec(
      'CREATE TABLE access_tokens (account_id TEXT PRIMARY KEY, access_token TEXT, token_expiry TIMESTAMP, rapt_token TEXT, id_token TEXT)',
    );
    tokens.prepare('INSERT INTO access_tokens VALUES (?, ?, ?, NULL, NULL)').run('me@acme.dev', access, '2026-01-01');
    tokens.close();

    writeFiles(home, {
      '.config/gcloud/application_default_credentials.json': JSON.stringify(
        { client_id: 'x.apps', refresh_token: refresh, type: 'authorized_user' },
        null,
        2,
      ),
    });
    const found = await scanHome(home);
    expect(shown(found)).toEqual([
      {
        ruleId: 'home-store-credential',
        provider: 'gcloud',
        kind: 'OAuth refresh token',
        path: '~/.config/gcloud/application_default_credentials.json',
        line: 3,
        section: 'application-default',
      },
      {
        ruleId: 'home-store-credential',
        provider: 'gcloud',
        kind: 'OAuth refresh token',
        path: '~/.config/gcloud/credentials.db',
        line: 1,
        section: 'me@acme.dev',
      },
      {
        ruleId: 'pem-private-key',
        provider: 'privatekey',
        kind: 'PEM private key',
        path: '~/.config/gcloud/credentials.db',
        line: 2,
        section: 'deployer@acme.iam.gserviceaccount.com',
      },
      {
        ruleId: 'home-store-credential',
        provider: 'gcloud',
        kind: 'OAuth access token',
        path: '~/.config/gcloud/access_tokens.db',
        line: 1,
        section: 'me@acme.dev',
      },
    ]);
    expect([found[0]!.secret.reveal(), found[1]!.secret.reveal(), found[3]!.secret.reveal()]).toEqual([
      refresh,
      refresh,
      access,
    ]);
  });

  it('~/.azure: the MSAL token cache and the older accessTokens.json', async () => {
    const home = tempDir('tokenscope-home-');
    const [rt, at, old] = [1, 2, 3].map(() => `0.A${randomBytes(60).toString('base64url')}`);
    writeFiles(home, {
      '.azure/msal_token_cache.json': JSON.stringify(
        {
          AccessToken: { k1: { credential_type: 'AccessToken', secret: at, home_account_id: 'uid.tid' } },
          RefreshToken: { k2: { credential_type: 'RefreshToken', secret: rt, home_account_id: 'uid.tid' } },
          Account: { 'uid.tid': { username: 'me@acme.dev' } },
        },
        null,
        2,
      ),
      '.azure/accessTokens.json': JSON.stringify(
        [{ userId: 'me@acme.dev', refreshToken: old, tokenType: 'Bearer' }],
        null,
        2,
      ),
    });
    const found = await scanHome(home);
    expect(found.map((c) => [c.provider, c.kind, c.location.path, c.location.section, c.secret.reveal()])).toEqual([
      ['azure', 'access token', '~/.azure/msal_token_cache.json', 'uid.tid', at],
      ['azure', 'refresh token', '~/.azure/msal_token_cache.json', 'uid.tid', rt],
      ['azure', 'refresh token', '~/.azure/accessTokens.json', 'me@acme.dev', old],
    ]);
  });
});

describe('a login a store names, through the CLI', () => {
  it('is a finding of its own provider, reported as detection only, in a report that fits the schema', async () => {
    const home = tempDir('tokenscope-home-');
    const raw = `pypi-AgEIcHlwaS5vcmc${randomBytes(40).toString('base64url')}`;
    writeFiles(home, { '.pypirc': `[pypi]\nusername = __token__\npassword = ${raw}\n` });
    const run = await cli(['audit', tempDir(), '--include-home', '--offline', '--format', 'json', '--threads', '1'], {
      env: { HOME: home },
    });
    const report = JSON.parse(run.stdout);
    const validate = schemaValidator('report.schema.json');
    expect(validate(report) ? [] : validate.errors).toEqual([]);
    expect(report.findings).toEqual([
      expect.objectContaining({
        provider: 'pypi',
        kind: 'API token',
        ruleId: 'pypi-api-token',
        locations: [{ path: '~/.pypirc', line: 3, column: 12, source: 'home', section: 'pypi' }],
        verification: 'skipped',
        verificationReason: 'detection only: no inspector for this provider yet',
      }),
    ]);
    expect(run.stdout).not.toContain(raw);
  });
});

describe('--include-home checks what a store is before reading it', () => {
  /** Fails instead of hanging: the scan must end well within this. */
  const within = <T>(ms: number, p: Promise<T>) =>
    Promise.race([
      p,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`still running after ${ms} ms`)), ms)),
    ]);

  it('a FIFO at ~/.npmrc is noted, never opened for a blocking read', async () => {
    const home = tempDir('tokenscope-home-');
    execFileSync('mkfifo', [join(home, '.npmrc')]);
    writeFiles(home, { '.git-credentials': `https://me:${githubToken()}@github.com\n` });
    const notes: string[] = [];
    const found = await within(5000, scanHome(home, notes));
    expect(found.map((c) => c.location.path)).toEqual(['~/.git-credentials']);
    expect(notes).toEqual(['skipped ~/.npmrc: not a regular file (a FIFO)']);
  });

  it('~/.netrc linked to /dev/zero is noted without reading a byte', async () => {
    const home = tempDir('tokenscope-home-');
    symlinkSync('/dev/zero', join(home, '.netrc'));
    const notes: string[] = [];
    const before = process.memoryUsage().rss;
    await within(5000, scanHome(home, notes));
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
    expect(notes).toEqual(['skipped ~/.netrc: not a regular file (a device)']);
  });

  it('a store over the size cap is noted, not read', async () => {
    const home = tempDir('tokenscope-home-');
    writeFiles(home, { '.bash_history': `${'ls\n'.repeat(400_000)}export T=${githubToken()}\n` });
    const notes: string[] = [];
    expect(await scanHome(home, notes)).toEqual([]);
    expect(notes).toEqual([
      `skipped ~/.bash_history: larger than the size cap (${400_000 * 3 + 9 + 40 + 1} > 1048576 bytes)`,
    ]);
  });
});

describe('--include-home: other command-line tools keep logins too', () => {
  const hex = (n: number) => randomBytes(n).toString('hex');
  const letters = (n: number) =>
    Array.from(randomBytes(n), (b) => 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'[b % 52]).join('');

  it('glab, hub, Hugging Face, doctl, the Stripe CLI and Vault', async () => {
    const home = tempDir('tokenscope-home-');
    const glpat = `glpat-${randomBytes(15).toString('base64url')}`;
    const hub = githubToken('gho');
    const hf = `hf_${letters(34)}`;
    const dop = `dop_v1_${hex(32)}`;
    const stripe = `sk_live_${letters(40)}`;
    const vault = `hvs.${randomBytes(18).toString('base64url')}`;
    writeFiles(home, {
      '.config/glab-cli/config.yml': [
        'hosts:',
        '  gitlab.com:',
        `    token: ${glpat}`,
        '    api_protocol: https',
        '',
      ].join('\n'),
      '.config/hub': ['github.com:', '- user: octocat', `  oauth_token: ${hub}`, '  protocol: https', ''].join('\n'),
      '.cache/huggingface/token': hf,
      '.config/doctl/config.yaml': [`access-token: ${dop}`, 'context: default', ''].join('\n'),
      '.config/stripe/config.toml': ['[default]', `  live_mode_api_key = '${stripe}'`, ''].join('\n'),
      '.vault-token': `${vault}\n`,
    });
    const found = await scanHome(home);
    expect(
      found.map((c) => [c.provider, c.location.path, c.location.line, c.location.section, c.secret.reveal()]),
    ).toEqual([
      ['gitlab', '~/.config/glab-cli/config.yml', 3, 'gitlab.com', glpat],
      ['github', '~/.config/hub', 3, 'github.com', hub],
      ['huggingface', '~/.cache/huggingface/token', 1, undefined, hf],
      ['digitalocean', '~/.config/doctl/config.yaml', 1, 'default', dop],
      ['stripe', '~/.config/stripe/config.toml', 2, 'default', stripe],
      ['vault', '~/.vault-token', 1, undefined, vault],
    ]);
  });
});
