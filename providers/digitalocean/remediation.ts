import { mentions } from '../../src/assess/policy.js';
import type { AssessInput } from '../../src/core/provider.js';
import { placeNames } from '../railway/places.js';
import { doFacts, isClassic, SCOPES_DOCS_URL } from './model.js';

/** The custom scopes a purpose needs, from the words of the place the token was found. */
function scopesFor(names: string[]): string {
  if (mentions(names, ['dns', 'domain'])) return '`domain:read` and `domain:update` only';
  if (mentions(names, ['backup', 'snapshot'])) return '`droplet:read` and `snapshot:create` only';
  if (mentions(names, ['readonly', 'read', 'monitor', 'monitoring']))
    return '`*:read` scopes only, without `database:view_credentials`';
  return 'the create/read/update scopes of the resource types it is used for, and no `*:delete`';
}

/** Names the narrower DigitalOcean credential: a custom-scope token with an expiry. */
export function remediateDigitalOcean(input: AssessInput): string | undefined {
  if (input.inspection.verification !== 'verified') return undefined;
  const f = doFacts(input.inspection.scope?.facts);
  if (!f) return undefined;
  const docs = `DigitalOcean's token scopes: ${SCOPES_DOCS_URL}`;
  const scopes = scopesFor(placeNames(input.credential));
  if (!isClassic(f)) {
    return `This token already has custom scopes: revoke it, since it was found in files, and make its replacement with ${scopes}, and an expiry, kept in a secret store (${docs}).`;
  }
  return `Revoke this token and create a custom-scope token with ${scopes}, and an expiry (Full Access can delete every Droplet, volume and database of the team). Keep it in a secret store, not in files (${docs}).`;
}
