import { intentMismatchRisk } from '../../src/assess/place-risks.js';
import { listSome } from '../../src/assess/places.js';
import type { AssessInput } from '../../src/core/provider.js';
import type { RiskSignal } from '../../src/core/types.js';
import { describePackage, type NpmFacts, npmFacts } from './model.js';

function publishes(f: NpmFacts): string {
  const n = f.publishable.length;
  return `can publish new versions of ${n} package${n === 1 ? '' : 's'}, most-downloaded first: ${listSome(f.publishable.map(describePackage))}`;
}

/** A supply-chain blast radius: whoever installs these packages runs what the token publishes. */
function canPublish(f: NpmFacts): RiskSignal[] {
  if (f.publishable.length === 0) return [];
  const otp =
    f.tfa === 'auth-and-writes'
      ? ''
      : f.tfa
        ? "; the account's 2FA does not cover publishing, so no one-time password stands in the way"
        : '';
  return [
    {
      id: 'can-publish-packages',
      severity: 'high',
      message: `${publishes(f)}: everyone who installs them runs what it publishes${otp}`,
    },
  ];
}

/** npm's own risks, from the facts the inspector kept. */
export function assessNpm(input: AssessInput): RiskSignal[] {
  if (input.inspection.verification !== 'verified') return [];
  const f = npmFacts(input.inspection.scope?.facts);
  if (!f) return [];
  return [...canPublish(f), ...(f.publishable.length > 0 ? intentMismatchRisk(input, publishes(f)) : [])];
}
