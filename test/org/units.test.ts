import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { schemaValidator } from '../../src/config/ajv.js';
import { repoFilter } from '../../src/org/glob.js';
import { listOrgRepos } from '../../src/org/listing.js';
import { gitEnvFor, mirror } from '../../src/org/mirror.js';
import { assignShards, parseShard } from '../../src/org/shard.js';
import type { OrgRepo } from '../../src/org/types.js';
import { cli } from '../helpers/cli.js';
import { tempDir } from '../helpers/repo.js';
import { OrgDouble } from './double.js';
import { makePlans, makeTokens, orgSpecs } from './fixture.js';
import { buildWorld, type OrgWorld } from './world.js';

const tokens = makeTokens();
let world: OrgWorld;
let double: OrgDouble;
beforeAll(async () => {
  world = buildWorld(orgSpecs(tokens));
  double = await new OrgDouble('acme', world, makePlans(tokens)).start();
});
afterAll(() => double.stop());

const repo = (name: string, size: number): OrgRepo => ({
  name,
  fullName: `acme/${name}`,
  cloneUrl: `https://github.com/acme/${name}.git`,
  defaultBranch: 'main',
  size,
  archived: false,
  fork: false,
});

test('shards: largest first to the lightest shard, ties by name and index; disjoint and covering', () => {
  // By hand: a(10)->1 [10,0]; b(10)->2 [10,10]; c(5)->1 on the tie [15,10];
  // d and e weigh 1 KB each (an empty repository still costs a clone) -> 2 [15,11], 2 [15,12].
  const repos = [repo('b', 10), repo('a', 10), repo('c', 5), repo('d', 0), repo('e', 0)];
  expect(assignShards(repos, 2).map((s) => s.map((r) => r.name))).toEqual([
    ['a', 'c'],
    ['b', 'd', 'e'],
  ]);
  // More shards than repositories: the extra shards are empty, never an error.
  expect(assignShards([repo('x', 1)], 3).map((s) => s.length)).toEqual([1, 0, 0]);
  expect(parseShard('2/5')).toEqual({ index: 2, total: 5 });
  for (const bad of ['0/3', '4/3', '1/0', 'x', '1-3']) expect(() => parseShard(bad)).toThrow(/--shard/);
});

test('--repos-filter globs: *, ?, alternatives, several, exclusions', () => {
  expect(['api', 'api-gw', 'web', 'worker'].filter(repoFilter('api*'))).toEqual(['api', 'api-gw']);
  expect(['web', 'wob', 'worker'].filter(repoFilter('w?b'))).toEqual(['web', 'wob']);
  expect(['api', 'web', 'docs'].filter(repoFilter('{api,web}'))).toEqual(['api', 'web']);
  expect(['api', 'web', 'docs'].filter(repoFilter('api,docs'))).toEqual(['api', 'docs']);
  expect(['api', 'api-old', 'web'].filter(repoFilter('api*,!*-old'))).toEqual(['api']);
  expect(['a.b', 'axb'].filter(repoFilter('a.b'))).toEqual(['a.b']);
});

test('listing: every page read; archived repositories and forks left out unless asked; the token is sent', async () => {
  const base = { org: 'acme', apiUrl: new URL(double.url), token: 'listing-token-for-test' };
  const plain = await listOrgRepos({ ...base, includeArchived: false, includeForks: false });
  expect(plain.listed).toBe(12);
  expect(plain.repos.map((r) => r.name)).toEqual([
    'api',
    'billing',
    'docs',
    'empty',
    'ghost',
    'infra',
    'mobile',
    'tools',
    'web',
    'worker',
  ]);
  const all = await listOrgRepos({ ...base, includeArchived: true, includeForks: true, filter: 'w*,legacy' });
  expect(all.repos.map((r) => [r.name, r.size, r.defaultBranch])).toEqual([
    ['legacy', 200, 'main'],
    ['web', 800, 'main'],
    ['worker', 700, 'main'],
  ]);
  expect(double.listingCalls.at(-1)!.auth).toBe('token listing-token-for-test');
  expect(double.problems).toEqual([]);
});

test('an org the API does not know: exit 2, one line naming the org and the status', async () => {
  const out = await cli(['org', 'nobody', '--github-api-url', double.url, '--format', 'json']);
  expect(out.code).toBe(2);
  expect(out.stderr).toMatch(/could not list the repositories of nobody .*HTTP 40\d/);
});

test('git gets the token in its environment, only for https on the token host, never in argv or the stored URL', async () => {
  const opts = { cacheDir: '/tmp/x', token: 'ghs_tokenForGitOnly', tokenHost: 'github.com' };
  const env = gitEnvFor('https://github.com/acme/api.git', opts);
  const values = Object.entries(env).filter(([k]) => k.startsWith('GIT_CONFIG_'));
  const header = values.find(([, v]) => v?.startsWith('Authorization: Basic '));
  expect(header).toBeDefined();
  expect(Buffer.from(header![1]!.slice('Authorization: Basic '.length), 'base64').toString()).toBe(
    'x-access-token:ghs_tokenForGitOnly',
  );
  expect(
    values.find(([k, v]) => k.startsWith('GIT_CONFIG_KEY_') && v === 'http.https://github.com/.extraHeader'),
  ).toBeDefined();
  for (const other of ['https://evil.example/acme/api.git', 'http://github.com/acme/api.git', 'file:///tmp/api.git'])
    expect(JSON.stringify(gitEnvFor(other, opts))).not.toContain(
      Buffer.from('x-access-token:ghs_tokenForGitOnly').toString('base64'),
    );

  // A real mirror: the URL git keeps in its config is the clone URL as given, with nothing added.
  const cacheDir = tempDir();
  const api = { ...repo('api', 900), cloneUrl: world.cloneUrl('api') };
  const m = await mirror(api, { ...opts, cacheDir });
  expect(m.ok).toBe(true);
  if (!m.ok) return;
  expect(execFileSync('git', ['-C', m.dir, 'config', 'remote.origin.url'], { encoding: 'utf8' }).trim()).toBe(
    world.cloneUrl('api'),
  );
  expect(m.action).toBe('cloned');
  const again = await mirror(api, { ...opts, cacheDir });
  expect(again.ok && again.action).toBe('updated');
  expect(m.dir.startsWith(join(cacheDir, 'local', 'acme'))).toBe(true);
});

test('the org report, its merge and its markdown fit the report schema and name each repository', async () => {
  const dir = tempDir();
  const env = { GITHUB_API_URL: double.url };
  const shards = [];
  for (const i of [1, 2]) {
    const out = join(dir, `shard-${i}.json`);
    await cli(['org', 'acme', '--shard', `${i}/2`, '--format', 'json', '--cache-dir', join(dir, 'c'), '-o', out], {
      env,
    });
    shards.push(out);
  }
  const validate = schemaValidator('report.schema.json');
  const merged = await cli(['merge', ...shards, '--format', 'json', '--state', join(dir, 'state.db')]);
  const report = JSON.parse(merged.stdout) as { state: { new: string[] }; repositories: unknown[] };
  expect(validate(report) ? [] : validate.errors).toEqual([]);
  expect(report.state.new).toHaveLength(3);
  expect(report.repositories).toHaveLength(10);
  const md = await cli(['merge', ...shards, '--format', 'markdown']);
  expect(md.stdout).toContain('### api');
  expect(md.stdout).toContain('### ghost');
  const overlap = await cli(['merge', shards[0]!, shards[0]!]);
  expect(overlap.code).toBe(2);
  expect(overlap.stderr).toMatch(/in two reports: shards overlap/);
});
