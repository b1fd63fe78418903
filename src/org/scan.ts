import type { Config } from '../config/load.js';
import { audit, providersById } from '../core/audit.js';
import type { Source, CredentialRefiner } from '../core/source.js';
import type { Severity } from '../core/types.js';
import { toolVersion } from '../core/version.js';
import { buildReport } from '../report/model.js';
import { asInspections, settleInspections } from './inspection-cache.js';
import { mirror } from './mirror.js';
import { headTreeSource, RepoHistory } from './repo-sources.js';
import { toOrgReport, withState } from './report.js';
import type { ShardRef } from './shard.js';
import { type CachedInspection, StateStore } from './state.js';
import type { OrgReport, OrgRepo, RepoSection } from './types.js';

export interface OrgScanOptions {
  org: string;
  /** The repositories this process scans (the whole listing, or one shard of it). */
  repos: OrgRepo[];
  /** How many repositories the listing held before any shard was taken. */
  listed: number;
  shard: ShardRef | null;
  cacheDir: string;
  token?: string;
  tokenHost?: string;
  /** Mirrors fetched at the same time. */
  jobs: number;
  config: Config;
  threads: number;
  offline: boolean;
  /** Do not connect to hosts named in the scanned content (database URLs). */
  skipFoundHosts?: boolean;
  foundHostPorts?: number[];
  endpoints: Record<string, URL>;
  clients?: Record<string, unknown>;
  fetchImpl?: typeof fetch;
  failOn: Severity;
  /**
   * The state file: its cached inspections are reused within ttlMs; when `record` is set (a scan
   * of the whole selection, not one shard), the run is recorded and the report says what changed.
   */
  state?: { path: string; ttlMs: number; record: boolean };
  now?: Date;
}

/** Mirrors, a few at a time; a repository that cannot be fetched is a section with a reason, not a failure. */
async function mirrorAll(opts: OrgScanOptions): Promise<{ section: RepoSection; dir?: string }[]> {
  const out: { section: RepoSection; dir?: string }[] = new Array(opts.repos.length);
  let next = 0;
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= opts.repos.length) return;
      const repo = opts.repos[i]!;
      const base = { name: repo.name, fullName: repo.fullName, defaultBranch: repo.defaultBranch, size: repo.size };
      const m = await mirror(repo, {
        cacheDir: opts.cacheDir,
        ...(opts.token ? { token: opts.token } : {}),
        ...(opts.tokenHost ? { tokenHost: opts.tokenHost } : {}),
      });
      if (!m.ok) out[i] = { section: { ...base, status: 'unreachable', reason: m.reason, findings: [] } };
      else if (!m.head) out[i] = { section: { ...base, status: 'empty', findings: [] } };
      else out[i] = { section: { ...base, status: 'scanned', head: m.head, findings: [] }, dir: m.dir };
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.jobs, opts.repos.length)) }, worker));
  return out;
}

/** The org scan: mirror, audit every default branch and its history in one flow, report, record. */
export async function scanOrg(opts: OrgScanOptions): Promise<OrgReport> {
  const now = opts.now ?? new Date();
  const mirrored = await mirrorAll(opts);
  const notes: string[] = [];
  const sources: Source[] = [];
  const refiners: CredentialRefiner[] = [];
  for (const { section, dir } of mirrored) {
    if (section.status === 'unreachable')
      notes.push(`${section.name}: not scanned, could not be mirrored: ${section.reason}`);
    if (!dir || !section.head) continue;
    const repoOpts = {
      name: section.name,
      dir,
      head: section.head,
      skip: opts.config.skip,
      maxFileSize: opts.config.maxFileSize,
    };
    sources.push(headTreeSource(repoOpts, notes));
    const history = new RepoHistory(repoOpts);
    sources.push(history);
    refiners.push(history);
  }

  const endpointHrefs = opts.offline
    ? {}
    : Object.fromEntries(Object.entries(opts.endpoints).map(([k, v]) => [k, v.href]));
  const store = opts.state ? new StateStore(opts.state.path) : undefined;
  try {
    const cached: Map<string, CachedInspection> =
      store && !opts.offline ? store.cachedInspections(now, opts.state!.ttlMs, endpointHrefs) : new Map();
    const result = await audit({
      config: opts.config,
      sources,
      refiners,
      threads: opts.threads,
      offline: opts.offline,
      ...(opts.skipFoundHosts ? { skipFoundHosts: true } : {}),
      ...(opts.foundHostPorts ? { foundHostPorts: opts.foundHostPorts } : {}),
      endpoints: opts.endpoints,
      cachedInspections: asInspections(cached),
      ...(opts.clients ? { clients: opts.clients } : {}),
      ...(opts.fetchImpl ? { fetchImpl: opts.fetchImpl } : {}),
    });
    const infos = settleInspections(result.findings, cached, providersById(), opts.config.policy, now);
    if (result.stats.suppressed) notes.push(`${result.stats.suppressed} match(es) suppressed by the allowlist`);
    const base = buildReport(
      {
        target: `org:${opts.org}`,
        findings: result.findings,
        failOn: opts.failOn,
        endpoints: opts.offline ? {} : opts.endpoints,
        notes: [...notes, ...result.notes],
      },
      toolVersion(),
      now,
    );
    const report = toOrgReport({
      base,
      org: opts.org,
      shard: opts.shard,
      listed: opts.listed,
      sections: mirrored.map((m) => m.section),
      inspections: infos,
    });
    if (store && opts.state!.record) withState(report, recordRun(store, report, now), now);
    return report;
  } finally {
    store?.close();
  }
}

/** Records a whole-org report (one process, or the merge of every shard) in the state file. */
export function recordRun(store: StateStore, report: OrgReport, now: Date) {
  const scanned = new Set((report.repositories ?? []).filter((r) => r.status !== 'unreachable').map((r) => r.name));
  return store.record({ now, target: report.target, findings: report.findings, endpoints: report.endpoints, scanned });
}
