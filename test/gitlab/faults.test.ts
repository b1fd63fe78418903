import { gitlab } from '../../providers/gitlab/index.js';
import { describeFaults, describeTokenLifecycle } from '../helpers/hosting-suites.js';
import { startGitlab } from './world.js';

describeFaults(gitlab, startGitlab, 'unexpected answer from GitLab: body is not an object');

describeTokenLifecycle(gitlab, startGitlab, {
  revoked: 'GitLab rejects it (HTTP 401: 401 Unauthorized): expired, revoked or never issued',
  firstPath: '/api/v4/personal_access_tokens/self',
});
