import { fingerprint } from '../core/secret.js';
import type { Finding } from '../core/types.js';

/**
 * With TOKENSCOPE_FINGERPRINT_KEY set, finding ids are HMACs, and a baseline or allowlist written
 * before the key was set (plain SHA-256 ids) silently matches nothing. Each credential still
 * reported is checked against its unkeyed id: a hit means the list was made without the key.
 */
export function unkeyedMatches(
  findings: Finding[],
  key: string | undefined,
  lists: { name: string; ids: ReadonlySet<string> }[],
): string[] {
  if (!key) return [];
  const notes: string[] = [];
  for (const { name, ids } of lists) {
    if (ids.size === 0) continue;
    const hits = findings.filter((f) => ids.has(fingerprint(f.credential.provider, f.credential.secret, ''))).length;
    if (hits > 0)
      notes.push(
        `${name} was made without TOKENSCOPE_FINGERPRINT_KEY: ${hits} credential(s) are in it only by their unkeyed id, so they are reported; make it again with the key set`,
      );
  }
  return notes;
}
