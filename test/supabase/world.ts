import { type StartedDouble, started } from '../helpers/hosting-suites.js';
import { FAULT_PLANS, type FaultPlan } from '../helpers/rest-double.js';
import { type DoubleWorld, SupabaseDouble, type SupabasePlan } from './double.js';
import { supabaseToken } from './tokens.js';

/**
 * The Supabase the tests talk to: organization "acme" holds "shop-production" (branching on: its
 * default branch "main" and a preview branch "preview-checkout") and "shop-staging" (branching
 * off); organization "hobby" holds one side project. `account` is a member of both; `hobbyOnly`
 * of "hobby" alone.
 */
const PLANS = {
  account: { kind: 'live', orgs: ['acme', 'hobby'] },
  hobbyOnly: { kind: 'live', orgs: ['hobby'] },
  oauth: { kind: 'live', orgs: ['hobby'] },
  limitOnce: { kind: 'live', orgs: ['hobby'], limitOnce: true },
  hangHalfway: { kind: 'live', orgs: ['acme'], hangOn: '/v1/projects' },
  ...FAULT_PLANS,
} satisfies Record<string, SupabasePlan | FaultPlan>;
export type TokenName = keyof typeof PLANS;
export const TOKENS = Object.keys(PLANS) as TokenName[];

export function testWorld(): { world: DoubleWorld; tokens: Record<TokenName, string> } {
  const tokens = Object.fromEntries(
    TOKENS.map((n) => [n, supabaseToken(n === 'oauth' ? 'sbp_oauth_' : 'sbp_')]),
  ) as Record<TokenName, string>;
  const world: DoubleWorld = {
    orgs: [
      { slug: 'acme', name: 'Acme' },
      { slug: 'hobby', name: 'Hobby' },
    ],
    projects: [
      { ref: 'qwertyuiopasdfghjklz', name: 'shop-production', org: 'acme', branches: ['main', 'preview-checkout'] },
      { ref: 'zxcvbnmasdfghjklqwer', name: 'shop-staging', org: 'acme' },
      { ref: 'mnbvcxzlkjhgfdsapoiu', name: 'side-project', org: 'hobby', branches: ['main'] },
    ],
    tokens: new Map(TOKENS.map((n) => [tokens[n], PLANS[n]])),
  };
  return { world, tokens };
}

/** A fresh world's double, started, in the shape the shared suites take. */
export function startSupabase(): Promise<StartedDouble> {
  const { world, tokens } = testWorld();
  return started(new SupabaseDouble(world), tokens);
}
