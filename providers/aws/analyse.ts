import type { Capability, CapabilityAction } from '../../src/core/types.js';
import type { CollectedPolicies } from './collect.js';
import {
  ADMIN_POLICY_ARN,
  DESTRUCTIVE_ACTIONS,
  ESCALATION_ACTIONS,
  PASSROLE,
  PASSROLE_PARTNERS,
  PROBED_ACTIONS,
  SECRETS_READ_ACTIONS,
} from './dangerous.js';
import { type Evaluation, evaluate, grantsEverything, type PolicyDocument } from './iam-eval.js';
import type { Principal } from './principal.js';

export const isGranted = (e: Evaluation | undefined) => e?.decision === 'allowed' || e?.decision === 'conditional';

/** Every probed action, evaluated offline against the documents that could be read. */
export function evaluateProbes(docs: PolicyDocument[]): Record<string, Evaluation> {
  return Object.fromEntries(PROBED_ACTIONS.map((a) => [a, evaluate(docs, a)]));
}

/** Why this key is an administrator, or undefined: root, AdministratorAccess attached, or `*` on `*`. */
export function adminReason(p: Principal | undefined, collected: CollectedPolicies | undefined): string | undefined {
  if (p?.kind === 'root') return 'the account root user can do everything, and no policy can limit it';
  const adminPolicy = collected?.policies.find((x) => x.arn === ADMIN_POLICY_ARN);
  if (adminPolicy) return `${adminPolicy.label} is attached`;
  const everything = collected?.policies.find((x) => x.doc && grantsEverything([x.doc]));
  if (everything) return `${everything.label} allows "*" on "*"`;
  return undefined;
}

function classOf(action: string): CapabilityAction {
  if ((ESCALATION_ACTIONS as readonly string[]).includes(action) || action === PASSROLE) return 'admin';
  if ((DESTRUCTIVE_ACTIONS as readonly string[]).includes(action)) return 'delete';
  if ((SECRETS_READ_ACTIONS as readonly string[]).includes(action)) return 'read';
  return 'write';
}

/** Normalised capabilities: one per service and kind of action, everywhere or on some resources. */
export function capabilitiesOf(
  decisions: Record<string, Evaluation>,
  account: string,
  admin: string | undefined,
): Capability[] {
  const out: Capability[] = [];
  const seen = new Set<string>();
  const add = (c: Capability) => {
    const k = `${c.action} ${c.resource}`;
    if (!seen.has(k)) {
      seen.add(k);
      out.push(c);
    }
  };
  if (admin) add({ action: 'admin', resource: `account ${account}` });
  for (const [action, e] of Object.entries(decisions)) {
    if (!isGranted(e)) continue;
    const service = action.split(':')[0];
    add({
      action: classOf(action),
      resource: `${service}${e.unconstrained ? '' : ' (some resources)'} in account ${account}`,
    });
  }
  return out;
}

/** The provider's own words: the policies that apply, then each dangerous action that is granted. */
export function permissionsOf(
  collected: CollectedPolicies | undefined,
  decisions: Record<string, Evaluation>,
): string[] {
  const policies = (collected?.policies ?? []).map((p) => `policy: ${p.label}${p.doc ? '' : ' (document unread)'}`);
  const actions = Object.entries(decisions)
    .filter(([, e]) => isGranted(e))
    .map(([a, e]) => `${a}${e.unconstrained ? ' on *' : ''}${e.decision === 'conditional' ? ' (conditional)' : ''}`);
  return [...policies, ...actions];
}

/** iam:PassRole with something that runs code as the passed role. */
export function passRoleEscalations(decisions: Record<string, Evaluation>): string[] {
  if (!isGranted(decisions[PASSROLE])) return [];
  return PASSROLE_PARTNERS.filter((a) => isGranted(decisions[a])).map((a) => `${PASSROLE} + ${a}`);
}
