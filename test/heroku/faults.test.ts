import { heroku } from '../../providers/heroku/index.js';
import { describeFaults, describeTokenLifecycle } from '../helpers/hosting-suites.js';
import { startHeroku } from './world.js';

describeFaults(heroku, startHeroku, 'unexpected answer from Heroku: account is not an object');

describeTokenLifecycle(heroku, startHeroku, {
  revoked: 'Heroku rejects it (HTTP 401: Invalid credentials provided.): expired, revoked or never issued',
  firstPath: '/account',
});
