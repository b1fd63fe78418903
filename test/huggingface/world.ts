import { type StartedDouble, started } from '../helpers/hosting-suites.js';
import { FAULT_PLANS, type FaultPlan } from '../helpers/rest-double.js';
import { type DoubleWorld, type HfPlan, HuggingFaceDouble } from './double.js';
import { hfToken } from './tokens.js';

/**
 * The Hub the tests talk to: user "mlops" is an admin of "acme-ai", has write in "research-lab",
 * read in "community", and one organization states no role.
 */
export const EXPIRES_AT = '2027-01-31T00:00:00.000Z';

const PLANS = {
  write: { kind: 'live', role: 'write' },
  read: { kind: 'live', role: 'read' },
  fineGrained: {
    kind: 'live',
    role: 'fineGrained',
    global: ['inference.serverless.write'],
    scoped: [
      { entity: { type: 'model', name: 'acme-ai/llm-7b' }, permissions: ['repo.content.read', 'repo.write'] },
      { entity: { type: 'org', name: 'research-lab' }, permissions: ['repo.content.read'] },
    ],
  },
  expiring: { kind: 'live', role: 'write', expiresAt: EXPIRES_AT },
  org: { kind: 'live', role: 'org' },
  limitOnce: { kind: 'live', role: 'read', limitOnce: true },
  hangHalfway: { kind: 'live', role: 'write', hangOn: '/api/whoami-v2' },
  ...FAULT_PLANS,
} satisfies Record<string, HfPlan | FaultPlan>;
export type TokenName = keyof typeof PLANS;
export const TOKENS = Object.keys(PLANS) as TokenName[];

export function testWorld(): { world: DoubleWorld; tokens: Record<TokenName, string> } {
  const tokens = Object.fromEntries(TOKENS.map((n) => [n, hfToken(n === 'org' ? 'api_org_' : 'hf_')])) as Record<
    TokenName,
    string
  >;
  const world: DoubleWorld = {
    user: 'mlops',
    orgs: [
      { name: 'acme-ai', roleInOrg: 'admin' },
      { name: 'research-lab', roleInOrg: 'write' },
      { name: 'community', roleInOrg: 'read' },
      { name: 'old-team' },
    ],
    tokens: new Map(TOKENS.map((n) => [tokens[n], PLANS[n]])),
  };
  return { world, tokens };
}

export function startHuggingFace(): Promise<StartedDouble> {
  const { world, tokens } = testWorld();
  return started(new HuggingFaceDouble(world), tokens);
}
