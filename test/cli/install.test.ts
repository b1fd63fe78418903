import { describe, expect, it } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { toolVersion } from '../../src/core/version.js';
import { git, tempDir, writeFiles } from '../helpers/repo.js';
import { githubToken } from '../helpers/tokens.js';

/**
 * Installing tokenscope outside its clone, as the README says: from the packed tarball into a
 * global prefix, and as a hook of the pre-commit framework (Debian's pre-commit, 3.0.4).
 */
const REPO = resolve('.');
// Installs read the npm cache that `npm ci` filled; the registry only for what is missing.
const npmEnv = {
  ...process.env,
  npm_config_prefer_offline: 'true',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
};

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = npmEnv) {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

describe('npm pack', () => {
  // pre-commit installs a node hook with `npm install -g $(npm pack)`: stdout must be the tarball's
  // name alone, and npm shows `prepare`'s output on stdout unless the repository's .npmrc says not to.
  it("prints only the tarball's name, whatever `prepare` prints", () => {
    const dir = tempDir();
    copyFileSync(join(REPO, '.npmrc'), join(dir, '.npmrc'));
    writeFiles(dir, {
      'package.json': JSON.stringify({ name: 'pack-probe', version: '1.0.0', scripts: { prepare: 'echo building' } }),
    });
    const out = run('npm', ['pack', '--dry-run'], dir);
    expect(out.code).toBe(0);
    expect(out.stdout).toBe('pack-probe-1.0.0.tgz\n');
  });
});

describe('a global install from the packed tarball', () => {
  it('gives a working `tokenscope` command', () => {
    const dir = tempDir();
    // `npm test` has built build/; --ignore-scripts keeps this test from rebuilding it under the others.
    const packed = run('npm', ['pack', '--ignore-scripts', '--pack-destination', dir], REPO);
    expect(packed.stderr).not.toMatch(/npm (ERR|error)/);
    const tarball = join(dir, packed.stdout.trim());
    const prefix = join(dir, 'prefix');
    // The native SQLite module (org --state) is built by npm at a real install; not needed here.
    const installed = run('npm', ['install', '-g', '--prefix', prefix, '--ignore-scripts', tarball], dir);
    expect(installed.stderr).not.toMatch(/npm (ERR|error)/);
    expect(installed.code).toBe(0);
    const bin = join(prefix, 'bin', 'tokenscope');
    expect(execFileSync(bin, ['--version'], { encoding: 'utf8' })).toBe(`${toolVersion()}\n`);
    const project = tempDir();
    writeFiles(project, { 'app.env': `GITHUB_TOKEN=${githubToken()}\n` });
    const audit = run(bin, ['audit', project, '--offline', '--format', 'json'], project, { PATH: process.env.PATH });
    expect(audit.stderr).toBe('');
    expect(JSON.parse(audit.stdout).findings).toHaveLength(1);
  }, 600_000);
});

/**
 * The native SQLite module as its install script fetches it on a user's machine: a prebuilt
 * binary (prebuild-install), here the one `npm ci` made, offered as a local prebuild. Offline,
 * the script falls back to compiling SQLite from source, twice per hook install (the hook's
 * `npm install`, then its global install), which took this test from seconds to over three minutes.
 */
function sqlitePrebuild(home: string): NodeJS.ProcessEnv {
  const pkg = join(REPO, 'node_modules', 'better-sqlite3');
  const { version } = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { version: string };
  const dir = join(home, 'prebuilds');
  mkdirSync(dir);
  const name = `better-sqlite3-v${version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`;
  execFileSync('tar', ['-czf', join(dir, name), '-C', pkg, 'build/Release/better_sqlite3.node']);
  return { npm_config_better_sqlite3_local_prebuilds: dir };
}

const preCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
const havePreCommit = preCommit.status === 0;
if (!havePreCommit)
  process.stderr.write('SKIPPED: the pre-commit hook test needs `pre-commit` (apt-get install pre-commit)\n');

(havePreCommit ? describe : describe.skip)(`the pre-commit hook (${preCommit.stdout?.trim()})`, () => {
  it('installs from this repository and blocks a commit that adds a token', () => {
    const home = tempDir();
    // The hook's repository: this one at HEAD (pre-commit clones a repo at a rev).
    const hookRepo = join(home, 'tokenscope');
    execFileSync('git', ['clone', '--quiet', REPO, hookRepo]);
    const rev = git(hookRepo, 'rev-parse', 'HEAD').trim();
    const user = tempDir();
    git(user, 'init', '--quiet');
    writeFiles(user, {
      '.pre-commit-config.yaml': `repos:\n  - repo: ${hookRepo}\n    rev: ${rev}\n    hooks:\n      - id: tokenscope\n`,
      'README.md': 'hello\n',
    });
    const env = { ...npmEnv, PRE_COMMIT_HOME: join(home, 'cache'), ...sqlitePrebuild(home) };
    const install = run('pre-commit', ['install-hooks'], user, env);
    expect([install.code, install.stdout + install.stderr]).toEqual([0, expect.any(String)]);

    git(user, 'add', '.pre-commit-config.yaml', 'README.md');
    const clean = run('pre-commit', ['run', 'tokenscope'], user, env);
    expect([clean.code, clean.stdout]).toEqual([0, expect.stringContaining('Passed')]);

    writeFiles(user, { 'deploy.env': `GITHUB_TOKEN=${githubToken()}\n` });
    git(user, 'add', 'deploy.env');
    const blocked = run('pre-commit', ['run', 'tokenscope'], user, env);
    expect(blocked.code).toBe(1);
    expect(blocked.stdout).toContain('github personal access token');
    expect(readdirSync(user)).toContain('deploy.env');
  }, 3_600_000);
});
