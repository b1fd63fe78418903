import { DEFAULT_POLICY, type Policy } from '../../src/assess/policy.js';
import type { InspectContext } from '../../src/core/provider.js';
import { fingerprint, Secret } from '../../src/core/secret.js';
import type { Credential, SourceLabel } from '../../src/core/types.js';
import { DEFAULT_HTTP_OPTIONS, ReadOnlyHttp } from '../../src/inspect/http.js';

/** A Railway credential as the detector would hand it over: found at `path`, assigned to `name`. */
export function railwayCredential(
  token: string,
  place: { path?: string; name?: string; source?: SourceLabel } = {},
): Credential {
  const secret = new Secret(token);
  return {
    fingerprint: fingerprint('railway', secret),
    ruleId: 'railway-token',
    provider: 'railway',
    kind: 'API token',
    secret,
    parts: {},
    locations: [{ path: place.path ?? '.env', line: 1, source: place.source ?? 'untracked' }],
    contexts: [place.name !== undefined ? { name: place.name } : {}],
  };
}

/** An inspection context whose only door is a real ReadOnlyHttp pinned to the double. */
export function contextFor(url: string, policy: Policy = DEFAULT_POLICY): InspectContext & { http: ReadOnlyHttp } {
  return {
    http: new ReadOnlyHttp([new URL(url)], { ...DEFAULT_HTTP_OPTIONS, timeoutMs: 500 }),
    endpoint: url,
    policy,
    signal: new AbortController().signal,
    timeoutMs: 500,
    clients: {},
  };
}
