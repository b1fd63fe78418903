import { describe, expect, it } from '@jest/globals';
import { readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { cli } from '../helpers/cli.js';
import { git, gitRepo } from '../helpers/repo.js';
import { githubToken, railwayToken } from '../helpers/tokens.js';

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  message: { text: string };
  properties: { severity: string; source: string; inRepositoryTree: boolean };
  locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
}

describe('SARIF for GitHub code scanning', () => {
  const repo = gitRepo(
    {
      '.gitignore': '.env\n',
      'config/app.yml': `github:\n  token: ${githubToken()}\n`,
      'old/deploy.yml': `token: ${githubToken()}\n`,
      '.env': `RAILWAY_TOKEN=${railwayToken()}\n`,
    },
    ['.gitignore', 'config/app.yml', 'old/deploy.yml'],
  );
  // Committed, then removed: only the history has it.
  unlinkSync(join(repo, 'old/deploy.yml'));
  git(repo, 'commit', '-qam', 'remove deploy.yml');

  it('puts security-severity on each rule, and marks locations outside the checked-out tree', async () => {
    const run = await cli(['audit', repo, '--history', '--offline', '--format', 'sarif', '--threads', '1']);
    const sarif = JSON.parse(run.stdout);
    const schema = JSON.parse(
      readFileSync(join('node_modules', '@microsoft', 'sarif-multitool-linux', 'sarif-2.1.0.json'), 'utf8'),
    );
    const validate = new Ajv2020({ strict: false, validateFormats: false }).compile(schema);
    expect(validate(sarif) ? [] : validate.errors).toEqual([]);

    const rules = sarif.runs[0].tool.driver.rules as { id: string; properties: Record<string, unknown> }[];
    const results = sarif.runs[0].results as SarifResult[];
    const score: Record<string, number> = { critical: 9.5, high: 8, medium: 5.5, low: 3, info: 1 };
    for (const rule of rules) {
      const worst = Math.max(...results.filter((r) => r.ruleId === rule.id).map((r) => score[r.properties.severity]!));
      expect([rule.id, Number(rule.properties['security-severity'])]).toEqual([rule.id, worst]);
    }
    const at = (uri: string) => results.find((r) => r.locations[0]!.physicalLocation.artifactLocation.uri === uri)!;
    expect(at('config/app.yml').message.text).toMatch(/^github /);
    expect(at('config/app.yml').properties.inRepositoryTree).toBe(true);
    expect(at('.env').message.text).toMatch(/^\[in a gitignored file: not in the repository\] railway /);
    expect(at('.env').properties.inRepositoryTree).toBe(false);
    expect(at('old/deploy.yml').message.text).toMatch(
      /^\[in git history only, commit [0-9a-f]{12}: not in the checked-out files\] github /,
    );
  });
});
