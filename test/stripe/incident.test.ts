import { stripe } from '../../providers/stripe/index.js';
import { describeIncident } from '../helpers/hosting-suites.js';
import { CUSTOMER_EMAIL } from './double.js';
import { startStripe } from './world.js';

// A key kept "read-only" for the staging reports that is the live account's secret key.
describeIncident(stripe, startStripe, {
  file: 'deploy/staging/.env',
  variable: 'STRIPE_READONLY_KEY',
  token: 'secretLive',
  otherToken: 'restrictedReads',
  risk: 'can-move-money',
  names: 'a live secret key of "Acme Payments" (acct_1AcmeLive0000000)',
  reach: ['live-mode accounts', 'Acme Payments (acct_1AcmeLive0000000)'],
  firstCapability: { action: 'admin', production: true },
  neverPrinted: [CUSTOMER_EMAIL, 'rk_live_*', 'sk_live_*'],
});
