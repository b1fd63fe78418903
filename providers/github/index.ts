import { lazily } from '../../src/core/lazy.js';
import type { Provider } from '../../src/core/provider.js';
import { validGithubChecksum } from './checksum.js';
import { githubRemediation } from './remediation.js';
import { githubRisks } from './risks.js';
import { rules } from './rules.js';

const inspector = lazily(() => import('./inspect.js'));

export const github: Provider = {
  id: 'github',
  name: 'GitHub',
  docsUrl:
    'https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/managing-your-personal-access-tokens',
  rules,
  validators: { 'github-checksum': validGithubChecksum },
  // GitHub Enterprise Server: --github-api-url https://ghe.example.com/api/v3
  endpoint: { default: 'https://api.github.com', flag: 'github-api-url', env: ['GITHUB_API_URL'] },
  // Who the token is, and the listings that say where it reaches. Nothing else, in particular no
  // endpoint that returns secrets (Actions secrets, deploy keys, webhooks' configs).
  operations: [
    { method: 'GET', path: '/user' },
    { method: 'GET', path: '/user/repos' },
    { method: 'GET', path: '/user/memberships/orgs' },
    { method: 'GET', path: '/user/installations' },
    { method: 'GET', path: '/installation/repositories' },
  ],
  // Octokit loads only when a token is inspected: scanning threads import this file too.
  inspect: async (credential, ctx) => (await inspector()).createGithubInspector()(credential, ctx),
  assess: githubRisks,
  remediation: githubRemediation,
};
