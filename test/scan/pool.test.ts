import { describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../src/config/load.js';
import { audit } from '../../src/core/audit.js';
import { ScanPool } from '../../src/scan/pool.js';
import { workerScript } from '../../src/scan/prestart.js';
import { tempDir, writeFiles } from '../helpers/repo.js';
import { githubToken, railwayToken } from '../helpers/tokens.js';

describe('scanning threads', () => {
  it('exist once the package is built (npm test builds first)', () => {
    expect(workerScript()).toBeDefined();
  });

  it('started ahead of the first job (warm), scans as before and closes with nothing sent', async () => {
    const options = { extraRules: [], only: [], maxFileBytes: 1 << 20 };
    const idle = new ScanPool(options, 2);
    idle.warm();
    await expect(idle.close()).resolves.toBeUndefined();
    const pool = new ScanPool(options, 2);
    try {
      pool.warm();
      const t = githubToken();
      const out = await pool.scan([{ meta: { path: 'a.env', source: 'tracked' }, content: { text: `T=${t}\n` } }]);
      expect(out[0]!.found.map((c) => c.secret)).toEqual([t]);
    } finally {
      await pool.close();
    }
  });

  it('one thread finds exactly what two find', async () => {
    const root = tempDir();
    const files: Record<string, string> = {};
    for (let i = 0; i < 120; i++) {
      files[`dir${i % 7}/file${i}.env`] =
        i % 3 === 0 ? `T=${githubToken()}\nRAILWAY_TOKEN=${railwayToken()}\n` : 'nothing\n';
    }
    writeFiles(root, files);
    const config = loadConfig(undefined);
    const run = (threads: number) => audit({ root, config, threads, offline: true, endpoints: {} });
    const [one, two] = await Promise.all([run(1), run(2)]);
    const key = (r: Awaited<ReturnType<typeof run>>) =>
      r.findings
        .map((f) => `${f.credential.fingerprint}@${f.credential.locations.map((l) => `${l.path}:${l.line}`).join(',')}`)
        .sort();
    expect(one.findings).toHaveLength(80);
    expect(key(two)).toEqual(key(one));
    expect(two.stats.bytes).toBe(one.stats.bytes);
  });
});

describe('custom rules are untrusted', () => {
  it('a rule whose scan of a file exceeds the budget is stopped and noted; the rest is scanned', async () => {
    const root = tempDir();
    writeFiles(root, {
      '.tokenscope.yml': [
        'scan:',
        '  fileBudgetMs: 1500',
        'rules:',
        '  - id: slow-rule',
        '    provider: acme',
        '    kind: key',
        '    description: catastrophic on purpose',
        '    keywords: [acme]',
        '    regex: "acme(?<secret>(a+)+)$"',
        '    examples: {truePositives: ["\\u0061cmeaaaa"], falsePositives: []}',
      ].join('\n'),
      'hostile.txt': `acme${'a'.repeat(40)}!\n`,
      'fine.env': `T=${githubToken()}\n`,
    });
    const { loadConfig: load } = await import('../../src/config/load.js');
    const config = load(`${root}/.tokenscope.yml`);
    const started = Date.now();
    const result = await audit({ root, config, threads: 1, offline: true, endpoints: {} });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(result.findings.map((f) => f.credential.locations[0]!.path)).toEqual(['fine.env']);
    expect(result.notes.join('\n')).toMatch(/rule slow-rule stopped on hostile\.txt: over its 1500 ms budget/);
  });
});

describe('custom rules are untrusted on every source, not only files', () => {
  const slowConfig = (budget: number) =>
    [
      'scan:',
      `  fileBudgetMs: ${budget}`,
      'rules:',
      '  - id: slow-rule',
      '    provider: acme',
      '    kind: key',
      '    description: catastrophic on purpose',
      '    keywords: [acme]',
      '    regex: "acme(?<secret>(a+)+)$"',
      // Examples are checked at load: real ones, escaped (\u0061 is "a") so this file does not match itself.
      '    examples: {truePositives: ["\\u0061cmeaaaa"], falsePositives: []}',
      '  - id: fine-rule',
      '    provider: acme',
      '    kind: key',
      '    description: an ordinary custom rule, still run (guarded) and found',
      '    keywords: [acmekey_]',
      '    regex: "(?<secret>acmekey_[a-z0-9]{20})"',
      '    examples: {truePositives: ["\\u0061cmekey_q9w8e7r6t5y4u3i2o1p0"], falsePositives: []}',
    ].join('\n');

  it('history and the environment: the slow rule is stopped and noted, everything else is found', async () => {
    const { cli } = await import('../helpers/cli.js');
    const { gitRepo } = await import('../helpers/repo.js');
    const gh = githubToken();
    const hostile = `acme${'a'.repeat(40)}!`;
    const root = gitRepo(
      { '.tokenscope.yml': slowConfig(1000), 'history.txt': `${hostile}\nT=${gh}\nK=acmekey_k3j4h5g6f7d8s9a0q1w2\n` },
      ['.tokenscope.yml', 'history.txt'],
    );
    const started = Date.now();
    const run = await cli(
      ['audit', root, '--history', '--include-env', '--offline', '--format', 'json', '--threads', '1'],
      {
        env: { HOSTILE: hostile },
      },
    );
    expect(Date.now() - started).toBeLessThan(20_000);
    const report = JSON.parse(run.stdout) as {
      findings: Array<{ ruleId: string; locations: Array<{ source: string }> }>;
      notes: string[];
    };
    const sources = (rule: string) =>
      report.findings.filter((f) => f.ruleId === rule).flatMap((f) => f.locations.map((l) => l.source));
    expect(sources('github-pat-classic').sort()).toEqual(['history', 'tracked']);
    expect(sources('fine-rule').sort()).toEqual(['history', 'tracked']);
    const notes = report.notes.join('\n');
    expect(notes).toMatch(/rule slow-rule stopped on history\.txt@[0-9a-f]{7}: over its 1000 ms budget/);
    expect(notes).toMatch(/rule slow-rule stopped on HOSTILE: over its 1000 ms budget/);
    expect(notes).toMatch(/rule slow-rule stopped on history\.txt: over its 1000 ms budget/);
  });
});

describe('what the caller is still finding out', () => {
  it('is awaited before anything is judged: the audit does not end before it settles', async () => {
    const root = tempDir();
    writeFiles(root, { 'a.env': `T=${githubToken()}\n` });
    const config = loadConfig(undefined);
    let release!: () => void;
    const settled = new Promise<void>((resolve) => {
      release = resolve;
    });
    let ended = false;
    const run = audit({ root, config, threads: 1, offline: true, endpoints: {}, settled }).then((r) => {
      ended = true;
      return r;
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(ended).toBe(false);
    config.policy.scannedOwners.push('acme');
    release();
    const result = await run;
    expect(result.findings).toHaveLength(1);
  });
});
