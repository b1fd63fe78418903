import { crossEnvironment, intentMismatch } from '../../src/assess/place-risks.js';
import { listSome } from '../../src/assess/places.js';
import type { AssessInput } from '../../src/core/provider.js';
import type { RiskSignal } from '../../src/core/types.js';
import { formOf, isProjectKey, jwtPayload, type SupabaseFacts, supabaseFacts } from './model.js';

function breadth(f: SupabaseFacts): string {
  const n = f.projects.length;
  return `reaches every project of every organization of its user (${f.orgs.length} organization${f.orgs.length === 1 ? '' : 's'}, ${n} project${n === 1 ? '' : 's'}), and those created later`;
}

function productionTargets(f: SupabaseFacts): string[] {
  return f.projects.flatMap((p) =>
    p.production
      ? [`the project "${p.name}" (${p.ref}) of "${p.org}" with its database`]
      : p.branches
          .filter((b) => b.production && !b.isDefault)
          .map((b) => `the branch "${b.name}" of project "${p.name}"`),
  );
}

function accessTokenRisks(f: SupabaseFacts, input: AssessInput): RiskSignal[] {
  const targets = productionTargets(f);
  return [
    ...(targets.length > 0
      ? [
          {
            id: 'destructive-production-access',
            severity: 'critical' as const,
            message: `can delete, with its database and no undo: ${listSome(targets)}`,
          },
        ]
      : []),
    { id: 'account-wide-token', severity: 'high', message: `the token ${breadth(f)}` },
    ...crossEnvironment(
      input,
      f.projects.filter((p) => p.production).map((p) => `"${p.org}/${p.name}"`),
      'delete',
    ),
    ...intentMismatch(input, `this token ${breadth(f)}`),
  ];
}

/** A project key opens every row and file of its project: row-level security does not apply to it. */
function projectKeyRisks(secret: string): RiskSignal[] {
  const ref = jwtPayload(secret)?.ref;
  const project = typeof ref === 'string' ? `project ${ref}` : 'its project';
  return [
    {
      id: 'bypasses-row-level-security',
      severity: 'critical',
      message: `bypasses row-level security: reads, changes and deletes every row and stored file of ${project}`,
    },
  ];
}

/** Supabase's own risks: from the key itself for a project key, from inspection for an access token. */
export function assessSupabase(input: AssessInput): RiskSignal[] {
  const secret = input.credential.secret.reveal();
  if (isProjectKey(formOf(secret))) return projectKeyRisks(secret);
  if (input.inspection.verification !== 'verified') return [];
  const f = supabaseFacts(input.inspection.scope?.facts);
  return f ? accessTokenRisks(f, input) : [];
}
