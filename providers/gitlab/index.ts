import type { Provider } from '../../src/core/provider.js';

export const gitlab: Provider = {
  id: 'gitlab',
  name: 'GitLab',
  docsUrl: 'https://docs.gitlab.com/user/profile/personal_access_tokens/',
  rules: [
    {
      id: 'gitlab-pat',
      provider: 'gitlab',
      kind: 'personal access token',
      description: 'GitLab personal, project or group access token (glpat-)',
      confidence: 'high',
      keywords: ['glpat-'],
      keywordsCaseSensitive: true,
      keywordScope: 'line',
      // A lookahead is atomic in JavaScript: capturing the body in one and matching it back means the
      // quantifier is never backtracked into (linear time whatever the input).
      regex: '(?<![0-9A-Za-z_.-])(?<secret>glpat-(?=(?<body>[0-9A-Za-z_.-]{20,80}))\\k<body>)(?![0-9A-Za-z_.-])',
      entropy: 3.5,
      examples: {
        truePositives: ['GITLAB_TOKEN=glpat-JiqI1qtCDYTAh2W4mbKG'],
        falsePositives: ['GITLAB_TOKEN=glpat-xxxxxxxxxxxxxxxxxxxx', 'glpat-aaaaaaaaaaaaaaaaaaaa'],
      },
    },
  ],
};
