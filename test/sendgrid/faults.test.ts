import { sendgrid } from '../../providers/sendgrid/index.js';
import { describeFaults, describeTokenLifecycle } from '../helpers/hosting-suites.js';
import { startSendgrid } from './world.js';

describeFaults(sendgrid, startSendgrid, 'unexpected answer from SendGrid: body is not an object');

describeTokenLifecycle(sendgrid, startSendgrid, {
  revoked: 'SendGrid rejects it (HTTP 401: authorization required): revoked or never issued',
  firstPath: '/v3/scopes',
});
