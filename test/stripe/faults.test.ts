import { stripe } from '../../providers/stripe/index.js';
import { describeFaults, describeTokenLifecycle } from '../helpers/hosting-suites.js';
import { startStripe } from './world.js';

describeFaults(stripe, startStripe, 'unexpected answer from Stripe: body is not an object');

describeTokenLifecycle(stripe, startStripe, {
  revoked: 'Stripe rejects it (HTTP 401): rolled, deleted or never issued',
  firstPath: '/v1/account',
});
