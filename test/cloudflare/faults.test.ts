import { cloudflare } from '../../providers/cloudflare/index.js';
import { describeFaults } from '../helpers/hosting-suites.js';
import { startCloudflare } from './world.js';

// A Cloudflare that rate limits, fails, talks nonsense or hangs costs a credential its
// verification, never the finding and never the run.
describeFaults(
  cloudflare,
  startCloudflare,
  'Cloudflare answered /user/tokens/verify with JSON that is not its API envelope',
  {
    plays: ['rateLimited', 'serverError', 'malformed', 'nonsense', 'hang'],
  },
);
