import type { InspectContext } from '../../src/core/provider.js';
import type { Credential } from '../../src/core/types.js';
import { ProviderUnavailableError } from '../../src/core/errors.js';
import { getJson, type RestAnswer, shapeReaders } from '../../src/inspect/rest.js';

export const read = shapeReaders('GitLab');

/** The REST API's root below the instance's URL (gitlab.com or a self-managed host). */
export const API = '/api/v4';

/** One read-only GET to GitLab, the token as a bearer token (GitLab's OAuth-compliant header). */
export function gitlabGet(ctx: InspectContext, credential: Credential, path: string): Promise<RestAnswer> {
  return getJson(ctx, 'GitLab', `${API}${path}`, { Authorization: `Bearer ${credential.secret.reveal()}` });
}

/** GitLab's largest page. */
export const PER_PAGE = 100;

/**
 * Walks the token's associations (`{ groups: [...], projects: [...] }`, both paginated together
 * with `page=`; `X-Next-Page` names the next, empty on the last). Stops at `limit` pages' worth of
 * items; a repeated page number from a confused server stops the walk too.
 */
export async function walkAssociations(
  ctx: InspectContext,
  credential: Credential,
  limit: number,
): Promise<{ groups: unknown[]; projects: unknown[]; truncated: boolean } | { refused: string }> {
  const groups: unknown[] = [];
  const projects: unknown[] = [];
  const seen = new Set<string>();
  let page = '1';
  for (;;) {
    const path = `/personal_access_tokens/self/associations?per_page=${PER_PAGE}&page=${encodeURIComponent(page)}`;
    const answer = await gitlabGet(ctx, credential, path);
    if (!answer.ok) {
      // Older than 17.4 the listing does not exist (404); some scopes may not read it (403).
      if (page === '1' && answer.status !== 401) return { refused: answer.message };
      throw new ProviderUnavailableError(
        `GitLab refused GET ${API}/personal_access_tokens/self/associations (${answer.message})`,
      );
    }
    const body = read.obj(answer.body, 'body');
    groups.push(...read.arr(body.groups, 'groups'));
    projects.push(...read.arr(body.projects, 'projects'));
    seen.add(page);
    const next = answer.headers.get('x-next-page')?.trim() ?? '';
    if (next === '') return { groups, projects, truncated: false };
    if (groups.length + projects.length >= limit || seen.has(next) || !/^\d{1,6}$/.test(next))
      return { groups, projects, truncated: true };
    page = next;
  }
}
