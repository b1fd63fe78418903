import type { Provider } from '../../src/core/provider.js';
import { validGithubChecksum } from './checksum.js';
import { rules } from './rules.js';

export const github: Provider = {
  id: 'github',
  name: 'GitHub',
  docsUrl:
    'https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/managing-your-personal-access-tokens',
  rules,
  validators: { 'github-checksum': validGithubChecksum },
};
