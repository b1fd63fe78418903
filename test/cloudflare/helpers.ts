import { fingerprint, Secret } from '../../src/core/secret.js';
import type { Credential } from '../../src/core/types.js';

/** A Cloudflare credential as the detector would hand it over (a Global API Key with its email as a part). */
export function cfCredential(token: string, place: { path?: string; name?: string; email?: string } = {}): Credential {
  const secret = new Secret(token);
  return {
    fingerprint: fingerprint('cloudflare', secret),
    ruleId: 'cloudflare-api-token',
    provider: 'cloudflare',
    kind: 'user API token',
    secret,
    parts: place.email ? { email: new Secret(place.email) } : {},
    locations: [{ path: place.path ?? '.env', line: 1, source: 'untracked' }],
    contexts: [place.name !== undefined ? { name: place.name } : {}],
  };
}
