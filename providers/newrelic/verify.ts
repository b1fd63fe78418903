import type { WhoamiSpec } from '../../src/core/whoami.js';

/**
 * New Relic's API is GraphQL (NerdGraph): its whoami is the `actor` query, the user a user key
 * (NRAK-) acts as and the accounts it reaches
 * (https://docs.newrelic.com/docs/apis/nerdgraph/get-started/introduction-new-relic-nerdgraph/).
 * One query document, listed exactly: the door refuses any other (NerdGraph's key search returns
 * other keys) and every mutation. EU accounts use https://api.eu.newrelic.com (the flag).
 */
export const verify: WhoamiSpec = {
  endpoint: { default: 'https://api.newrelic.com', flag: 'newrelic-api-url', env: ['TOKENSCOPE_NEWRELIC_API_URL'] },
  operation: {
    method: 'POST',
    path: '/graphql',
    body: { graphql: ['query Whoami { actor { user { id name email } accounts { id name } } }'] },
  },
  auth: { scheme: 'header', name: 'api-key' },
  only: {
    rules: ['newrelic-user-api-key'],
    otherwise:
      'a license or insert key only sends data to New Relic: no read takes it, so tokenscope does not send one',
  },
  read: {
    expect: 'data.actor',
    identity: ['data.actor.user.email', 'data.actor.user.name', 'data.actor.user.id'],
    identityIs: 'user',
    reach: { accounts: 'data.actor.accounts[].name' },
  },
  unknowns: [
    {
      what: 'roles',
      reason:
        "a user key acts with its user's roles in each account (often admin); the actor answer names the accounts, not the roles",
    },
  ],
};
