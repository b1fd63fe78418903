import type { OperationDefinitionNode } from 'graphql';

/**
 * One exact request a provider's inspector may send. A provider lists every one of them; the HTTP
 * door refuses anything else before it leaves. "GET" alone is not a rule: some GETs change state
 * or reveal other secrets (a database's connection string, another token's value), and some reads
 * are POSTs (a GraphQL query, Slack's methods, Google's testIamPermissions).
 */
export interface HttpOperation {
  method: 'GET' | 'HEAD' | 'POST';
  /**
   * The path below the endpoint's own path (`/user`, `/v9/projects/{id}`): each `{name}` stands
   * for exactly one path segment (`{name}:verb`: one segment ending in that custom method, as
   * Google writes them), everything else must match to the letter. The query string is
   * free (pagination, filters); what a request may reach is decided by its path.
   */
  path: string;
  /**
   * A POST's body. `graphql`: the request's query must be one of these documents (compared after
   * parsing, so whitespace does not matter) and every operation in it a query. `readOnlyBecause`:
   * a POST that reads by design; the reason is written down where the allowlist is reviewed.
   */
  body?: { graphql: string[] } | { readOnlyBecause: string };
  /**
   * The provider's named extra endpoint (Provider.extraEndpoints) this request goes to; absent:
   * its main endpoint. The door matches each request only against its own endpoint's operations.
   */
  endpoint?: string;
}

const SEGMENT = /^[A-Za-z0-9._~:@!$&'()*+,;=%-]+$/;

/** Why `ops` refuses this request, or undefined when one of them allows it exactly. */
export function refusal(
  ops: readonly HttpOperation[],
  endpoint: URL,
  method: string,
  target: URL,
  body: string | undefined,
): string | undefined {
  const below = pathBelow(endpoint, target);
  if (below === undefined) return `${target.pathname} is not under the endpoint's path ${endpoint.pathname}`;
  const candidates = ops.filter((op) => op.method === method && pathMatches(op.path, below));
  if (candidates.length === 0) return `${method} ${below} is not on this provider's list of read-only operations`;
  for (const op of candidates) {
    if (op.method !== 'POST') return undefined;
    if (op.body && 'readOnlyBecause' in op.body) return undefined;
    if (op.body && 'graphql' in op.body && isListedQuery(op.body.graphql, body)) return undefined;
  }
  if (graphql === undefined && candidates.some((op) => op.body && 'graphql' in op.body))
    return `POST ${below}: the GraphQL parser was not loaded, so the document could not be checked`;
  return `POST ${below}: the body is not one of the listed read-only documents`;
}

/** The target's path relative to the endpoint's, or undefined when it is not below it. */
function pathBelow(endpoint: URL, target: URL): string | undefined {
  const base = endpoint.pathname.replace(/\/+$/, '');
  const path = target.pathname;
  if (base === '') return path;
  if (path === base) return '/';
  return path.startsWith(`${base}/`) ? path.slice(base.length) : undefined;
}

function pathMatches(template: string, path: string): boolean {
  const want = template.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return false;
  return want.every((w, i) => {
    const g = got[i]!;
    if (/^\{[^}]+\}$/.test(w)) return isParam(g);
    // Google's custom methods: `{id}:testIamPermissions` is one id, then exactly that verb (the
    // id holds no colon, so `x:setIamPolicy:testIamPermissions` is no match).
    const verb = /^\{[^}]+\}(:[A-Za-z]+)$/.exec(w)?.[1];
    if (verb) return g.endsWith(verb) && isParam(g.slice(0, -verb.length)) && !g.slice(0, -verb.length).includes(':');
    return w === g;
  });
}

function isParam(g: string): boolean {
  return g !== '' && g !== '.' && g !== '..' && SEGMENT.test(g) && !/%2f|%5c|%2e/i.test(g);
}

/** The GraphQL parser, once loaded: a fifth of the command line's code, needed only to inspect. */
let graphql: typeof import('graphql') | undefined;

/**
 * Loads the GraphQL parser that checks a POST's document; the HTTP door awaits it before it
 * judges a request with a body. Until then every GraphQL body is refused (never let through).
 */
export async function loadGraphqlParser(): Promise<void> {
  if (graphql) return;
  const m = await import('graphql');
  // The package is CommonJS: Node names its exports, a bundle or a test runner may give only `default`.
  graphql = typeof m.parse === 'function' ? m : (m as unknown as { default: typeof m }).default;
}

const normalised = new Map<string, string>();

function normalise(g: typeof import('graphql'), document: string): string {
  let n = normalised.get(document);
  if (n === undefined) {
    n = g.print(g.parse(document));
    normalised.set(document, n);
  }
  return n;
}

function isListedQuery(documents: readonly string[], body: string | undefined): boolean {
  const g = graphql;
  if (body === undefined || g === undefined) return false;
  try {
    const { query } = JSON.parse(body) as { query?: unknown };
    if (typeof query !== 'string') return false;
    const doc = g.parse(query);
    const onlyQueries = doc.definitions.every(
      (d) =>
        d.kind === 'FragmentDefinition' ||
        (d.kind === 'OperationDefinition' && (d as OperationDefinitionNode).operation === 'query'),
    );
    if (!onlyQueries) return false;
    const sent = g.print(doc);
    return documents.some((d) => normalise(g, d) === sent);
  } catch {
    return false;
  }
}
