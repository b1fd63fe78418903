import { neon } from '../../providers/neon/index.js';
import { describeFaults, describeTokenLifecycle } from '../helpers/hosting-suites.js';
import { startNeon } from './world.js';

// Neon keys are known by context only (their format is unconfirmed): uninspected, one step below the gate.
describeFaults(neon, startNeon, 'unexpected answer from Neon: auth is not an object', {
  uninspected: 'medium',
});

describeTokenLifecycle(neon, startNeon, {
  revoked: 'Neon rejects it (HTTP 401: authentication required): revoked or never issued',
  firstPath: '/auth',
});
