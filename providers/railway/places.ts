import type { Credential } from '../../src/core/types.js';

/**
 * The names a found credential carries: the variables it was assigned to first (the most telling:
 * RAILWAY_DOMAIN_TOKEN), then sections, then the paths of the files that hold it.
 */
export function placeNames(credential: Credential): string[] {
  const names = [
    ...credential.contexts.flatMap((c) => (c.name ? [c.name] : [])),
    ...credential.contexts.flatMap((c) => (c.section ? [c.section] : [])),
    ...credential.locations.map((l) => l.path),
  ];
  return [...new Set(names)];
}
