import type { WhoamiSpec } from '../../src/core/whoami.js';

/**
 * HCP Terraform's account details name the user (or the service user of a team or organization
 * token) the token acts as (https://developer.hashicorp.com/terraform/cloud-docs/api-docs/account).
 */
export const verify: WhoamiSpec = {
  endpoint: { default: 'https://app.terraform.io', flag: 'terraform-api-url', env: ['TOKENSCOPE_TERRAFORM_API_URL'] },
  operation: { method: 'GET', path: '/api/v2/account/details' },
  auth: { scheme: 'bearer' },
  errorWords: 'errors[].title',
  read: {
    expect: 'data.attributes',
    identity: ['data.attributes.email', 'data.attributes.username', 'data.id'],
    identityIs: 'user',
  },
  unknowns: [
    {
      what: 'organizations and workspaces reached',
      reason:
        "a user token acts with its user's rights in every organization, a team or organization token with its own; the account answer lists neither",
    },
  ],
};
