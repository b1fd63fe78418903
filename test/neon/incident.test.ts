import { neon } from '../../providers/neon/index.js';
import { describeIncident } from '../helpers/hosting-suites.js';
import { startNeon } from './world.js';

// A key kept for the staging deploy in a staging file that can delete the production database's project.
describeIncident(neon, startNeon, {
  file: 'deploy/staging/.env',
  variable: 'NEON_DEPLOY_API_KEY',
  token: 'acmeOrg',
  otherToken: 'stagingProject',
  names: 'the project "shop" (shop-1) of "Acme" with 2 database(s)',
  reach: ['production projects', 'Acme/shop'],
});
