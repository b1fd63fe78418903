import type { Provider } from '../../src/core/provider.js';
import { prefixedToken } from '../rule-shapes.js';

/** Bitbucket Cloud: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const bitbucket: Provider = {
  id: 'bitbucket',
  name: 'Bitbucket Cloud',
  // A repository access token reaches one repository with chosen scopes; an app password all its user can.
  docsUrl: 'https://support.atlassian.com/bitbucket-cloud/docs/access-tokens/',
  rules: [
    prefixedToken({
      // Format: https://support.atlassian.com/bitbucket-cloud/docs/access-tokens/ and Atlassian's answer on the
      // prefixes, https://community.atlassian.com/forums/Bitbucket-questions/Can-we-confirm-BitBucket-s-token-prefixes/qaq-p/3093481
      // (access tokens ATCT, app passwords ATBB, API tokens ATAT; like ATATT3 tokens, a = and 8 hex at the end)
      id: 'bitbucket-access-token',
      provider: 'bitbucket',
      kind: 'access token (repository, project or workspace)',
      description: 'Bitbucket Cloud repository, project or workspace access token (ATCTT)',
      prefix: 'ATCTT3xFfGN0',
      body: '[A-Za-z0-9_-]{150,250}=[0-9A-Fa-f]{8}',
      entropy: 4,
      examples: {
        truePositives: [
          'BITBUCKET_ACCESS_TOKEN=ATCTT3xFfGN0LbzPLSZk3E5l9JLTmofhykMugxSvdDFiZTO5KjF5tvKUrET0jypo_hoFPkJJAwm_7BTCXNzTNnWxaQSUyfSbPrtYPoeyrnCLo1JLUKxsNR6PlgtZ0dyF7gjpkq0mdY31k_vYG5qEIy0IRTl5Pn-UPdamfodfUcTFJDy_xYDqxWILK8WmaOaz=0C5FA1D0',
        ],
        falsePositives: [
          'BITBUCKET_ACCESS_TOKEN=ATCTT3xFfGN0...',
          'ATCTT3xFfGN0 is the prefix of Bitbucket access tokens',
        ],
      },
    }),
    prefixedToken({
      // Format: https://community.atlassian.com/forums/Bitbucket-questions/Can-we-confirm-BitBucket-s-token-prefixes/qaq-p/3093481
      // (Atlassian: app passwords begin ATBB)
      id: 'bitbucket-app-password',
      provider: 'bitbucket',
      kind: 'app password',
      description: 'Bitbucket Cloud app password (ATBB)',
      prefix: 'ATBB',
      body: '[A-Za-z0-9]{28,48}',
      entropy: 4,
      examples: {
        truePositives: ['git clone https://jdoe:ATBBOyMJBJ3pCS5kVyaRPt9DkcNQicLW4nUG@bitbucket.org/acme/app.git'],
        falsePositives: ['BITBUCKET_APP_PASSWORD=ATBBxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'ATBB_SHORT'],
      },
    }),
  ],
};
