import type { GithubClient, GithubTuning } from './client.js';

/** The fields of a repository the inspector reads. */
export interface RepoSeen {
  fullName: string;
  owner: string;
  private: boolean;
  /** The role GitHub reports on this repository (the user's role for user tokens). */
  permissions?: { admin?: boolean; maintain?: boolean; push?: boolean; triage?: boolean; pull?: boolean };
}

export interface OrgMembershipSeen {
  org: string;
  role: string;
  state: string;
}

export interface InstallationSeen {
  id: number;
  account: string;
  permissions: Record<string, string>;
  repositorySelection: string;
}

/** A listing cut at pageSize × maxPages items: `truncated` says more exist than were read. */
export interface Listing<T> {
  items: T[];
  truncated: boolean;
  /** Headers of the first page (the token expiry header rides on every answer). */
  headers: Record<string, string | undefined>;
}

type Page = { data: unknown; headers: Record<string, string | number | undefined> & { link?: string } };

/** Reads at most maxPages pages of a paginated listing, one page at a time. */
async function capped<T>(
  pages: AsyncIterable<Page>,
  pick: (data: unknown) => unknown[],
  map: (raw: unknown) => T | undefined,
  tuning: GithubTuning,
): Promise<Listing<T>> {
  const items: T[] = [];
  let headers: Record<string, string | undefined> = {};
  let count = 0;
  for await (const page of pages) {
    if (count === 0)
      headers = Object.fromEntries(Object.entries(page.headers).map(([k, v]) => [k, v === undefined ? v : String(v)]));
    for (const raw of pick(page.data)) {
      const item = map(raw);
      if (item) items.push(item);
    }
    if (++count >= tuning.maxPages) {
      // Stop without asking for the next page; its link says whether there was one.
      return { items, truncated: /rel="next"/.test(page.headers.link ?? ''), headers };
    }
  }
  return { items, truncated: false, headers };
}

const asArray = (data: unknown): unknown[] => (Array.isArray(data) ? data : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function toRepo(raw: unknown): RepoSeen | undefined {
  const r = raw as { full_name?: unknown; private?: unknown; owner?: { login?: unknown }; permissions?: unknown };
  const fullName = str(r?.full_name);
  if (!fullName) return undefined;
  return {
    fullName,
    owner: str(r.owner?.login) ?? fullName.split('/')[0]!,
    private: r.private === true,
    ...(r.permissions && typeof r.permissions === 'object'
      ? { permissions: r.permissions as RepoSeen['permissions'] }
      : {}),
  };
}

/** GET /user/repos: every repository the token can list, with the user's role on each. */
export function listUserRepos(octokit: GithubClient, tuning: GithubTuning): Promise<Listing<RepoSeen>> {
  const pages = octokit.paginate.iterator(octokit.rest.repos.listForAuthenticatedUser, { per_page: tuning.pageSize });
  return capped(pages, asArray, toRepo, tuning);
}

/** GET /installation/repositories: the repositories an installation token reaches. */
export function listInstallationRepos(octokit: GithubClient, tuning: GithubTuning): Promise<Listing<RepoSeen>> {
  const pages = octokit.paginate.iterator(octokit.rest.apps.listReposAccessibleToInstallation, {
    per_page: tuning.pageSize,
  });
  // The paginate plugin unwraps `{ total_count, repositories }` into the array itself.
  return capped(pages, asArray, toRepo, tuning);
}

/** GET /user/memberships/orgs: the user's role in each organization. */
export function listOrgMemberships(octokit: GithubClient, tuning: GithubTuning): Promise<Listing<OrgMembershipSeen>> {
  const pages = octokit.paginate.iterator(octokit.rest.orgs.listMembershipsForAuthenticatedUser, {
    per_page: tuning.pageSize,
  });
  return capped(
    pages,
    asArray,
    (raw) => {
      const m = raw as { organization?: { login?: unknown }; role?: unknown; state?: unknown };
      const org = str(m?.organization?.login);
      return org ? { org, role: str(m.role) ?? 'unknown', state: str(m.state) ?? 'unknown' } : undefined;
    },
    tuning,
  );
}

/** GET /user/installations: for app user tokens, each installation with the permissions GitHub reports. */
export function listUserInstallations(octokit: GithubClient, tuning: GithubTuning): Promise<Listing<InstallationSeen>> {
  const pages = octokit.paginate.iterator(octokit.rest.apps.listInstallationsForAuthenticatedUser, {
    per_page: tuning.pageSize,
  });
  return capped(
    pages,
    asArray,
    (raw) => {
      const i = raw as {
        id?: unknown;
        account?: { login?: unknown; slug?: unknown };
        permissions?: unknown;
        repository_selection?: unknown;
      };
      if (typeof i?.id !== 'number') return undefined;
      const permissions: Record<string, string> = {};
      for (const [k, v] of Object.entries((i.permissions as Record<string, unknown>) ?? {})) {
        if (typeof v === 'string') permissions[k] = v;
      }
      return {
        id: i.id,
        account: str(i.account?.login) ?? str(i.account?.slug) ?? String(i.id),
        permissions,
        repositorySelection: str(i.repository_selection) ?? 'unknown',
      };
    },
    tuning,
  );
}
