import { slack } from '../../providers/slack/index.js';
import { describeFaults, describeTokenLifecycle } from '../helpers/hosting-suites.js';
import { startSlack } from './world.js';

describeFaults(slack, startSlack, 'unexpected answer from Slack: body is not an object');

describeTokenLifecycle(slack, startSlack, {
  revoked: 'Slack rejects it (invalid_auth): revoked, expired or never issued',
  firstPath: '/auth.test',
});
