import type { InspectContext } from '../../src/core/provider.js';
import type { Credential, Unknown } from '../../src/core/types.js';
import { ProviderUnavailableError } from '../../src/core/errors.js';
import { ask } from './client.js';
import { PAGE_SIZE } from './classify.js';
import { API_TOKENS_PAGE } from './queries.js';
import { obj, optStr, page, str, walk } from './shape.js';

export interface Expiry {
  expiry: 'none' | 'set' | 'unknown';
  expiresAt: string | null;
  unknown?: Unknown;
}

interface ApiTokenNode {
  name: string;
  expiresAt?: string;
}

const MAX_TOKENS = 500;

/**
 * Railway shows expiry only in the list of the user's API tokens, and that list does not say which
 * entry is the token asking. So: no token of the user expires means this one does not either;
 * all of them expiring means this one does too; a mix leaves it unknown.
 */
export async function expiryOf(credential: Credential, ctx: InspectContext): Promise<Expiry> {
  const read = (v: unknown, path: string): ApiTokenNode => {
    const o = obj(v, path);
    const expiresAt = optStr(o.expiresAt, `${path}.expiresAt`);
    return { name: str(o.name, `${path}.name`), ...(expiresAt !== undefined ? { expiresAt } : {}) };
  };
  const fetchPage = async (after: string | null) => {
    const answer = await ask(ctx, credential, 'bearer', API_TOKENS_PAGE, { first: PAGE_SIZE, after });
    if (!answer.ok) throw new ProviderUnavailableError(`Railway refused to list API tokens: ${answer.message}`);
    return page(answer.data.apiTokens, 'apiTokens', read);
  };
  let tokens: ApiTokenNode[];
  try {
    tokens = (await walk(await fetchPage(null), fetchPage, MAX_TOKENS)).nodes;
  } catch (e) {
    if (!(e instanceof ProviderUnavailableError)) throw e;
    return unknown(e.message);
  }
  if (tokens.length === 0) return unknown('Railway lists no API tokens for this user');
  const expiring = tokens.filter((t) => t.expiresAt !== undefined);
  if (expiring.length === 0) return { expiry: 'none', expiresAt: null };
  if (expiring.length === tokens.length) {
    // With one token, its date is this token's; with several, only "it expires" is known.
    return { expiry: 'set', expiresAt: tokens.length === 1 ? expiring[0]!.expiresAt! : null };
  }
  return unknown(
    `${expiring.length} of the user's ${tokens.length} API tokens expire; Railway does not say which one this is`,
  );
}

function unknown(reason: string): Expiry {
  return { expiry: 'unknown', expiresAt: null, unknown: { what: 'expiry', reason } };
}
