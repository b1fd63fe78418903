import type { RepoPlan, TokenPlan } from './double.js';
import { fineGrainedToken, ghToken } from './tokens.js';

const acmeServices: RepoPlan[] = Array.from({ length: 12 }, (_, i) => ({
  fullName: `acme/svc-${i + 1}`,
  private: true,
  role: 'push' as const,
}));

/** Every token the double knows, each with fresh random text and a valid checksum. */
export function makePlans(): Record<string, TokenPlan & { token: string }> {
  return {
    classicBroad: {
      token: ghToken('ghp'),
      login: 'alice',
      scopes: 'repo, delete_repo, admin:org, workflow',
      repos: [
        ...acmeServices,
        { fullName: 'alice/dotfiles', private: false, role: 'admin' },
        { fullName: 'octo/public-lib', private: false, role: 'pull' },
      ],
      memberships: [
        { org: 'acme', role: 'admin' },
        { org: 'side-project', role: 'member' },
      ],
    },
    classicPublic: {
      token: ghToken('ghp'),
      login: 'bob',
      scopes: 'public_repo, read:org',
      expiration: '2030-01-02 03:04:05 UTC',
      repos: [
        { fullName: 'acme/open', private: false, role: 'push' },
        { fullName: 'acme/secret', private: true, role: 'push' },
      ],
    },
    classicPackages: {
      token: ghToken('ghp'),
      login: 'dora',
      scopes: 'write:packages',
      expiration: '2030-01-02 03:04:05 UTC',
    },
    siteAdmin: {
      token: ghToken('ghp'),
      login: 'root',
      siteAdmin: true,
      scopes: 'read:user',
      expiration: '2030-01-02 03:04:05 UTC',
    },
    fineGrained: {
      token: fineGrainedToken(),
      login: 'erin',
      expiration: '2030-06-01 12:00:00 -0700',
      repos: [
        { fullName: 'acme/api', private: true, role: 'push' },
        { fullName: 'acme/web', private: true, role: 'pull' },
        { fullName: 'erin/tools', private: false, role: 'admin' },
      ],
      memberships: [{ org: 'acme', role: 'member' }],
    },
    installation: {
      token: ghToken('ghs'),
      expiration: '2030-01-01 01:00:00 +0000',
      repos: [
        { fullName: 'acme/deploy', private: true, role: 'push' },
        { fullName: 'acme/site', private: false, role: 'push' },
      ],
    },
    appUser: {
      token: ghToken('ghu'),
      login: 'carol',
      expiration: '2030-01-01 08:00:00 +0000',
      repos: [
        { fullName: 'acme/app', private: true, role: 'push' },
        { fullName: 'acme/infra', private: true, role: 'admin' },
      ],
      installations: [
        { id: 42, account: 'acme', permissions: { contents: 'write', workflows: 'write', metadata: 'read' } },
      ],
    },
    revoked: { token: ghToken('ghp'), failure: { mode: 'unauthorized' } },
    rateLimitedLong: { token: ghToken('ghp'), scopes: 'repo', failure: { mode: 'rate-limited', resetInSeconds: 3600 } },
    rateLimitedOnce: {
      token: ghToken('ghp'),
      login: 'frank',
      scopes: 'repo',
      failure: { mode: 'rate-limited', resetInSeconds: 0, times: 1, paths: ['/user'] },
    },
    secondaryLimit: { token: ghToken('ghp'), failure: { mode: 'secondary-rate-limited', retryAfter: 60 } },
    tooManyRequests: { token: ghToken('ghp'), failure: { mode: 'too-many-requests', retryAfter: 60 } },
    serverDown: { token: ghToken('ghp'), failure: { mode: 'server-error' } },
    serverHiccup: {
      token: ghToken('ghp'),
      login: 'gina',
      scopes: 'repo',
      failure: { mode: 'server-error', times: 1, paths: ['/user'] },
    },
    hangs: { token: ghToken('ghp'), failure: { mode: 'hang' } },
    nonsense: { token: ghToken('ghp'), failure: { mode: 'nonsense', paths: ['/user'] } },
    noMemberships: {
      token: ghToken('gho'),
      login: 'hana',
      scopes: 'repo',
      repos: [{ fullName: 'hana/notes', private: true, role: 'admin' }],
      failure: { mode: 'forbidden', paths: ['/user/memberships/orgs'] },
    },
    refresh: { token: ghToken('ghr') },
  };
}
