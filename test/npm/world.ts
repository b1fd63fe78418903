import { type StartedDouble, started } from '../helpers/hosting-suites.js';
import { FAULT_PLANS, type FaultPlan } from '../helpers/rest-double.js';
import { type DoubleWorld, NpmDouble, type NpmPlan } from './double.js';
import { classicNpmToken, npmToken } from './tokens.js';

/**
 * The registry the tests talk to: user "acme-release" can publish "@acme/widgets" (1,250,000
 * weekly downloads), "acme-cli" (48,210) and "left-padder" (no figure), and only read
 * "@partner/sdk". The account's 2FA covers login only. Three other tokens fill the list, in
 * pages of two, so this token's own entry is on a later page.
 */

const PLANS = {
  publish: { kind: 'live', entry: { readonly: false } },
  readonly: { kind: 'live', entry: { readonly: true, cidr: ['192.0.2.0/24'] } },
  granular: { kind: 'live', entry: { readonly: false, scope: [{ values: ['@acme/widgets'], write: true }] } },
  unlisted: { kind: 'live' },
  listRefused: { kind: 'live', listRefused: true },
  classic: { kind: 'live', entry: { readonly: false } },
  limitOnce: { kind: 'live', entry: { readonly: true }, limitOnce: true },
  hangHalfway: { kind: 'live', entry: { readonly: false }, hangOn: '/-/v1/search' },
  ...FAULT_PLANS,
} satisfies Record<string, NpmPlan | FaultPlan>;
export type TokenName = keyof typeof PLANS;
export const TOKENS = Object.keys(PLANS) as TokenName[];

export function testWorld(): { world: DoubleWorld; tokens: Record<TokenName, string> } {
  const tokens = Object.fromEntries(TOKENS.map((n) => [n, n === 'classic' ? classicNpmToken() : npmToken()])) as Record<
    TokenName,
    string
  >;
  const world: DoubleWorld = {
    user: 'acme-release',
    tfa: 'auth-only',
    packages: [
      { name: 'acme-cli', access: 'read-write', weekly: 48_210 },
      { name: 'left-padder', access: 'read-write' },
      { name: '@acme/widgets', access: 'read-write', weekly: 1_250_000 },
      { name: '@partner/sdk', access: 'read-only', weekly: 900 },
    ],
    otherTokens: 3,
    tokens: new Map(TOKENS.map((n) => [tokens[n], PLANS[n]])),
    pageSize: 2,
  };
  return { world, tokens };
}

export function startNpm(): Promise<StartedDouble> {
  const { world, tokens } = testWorld();
  return started(new NpmDouble(world), tokens);
}
