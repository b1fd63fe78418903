import { describe, expect, it } from '@jest/globals';
import { cli } from '../helpers/cli.js';
import { tempDir, writeFiles } from '../helpers/repo.js';

const customRule = (truePositive: string, falsePositive: string) => `rules:
  - id: acme-key
    provider: acme
    kind: API key
    description: Acme API key
    keywords: ["acme_"]
    regex: '\\b(?<secret>acme_[a-z0-9]{24})\\b'
    examples:
      truePositives: ["${truePositive}"]
      falsePositives: ["${falsePositive}"]
`;

async function auditWith(files: Record<string, string>) {
  const root = tempDir();
  writeFiles(root, { 'README.md': 'hello\n', ...files });
  return { root, run: await cli(['audit', root, '--offline', '--format', 'json']) };
}

describe('config files', () => {
  it('two config files in one folder: an error naming both', async () => {
    const { root, run } = await auditWith({ '.tokenscope.yml': 'version: 1\n', '.tokenscope.json': '{ broken' });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `tokenscope: ${root}: .tokenscope.yml and .tokenscope.json: more than one config file; keep one\n`,
    );
  });

  it('a custom rule whose true positive it does not find: exit 2 naming the rule', async () => {
    const { root, run } = await auditWith({
      '.tokenscope.yml': customRule('key = acme_ABCDEFGHIJKLMNOPQRSTUVWX', 'acme_short'),
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `tokenscope: ${root}/.tokenscope.yml: rule acme-key: true positive #1 is not found by the rule\n`,
    );
  });

  it('a custom rule that finds its own false positive: exit 2 naming the rule', async () => {
    const { root, run } = await auditWith({
      '.tokenscope.yml': customRule('key = acme_k3j9x0q7w2m5v8b1n4c6z0a2', 'key = acme_p0o9i8u7y6t5r4e3w2q1a2s3'),
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `tokenscope: ${root}/.tokenscope.yml: rule acme-key: false positive #1 is found by the rule\n`,
    );
  });

  it('a custom rule that keeps its examples loads and finds', async () => {
    const { run } = await auditWith({
      // The example is the same key as app.env's: one credential (the config file holds it too).
      '.tokenscope.yml': customRule('key = acme_z8x7c6v5b4n3m2l1k0j9h8g7', 'acme_short'),
      'app.env': 'ACME=acme_z8x7c6v5b4n3m2l1k0j9h8g7\n',
    });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout).findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['acme-key']);
  });
});
