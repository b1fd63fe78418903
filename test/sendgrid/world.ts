import { type StartedDouble, started } from '../helpers/hosting-suites.js';
import { FAULT_PLANS, type FaultPlan } from '../helpers/rest-double.js';
import { SendgridDouble, type SendgridPlan } from './double.js';
import { sendgridKey } from './tokens.js';

/** A Full Access key's scopes, abridged: every family, with key and user management. */
export const FULL_ACCESS = [
  'alerts.create',
  'alerts.read',
  'api_keys.create',
  'api_keys.delete',
  'api_keys.read',
  'api_keys.update',
  'mail.send',
  'marketing.read',
  'subusers.create',
  'subusers.delete',
  'subusers.read',
  'teammates.create',
  'teammates.delete',
  'teammates.read',
  'templates.delete',
  'templates.read',
  'user.account.read',
  'user.username.read',
];

const PLANS = {
  fullAccess: { kind: 'live', scopes: FULL_ACCESS },
  mailOnly: { kind: 'live', scopes: ['mail.send'] },
  statsOnly: { kind: 'live', scopes: ['stats.read', 'user.username.read'] },
  limitOnce: { kind: 'live', scopes: ['mail.send'], limitOnce: true },
  hangHalfway: { kind: 'live', scopes: ['mail.send', 'user.username.read'], hangOn: '/v3/user/username' },
  ...FAULT_PLANS,
} satisfies Record<string, SendgridPlan | FaultPlan>;
export type TokenName = keyof typeof PLANS;
export const TOKENS = Object.keys(PLANS) as TokenName[];

export function testKeys(): { plans: Map<string, SendgridPlan | FaultPlan>; tokens: Record<TokenName, string> } {
  const tokens = Object.fromEntries(TOKENS.map((n) => [n, sendgridKey()])) as Record<TokenName, string>;
  return { plans: new Map(TOKENS.map((n) => [tokens[n], PLANS[n]])), tokens };
}

export function startSendgrid(): Promise<StartedDouble> {
  const { plans, tokens } = testKeys();
  return started(new SendgridDouble(plans), tokens);
}
