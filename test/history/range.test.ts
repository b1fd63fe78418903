import { describe, expect, it } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/repo.js';
import { githubToken } from '../helpers/tokens.js';
import { World, auditJson, findingFor, sh } from './world.js';

const TEN_LINES = Array.from({ length: 10 }, (_, i) => `line ${i + 1}`);

/** main with an old token already committed, and a feature branch off it. */
function featureWorld() {
  const w = new World();
  const old = githubToken();
  const base = w.commit('base', { 'old.env': `GITHUB_TOKEN=${old}\n`, 'notes.txt': `${TEN_LINES.join('\n')}\n` });
  w.git('checkout', '-q', '-b', 'feature');
  return { w, old, base };
}

describe('audit --range BASE..HEAD (pull-request mode)', () => {
  it('reports only what the range added, at its true line in the new file and the commit that added it', async () => {
    const { w, old, base } = featureWorld();
    const t = githubToken();
    const lines = [...TEN_LINES];
    lines.splice(6, 0, `GITHUB_TOKEN=${t}`);
    const adding = w.commit('add a token at line 7', { 'notes.txt': `${lines.join('\n')}\n` });
    w.commit('unrelated', { 'other.txt': 'hello\n' });

    const { code, report } = await auditJson([w.root, '--range', `${base}..feature`]);
    expect(code).toBe(1); // a committed GitHub token fails the default gate, inspected or not
    expect(findingFor(report!, old)).toBeUndefined();
    expect(report!.findings).toHaveLength(1);
    expect(findingFor(report!, t)!.locations).toEqual([
      {
        path: 'notes.txt',
        line: 7,
        column: 14,
        source: 'history',
        commit: adding,
        date: w.date(2),
        presentAtHead: true,
      },
    ]);
  });

  it('reads unusual file names as they are', async () => {
    const { w, base } = featureWorld();
    const t = githubToken();
    w.commit('odd name', { 'conf/café "prod".env': `GITHUB_TOKEN=${t}\n` });
    const { report } = await auditJson([w.root, '--range', `${base}..HEAD`]);
    expect(findingFor(report!, t)!.locations[0]!.path).toBe('conf/café "prod".env');
  });

  it('BASE == HEAD: nothing to do, exit 0, and says so', async () => {
    const { w } = featureWorld();
    const run = await auditJson([w.root, '--range', 'main..main']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/BASE and HEAD are the same commit \([0-9a-f]{7}\); nothing to scan/);
    expect(run.report!.findings).toEqual([]);
  });

  it('BASE not an ancestor of HEAD (a force-push): scans from the merge base and says so', async () => {
    const { w, base } = featureWorld();
    const t = githubToken();
    w.commit('feature token', { 'f.env': `GITHUB_TOKEN=${t}\n` });
    // The old tip of a branch that was force-pushed away: not an ancestor of the new HEAD.
    w.git('checkout', '-q', '-b', 'old-tip', 'main');
    const oldTip = w.commit('abandoned', { 'gone.txt': 'x\n' });

    const { report } = await auditJson([w.root, '--range', `${oldTip}..feature`]);
    expect(findingFor(report!, t)).toBeDefined();
    expect(report!.notes.join('\n')).toContain(`${oldTip.slice(0, 7)} is not an ancestor`);
    expect(report!.notes.join('\n')).toContain(`merge base ${base.slice(0, 7)}`);
  });

  it('merge commits: a merged commit is attributed to itself, and a merge reports only what it wrote', async () => {
    const { w, base } = featureWorld();
    w.commit('feature edit', { 'conflict.txt': 'feature\n' });
    w.git('checkout', '-q', '-b', 'side', base);
    const fromSide = githubToken();
    const sideCommit = w.commit('side token', { 'side.env': `GITHUB_TOKEN=${fromSide}\n`, 'conflict.txt': 'side\n' });
    w.git('checkout', '-q', 'feature');
    try {
      w.git('merge', '-q', 'side');
    } catch {
      // Conflict on conflict.txt, resolved by hand with a new token: an evil merge.
    }
    const inMerge = githubToken();
    sh(w.root, ['checkout', '--theirs', '--', 'side.env']);
    writeFileSync(join(w.root, 'conflict.txt'), `resolved\nGITHUB_TOKEN=${inMerge}\n`);
    w.git('add', '-A');
    sh(w.root, ['commit', '-q', '--no-edit'], '2024-03-01T00:00:00Z');
    const merge = w.git('rev-parse', 'HEAD');

    const { report } = await auditJson([w.root, '--range', `${base}..feature`]);
    const side = findingFor(report!, fromSide)!;
    expect(side.locations).toEqual([expect.objectContaining({ path: 'side.env', line: 1, commit: sideCommit })]);
    const evil = findingFor(report!, inMerge)!;
    expect(evil.locations).toEqual([expect.objectContaining({ path: 'conflict.txt', line: 2, commit: merge })]);
  });

  it('a rename adds nothing; a binary file adds nothing; a token added then removed is gone from HEAD but still in history', async () => {
    const { w, base } = featureWorld();
    w.commit('rename old.env', { 'old.env': null, 'renamed.env': readFileSync(join(w.root, 'old.env')) });
    w.commit('binary', {
      'logo.png': Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]), Buffer.from(githubToken())]),
    });
    const t = githubToken();
    const added = w.commit('oops', { 'oops.env': `GITHUB_TOKEN=${t}\n` });
    w.commit('revert oops', { 'oops.env': null });

    const { report } = await auditJson([w.root, '--range', `${base}..HEAD`]);
    expect(report!.findings.map((f) => f.id)).toEqual([findingFor(report!, t)!.id]);
    const f = findingFor(report!, t)!;
    expect(f.locations).toEqual([expect.objectContaining({ path: 'oops.env', commit: added, presentAtHead: false })]);
    expect(f.risks.find((r) => r.id === 'removed-but-in-history')!.message).toContain(`added in ${added.slice(0, 7)}`);
  });

  it('a secret the file already held is not added by moving or editing around it; a copy into another file is', async () => {
    const { w, old, base } = featureWorld();
    const t = githubToken();
    // old.env held `old` at BASE: the range moves it down and adds a new token above it.
    const edit = w.commit('edit old.env', { 'old.env': `# header\nNEW_TOKEN=${t}\n\nGITHUB_TOKEN=${old}\n` });
    const copy = w.commit('copy', { 'copy.env': `GITHUB_TOKEN=${old}\n` });

    const { report } = await auditJson([w.root, '--range', `${base}..HEAD`]);
    expect(findingFor(report!, t)!.locations).toEqual([
      expect.objectContaining({ path: 'old.env', line: 2, commit: edit }),
    ]);
    expect(findingFor(report!, old)!.locations).toEqual([
      expect.objectContaining({ path: 'copy.env', line: 1, commit: copy }),
    ]);
  });

  it('a shallow clone that lacks BASE: exit 2, one line naming the commit and the fetch-depth fix', async () => {
    const { w, base } = featureWorld();
    w.commit('one', { 'a.txt': 'a\n' });
    w.commit('two', { 'b.txt': 'b\n' });
    const clone = join(tempDir(), 'clone');
    sh(tempDir(), ['clone', '-q', '--depth', '1', '--branch', 'feature', `file://${w.root}`, clone]);

    const run = await auditJson([clone, '--range', `${base}..HEAD`]);
    expect(run.code).toBe(2);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`commit ${base} is not in this shallow clone`);
    expect(lines[0]).toContain('fetch-depth: 0');
  });

  it('a shallow clone holding both ends but not the history between them: exit 2 naming the cut commit', async () => {
    const { w } = featureWorld();
    w.commit('one', { 'a.txt': 'a\n' });
    const tip = w.commit('two', { 'b.txt': 'b\n' });
    const clone = join(tempDir(), 'clone');
    sh(tempDir(), ['clone', '-q', '--depth', '1', '--branch', 'feature', `file://${w.root}`, clone]);
    sh(clone, ['fetch', '-q', '--depth', '1', 'origin', 'main:main']);

    const run = await auditJson([clone, '--range', 'main..HEAD']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--range: the history between [0-9a-f]{7} and [0-9a-f]{7} is cut short at/);
    expect(run.stderr).toContain(`cut short at ${tip.slice(0, 7)} (shallow clone)`);
    expect(run.stderr).toContain('fetch-depth: 0');
  });

  it('a malformed range and --range outside git are usage errors', async () => {
    const { w } = featureWorld();
    expect((await auditJson([w.root, '--range', 'main'])).stderr).toContain('expected BASE..HEAD');
    const run = await auditJson([tempDir(), '--range', 'a..b']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('is not inside a git repository');
  });
});
