import { describe, expect, it } from '@jest/globals';
import { chmodSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from '../helpers/cli.js';
import { gitRepo, tempDir, writeFiles } from '../helpers/repo.js';
import { githubToken } from '../helpers/tokens.js';

interface Loc {
  path: string;
  line: number;
  source: string;
}
interface F {
  id: string;
  ruleId: string;
  locations: Loc[];
  secret: { redacted: string };
  verification: string;
}

async function auditJson(dir: string, ...extra: string[]) {
  const run = await cli(['audit', dir, '--format', 'json', '--offline', '--threads', '1', ...extra]);
  return { ...run, report: JSON.parse(run.stdout) as { findings: F[]; notes: string[] } };
}

const sourceOf = (findings: F[], path: string) =>
  findings.flatMap((f) => f.locations).find((l) => l.path === path)?.source;

describe('audit: where credentials are and how each place is labelled', () => {
  it('labels tracked, untracked and gitignored files, including nested .gitignore rules', async () => {
    const [a, b, c, d] = [githubToken(), githubToken(), githubToken(), githubToken()];
    const root = gitRepo(
      {
        '.gitignore': '.env\n',
        'src/config.ts': `export const token = "${a}";\n`,
        '.env': `GITHUB_TOKEN=${b}\n`,
        'notes.txt': `temporary: ${c}\n`,
        'deploy/.gitignore': 'secrets/\n',
        'deploy/secrets/ci.env': `GH=${d}\n`,
      },
      ['.gitignore', 'src/config.ts', 'deploy/.gitignore'],
    );
    const { report, code } = await auditJson(root);
    // The committed token fails the default gate, inspected or not.
    expect(code).toBe(1);
    expect(sourceOf(report.findings, 'src/config.ts')).toBe('tracked');
    expect(sourceOf(report.findings, '.env')).toBe('ignored');
    expect(sourceOf(report.findings, 'notes.txt')).toBe('untracked');
    expect(sourceOf(report.findings, 'deploy/secrets/ci.env')).toBe('ignored');
    expect(report.findings.find((f) => f.locations[0]!.path === 'src/config.ts')!.locations[0]!.line).toBe(1);
  });

  it('labels everything untracked outside git', async () => {
    const root = tempDir();
    writeFiles(root, { '.env': `GITHUB_TOKEN=${githubToken()}\n` });
    const { report } = await auditJson(root);
    expect(report.findings.map((f) => f.locations[0]!.source)).toEqual(['untracked']);
  });

  it('scans standard input with --stdin, located at stdin', async () => {
    const run = await cli(['audit', '--stdin', '--format', 'json', '--offline'], {
      input: `line one\nexport GITHUB_TOKEN=${githubToken()}\n`,
    });
    const report = JSON.parse(run.stdout) as { findings: F[] };
    expect(report.findings[0]!.locations[0]).toMatchObject({ path: 'stdin', line: 2, source: 'stdin' });
  });

  it('merges one token found in three files into one credential with three locations', async () => {
    const t = githubToken();
    const root = tempDir();
    writeFiles(root, { 'a.env': `T=${t}\n`, 'b/c.yml': `token: ${t}\n`, 'd.json': `{"token": "${t}"}\n` });
    const { report } = await auditJson(root);
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]!.locations.map((l) => l.path).sort()).toEqual(['a.env', 'b/c.yml', 'd.json']);
  });

  it('skips dependency and build folders by default, and reads lock files without flagging their hashes', async () => {
    const root = tempDir();
    const npmToken = 'npm_G7kHxabIpudDSYaclXCMy2T5FVTNLL5tF4JT';
    const integrity = (n: number) => `sha512-${Buffer.alloc(64, n).toString('base64')}`;
    writeFiles(root, {
      'node_modules/pkg/index.js': `const t = "${githubToken()}";\n`,
      'dist/bundle.js': `const t = "${githubToken()}";\n`,
      'package-lock.json': JSON.stringify(
        {
          packages: {
            'node_modules/a': { resolved: 'https://registry.npmjs.org/a/-/a-1.0.0.tgz', integrity: integrity(1) },
            'node_modules/b': { resolved: `https://r.example.test/b.tgz?token=${npmToken}`, integrity: integrity(7) },
          },
        },
        null,
        2,
      ),
      'yarn.lock': `a@^1:\n  integrity ${integrity(3)}\n  resolved "https://registry.yarnpkg.com/a/-/a-1.0.0.tgz#${'ab12'.repeat(10)}"\n`,
      'app.js': `const t = "${githubToken()}";\n`,
    });
    const { report } = await auditJson(root);
    expect(report.findings.map((f) => f.locations[0]!.path).sort()).toEqual(['app.js', 'package-lock.json']);
    expect(report.findings.find((f) => f.locations[0]!.path === 'package-lock.json')!.ruleId).toBe('npm-token');
  });

  it('skips binary files by content and notes files over the size cap', async () => {
    const root = tempDir();
    const t = githubToken();
    writeFiles(root, {
      'image.png': Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), Buffer.from(t)]),
      'big.txt': `${'x'.repeat(2048)}\n${t}\n`,
      '.tokenscope.yml': 'scan:\n  maxFileSize: 1024\n',
    });
    const { report } = await auditJson(root);
    expect(report.findings).toHaveLength(0);
    expect(report.notes.join('\n')).toMatch(/big\.txt: larger than the size cap/);
  });

  it('does not follow symlinks out of the scanned root, and a symlink loop cannot hang the walk', async () => {
    const outside = tempDir();
    writeFiles(outside, { 'secret.env': `GITHUB_TOKEN=${githubToken()}\n` });
    const root = tempDir();
    writeFiles(root, { 'readme.md': 'nothing here\n' });
    symlinkSync(join(outside, 'secret.env'), join(root, 'linked.env'));
    symlinkSync(outside, join(root, 'linked-dir'));
    symlinkSync(root, join(root, 'loop'));
    const { report, code } = await auditJson(root);
    expect(code).toBe(0);
    expect(report.findings).toHaveLength(0);
    expect(report.notes.join('\n')).toMatch(/3 symbolic link\(s\) not followed/);
  });

  it('notes an unreadable file and scans the rest', async () => {
    const root = tempDir();
    writeFiles(root, { 'ok.env': `GITHUB_TOKEN=${githubToken()}\n`, 'locked.env': 'x\n' });
    // A FIFO cannot be read as a file; a chmod 000 file can still be read by root.
    const { execFileSync } = await import('node:child_process');
    execFileSync('mkfifo', [join(root, 'pipe.env')]);
    chmodSync(join(root, 'locked.env'), 0o000);
    const { report, code } = await auditJson(root);
    expect(code).toBe(0);
    expect(report.findings).toHaveLength(1);
    expect(report.notes.join('\n')).toMatch(/pipe\.env: not a regular file/);
  });
});
