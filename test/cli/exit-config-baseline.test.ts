import { describe, expect, it } from '@jest/globals';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from '../helpers/cli.js';
import { gitRepo, tempDir, writeFiles } from '../helpers/repo.js';
import { githubToken, railwayToken } from '../helpers/tokens.js';

const json = (s: string) =>
  JSON.parse(s) as {
    findings: Array<{ id: string; ruleId: string; locations: Array<{ path: string }> }>;
    summary: { baselineSuppressed?: number; failing: number };
  };

describe('exit codes', () => {
  const committed = gitRepo({ 'app.env': `GITHUB_TOKEN=${githubToken()}\n` }, ['app.env']);
  // A Railway token is a bare UUID known by its context only: committed and uninspected, medium.
  const byContext = gitRepo({ 'app.env': `RAILWAY_TOKEN=${railwayToken()}\n` }, ['app.env']);

  it('0 when nothing is at or above --fail-on (a committed uninspected token found by context is medium)', async () => {
    expect((await cli(['audit', byContext, '--offline', '--format', 'json'])).code).toBe(0);
  });

  it('1 when a finding is at or above --fail-on', async () => {
    const run = await cli(['audit', byContext, '--offline', '--format', 'json', '--fail-on', 'medium']);
    expect(run.code).toBe(1);
    expect(json(run.stdout).summary.failing).toBe(1);
  });

  it('failOn can come from the config policy; the flag wins over it', async () => {
    const root = gitRepo(
      { 'app.env': `GITHUB_TOKEN=${githubToken()}\n`, '.tokenscope.yml': 'policy:\n  failOn: low\n' },
      ['app.env'],
    );
    expect((await cli(['audit', root, '--offline', '--format', 'json'])).code).toBe(1);
    expect((await cli(['audit', root, '--offline', '--format', 'json', '--fail-on', 'critical'])).code).toBe(0);
  });

  it('policy severities override a risk severity, either way', async () => {
    const up = gitRepo(
      {
        'app.env': `RAILWAY_TOKEN=${railwayToken()}\n`,
        '.tokenscope.yml': 'policy:\n  severities:\n    uninspected-credential: critical\n',
      },
      ['app.env'],
    );
    expect((await cli(['audit', up, '--offline', '--format', 'json'])).code).toBe(1);
    const down = gitRepo(
      {
        'app.env': `GITHUB_TOKEN=${githubToken()}\n`,
        '.tokenscope.yml': 'policy:\n  severities:\n    uninspected-credential: low\n',
      },
      ['app.env'],
    );
    expect((await cli(['audit', down, '--offline', '--format', 'json'])).code).toBe(0);
  });

  it('2 with one line naming the flag for a bad flag value', async () => {
    const run = await cli(['audit', committed, '--format', 'xml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/format/);
    expect(run.stdout).toBe('');
  });

  it('2 for an unknown flag, a missing directory, and a bad endpoint', async () => {
    expect((await cli(['audit', committed, '--no-such-flag'])).code).toBe(2);
    const missing = await cli(['audit', join(committed, 'nope')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope: no such directory/);
    const endpoint = await cli(['audit', committed, '--railway-endpoint', 'http://10.0.0.1/graphql']);
    expect(endpoint.code).toBe(2);
    expect(endpoint.stderr).toMatch(/--railway-endpoint: .* must be https, or http on loopback/);
  });

  it('--help documents the exit codes and exits 0', async () => {
    const run = await cli(['audit', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/1 +at least one finding at or above --fail-on/);
  });
});

describe('config errors name the file and the field; nothing is written', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['.tokenscope.yml', 'scan:\n  skipp: []\n', /\.tokenscope\.yml: unknown key "scan\.skipp"/],
    [
      '.tokenscope.yml',
      'policy:\n  failOn: severe\n',
      /\.tokenscope\.yml: field "policy\.failOn" must be one of "critical", "high", "medium", "low", "info"/,
    ],
    [
      '.tokenscope.json',
      '{"allowlist": {"fingerprints": ["nothex"]}}',
      /\.tokenscope\.json: field "allowlist\.fingerprints\.0" must match pattern/,
    ],
    ['.tokenscope.yml', 'scan: [unclosed\n', /\.tokenscope\.yml: not valid YAML/],
    ['.tokenscope.yml', 'railwayEndpoint: https://evil.example/graphql\n', /unknown key "railwayEndpoint"/],
    [
      '.tokenscope.yml',
      'rules:\n  - id: mine\n    provider: acme\n    kind: key\n    description: d\n    keywords: [acme_]\n    regex: "acme_[a-z]+"\n    examples: {truePositives: ["ACME=acme_k3j4h5g6f7d8s9a0q1w2e3r4"], falsePositives: []}\n',
      /rule mine: field "regex" must match pattern/,
    ],
  ];
  for (const [name, content, expected] of cases) {
    it(`${name}: ${content.split('\n')[0]}`, async () => {
      const root = tempDir();
      writeFiles(root, { [name]: content });
      const out = join(root, 'report.json');
      const run = await cli(['audit', root, '--offline', '--format', 'json', '--output', out]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(expected);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(existsSync(out)).toBe(false);
    });
  }

  it('--config FILE that does not exist', async () => {
    const run = await cli(['audit', tempDir(), '--config', '/nonexistent/ts.yml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\/nonexistent\/ts\.yml: cannot read config \(ENOENT\)/);
  });
});

describe('custom rules from the config', () => {
  it('are validated, compiled and run like built-in ones', async () => {
    const root = tempDir();
    writeFiles(root, {
      '.tokenscope.yml':
        'rules:\n  - id: acme-key\n    provider: acme\n    kind: API key\n    description: ACME key\n    keywords: [acme_]\n    regex: "(?<secret>acme_[a-z0-9]{24})"\n    examples: {truePositives: ["ACME=acme_k3j4h5g6f7d8s9a0q1w2e3r4"], falsePositives: []}\n',
      'app.env': 'ACME=acme_k3j4h5g6f7d8s9a0q1w2e3r4\n',
    });
    const run = await cli(['audit', root, '--offline', '--format', 'json']);
    expect(json(run.stdout).findings.map((f) => f.ruleId)).toEqual(['acme-key']);
  });
});

describe('baseline and allowlists', () => {
  it('--baseline counts only credentials that are not in the earlier report', async () => {
    const root = tempDir();
    writeFiles(root, { 'a.env': `A=${githubToken()}\n` });
    const base = join(tempDir(), 'baseline.json');
    await cli(['audit', root, '--offline', '--format', 'json', '--output', base]);
    writeFiles(root, { 'b.env': `B=${githubToken()}\n` });
    const run = await cli(['audit', root, '--offline', '--format', 'json', '--baseline', base]);
    const report = json(run.stdout);
    expect(report.findings.map((f) => f.locations[0]!.path)).toEqual(['b.env']);
    expect(report.summary.baselineSuppressed).toBe(1);
  });

  it('--baseline that is not a report is a usage error', async () => {
    const bad = join(tempDir(), 'x.json');
    writeFileSync(bad, '{"hello": 1}');
    const run = await cli(['audit', tempDir(), '--offline', '--baseline', bad]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--baseline .*x\.json: field "findings" is missing/);
  });

  it('allowlists by path glob, rule id and fingerprint, and by a tokenscope:allow comment', async () => {
    const [a, b, c, d] = [githubToken(), githubToken('gho'), githubToken(), githubToken()];
    const root = tempDir();
    writeFiles(root, {
      'fixtures/sample.env': `T=${a}\n`,
      'oauth.env': `T=${b}\n`,
      'keep.env': `T=${c}\n`,
      'inline.env': `T=${d} # tokenscope:allow\n`,
    });
    const first = json((await cli(['audit', root, '--offline', '--format', 'json'])).stdout);
    expect(first.findings).toHaveLength(3);
    const keepId = first.findings.find((f) => f.locations[0]!.path === 'keep.env')!.id;
    writeFiles(root, {
      '.tokenscope.yml': `allowlist:\n  paths: ["fixtures/"]\n  rules: [github-oauth]\n  fingerprints: ["${keepId}"]\n`,
    });
    const second = json((await cli(['audit', root, '--offline', '--format', 'json'])).stdout);
    expect(second.findings).toHaveLength(0);
  });
});

describe('whose code is scanned', () => {
  it('is read from the origin remote and from GITHUB_REPOSITORY', async () => {
    const { originOwner } = await import('../../src/sources/git.js');
    const { git: g } = await import('../helpers/repo.js');
    const root = gitRepo({ 'a.txt': 'x\n' }, ['a.txt']);
    expect(await originOwner(root)).toBeUndefined();
    g(root, 'remote', 'add', 'origin', 'git@github.com:acme-corp/app.git');
    expect(await originOwner(root)).toBe('acme-corp');
    g(root, 'remote', 'set-url', 'origin', 'https://ghe.example.test/platform/infra');
    expect(await originOwner(root)).toBe('platform');
  });

  it('the origin owner joins the scanned owners, once, beside GITHUB_REPOSITORY', async () => {
    const { addOriginOwner, settingsFrom } = await import('../../src/cli/settings.js');
    const { git: g } = await import('../helpers/repo.js');
    const root = gitRepo({ 'a.txt': 'x\n' }, ['a.txt']);
    g(root, 'remote', 'add', 'origin', 'git@github.com:acme-corp/app.git');
    const io = { cwd: root, env: { GITHUB_REPOSITORY: 'acme-corp/app' }, stdout: () => {}, stderr: () => {} };
    const s = settingsFrom({}, io as never, root);
    expect(s.config.policy.scannedOwners).toEqual(['acme-corp']);
    await addOriginOwner(s.config, root);
    expect(s.config.policy.scannedOwners).toEqual(['acme-corp']);
    const other = settingsFrom({}, { ...io, env: {} } as never, root);
    expect(other.config.policy.scannedOwners).toEqual([]);
    await addOriginOwner(other.config, root);
    expect(other.config.policy.scannedOwners).toEqual(['acme-corp']);
  });
});
