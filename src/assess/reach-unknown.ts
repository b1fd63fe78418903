import type { AssessInput } from '../core/provider.js';
import type { RiskSignal } from '../core/types.js';
import { exposureOf } from './exposure.js';
import { UNINSPECTED } from './matrix.js';

/**
 * A token verified by a whoami alone is live, but what it can do was not learned. It must not rank
 * below the same token left uninspected (a live token is a real one: the high-confidence row), so
 * this risk carries the uninspected severity of its place, and its breadth stays `unknown`.
 */
export function reachUnknown({ credential, inspection }: AssessInput): RiskSignal[] {
  if (inspection.verification !== 'verified') return [];
  const exposure = exposureOf(credential.locations);
  return [
    {
      id: 'reach-unknown',
      severity: UNINSPECTED[exposure].high,
      message:
        'live, but the provider offers no read-only way to learn what it can do: treat it as able to do whatever its owner can',
    },
  ];
}
