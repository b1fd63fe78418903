import type { Policy } from '../../src/assess/policy.js';
import type { InspectContext } from '../../src/core/provider.js';
import type { Credential } from '../../src/core/types.js';
import type { ReadOnlyHttp } from '../../src/inspect/http.js';
import { railway } from '../../providers/railway/index.js';
import { doubleContext, foundCredential, type Place } from '../helpers/found.js';

/** A Railway credential as the detector would hand it over: found at `path`, assigned to `name`. */
export function railwayCredential(token: string, place: Place = {}): Credential {
  return foundCredential('railway', 'railway-token', 'API token', token, place);
}

/** An inspection context whose only door is a real ReadOnlyHttp pinned to the double. */
/** The per-request timeout of the Railway tests' context. */
export const RAILWAY_TEST_TIMEOUT_MS = 1500;

export function contextFor(url: string, policy?: Policy): InspectContext & { http: ReadOnlyHttp } {
  // 1.5 s per request: the double answers in milliseconds, but a loaded 2-core machine can take
  // longer than 500 ms to schedule it (a hang still ends within the bound).
  return doubleContext(railway, url, policy, RAILWAY_TEST_TIMEOUT_MS);
}
