import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import { UsageError } from '../config/load.js';
import { repoFilter } from './glob.js';
import type { OrgRepo } from './types.js';

/** How patient the listing is: every wait is bounded, a slow or limited API costs seconds, not hours. */
export interface ListingTuning {
  timeoutMs: number;
  retries: number;
  retryBaseMs: number;
  /** A rate limit whose reset is further away than this is not waited for: the listing fails. */
  maxRateLimitWaitSeconds: number;
  rateLimitRetries: number;
  pageSize: number;
}

export const DEFAULT_LISTING_TUNING: ListingTuning = {
  timeoutMs: 20_000,
  retries: 3,
  retryBaseMs: 500,
  maxRateLimitWaitSeconds: 120,
  rateLimitRetries: 3,
  pageSize: 100,
};

export interface ListingOptions {
  org: string;
  /** The REST API root (api.github.com, or a GHES /api/v3), from --github-api-url or GITHUB_API_URL. */
  apiUrl: URL;
  token?: string;
  includeArchived: boolean;
  includeForks: boolean;
  filter?: string;
  tuning?: Partial<ListingTuning>;
  fetchImpl?: typeof fetch;
}

/** Fatal for the run (exit 2, one line): without the listing there is nothing to scan. */
export class ListingError extends UsageError {}

const Client = Octokit.plugin(throttling, retry);

/** The fields the scan reads from a `GET /orgs/{org}/repos` item; undefined for a malformed one. */
function toRepo(raw: unknown): OrgRepo | undefined {
  const r = raw as Record<string, unknown>;
  if (typeof r?.name !== 'string' || typeof r.clone_url !== 'string' || r.name.includes('/')) return undefined;
  return {
    name: r.name,
    fullName: typeof r.full_name === 'string' ? r.full_name : r.name,
    cloneUrl: r.clone_url,
    defaultBranch: typeof r.default_branch === 'string' && r.default_branch ? r.default_branch : 'main',
    size: typeof r.size === 'number' && r.size >= 0 ? r.size : 0,
    archived: r.archived === true,
    fork: r.fork === true,
  };
}

/** The system error code (ENOTFOUND, ECONNREFUSED, ...) somewhere down an error's causes, if any. */
function networkCode(e: unknown): string | undefined {
  let cur = e as { code?: unknown; cause?: unknown; name?: string } | undefined;
  for (let depth = 0; cur && depth < 5; depth++) {
    if (typeof cur.code === 'string' && /^E[A-Z_]+$/.test(cur.code)) return cur.code;
    if (cur.name === 'TimeoutError') return 'timed out';
    cur = cur.cause as typeof cur;
  }
  return undefined;
}

/**
 * Every repository of the org (paginated, throttled, retried with bounded waits), minus archived
 * ones and forks unless asked, and minus those --repos-filter leaves out. Sorted by name so
 * that every reader of the same org sees the same list.
 */
export async function listOrgRepos(opts: ListingOptions): Promise<{ repos: OrgRepo[]; listed: number }> {
  const tuning = { ...DEFAULT_LISTING_TUNING, ...opts.tuning };
  const fetchImpl = opts.fetchImpl ?? globalThis.fetch;
  const mayWait = (retryAfter: number, retryCount: number) =>
    retryCount < tuning.rateLimitRetries && retryAfter <= tuning.maxRateLimitWaitSeconds;
  const octokit = new Client({
    baseUrl: opts.apiUrl.href.replace(/\/+$/, ''),
    ...(opts.token ? { auth: opts.token } : {}),
    userAgent: 'tokenscope',
    // Octokit's own log lines could echo request options; the listing says what failed itself.
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
    request: {
      fetch: (input: string | URL | Request, init?: RequestInit) =>
        fetchImpl(input, { ...init, signal: AbortSignal.timeout(tuning.timeoutMs) }),
    },
    retry: { retries: tuning.retries, retryAfterBaseValue: tuning.retryBaseMs },
    throttle: {
      fallbackSecondaryRateRetryAfter: Math.min(60, tuning.maxRateLimitWaitSeconds),
      onRateLimit: (retryAfter: number, _o: unknown, _k: unknown, retryCount: number) =>
        mayWait(retryAfter, retryCount),
      onSecondaryRateLimit: (retryAfter: number, _o: unknown, _k: unknown, retryCount: number) =>
        mayWait(retryAfter, retryCount),
    },
  });
  const all: OrgRepo[] = [];
  try {
    const pages = octokit.paginate.iterator(octokit.rest.repos.listForOrg, {
      org: opts.org,
      type: 'all',
      per_page: tuning.pageSize,
    });
    for await (const page of pages) {
      for (const raw of page.data as unknown[]) {
        const repo = toRepo(raw);
        if (repo) all.push(repo);
      }
    }
  } catch (e) {
    // Octokit labels a request that got no answer at all "status 500": only an answer has an HTTP status.
    const answered = (e as { response?: unknown }).response !== undefined;
    const status = answered ? (e as { status?: number }).status : undefined;
    const network = networkCode(e);
    const message = network ? `no answer (${network})` : ((e as Error).message?.split('\n')[0] ?? String(e));
    const scrubbed = opts.token ? message.replaceAll(opts.token, '****') : message;
    throw new ListingError(
      `could not list the repositories of ${opts.org} at ${opts.apiUrl.origin}${status ? ` (HTTP ${status})` : ''}: ${scrubbed}`,
    );
  }
  const keep = opts.filter ? repoFilter(opts.filter) : () => true;
  // A repository created while the pages were read can shift another one onto two pages.
  const unique = [...new Map(all.map((r) => [r.name, r])).values()];
  const repos = unique
    .filter((r) => (opts.includeArchived || !r.archived) && (opts.includeForks || !r.fork) && keep(r.name))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { repos, listed: unique.length };
}
