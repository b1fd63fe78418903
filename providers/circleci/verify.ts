import type { WhoamiSpec } from '../../src/core/whoami.js';

/** CircleCI's v2 API names the user a personal token acts as (https://circleci.com/docs/api/v2/#operation/getCurrentUser). */
export const verify: WhoamiSpec = {
  endpoint: { default: 'https://circleci.com', flag: 'circleci-api-url', env: ['TOKENSCOPE_CIRCLECI_API_URL'] },
  operation: { method: 'GET', path: '/api/v2/me' },
  auth: { scheme: 'header', name: 'circle-token' },
  only: {
    pattern: '^(?!CCIPRJ_)',
    otherwise:
      'a CircleCI project token acts on one project only and cannot read /me; tokenscope knows no read-only call that verifies it',
  },
  read: { expect: '', identity: ['login', 'name', 'id'], identityIs: 'user' },
  unknowns: [
    {
      what: 'projects and organizations reached',
      reason: 'a personal API token acts with everything its user can do in every organization; /me does not list them',
    },
  ],
};
