import { lazily } from '../../src/core/lazy.js';
import type { Provider } from '../../src/core/provider.js';
import { TOKEN_DOCS_URL } from './model.js';
import { remediateHuggingFace } from './remediation.js';
import { assessHuggingFace } from './risks.js';
import { rules } from './rules.js';

const inspector = lazily(() => import('./inspect.js'));

export const huggingface: Provider = {
  id: 'huggingface',
  name: 'Hugging Face',
  docsUrl: TOKEN_DOCS_URL,
  rules,
  endpoint: {
    default: 'https://huggingface.co',
    flag: 'huggingface-api-url',
    env: ['TOKENSCOPE_HUGGINGFACE_API_URL'],
  },
  // One read says it all: who, the token's role and fine-grained grants, and the organizations
  // with the user's role. Never repo listings, files, Space variables or settings, token lists,
  // OAuth (`/oauth/token` mints tokens), or any commit, create, delete or settings change.
  operations: [{ method: 'GET', path: '/api/whoami-v2' }],
  // Scanning threads import this file: the inspector loads only when a token is inspected.
  inspect: async (credential, ctx) => (await inspector()).inspectHuggingFace(credential, ctx),
  assess: assessHuggingFace,
  remediation: remediateHuggingFace,
};
