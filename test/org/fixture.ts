import type { TokenPlan } from '../github/double.js';
import { ghToken } from '../github/tokens.js';
import type { RepoSpec } from './world.js';

/** Fresh tokens (valid checksums, known to nobody) and what the GitHub double says about each. */
export function makeTokens() {
  return {
    /** In api/.env and worker/ci/deploy.env at HEAD: one credential in two repositories (two shards). */
    shared: ghToken('ghp'),
    /** In web/.env: purged from web's whole history between the two runs. */
    purged: ghToken('ghp'),
    /** Committed to billing, then deleted: it stays in history, so it stays open. */
    historic: ghToken('ghp'),
    /** Pushed to docs between the two runs. */
    later: ghToken('ghp'),
  };
}
export type Tokens = ReturnType<typeof makeTokens>;

export function makePlans(t: Tokens): Record<string, TokenPlan & { token: string }> {
  const plan = (token: string, login: string): TokenPlan & { token: string } => ({
    token,
    login,
    scopes: 'repo',
    expiration: '2031-01-02 03:04:05 UTC',
    repos: [{ fullName: 'acme/api', private: true, role: 'push' }],
  });
  return {
    shared: plan(t.shared, 'deploy-bot'),
    purged: plan(t.purged, 'web-bot'),
    historic: plan(t.historic, 'billing-bot'),
    later: plan(t.later, 'docs-bot'),
  };
}

/**
 * The org: 12 repositories, listed by the API in this order. Sizes are chosen so the 3-shard
 * plan (largest first, each to the lightest shard, ties to the lowest index) is, worked by hand:
 *   1/3: api 900, infra 400, mobile 300, empty 0      (1600 KB)
 *   2/3: web 800, docs 500, ghost 250, tools 100      (1650 KB)
 *   3/3: worker 700, billing 600, legacy 200, forked 150 (1650 KB)
 */
export function orgSpecs(t: Tokens): RepoSpec[] {
  const readme = (name: string) => ({ 'README.md': `# ${name}\n` });
  return [
    { name: 'docs', size: 500, commits: [readme('docs')] },
    { name: 'api', size: 900, commits: [readme('api'), { '.env': `PORT=8080\nGITHUB_TOKEN=${t.shared}\n` }] },
    { name: 'web', size: 800, commits: [readme('web'), { '.env': `GH_TOKEN=${t.purged}\n` }] },
    {
      name: 'worker',
      size: 700,
      commits: [{ ...readme('worker'), 'ci/deploy.env': `export GITHUB_TOKEN=${t.shared}\n` }],
    },
    {
      name: 'billing',
      size: 600,
      commits: [
        readme('billing'),
        { 'config/github.env': `GITHUB_TOKEN=${t.historic}\n` },
        { 'config/github.env': null },
      ],
    },
    { name: 'infra', size: 400, commits: [readme('infra')] },
    { name: 'mobile', size: 300, commits: [readme('mobile')] },
    { name: 'ghost', size: 250, unreachable: true },
    { name: 'legacy', size: 200, archived: true, commits: [readme('legacy')] },
    { name: 'forked', size: 150, fork: true, commits: [readme('forked')] },
    { name: 'tools', size: 100, commits: [readme('tools')] },
    { name: 'empty', size: 0 },
  ];
}
