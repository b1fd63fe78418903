import { DEFAULT_POLICY, type Policy } from '../../src/assess/policy.js';
import type { InspectContext, Provider } from '../../src/core/provider.js';
import { fingerprint, Secret } from '../../src/core/secret.js';
import type { Credential, SourceLabel } from '../../src/core/types.js';
import { DEFAULT_HTTP_OPTIONS, ReadOnlyHttp } from '../../src/inspect/http.js';

export interface Place {
  path?: string;
  name?: string;
  source?: SourceLabel;
}

/** A credential as the detector would hand it over: found at `path`, assigned to `name`. */
export function foundCredential(
  provider: string,
  ruleId: string,
  kind: string,
  token: string,
  place: Place = {},
): Credential {
  const secret = new Secret(token);
  return {
    fingerprint: fingerprint(provider, secret),
    ruleId,
    provider,
    kind,
    secret,
    parts: {},
    locations: [{ path: place.path ?? '.env', line: 1, source: place.source ?? 'untracked' }],
    contexts: [place.name !== undefined ? { name: place.name } : {}],
  };
}

/** An inspection context whose only door is a real ReadOnlyHttp pinned to the double, with the provider's list. */
export function doubleContext(
  provider: Provider,
  url: string,
  policy: Policy = DEFAULT_POLICY,
  timeoutMs = 500,
): InspectContext & { http: ReadOnlyHttp } {
  return {
    http: new ReadOnlyHttp([new URL(url)], { ...DEFAULT_HTTP_OPTIONS, timeoutMs }, undefined, provider.operations),
    endpoint: url,
    policy,
    signal: new AbortController().signal,
    timeoutMs,
    clients: {},
  };
}
