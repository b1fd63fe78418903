import { anthropic } from '../../providers/anthropic/index.js';
import { describeIncident } from '../helpers/hosting-suites.js';
import { KEY_HINT, MEMBER_EMAIL } from './double.js';
import { startAnthropic } from './world.js';

// A key kept for the staging evaluation runs ("test") that is the organization's admin key.
describeIncident(anthropic, startAnthropic, {
  file: 'config/staging.env',
  variable: 'ANTHROPIC_TEST_KEY',
  token: 'admin',
  otherToken: 'api',
  risk: 'org-admin',
  names: 'an admin key of the organization "Acme Labs" (12345678-1234-5678-1234-567812345678)',
  reach: ['workspaces', 'production-agents'],
  firstCapability: { action: 'admin' },
  neverPrinted: [MEMBER_EMAIL, KEY_HINT],
});
