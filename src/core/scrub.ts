import type { Credential } from './types.js';

/**
 * Removes a credential's raw values from a message (an SDK error may echo what it was sent).
 * The last line of defence: code should never put a secret in a message in the first place.
 */
export function scrub(message: string, credential: Credential): string {
  let out = message;
  for (const s of [credential.secret, ...Object.values(credential.parts)]) {
    const raw = s.reveal();
    if (raw.length >= 4) out = out.split(raw).join(s.redacted);
  }
  return out;
}
