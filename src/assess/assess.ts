import type { Provider } from '../core/provider.js';
import type { Credential, Finding, Inspection, Risk, RiskSignal } from '../core/types.js';
import type { Policy } from './policy.js';
import { worst } from './severity.js';

const EXPOSED_SOURCES = new Set(['tracked', 'history']);

/** Risks every credential can carry, whatever its provider. */
function commonRisks(credential: Credential, inspection: Inspection): RiskSignal[] {
  const exposed = credential.locations.some((l) => EXPOSED_SOURCES.has(l.source));
  const where = exposed ? 'committed to git, readable by anyone with the repository' : 'on disk or in the environment';
  switch (inspection.verification) {
    case 'invalid':
      return [
        { id: 'invalid-credential', severity: 'info', message: `the provider rejects it (${inspection.reason})` },
      ];
    case 'verified':
      return exposed
        ? [{ id: 'committed-live-credential', severity: 'high', message: `a live credential is ${where}` }]
        : [];
    default:
      // Exposed whether or not we could ask: an uninspected secret in git is at least medium.
      return [
        {
          id: 'uninspected-credential',
          severity: exposed ? 'medium' : 'low',
          message: `not inspected (${inspection.reason}); ${where}`,
        },
      ];
  }
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

/** The policy engine: provider risks plus common ones, severities from the policy, one remediation. */
export function assess(
  credential: Credential,
  inspection: Inspection,
  provider: Provider | undefined,
  policy: Policy,
): Finding {
  const input = { credential, inspection, policy };
  const signals = [...(provider?.assess?.(input) ?? []), ...commonRisks(credential, inspection)];
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
