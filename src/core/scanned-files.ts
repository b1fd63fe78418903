import type { ScanOutcome } from './source.js';
import type { Candidate, SourceLabel } from './types.js';

/**
 * The working tree's outcomes by path and blob id, for a later source of the same run (history)
 * that meets the same bytes at the same path: scanning them again could only find the same
 * candidates at another place. Detection depends on the bytes, the path and (for a config rule
 * allowed by commit) the commit; the audit does not share outcomes when a rule looks at commits.
 *
 * Only clean outcomes are kept: one the detector gave up on (a rule over its time budget) or a
 * file not scanned for any reason but being binary is scanned again where it turns up.
 */
export class ScannedFiles {
  private readonly byPath = new Map<string, { blob: string; outcome: ScanOutcome }>();
  /** Paths whose fragment was drawn and is not settled yet. */
  private readonly pending = new Set<string>();
  private drawing = true;
  private wake: (() => void) | undefined;
  private readonly settled = new Promise<void>((resolve) => {
    this.wake = resolve;
  });

  /** The working tree drew this path's fragment. */
  drawn(path: string): void {
    this.pending.add(path);
  }

  /** What scanning it came to (its blob id included, when it was read). */
  record(path: string, outcome: ScanOutcome): void {
    this.pending.delete(path);
    if (outcome.blob && !outcome.notes?.length && (!outcome.skipped || outcome.skipped === 'binary'))
      this.byPath.set(path, { blob: outcome.blob, outcome });
    this.check();
  }

  /** The working tree drew its last fragment. */
  finished(): void {
    this.drawing = false;
    this.check();
  }

  private check(): void {
    if (!this.drawing && this.pending.size === 0) this.wake?.();
  }

  /**
   * The outcome of `blob` at `path`, placed as `place` says (history's source label, commit and
   * date), or undefined when the working tree did not hold exactly that blob there. Waits only
   * when the path's own scan is still running.
   */
  async take(
    path: string,
    blob: string,
    place: { source: SourceLabel; commit?: string; date?: string },
  ): Promise<ScanOutcome | undefined> {
    if (this.pending.has(path) || (this.drawing && !this.byPath.has(path))) await this.settled;
    const hit = this.byPath.get(path);
    if (!hit || hit.blob !== blob) return undefined;
    const { outcome } = hit;
    const relocated = (c: Candidate): Candidate => {
      const { commit: _c, date: _d, ...rest } = c.location;
      return {
        ...c,
        context: { ...c.context },
        location: {
          ...rest,
          source: place.source,
          ...(place.commit ? { commit: place.commit } : {}),
          ...(place.date ? { date: place.date } : {}),
        },
      };
    };
    return {
      found: outcome.found.map(relocated),
      bytes: outcome.bytes,
      ...(outcome.skipped ? { skipped: outcome.skipped } : {}),
    };
  }
}
