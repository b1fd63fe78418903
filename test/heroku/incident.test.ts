import { heroku } from '../../providers/heroku/index.js';
import { describeIncident } from '../helpers/hosting-suites.js';
import { startHeroku } from './world.js';

// A token kept "for domains" in a staging file that can destroy the production database.
describeIncident(heroku, startHeroku, {
  file: 'deploy/staging/.env',
  variable: 'HEROKU_DOMAIN_TOKEN',
  token: 'global',
  otherToken: 'read',
  names: 'the database "postgresql-shaped-12345" (heroku-postgresql) of production app "shop-api"',
  reach: ['databases', 'shop-api/postgresql-shaped-12345'],
});
