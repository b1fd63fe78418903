import {
  type EvaluationResult,
  GetRoleCommand,
  type GetRoleCommandOutput,
  SimulatePrincipalPolicyCommand,
  type SimulatePrincipalPolicyCommandOutput,
} from '@aws-sdk/client-iam';
import { PROBED_ACTIONS } from './dangerous.js';
import type { Evaluation } from './iam-eval.js';
import type { IamReader } from './iam-reader.js';
import { type Principal, roleArn } from './principal.js';

/**
 * When the key cannot read its own policies, it may still be allowed to ask IAM's policy simulator
 * about itself. The simulator answers allowed / explicitDeny / implicitDeny per action on resource
 * `*` (so "allowed" means allowed everywhere); an implicit deny that names missing context keys
 * means a Condition decided it, which we report as conditional. SCPs can make it misleading.
 */
export async function simulateDangerous(
  reader: IamReader,
  p: Principal,
): Promise<Record<string, Evaluation> | undefined> {
  const source = await simulationSource(reader, p);
  if (!source) return undefined;
  const results = await reader.pages<SimulatePrincipalPolicyCommandOutput, EvaluationResult>(
    (Marker) => new SimulatePrincipalPolicyCommand({ PolicySourceArn: source, ActionNames: PROBED_ACTIONS, Marker }),
    (page) => page.EvaluationResults,
    source,
  );
  if (!results) return undefined;
  const out: Record<string, Evaluation> = {};
  for (const r of results) {
    if (!r.EvalActionName) continue;
    out[r.EvalActionName] = toEvaluation(r);
  }
  return out;
}

export function toEvaluation(r: EvaluationResult): Evaluation {
  switch (r.EvalDecision) {
    case 'allowed':
      return { decision: 'allowed', unconstrained: true };
    case 'explicitDeny':
      return { decision: 'explicitDeny', unconstrained: false };
    default:
      return (r.MissingContextValues?.length ?? 0) > 0
        ? { decision: 'conditional', unconstrained: true }
        : { decision: 'implicitDeny', unconstrained: false };
  }
}

/** The ARN to simulate: the user's own, or the role's (read with GetRole, as an assumed-role ARN lacks the path). */
async function simulationSource(reader: IamReader, p: Principal): Promise<string | undefined> {
  if (p.kind === 'user') return p.arn;
  if (p.kind === 'assumed-role' && p.name) {
    const role = await reader.call<GetRoleCommandOutput>(new GetRoleCommand({ RoleName: p.name }), p.name);
    return role?.Role?.Arn ?? roleArn(p);
  }
  return undefined;
}
