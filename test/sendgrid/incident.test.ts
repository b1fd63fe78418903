import { sendgrid } from '../../providers/sendgrid/index.js';
import { describeSaasIncident } from '../helpers/saas-incident.js';
import { startSendgrid } from './world.js';

// A key kept "for CI tests" in a staging file that is a Full Access key: it mints keys and users.
describeSaasIncident(sendgrid, startSendgrid, {
  file: 'ci/staging.env',
  variable: 'SENDGRID_CI_TEST_KEY',
  token: 'fullAccess',
  otherToken: 'mailOnly',
  risk: 'admin',
  says: 'teammates and subusers',
  remedy: 'Restricted Access key',
});
