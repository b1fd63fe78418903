import { assessFacts } from '../../src/assess/fact-rules.js';
import type { RiskSignal } from '../../src/core/types.js';
import { crossEnvironmentRisk, intentMismatchRisk } from '../../src/assess/place-risks.js';
import { listSome } from '../railway/risks.js';
import { describeApp, describeVolume, type FlyFacts, flyFacts, isWide } from './model.js';

const YEAR_MS = 365 * 24 * 3600 * 1000;

function breadth(f: FlyFacts): string {
  const at = f.complete ? '' : 'at least ';
  const apps = `${at}${f.apps.length} app${f.apps.length === 1 ? '' : 's'}`;
  const orgs = f.organizations.map((o) => `"${o.slug}"`).join(', ');
  return f.kind === 'user'
    ? `acts as its user in every organization (${f.organizations.length}: ${orgs}; ${apps})`
    : `reaches every app of organization ${orgs} (${apps}), including apps created later`;
}

function destructiveProductionAccess(f: FlyFacts): RiskSignal[] {
  if (!isWide(f)) return [];
  const targets = f.apps
    .filter((a) => a.production && a.actions.includes('d'))
    .flatMap((a) => [...a.volumes.map((v) => describeVolume(v, a)), describeApp(a)]);
  if (targets.length === 0) return [];
  return [
    {
      id: 'destructive-production-access',
      severity: 'critical',
      message: `can delete, with no undo: ${listSome(targets)}`,
    },
  ];
}

function accountWide(f: FlyFacts): RiskSignal[] {
  if (!isWide(f)) return [];
  const what = f.kind === 'user' ? 'a user token' : 'an organization-wide token';
  return [{ id: 'account-wide-token', severity: 'high', message: `${what}: ${breadth(f)}` }];
}

function noExpiry(f: FlyFacts): RiskSignal[] {
  if (f.kind === 'user') return []; // fo1_ tokens are short-lived login tokens
  if (f.expiresAt === null) {
    return [
      { id: 'no-expiry', severity: 'medium', message: 'the token states no expiry: it works until someone revokes it' },
    ];
  }
  const left = Date.parse(f.expiresAt) - Date.now();
  if (left <= YEAR_MS) return [];
  const years = Math.round(left / YEAR_MS);
  return [
    {
      id: 'no-expiry',
      severity: 'medium',
      message: `expires ${f.expiresAt} (in about ${years} year${years === 1 ? '' : 's'}; Fly.io's default is 20): as good as never`,
    },
  ];
}

/** Fly.io's own risks, from the facts the inspector kept. */
export const assessFly = assessFacts(flyFacts, [
  destructiveProductionAccess,
  accountWide,
  (f, input) => crossEnvironmentRisk(input, f.apps.filter((a) => a.production).map(describeApp)),
  (f, input) => (isWide(f) ? intentMismatchRisk(input, breadth(f)) : []),
  noExpiry,
]);
