import { createGithubInspector } from '../../providers/github/inspect.js';
import { DEFAULT_GITHUB_TUNING, type GithubTuning } from '../../providers/github/client.js';
import { DEFAULT_POLICY } from '../../src/assess/policy.js';
import type { InspectContext } from '../../src/core/provider.js';
import type { Credential, Inspection } from '../../src/core/types.js';
import { ReadOnlyHttp } from '../../src/inspect/http.js';
import { github } from '../../providers/github/index.js';
import type { GithubDouble } from './double.js';

export interface LogLine {
  level: string;
  message: string;
}

/** Short waits so retries and rate-limit waits cost milliseconds; nothing asserts on time. */
export function fastTuning(log: LogLine[], overrides: Partial<GithubTuning> = {}): GithubTuning {
  return {
    ...DEFAULT_GITHUB_TUNING,
    retryBaseMs: 1,
    rateLimitBaseMs: 1,
    log: (level, message) => log.push({ level, message }),
    ...overrides,
  };
}

/** A context whose only door is a real ReadOnlyHttp pinned to the double. */
export function contextFor(
  double: GithubDouble,
  signal = new AbortController().signal,
  timeoutMs = 10_000,
): InspectContext & { http: ReadOnlyHttp } {
  const http = new ReadOnlyHttp([new URL(double.url)], undefined, undefined, github.operations);
  return { http, endpoint: double.url, policy: DEFAULT_POLICY, signal, timeoutMs, clients: {} };
}

export interface Run {
  inspection: Inspection;
  http: ReadOnlyHttp;
  log: LogLine[];
}

/** Inspects one credential against the double, through the real read-only door. */
export async function inspectAgainst(
  double: GithubDouble,
  credential: Credential,
  overrides: Partial<GithubTuning> = {},
  {
    endpoint = double.url,
    abortOnHang = true,
    timeoutMs = 10_000,
  }: { endpoint?: string; abortOnHang?: boolean; timeoutMs?: number } = {},
): Promise<Run> {
  const log: LogLine[] = [];
  const controller = new AbortController();
  // A hanging request ends the credential's time budget at once (no timer), unless the test wants
  // the per-request timeout to end it.
  double.onHang = abortOnHang ? () => controller.abort() : () => {};
  const ctx = { ...contextFor(double, controller.signal, timeoutMs), endpoint };
  const inspection = await createGithubInspector(fastTuning(log, overrides))(credential, ctx);
  return { inspection, http: ctx.http, log };
}
