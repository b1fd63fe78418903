import type { InspectContext } from '../../src/core/provider.js';
import type { Credential } from '../../src/core/types.js';
import { getJson, type RestAnswer, shapeReaders } from '../../src/inspect/rest.js';

export const read = shapeReaders('npm');

/** One read-only GET to the configured registry with the token as a bearer token. */
export function npmGet(ctx: InspectContext, credential: Credential, path: string): Promise<RestAnswer> {
  return getJson(ctx, 'npm', path, { Authorization: `Bearer ${credential.secret.reveal()}` });
}
