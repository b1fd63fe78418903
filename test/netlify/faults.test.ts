import { netlify } from '../../providers/netlify/index.js';
import { describeFaults, describeTokenLifecycle } from '../helpers/hosting-suites.js';
import { startNetlify } from './world.js';

describeFaults(netlify, startNetlify, 'unexpected answer from Netlify: user is not an object');

describeTokenLifecycle(netlify, startNetlify, {
  revoked: 'Netlify rejects it (HTTP 401: Access denied): expired, revoked or never issued',
  firstPath: '/user',
});
