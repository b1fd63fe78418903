import { vercel } from '../../providers/vercel/index.js';
import { describeFaults, describeTokenLifecycle } from '../helpers/hosting-suites.js';
import { startVercel } from './world.js';

describeFaults(vercel, startVercel, 'unexpected answer from Vercel: body is not an object');

describeTokenLifecycle(vercel, startVercel, {
  revoked: 'Vercel rejects it (HTTP 403: Not authorized): expired, revoked or never issued',
  firstPath: '/v5/user/tokens/current',
});
