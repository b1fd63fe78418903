import type { Report } from './model.js';

/** How many notes the terminal and the Action's log print before counting the rest. */
export const NOTES_SHOWN = 10;

/** What an org report adds that changes what "nothing found" means. */
interface OrgShape {
  org?: { repositoriesListed: number; shard: { index: number; total: number } | null };
  repositories?: unknown[];
}

/**
 * The sentence for a report without findings. "no credentials found" only when everything was
 * read and nothing found: otherwise say what happened (every credential in the baseline, no
 * repository to scan, notes about content that was not read or matches not counted).
 * `named`: say which target (the terminal); the pull-request comment leaves the runner's path out.
 */
export function emptyOutcome(report: Report & OrgShape, named = true): string {
  const suppressed = report.summary.baselineSuppressed ?? 0;
  const notes = report.notes.length;
  const seeNotes = notes > 0 ? `; ${notes} note(s) below say what was not read or not counted` : '';
  if (report.org && (report.repositories ?? []).length === 0) {
    if (report.org.shard)
      return `shard ${report.org.shard.index}/${report.org.shard.total} holds no repository${seeNotes}`;
    return report.org.repositoriesListed === 0
      ? `no repository was listed for the organization${seeNotes}`
      : `no repository matched the filter (${report.org.repositoriesListed} listed; --repos-filter, and archived repositories and forks unless included)${seeNotes}`;
  }
  if (suppressed > 0)
    return `all ${suppressed} credential(s) found${named ? ` in ${report.target}` : ''} are in the baseline${seeNotes}`;
  if (notes > 0) return `no credentials reported${named ? ` for ${report.target}` : ''}${seeNotes}`;
  return `no credentials found${named ? ` in ${report.target}` : ''}`;
}

/**
 * The report's notes (files skipped as oversized, unreadable or binary, rules stopped by the
 * time guard, allowlist suppressions, symlinks not followed, missing shards, HOME not set, ...):
 * the first `shown` verbatim, then a count and where to read the rest.
 */
export function notesSection(notes: string[], whereTheRestIs: string, shown = NOTES_SHOWN): string[] {
  if (notes.length === 0) return [];
  const lines = [`Notes (${notes.length}):`, ...notes.slice(0, shown).map((n) => `  ${n}`)];
  if (notes.length > shown) lines.push(`  ... and ${notes.length - shown} more: ${whereTheRestIs}`);
  return lines;
}

/** Where the terminal's reader finds every note. */
export const ALL_NOTES_IN_JSON = 'every note is in the JSON report (--format json, its "notes" field)';
