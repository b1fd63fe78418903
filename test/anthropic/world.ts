import { type StartedDouble, started } from '../helpers/hosting-suites.js';
import { FAULT_PLANS, type FaultPlan } from '../helpers/rest-double.js';
import { AnthropicDouble, type AnthropicPlan } from './double.js';
import { anthropicKey } from './tokens.js';

/** Organization "Acme Labs" with three workspaces: an admin key, an API key, a subscription token. */
const PLANS = {
  admin: { kind: 'live', key: 'admin' },
  api: { kind: 'live', key: 'api' },
  oauth: { kind: 'live', key: 'api' },
  limitOnce: { kind: 'live', key: 'api', limitOnce: true },
  hangHalfway: { kind: 'live', key: 'admin', hangOn: '/v1/organizations/users' },
  ...FAULT_PLANS,
} satisfies Record<string, AnthropicPlan | FaultPlan>;
export type TokenName = keyof typeof PLANS;

export function testTokens(): Record<TokenName, string> {
  const prefix = (n: TokenName) =>
    n === 'admin' || n === 'hangHalfway' ? 'sk-ant-admin01-' : n === 'oauth' ? 'sk-ant-oat01-' : 'sk-ant-api03-';
  return Object.fromEntries((Object.keys(PLANS) as TokenName[]).map((n) => [n, anthropicKey(prefix(n))])) as Record<
    TokenName,
    string
  >;
}

export function anthropicDouble(tokens: Record<TokenName, string>): AnthropicDouble {
  return new AnthropicDouble(new Map((Object.keys(PLANS) as TokenName[]).map((n) => [tokens[n], PLANS[n]])));
}

export function startAnthropic(): Promise<StartedDouble> {
  const tokens = testTokens();
  return started(anthropicDouble(tokens), tokens);
}
