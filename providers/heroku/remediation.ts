import { mentions } from '../../src/assess/policy.js';
import { placeNames } from '../../src/assess/places.js';
import type { AssessInput } from '../../src/core/provider.js';
import { herokuFacts, OAUTH_DOCS_URL } from './model.js';

/** Names the narrowest Heroku credential that fits where the token was found. */
export function remediateHeroku(input: AssessInput): string | undefined {
  if (input.inspection.verification !== 'verified') return undefined;
  const f = herokuFacts(input.inspection.scope?.facts);
  if (!f) return undefined;
  const readOnly = mentions(placeNames(input.credential), ['read', 'readonly', 'monitor', 'status', 'dns', 'domain']);
  const scope = readOnly ? 'read' : 'write';
  const what = f.legacy
    ? 'this API key (regenerate it in Account settings)'
    : 'this authorization (`heroku authorizations:revoke`)';
  return (
    `Revoke ${what} and create a narrower one: \`heroku authorizations:create --scope ${scope} --expires-in 2592000\` ` +
    `(a \`${scope}\` authorization cannot read config vars or manage the account${scope === 'read' ? ', nor change any app' : ''}), ` +
    'made by a team member whose app permissions are only what the work needs (deploy, not manage). ' +
    `Keep it in a secret store, not in files (Heroku's OAuth scopes: ${OAUTH_DOCS_URL}).`
  );
}
