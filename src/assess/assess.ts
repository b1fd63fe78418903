import type { Provider } from '../core/provider.js';
import type { Confidence, RuleSpec } from '../core/rule.js';
import type { Credential, Finding, Inspection, Risk, RiskSignal } from '../core/types.js';
import { type Breadth, breadthOf } from './breadth.js';
import { type Exposure, exposureOf } from './exposure.js';
import { bounded, COMMITTED_LIVE, UNINSPECTED } from './matrix.js';
import type { Policy } from './policy.js';
import { worst } from './severity.js';

const WHERE: Record<Exposure, string> = {
  committed: 'committed to git, readable by anyone with the repository',
  local: 'on disk, outside git',
  machine: 'in a credential store or the environment',
};

const HOW_SURE: Record<Confidence, string> = {
  high: 'its shape (a prefix, a checksum, a decoded payload, or a pairing) says it is a real credential',
  context: 'recognised by its context only',
};

/**
 * How sure we are that the credential is real: `high` when its secret was paired with another of
 * the right shape (an AWS key id with its secret key), else what its rule declares; a rule that
 * declares nothing (a custom rule) is `context`.
 */
export function confidenceOf(credential: Credential, rules: readonly RuleSpec[]): Confidence {
  if (Object.keys(credential.parts).length > 0) return 'high';
  return rules.find((r) => r.id === credential.ruleId)?.confidence ?? 'context';
}

/** Risks every credential can carry, whatever its provider: the place row of the severity table. */
function commonRisks(
  inspection: Inspection,
  exposure: Exposure,
  breadth: Breadth,
  confidence: Confidence,
): RiskSignal[] {
  const where = WHERE[exposure];
  if (inspection.verification === 'invalid') {
    return [{ id: 'invalid-credential', severity: 'info', message: `the provider rejects it (${inspection.reason})` }];
  }
  if (inspection.verification === 'verified') {
    return exposure === 'committed'
      ? [{ id: 'committed-live-credential', severity: COMMITTED_LIVE, message: `a live credential is ${where}` }]
      : [];
  }
  // A tripwire (breadth dead) opens nothing: its own risk says what it is.
  if (breadth !== 'unknown') return [];
  return [
    {
      id: 'uninspected-credential',
      severity: UNINSPECTED[exposure][confidence],
      message: `not inspected (${inspection.reason}); ${where}; ${HOW_SURE[confidence]}`,
    },
  ];
}

function genericRemediation(credential: Credential, provider: Provider | undefined, inspection: Inspection): string {
  const name = provider?.name ?? credential.provider;
  const where = provider?.docsUrl ? ` (${provider.docsUrl})` : '';
  // A kind may already say whose it is ("PostgreSQL connection URL"): the name once.
  const what = credential.kind.startsWith(name) ? credential.kind : `${name} ${credential.kind}`;
  if (inspection.verification === 'invalid') {
    return `Delete this dead ${what} from the files that hold it.`;
  }
  return `Rotate this ${what}${where}, then keep its replacement in a secret store, not in files.`;
}

/**
 * The policy engine: the provider's risks bounded by the severity table (exposure x breadth), the
 * common ones, then the policy's severities (which win), and one remediation. `extraRules` are the
 * config's custom rules, whose confidence the provider does not know.
 */
export function assess(
  credential: Credential,
  inspection: Inspection,
  provider: Provider | undefined,
  policy: Policy,
  extraRules: readonly RuleSpec[] = [],
): Finding {
  const input = { credential, inspection, policy };
  const raised = provider?.assess?.(input) ?? [];
  const exposure = exposureOf(credential.locations);
  const breadth = breadthOf(
    inspection.verification,
    raised.map((s) => s.id),
  );
  const confidence = confidenceOf(credential, [...(provider?.rules ?? []), ...extraRules]);
  const signals = [
    ...raised.map((s) => ({ ...s, severity: bounded(s.id, s.severity, exposure) })),
    ...commonRisks(inspection, exposure, breadth, confidence),
  ];
  const risks: Risk[] = signals.map((s) => ({
    id: s.id,
    severity: policy.severities[s.id] ?? s.severity,
    message: s.message,
  }));
  return {
    credential,
    inspection,
    risks,
    severity: worst(risks.map((r) => r.severity)),
    remediation: provider?.remediation?.(input) ?? genericRemediation(credential, provider, inspection),
  };
}
