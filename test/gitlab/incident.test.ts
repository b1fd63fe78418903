import { gitlab } from '../../providers/gitlab/index.js';
import { describeSaasIncident } from '../helpers/saas-incident.js';
import { startGitlab } from './world.js';

// A token kept "for CI reads" in a staging file whose user is an instance administrator.
describeSaasIncident(gitlab, startGitlab, {
  file: 'deploy/staging/.env',
  variable: 'GITLAB_CI_READ_TOKEN',
  token: 'admin',
  otherToken: 'docsBot',
  risk: 'admin',
  says: 'administrator of 127.0.0.1',
  remedy: 'project access token',
});
