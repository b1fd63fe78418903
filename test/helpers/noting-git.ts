import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One git call as the noting git saw it: its arguments, and the chosen variables ('unset' when absent). */
export interface NotedCall {
  args: string;
  env: Record<string, string>;
}

/**
 * Runs `body` with a git first on PATH that notes, for each call, its arguments and the values of
 * `vars` in its environment, then runs the real git: what tokenscope asked of git, observed from
 * outside. Resolves with the calls in the order they were made.
 */
export async function withNotingGit(vars: string[], body: () => Promise<void>): Promise<NotedCall[]> {
  const dir = mkdtempSync(join(tmpdir(), 'tokenscope-notinggit-'));
  const log = join(dir, 'calls');
  writeFileSync(log, '');
  const real = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
  const fields = vars.map((v) => `"\${${v}-unset}"`).join(' ');
  writeFileSync(
    join(dir, 'git'),
    `#!/bin/sh\nprintf '%s\\t' "$*" ${fields} >> '${log}'\necho >> '${log}'\nexec '${real}' "$@"\n`,
    {
      mode: 0o755,
    },
  );
  await withFirstOnPath(dir, body);
  const calls = readFileSync(log, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [args = '', ...values] = line.split('\t');
      return { args, env: Object.fromEntries(vars.map((v, i) => [v, values[i] ?? ''])) };
    });
  rmSync(dir, { recursive: true, force: true });
  return calls;
}

/** Runs `body` with `dir` first on PATH (a git of the test's own there is the one run). */
export async function withFirstOnPath(dir: string, body: () => Promise<void>): Promise<void> {
  const saved = process.env.PATH;
  process.env.PATH = `${dir}:${saved}`;
  try {
    await body();
  } finally {
    process.env.PATH = saved;
  }
}
