import type { Provider } from '../core/provider.js';
import type { Policy } from '../assess/policy.js';
import type { Credential, Inspection, Scope } from '../core/types.js';
import { scrub } from '../core/scrub.js';
import { ProviderUnavailableError } from './errors.js';
import { ReadOnlyHttp, type HttpOptions, DEFAULT_HTTP_OPTIONS } from './http.js';

export interface InspectOptions {
  offline: boolean;
  /**
   * Do not connect to hosts named by the scanned content itself (database URLs): what the Action
   * does on pull requests, whose content is untrusted, unless told otherwise.
   */
  skipFoundHosts?: boolean;
  /** Provider id -> endpoint URL, already validated (flags, environment, action inputs only). */
  endpoints: Record<string, URL>;
  policy: Policy;
  concurrency: number;
  /** Total time one credential may take, retries included. */
  budgetMs: number;
  http?: Partial<HttpOptions>;
  clients?: Record<string, unknown>;
  fetchImpl?: typeof fetch;
  onProgress?: (done: number, total: number) => void;
}

export const emptyScope = (): Scope => ({
  identity: null,
  tokenType: null,
  permissions: [],
  capabilities: [],
  reach: {},
  expiresAt: null,
  unknowns: [],
});

/**
 * Inspects each credential once (never once per location), a few at a time, each within a total
 * time budget. Whatever goes wrong at a provider becomes the credential's verification and
 * reason: the finding is never lost and the run never crashes.
 */
export async function inspectAll(
  credentials: Credential[],
  providers: Map<string, Provider>,
  opts: InspectOptions,
): Promise<{ inspections: Map<string, Inspection>; http: ReadOnlyHttp }> {
  const http = new ReadOnlyHttp(
    Object.values(opts.endpoints),
    { ...DEFAULT_HTTP_OPTIONS, ...opts.http },
    opts.fetchImpl ?? globalThis.fetch,
  );
  const inspections = new Map<string, Inspection>();
  let next = 0;
  let done = 0;
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= credentials.length) return;
      const c = credentials[i]!;
      inspections.set(c.fingerprint, await inspectOne(c, providers.get(c.provider), http, opts));
      opts.onProgress?.(++done, credentials.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency, credentials.length)) }, worker));
  return { inspections, http };
}

async function inspectOne(
  credential: Credential,
  provider: Provider | undefined,
  http: ReadOnlyHttp,
  opts: InspectOptions,
): Promise<Inspection> {
  const offline = provider?.describeOffline?.(credential);
  const offlineScope = offline ? { ...emptyScope(), ...offline } : null;
  if (!provider?.inspect) {
    return {
      verification: 'skipped',
      reason: 'detection only: no inspector for this provider yet',
      scope: offlineScope,
    };
  }
  if (opts.offline)
    return { verification: 'unverified', reason: 'offline: inspection was turned off', scope: offlineScope };
  const endpoint = opts.endpoints[provider.id];
  if (provider.connectsToFoundHost && opts.skipFoundHosts) {
    return {
      verification: 'skipped',
      reason: 'connections to hosts named in scanned files are off (--skip-found-hosts)',
      scope: offlineScope,
    };
  }
  if (!endpoint && !provider.connectsToFoundHost)
    return { verification: 'unverified', reason: 'no endpoint configured for this provider', scope: offlineScope };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), opts.budgetMs);
  try {
    const result = await provider.inspect(credential, {
      http,
      endpoint: endpoint?.href ?? '',
      policy: opts.policy,
      signal: controller.signal,
      timeoutMs: opts.http?.timeoutMs ?? DEFAULT_HTTP_OPTIONS.timeoutMs,
      clients: opts.clients ?? {},
    });
    if (result.scope && offlineScope) result.scope.unknowns = [...offlineScope.unknowns, ...result.scope.unknowns];
    return result;
  } catch (e) {
    const verification = e instanceof ProviderUnavailableError ? e.verification : 'error';
    const message = e instanceof Error ? e.message : String(e);
    return { verification, reason: scrub(message, credential), scope: offlineScope };
  } finally {
    clearTimeout(timer);
  }
}
