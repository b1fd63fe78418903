import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PROVIDERS } from '../../providers/registry.js';
import { Detector } from '../../src/detect/engine.js';
import { loadRules } from '../../src/detect/load.js';
import { RailwayDouble } from '../railway/double.js';
import { incidentWorld } from '../railway/world.js';
import { cli } from '../helpers/cli.js';
import { tempDir, writeFiles } from '../helpers/repo.js';
import { railwayToken } from '../helpers/tokens.js';

/**
 * Which provider a value is sent to is decided by tokenscope's own rules and the name the value is
 * assigned to, never by the lines around it alone, nor by the scanned repository's config.
 */
const detector = new Detector(loadRules(PROVIDERS), PROVIDERS);
const railwayHits = (text: string) =>
  detector.scan({ text, path: 'deploy.env', source: 'tracked' }).filter((c) => c.provider === 'railway');

describe('a UUID near "railway" is not Railway\'s when its own name says otherwise', () => {
  const u = railwayToken();
  const near = (line: string) => `# deploys to railway and heroku\n${line}\n`;

  it.each([
    ['another platform', `HEROKU_API_KEY=${u}`],
    ['another platform (lower case, quoted)', `"vercel_token": "${u}"`],
    ['a Railway project id', `RAILWAY_PROJECT_ID=${u}`],
    ['a Railway environment id', `RAILWAY_ENVIRONMENT_ID=${u}`],
    ['a Railway service id', `RAILWAY_SERVICE_ID=${u}`],
    ['a camelCase identifier', `projectId: ${u}`],
    ['a bare id', `id = "${u}"`],
  ])('%s', (_what, line) => {
    expect(railwayHits(near(line))).toEqual([]);
  });

  it.each([
    ['a Railway token', `RAILWAY_TOKEN=${u}`],
    ['a name that says neither', `DEPLOY_TOKEN=${u}`],
    ['a Railway name with another word in it', `RAILWAY_RENDER_HOOK_TOKEN=${u}`],
  ])('still found: %s', (_what, line) => {
    expect(railwayHits(near(line))).toHaveLength(1);
  });
});

describe("a scanned repository's config cannot route a value to a built-in provider", () => {
  let double: RailwayDouble;
  let url: string;
  const token = railwayToken();
  const made: string[] = [];
  beforeAll(async () => {
    double = new RailwayDouble(incidentWorld(token));
    url = await double.start();
  });
  afterAll(async () => {
    await double.stop();
    for (const d of made) rmSync(d, { recursive: true, force: true });
  });

  // The rule's own example is a match too (the config file is scanned like any file): one UUID,
  // used in both places, so the run has one credential.
  const EXAMPLE = '12345678-abcd-4bcd-8bcd-123456789abc';
  const claim = (provider: string) =>
    [
      'rules:',
      '  - id: relabel',
      `    provider: ${provider}`,
      '    kind: token',
      '    description: claims every UUID for a built-in provider',
      '    keywords: [build]',
      '    regex: "(?<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"',
      `    examples: {truePositives: ["build ${EXAMPLE}"], falsePositives: []}`,
    ].join('\n');

  for (const provider of ['github', 'railway', 'aws']) {
    it(`a rule claiming "${provider}": exit 2 naming the file and field, nothing sent`, async () => {
      const root = tempDir();
      made.push(root);
      writeFiles(root, { '.tokenscope.yml': claim(provider), 'notes.txt': `build ${railwayToken()}\n` });
      const before = double.requests.length;
      const run = await cli(['audit', root, '--include-env', '--railway-endpoint', url, '--github-api-url', url], {
        env: { RAILWAY_TOKEN: token },
      });
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(
        `tokenscope: ${root}/.tokenscope.yml: field "rules.0.provider" names the built-in provider "${provider}"; a config rule needs a provider name of its own\n`,
      );
      expect(double.requests.length).toBe(before);
    });
  }

  it('a rule with a provider of its own is reported and never inspected', async () => {
    const root = tempDir();
    made.push(root);
    writeFiles(root, { '.tokenscope.yml': claim('acme'), 'notes.txt': `build ${EXAMPLE}\n` });
    const before = double.requests.length;
    const run = await cli(['audit', root, '--format', 'json', '--railway-endpoint', url, '--github-api-url', url]);
    const report = JSON.parse(run.stdout) as { findings: Array<{ provider: string; verification: string }> };
    expect(report.findings.map((f) => [f.provider, f.verification])).toEqual([['acme', 'skipped']]);
    expect(double.requests.length).toBe(before);
  });
});
