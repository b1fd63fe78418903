import type { Provider } from '../core/provider.js';
import type { Policy } from '../assess/policy.js';
import type { Credential, Inspection, Scope } from '../core/types.js';
import { DEFAULT_MAX_CREDENTIALS } from '../config/defaults.js';
import { scrub } from '../core/scrub.js';
import { ProviderUnavailableError } from '../core/errors.js';
import {
  ReadOnlyHttp,
  type HttpOptions,
  DEFAULT_HTTP_OPTIONS,
  type NamedEndpoint,
  type RecordedRequest,
} from './http.js';
import { extraEndpointKey } from './endpoint-specs.js';

export interface InspectOptions {
  offline: boolean;
  /**
   * Do not connect to hosts named by the scanned content itself (database URLs): what the Action
   * does on pull requests, whose content is untrusted, unless told otherwise.
   */
  skipFoundHosts?: boolean;
  /**
   * Ports a found host may be inspected at besides its engine's standard one: the user's
   * --found-host-ports or TOKENSCOPE_FOUND_HOST_PORTS, never the scanned content's config.
   */
  foundHostPorts?: number[];
  /**
   * How many credentials this run sends to providers at most; the rest are reported `unverified`,
   * so a repository stuffed with plausible tokens cannot turn a scan into a flood of requests.
   */
  maxInspections?: number;
  /**
   * Provider id -> endpoint URL, already validated (flags, environment, action inputs only); a
   * provider's named extra endpoints under `<id>.<name>`.
   */
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
): Promise<{ inspections: Map<string, Inspection>; http: { sent: RecordedRequest[] } }> {
  const sent: RecordedRequest[] = [];
  // One door per provider: its own endpoints and its own list of operations, so a token can reach
  // nothing but its provider's read-only calls.
  const doors = new Map<string, ReadOnlyHttp>();
  const doorFor = (provider: Provider | undefined): ReadOnlyHttp => {
    const id = provider?.id ?? '';
    let door = doors.get(id);
    if (!door) {
      const endpoint = opts.endpoints[id];
      door = new ReadOnlyHttp(
        endpoint ? [endpoint, ...extraEndpointsOf(provider, opts)] : [],
        { ...DEFAULT_HTTP_OPTIONS, ...opts.http },
        opts.fetchImpl ?? globalThis.fetch,
        provider?.operations ?? [],
        sent,
      );
      doors.set(id, door);
    }
    return door;
  };
  const inspections = new Map<string, Inspection>();
  const cap = new InspectionCap(opts.maxInspections ?? DEFAULT_MAX_CREDENTIALS, credentials.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= credentials.length) return;
      const c = credentials[i]!;
      const provider = providers.get(c.provider);
      inspections.set(c.fingerprint, await inspectOne(c, provider, doorFor(provider), opts, cap));
      opts.onProgress?.(++done, credentials.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency, credentials.length)) }, worker));
  return { inspections, http: { sent } };
}

/** The provider's named extra endpoints the run configured (a missing one is simply not allowed). */
function extraEndpointsOf(provider: Provider | undefined, opts: InspectOptions): NamedEndpoint[] {
  return Object.keys(provider?.extraEndpoints ?? {}).flatMap((name) => {
    const url = opts.endpoints[extraEndpointKey(provider!.id, name)];
    return url ? [{ name, url }] : [];
  });
}

/**
 * Counts the credentials actually sent to a provider. Workers take credentials in order and take
 * a slot before their first await, so which ones are inspected does not depend on timing.
 */
class InspectionCap {
  #taken = 0;
  constructor(
    readonly limit: number,
    readonly found: number,
  ) {}

  take(): boolean {
    if (this.#taken >= this.limit) return false;
    this.#taken++;
    return true;
  }
}

/** Why a found host is not connected to: the URL says it should not be, or the port is not allowed. */
function foundHostRefusal(
  credential: Credential,
  provider: Provider,
  opts: InspectOptions,
): Omit<Inspection, 'scope'> | undefined {
  if (!provider.foundHost) return undefined;
  if (opts.skipFoundHosts) {
    return {
      verification: 'skipped',
      reason: 'connections to hosts named in scanned files are off (--skip-found-hosts)',
    };
  }
  const place = provider.foundHost.locate(credential);
  if ('reason' in place) return place;
  const { standardPort } = provider.foundHost;
  if (place.port === standardPort || opts.foundHostPorts?.includes(place.port)) return undefined;
  return {
    verification: 'skipped',
    reason: `not connected: port ${place.port} is not ${provider.name}'s standard port (${standardPort}); allow it with --found-host-ports or TOKENSCOPE_FOUND_HOST_PORTS`,
  };
}

async function inspectOne(
  credential: Credential,
  provider: Provider | undefined,
  http: ReadOnlyHttp,
  opts: InspectOptions,
  cap: InspectionCap,
): Promise<Inspection> {
  const offline = provider?.describeOffline?.(credential);
  const offlineScope = offline ? { ...emptyScope(), ...offline } : null;
  if (!provider?.inspect) {
    return {
      verification: 'skipped',
      reason: provider?.unverifiable
        ? `detection only: ${provider.unverifiable}`
        : 'detection only: no inspector for this provider yet',
      scope: offlineScope,
    };
  }
  if (opts.offline)
    return { verification: 'unverified', reason: 'offline: inspection was turned off', scope: offlineScope };
  const endpoint = opts.endpoints[provider.id];
  const refused = foundHostRefusal(credential, provider, opts);
  if (refused) return { ...refused, scope: offlineScope };
  if (!endpoint && !provider.foundHost)
    return {
      verification: 'unverified',
      reason: `no endpoint configured for this provider${provider.endpoint ? ` (--${provider.endpoint.flag})` : ''}`,
      scope: offlineScope,
    };
  if (!cap.take()) {
    return {
      verification: 'unverified',
      reason: `not inspected: this run inspects at most ${cap.limit} credentials (inspect.maxCredentials, --max-inspections) and found ${cap.found}`,
      scope: offlineScope,
    };
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), opts.budgetMs);
  try {
    const result = await provider.inspect(credential, {
      http,
      endpoint: endpoint?.href ?? '',
      extraEndpoints: Object.fromEntries(extraEndpointsOf(provider, opts).map((e) => [e.name, e.url.href])),
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
