import { resolve } from 'node:path';
import { blockingGitFile } from '../../git/hazards.js';
import type { GitPlace } from '../../git/run.js';
import { historyWalk, type RawWalk } from './log-walk.js';
import { allRevs } from './revs.js';

/**
 * An audit of history starts git's walk before the command line has loaded (bin/tokenscope.js):
 * the main thread spends its first half second loading and planning, while one core is left
 * partly idle, and git's walk (about a quarter of a history audit's git CPU) can use it. The
 * audit takes the walk only when it is the one it would start itself (the same directory, the
 * same revisions); any other is stopped.
 */
interface Early {
  place: string;
  revs: string[];
  walk: RawWalk;
}

/**
 * The directory an audit will walk the history of, when the command line says so plainly:
 * `audit [PATH] ... --history ...`, with nothing that changes what is walked (`--branch`,
 * `--range`, `--staged`, `--stdin`) or ends the run at once. Anything else starts nothing: the
 * audit starts its own walk as it always does.
 */
export function plainHistoryAudit(argv: string[], cwd: string): string | undefined {
  if (argv[0] !== 'audit' || !argv.includes('--history')) return undefined;
  const changesWalk = /^--(?:branch|range|staged|stdin|no-history|help|version)(?:=|$)|^--history=/;
  if (argv.some((a) => changesWalk.test(a) || a === '-h')) return undefined;
  const path = argv[1] !== undefined && !argv[1].startsWith('-') ? argv[1] : '.';
  return resolve(cwd, path);
}

/** One early walk: started once, taken once (the process has one, `earlyWalk`; tests make their own). */
export class EarlyWalk {
  private started: Early | undefined;
  private revsAsked: { place: string; revs: Promise<string[]> } | undefined;

  /**
   * Starts the walk of `dir`'s history, read ahead as the audit's would be; resolves once git is
   * started (the caller starts its threads after: git forks sooner from a smaller process).
   * Nothing is started where git could wait forever (a named pipe in the git directory: the
   * audit says so itself), nor a second time. An untaken walk is stopped when the process exits.
   */
  async start(dir: string): Promise<void> {
    if (this.revsAsked || blockingGitFile(dir)) return;
    const revs = allRevs(dir);
    this.revsAsked = { place: dir, revs };
    process.once('exit', () => {
      if (this.started) void this.started.walk.close();
    });
    const r = await revs;
    this.started = { place: dir, revs: r, walk: historyWalk(dir, r) };
  }

  /** The revisions the walk was asked for, when it was for `dir` (asked once, shared with the audit). */
  revsFor(dir: string): Promise<string[]> | undefined {
    return this.revsAsked?.place === dir ? this.revsAsked.revs : undefined;
  }

  /** The walk, if it walks exactly `revs` in `place`; any other is stopped. Taken once. */
  take(place: GitPlace, revs: string[]): RawWalk | undefined {
    const early = this.started;
    if (!early) return undefined;
    this.started = undefined;
    if (early.place === place && early.revs.length === revs.length && early.revs.every((r, i) => r === revs[i]))
      return early.walk;
    void early.walk.close();
    return undefined;
  }
}

/** The process's early walk: bin/tokenscope.js starts it, the audit's history source takes it. */
export const earlyWalk = new EarlyWalk();
