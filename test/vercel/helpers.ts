import type { Policy } from '../../src/assess/policy.js';
import type { InspectContext } from '../../src/core/provider.js';
import type { Credential } from '../../src/core/types.js';
import type { ReadOnlyHttp } from '../../src/inspect/http.js';
import { vercel } from '../../providers/vercel/index.js';
import { doubleContext, foundCredential, type Place } from '../helpers/found.js';

export function vercelCredential(token: string, place: Place = {}): Credential {
  return foundCredential('vercel', 'vercel-token', 'access token', token, place);
}

export function contextFor(url: string, policy?: Policy): InspectContext & { http: ReadOnlyHttp } {
  return doubleContext(vercel, url, policy);
}
