import { type StartedDouble, started } from '../helpers/hosting-suites.js';
import { FAULT_PLANS, type FaultPlan } from '../helpers/rest-double.js';
import { type DoubleProject, type DoubleWorld, NeonDouble, type NeonPlan } from './double.js';
import { neonKey } from './tokens.js';

/**
 * The Neon the tests talk to: organization "Acme" holds "shop" (default branch "main", protected:
 * Neon's production marker, with database "shop"; a branch "preview-42") and "analytics-staging";
 * organization "Bulk" holds 105 small projects, so the project listing spans two pages of 100.
 */
const PLANS = {
  personal: { kind: 'live', auth: 'api_key_user', orgs: ['org-acme', 'org-bulk'] },
  acmeOrg: { kind: 'live', auth: 'api_key_org', orgs: ['org-acme'] },
  stagingProject: { kind: 'live', auth: 'api_key_org', orgs: ['org-acme'], project: 'analytics-staging-1' },
  limitOnce: { kind: 'live', auth: 'api_key_org', orgs: ['org-acme'], limitOnce: true },
  hangHalfway: { kind: 'live', auth: 'api_key_org', orgs: ['org-acme'], hangOn: '/projects' },
  ...FAULT_PLANS,
} satisfies Record<string, NeonPlan | FaultPlan>;
export type TokenName = keyof typeof PLANS;
export const TOKENS = Object.keys(PLANS) as TokenName[];

export function testWorld(): { world: DoubleWorld; tokens: Record<TokenName, string> } {
  const tokens = Object.fromEntries(TOKENS.map((n) => [n, neonKey()])) as Record<TokenName, string>;
  const bulk: DoubleProject[] = Array.from({ length: 105 }, (_, i) => ({
    id: `bulk-${i}`,
    name: `tool-${i}`,
    org: 'org-bulk',
    branches: [{ id: `br-bulk-${i}`, name: 'main', default: true, databases: [] }],
  }));
  const world: DoubleWorld = {
    orgs: [
      { id: 'org-acme', name: 'Acme' },
      { id: 'org-bulk', name: 'Bulk' },
    ],
    projects: [
      {
        id: 'shop-1',
        name: 'shop',
        org: 'org-acme',
        branches: [
          { id: 'br-main-1', name: 'main', default: true, protected: true, databases: ['shop'] },
          { id: 'br-preview-42', name: 'preview-42', databases: ['shop'] },
        ],
      },
      {
        id: 'analytics-staging-1',
        name: 'analytics-staging',
        org: 'org-acme',
        branches: [{ id: 'br-main-2', name: 'main', default: true, databases: ['events'] }],
      },
      ...bulk,
    ],
    tokens: new Map(TOKENS.map((n) => [tokens[n], PLANS[n]])),
  };
  return { world, tokens };
}

export function startNeon(): Promise<StartedDouble> {
  const { world, tokens } = testWorld();
  return started(new NeonDouble(world), tokens);
}
