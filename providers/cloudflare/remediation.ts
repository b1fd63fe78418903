import { words } from '../../src/assess/policy.js';
import type { AssessInput } from '../../src/core/provider.js';
import { placeNames } from '../railway/places.js';
import { type CfFacts, cfFacts, type CfZone, TOKENS_DOCS_URL } from './model.js';

/** The zone the token is for: the only one it reaches, or the one its place names. */
function targetZone(f: CfFacts, names: string[]): CfZone | undefined {
  if (f.zones.length === 1) return f.zones[0];
  const said = new Set(names.flatMap(words));
  return f.zones.find((z) => words(z.name).every((w) => said.has(w)));
}

/** Names the narrower Cloudflare credential: one zone, one permission, a TTL. */
export function remediateCloudflare(input: AssessInput): string | undefined {
  if (input.inspection.verification !== 'verified') return undefined;
  const docs = `Cloudflare's token docs: ${TOKENS_DOCS_URL}`;
  const f = cfFacts(input.inspection.scope?.facts);
  if (!f) {
    return `Delete this Global API Key's use: make an API token limited to one zone and one permission, with a TTL, instead; the Global API Key cannot be narrowed (${docs}).`;
  }
  const zone = targetZone(f, placeNames(input.credential));
  const where = zone ? `zone «${zone.name}» only` : 'the one zone it is used for';
  return `Roll this token and replace it with one limited to ${where} and one permission (e.g. Zone → DNS → Edit for DNS work), without API Tokens permissions, and with a TTL. Keep it in a secret store, not in files (${docs}).`;
}
