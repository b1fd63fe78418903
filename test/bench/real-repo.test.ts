import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { tempDir } from '../helpers/repo.js';

// The history benchmark's real-shaped repository (scripts/bench-repo-real.mjs), built small from one
// package's files. What it claims to hold is checked with git itself, not with the generator.
const git = (dir: string, ...args: string[]) => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' });
/** The file at that commit, or '' where the commit deleted it. */
const fileAt = (dir: string, commit: string, path: string) => {
  try {
    return execFileSync('git', ['-C', dir, 'show', `${commit}:${path}`], { encoding: 'utf8', stdio: 'pipe' });
  } catch {
    return '';
  }
};

interface Planted {
  path: string;
  line: number;
}

describe('bench: the real-shaped history repository', () => {
  it('holds the planted credentials where it says, and moves, merges, branches and binary blobs', () => {
    const dir = join(tempDir(), 'repo');
    const out = execFileSync(
      process.execPath,
      ['scripts/bench-repo-real.mjs', '--commits', '300', '--mb', '2', '--source', 'node_modules/yaml', '--out', dir],
      { encoding: 'utf8' },
    );
    const info = JSON.parse(out) as { commits: number; planted: Planted[] };

    expect(Number(git(dir, 'rev-list', '--all', '--count').trim())).toBeGreaterThanOrEqual(300);
    expect(info.planted).toHaveLength(8);
    // Each planted line exists in some commit's version of its file, at the line given.
    const shape =
      /^(GITHUB_TOKEN=ghp_|RAILWAY_TOKEN=|STRIPE_KEY=sk_live_|aws_access_key_id = AKIA|DATABASE_URL=postgres:\/\/)/;
    for (const p of info.planted) {
      const commits = git(dir, 'log', '--all', '--full-history', '--format=%H', '--', p.path)
        .trim()
        .split('\n')
        .filter(Boolean);
      const found = commits.some((c) => shape.test(fileAt(dir, c, p.path).split('\n')[p.line - 1] ?? ''));
      expect({ planted: p, found }).toEqual({ planted: p, found: true });
    }
    const renames = git(dir, 'log', '--all', '-M', '--diff-filter=R', '--name-status', '--format=');
    expect(renames.split('\n').filter((l) => l.startsWith('R')).length).toBeGreaterThan(5);
    const merges = git(dir, 'rev-list', '--all', '--merges').trim().split('\n').filter(Boolean);
    expect(merges.length).toBeGreaterThanOrEqual(1);
    expect(git(dir, 'branch', '--format=%(refname:short)').trim().split('\n').length).toBeGreaterThanOrEqual(3);
    // Binary blobs: git's own numstat marks a binary change with "-".
    const numstat = git(dir, 'log', '--all', '--numstat', '--format=');
    expect(numstat.split('\n').some((l) => l.startsWith('-\t-\t'))).toBe(true);
  });
});
