import { describe, expect, it } from '@jest/globals';
import { generateKeyPairSync } from 'node:crypto';
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { detectFrom } from '../helpers/detect-source.js';
import { homeSource } from '../../src/sources/home/home.js';
import type { Candidate } from '../../src/core/types.js';
import { tempDir, writeFiles } from '../helpers/repo.js';
import { awsKeyId, awsSecret, githubToken, railwayToken } from '../helpers/tokens.js';
import { auditJson, findingFor } from '../history/world.js';

const NPM_BODY = 'G7kHxabIpudDSYaclXCMy2T5FVTNLL5tF4JT'.split('').reverse().join('');

async function scanHome(home: string, notes: string[] = []): Promise<Candidate[]> {
  return detectFrom(homeSource({ HOME: home }, 1024 * 1024, notes));
}

/** Where and whose: path, line and section of each candidate of one rule, in file order. */
const places = (cs: Candidate[], ruleId: string) =>
  cs
    .filter((c) => c.ruleId === ruleId)
    .map((c) => ({
      path: c.location.path,
      line: c.location.line,
      source: c.location.source,
      section: c.context.section,
    }));

describe('--include-home: credential stores, each token attributed to its profile or host', () => {
  it('AWS credentials and config: each key pair stays within its profile', async () => {
    const home = tempDir('tokenscope-home-');
    const [devId, prodId, cfgId] = [awsKeyId(), awsKeyId(), awsKeyId()];
    writeFiles(home, {
      '.aws/credentials': [
        '[default]',
        `aws_access_key_id = ${devId}`,
        `aws_secret_access_key = ${awsSecret()}`,
        '',
        '[prod]',
        'region = eu-west-1',
        `aws_access_key_id = ${prodId}`,
        `aws_secret_access_key = ${awsSecret()}`,
        '',
      ].join('\n'),
      '.aws/config': [
        '[profile ci]',
        `aws_access_key_id = ${cfgId}`,
        `aws_secret_access_key = ${awsSecret()}`,
        '',
      ].join('\n'),
    });
    const found = await scanHome(home);
    expect(places(found, 'aws-access-key-id')).toEqual([
      { path: '~/.aws/credentials', line: 2, source: 'home', section: 'default' },
      { path: '~/.aws/credentials', line: 7, source: 'home', section: 'prod' },
      { path: '~/.aws/config', line: 2, source: 'home', section: 'ci' },
    ]);
    // Each key id carries its own profile's secret: three pairs, no secret left over.
    const keys = found.filter((c) => c.ruleId === 'aws-access-key-id');
    expect(keys.every((k) => k.parts?.secretAccessKey)).toBe(true);
    expect(found.filter((c) => c.ruleId.startsWith('aws-secret'))).toEqual([]);
  });

  it('gh hosts.yml, .git-credentials, .netrc and .npmrc: by host and registry', async () => {
    const home = tempDir('tokenscope-home-');
    const [gh, gitCred, netrcOne, netrcMulti] = [githubToken('gho'), githubToken(), githubToken(), githubToken()];
    writeFiles(home, {
      '.config/gh/hosts.yml': [
        'github.com:',
        '    user: octocat',
        `    oauth_token: ${gh}`,
        '    git_protocol: https',
        'ghe.example.com:',
        '    users:',
        '        hubot:',
        `            oauth_token: ${githubToken('gho')}`,
        '',
      ].join('\n'),
      '.git-credentials': `https://octocat:${gitCred}@github.com\n`,
      '.netrc': [
        `machine api.github.com login octocat password ${netrcOne}`,
        'machine gitlab.example.com',
        '  login someone',
        '  password not-a-token',
        'machine github.com',
        '  login octocat',
        `  password ${netrcMulti}`,
        '',
      ].join('\n'),
      '.npmrc': ['registry=https://registry.npmjs.org/', `//registry.npmjs.org/:_authToken=npm_${NPM_BODY}`, ''].join(
        '\n',
      ),
    });
    const found = await scanHome(home);
    expect(places(found, 'github-oauth')).toEqual([
      { path: '~/.config/gh/hosts.yml', line: 3, source: 'home', section: 'github.com (octocat)' },
      { path: '~/.config/gh/hosts.yml', line: 8, source: 'home', section: 'ghe.example.com (hubot)' },
    ]);
    expect(places(found, 'github-pat-classic')).toEqual([
      { path: '~/.git-credentials', line: 1, source: 'home', section: 'github.com' },
      { path: '~/.netrc', line: 1, source: 'home', section: 'api.github.com' },
      { path: '~/.netrc', line: 7, source: 'home', section: 'github.com' },
    ]);
    expect(places(found, 'npm-token')).toEqual([
      { path: '~/.npmrc', line: 2, source: 'home', section: 'registry.npmjs.org' },
    ]);
  });

  it('docker config.json: the token inside a base64 `auth`, attributed to its registry', async () => {
    const home = tempDir('tokenscope-home-');
    const t = githubToken();
    const auth = Buffer.from(`octocat:${t}`).toString('base64');
    writeFiles(home, {
      '.docker/config.json': `{\n\t"auths": {\n\t\t"ghcr.io": {\n\t\t\t"auth": "${auth}"\n\t\t}\n\t},\n\t"credsStore": "desktop"\n}\n`,
    });
    const found = await scanHome(home);
    expect(places(found, 'github-pat-classic')).toEqual([
      { path: '~/.docker/config.json', line: 4, source: 'home', section: 'ghcr.io' },
    ]);
  });

  it("railway's login is a Railway token; its project and environment ids are not", async () => {
    const home = tempDir('tokenscope-home-');
    const login = railwayToken();
    writeFiles(home, {
      '.railway/config.json': JSON.stringify(
        {
          projects: {
            '/home/me/app': { projectPath: '/home/me/app', project: railwayToken(), environment: railwayToken() },
          },
          user: { token: login },
        },
        null,
        2,
      ),
    });
    const found = await scanHome(home);
    expect(places(found, 'railway-token')).toEqual([
      { path: '~/.railway/config.json', line: 10, source: 'home', section: 'user' },
    ]);
  });

  it('kubeconfig and gcloud: a private key, attributed to the kube user and the gcloud account', async () => {
    const home = tempDir('tokenscope-home-');
    const pem = (
      generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string
    ).trim();
    writeFiles(home, {
      '.kube/config': [
        'apiVersion: v1',
        'users:',
        '- name: admin@prod',
        '  user:',
        `    client-key-data: ${Buffer.from(pem).toString('base64')}`,
        '',
      ].join('\n'),
      '.config/gcloud/legacy_credentials/me@example.com/adc.json': JSON.stringify(
        { type: 'service_account', private_key: `${pem}\n` },
        null,
        1,
      ),
      '.config/gcloud/credentials.db': Buffer.from([0x53, 0x51, 0x4c, 0, 1, 2]),
    });
    const notes: string[] = [];
    const found = await scanHome(home, notes);
    expect(places(found, 'pem-private-key')).toEqual([
      {
        path: '~/.config/gcloud/legacy_credentials/me@example.com/adc.json',
        line: 3,
        source: 'home',
        section: 'me@example.com',
      },
      { path: '~/.kube/config', line: 5, source: 'home', section: 'user admin@prod' },
    ]);
    expect(notes).toContain(
      'skipped ~/.config/gcloud/credentials.db: not a database tokenscope can read (file is not a database)',
    );
  });

  it('notes an unreadable store and a missing HOME; absent stores are silent', async () => {
    const home = tempDir('tokenscope-home-');
    writeFiles(home, { '.netrc': 'x' });
    chmodSync(join(home, '.netrc'), 0o000);
    const notes: string[] = [];
    await scanHome(home, notes);
    // root reads anything; the note is only expected when permissions bite.
    if (process.getuid?.() !== 0) expect(notes).toEqual(['skipped ~/.netrc: unreadable (permission denied)']);
    else expect(notes).toEqual([]);
    const none: string[] = [];
    expect(await detectFrom(homeSource({}, 1024, none))).toEqual([]);
    expect(none).toEqual(['--include-home: HOME is not set; no credential store read']);
  });
});

describe('--include-home, --include-env and --agent through the CLI', () => {
  it('labels home and env locations; the variable name is the path', async () => {
    const home = tempDir('tokenscope-home-');
    const inHome = githubToken();
    const inEnv = githubToken();
    writeFiles(home, { '.git-credentials': `https://me:${inHome}@github.com\n` });
    const repo = tempDir();
    const env = { HOME: home, GH_TOKEN: inEnv, PATH: '/usr/bin' };

    const plain = await auditJson([repo], env);
    expect(plain.report!.findings).toEqual([]);

    const both = await auditJson([repo, '--include-home', '--include-env'], env);
    // HOME itself is a variable too, but a path is no credential.
    expect(both.report!.findings).toHaveLength(2);
    expect(findingFor(both.report!, inHome)!.locations).toEqual([
      { path: '~/.git-credentials', line: 1, column: 12, source: 'home', section: 'github.com' },
    ]);
    expect(findingFor(both.report!, inEnv)!.locations).toEqual([
      { path: 'GH_TOKEN', line: 1, column: 10, source: 'env' },
    ]);
  });

  it('--agent: home, env and ignored files, and the one-line answer', async () => {
    const home = tempDir('tokenscope-home-');
    writeFiles(home, { '.git-credentials': `https://me:${githubToken()}@github.com\n` });
    const repo = tempDir();
    writeFiles(repo, { '.gitignore': '.env\n', '.env': `GITHUB_TOKEN=${githubToken()}\n` });
    const run = await auditJson([repo, '--agent'], { HOME: home, GH_TOKEN: githubToken() });
    expect(run.report!.summary.headline).toBe(
      // Offline: none of the three could be inspected, and none is counted as harmless.
      'An agent started here can read 3 credentials: 0 can delete or administer (known broad), 0 cannot (known narrow), 3 could not be inspected (reach unknown).',
    );
  });
});
