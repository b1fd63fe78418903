import { describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GitleaksBaseline } from '../../src/cli/baseline-gitleaks.js';
import { Secret } from '../../src/core/secret.js';
import type { Finding } from '../../src/core/types.js';
import { cli } from '../helpers/cli.js';
import { tempDir, writeFiles } from '../helpers/repo.js';
import { githubToken } from '../helpers/tokens.js';

/** One finding of a gitleaks JSON report, in its field names. */
const leak = (file: string, line: number, secret: string, commit?: string) => ({
  Description: 'GitHub Personal Access Token',
  StartLine: line,
  EndLine: line,
  StartColumn: 7,
  EndColumn: 46,
  Match: secret === 'REDACTED' ? 'REDACTED' : `TOKEN=${secret}`,
  Secret: secret,
  File: file,
  SymlinkFile: '',
  Commit: commit ?? '',
  Entropy: 5.1,
  Author: '',
  Email: '',
  Date: '',
  Message: '',
  Tags: [],
  RuleID: 'github-pat',
  Fingerprint: `${commit ? `${commit}:` : ''}${file}:github-pat:${line}`,
});

const json = (s: string) =>
  JSON.parse(s) as {
    findings: Array<{ locations: Array<{ path: string }> }>;
    summary: { baselineSuppressed?: number };
  };

describe('--baseline with a gitleaks JSON report', () => {
  const [a, b, c] = [githubToken(), githubToken(), githubToken()];
  const root = tempDir();
  writeFiles(root, { 'a.env': `TOKEN=${a}\n`, 'b.env': `\n\nTOKEN=${b}\n`, 'c.env': `TOKEN=${c}\n` });
  const run = async (report: unknown) => {
    const base = join(tempDir(), 'gitleaks.json');
    writeFileSync(base, JSON.stringify(report));
    return cli(['audit', root, '--offline', '--format', 'json', '--baseline', base]);
  };

  it('a redacted report (--redact): matched by file and line', async () => {
    const r = await run([leak('a.env', 1, 'REDACTED'), leak('./b.env', 3, 'REDACTED'), leak('c.env', 2, 'REDACTED')]);
    expect(r.code).toBeLessThan(2);
    const out = json(r.stdout);
    expect(out.findings.map((f) => f.locations[0]!.path)).toEqual(['c.env']); // c's line differs
    expect(out.summary.baselineSuppressed).toBe(2);
  });

  it('an unredacted report: also matched by the secret, wherever it is now; its secrets are never echoed', async () => {
    const stranger = githubToken(); // in their report, not in our tree
    const r = await run([leak('old/place.env', 9, b), leak('x.env', 1, stranger)]);
    const out = json(r.stdout);
    expect(out.findings.map((f) => f.locations[0]!.path).sort()).toEqual(['a.env', 'c.env']);
    expect(r.stdout + r.stderr).not.toContain(stranger);
    expect(r.stdout + r.stderr).not.toContain(b);
  });

  it.each([
    [[{ File: 3, StartLine: 1 }], /field "\[0\]\.File" must be a non-empty string/],
    [[leak('a.env', 1, 'x'), { File: 'b', StartLine: -1 }], /field "\[1\]\.StartLine"/],
    [[42], /field "\[0\]\." must be an object/],
    [{ results: [] }, /neither a tokenscope nor a gitleaks JSON report/],
  ])('a malformed report %#: exit 2 naming the file and field', async (report, message) => {
    const r = await run(report);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/--baseline .*gitleaks\.json: /);
    expect(r.stderr).toMatch(message);
  });
});

describe('gitleaks baseline locations', () => {
  const finding = (path: string, line: number, commit?: string) =>
    ({
      credential: {
        secret: new Secret(githubToken()),
        locations: [{ path, line, source: commit ? 'history' : 'untracked', ...(commit ? { commit } : {}) }],
      },
    }) as unknown as Finding;
  const sha = 'a1b2c3d4'.repeat(5);
  const base = new GitleaksBaseline('g.json', [leak('/abs/scan/src/app.env', 4, 'REDACTED', sha)]);

  it('an absolute gitleaks path matches our relative one; the commit must agree when both have one', () => {
    expect(base.has(finding('src/app.env', 4, sha))).toBe(true);
    expect(base.has(finding('src/app.env', 4))).toBe(true);
    expect(base.has(finding('src/app.env', 4, 'f'.repeat(40)))).toBe(false);
    expect(base.has(finding('src/app.env', 5, sha))).toBe(false);
    expect(base.has(finding('app.env', 4, sha.slice(0, 12)))).toBe(true);
    expect(base.has(finding('pp.env', 4, sha))).toBe(false);
    const relative = new GitleaksBaseline('g.json', [leak('other/src/app.env', 4, 'REDACTED')]);
    expect(relative.has(finding('src/app.env', 4))).toBe(false);
    expect(relative.has(finding('other/src/app.env', 4))).toBe(true);
  });
});
