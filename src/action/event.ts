import { resolveCommit } from '../sources/history/repo.js';
import { InputError, type ScanMode } from './inputs.js';

/** What one run scans, decided from the event; `cliArgs` turns it into the CLI's flags. */
export type ScanTarget =
  | { kind: 'range'; base: string; head: string }
  | { kind: 'branch'; ref: string }
  | { kind: 'full' }
  | { kind: 'none'; reason: string };

/** The pull request a run belongs to: where the comment goes. */
export interface PullRequestRef {
  owner: string;
  repo: string;
  number: number;
  /** pull_request.base.sha: the commit whose config governs the run (config.ts), '' when absent. */
  baseSha: string;
  headSha: string;
  /** The head lives in another repository: the workflow token is read-only there. */
  fork: boolean;
}

export interface ScanPlan {
  mode: ScanMode;
  /** The event is pull_request or pull_request_target: the checkout holds content the PR author controls. */
  pullRequestEvent: boolean;
  target: ScanTarget;
  /** One phrase for the summary and the comment: what was scanned. */
  description: string;
  notes: string[];
  pullRequest?: PullRequestRef;
}

/** A push's `before` when the branch is new (and its `after` when the branch was deleted). */
export const ZERO_SHA = /^0{40}$|^0{64}$/;

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === 'object' ? (v as Json) : {});
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const short = (sha: string) => sha.slice(0, 7);

export function cliArgs(target: ScanTarget): string[] {
  switch (target.kind) {
    case 'range':
      return ['--range', `${target.base}..${target.head}`];
    case 'branch':
      return ['--branch', target.ref];
    case 'full':
      return ['--history'];
    case 'none':
      return [];
  }
}

const PR_EVENTS = new Set(['pull_request', 'pull_request_target']);

function defaultMode(eventName: string): ScanMode {
  if (PR_EVENTS.has(eventName) || eventName === 'merge_group') return 'pr';
  if (eventName === 'push') return 'push';
  return 'full';
}

function pullRequestOf(payload: Json, repository: string): PullRequestRef | undefined {
  const pr = obj(payload['pull_request']);
  const number = Number(pr['number'] ?? payload['number']);
  if (!Number.isInteger(number) || number <= 0) return undefined;
  const base = obj(pr['base']);
  const head = obj(pr['head']);
  const [owner = '', repo = ''] = (repository || str(obj(obj(base['repo'])).full_name)).split('/');
  const headRepo = str(obj(head['repo'])['full_name']);
  const baseRepo = str(obj(base['repo'])['full_name']) || repository;
  return {
    owner,
    repo,
    number,
    baseSha: str(base['sha']),
    headSha: str(head['sha']),
    // A deleted fork leaves head.repo null: treat it as a fork (its token is read-only too).
    fork: headRepo === '' || headRepo !== baseRepo,
  };
}

function prTarget(eventName: string, payload: Json): { target: ScanTarget; description: string } {
  if (eventName === 'merge_group') {
    const group = obj(payload['merge_group']);
    const base = str(group['base_sha']);
    const head = str(group['head_sha']);
    if (base && head) {
      return {
        target: { kind: 'range', base, head },
        description: `the merge group's commits (${short(base)}..${short(head)})`,
      };
    }
  }
  const pr = obj(payload['pull_request']);
  const base = str(obj(pr['base'])['sha']);
  const head = str(obj(pr['head'])['sha']);
  if (!base || !head) {
    throw new InputError(
      `input scan: 'pr' needs a pull_request event (this run is '${eventName}', whose payload names no base and head commits); use scan: full`,
    );
  }
  return {
    target: { kind: 'range', base, head },
    description: `the commits of pull request #${pr['number'] ?? payload['number']} (${short(base)}..${short(head)})`,
  };
}

/**
 * A push: what `before..after` added. A new branch has an all-zero `before`: then what the branch
 * adds to the default branch (the commits not reachable from origin/<default>), or, when the
 * pushed branch is the default branch or the default branch was not fetched, the branch's whole
 * history. A force-push whose `before` this clone no longer has is handled the same way.
 */
async function pushTarget(
  payload: Json,
  root: string,
  notes: string[],
): Promise<{ target: ScanTarget; description: string }> {
  const before = str(payload['before']);
  const after = str(payload['after']);
  const ref = str(payload['ref']);
  if (!after)
    throw new InputError(`input scan: 'push' needs a push event (the payload names no 'after' commit); use scan: full`);
  if (ZERO_SHA.test(after) || payload['deleted'] === true) {
    return {
      target: { kind: 'none', reason: `${ref || 'the ref'} was deleted; nothing to scan` },
      description: 'nothing (a deleted ref)',
    };
  }
  const fresh = !before || ZERO_SHA.test(before);
  if (!fresh && (await resolveCommit(root, before))) {
    return {
      target: { kind: 'range', base: before, head: after },
      description: `the pushed commits (${short(before)}..${short(after)})`,
    };
  }
  if (!fresh && payload['forced'] !== true) {
    // Not a force-push, so the clone should have it: let the CLI name the missing commit and the fix.
    return {
      target: { kind: 'range', base: before, head: after },
      description: `the pushed commits (${short(before)}..${short(after)})`,
    };
  }
  const why = fresh ? 'a new branch' : `a force-push (the old tip ${short(before)} is gone)`;
  const defaultBranch = str(obj(payload['repository'])['default_branch']);
  const onDefault = defaultBranch !== '' && ref === `refs/heads/${defaultBranch}`;
  const upstream = defaultBranch && !onDefault ? `refs/remotes/origin/${defaultBranch}` : '';
  if (upstream && (await resolveCommit(root, upstream))) {
    notes.push(`${why}: scanned what ${short(after)} adds to origin/${defaultBranch}`);
    return {
      target: { kind: 'range', base: upstream, head: after },
      description: `the commits ${ref.replace(/^refs\/heads\//, '')} adds to ${defaultBranch} (${why})`,
    };
  }
  notes.push(
    onDefault || !defaultBranch
      ? `${why}: scanned the whole history of ${short(after)}`
      : `${why}: origin/${defaultBranch} is not in this clone, so the whole history of ${short(after)} was scanned`,
  );
  return { target: { kind: 'branch', ref: after }, description: `the whole history of ${short(after)} (${why})` };
}

/** Chooses what to scan from the event name, its payload and the `scan` input. */
export async function planScan(
  eventName: string,
  payload: Json,
  scanInput: ScanMode | '',
  root: string,
  repository: string,
): Promise<ScanPlan> {
  const mode = scanInput || defaultMode(eventName);
  const notes: string[] = [];
  const pullRequest = PR_EVENTS.has(eventName) ? pullRequestOf(payload, repository) : undefined;
  const common = { mode, notes, pullRequestEvent: PR_EVENTS.has(eventName), ...(pullRequest ? { pullRequest } : {}) };
  switch (mode) {
    case 'pr':
      return { ...common, ...prTarget(eventName, payload) };
    case 'push':
      return { ...common, ...(await pushTarget(payload, root, notes)) };
    case 'full':
      return {
        ...common,
        target: { kind: 'full' },
        description: 'the whole repository: the working tree and every commit of every branch',
      };
  }
}
