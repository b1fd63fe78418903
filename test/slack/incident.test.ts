import { slack } from '../../providers/slack/index.js';
import { describeSaasIncident } from '../helpers/saas-incident.js';
import { startSlack } from './world.js';

// A token kept "for CI notifications" in a staging file that is an Enterprise Grid admin's user token.
describeSaasIncident(slack, startSlack, {
  file: 'ci/staging.env',
  variable: 'SLACK_CI_NOTIFY_TOKEN',
  token: 'gridAdmin',
  otherToken: 'narrowBot',
  risk: 'admin',
  says: 'admin.users:write',
  remedy: 'bot token',
});
