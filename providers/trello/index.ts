import type { Provider } from '../../src/core/provider.js';
import { prefixedToken } from '../rule-shapes.js';

/** Trello: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const trello: Provider = {
  id: 'trello',
  name: 'Trello',
  // A token authorised with scope=read and an expiration, not read,write,account and never.
  docsUrl: 'https://developer.atlassian.com/cloud/trello/guides/rest-api/authorization/',
  rules: [
    prefixedToken({
      // Format: https://developer.atlassian.com/cloud/trello/guides/rest-api/authorization/ (user
      // tokens granted to a Power-Up or API key; they begin ATTA, like Atlassian's other AT prefixes)
      id: 'trello-token',
      provider: 'trello',
      kind: 'user token',
      description: 'Trello user token (ATTA)',
      prefix: 'ATTA',
      body: '[A-Za-z0-9]{60,80}',
      entropy: 3.5,
      examples: {
        truePositives: ['TRELLO_TOKEN=ATTA6b0872ad4beb92c72511b920bbe135f41feb249273560b94b0bdd7fd42fcf3a74036D05A'],
        falsePositives: ['TRELLO_TOKEN=ATTA...', 'ATTACHMENT_STORAGE_BUCKET_FOR_THE_UPLOADS'],
      },
    }),
  ],
};
