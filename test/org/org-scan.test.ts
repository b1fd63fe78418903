import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { cli } from '../helpers/cli.js';
import { tempDir } from '../helpers/repo.js';
import { OrgDouble } from './double.js';
import { makePlans, makeTokens, orgSpecs } from './fixture.js';
import { buildWorld, type OrgWorld } from './world.js';

const run = promisify(execFile);
const tokens = makeTokens();
let world: OrgWorld;
let double: OrgDouble;

beforeAll(async () => {
  world = buildWorld(orgSpecs(tokens));
  double = await new OrgDouble('acme', world, makePlans(tokens)).start();
});
afterAll(() => double.stop());

interface Loc {
  path: string;
  line: number;
  source: string;
  commit?: string;
}
interface Finding {
  id: string;
  locations: Loc[];
  repositories: string[];
  verification: string;
}
interface Section {
  name: string;
  status: string;
  reason?: string;
  findings: string[];
}
interface OrgReport {
  findings: Finding[];
  repositories: Section[];
  notes: string[];
  org: { name: string; shard: { index: number; total: number } | null };
}

const ALL = ['--include-archived', '--include-forks'];
const sameFindings = (r: OrgReport) =>
  Object.fromEntries(
    r.findings.map((f) => [f.id, f.locations.map((l) => `${l.path}:${l.line}:${l.source}:${l.commit ?? ''}`)]),
  );

test('--plan 3: a matrix of 3 shards balanced by size, as worked out by hand', async () => {
  const out = await cli(['org', 'acme', '--plan', '3', ...ALL, '--github-api-url', double.url]);
  expect(out.stderr).toBe('');
  expect(out.code).toBe(0);
  expect(JSON.parse(out.stdout)).toEqual({
    include: [
      { shard: '1/3', index: 1, total: 3, repositories: 4, size: 1600 },
      { shard: '2/3', index: 2, total: 3, repositories: 4, size: 1650 },
      { shard: '3/3', index: 3, total: 3, repositories: 4, size: 1650 },
    ],
  });
  // 12 repositories at most 5 a page: three pages, each in GitHub's own shape.
  expect(double.listingCalls.filter((c) => c.query.includes('page=')).length).toBeGreaterThanOrEqual(2);
  expect(double.problems).toEqual([]);
});

test('3 shards in 3 processes are disjoint, cover the org, and merge into the single-process report', async () => {
  const bin = join(process.cwd(), 'bin', 'tokenscope.js');
  expect(existsSync(join(process.cwd(), 'build', 'src', 'cli', 'org.js'))).toBe(true); // `npm test` builds first
  const dir = tempDir();
  const env = { ...process.env, GITHUB_API_URL: double.url, GITHUB_TOKEN: '' };
  await Promise.all(
    [1, 2, 3].map((i) =>
      run(
        'node',
        [
          bin,
          'org',
          'acme',
          '--shard',
          `${i}/3`,
          ...ALL,
          '--format',
          'json',
          '--cache-dir',
          join(dir, 'cache'),
          '-o',
          join(dir, `shard-${i}.json`),
        ],
        { env },
      ).catch((e: { code?: number }) => {
        // Exit 1 means findings at or above --fail-on: expected here.
        if (e.code !== 1) throw e;
      }),
    ),
  );
  const shards = [1, 2, 3].map((i) => JSON.parse(readFileSync(join(dir, `shard-${i}.json`), 'utf8')) as OrgReport);
  const names = shards.map((s) => s.repositories.map((r) => r.name).sort());
  expect(names).toEqual([
    ['api', 'empty', 'infra', 'mobile'],
    ['docs', 'ghost', 'tools', 'web'],
    ['billing', 'forked', 'legacy', 'worker'],
  ]);
  expect(shards.map((s) => s.org.shard)).toEqual([1, 2, 3].map((index) => ({ index, total: 3 })));

  const merged = await cli(['merge', ...[1, 2, 3].map((i) => join(dir, `shard-${i}.json`)), '--format', 'json']);
  expect(merged.stderr).toBe('');
  const single = await cli(['org', 'acme', ...ALL, '--format', 'json', '--cache-dir', join(dir, 'cache-single')], {
    env: { GITHUB_API_URL: double.url },
  });
  expect(single.stderr).toBe('');
  const m = JSON.parse(merged.stdout) as OrgReport;
  const s = JSON.parse(single.stdout) as OrgReport;
  expect(sameFindings(m)).toEqual(sameFindings(s));
  expect(m.repositories).toEqual(s.repositories.map((r) => ({ ...r })));
  expect(m.findings).toHaveLength(3);

  // The shared token: one credential, found at HEAD in two repositories of two shards.
  const shared = s.findings.find((f) => f.repositories.length === 2)!;
  expect(shared.repositories).toEqual(['api', 'worker']);
  expect(shared.locations.filter((l) => l.source === 'tracked').map((l) => `${l.path}:${l.line}`)).toEqual([
    'api/.env:2',
    'worker/ci/deploy.env:1',
  ]);
  expect(shared.verification).toBe('verified');
  for (const text of [merged.stdout, single.stdout, ...shards.map((x) => JSON.stringify(x))])
    for (const t of Object.values(tokens)) expect(text).not.toContain(t);
});

test('an unreachable repository is reported, and the rest carry on', async () => {
  const out = await cli(['org', 'acme', ...ALL, '--format', 'json', '--cache-dir', join(tempDir(), 'cache')], {
    env: { GITHUB_API_URL: double.url },
  });
  const report = JSON.parse(out.stdout) as OrgReport;
  const byName = Object.fromEntries(report.repositories.map((r) => [r.name, r]));
  expect(byName.ghost!.status).toBe('unreachable');
  expect(byName.ghost!.reason).toMatch(/does not appear to be a git repository|not found|No such file/i);
  expect(report.notes.some((n) => n.startsWith('ghost: not scanned'))).toBe(true);
  expect(byName.empty!.status).toBe('empty');
  expect(report.repositories.filter((r) => r.status === 'scanned')).toHaveLength(10);
  expect(byName.api!.findings).toHaveLength(1);
  expect(out.code).toBe(1);
});
