import type { Provider } from '../../src/core/provider.js';

/** Docker Hub: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const docker: Provider = {
  id: 'docker',
  name: 'Docker Hub',
  docsUrl: 'https://docs.docker.com/security/for-developers/access-tokens/',
  rules: [
    {
      // Format: https://docs.docker.com/security/for-developers/access-tokens/ and https://docs.docker.com/security/for-admins/access-tokens/
      id: 'docker-hub-access-token',
      provider: 'docker',
      kind: 'access token',
      description: 'Docker Hub personal or organization access token (dckr_pat_, dckr_oat_)',
      confidence: 'high',
      keywords: ['dckr_'],
      keywordsCaseSensitive: true,
      keywordScope: 'line',
      regex: '\\b(?<secret>dckr_(?:pat|oat)_[A-Za-z0-9_-]{27,40})(?![A-Za-z0-9_-])',
      entropy: 3.8,
      examples: {
        truePositives: [
          'DOCKERHUB_TOKEN=dckr_pat_eeP87eW-C2p_OdvLOort1t_v5qk',
          'echo dckr_oat_uk8mIhgsu6QyH2qzo9wxcN5HI34uZmbz | docker login -u org --password-stdin',
        ],
        falsePositives: ['DOCKERHUB_TOKEN=dckr_pat_xxxxxxxxxxxxxxxxxxxxxxxxxxx', 'dckr_pat_short'],
      },
    },
  ],
};
