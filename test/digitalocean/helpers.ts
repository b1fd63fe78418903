import { DEFAULT_POLICY, type Policy } from '../../src/assess/policy.js';
import type { InspectContext } from '../../src/core/provider.js';
import { fingerprint, Secret } from '../../src/core/secret.js';
import type { Credential } from '../../src/core/types.js';
import { DEFAULT_HTTP_OPTIONS, ReadOnlyHttp } from '../../src/inspect/http.js';
import { digitalocean } from '../../providers/digitalocean/index.js';

export function doCredential(token: string, place: { path?: string; name?: string } = {}): Credential {
  const secret = new Secret(token);
  return {
    fingerprint: fingerprint('digitalocean', secret),
    ruleId: 'digitalocean-token',
    provider: 'digitalocean',
    kind: 'personal access token',
    secret,
    parts: {},
    locations: [{ path: place.path ?? '.env', line: 1, source: 'untracked' }],
    contexts: [place.name !== undefined ? { name: place.name } : {}],
  };
}

export function doContext(url: string, policy: Policy = DEFAULT_POLICY): InspectContext & { http: ReadOnlyHttp } {
  return {
    http: new ReadOnlyHttp(
      [new URL(url)],
      { ...DEFAULT_HTTP_OPTIONS, timeoutMs: 10_000 },
      undefined,
      digitalocean.operations,
    ),
    endpoint: url,
    policy,
    signal: new AbortController().signal,
    timeoutMs: 10_000,
    clients: {},
  };
}
