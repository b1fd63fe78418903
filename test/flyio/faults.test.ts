import { flyio } from '../../providers/flyio/index.js';
import { describeFaults } from '../helpers/hosting-suites.js';
import { startFlyio } from './world.js';

// A Fly.io that is slow, rate limiting, failing or talking nonsense costs a credential its
// verification, never the finding and never the run.
describeFaults(flyio, startFlyio, 'Fly.io answered a GraphQL response without data or errors', {
  plays: ['rateLimited', 'rateLimitedLong', 'serverError', 'malformed', 'nonsense', 'hang'],
});
