import { type StartedDouble, started } from '../helpers/hosting-suites.js';
import { FAULT_PLANS, type FaultPlan } from '../helpers/rest-double.js';
import { SlackDouble, type SlackPlan } from './double.js';
import { slackApp, slackBot, slackUser } from './tokens.js';

/** Workspace "Acme" (T04R7JQ3X), one org-wide install on an Enterprise Grid, and their people. */
const ACME = { id: 'T04R7JQ3XAB', name: 'Acme', domain: 'acme' };
const OWNER = { id: 'U04R7JQ3XOW', name: 'ops', role: 'owner' } as const;
const MEMBER = { id: 'U04R7JQ3XME', name: 'dev', role: 'member' } as const;
const BOT = { id: 'U04R7JQ3XBT', name: 'notifier', role: 'member' } as const;

const PLANS = {
  ownerUser: {
    kind: 'live',
    token: 'user',
    user: OWNER,
    scopes: ['channels:history', 'im:history', 'chat:write', 'users:read'],
    team: ACME,
  },
  gridAdmin: {
    kind: 'live',
    token: 'user',
    user: OWNER,
    scopes: ['admin.users:write', 'admin.conversations:write', 'users:read'],
    team: ACME,
    enterprise: { id: 'E04R7JQ3XGR', install: true },
  },
  narrowBot: { kind: 'live', token: 'bot', user: BOT, scopes: ['chat:write'], team: ACME, expiresIn: 43_200 },
  memberUser: { kind: 'live', token: 'user', user: MEMBER, scopes: ['channels:read', 'users:read'], team: ACME },
  noUsersRead: { kind: 'live', token: 'user', user: OWNER, scopes: ['chat:write'], team: ACME },
  app: { kind: 'live', token: 'app', user: BOT, scopes: ['connections:write'], team: ACME },
  limitOnce: { kind: 'live', token: 'bot', user: BOT, scopes: ['chat:write'], team: ACME, limitOnce: true },
  hangHalfway: {
    kind: 'live',
    token: 'user',
    user: OWNER,
    scopes: ['users:read'],
    team: ACME,
    hangOn: '/users.info',
  },
  ...FAULT_PLANS,
} satisfies Record<string, SlackPlan | FaultPlan>;
export type TokenName = keyof typeof PLANS;
export const TOKENS = Object.keys(PLANS) as TokenName[];

export function testTokens(): { plans: Map<string, SlackPlan | FaultPlan>; tokens: Record<TokenName, string> } {
  const tokens = Object.fromEntries(
    TOKENS.map((n) => {
      const p = PLANS[n] as SlackPlan | FaultPlan;
      const t = p.kind === 'live' ? p.token : 'user';
      return [n, t === 'bot' ? slackBot() : t === 'app' ? slackApp() : slackUser()];
    }),
  ) as Record<TokenName, string>;
  return { plans: new Map(TOKENS.map((n) => [tokens[n], PLANS[n]])), tokens };
}

export function startSlack(): Promise<StartedDouble> {
  const { plans, tokens } = testTokens();
  return started(new SlackDouble(plans), tokens);
}
