import { DEFAULT_POLICY, type Policy } from '../../src/assess/policy.js';
import type { InspectContext } from '../../src/core/provider.js';
import { fingerprint, Secret } from '../../src/core/secret.js';
import type { Credential, SourceLabel } from '../../src/core/types.js';
import { DEFAULT_HTTP_OPTIONS, ReadOnlyHttp } from '../../src/inspect/http.js';
import { flyio } from '../../providers/flyio/index.js';

/** A Fly.io credential as the detector would hand it over: found at `path`, assigned to `name`. */
export function flyCredential(
  token: string,
  place: { path?: string; name?: string; source?: SourceLabel } = {},
): Credential {
  const secret = new Secret(token);
  const macaroon = token.includes('fm2_');
  return {
    fingerprint: fingerprint('flyio', secret),
    ruleId: macaroon ? 'flyio-macaroon' : 'flyio-auth-token',
    provider: 'flyio',
    kind: macaroon ? 'macaroon token' : 'user auth token',
    secret,
    parts: {},
    locations: [{ path: place.path ?? '.env', line: 1, source: place.source ?? 'untracked' }],
    contexts: [place.name !== undefined ? { name: place.name } : {}],
  };
}

/** An inspection context whose only door is a real ReadOnlyHttp pinned to the double. */
export function flyContext(url: string, policy: Policy = DEFAULT_POLICY): InspectContext & { http: ReadOnlyHttp } {
  return {
    http: new ReadOnlyHttp([new URL(url)], { ...DEFAULT_HTTP_OPTIONS, timeoutMs: 10_000 }, undefined, flyio.operations),
    endpoint: url,
    policy,
    signal: new AbortController().signal,
    timeoutMs: 10_000,
    clients: {},
  };
}
