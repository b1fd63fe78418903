import { openai } from '../../providers/openai/index.js';
import { describeFaults, describeTokenLifecycle } from '../helpers/hosting-suites.js';
import { startOpenAI } from './world.js';

describeFaults(openai, startOpenAI, 'unexpected answer from OpenAI: body is not an object');

describeTokenLifecycle(openai, startOpenAI, {
  revoked: 'OpenAI rejects it (HTTP 401): revoked, deleted or never issued',
  firstPath: '/v1/models',
});
