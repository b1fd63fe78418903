/**
 * Network errors that mean the provider was never asked (no route, no name, nothing listening):
 * the credential is `unverified`, as with --offline. A provider that was reached and then failed
 * (a reset, a timeout, a 5xx, nonsense) makes it `error`.
 */
const NEVER_ASKED = /\b(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ENETUNREACH|EHOSTUNREACH|ENETDOWN)\b/;

export function neverAsked(text: string | undefined): boolean {
  return text !== undefined && NEVER_ASKED.test(text);
}
