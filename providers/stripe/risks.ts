import { crossEnvironmentRisk, intentMismatchRisk } from '../../src/assess/place-risks.js';
import type { AssessInput } from '../../src/core/provider.js';
import type { RiskSignal } from '../../src/core/types.js';
import { accountName, customerReads, type StripeFacts, stripeFacts } from './model.js';

function canMoveMoney(f: StripeFacts): RiskSignal[] {
  // A restricted key's write permissions cannot be read (see the inspector): only a secret key is known to.
  if (!f.live || f.kind !== 'secret') return [];
  return [
    {
      id: 'can-move-money',
      severity: 'critical',
      message: `a live secret key of ${accountName(f)}: it can refund charges, send payouts and transfers, and delete customers and webhook endpoints`,
    },
  ];
}

function readsCustomerData(f: StripeFacts): RiskSignal[] {
  const reads = customerReads(f);
  if (!f.live || reads.length === 0) return [];
  return [
    {
      id: 'reads-customer-data',
      severity: 'high',
      message: `can read live customer data of ${accountName(f)}: ${reads.join(', ')}`,
    },
  ];
}

/** Stripe's own risks, from the facts the inspector kept. Test-mode keys reach no real money or customer. */
export function assessStripe(input: AssessInput): RiskSignal[] {
  if (input.inspection.verification !== 'verified') return [];
  const f = stripeFacts(input.inspection.scope?.facts);
  if (!f?.live) return [];
  return [
    ...canMoveMoney(f),
    ...readsCustomerData(f),
    ...crossEnvironmentRisk(input, [`the live-mode Stripe account ${accountName(f)}`]),
    ...(f.kind === 'secret'
      ? intentMismatchRisk(input, `is a live secret key with full access to the Stripe account ${accountName(f)}`)
      : []),
  ];
}
