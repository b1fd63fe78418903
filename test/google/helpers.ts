import { DEFAULT_POLICY, type Policy } from '../../src/assess/policy.js';
import { google } from '../../providers/google/index.js';
import type { InspectContext } from '../../src/core/provider.js';
import { DEFAULT_HTTP_OPTIONS, ReadOnlyHttp } from '../../src/inspect/http.js';

/**
 * An inspection context pinned as inspectAll pins Google's: the API and the OAuth endpoint (here
 * both the double), each with its own operations.
 */
export function googleContext(
  url: string,
  policy: Policy = DEFAULT_POLICY,
  timeoutMs = 1500,
): InspectContext & { http: ReadOnlyHttp } {
  return {
    http: new ReadOnlyHttp(
      [new URL(url), { name: 'oauth', url: new URL(url) }],
      { ...DEFAULT_HTTP_OPTIONS, timeoutMs },
      undefined,
      google.operations,
    ),
    endpoint: url,
    extraEndpoints: { oauth: url },
    policy,
    signal: new AbortController().signal,
    timeoutMs,
    clients: {},
  };
}
