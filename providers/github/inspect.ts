import type { InspectContext } from '../../src/core/provider.js';
import { scrub } from '../../src/core/scrub.js';
import type { Credential, Inspection, Scope, Unknown } from '../../src/core/types.js';
import { capabilitiesOf, type Evidence, writableRepoCount } from './capabilities.js';
import { createGithubClient, DEFAULT_GITHUB_TUNING, type GithubClient, type GithubTuning } from './client.js';
import { parseTokenExpiration } from './expiry.js';
import { classifyFailure } from './failures.js';
import { type GithubTokenKind, KIND_LABEL, tokenKind } from './kinds.js';
import {
  type Listing,
  listInstallationRepos,
  listOrgMemberships,
  listUserInstallations,
  listUserRepos,
  type RepoSeen,
} from './listings.js';
import { expandScopes, parseScopeHeader } from './scopes.js';

import type { GithubFacts } from './facts.js';

export type { GithubFacts };

type Headers = Record<string, string | undefined>;

const NEVER_WRITE = 'learning it would take a write probe, and tokenscope sends only GET and HEAD requests to GitHub';

/** Runs one auxiliary listing; a refusal or outage becomes an unknown instead of failing the inspection. */
async function optional<T>(
  what: string,
  unknowns: Unknown[],
  clean: (s: string) => string,
  list: () => Promise<Listing<T>>,
): Promise<Listing<T>> {
  try {
    return await list();
  } catch (e) {
    const f = classifyFailure(e, `GET ${what}`);
    const reason =
      f.kind === 'unauthorized'
        ? 'GitHub answered 401 to this listing'
        : f.kind === 'unavailable'
          ? f.error.message
          : f.reason;
    unknowns.push({ what, reason: clean(reason) });
    return { items: [], truncated: false, headers: {} };
  }
}

function roleOf(r: RepoSeen): string | undefined {
  const p = r.permissions;
  if (!p) return undefined;
  return (['admin', 'maintain', 'push', 'triage', 'pull'] as const).find((k) => p[k] === true);
}

/** The identity call: who the token is, and the headers that carry its scopes and expiry. */
async function identify(
  octokit: GithubClient,
  kind: GithubTokenKind,
  tuning: GithubTuning,
): Promise<{ login: string | null; siteAdmin: boolean; headers: Headers; installationRepos?: Listing<RepoSeen> }> {
  if (kind === 'installation') {
    const listing = await listInstallationRepos(octokit, tuning);
    return { login: null, siteAdmin: false, headers: listing.headers, installationRepos: listing };
  }
  const res = await octokit.rest.users.getAuthenticated();
  const data = res.data as { login?: unknown; site_admin?: unknown };
  if (typeof data?.login !== 'string')
    throw new NonsenseAnswer('GitHub answered GET /user with a body that is not a user');
  return { login: data.login, siteAdmin: data.site_admin === true, headers: res.headers as Headers };
}

class NonsenseAnswer extends Error {}

/**
 * Asks GitHub, with GET requests only, who a token is, what it may do and where, and until when.
 * Tuning is a parameter so tests can shorten the waits; the provider uses the defaults.
 */
export function createGithubInspector(tuning: GithubTuning = DEFAULT_GITHUB_TUNING) {
  return async function inspectGithub(credential: Credential, ctx: InspectContext): Promise<Inspection> {
    const clean = (s: string) => scrub(s, credential);
    const kind = tokenKind(credential.secret.reveal());
    if (kind === 'refresh') {
      return {
        verification: 'unverified',
        reason: 'a refresh token works only at the OAuth token endpoint (a POST); tokenscope does not send it',
        scope: null,
      };
    }
    const octokit = createGithubClient(credential.secret.reveal(), ctx, tuning, clean);
    let who: Awaited<ReturnType<typeof identify>>;
    try {
      who = await identify(octokit, kind, tuning);
    } catch (e) {
      if (e instanceof NonsenseAnswer) return { verification: 'error', reason: e.message, scope: null };
      const what = kind === 'installation' ? 'GET /installation/repositories' : 'GET /user';
      const f = classifyFailure(e, what);
      if (f.kind === 'unauthorized') {
        return {
          verification: 'invalid',
          reason: `GitHub answered 401 Bad credentials to ${what}: the token is expired, revoked or never existed`,
          scope: null,
        };
      }
      if (f.kind === 'unavailable') {
        const verification = 'verification' in f.error ? (f.error.verification as 'unverified' | 'error') : 'error';
        return { verification, reason: clean(f.error.message), scope: null };
      }
      return { verification: 'unverified', reason: clean(f.reason), scope: null };
    }

    const unknowns: Unknown[] = [];
    const scopeHeader = who.headers['x-oauth-scopes'];
    const usesScopes = kind === 'classic' || kind === 'oauth' || (kind === 'unknown' && scopeHeader !== undefined);
    const scopes = usesScopes ? expandScopes(parseScopeHeader(scopeHeader ?? '')) : null;
    if (usesScopes && scopeHeader === undefined) {
      unknowns.push({ what: 'OAuth scopes', reason: 'GitHub sent no X-OAuth-Scopes header' });
    }

    const repos =
      who.installationRepos ?? (await optional('/user/repos', unknowns, clean, () => listUserRepos(octokit, tuning)));
    const memberships =
      kind === 'installation'
        ? { items: [], truncated: false, headers: {} }
        : await optional('/user/memberships/orgs', unknowns, clean, () => listOrgMemberships(octokit, tuning));
    const installations =
      kind === 'app-user'
        ? await optional('/user/installations', unknowns, clean, () => listUserInstallations(octokit, tuning))
        : { items: [], truncated: false, headers: {} };

    const evidence: Evidence = {
      kind,
      scopes,
      repos: repos.items,
      memberships: memberships.items,
      installations: installations.items,
      siteAdmin: who.siteAdmin,
    };
    const capabilities = capabilitiesOf(evidence);

    const expiryHeader = who.headers['github-authentication-token-expiration'];
    const expiresAt = expiryHeader ? (parseTokenExpiration(expiryHeader) ?? null) : null;
    if (expiryHeader && !expiresAt) {
      unknowns.push({ what: 'expiry', reason: `unreadable expiration header "${clean(expiryHeader).slice(0, 60)}"` });
    }

    if (repos.truncated) {
      unknowns.push({
        what: 'repositories beyond the first listed',
        reason: `listing stopped after ${tuning.maxPages} page(s) of ${tuning.pageSize}; repository counts are lower bounds`,
      });
    }
    if (kind === 'fine-grained') {
      unknowns.push(
        {
          what: "the token's own repository permissions",
          reason: `GitHub lists the user's role, not the token's grant; ${NEVER_WRITE}`,
        },
        { what: "the token's organization permissions", reason: NEVER_WRITE },
      );
    }
    if (kind === 'installation') {
      unknowns.push({
        what: "the installation's permission set",
        reason:
          "readable only with the app's own JWT (GET /app/installations/{id}), which a found installation token does not give",
      });
    }

    const owners = [...new Set(repos.items.map((r) => r.owner))].sort();
    const orgs = [
      ...new Set([
        ...memberships.items.filter((m) => m.state === 'active').map((m) => m.org),
        ...installations.items.map((i) => i.account),
      ]),
    ].sort();
    const permissions = [
      ...(scopes ?? []),
      ...memberships.items.map((m) => `org ${m.org}: ${m.role}`),
      ...installations.items.flatMap((i) =>
        Object.entries(i.permissions).map(([k, v]) => `installation ${i.account}: ${k}:${v}`),
      ),
      ...(scopes ? [] : repos.items.flatMap((r) => (roleOf(r) ? [`repo ${r.fullName}: ${roleOf(r)}`] : []))),
    ];
    const facts: GithubFacts = {
      kind,
      scopes,
      siteAdmin: who.siteAdmin,
      expiryKnown: Boolean(expiryHeader),
      upperBound: kind === 'fine-grained',
      repositories: repos.items.map((r) => r.fullName),
      truncated: repos.truncated,
    };
    const scope: Scope = {
      identity: who.login ?? (owners.length ? `installation on ${owners.join(', ')}` : 'installation'),
      tokenType: KIND_LABEL[kind],
      permissions,
      capabilities,
      reach: { repositories: facts.repositories, organizations: orgs, owners },
      expiresAt,
      unknowns,
      facts: { ...facts, writableRepos: writableRepoCount(capabilities) },
    };
    return { verification: 'verified', reason: `GitHub knows this token (${KIND_LABEL[kind]})`, scope };
  };
}
