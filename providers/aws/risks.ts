import type { AssessInput } from '../../src/core/provider.js';
import type { RiskSignal, Severity } from '../../src/core/types.js';
import { accountIdFromKeyId } from './account.js';
import { isGranted, passRoleEscalations } from './analyse.js';
import { DESTRUCTIVE_ACTIONS, ESCALATION_ACTIONS, SECRETS_READ_ACTIONS } from './dangerous.js';
import { awsFacts } from './facts.js';
import type { Evaluation } from './iam-eval.js';

const DAY_MS = 86_400_000;

/** A decision that rests on unevaluated conditions is one step less certain, so one step less severe. */
const softened = (s: Severity, conditionalOnly: boolean): Severity =>
  conditionalOnly ? (s === 'critical' ? 'high' : s === 'high' ? 'medium' : s) : s;

function granted(decisions: Record<string, Evaluation>, actions: readonly string[]): [string, Evaluation][] {
  return actions.flatMap((a) => (isGranted(decisions[a]) ? [[a, decisions[a]!] as [string, Evaluation]] : []));
}

const named = (list: [string, Evaluation][]) =>
  list
    .map(([a, e]) => `${a}${e.unconstrained ? ' on *' : ''}${e.decision === 'conditional' ? ' (conditional)' : ''}`)
    .join(', ');

/** The AWS risks: root-key, admin, privilege-escalation, destructive-data-access, secrets-read, old-key, canary-token. */
export function assessAws(input: AssessInput, now: Date = new Date()): RiskSignal[] {
  const { credential, inspection, policy } = input;
  const risks: RiskSignal[] = [];
  const keyId = credential.ruleId === 'aws-access-key-id' ? credential.secret.reveal() : '';
  const account = keyId ? accountIdFromKeyId(keyId) : undefined;
  if (account && policy.canaryAccounts.includes(account)) {
    risks.push({
      id: 'canary-token',
      severity: 'info',
      message: `the key id belongs to account ${account}, a known canary-token service: a tripwire, not a working credential; it was not used`,
    });
  }
  const facts = awsFacts(inspection.scope);
  if (!facts || inspection.verification !== 'verified') return risks;

  if (facts.principal?.kind === 'root') {
    risks.push({
      id: 'root-key',
      severity: 'critical',
      message: 'an access key of the account root user: unlimited, and no policy can restrict it',
    });
  }
  if (facts.admin) {
    // Admin implies every narrower risk below; listing them too would only repeat it.
    risks.push({ id: 'admin', severity: 'critical', message: `administrator of the account: ${facts.admin}` });
  } else {
    const d = facts.decisions;
    const how = facts.decisionSource === 'simulation' ? ' (per the IAM policy simulator)' : '';
    const escalation = granted(d, ESCALATION_ACTIONS);
    const passRole = passRoleEscalations(d);
    if (escalation.length > 0 || passRole.length > 0) {
      const conditionalOnly = escalation.every(([, e]) => e.decision === 'conditional') && passRole.length === 0;
      risks.push({
        id: 'privilege-escalation',
        severity: softened('critical', conditionalOnly && escalation.length > 0),
        message: `can grant itself more rights${how}: ${[named(escalation), ...passRole].filter(Boolean).join(', ')}`,
      });
    }
    const destructive = granted(d, DESTRUCTIVE_ACTIONS);
    if (destructive.length > 0) {
      const unconstrained = destructive.some(([, e]) => e.unconstrained && e.decision === 'allowed');
      const conditionalOnly = destructive.every(([, e]) => e.decision === 'conditional');
      risks.push({
        id: 'destructive-data-access',
        severity: unconstrained ? 'critical' : softened('high', conditionalOnly),
        message: `can delete data or infrastructure${unconstrained ? ' on every resource' : ''}${how}: ${named(destructive)}`,
      });
    }
    const secrets = granted(d, SECRETS_READ_ACTIONS).filter(([, e]) => e.unconstrained);
    if (secrets.length > 0) {
      risks.push({
        id: 'secrets-read',
        severity: softened(
          'high',
          secrets.every(([, e]) => e.decision === 'conditional'),
        ),
        message: `can read every stored secret or parameter${how}: ${named(secrets)}`,
      });
    }
  }
  const created = facts.key?.created ? Date.parse(facts.key.created) : Number.NaN;
  if (!Number.isNaN(created)) {
    const days = Math.floor((now.getTime() - created) / DAY_MS);
    if (days > policy.maxKeyAgeDays) {
      risks.push({
        id: 'old-key',
        severity: 'medium',
        message: `created ${days} days ago (${facts.key!.created!.slice(0, 10)}), older than the ${policy.maxKeyAgeDays}-day maximum`,
      });
    }
  }
  return risks;
}
