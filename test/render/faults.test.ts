import { render } from '../../providers/render/index.js';
import { describeFaults, describeTokenLifecycle } from '../helpers/hosting-suites.js';
import { startRender } from './world.js';

describeFaults(render, startRender, 'unexpected answer from Render: user is not an object');

describeTokenLifecycle(render, startRender, {
  revoked: 'Render rejects it (HTTP 401: Access denied): revoked or never issued',
  firstPath: '/users',
});
