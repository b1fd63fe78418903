import { type StartedDouble, started } from '../helpers/hosting-suites.js';
import { FAULT_PLANS, type FaultPlan } from '../helpers/rest-double.js';
import { OpenAIDouble, type OpenAIPlan } from './double.js';
import { openaiKey } from './tokens.js';

/** Organization org-AcmeResearch01 with three projects: an admin key, a project key, a restricted one. */
const PLANS = {
  admin: { kind: 'live', key: 'admin' },
  project: { kind: 'live', key: 'project', project: 'proj_chatbot01' },
  restricted: { kind: 'live', key: 'project', project: 'proj_chatbot01', noModels: true },
  legacy: { kind: 'live', key: 'project' },
  limitOnce: { kind: 'live', key: 'project', limitOnce: true },
  hangHalfway: { kind: 'live', key: 'admin', hangOn: '/v1/organization/users' },
  ...FAULT_PLANS,
} satisfies Record<string, OpenAIPlan | FaultPlan>;
export type TokenName = keyof typeof PLANS;

export function testTokens(): Record<TokenName, string> {
  const prefix = (n: TokenName) =>
    n === 'admin' || n === 'hangHalfway' ? 'sk-admin-' : n === 'legacy' ? 'sk-' : 'sk-proj-';
  return Object.fromEntries((Object.keys(PLANS) as TokenName[]).map((n) => [n, openaiKey(prefix(n))])) as Record<
    TokenName,
    string
  >;
}

export function openaiDouble(tokens: Record<TokenName, string>): OpenAIDouble {
  return new OpenAIDouble(new Map((Object.keys(PLANS) as TokenName[]).map((n) => [tokens[n], PLANS[n]])));
}

export function startOpenAI(): Promise<StartedDouble> {
  const tokens = testTokens();
  return started(openaiDouble(tokens), tokens);
}
