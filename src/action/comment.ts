import type { Octokit } from '@octokit/rest';
import { renderMarkdown } from '../report/markdown.js';
import { mdText } from '../report/md.js';
import type { Report } from '../report/model.js';
import { cleanText } from '../report/sanitize.js';
import type { PullRequestRef } from './event.js';

/** Marks our one comment among the PR's comments; only a bot's comment counts (see `isOurs`). */
export const MARKER = '<!-- tokenscope -->';
const RESOLVED_MARKER = '<!-- tokenscope:resolved -->';

const short = (sha: string) => sha.slice(0, 7);

export function findingsBody(report: Report, description: string, headSha: string): string {
  return [
    MARKER,
    renderMarkdown(report).trimEnd(),
    '',
    // The description can name a branch, which the pull request's author chose.
    `<sub>Scanned ${mdText(cleanText(description))}${headSha ? ` at ${mdText(short(headSha))}` : ''}. This comment is updated on every push.</sub>`,
    '',
  ].join('\n');
}

export function resolvedBody(headSha: string): string {
  return [
    MARKER,
    RESOLVED_MARKER,
    '## tokenscope',
    '',
    `✅ **Resolved**: as of ${headSha ? `\`${short(headSha)}\`` : 'the latest push'}, this pull request no longer adds a credential.`,
    '',
    'A credential pushed earlier stays readable in the pull request on GitHub: rotate it if it was live.',
    '',
  ].join('\n');
}

interface ListedComment {
  body?: string | undefined;
  user?: { type?: string } | null;
}

/**
 * The marker alone proves nothing: anyone who can comment can post it, first. Taking such a
 * comment would make us edit the PR author's comment (or fail with 403, leaving no findings
 * comment at all). Comments written with the workflow's token are by a Bot (github-actions[bot]
 * for GITHUB_TOKEN), which a person's account never is.
 */
export function isOurs(c: ListedComment): boolean {
  return c.user?.type === 'Bot' && (c.body?.includes(MARKER) ?? false);
}

export type CommentOutcome =
  | { kind: 'created' | 'updated' | 'resolved'; id: number }
  | { kind: 'none'; why: string }
  | { kind: 'failed'; why: string };

/** GitHub's answer, in one short line: status and message, nothing from our request. */
function describeFailure(e: unknown, pr: PullRequestRef): string {
  const err = e as { status?: number; message?: string };
  const said = (err.message ?? String(e)).split('\n')[0]!.slice(0, 200);
  const status = typeof err.status === 'number' ? `HTTP ${err.status}: ` : '';
  const hint =
    err.status === 403 || err.status === 404
      ? pr.fork
        ? '; a pull request from a fork runs with a read-only token'
        : '; the workflow needs `permissions: pull-requests: write`'
      : '';
  return `${status}${said}${hint}`;
}

/**
 * One comment per pull request, kept current: created when the PR first adds a credential,
 * edited in place on every later push, and marked resolved (not deleted, so reviewers see why
 * the earlier warning went away) once the PR no longer adds one. Never throws: a failed write is
 * returned, the job's summary and annotations carry the same report.
 */
export async function syncComment(
  octokit: Octokit,
  pr: PullRequestRef,
  report: Report,
  description: string,
): Promise<CommentOutcome> {
  const where = { owner: pr.owner, repo: pr.repo };
  try {
    const comments = await octokit.paginate(octokit.rest.issues.listComments, {
      ...where,
      issue_number: pr.number,
      per_page: 100,
    });
    const ours = comments.find(isOurs);
    if (report.findings.length === 0) {
      if (!ours) return { kind: 'none', why: 'no credential, no earlier comment' };
      if (ours.body?.includes(RESOLVED_MARKER)) return { kind: 'none', why: 'already marked resolved' };
      await octokit.rest.issues.updateComment({ ...where, comment_id: ours.id, body: resolvedBody(pr.headSha) });
      return { kind: 'resolved', id: ours.id };
    }
    const body = findingsBody(report, description, pr.headSha);
    if (ours) {
      await octokit.rest.issues.updateComment({ ...where, comment_id: ours.id, body });
      return { kind: 'updated', id: ours.id };
    }
    const created = await octokit.rest.issues.createComment({ ...where, issue_number: pr.number, body });
    return { kind: 'created', id: created.data.id };
  } catch (e) {
    return { kind: 'failed', why: describeFailure(e, pr) };
  }
}
