import { randomInt } from 'node:crypto';
import { isPlaceholder } from '../../src/core/placeholders.js';

const HEX = '0123456789abcdef';
const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const LOWER = '0123456789abcdefghijklmnopqrstuvwxyz';
const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** `n` random characters of `alphabet`, with no placeholder word in them (the detector drops those). */
export function chars(alphabet: string, n: number): string {
  for (;;) {
    const s = Array.from({ length: n }, () => alphabet[randomInt(alphabet.length)]).join('');
    if (!isPlaceholder(s)) return s;
  }
}

/**
 * Fresh tokens in each provider's documented shape (the formats the rules were written from),
 * known to nobody. None of these formats has a checksum.
 */
export const MAKE = {
  buildkite: () => `bkua_${chars(HEX, 40)}`,
  circleci: () => `CCIPAT_${chars(BASE58, 22)}_${chars(HEX, 40)}`,
  travis: () => chars(ALNUM, 22),
  terraform: () => `${chars(ALNUM, 14)}.atlasv1.${chars(ALNUM, 67)}`,
  pulumi: () => `pul-${chars(HEX, 40)}`,
  doppler: () => `dp.pt.${chars(ALNUM, 43)}`,
  sentry: () => `sntryu_${chars(HEX, 64)}`,
  notion: () => `ntn_${chars('0123456789', 11)}${chars(ALNUM, 35)}`,
  figma: () => `figd_${chars(ALNUM, 40)}`,
  airtable: () => `pat${chars(ALNUM, 14)}.${chars(HEX, 64)}`,
  asana: () => `2/${chars('123456789', 16)}/${chars('123456789', 16)}:${chars(HEX, 32)}`,
  postman: () => `PMAK-${chars(HEX, 24)}-${chars(HEX, 34)}`,
  replicate: () => `r8_${chars(ALNUM, 37)}`,
  groq: () => `gsk_${chars(ALNUM, 52)}`,
  mistral: () => chars(ALNUM, 32),
  together: () => `tgp_v1_${chars(ALNUM, 43)}`,
  elevenlabs: () => `sk_${chars(HEX, 48)}`,
  discord: () => `M${chars(ALNUM, 25)}.${chars(ALNUM, 6)}.${chars(ALNUM, 38)}`,
  okta: () => `00${chars(ALNUM, 40)}`,
  honeycomb: () => `hcaik_${chars(LOWER, 58)}`,
  // A service token: hvs. and a base64url protobuf, which begins CAES.
  cohere: () => chars(ALNUM, 40),
  linear: () => `lin_api_${chars(ALNUM, 40)}`,
  newrelic: () => `NRAK-${chars('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', 27)}`,
  // A general access key: 20 characters (user keys begin u+).
  pagerduty: () => chars(`${ALNUM}_-`, 20),
  shopify: () => `shpat_${chars(HEX, 32)}`,
  vault: () => `hvs.CAES${chars(`${ALNUM}_-`, 88)}`,
} as const;
