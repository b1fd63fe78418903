import { PROVIDERS } from '../../providers/registry.js';
import { assess } from '../assess/assess.js';
import type { Config } from '../config/load.js';
import { inspectAll } from '../inspect/run.js';
import type { Detector } from '../detect/engine.js';
import { mergeCandidates } from '../detect/merge.js';
import { AllowFilter } from '../scan/allowlist.js';
import { buildDetector } from '../scan/file-scanner.js';
import { scanFiles } from '../scan/pool.js';
import { fromWire } from '../scan/wire.js';
import { walkWorkTree } from '../sources/worktree.js';
import type { Provider } from './provider.js';
import type { Candidate, Finding } from './types.js';

/** A source other than the working tree (stdin, git history, home, environment) yields candidates. */
export type CandidateSource = (detector: Detector) => AsyncIterable<Candidate>;

export interface AuditOptions {
  /** The scanned directory; undefined when only other sources are scanned (stdin). */
  root?: string;
  config: Config;
  sources?: CandidateSource[];
  threads: number;
  offline: boolean;
  endpoints: Record<string, URL>;
  clients?: Record<string, unknown>;
  fetchImpl?: typeof fetch;
  progress?: (stage: string, done: number, total: number) => void;
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
  const detectorOptions = { extraRules: config.rules, only: [], maxFileBytes: config.maxFileSize };
  const detector = buildDetector(detectorOptions);
  const allow = new AllowFilter(config.allowlist);
  const candidates: Candidate[] = [];
  const notes: string[] = [];
  const stats = { files: 0, bytes: 0, skipped: 0, suppressed: 0 };

  if (opts.root) {
    const walk = await walkWorkTree(opts.root, config.skip);
    notes.push(...walk.notes);
    const pool = await scanFiles(walk.files, detectorOptions, opts.threads, (d, t) => opts.progress?.('scan', d, t));
    stats.files = walk.files.length;
    stats.bytes = pool.bytes;
    pool.outcomes.forEach((o, i) => {
      if (o.skipped) {
        stats.skipped++;
        if (o.skipped !== 'binary') notes.push(`skipped ${walk.files[i]!.path}: ${o.skipped}`);
      }
      for (const w of o.candidates) {
        const c = fromWire(w);
        if (allow.keepCandidate(c)) candidates.push(c);
      }
    });
  }
  for (const source of opts.sources ?? []) {
    for await (const c of source(detector)) if (allow.keepCandidate(c)) candidates.push(c);
  }

  const credentials = mergeCandidates(candidates).filter((c) => allow.keepCredential(c));
  stats.suppressed = allow.suppressed;
  const providers = providersById();
  const { inspections } = await inspectAll(credentials, providers, {
    offline: opts.offline,
    endpoints: opts.endpoints,
    policy: config.policy,
    concurrency: config.inspect.concurrency,
    budgetMs: config.inspect.budgetMs,
    http: { timeoutMs: config.inspect.timeoutMs },
    ...(opts.clients ? { clients: opts.clients } : {}),
    ...(opts.fetchImpl ? { fetchImpl: opts.fetchImpl } : {}),
    onProgress: (d, t) => opts.progress?.('inspect', d, t),
  });
  const findings = credentials.map((c) => assess(c, inspections.get(c.fingerprint)!, providers.get(c.provider), config.policy));
  return { findings, notes, stats };
}
