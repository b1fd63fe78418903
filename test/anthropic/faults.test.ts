import { anthropic } from '../../providers/anthropic/index.js';
import { describeFaults, describeTokenLifecycle } from '../helpers/hosting-suites.js';
import { startAnthropic } from './world.js';

describeFaults(anthropic, startAnthropic, 'unexpected answer from Anthropic: body is not an object');

describeTokenLifecycle(anthropic, startAnthropic, {
  revoked: 'Anthropic rejects it (HTTP 401): disabled, archived or never issued',
  firstPath: '/v1/models',
});
