import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from '../helpers/cli.js';
import { tempDir, writeFiles } from '../helpers/repo.js';

/** Lower-case letters and digits, from random bytes (high entropy, no placeholder shape). */
const alnum = (n: number, upper = false) => {
  const chars = `abcdefghijklmnopqrstuvwxyz0123456789${upper ? 'ABCDEFGHIJKLMNOPQRSTUVWXYZ' : ''}`;
  return [...randomBytes(n)].map((b) => chars[b % chars.length]).join('');
};

// A team's own gitleaks config, in gitleaks' shape: one rule per made-up internal token kind.
const GITLEAKS_TOML = `
title = "acme internal secrets"

[extend]
useDefault = true

[[rules]]
id = "acme-api-key"
description = "Acme internal API key"
regex = '''(?i)acme[_-]?api[_-]?key\\s*[:=]\\s*["']?([a-z0-9]{32})["']?'''
secretGroup = 1
entropy = 3.0
keywords = ["ACME"]

  [[rules.allowlists]]
  description = "documentation keys"
  stopwords = ["zzdoc"]

[[rules]]
id = "Widget_Deploy_Token"
description = "Widget deploy token in deployment files"
regex = '''(?P<whole>wdt_(?P<body>[A-Za-z0-9]{24}))\\b'''
secretGroup = 1
keywords = ["wdt_"]
path = '''(?i)\\.(?:env|ya?ml)$'''

  [rules.allowlist]
  paths = ['''^fixtures/''']
  regexTarget = "line"
  regexes = ['''#\\s*fake''']

[[allowlists]]
description = "copied in from another team"
paths = ['''^imported/''']
`;

interface Report {
  findings: Array<{
    ruleId: string;
    provider: string;
    locations: Array<{ path: string; line: number; column: number }>;
  }>;
  notes: string[];
}

const audit = async (root: string) => {
  const run = await cli(['audit', root, '--offline', '--format', 'json', '--fail-on', 'critical']);
  return { ...run, report: run.code < 2 ? (JSON.parse(run.stdout) as Report) : undefined };
};

const where = (r: Report) =>
  r.findings.flatMap((f) => f.locations.map((l) => `${f.ruleId} ${l.path}:${l.line}:${l.column}`)).sort();

describe('a gitleaks config in the rules', () => {
  it('finds what its rules describe, with their secret group, keywords, path and allowlists', async () => {
    const root = tempDir();
    const key = alnum(32);
    const wdt = `wdt_${alnum(24, true)}`;
    writeFiles(root, {
      '.tokenscope.yml': 'rules:\n  - gitleaks: .gitleaks.toml\n',
      '.gitleaks.toml': GITLEAKS_TOML,
      // (?i) and the case-insensitive keyword: upper-case name still matches; the secret is group 1.
      'app/config.py': `ACME_API_KEY = "${key}"\n`,
      // stopword in the secret: allowed.
      'docs/setup.md': `acme_api_key: ${alnum(10)}ZZDOC${alnum(17)}\n`,
      // low entropy: below the rule's 3.0 bits.
      'app/low.py': `acme_api_key = "${'ab'.repeat(16)}"\n`,
      // global allowlist: imported code.
      'imported/lib/config.py': `ACME_API_KEY = "${alnum(32)}"\n`,
      'deploy/prod.yml': `token: ${wdt}\n`,
      // path: the rule runs only on .env / .yml files.
      'notes.txt': `token: wdt_${alnum(24, true)}\n`,
      // per-rule allowlist: path, and a regex on the line.
      'fixtures/ci.yml': `token: wdt_${alnum(24, true)}\n`,
      'deploy/dev.env': `TOKEN=wdt_${alnum(24, true)} # fake\n`,
    });
    const { code, report, stderr } = await audit(root);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(where(report!)).toEqual([
      'gitleaks-acme-api-key app/config.py:1:17',
      'gitleaks-widget-deploy-token deploy/prod.yml:1:8',
    ]);
    expect(new Set(report!.findings.map((f) => f.provider))).toEqual(new Set(['gitleaks']));
    expect(report!.findings.some((f) => JSON.stringify(f).includes(key))).toBe(false);
  });

  it('runs under the custom-rule time guard: a catastrophic regex is stopped and noted, the rest still found', async () => {
    const root = tempDir();
    writeFiles(root, {
      '.tokenscope.yml': 'scan:\n  fileBudgetMs: 300\nrules:\n  - gitleaks: leaks.toml\n',
      'leaks.toml': `[[rules]]\nid = "slow"\nregex = '''zz(a+)+$'''\nkeywords = ["zz"]\n\n${GITLEAKS_TOML.split('[[rules]]')[1]!.replace(/^/, '[[rules]]')}`,
      'hostile.txt': `zz${'a'.repeat(40)}!\n`,
      'app.py': `ACME_API_KEY = "${alnum(32)}"\n`,
    });
    const started = Date.now();
    const { report } = await audit(root);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(report!.notes.join('\n')).toMatch(/rule gitleaks-slow stopped on hostile\.txt: over its 300 ms budget/);
    expect(where(report!)).toEqual(['gitleaks-acme-api-key app.py:1:17']);
  });

  it.each([
    [
      'unsupported regex syntax',
      `[[rules]]\nid = "lazy"\nregex = '''(?U)a+b'''\n`,
      /leaks\.toml: rule "lazy": field "regex" \(regex\) inline flag "U"/,
    ],
    [
      'a missing regex',
      `[[rules]]\nid = "paths-only"\npath = '''\\.pem$'''\n`,
      /rule "paths-only": field "regex" is missing/,
    ],
    [
      'a secretGroup past the groups',
      `[[rules]]\nid = "g"\nregex = '''a(b)'''\nsecretGroup = 3\n`,
      /rule "g": field "regex" .*no capturing group 3/,
    ],
    [
      'a bad allowlist field',
      `[[rules]]\nid = "a"\nregex = '''a(b)'''\n[rules.allowlist]\nregexTarget = "file"\n`,
      /rule "a": field "allowlist.regexTarget"/,
    ],
    ['a keyword of one letter', `[[rules]]\nid = "k"\nregex = '''k(b)'''\nkeywords = ["k"]\n`, /field "keywords"/],
    ['extend.path', `[extend]\npath = "other.toml"\n`, /field "extend.path" is not supported/],
    ['invalid TOML', `[[rules]\nid = "x"\n`, /leaks\.toml: not valid TOML at line 1, column \d+$/],
    ['deeply nested TOML', `a = ${'['.repeat(5000)}${']'.repeat(5000)}\n`, /leaks\.toml: not valid TOML at line 1/],
    ['a huge file', `# ${'x'.repeat(3 * 1024 * 1024)}\n`, /leaks\.toml: larger than \d+ bytes/],
    [
      'a hostile id (echoed by position only)',
      `[[rules]]\nid = "\\u001b[31m"\nregex = '''(?U)x'''\n`,
      /rule #1: field "regex"/,
    ],
  ])('%s: exit 2, one line naming the file, rule and field', async (_name, toml, message) => {
    const root = tempDir();
    writeFiles(root, { '.tokenscope.yml': 'rules:\n  - gitleaks: leaks.toml\n', 'leaks.toml': toml, 'a.txt': 'x\n' });
    const started = Date.now();
    const run = await audit(root);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr.trim()).toMatch(message);
    expect(run.stderr).not.toContain('\u001b');
  });

  it('refuses a gitleaks file outside the config directory, a link, a pipe, or a built-in provider', async () => {
    const root = tempDir();
    writeFiles(root, { '.tokenscope.yml': 'rules:\n  - gitleaks: ../leaks.toml\n' });
    expect((await audit(root)).stderr).toMatch(/rules\.0\.gitleaks: \.\.\/leaks\.toml: a gitleaks file must be inside/);
    writeFiles(root, { '.tokenscope.yml': 'rules:\n  - gitleaks: link.toml\n  - gitleaks: pipe.toml\n' });
    symlinkSync('/etc/hostname', join(root, 'link.toml'));
    expect((await audit(root)).stderr).toMatch(/link\.toml: a gitleaks file that is a symbolic link is not read/);
    writeFiles(root, { '.tokenscope.yml': 'rules:\n  - gitleaks: pipe.toml\n' });
    execFileSync('mkfifo', [join(root, 'pipe.toml')]);
    expect((await audit(root)).stderr).toMatch(/pipe\.toml: not a regular file/);
    const other = tempDir();
    writeFiles(other, {
      '.tokenscope.yml': 'rules:\n  - { gitleaks: leaks.toml, provider: github }\n',
      'leaks.toml': `[[rules]]\nid = "x"\nregex = '''xx(y)'''\nkeywords = ["xx"]\n`,
    });
    const run = await audit(other);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/built-in provider "github"/);
  });
});
