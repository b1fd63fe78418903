import { openai } from '../../providers/openai/index.js';
import { describeIncident } from '../helpers/hosting-suites.js';
import { MEMBER_EMAIL } from './double.js';
import { startOpenAI } from './world.js';

// A key kept "read-only" for CI evaluations that is the organization's admin key.
describeIncident(openai, startOpenAI, {
  file: 'ci/staging.env',
  variable: 'OPENAI_READONLY_KEY',
  token: 'admin',
  otherToken: 'project',
  risk: 'org-admin',
  names: 'an admin key of the organization "org-AcmeResearch01" (3 project(s))',
  reach: ['projects', 'chatbot-prod'],
  firstCapability: { action: 'admin' },
  neverPrinted: [MEMBER_EMAIL, 'sk-proj-*'],
});
