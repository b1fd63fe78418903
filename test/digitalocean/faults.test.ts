import { digitalocean } from '../../providers/digitalocean/index.js';
import { describeFaults } from '../helpers/hosting-suites.js';
import { startDigitalOcean } from './world.js';

// A DigitalOcean that rate limits, fails, talks nonsense or hangs costs a credential its
// verification, never the finding and never the run.
describeFaults(digitalocean, startDigitalOcean, 'DigitalOcean answered /v2/account with JSON that is not an object', {
  plays: ['rateLimited', 'serverError', 'malformed', 'nonsense', 'hang'],
  serverStatus: 500,
});
