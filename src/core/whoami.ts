import type { AssessInput, Provider } from './provider.js';
import type { HttpOperation } from './operations.js';
import type { Unknown } from './types.js';
import { lazily } from './lazy.js';
import { reachUnknown } from '../assess/reach-unknown.js';

/**
 * How a provider that maps no scope still tells a live token from a dead one: one exact read-only
 * "who am I" request, described as data in providers/<id>/verify.ts. One shared implementation
 * (src/inspect/whoami.ts) sends it through the provider's read-only door and reads the answer.
 *
 * The token travels only in a header: never in the path or the query, which servers, proxies and
 * tokenscope's own records (the door's list of what it sent) keep.
 */
export interface WhoamiSpec {
  /** Where the request goes (a default, or none where the host is the customer's own). */
  endpoint: { default: string; flag: string; env: string[] };
  /**
   * The one request: a GET with no body and no parameter in its path, or, for a GraphQL API, a
   * POST of one query document (the door compares it after parsing and refuses a mutation).
   */
  operation: WhoamiOperation;
  /** How the token is sent. */
  auth: WhoamiAuth;
  /** Fixed headers the API requires (an API version). Never anything from the scanned content. */
  headers?: Readonly<Record<string, string>>;
  /**
   * Only some tokens can be verified this way: those of these rules (absent: every rule of the
   * provider) whose secret matches `pattern` (a prefix); the others stay `unverified`, because
   * of `otherwise`.
   */
  only?: { rules?: readonly string[]; pattern?: string; otherwise: string };
  /** Where the provider's error body says why it refused (a path, as in `read`), before the common shapes. */
  errorWords?: string;
  /**
   * A provider that answers a dead token with another status than 401, telling it apart only by
   * its words (Vault: 403 with `invalid token`, where a live token its policies deny gets 403
   * `permission denied` alone): that status with those words means rejected.
   */
  rejects?: { status: number; says: string };
  /** What to read from the answer (dotted paths; `a[].b` maps over a list). */
  read: WhoamiRead;
  /** What a whoami cannot tell, said in every verified answer's unknowns. */
  unknowns: readonly Unknown[];
}

export type WhoamiOperation =
  | (HttpOperation & { method: 'GET'; body?: undefined })
  | (HttpOperation & { method: 'POST'; body: { graphql: [string] } });

export type WhoamiAuth =
  | { scheme: 'bearer' }
  /**
   * A named header, with an optional word before the token (`token`, `Bot`, `SSWS`), and what
   * stands between them (a space unless said: PagerDuty's `Token token=` has none).
   */
  | { scheme: 'header'; name: string; prefix?: string; separator?: string };

export interface WhoamiRead {
  /**
   * A path that must be an object (the body itself: '') for the answer to count as the API's, or
   * '[]': the body is a list.
   */
  expect: string;
  /** The account's plan or tier, said in the reason. */
  plan?: string;
  /** Paths tried in order: the first string or number found names the identity. */
  identity?: readonly string[];
  /** The word before the identity (`user`, `bot`, `workspace`). */
  identityIs?: string;
  /** Fixed, or read from a path. */
  tokenType?: string | { path: string };
  /**
   * The token's own scopes, when the answer has them: a list of strings, a space-separated string,
   * or an object of flags (the names set to true).
   */
  permissions?: string;
  /** A path to when the token expires (an ISO 8601 time; null or absent: the answer does not say). */
  expiresAt?: string;
  /** Provider word -> a path to the names the token reaches (workspaces, organizations). */
  reach?: Readonly<Record<string, string>>;
}

const inspector = lazily(() => import('../inspect/whoami.js'));

/**
 * The Provider fields of a provider verified by a whoami: its endpoint, its one operation, the
 * inspector (loaded only when a token is inspected: scanning threads import providers), and the
 * assessment that keeps a live token's unknown reach visible.
 */
export function verifiedBy(
  name: string,
  spec: WhoamiSpec,
): Pick<Provider, 'endpoint' | 'operations' | 'inspect' | 'assess' | 'whoami'> {
  return {
    endpoint: spec.endpoint,
    operations: [spec.operation],
    whoami: spec,
    inspect: async (credential, ctx) => (await inspector()).inspectWhoami(name, spec, credential, ctx),
    assess: (input: AssessInput) => reachUnknown(input),
  };
}

/** Whether a provider's whoami verifies this rule's tokens. */
export function whoamiVerifies(spec: WhoamiSpec, ruleId: string): boolean {
  return spec.only?.rules === undefined || spec.only.rules.includes(ruleId);
}
