import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cli } from '../helpers/cli.js';
import { tempDir } from '../helpers/repo.js';
import { launch } from '../report/browser.js';
import { OrgDouble } from './double.js';
import { makePlans, makeTokens, orgSpecs } from './fixture.js';
import { buildWorld, type OrgWorld, pushCommit, rewriteHistory } from './world.js';

const tokens = makeTokens();
let world: OrgWorld;
let double: OrgDouble;
let dir: string;
let html1 = '';

beforeAll(async () => {
  world = buildWorld(orgSpecs(tokens));
  double = await new OrgDouble('acme', world, makePlans(tokens)).start();
  dir = tempDir();
  const args = ['org', 'acme', '--cache-dir', join(dir, 'cache'), '--state', join(dir, 'state.db')];
  const env = { GITHUB_API_URL: double.url };
  const first = await cli([...args, '--format', 'html'], { env });
  expect(first.stderr).toBe('');
  html1 = first.stdout;
  rewriteHistory(world, 'web', { 'README.md': '# web\n', '.env': 'GH_TOKEN=\n' });
  pushCommit(world, 'docs', { 'deploy/.env': `GITHUB_TOKEN=${tokens.later}\n` });
  expect((await cli([...args, '--format', 'json'], { env })).stderr).toBe('');
}, 120_000);
afterAll(() => double.stop());

test('org --format html groups the cards by repository', () => {
  expect(html1).toContain('<section><h2 class="mono">acme/web</h2>');
  expect(html1.match(/<article class="card"/g)?.length).toBeGreaterThanOrEqual(3);
  for (const t of Object.values(tokens)) expect(html1).not.toContain(t);
});

test('report --state counts new, open and fixed per run from the state file', async () => {
  const r = await cli(['report', '--state', join(dir, 'state.db'), '--format', 'json']);
  expect(r.stderr).toBe('');
  const view = JSON.parse(r.stdout) as { runs: { new: number; open: number; fixed: number }[] };
  // Run 1: three credentials found. Run 2: one new in docs, web's purged one fixed, two still open.
  expect(view.runs.map(({ new: n, open, fixed }) => [n, open, fixed])).toEqual([
    [3, 3, 0],
    [1, 3, 1],
  ]);
});

test('report --state --format html ranks the open credentials and draws the runs', async () => {
  const out = join(dir, 'dashboard.html');
  const r = await cli(['report', '--state', join(dir, 'state.db'), '-o', out]);
  expect(r.code).toBe(0);
  const html = readFileSync(out, 'utf8');
  expect(html).toContain('3 open credential(s)');
  expect(html.match(/<polyline class="(open|new|fixed)"/g)).toHaveLength(3);
  const severities = [...html.matchAll(/<tr data-severity="(\w+)"/g)].map((m) => m[1]);
  const order = ['critical', 'high', 'medium', 'low', 'info'];
  expect(severities).toEqual([...severities].sort((a, b) => order.indexOf(a!) - order.indexOf(b!)));
  for (const t of Object.values(tokens)) expect(html).not.toContain(t);

  const browser = await launch();
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('request', (q) => requests.push(q.url()));
    await page.goto(pathToFileURL(out).href);
    expect(errors).toEqual([]);
    expect(requests).toEqual([pathToFileURL(out).href]);
  } finally {
    await browser.close();
  }
}, 60_000);

test('report --state on a file that is not a state file is exit 2 naming it', async () => {
  const bogus = join(dir, 'not-state.db');
  writeFileSync(bogus, 'hello');
  const r = await cli(['report', '--state', bogus]);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('not-state.db: not a tokenscope state file');
  const missing = await cli(['report', '--state', join(dir, 'nope.db')]);
  expect(missing.code).toBe(2);
  expect(missing.stderr).toContain('nope.db: no such state file');
});
