import { render } from '../../providers/render/index.js';
import { describeFaults } from '../helpers/hosting-suites.js';
import { startRender } from './world.js';

describeFaults(render, startRender, {
  rateLimited: {
    verification: 'unverified',
    reason: 'rate limited (HTTP 429) after 3 attempt(s); Retry-After 0s',
    attempts: 3,
  },
  rateLimitedLong: {
    verification: 'unverified',
    reason: 'rate limited (HTTP 429) after 1 attempt(s); Retry-After 3600s',
    attempts: 1,
  },
  serverError: { verification: 'error', reason: 'server error (HTTP 502) after 3 attempt(s)', attempts: 3 },
  malformed: { verification: 'error', reason: 'Render answered HTTP 200 with a body that is not JSON' },
  nonsense: { verification: 'error', reason: 'unexpected answer from Render: user is not an object' },
  hang: { verification: 'error', reason: 'no answer within 500 ms' },
  hangHalfway: { verification: 'error', reason: 'no answer within 500 ms' },
});
