import { render } from '../../providers/render/index.js';
import { describeIncident } from '../helpers/hosting-suites.js';
import { startRender } from './world.js';

// A key kept "for domains" in a staging file that can delete the production database.
describeIncident(render, startRender, {
  file: 'infra/staging/.env',
  variable: 'RENDER_DOMAIN_KEY',
  token: 'key',
  otherToken: 'limitOnce',
  names: 'the Postgres database "shop-db" of "Acme" in shop/production',
  reach: ['databases', 'Acme/shop-db'],
});
