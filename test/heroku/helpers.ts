import type { Policy } from '../../src/assess/policy.js';
import type { InspectContext } from '../../src/core/provider.js';
import type { Credential } from '../../src/core/types.js';
import type { ReadOnlyHttp } from '../../src/inspect/http.js';
import { heroku } from '../../providers/heroku/index.js';
import { doubleContext, foundCredential, type Place } from '../helpers/found.js';

export function herokuCredential(token: string, place: Place = {}): Credential {
  return foundCredential('heroku', 'heroku-token', 'OAuth token', token, place);
}

export function contextFor(url: string, policy?: Policy): InspectContext & { http: ReadOnlyHttp } {
  return doubleContext(heroku, url, policy);
}
