import { assessFacts } from '../../src/assess/fact-rules.js';
import { crossEnvironment, intentMismatch } from '../../src/assess/place-risks.js';
import { listSome } from '../../src/assess/places.js';
import type { AssessInput } from '../../src/core/provider.js';
import type { RiskSignal } from '../../src/core/types.js';
import { canDelete, canWrite, type VercelFacts, vercelFacts } from './model.js';

function breadth(f: VercelFacts): string {
  const teams = f.owners.filter((o) => o.teamId).length;
  const projects = `${f.projects.length} project${f.projects.length === 1 ? '' : 's'}`;
  return f.breadth === 'account'
    ? `the whole account: its personal projects and ${teams} team${teams === 1 ? '' : 's'} (${projects})`
    : `${teams} team${teams === 1 ? '' : 's'} (${projects})`;
}

function destructiveProductionAccess(f: VercelFacts): RiskSignal[] {
  const targets = [
    ...f.projects
      .filter((p) => p.production && canDelete(p.rights))
      .map((p) => `the project "${p.name}" of "${p.owner}" with its production deployments and domains`),
    ...f.domains.filter((d) => d.production && canDelete(d.rights)).map((d) => `the production domain "${d.name}"`),
  ];
  if (targets.length === 0) return [];
  return [
    {
      id: 'destructive-production-access',
      severity: 'critical',
      message: `can delete, with no undo: ${listSome(targets)}`,
    },
  ];
}

function dnsTakeover(f: VercelFacts): RiskSignal[] {
  const zones = f.domains.filter((d) => d.vercelDns && d.production && canWrite(d.rights)).map((d) => `"${d.name}"`);
  if (zones.length === 0) return [];
  return [
    {
      id: 'dns-takeover',
      severity: 'high',
      message: `can change the DNS records, served by Vercel, of production domain(s) ${listSome(zones)}: it can point them anywhere`,
    },
  ];
}

function accountWide(f: VercelFacts): RiskSignal[] {
  const teams = f.owners.filter((o) => o.teamId).length;
  if (f.breadth !== 'account' && teams < 2) return [];
  return [{ id: 'account-wide-token', severity: 'high', message: `scoped to ${breadth(f)}` }];
}

function admin(f: VercelFacts): RiskSignal[] {
  const owned = f.owners.filter((o) => o.teamId && o.rights === 'admin').map((o) => `"${o.name}"`);
  if (owned.length === 0) return [];
  return [
    {
      id: 'admin',
      severity: 'high',
      message: `acts as an owner of team(s) ${listSome(owned)}: members, billing, tokens and every project`,
    },
  ];
}

function crossEnvironmentRisk(f: VercelFacts, input: AssessInput): RiskSignal[] {
  const production = f.projects.filter((p) => p.production && canWrite(p.rights)).map((p) => `"${p.owner}/${p.name}"`);
  return crossEnvironment(input, production);
}

function intentMismatchRisk(f: VercelFacts, input: AssessInput): RiskSignal[] {
  const broad = f.breadth === 'account' || f.projects.some((p) => p.production && canDelete(p.rights));
  return broad ? intentMismatch(input, `this token is scoped to ${breadth(f)}`) : [];
}

function noExpiry(f: VercelFacts): RiskSignal[] {
  if (f.expiry !== 'none') return [];
  return [
    {
      id: 'no-expiry',
      severity: 'medium',
      message: 'Vercel shows no expiry for this token: it works until someone revokes it',
    },
  ];
}

/** Vercel's own risks, from the facts the inspector kept. */
export const assessVercel = assessFacts(vercelFacts, [
  destructiveProductionAccess,
  dnsTakeover,
  accountWide,
  admin,
  crossEnvironmentRisk,
  intentMismatchRisk,
  noExpiry,
]);
