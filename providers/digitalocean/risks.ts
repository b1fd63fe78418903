import { assessFacts } from '../../src/assess/fact-rules.js';
import type { RiskSignal } from '../../src/core/types.js';
import { crossEnvironmentRisk, intentMismatchRisk } from '../../src/assess/place-risks.js';
import { listSome } from '../railway/risks.js';
import { type DoFacts, describeResource, doFacts, isClassic } from './model.js';
import { TYPE_ORDER } from './scope.js';

const UNLESS = 'unless it is a Read Only token (DigitalOcean shows no scopes, and only a write could tell)';

function breadth(f: DoFacts): string {
  const at = f.complete ? '' : 'at least ';
  const team = f.team ? ` of team "${f.team}"` : '';
  return `reaches every project${team} (${at}${f.projects.length} project(s), ${f.resources.length} resource(s)), including ones created later`;
}

function destructiveProductionAccess(f: DoFacts): RiskSignal[] {
  if (!isClassic(f)) return [];
  const targets = f.resources
    .filter((r) => r.production)
    .sort((a, b) => TYPE_ORDER[a.type] - TYPE_ORDER[b.type])
    .map(describeResource);
  if (targets.length === 0) return [];
  return [
    {
      id: 'destructive-production-access',
      severity: 'critical',
      message: `${UNLESS}, it can delete, with no undo: ${listSome(targets)}`,
    },
  ];
}

function accountWide(f: DoFacts): RiskSignal[] {
  if (!isClassic(f)) return [];
  return [{ id: 'account-wide-token', severity: 'high', message: `a team-wide token: ${breadth(f)}` }];
}

function readsOtherSecrets(f: DoFacts): RiskSignal[] {
  const dbs = f.resources.filter((r) => r.type === 'database');
  if (!isClassic(f) || dbs.length === 0) return [];
  return [
    {
      id: 'reads-other-secrets',
      severity: 'high',
      message: `with Full Access (and possibly Read Only) it can read the connection passwords of ${dbs.length} database cluster(s), which DigitalOcean returns with every database listing: ${listSome(dbs.map(describeResource))}`,
    },
  ];
}

/** DigitalOcean's own risks, from the facts the inspector kept. */
export const assessDigitalOcean = assessFacts(doFacts, [
  destructiveProductionAccess,
  accountWide,
  readsOtherSecrets,
  (f, input) => crossEnvironmentRisk(input, f.resources.filter((r) => r.production).map(describeResource)),
  (f, input) => (isClassic(f) ? intentMismatchRisk(input, breadth(f)) : []),
]);
