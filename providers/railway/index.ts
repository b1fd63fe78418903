import { lazily } from '../../src/core/lazy.js';
import type { Provider } from '../../src/core/provider.js';
import { ALL_DOCUMENTS } from './queries.js';
import { TOKEN_DOCS_URL } from './model.js';
import { remediateRailway } from './remediation.js';
import { assessRailway } from './risks.js';
import { rules } from './rules.js';

// One inspector loads at a time (see lazy.ts): they share src/inspect modules.
const inspector = lazily(() => import('./inspect.js'));

export const railway: Provider = {
  id: 'railway',
  name: 'Railway',
  docsUrl: TOKEN_DOCS_URL,
  rules,
  endpoint: {
    default: 'https://backboard.railway.com/graphql/v2',
    flag: 'railway-endpoint',
    env: ['TOKENSCOPE_RAILWAY_ENDPOINT'],
  },
  // Every request is a POST of one of the queries in queries.ts to the endpoint itself.
  operations: [{ method: 'POST', path: '/', body: { graphql: Object.values(ALL_DOCUMENTS) } }],
  // The inspector loads only when a token is inspected: scanning threads import this file too.
  inspect: async (credential, ctx) => (await inspector()).inspectRailway(credential, ctx),
  assess: assessRailway,
  remediation: remediateRailway,
};
