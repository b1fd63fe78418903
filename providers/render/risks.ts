import { assessFacts } from '../../src/assess/fact-rules.js';
import { crossEnvironment, intentMismatch } from '../../src/assess/place-risks.js';
import { listSome } from '../../src/assess/places.js';
import type { AssessInput } from '../../src/core/provider.js';
import type { RiskSignal } from '../../src/core/types.js';
import { canDestroy, type RenderFacts, renderFacts } from './model.js';
import { describeResource } from './scope.js';

/** Data first: a database or disk is what cannot come back. */
const ORDER = { postgres: 0, 'key-value': 1, disk: 2, service: 3 } as const;

function destructiveProductionAccess(f: RenderFacts): RiskSignal[] {
  const targets = f.resources
    .filter((r) => r.production && canDestroy(f, r))
    .sort((a, b) => ORDER[a.kind] - ORDER[b.kind])
    .map((r) => `the ${describeResource(f, r)}`);
  if (targets.length === 0) return [];
  return [
    {
      id: 'destructive-production-access',
      severity: 'critical',
      message: `can delete, with no undo: ${listSome(targets)}`,
    },
  ];
}

function breadth(f: RenderFacts): string {
  return `${f.workspaces.length} workspace${f.workspaces.length === 1 ? '' : 's'}, ${f.resources.length} resource${f.resources.length === 1 ? '' : 's'}`;
}

function accountWide(f: RenderFacts): RiskSignal[] {
  if (f.workspaces.length < 2) return [];
  return [
    {
      id: 'account-wide-token',
      severity: 'high',
      message: `a classic key, reaching every workspace of its user: ${breadth(f)}`,
    },
  ];
}

function readsOtherSecrets(f: RenderFacts): RiskSignal[] {
  const readable = f.resources.filter(
    (r) => r.kind !== 'disk' && (f.workspaces.find((w) => w.name === r.workspace)?.rights ?? 'read') !== 'read',
  );
  if (readable.length === 0) return [];
  return [
    {
      id: 'reads-other-secrets',
      severity: 'high',
      message: `can read the environment variables and connection strings of ${readable.length} service(s) and database(s): ${listSome(readable.map((r) => `"${r.name}"`))}`,
    },
  ];
}

function crossEnvironmentRisk(f: RenderFacts, input: AssessInput): RiskSignal[] {
  const production = f.resources.filter((r) => r.production && canDestroy(f, r)).map((r) => `"${r.name}"`);
  return crossEnvironment(input, production, 'delete');
}

function intentMismatchRisk(f: RenderFacts, input: AssessInput): RiskSignal[] {
  if (!f.resources.some((r) => r.production && canDestroy(f, r)) && f.workspaces.length < 2) return [];
  return intentMismatch(input, `this key reaches ${breadth(f)} and can delete production`);
}

function noExpiry(): RiskSignal[] {
  return [
    { id: 'no-expiry', severity: 'medium', message: 'Render API keys never expire: it works until someone revokes it' },
  ];
}

/** Render's own risks, from the facts the inspector kept. */
export const assessRender = assessFacts(renderFacts, [
  destructiveProductionAccess,
  accountWide,
  readsOtherSecrets,
  crossEnvironmentRisk,
  intentMismatchRisk,
  noExpiry,
]);
