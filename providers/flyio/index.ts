import { lazily } from '../../src/core/lazy.js';
import type { Provider } from '../../src/core/provider.js';
import { describeFlyOffline } from './claims.js';
import { decodeFlyMacaroons } from './macaroon.js';
import { FLY_TOKENS_DOCS_URL } from './model.js';
import { ALL_DOCUMENTS } from './queries.js';
import { remediateFly } from './remediation.js';
import { assessFly } from './risks.js';
import { rules } from './rules.js';

/** A macaroon counts only if it decodes: random base64 after `fm2_` is not a Fly.io token. */
function decodes(secret: string): boolean {
  try {
    decodeFlyMacaroons(secret);
    return true;
  } catch {
    return false;
  }
}

// One inspector loads at a time (see lazy.ts): they share src/inspect modules.
const inspector = lazily(() => import('./inspect.js'));

export const flyio: Provider = {
  id: 'flyio',
  name: 'Fly.io',
  docsUrl: FLY_TOKENS_DOCS_URL,
  rules,
  validators: { 'flyio-macaroon': decodes },
  endpoint: { default: 'https://api.fly.io/graphql', flag: 'flyio-api-url', env: ['TOKENSCOPE_FLYIO_API_URL'] },
  // Every request is a POST of one of the queries in queries.ts to the endpoint itself. No Machines
  // API call is needed: GraphQL lists apps, volumes and machine counts.
  operations: [{ method: 'POST', path: '/', body: { graphql: Object.values(ALL_DOCUMENTS) } }],
  // Caveats are decoded offline, before (and without) any call.
  describeOffline: (credential) => describeFlyOffline(credential.secret.reveal()),
  // `FlyV1 fm2_...` holds a space: the whole first line is the token.
  parseInspectInput: (text) => {
    const secret = text.trim().split(/\r?\n/)[0]?.trim() ?? '';
    return secret ? { secret } : undefined;
  },
  inspect: async (credential, ctx) => (await inspector()).inspectFly(credential, ctx),
  assess: assessFly,
  remediation: remediateFly,
};
