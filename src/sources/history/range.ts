import { UsageError } from '../../config/load.js';
import type { CredentialRefiner, PlainFragment, ScanMore, Source } from '../../core/source.js';
import { fingerprint } from '../../core/secret.js';
import type { Credential, RiskSignal } from '../../core/types.js';
import { git } from '../git.js';
import { AddedSource, newAddedStats } from './added.js';
import { readBlobs } from './cat-file.js';
import { COMMIT_HEADER, RAW_FLAGS } from './log-walk.js';
import { FETCH_FIX, mergeBase, requireRepo, resolveCommit, shallowBoundaries } from './repo.js';
import { treeEntries } from './tree.js';

export interface RangeSpec {
  base: string;
  head: string;
}

/** `BASE..HEAD` or `BASE...HEAD`; HEAD may be left out. */
export function parseRange(spec: string): RangeSpec {
  const m = /^(.+?)\.\.\.?(.*)$/.exec(spec.trim());
  if (!m?.[1]) throw new UsageError(`--range: expected BASE..HEAD, got '${spec}'`);
  return { base: m[1], head: m[2] || 'HEAD' };
}

export type RangePlan = { kind: 'empty'; message: string } | { kind: 'scan'; scan: RangeScan; message?: string };

interface Resolved {
  cwd: string;
  base: string;
  head: string;
  skip: string[];
  maxFileSize: number;
}

const short = (sha: string) => sha.slice(0, 7);

/**
 * Pull-request mode: what the commits of BASE..HEAD added, and nothing else. Resolves the range
 * first, so that every way it can be wrong is one clear line: a commit this clone lacks (a
 * shallow checkout) names the commit and the fetch-depth fix.
 */
export async function planRange(cwd: string, spec: string, skip: string[], maxFileSize: number): Promise<RangePlan> {
  const gitDir = await requireRepo(cwd, '--range');
  const { base: baseRef, head: headRef } = parseRange(spec);
  const shallow = shallowBoundaries(gitDir);
  // Fetching more history can only help in a shallow clone; in a full one the name is wrong.
  const missing = (ref: string) =>
    shallow.size > 0
      ? new UsageError(`--range: commit ${ref} is not in this shallow clone; ${FETCH_FIX}`)
      : new UsageError(`--range: no commit named '${ref}' in ${cwd}`);
  const head = await resolveCommit(cwd, headRef);
  if (!head) throw missing(headRef);
  const base = await resolveCommit(cwd, baseRef);
  if (!base) throw missing(baseRef);
  if (base === head)
    return {
      kind: 'empty',
      message: `--range ${spec}: BASE and HEAD are the same commit (${short(head)}); nothing to scan`,
    };

  const mb = await mergeBase(cwd, base, head);
  let message: string | undefined;
  if (!mb) {
    if (shallow.size > 0) {
      // Name the cut on HEAD's side: that is where the walk towards BASE stops.
      const reach = (await git(cwd, ['rev-list', head])).split('\n');
      const cut = reach.find((c) => shallow.has(c)) ?? [...shallow][0]!;
      throw new UsageError(
        `--range: the history between ${short(base)} and ${short(head)} is cut short at ${short(cut)} (shallow clone); ${FETCH_FIX}`,
      );
    }
    message = `--range: ${short(base)} and ${short(head)} share no history; scanned every commit of ${headRef}`;
  } else if (mb !== base) {
    message = `--range: ${short(base)} is not an ancestor of ${short(head)} (a force-push or a moved base); scanned from their merge base ${short(mb)}`;
  }
  // BASE..HEAD is git's "reachable from HEAD, not from BASE": the commits since the merge base.
  const commits = (await git(cwd, ['rev-list', `${base}..${head}`])).split('\n').filter(Boolean);
  if (commits.length === 0) {
    return { kind: 'empty', message: `--range ${spec}: HEAD adds no commit to BASE; nothing to scan` };
  }
  // A cut-off commit inside the range would look like it adds its whole tree.
  const cut = commits.find((c) => shallow.has(c));
  if (cut)
    throw new UsageError(`--range: the parent of commit ${short(cut)} is not in this shallow clone; ${FETCH_FIX}`);
  return {
    kind: 'scan',
    scan: new RangeScan({ cwd, base, head, skip, maxFileSize }, commits.length),
    ...(message ? { message } : {}),
  };
}

export class RangeScan implements CredentialRefiner {
  readonly stats = newAddedStats();
  private readonly gathered: string[] = [];

  readonly source: Source;

  constructor(
    private readonly r: Resolved,
    readonly commits: number,
  ) {
    this.source = new AddedSource({
      place: this.r.cwd,
      // Each commit's changes, oldest first; a merge lists only the files that differ from every
      // parent (what it wrote itself); renames are renames (-M), not additions.
      args: [
        'log',
        '--reverse',
        '--topo-order',
        '-M',
        '--diff-merges=combined',
        '--root',
        ...RAW_FLAGS,
        COMMIT_HEADER,
        `${this.r.base}..${this.r.head}`,
        '--',
      ],
      source: 'history',
      skip: this.r.skip,
      maxFileSize: this.r.maxFileSize,
      notes: this.gathered,
      stats: this.stats,
    });
  }

  notes(): string[] {
    return this.gathered;
  }

  /** Whether HEAD still holds each secret: HEAD's version of each file is scanned again. */
  async afterMerge(credentials: Credential[], scan: ScanMore): Promise<void> {
    const paths = [
      ...new Set(credentials.flatMap((c) => c.locations.filter((l) => l.source === 'history').map((l) => l.path))),
    ];
    if (paths.length === 0) return;
    const atHead = new Set<string>();
    // HEAD's blob for each path, found in its tree: paths never travel to cat-file as text.
    const wanted = new Set(paths);
    const blobs: Array<{ path: string; oid: string }> = [];
    for await (const e of treeEntries(this.r.cwd, this.r.head)) {
      if (e.type === 'blob' && wanted.has(e.path)) blobs.push({ path: e.path, oid: e.oid });
    }
    const versions: PlainFragment[] = [];
    for await (const [{ path }, answer] of readBlobs(this.r.cwd, this.r.maxFileSize, blobs, (b) => b.oid)) {
      if (answer.kind === 'blob')
        versions.push({ meta: { path, source: 'history' }, content: { bytes: answer.content } });
    }
    for (const o of await scan(versions)) for (const c of o.found) atHead.add(fingerprint(c.provider, c.secret));
    for (const cred of credentials) {
      const present = atHead.has(cred.fingerprint);
      for (const l of cred.locations) if (l.source === 'history') l.presentAtHead = present;
    }
  }

  risks(credential: Credential): RiskSignal[] {
    const loc = credential.locations.find((l) => l.source === 'history' && l.presentAtHead === false);
    if (!loc?.commit) return [];
    return [
      {
        id: 'removed-but-in-history',
        severity: 'info',
        message: `added in ${short(loc.commit)} and gone by ${short(this.r.head)}, but still in the branch's history`,
      },
    ];
  }
}
