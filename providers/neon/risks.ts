import { crossEnvironment, intentMismatch } from '../../src/assess/place-risks.js';
import { listSome } from '../../src/assess/places.js';
import type { AssessInput } from '../../src/core/provider.js';
import type { RiskSignal } from '../../src/core/types.js';
import { type NeonFacts, neonFacts } from './model.js';

function breadth(f: NeonFacts): string {
  const n = `${f.projects.length} project${f.projects.length === 1 ? '' : 's'}`;
  return f.kind === 'personal'
    ? `reaches every project of every organization of its user (${f.orgs.length} organization${f.orgs.length === 1 ? '' : 's'}, ${n})`
    : `reaches every project it sees in organization ${f.orgs.map((o) => `"${o}"`).join(', ')} (${n}) with admin rights`;
}

function destructive(f: NeonFacts): RiskSignal[] {
  const targets = f.projects.flatMap((p) =>
    p.production
      ? [
          `the project "${p.name}" (${p.id}) of "${p.org}" with ${p.branches.flatMap((b) => b.databases).length} database(s)`,
        ]
      : [],
  );
  if (targets.length === 0) return [];
  return [
    {
      id: 'destructive-production-access',
      severity: 'critical',
      message: `can delete, branches and databases with it: ${listSome(targets)}`,
    },
  ];
}

/** Neon's own risks, from the facts the inspector kept. */
export function assessNeon(input: AssessInput): RiskSignal[] {
  if (input.inspection.verification !== 'verified') return [];
  const f = neonFacts(input.inspection.scope?.facts);
  if (!f) return [];
  const wide = f.kind === 'personal' || f.projects.length > 1;
  return [
    ...destructive(f),
    ...(wide ? [{ id: 'account-wide-token', severity: 'high' as const, message: `the key ${breadth(f)}` }] : []),
    ...crossEnvironment(
      input,
      f.projects.filter((p) => p.production).map((p) => `"${p.org}/${p.name}"`),
      'delete',
    ),
    ...(wide ? intentMismatch(input, `this key ${breadth(f)}`) : []),
    { id: 'no-expiry', severity: 'medium', message: 'Neon API keys never expire: it works until someone revokes it' },
  ];
}
