import { npm } from '../../providers/npm/index.js';
import { describeFaults, describeTokenLifecycle } from '../helpers/hosting-suites.js';
import { startNpm } from './world.js';

describeFaults(npm, startNpm, 'unexpected answer from npm: body is not an object');

describeTokenLifecycle(npm, startNpm, {
  revoked: 'npm rejects it (HTTP 401: Access denied): expired, revoked, never issued, or limited to other IP ranges',
  firstPath: '/-/whoami',
});
