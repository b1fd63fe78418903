import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fingerprint, Secret } from '../../src/core/secret.js';
import { StateStore } from '../../src/org/state.js';
import type { OrgFinding } from '../../src/org/types.js';
import { cli } from '../helpers/cli.js';
import { tempDir } from '../helpers/repo.js';
import { OrgDouble } from './double.js';
import { makePlans, makeTokens, orgSpecs } from './fixture.js';
import { buildWorld, type OrgWorld, pushCommit, rewriteHistory } from './world.js';

const tokens = makeTokens();
const id = (t: string) => fingerprint('github', new Secret(t));
let world: OrgWorld;
let double: OrgDouble;

beforeAll(async () => {
  world = buildWorld(orgSpecs(tokens));
  double = await new OrgDouble('acme', world, makePlans(tokens)).start();
});
afterAll(() => double.stop());

interface Report {
  findings: {
    id: string;
    state?: string;
    inspection?: { fromCache: boolean };
    verification: string;
    risks: { id: string }[];
  }[];
  state: {
    previousRun: string | null;
    new: string[];
    open: string[];
    resolved: { id: string; repositories: string[] }[];
  };
}

test('across two runs the state says new, still open and fixed; the second run reuses cached inspections', async () => {
  const dir = tempDir();
  const args = ['org', 'acme', '--format', 'json', '--cache-dir', join(dir, 'cache'), '--state', join(dir, 'state.db')];
  const env = { GITHUB_API_URL: double.url };

  const first = await cli(args, { env });
  expect(first.stderr).toBe('');
  const r1 = JSON.parse(first.stdout) as Report;
  expect(r1.state.previousRun).toBeNull();
  expect(r1.state.new.sort()).toEqual([id(tokens.shared), id(tokens.purged), id(tokens.historic)].sort());
  expect(r1.state.open).toEqual([]);
  expect(r1.findings.every((f) => f.state === 'new' && f.inspection?.fromCache === false)).toBe(true);
  expect(double.inspectionsOf('shared')).toBeGreaterThan(0);
  const sharedRisks = r1.findings
    .find((f) => f.id === id(tokens.shared))!
    .risks.map((r) => r.id)
    .sort();

  // Between the runs: web's token is purged from its whole history; docs gains a new one.
  rewriteHistory(world, 'web', { 'README.md': '# web\n', '.env': 'GH_TOKEN=\n' });
  pushCommit(world, 'docs', { 'deploy/.env': `GITHUB_TOKEN=${tokens.later}\n` });
  const before = { shared: double.inspectionsOf('shared'), later: double.inspectionsOf('later') };

  const second = await cli(args, { env });
  expect(second.stderr).toBe('');
  const r2 = JSON.parse(second.stdout) as Report;
  expect(r2.state.previousRun).not.toBeNull();
  expect(r2.state.new).toEqual([id(tokens.later)]);
  // Removed from billing's HEAD long ago but still in its history: still open.
  expect(r2.state.open.sort()).toEqual([id(tokens.shared), id(tokens.historic)].sort());
  expect(r2.state.resolved.map((c) => [c.id, c.repositories])).toEqual([[id(tokens.purged), ['web']]]);

  // The cache: the shared token was not asked about again; the new one was.
  expect(double.inspectionsOf('shared')).toBe(before.shared);
  expect(double.inspectionsOf('later')).toBeGreaterThan(before.later);
  const shared = r2.findings.find((f) => f.id === id(tokens.shared))!;
  expect(shared.inspection?.fromCache).toBe(true);
  expect(shared.verification).toBe('verified');
  expect(shared.risks.map((r) => r.id).sort()).toEqual(sharedRisks);

  // The state file holds no raw secret, in any table.
  const bytes = readFileSync(join(dir, 'state.db')).toString('latin1');
  const store = new StateStore(join(dir, 'state.db'));
  const dump = store.dump();
  store.close();
  for (const t of Object.values(tokens)) {
    expect(bytes).not.toContain(t);
    expect(dump).not.toContain(t);
  }
  expect(dump).toContain(id(tokens.shared));
});

test('--shard with --state reuses the cache but records nothing: one shard cannot tell what was fixed', async () => {
  const dir = tempDir();
  const state = join(dir, 'state.db');
  const env = { GITHUB_API_URL: double.url };
  await cli(['org', 'acme', '--format', 'json', '--cache-dir', join(dir, 'c'), '--state', state], { env });
  const before = double.inspectionsOf('shared');
  const out = await cli(
    ['org', 'acme', '--shard', '1/3', '--format', 'json', '--cache-dir', join(dir, 'c'), '--state', state],
    { env },
  );
  const r = JSON.parse(out.stdout) as Partial<Report>;
  expect(r.state).toBeUndefined();
  expect(double.inspectionsOf('shared')).toBe(before);
  const store = new StateStore(state);
  expect(store.dump().match(/"finished_at"/g)).toHaveLength(1);
  store.close();
});

function finding(token: string, repo: string): OrgFinding {
  return {
    id: id(token),
    provider: 'github',
    kind: 'personal access token (classic)',
    ruleId: 'github-pat-classic',
    secret: { redacted: new Secret(token).redacted },
    locations: [{ path: `${repo}/.env`, line: 1, source: 'tracked' }],
    repositories: [repo],
    verification: 'verified',
    verificationReason: 'ok',
    scope: null,
    risks: [],
    severity: 'high',
    breadth: 'read',
    exposure: 'committed',
    remediation: 'Rotate it.',
  };
}

test('a run that fails half-way leaves the previous state exactly as it was', () => {
  const path = join(tempDir(), 'state.db');
  const a = makeTokens();
  const store = new StateStore(path);
  store.record({
    now: new Date('2030-01-01T00:00:00Z'),
    target: 'org:acme',
    findings: [finding(a.shared, 'api')],
    endpoints: {},
    scanned: new Set(['api']),
  });
  const before = store.dump();

  // The second finding cannot be written (JSON has no BigInt): the run throws after the first upsert.
  const poisoned = { ...finding(a.later, 'docs'), scope: { identity: 1n } as unknown as OrgFinding['scope'] };
  expect(() =>
    store.record({
      now: new Date('2030-01-02T00:00:00Z'),
      target: 'org:acme',
      findings: [finding(a.purged, 'web'), poisoned],
      endpoints: {},
      scanned: new Set(['api', 'web', 'docs']),
    }),
  ).toThrow();
  store.close();

  const reopened = new StateStore(path);
  expect(reopened.dump()).toBe(before);
  expect(reopened.credential(id(a.shared))).toEqual({
    status: 'open',
    firstSeen: '2030-01-01T00:00:00.000Z',
    lastSeen: '2030-01-01T00:00:00.000Z',
  });
  expect(reopened.credential(id(a.purged))).toBeUndefined();
  expect(reopened.previousRun()).toBe('2030-01-01T00:00:00.000Z');
  reopened.close();
});

test('a credential last seen in a repository that was not scanned this run is not called fixed', () => {
  const store = new StateStore(':memory:');
  const a = makeTokens();
  store.record({
    now: new Date('2030-01-01T00:00:00Z'),
    target: 'org:acme',
    findings: [finding(a.shared, 'ghost')],
    endpoints: {},
    scanned: new Set(['ghost']),
  });
  const next = store.record({
    now: new Date('2030-01-02T00:00:00Z'),
    target: 'org:acme',
    findings: [],
    endpoints: {},
    scanned: new Set(['api']),
  });
  expect(next.section.resolved).toEqual([]);
  expect(store.credential(id(a.shared))?.status).toBe('open');
  const last = store.record({
    now: new Date('2030-01-03T00:00:00Z'),
    target: 'org:acme',
    findings: [],
    endpoints: {},
    scanned: new Set(['ghost']),
  });
  expect(last.section.resolved.map((c) => c.id)).toEqual([id(a.shared)]);
  store.close();
});

test("a cached answer is tied to every endpoint it came from: changing a provider's extra endpoint (Google's token endpoint) asks again", () => {
  const store = new StateStore(':memory:');
  const a = makeTokens();
  const now = new Date('2030-01-01T00:00:00Z');
  const endpoints = { google: 'https://api.example.test/', 'google.oauth': 'https://oauth.example.test/token' };
  store.record({
    now,
    target: 'org:acme',
    findings: [
      {
        ...finding(a.shared, 'api'),
        provider: 'google',
        inspection: { at: now.toISOString(), fromCache: false, providerRisks: [] },
      },
    ],
    endpoints,
    scanned: new Set(['api']),
  });
  const cached = (e: Record<string, string>) => [...store.cachedInspections(now, 60_000, e).keys()];
  expect(cached(endpoints)).toEqual([id(a.shared)]);
  expect(cached({ ...endpoints, 'google.oauth': 'https://other.example.test/token' })).toEqual([]);
  expect(cached({ ...endpoints, google: 'https://other.example.test/' })).toEqual([]);
  expect(cached({ google: endpoints.google })).toEqual([]);
  store.close();
});
