import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { packageRoot } from '../../src/core/paths.js';
import { tempDir, writeFiles } from '../helpers/repo.js';
import { githubToken } from '../helpers/tokens.js';
import { World, auditJson, findingFor, sh } from '../history/world.js';

/**
 * Promise 5: scanning a repository never runs a program it names. Each test plants, in the
 * scanned repository's own config (where a tarball, an attachment or a committed bare repository
 * puts it), a setting that makes git run a program; the program leaves a marker file. Every mode
 * that runs git (the working tree's labels, --staged, --history, --range) must finish its scan,
 * find the planted token, and leave no marker.
 */

/** A program that leaves a file behind when run: the proof of execution. */
function trap(): { marker: string; program: string } {
  const dir = tempDir('tokenscope-trap-');
  const marker = join(dir, 'RAN');
  const program = join(dir, 'evil.sh');
  writeFileSync(program, `#!/bin/sh\ntouch '${marker}'\nexit 0\n`);
  chmodSync(program, 0o755);
  return { marker, program };
}

/** Writes settings straight into a config file (`git config --file` runs nothing of the repository's). */
function plant(configFile: string, settings: Array<[string, string]>): void {
  for (const [k, v] of settings) sh(tempDir(), ['config', '--file', configFile, '--add', k, v]);
}

interface Scene {
  w: World;
  base: string;
  /** Committed on the branch after `base`. */
  committed: string;
  /** Staged, not committed. */
  staged: string;
}

/** A repository with a committed token after `base` and a staged one; `extra` adds to the token commit. */
function scene(extra: Record<string, string> = {}): Scene {
  const w = new World();
  const base = w.commit('base', { 'README.md': 'hello\n' });
  const committed = githubToken();
  w.commit('token', { 'app.env': `GITHUB_TOKEN=${committed}\n`, ...extra });
  const staged = githubToken();
  writeFiles(w.root, { 'staged.env': `DEPLOY_TOKEN=${staged}\n` });
  w.git('add', 'staged.env');
  return { w, base, committed, staged };
}

/** Every mode that runs git, with the token each must find. */
function modes(s: Scene): Array<{ name: string; args: string[]; token: string }> {
  return [
    { name: 'audit (working-tree labels)', args: [s.w.root], token: s.committed },
    { name: '--staged', args: [s.w.root, '--staged'], token: s.staged },
    { name: '--history', args: [s.w.root, '--history'], token: s.committed },
    { name: '--range', args: [s.w.root, '--range', `${s.base}..HEAD`], token: s.committed },
  ];
}

async function expectNothingRuns(s: Scene, marker: string, opts: { find?: boolean } = {}): Promise<void> {
  for (const m of modes(s)) {
    const run = await auditJson(m.args);
    expect({ mode: m.name, ran: existsSync(marker) }).toEqual({ mode: m.name, ran: false });
    // The run completes (never exit 2); a committed token it finds fails the default gate (exit 1).
    expect({ mode: m.name, code: run.code, stderr: run.stderr }).toEqual({
      mode: m.name,
      code: opts.find === false ? run.code : 1,
      stderr: expect.any(String),
    });
    expect(run.code).not.toBe(2);
    if (opts.find !== false)
      expect({ mode: m.name, found: !!findingFor(run.report!, m.token) }).toEqual({ mode: m.name, found: true });
  }
}

describe('git never runs what the scanned repository configures', () => {
  it('core.fsmonitor (runs on ls-files and diff --cached)', async () => {
    const { marker, program } = trap();
    const s = scene();
    plant(join(s.w.root, '.git', 'config'), [['core.fsmonitor', program]]);
    await expectNothingRuns(s, marker);
  });

  it('log.showSignature with gpg.program, on a signed commit', async () => {
    const { marker, program } = trap();
    const s = scene();
    // Re-create HEAD as a signed commit: a gpgsig header is all git needs to call gpg.program.
    const body = s.w.git('cat-file', 'commit', 'HEAD');
    const signed = body.replace(
      /^(committer .*)$/m,
      '$1\ngpgsig -----BEGIN PGP SIGNATURE-----\n \n iQEzBAABCAAdFiEE\n -----END PGP SIGNATURE-----',
    );
    const file = join(tempDir(), 'commit');
    writeFileSync(file, `${signed}\n`);
    const oid = s.w.git('hash-object', '-t', 'commit', '-w', file);
    s.w.git('update-ref', 'refs/heads/main', oid);
    plant(join(s.w.root, '.git', 'config'), [
      ['log.showSignature', 'true'],
      ['gpg.program', program],
      ['gpg.openpgp.program', program],
    ]);
    await expectNothingRuns(s, marker);
  });

  it('external diff, textconv and diff drivers', async () => {
    const { marker, program } = trap();
    const s = scene({ '.gitattributes': '* diff=evil\n' });
    plant(join(s.w.root, '.git', 'config'), [
      ['diff.external', program],
      ['diff.evil.textconv', program],
      ['diff.evil.command', program],
    ]);
    await expectNothingRuns(s, marker);
  });

  it('clean, smudge and process filters', async () => {
    const { marker, program } = trap();
    const s = scene({ '.gitattributes': '* filter=evil\n' });
    plant(join(s.w.root, '.git', 'config'), [
      ['filter.evil.clean', program],
      ['filter.evil.smudge', program],
      ['filter.evil.process', program],
      ['filter.evil.required', 'true'],
    ]);
    await expectNothingRuns(s, marker);
  });

  it('hooks and pagers', async () => {
    const { marker, program } = trap();
    const s = scene();
    const hooks = join(tempDir(), 'hooks');
    mkdirSync(hooks);
    for (const h of [
      'pre-commit',
      'post-checkout',
      'reference-transaction',
      'post-index-change',
      'pre-auto-gc',
      'fsmonitor-watchman',
    ])
      writeFileSync(join(hooks, h), `#!/bin/sh\nexec '${program}'\n`, { mode: 0o755 });
    plant(join(s.w.root, '.git', 'config'), [
      ['core.hooksPath', hooks],
      ['core.pager', program],
      ['pager.log', program],
      ['pager.diff', program],
    ]);
    await expectNothingRuns(s, marker);
  });

  describe('a repository that claims to be a partial clone fetches missing objects: through its own transport', () => {
    let server: Server;
    let port = 0;
    beforeAll(async () => {
      // Asks for credentials, so that git consults the credential helper.
      server = createServer((_req, res) => {
        res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="x"' });
        res.end();
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      port = (server.address() as AddressInfo).port;
    });
    afterAll(() => new Promise<void>((r) => server.close(() => r())));

    /** A commit and an index entry pointing at a blob this repository does not have. */
    function promisor(url: string, settings: Array<[string, string]>): Scene {
      const s = scene();
      const missing = '0123456789abcdef0123456789abcdef01234567';
      const listing = s.w.git('ls-tree', 'HEAD');
      const treeOid = execFileSync('git', ['mktree', '--missing'], {
        cwd: s.w.root,
        input: `${listing}\n100644 blob ${missing}\tlost.env\n`,
        encoding: 'utf8',
      }).trim();
      const commit = s.w.git('commit-tree', '-p', 'HEAD', '-m', 'lost', treeOid);
      s.w.git('update-ref', 'refs/heads/main', commit);
      s.w.git('update-index', '--add', '--cacheinfo', `100644,${missing},lost-staged.env`);
      plant(join(s.w.root, '.git', 'config'), [
        ['core.repositoryformatversion', '1'],
        ['extensions.partialClone', 'origin'],
        ['remote.origin.url', url],
        ['remote.origin.promisor', 'true'],
        ...settings,
      ]);
      return s;
    }

    it('an ext:: command URL the repository allows itself', async () => {
      const { marker, program } = trap();
      const s = promisor(`ext::${program}`, [['protocol.ext.allow', 'always']]);
      await expectNothingRuns(s, marker);
    });

    it('core.sshCommand', async () => {
      const { marker, program } = trap();
      const s = promisor('ssh://127.0.0.1/nowhere.git', [['core.sshCommand', program]]);
      await expectNothingRuns(s, marker);
    });

    it('a credential helper', async () => {
      const { marker, program } = trap();
      const s = promisor(`http://127.0.0.1:${port}/repo.git`, [['credential.helper', `!${program}`]]);
      await expectNothingRuns(s, marker);
    });
  });

  it('a bare repository committed in a subdirectory is never opened (core.worktree + core.fsmonitor)', async () => {
    const { marker, program } = trap();
    const w = new World();
    const inner = join(w.root, 'sub');
    mkdirSync(inner);
    sh(inner, ['init', '-q', '--bare']);
    const t = githubToken();
    writeFiles(inner, { 'notes.env': `GITHUB_TOKEN=${t}\n` });
    w.commit('a clone that carries a bare repository', {});
    plant(join(inner, 'config'), [
      ['core.bare', 'false'],
      ['core.worktree', '..'],
      ['core.fsmonitor', program],
    ]);

    const audit = await auditJson([inner]);
    expect(existsSync(marker)).toBe(false);
    // Completed, and the committed token fails the default gate.
    expect(audit.code).toBe(1);
    // Its files are the clone's tracked files, as git would say from the clone.
    expect(findingFor(audit.report!, t)!.locations[0]).toMatchObject({ path: 'notes.env', source: 'tracked' });

    for (const flag of ['--history', '--staged']) {
      const run = await auditJson([inner, flag]);
      expect(existsSync(marker)).toBe(false);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('bare repository that git found by itself');
    }
    const range = await auditJson([inner, '--range', 'HEAD~1..HEAD']);
    expect(existsSync(marker)).toBe(false);
    expect(range.code).toBe(2);
  });

  it('a directory shipped with its own .git, scanned itself or inside another tree', async () => {
    const { marker, program } = trap();
    const s = scene();
    plant(join(s.w.root, '.git', 'config'), [
      ['core.fsmonitor', program],
      ['core.worktree', s.w.root],
    ]);
    const outer = tempDir();
    const vendored = join(outer, 'vendor', 'pkg');
    mkdirSync(join(outer, 'vendor'), { recursive: true });
    sh(outer, ['init', '-q']);
    sh(tempDir(), ['clone', '-q', s.w.root, vendored]);
    plant(join(vendored, '.git', 'config'), [['core.fsmonitor', program]]);

    await expectNothingRuns(s, marker);
    const run = await auditJson([outer]);
    expect(existsSync(marker)).toBe(false);
    expect(run.code).toBe(0);
  });
});

describe("the user's own git config", () => {
  const asRoot = process.getuid?.() === 0;
  (asRoot ? it : it.skip)(
    'is not read, except safe.directory: a repository owned by another user opens when the user says so',
    async () => {
      const { marker, program } = trap();
      const w = new World();
      const t = githubToken();
      w.commit('token', { 'app.env': `GITHUB_TOKEN=${t}\n` });
      execFileSync('chown', ['-R', '12345:12345', w.root]);
      const global = join(tempDir(), 'gitconfig');
      // The user's global config: it trusts this repository, and it has a program of its own.
      plant(global, [
        ['safe.directory', w.root],
        ['core.fsmonitor', program],
      ]);
      const cli = (env: Record<string, string>) =>
        new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
          execFile(
            process.execPath,
            [
              join(packageRoot(), 'bin', 'tokenscope.js'),
              'audit',
              w.root,
              '--history',
              '--offline',
              '--format',
              'json',
            ],
            { env: { ...process.env, ...env } },
            (err, stdout, stderr) =>
              resolve({ code: err ? Number((err as { code?: number }).code) : 0, stdout, stderr }),
          );
        });
      const trusted = await cli({ GIT_CONFIG_GLOBAL: global });
      expect(trusted.code).toBe(1);
      expect(findingFor(JSON.parse(trusted.stdout), t)).toBeDefined();
      expect(existsSync(marker)).toBe(false);

      const untrusted = await cli({ GIT_CONFIG_GLOBAL: '/dev/null' });
      expect(untrusted.code).toBe(2);
      expect(untrusted.stderr).toContain('owned by another user');
    },
  );
});
