import type { WhoamiSpec } from '../../src/core/whoami.js';

/** Travis CI's API v3 names the user a token belongs to (https://developer.travis-ci.com/resource/user). */
export const verify: WhoamiSpec = {
  endpoint: { default: 'https://api.travis-ci.com', flag: 'travis-api-url', env: ['TOKENSCOPE_TRAVIS_API_URL'] },
  operation: { method: 'GET', path: '/user' },
  auth: { scheme: 'header', name: 'authorization', prefix: 'token' },
  headers: { 'travis-api-version': '3' },
  errorWords: 'error_message',
  read: { expect: '', identity: ['login', 'name', 'id'], identityIs: 'user' },
  unknowns: [
    {
      what: 'repositories reached',
      reason: 'a Travis CI token acts as its user on every repository the user can reach; /user does not list them',
    },
  ],
};
