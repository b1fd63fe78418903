import { PROVIDERS } from '../../providers/registry.js';
import { assess } from '../assess/assess.js';
import type { Config } from '../config/load.js';
import { inspectAll } from '../inspect/run.js';
import { mergeCandidates } from '../detect/merge.js';
import { AllowFilter } from '../scan/allowlist.js';
import { detectSources, scanMoreVia } from '../scan/pipeline.js';
import { ScanPool } from '../scan/pool.js';
import { WorkTreeSource } from '../sources/worktree-source.js';
import type { Provider } from './provider.js';
import { ScannedFiles } from './scanned-files.js';
import { prepareRedaction } from './scrub-text.js';
import { worst } from '../assess/severity.js';
import type { CredentialRefiner, Source } from './source.js';
import type { Credential, Finding, Inspection } from './types.js';

export interface AuditOptions {
  /** The scanned directory; undefined when only other sources are scanned (stdin). */
  root?: string;
  config: Config;
  sources?: Source[];
  refiners?: CredentialRefiner[];
  threads: number;
  offline: boolean;
  /** Do not connect to hosts named in the scanned content (database URLs). */
  skipFoundHosts?: boolean;
  /** Ports found hosts may be inspected at besides each engine's standard one (flags, environment). */
  foundHostPorts?: number[];
  endpoints: Record<string, URL>;
  clients?: Record<string, unknown>;
  fetchImpl?: typeof fetch;
  progress?: (stage: string, done: number, total: number) => void;
  /** Only these rule ids or provider ids run (benchmarks, focused scans); empty or absent: all. */
  only?: string[];
  /**
   * Inspections already known (an org scan's state file, within its TTL), by fingerprint: those
   * credentials are not sent to their provider again.
   */
  cachedInspections?: Map<string, Inspection>;
  /** What the caller is still finding out that judging needs (whose code this is): awaited before inspection. */
  settled?: Promise<void>;
}

export interface AuditResult {
  findings: Finding[];
  notes: string[];
  stats: { files: number; bytes: number; skipped: number; suppressed: number };
}

export const providersById = (): Map<string, Provider> => new Map(PROVIDERS.map((p) => [p.id, p]));

/** The whole flow: sources -> detect -> merge -> inspect -> assess. Pure of output and exit codes. */
export async function audit(opts: AuditOptions): Promise<AuditResult> {
  const { config } = opts;
  const detectorOptions = {
    extraRules: config.rules,
    only: opts.only ?? [],
    maxFileBytes: config.maxFileSize,
    ruleBudgetMs: config.fileBudgetMs,
  };
  const allow = new AllowFilter(config.allowlist);
  const notes: string[] = [];
  const stats = { files: 0, bytes: 0, skipped: 0, suppressed: 0 };

  // One pool of scanning threads for every source: the working tree, history, a range, the
  // index, stdin, home and the environment alike.
  // A source that meets the working tree's files again (history) takes their outcomes instead of
  // scanning the same bytes at the same path twice, unless a config rule's exclusions name commits
  // (then the same bytes may be judged differently in history).
  const reusing = (opts.sources ?? []).filter((s) => s.reuse);
  const byCommit = config.rules.some((r) => r.allow?.some((a) => a.commits?.length));
  const scanned = opts.root && reusing.length > 0 && !byCommit ? new ScannedFiles() : undefined;
  for (const s of scanned ? reusing : []) s.reuse!(scanned!);
  const worktree = opts.root ? new WorkTreeSource(opts.root, config, scanned) : undefined;
  const sources = [...(worktree ? [worktree] : []), ...(opts.sources ?? [])];
  const pool = new ScanPool(detectorOptions, opts.threads, config.fileBudgetMs);
  // A working tree is listed before its first file can be scanned: the threads start meanwhile.
  if (opts.root) pool.warm();
  let credentials: Credential[];
  try {
    const detected = await detectSources(
      sources,
      pool,
      (d) => opts.progress?.('scan', d, Math.max(d, worktree?.files ?? 0)),
      // The report redacts with a detector of its own: built while the threads finish, in a
      // turn of its own so the answers already in do not wait for it.
      () => setImmediate(prepareRedaction),
    );
    if (worktree) {
      const t = detected.tallies[0]!;
      stats.files = worktree.files;
      stats.bytes = t.bytes;
      stats.skipped = t.skipped;
      notes.push(...worktree.notes);
    }
    notes.push(...detected.notes);
    // Binary files are many and expected (images, archives): counted, not listed, never silent.
    const binary = worktree ? detected.tallies[0]!.binary : 0;
    if (binary) notes.push(`skipped ${binary} binary file(s) in the working tree`);

    credentials = mergeCandidates(detected.candidates.filter((c) => allow.keepCandidate(c))).filter((c) =>
      allow.keepCredential(c),
    );
    const scanMore = scanMoreVia(pool);
    for (const r of opts.refiners ?? []) await r.afterMerge?.(credentials, scanMore);
  } catch (e) {
    await pool.close();
    throw e;
  }
  // The threads and their git readers stop while the credentials are inspected and assessed
  // (ending them takes about 50 ms, which the main thread spent waiting at the end of every run);
  // nothing below scans.
  const closing = pool.close();
  try {
    return await inspectAndAssess(opts, credentials, allow, notes, stats);
  } finally {
    await closing;
  }
}

/** After detection: each credential inspected (or taken from the cache), assessed and given its refiners' risks. */
async function inspectAndAssess(
  opts: AuditOptions,
  credentials: Credential[],
  allow: AllowFilter,
  notes: string[],
  stats: AuditResult['stats'],
): Promise<AuditResult> {
  const { config } = opts;
  await opts.settled;
  for (const r of opts.refiners ?? []) notes.push(...(r.notes?.() ?? []));
  stats.suppressed = allow.suppressed;
  const providers = providersById();
  const cached = opts.cachedInspections;
  const toInspect = cached ? credentials.filter((c) => !cached.has(c.fingerprint)) : credentials;
  const { inspections } = await inspectAll(toInspect, providers, {
    offline: opts.offline,
    ...(opts.skipFoundHosts ? { skipFoundHosts: true } : {}),
    ...(opts.foundHostPorts ? { foundHostPorts: opts.foundHostPorts } : {}),
    maxInspections: config.inspect.maxCredentials,
    endpoints: opts.endpoints,
    policy: config.policy,
    concurrency: config.inspect.concurrency,
    budgetMs: config.inspect.budgetMs,
    http: { timeoutMs: config.inspect.timeoutMs },
    ...(opts.clients ? { clients: opts.clients } : {}),
    ...(opts.fetchImpl ? { fetchImpl: opts.fetchImpl } : {}),
    onProgress: (d, t) => opts.progress?.('inspect', d, t),
  });
  for (const [fingerprint, inspection] of cached ?? []) {
    if (!inspections.has(fingerprint)) inspections.set(fingerprint, inspection);
  }
  const findings = credentials.map((c) =>
    assess(c, inspections.get(c.fingerprint)!, providers.get(c.provider), config.policy, config.rules),
  );
  if (opts.refiners?.some((r) => r.risks)) {
    for (const f of findings) {
      const extra = (opts.refiners ?? []).flatMap((r) => r.risks?.(f.credential) ?? []);
      if (extra.length === 0) continue;
      f.risks.push(
        ...extra.map((s) => ({ id: s.id, severity: config.policy.severities[s.id] ?? s.severity, message: s.message })),
      );
      f.severity = worst(f.risks.map((r) => r.severity));
    }
  }
  return { findings, notes, stats };
}
