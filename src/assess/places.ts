import type { Credential } from '../core/types.js';
import { mentions, words } from './policy.js';

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

/** The first of `names` that uses a word of `vocabulary`, and that word. */
export function firstMention(names: string[], vocabulary: string[]): { name: string; word: string } | undefined {
  for (const name of names) {
    const word = mentions([name], vocabulary);
    if (word !== undefined) return { name, word };
  }
  return undefined;
}

/** `a; b; c; and 4 more`: messages name resources, but stay readable for a token that reaches hundreds. */
export function listSome(items: string[], max = 4): string {
  if (items.length <= max) return items.join('; ');
  return `${items.slice(0, max).join('; ')}; and ${items.length - max} more`;
}

/**
 * The project a credential's place names (every word of its name said there: `apps/storefront/.env`
 * names "storefront"), else the only one it reaches: the project a narrower credential is for.
 */
export function namedProject<P extends { name: string }>(credential: Credential, projects: P[]): P | undefined {
  const said = new Set(placeNames(credential).flatMap(words));
  return (
    projects.find((p) => words(p.name).length > 0 && words(p.name).every((w) => said.has(w))) ??
    (projects.length === 1 ? projects[0] : undefined)
  );
}
