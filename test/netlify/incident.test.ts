import { netlify } from '../../providers/netlify/index.js';
import { describeIncident } from '../helpers/hosting-suites.js';
import { startNetlify } from './world.js';

// A token kept "for previews" in a staging file that can delete the live site's DNS zone.
describeIncident(netlify, startNetlify, {
  file: 'deploy/staging/.env',
  variable: 'NETLIFY_PREVIEW_DEPLOY_TOKEN',
  token: 'personal',
  otherToken: 'limitOnce',
  names: 'the DNS zone "acme.example" of a live site',
  reach: ['production zones', 'acme.example'],
});
