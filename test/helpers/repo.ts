import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export function tempDir(prefix = 'tokenscope-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function writeFiles(root: string, files: Record<string, string | Buffer>): void {
  for (const [rel, content] of Object.entries(files)) {
    const p = join(root, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, content);
  }
}

export function git(cwd: string, ...args: string[]): string {
  return gitWith({}, cwd, args);
}

/** git with a fixed identity, plus `env` (e.g. GIT_AUTHOR_DATE, so tests can name dates by hand). */
export function gitWith(env: Record<string, string>, cwd: string, args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 'test@localhost',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 'test@localhost',
      GIT_CONFIG_NOSYSTEM: '1',
      ...env,
    },
  });
}

/** A git work tree with the given files; `commit` lists the ones added and committed. */
export function gitRepo(files: Record<string, string | Buffer>, commit: string[]): string {
  const root = tempDir();
  git(root, 'init', '-q', '-b', 'main');
  writeFiles(root, files);
  if (commit.length) {
    git(root, 'add', '--', ...commit);
    git(root, 'commit', '-q', '-m', 'initial');
  }
  return root;
}
