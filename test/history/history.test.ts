import { describe, expect, it } from '@jest/globals';
import { chmodSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/load.js';
import { audit } from '../../src/core/audit.js';
import { HistoryScan } from '../../src/sources/history/history.js';
import { tempDir, writeFiles } from '../helpers/repo.js';
import { githubToken } from '../helpers/tokens.js';
import { World, auditJson, findingFor, sh } from './world.js';

const historyLoc = (f: { locations: Array<{ source: string }> } | undefined) =>
  f?.locations.find((l) => l.source === 'history');

describe('audit --history: attribution', () => {
  it('names the commit that introduced a deleted secret, its path and author date, and says where it was removed', async () => {
    const w = new World();
    const t = githubToken();
    w.commit('readme', { 'README.md': '# app\n' });
    const added = w.commit('config', { 'config/app.env': `PORT=80\nGITHUB_TOKEN=${t}\n` });
    w.commit('unrelated', { 'src/main.ts': 'export {};\n' });
    const removed = w.commit('remove token', { 'config/app.env': 'PORT=80\n' });

    const { code, report } = await auditJson([w.root, '--history']);
    expect(code).toBe(1); // a committed GitHub token fails the default gate, inspected or not
    const f = findingFor(report!, t)!;
    // Deleted from the work tree: only the history location remains, exactly one.
    expect(f.locations).toEqual([
      {
        path: 'config/app.env',
        line: 2,
        column: 14,
        source: 'history',
        commit: added,
        date: w.date(2),
        presentAtHead: false,
      },
    ]);
    const risk = f.risks.find((r) => r.id === 'removed-but-in-history')!;
    expect(risk.message).toContain(`removed in ${removed.slice(0, 7)}`);
    expect(risk.message).toContain('still in history');
  });

  it("the removal named is the last one on HEAD's own line: a branch that deleted it later, never merged, is not it", async () => {
    const w = new World();
    const t = githubToken();
    const added = w.commit('add', { 'app.env': `GITHUB_TOKEN=${t}\n` });
    const removed = w.commit('main removes it', { 'app.env': null });
    // Later in time, so later in the walk: a branch from before the removal deletes it its own way.
    w.git('checkout', '-q', '-b', 'side', added);
    const elsewhere = w.commit('side removes it', { 'app.env': 'GITHUB_TOKEN=\n' });
    w.git('checkout', '-q', 'main');

    const { report } = await auditJson([w.root, '--history']);
    const message = findingFor(report!, t)!.risks.find((r) => r.id === 'removed-but-in-history')!.message;
    expect(message).toContain(`removed in ${removed.slice(0, 7)}`);
    expect(message).not.toContain(elsewhere.slice(0, 7));
  });

  it('marks a secret still at HEAD as present, next to its tracked location, with no "removed" risk', async () => {
    const w = new World();
    const t = githubToken();
    const added = w.commit('add', { 'app.env': `GITHUB_TOKEN=${t}\n` });
    w.commit('edit around it', { 'app.env': `# config\nGITHUB_TOKEN=${t}\nDEBUG=1\n` });

    const { report } = await auditJson([w.root, '--history']);
    const f = findingFor(report!, t)!;
    expect(f.locations.filter((l) => l.source === 'history')).toEqual([
      { path: 'app.env', line: 1, column: 14, source: 'history', commit: added, date: w.date(1), presentAtHead: true },
    ]);
    expect(f.locations.find((l) => l.source === 'tracked')).toMatchObject({ path: 'app.env', line: 2 });
    expect(f.risks.map((r) => r.id)).not.toContain('removed-but-in-history');
  });

  it('follows a rename: the introduction keeps its first path, and the renamed file is still HEAD', async () => {
    const w = new World();
    const t = githubToken();
    const added = w.commit('add', { 'old/name.env': `GITHUB_TOKEN=${t}\n` });
    w.commit('rename', { 'old/name.env': null, 'new/name.env': `GITHUB_TOKEN=${t}\n` });

    const { report } = await auditJson([w.root, '--history']);
    const f = findingFor(report!, t)!;
    expect(historyLoc(f)).toMatchObject({ path: 'old/name.env', commit: added, presentAtHead: true });
    expect(f.locations.find((l) => l.source === 'tracked')?.path).toBe('new/name.env');
  });

  it('attributes a token merged from a branch to the branch commit, and scans branches never merged', async () => {
    const w = new World();
    w.commit('base', { 'README.md': '# app\n' });
    w.git('checkout', '-q', '-b', 'feature');
    const merged = githubToken();
    const onFeature = w.commit('feature token', { 'feature.env': `GITHUB_TOKEN=${merged}\n` });
    w.git('checkout', '-q', 'main');
    w.commit('main work', { 'main.txt': 'x\n' });
    w.merge('feature');
    w.git('checkout', '-q', '-b', 'experiment');
    const lonely = githubToken();
    const onExperiment = w.commit('experiment token', { 'try.env': `GITHUB_TOKEN=${lonely}\n` });
    w.git('checkout', '-q', 'main');

    const { report } = await auditJson([w.root, '--history']);
    expect(historyLoc(findingFor(report!, merged))).toMatchObject({
      commit: onFeature,
      path: 'feature.env',
      presentAtHead: true,
    });
    const other = findingFor(report!, lonely)!;
    expect(historyLoc(other)).toMatchObject({ commit: onExperiment, path: 'try.env', presentAtHead: false });
    expect(other.risks.find((r) => r.id === 'removed-but-in-history')!.message).toContain('still in history');

    // --branch narrows the walk to what one ref reaches.
    const narrowed = await auditJson([w.root, '--branch', 'main']);
    expect(findingFor(narrowed.report!, merged)).toBeDefined();
    expect(findingFor(narrowed.report!, lonely)).toBeUndefined();
  });

  it('reads what only a merge commit wrote (a conflict resolution)', async () => {
    const w = new World();
    w.commit('base', { 'app.env': 'A=1\n' });
    w.git('checkout', '-q', '-b', 'side');
    w.commit('side', { 'app.env': 'A=2\n' });
    w.git('checkout', '-q', 'main');
    w.commit('main', { 'app.env': 'A=3\n' });
    try {
      w.git('merge', '-q', 'side');
    } catch {
      // The conflict is the point.
    }
    const t = githubToken();
    writeFiles(w.root, { 'app.env': `A=4\nGITHUB_TOKEN=${t}\n` });
    w.git('add', 'app.env');
    sh(w.root, ['commit', '-q', '--no-edit'], '2024-02-01T00:00:00Z');
    const merge = w.git('rev-parse', 'HEAD');

    const { report } = await auditJson([w.root, '--history']);
    expect(historyLoc(findingFor(report!, t))).toMatchObject({
      commit: merge,
      line: 2,
      date: '2024-02-01T00:00:00+00:00',
    });
  });

  it('scans tags and every stash entry, not only branches', async () => {
    const w = new World();
    w.commit('base', { 'README.md': '# app\n' });
    const inStash = githubToken();
    const olderStash = githubToken();
    writeFiles(w.root, { 'README.md': `# app\nGITHUB_TOKEN=${olderStash}\n` });
    w.git('stash', '-q');
    writeFiles(w.root, { 'README.md': `# app\nGITHUB_TOKEN=${inStash}\n` });
    w.git('stash', '-q');
    // A tag on a commit no branch reaches.
    const tagged = githubToken();
    w.git('checkout', '-q', '--orphan', 'tmp');
    w.commit('tagged only', { 'release.env': `GITHUB_TOKEN=${tagged}\n` });
    w.git('tag', 'v0-secret');
    w.git('checkout', '-q', '-f', 'main');
    w.git('branch', '-q', '-D', 'tmp');

    const { report } = await auditJson([w.root, '--history']);
    for (const t of [inStash, olderStash, tagged]) expect(historyLoc(findingFor(report!, t))).toBeDefined();
  });
});

describe('audit --history: each blob once', () => {
  it('reads the same blob in 100 commits once, and names each path it was introduced at with its commit', async () => {
    const w = new World();
    const t = githubToken();
    const content = `GITHUB_TOKEN=${t}\n`;
    const commits: string[] = [];
    for (let i = 1; i <= 100; i++) {
      commits.push(
        w.commit(`copy ${i}`, {
          [`copies/${String(i).padStart(3, '0')}.env`]: content,
          'counter.txt': `${i}\n`,
        }),
      );
    }
    const config = loadConfig(undefined);
    const history = new HistoryScan({
      cwd: w.root,
      revs: ['--all'],
      head: 'HEAD',
      skip: config.skip,
    });
    const result = await audit({
      config,
      sources: [history],
      refiners: [history],
      threads: 1,
      offline: true,
      endpoints: {},
    });

    // 101 distinct blobs exist: the shared one and 100 versions of counter.txt.
    expect(history.stats.commits).toBe(100);
    expect(history.stats.blobsScanned).toBe(101);
    const f = result.findings.find((x) => x.credential.provider === 'github')!;
    // One blob, read once, at 100 paths: each path is a place the secret was introduced, oldest first.
    expect(f.credential.locations).toEqual(
      commits.map((commit, i) =>
        expect.objectContaining({
          path: `copies/${String(i + 1).padStart(3, '0')}.env`,
          commit,
          source: 'history',
          presentAtHead: true,
        }),
      ),
    );
  });

  it('names every path a secret was introduced at: two files on two branches are two locations', async () => {
    const w = new World();
    const t = githubToken();
    w.commit('base', { 'README.md': '# app\n' });
    w.git('checkout', '-q', '-b', 'one');
    const onOne = w.commit('main.go', { 'main.go': `package main\n\nconst token = "${t}"\n` });
    w.git('checkout', '-q', 'main');
    w.git('checkout', '-q', '-b', 'two');
    w.commit('unrelated', { 'notes.txt': 'nothing here\n' });
    const onTwo = w.commit('foo.go', { 'foo/foo.go': `package foo\n\n// t\nvar t = "${t}"\n` });
    // Changed later at the same path: still one location there, its first commit.
    w.commit('foo.go again', { 'foo/foo.go': `package foo\n\nvar t = "${t}"\n` });
    w.git('checkout', '-q', 'main');

    const { report } = await auditJson([w.root, '--history']);
    const history = findingFor(report!, t)!.locations.filter((l) => l.source === 'history');
    expect(history.map((l) => [l.path, l.commit, l.line])).toEqual(
      expect.arrayContaining([
        ['main.go', onOne, 3],
        ['foo/foo.go', onTwo, 4],
      ]),
    );
    expect(history).toHaveLength(2);
  });

  it("applies the user's skip globs by path: a blob first seen under a skipped folder is read where it is not skipped", async () => {
    const w = new World();
    const t = githubToken();
    w.commit('config', { '.tokenscope.yml': 'scan:\n  extraSkip: ["fixtures/**"]\n' });
    w.commit('fixture', { 'fixtures/pkg/index.js': `const t = "${t}";\n` });
    const copied = w.commit('copied', { 'src/index.js': `const t = "${t}";\n` });
    const hidden = githubToken();
    w.commit('fixture only', { 'fixtures/other/index.js': `const t = "${hidden}";\n` });
    // The built-in list (node_modules, build, ...) never hides what a commit adds.
    const vendored = githubToken();
    w.commit('vendored', { 'node_modules/other/index.js': `const t = "${vendored}";\n` });

    const { report } = await auditJson([w.root, '--history']);
    expect(historyLoc(findingFor(report!, t))).toMatchObject({ path: 'src/index.js', commit: copied });
    expect(findingFor(report!, hidden)).toBeUndefined();
    expect(historyLoc(findingFor(report!, vendored))).toMatchObject({ path: 'node_modules/other/index.js' });
  });

  it('skips binary blobs by content and notes blobs over the size cap', async () => {
    const w = new World();
    const t = githubToken();
    w.commit('binary', { 'logo.png': Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]), Buffer.from(t)]) });
    w.commit('big', {
      'big.txt': `${'x'.repeat(3000)}\nGITHUB_TOKEN=${t}\n`,
      '.tokenscope.yml': 'scan:\n  maxFileSize: 1024\n',
    });
    w.commit('gone', { 'logo.png': null, 'big.txt': null });

    const { report } = await auditJson([w.root, '--history']);
    expect(report!.findings).toHaveLength(0);
    expect(report!.notes.join('\n')).toMatch(/skipped big\.txt at [0-9a-f]{7}: larger than the size cap/);
  });
});

describe('audit --history: broken input', () => {
  it('exits 2 with one clear line outside a git repository', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'a.txt': 'x\n' });
    const run = await auditJson([dir, '--history']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')[0]).toBe(`tokenscope: --history: ${dir} is not inside a git repository`);
  });

  it('--branch with a name that is no commit: exit 2 naming it', async () => {
    const w = new World();
    w.commit('x', { 'a.txt': 'a\n' });
    const run = await auditJson([w.root, '--branch', 'no-such-branch']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--branch: no commit named 'no-such-branch'");
  });

  it('notes a missing object and still scans the rest', async () => {
    const w = new World();
    const lost = githubToken();
    const kept = githubToken();
    w.commit('two files', { 'lost.env': `GITHUB_TOKEN=${lost}\n`, 'kept.env': `GITHUB_TOKEN=${kept}\n` });
    w.commit('both gone', { 'lost.env': null, 'kept.env': null });
    const oid = w.git('rev-parse', 'HEAD~1:lost.env');
    // Loose objects live at .git/objects/<2 hex>/<38 hex>; removing one is a missing object.
    rmSync(join(w.root, '.git', 'objects', oid.slice(0, 2), oid.slice(2)));
    expect(readdirSync(join(w.root, '.git', 'objects', oid.slice(0, 2)))).not.toContain(oid.slice(2));

    const { code, report } = await auditJson([w.root, '--history']);
    expect(code).toBe(1); // a committed GitHub token fails the default gate, inspected or not
    expect(findingFor(report!, kept)).toBeDefined();
    expect(findingFor(report!, lost)).toBeUndefined();
    expect(report!.notes.join('\n')).toContain(`could not read blob ${oid.slice(0, 7)} (lost.env at `);
  });

  it('notes a corrupt object and still scans the rest', async () => {
    const w = new World();
    const broken = githubToken();
    const kept = githubToken();
    w.commit('two files', { 'broken.env': `GITHUB_TOKEN=${broken}\n`, 'kept.env': `GITHUB_TOKEN=${kept}\n` });
    const oid = w.git('rev-parse', 'HEAD:broken.env');
    const file = join(w.root, '.git', 'objects', oid.slice(0, 2), oid.slice(2));
    chmodSync(file, 0o644);
    writeFileSync(file, 'not zlib at all');
    // The file on disk no longer holds that blob: only git could give its bytes.
    writeFileSync(join(w.root, 'broken.env'), 'changed\n');

    const { code, report } = await auditJson([w.root, '--history']);
    expect(code).toBe(1); // a committed GitHub token fails the default gate, inspected or not
    expect(historyLoc(findingFor(report!, kept))).toBeDefined();
    expect(findingFor(report!, broken)).toBeUndefined();
    expect(report!.notes.join('\n')).toContain(`could not read blob ${oid.slice(0, 7)} (broken.env at `);
  });

  it('takes a blob the working tree holds at the same path from the working tree: git is not asked for it again', async () => {
    const w = new World();
    const t = githubToken();
    const first = w.commit('add', { 'app.env': `GITHUB_TOKEN=${t}\n` });
    const oid = w.git('rev-parse', 'HEAD:app.env');
    // Corrupt in the object store, intact on disk: had history read it from git, it would be a note.
    const file = join(w.root, '.git', 'objects', oid.slice(0, 2), oid.slice(2));
    chmodSync(file, 0o644);
    writeFileSync(file, 'not zlib at all');

    const { report } = await auditJson([w.root, '--history']);
    const f = findingFor(report!, t)!;
    expect(f.locations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'app.env', source: 'tracked', line: 1 }),
        expect.objectContaining({ path: 'app.env', source: 'history', commit: first, line: 1, presentAtHead: true }),
      ]),
    );
    expect(report!.notes.join('\n')).not.toContain('could not read blob');
  });

  it("does not take the working tree's outcome where a config rule is allowed by commit: the same bytes are judged per commit", async () => {
    const w = new World();
    const secret = 'sess-0f1e2d3c4b5a6978';
    const toml = `[[rules]]\nid = "session"\nregex = '''sess-[0-9a-f]{16}'''\nkeywords = ["sess-"]\n`;
    w.commit('config', { '.tokenscope.yml': 'rules:\n  - gitleaks: leaks.toml\n', 'leaks.toml': toml });
    const added = w.commit('add', { 'app.env': `SESSION=${secret}\n` });
    writeFileSync(join(w.root, 'leaks.toml'), `${toml}\n  [[rules.allowlists]]\n  commits = ["${added}"]\n`);
    const { report } = await auditJson([w.root, '--history']);
    const f = findingFor(report!, secret, 'gitleaks')!;
    // On disk the rule reports it; in history, at the allowed commit, it does not.
    expect(f.locations.map((l) => l.source)).toEqual(['tracked']);
  });

  it('scans a shallow clone: the cut-off commit holds its whole tree', async () => {
    const w = new World();
    const t = githubToken();
    w.commit('one', { 'a.env': `GITHUB_TOKEN=${t}\n` });
    w.commit('two', { 'b.txt': 'b\n' });
    const tip = w.commit('three', { 'c.txt': 'c\n' });
    const clone = join(tempDir(), 'clone');
    sh(tempDir(), ['clone', '-q', '--depth', '1', `file://${w.root}`, clone]);

    const { report } = await auditJson([clone, '--history']);
    expect(historyLoc(findingFor(report!, t))).toMatchObject({ path: 'a.env', commit: tip, presentAtHead: true });
  });
});
