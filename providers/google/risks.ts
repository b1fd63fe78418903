import { assessFacts } from '../../src/assess/fact-rules.js';
import { crossEnvironment, intentMismatch } from '../../src/assess/place-risks.js';
import { listSome } from '../../src/assess/places.js';
import type { AssessInput } from '../../src/core/provider.js';
import type { RiskSignal } from '../../src/core/types.js';
import { deletes, ESCALATING, type GoogleFacts, googleFacts, holds, ownerLevel } from './model.js';

function destructiveProductionAccess(f: GoogleFacts): RiskSignal[] {
  const targets = f.projects
    .filter((p) => p.production && deletes(p).length > 0)
    .map((p) => `the production project "${p.id}" (${deletes(p).join(', ')})`);
  if (targets.length === 0) return [];
  return [{ id: 'destructive-production-access', severity: 'critical', message: `can delete: ${listSome(targets)}` }];
}

function privilegeEscalation(f: GoogleFacts): RiskSignal[] {
  const where = f.projects
    .filter((p) => ESCALATING.some((x) => holds(p, x)))
    .map((p) => {
      const how = [
        holds(p, 'resourcemanager.projects.setIamPolicy') ? 'change its IAM policy' : '',
        holds(p, 'iam.serviceAccountKeys.create') ? 'create keys for its service accounts' : '',
      ].filter(Boolean);
      return `"${p.id}" (${how.join(' and ')})`;
    });
  if (where.length === 0) return [];
  return [
    {
      id: 'privilege-escalation',
      severity: 'critical',
      message: `can grant itself more than it holds in project(s) ${listSome(where)}`,
    },
  ];
}

function admin(f: GoogleFacts): RiskSignal[] {
  const owned = f.projects.filter(ownerLevel).map((p) => `"${p.id}"`);
  if (owned.length === 0) return [];
  return [
    {
      id: 'admin',
      severity: 'high',
      message: `holds owner-level rights (delete the project, set its IAM policy) on project(s) ${listSome(owned)}`,
    },
  ];
}

function crossEnvironmentRisk(f: GoogleFacts, input: AssessInput): RiskSignal[] {
  const production = f.projects.filter((p) => p.production && deletes(p).length > 0).map((p) => `"${p.id}"`);
  return crossEnvironment(input, production, 'delete in');
}

function intentMismatchRisk(f: GoogleFacts, input: AssessInput): RiskSignal[] {
  const broad = f.projects.filter((p) => deletes(p).length > 0 || ESCALATING.some((x) => holds(p, x)));
  if (broad.length === 0) return [];
  return intentMismatch(
    input,
    `this key can delete or escalate in ${broad.length} project(s): ${listSome(broad.map((p) => `"${p.id}"`))}`,
  );
}

/** Google Cloud's own risks, from the facts the inspector kept. */
export const assessGoogle = assessFacts(googleFacts, [
  destructiveProductionAccess,
  privilegeEscalation,
  admin,
  crossEnvironmentRisk,
  intentMismatchRisk,
]);
