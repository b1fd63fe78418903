import type { Provider } from '../../src/core/provider.js';
import { rules } from './rules.js';

export const railway: Provider = {
  id: 'railway',
  name: 'Railway',
  docsUrl: 'https://docs.railway.com/guides/public-api#creating-a-token',
  rules,
  endpoint: {
    default: 'https://backboard.railway.com/graphql/v2',
    flag: 'railway-endpoint',
    env: ['TOKENSCOPE_RAILWAY_ENDPOINT'],
  },
};
