import { PROVIDERS } from '../../providers/registry.js';
import { describeFaults, FAULTS, started } from '../helpers/hosting-suites.js';
import { WhoamiDouble } from './double.js';
import { ROWS } from './table.js';

/**
 * Every verified provider meets the shared faults (429 with a short and a long Retry-After, 5xx,
 * a body that is not JSON, JSON of the wrong shape, a hang) through inspectAll. A whoami is one
 * request: there is no half-way to hang at.
 */
const byId = new Map(PROVIDERS.map((p) => [p.id, p]));

/** The field each answer is first checked for, as the documented shapes have it. */
const SHAPE: Record<string, string> = {
  terraform: 'data.attributes is not an object',
  sentry: 'auth is not an object',
  asana: 'data is not an object',
  postman: 'user is not an object',
  okta: 'profile is not an object',
  honeycomb: 'team is not an object',
  together: 'the answer is not a list of objects',
  vault: 'data is not an object',
  linear: 'data.viewer is not an object',
  newrelic: 'data.actor is not an object',
};

for (const row of ROWS) {
  const provider = byId.get(row.provider)!;
  const double = new WhoamiDouble(row);
  describeFaults(
    provider,
    () => started(double, double.named),
    `unexpected answer from ${provider.name}: ${SHAPE[row.provider] ?? 'the answer is not an object'}`,
    {
      plays: FAULTS.filter((f) => f !== 'hangHalfway'),
      uninspected: provider.rules[0]!.confidence === 'high' ? 'high' : 'medium',
    },
  );
}
