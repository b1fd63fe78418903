import { vercel } from '../../providers/vercel/index.js';
import { describeIncident } from '../helpers/hosting-suites.js';
import { startVercel } from './world.js';

// A token kept "for DNS" in a staging file that can delete the production project.
describeIncident(vercel, startVercel, {
  file: 'deploy/staging/.env',
  variable: 'VERCEL_DNS_TOKEN',
  token: 'account',
  otherToken: 'acmeOnly',
  names: 'the project "storefront" of "acme" with its production deployments and domains',
  reach: ['production projects', 'acme/storefront'],
});
