import { type StartedDouble, started } from '../helpers/hosting-suites.js';
import { FAULT_PLANS, type FaultPlan } from '../helpers/rest-double.js';
import { type DoubleWorld, GitlabDouble, type GitlabPlan } from './double.js';
import { gitlabToken } from './tokens.js';

/**
 * The GitLab the tests talk to: "ops" is an instance administrator and Owner of group "acme",
 * whose projects are storefront-production, storefront-staging, docs, and five tools; "dev" is a
 * Developer of three projects; a project bot holds a narrow token on acme/docs. Pages of two.
 */
const OPS = { id: 1, username: 'ops', isAdmin: true, bot: false };
const DEV = { id: 2, username: 'dev', isAdmin: false, bot: false };
const DOCS_BOT = { id: 3, username: 'project_13_bot_5f2a', isAdmin: false, bot: true };
const ACME = { id: 10, name: 'acme', path: 'acme' };
const PARTNERS = { id: 20, name: 'partners', path: 'partners' };

export const EXPIRES_AT = '2027-01-31';

const PLANS = {
  admin: { kind: 'live', name: 'ci read', user: OPS, scopes: ['api', 'read_user'], groups: { 10: 50 }, projects: {} },
  developer: {
    kind: 'live',
    name: 'laptop',
    user: DEV,
    scopes: ['read_api', 'write_repository'],
    expiresAt: EXPIRES_AT,
    groups: {},
    projects: { 11: 30, 12: 30, 21: 30 },
  },
  docsBot: {
    kind: 'live',
    name: 'docs clone',
    user: DOCS_BOT,
    scopes: ['read_repository'],
    expiresAt: EXPIRES_AT,
    groups: {},
    projects: { 13: 20 },
  },
  maintainer: { kind: 'live', name: 'maint', user: DEV, scopes: ['api'], groups: {}, projects: { 21: 40 } },
  oldInstance: {
    kind: 'live',
    name: 'old',
    user: DEV,
    scopes: ['read_api'],
    groups: {},
    projects: {},
    noAssociations: true,
  },
  limitOnce: {
    kind: 'live',
    name: 'busy',
    user: DEV,
    scopes: ['read_api'],
    groups: {},
    projects: { 13: 20 },
    limitOnce: true,
  },
  hangHalfway: {
    kind: 'live',
    name: 'slow',
    user: OPS,
    scopes: ['api'],
    groups: { 10: 50 },
    projects: {},
    hangOn: '/api/v4/personal_access_tokens/self/associations',
  },
  ...FAULT_PLANS,
} satisfies Record<string, GitlabPlan | FaultPlan>;
export type TokenName = keyof typeof PLANS;
export const TOKENS = Object.keys(PLANS) as TokenName[];

export function testWorld(): { world: DoubleWorld; tokens: Record<TokenName, string> } {
  const tokens = Object.fromEntries(TOKENS.map((n) => [n, gitlabToken()])) as Record<TokenName, string>;
  const world: DoubleWorld = {
    groups: [ACME, PARTNERS],
    projects: [
      { id: 11, path: 'acme/storefront-production', group: ACME },
      { id: 12, path: 'acme/storefront-staging', group: ACME },
      { id: 13, path: 'acme/docs', group: ACME },
      ...[1, 2, 3, 4, 5].map((i) => ({ id: 100 + i, path: `acme/tool-${i}`, group: ACME })),
      { id: 21, path: 'partners/portal', group: PARTNERS },
    ],
    tokens: new Map(TOKENS.map((n) => [tokens[n], PLANS[n]])),
    pageSize: 2,
  };
  return { world, tokens };
}

export function startGitlab(): Promise<StartedDouble> {
  const { world, tokens } = testWorld();
  return started(new GitlabDouble(world), tokens);
}
