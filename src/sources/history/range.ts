import { UsageError } from '../../config/load.js';
import type { CandidateSource, CredentialRefiner } from '../../core/audit.js';
import { fingerprint } from '../../core/secret.js';
import type { Credential, RiskSignal } from '../../core/types.js';
import type { Detector } from '../../detect/engine.js';
import { git } from '../git.js';
import { decode } from '../read.js';
import { BlobReader } from './cat-file.js';
import { PATCH_FLAGS, scanPatch } from './patch-source.js';
import { FETCH_FIX, mergeBase, requireRepo, resolveCommit, shallowBoundaries } from './repo.js';

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
  readonly stats = { hunks: 0, addedLines: 0 };
  private readonly gathered: string[] = [];
  private detector: Detector | undefined;

  constructor(
    private readonly r: Resolved,
    readonly commits: number,
  ) {}

  readonly source: CandidateSource = (detector) => {
    this.detector = detector;
    return scanPatch(detector, {
      cwd: this.r.cwd,
      // Merges show only what they wrote themselves (--cc); renames are renames (-M), not additions.
      args: [
        'log',
        '-p',
        '--cc',
        '-M',
        '--reverse',
        '--topo-order',
        ...PATCH_FLAGS,
        '--format=%x01%H %aI',
        `${this.r.base}..${this.r.head}`,
        '--',
      ],
      source: 'history',
      skip: this.r.skip,
      maxFileSize: this.r.maxFileSize,
      notes: this.gathered,
      stats: this.stats,
    });
  };

  notes(): string[] {
    return this.gathered;
  }

  /** Whether HEAD still holds each secret: HEAD's version of each file is scanned again. */
  async afterMerge(credentials: Credential[]): Promise<void> {
    const detector = this.detector;
    if (!detector) return;
    const paths = [
      ...new Set(credentials.flatMap((c) => c.locations.filter((l) => l.source === 'history').map((l) => l.path))),
    ];
    if (paths.length === 0) return;
    const atHead = new Set<string>();
    const reader = new BlobReader(this.r.cwd, this.r.maxFileSize);
    const feeding = (async () => {
      for (const p of paths) await reader.request(`${this.r.head}:${p}`);
      reader.end();
    })();
    let i = 0;
    for await (const answer of reader.read()) {
      const path = paths[i++]!;
      if (answer.kind !== 'blob') continue;
      const d = decode(answer.content);
      if ('binary' in d) continue;
      for (const c of detector.scan({ text: d.text, path, source: 'history' }))
        atHead.add(fingerprint(c.provider, c.secret));
    }
    await feeding;
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
