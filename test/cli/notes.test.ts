import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderOrg } from '../../src/org/render.js';
import type { OrgReport } from '../../src/org/types.js';
import { cli } from '../helpers/cli.js';
import { tempDir, writeFiles } from '../helpers/repo.js';
import { githubToken } from '../helpers/tokens.js';

/** The table, as a person at a terminal reads it (offline, one thread). */
async function table(args: string[], env: Record<string, string> = {}) {
  return cli(['audit', ...args, '--offline', '--threads', '1'], { env });
}

const clean = () => {
  const root = tempDir();
  writeFiles(root, { 'README.md': '# nothing secret here\n' });
  return root;
};

describe('the table says what was not read: "no credentials found" only when everything was read', () => {
  it('everything read, nothing found: exactly one line', async () => {
    const root = clean();
    const run = await table([root]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`tokenscope: no credentials found in ${root}\n`);
  });

  it('an oversized file: the note, not "no credentials found"', async () => {
    const root = clean();
    writeFiles(root, {
      '.tokenscope.yml': 'scan:\n  maxFileSize: 1024\n',
      'big.txt': `${'x'.repeat(2048)}\nT=${githubToken()}\n`,
    });
    const run = await table([root]);
    expect(run.stdout).not.toMatch(/no credentials found/);
    expect(run.stdout).toBe(
      [
        `tokenscope: no credentials reported for ${root}; 1 note(s) below say what was not read or not counted`,
        'Notes (1):',
        `  skipped big.txt: larger than the size cap (${2048 + 1 + 2 + 40 + 1} > 1024 bytes)`,
        '',
      ].join('\n'),
    );
  });

  it('a FIFO and a symlink: both noted', async () => {
    const root = clean();
    execFileSync('mkfifo', [join(root, 'pipe')]);
    symlinkSync('/etc/hostname', join(root, 'link'));
    const run = await table([root]);
    expect(run.stdout).toContain('Notes (2):\n  1 symbolic link(s) not followed\n  skipped pipe: not a regular file\n');
  });

  it('an allowlist suppression: counted in a note', async () => {
    const root = clean();
    writeFiles(root, { '.tokenscope.yml': 'allowlist:\n  paths: ["docs/"]\n', 'docs/x.env': `T=${githubToken()}\n` });
    const run = await table([root]);
    expect(run.stdout).toMatch(/^tokenscope: no credentials reported for .*; 1 note\(s\) below/);
    expect(run.stdout).toContain('  1 match(es) suppressed by the allowlist\n');
  });

  it('a rule stopped by the time guard: noted', async () => {
    const root = clean();
    writeFiles(root, {
      '.tokenscope.yml': [
        'scan:',
        '  fileBudgetMs: 300',
        'rules:',
        '  - id: slow-rule',
        '    provider: acme',
        '    kind: key',
        '    description: catastrophic on purpose',
        '    keywords: [acme]',
        '    regex: "acme(?<secret>(a+)+)$"',
        '    examples: {truePositives: [acmeaaaa], falsePositives: []}',
      ].join('\n'),
      'hostile.txt': `acme${'a'.repeat(40)}!\n`,
    });
    const run = await table([root]);
    expect(run.stdout).not.toMatch(/no credentials found/);
    expect(run.stdout).toMatch(/\n {2}rule slow-rule stopped on hostile\.txt: over its 300 ms budget/);
  });

  it('--include-home without HOME: noted', async () => {
    const root = clean();
    const run = await table([root, '--include-home']);
    expect(run.stdout).toContain('  --include-home: HOME is not set; no credential store read\n');
    expect(run.stdout).not.toMatch(/no credentials found/);
  });

  it('findings and notes together: the notes follow the table', async () => {
    const root = clean();
    writeFiles(root, { 'a.env': `T=${githubToken()}\n` });
    symlinkSync('/etc/hostname', join(root, 'link'));
    const run = await table([root]);
    expect(run.stdout).toMatch(/1 credential\(s\): .*\n(.|\n)*Notes \(1\):\n {2}1 symbolic link\(s\) not followed\n$/);
  });

  it('more than ten notes: ten shown, the rest counted with where to read them', async () => {
    const root = clean();
    for (let i = 0; i < 12; i++) execFileSync('mkfifo', [join(root, `pipe${String(i).padStart(2, '0')}`)]);
    const run = await table([root]);
    expect(run.stdout).toContain('Notes (12):\n');
    expect(run.stdout).toContain('  skipped pipe09: not a regular file\n');
    expect(run.stdout).not.toContain('pipe10');
    expect(run.stdout).toContain(
      '  ... and 2 more: every note is in the JSON report (--format json, its "notes" field)\n',
    );
  });
});

describe('the table says what happened instead of "no credentials found"', () => {
  it('every credential in the baseline: "all N credentials are in the baseline"', async () => {
    const root = clean();
    writeFiles(root, { 'a.env': `A=${githubToken()}\n`, 'b.env': `B=${githubToken()}\n` });
    const baseline = join(tempDir(), 'baseline.json');
    writeFileSync(baseline, (await table([root, '--format', 'json'])).stdout);
    const run = await table([root, '--baseline', baseline]);
    expect(run.stdout).toBe(`tokenscope: all 2 credential(s) found in ${root} are in the baseline\n`);

    writeFiles(root, { 'c.env': `C=${githubToken()}\n` });
    const more = await table([root, '--baseline', baseline]);
    expect(more.stdout).toMatch(/\n1 credential\(s\): 1 \w+; \d at or above \w+\. 2 more in the baseline\.\n/);
  });

  const orgReport = (over: Partial<OrgReport>): OrgReport => ({
    tool: { name: 'tokenscope', version: '0' },
    target: 'org:acme',
    generatedAt: new Date(0).toISOString(),
    endpoints: {},
    summary: {
      credentials: 0,
      bySeverity: { critical: 0, high: 0, medium: 0, low: 0, info: 0 },
      failOn: 'high',
      failing: 0,
    },
    findings: [],
    notes: [],
    org: { name: 'acme', shard: null, repositoriesListed: 7 },
    repositories: [],
    ...over,
  });

  it('an org scan whose filter matched nothing: "no repository matched the filter"', () => {
    expect(renderOrg(orgReport({}), 'table')).toBe(
      'tokenscope: no repository matched the filter (7 listed; --repos-filter, and archived repositories and forks unless included)\n',
    );
  });

  it('a merge with a shard missing: the note reaches the table', async () => {
    const dir = tempDir();
    const shard = orgReport({
      org: { name: 'acme', shard: { index: 1, total: 2 }, repositoriesListed: 2 },
      repositories: [
        { name: 'api', fullName: 'acme/api', defaultBranch: 'main', size: 1, status: 'scanned', findings: [] },
      ],
    });
    writeFileSync(join(dir, 'shard-1.json'), JSON.stringify(shard));
    const run = await cli(['merge', join(dir, 'shard-1.json'), '--format', 'table']);
    expect(run.stdout).toBe(
      [
        'tokenscope: no credentials reported for org:acme; 1 note(s) below say what was not read or not counted',
        'Notes (1):',
        '  merged 1 report(s) of a 2-shard plan: some shards are missing',
        '',
      ].join('\n'),
    );
  });
});

describe('--agent with nothing found', () => {
  it('still prints its one-line answer', async () => {
    const root = clean();
    const home = tempDir('tokenscope-home-');
    const run = await table([root, '--agent'], { HOME: home });
    // The headline's wording belongs to --agent; here it only has to be there.
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe(`tokenscope: no credentials found in ${root}`);
    expect(lines[1]).toMatch(/^An agent started here can read 0 credentials/);
    expect(lines).toHaveLength(3);
  });
});
