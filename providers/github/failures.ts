import { EndpointViolation, ProviderUnavailableError, ReadOnlyViolation } from '../../src/core/errors.js';
import { neverAsked } from '../../src/inspect/unreachable.js';

/** The parts of an Octokit RequestError this file reads (its `request` is never read: it holds headers). */
interface OctokitFailure {
  status?: number;
  message?: string;
  cause?: unknown;
  response?: { headers?: Record<string, string | undefined> };
}

export type Failure =
  | { kind: 'unauthorized' }
  | { kind: 'forbidden' | 'not-found'; reason: string }
  | { kind: 'unavailable'; error: Error };

/**
 * What went wrong with a GitHub call, in words that carry no token: a 401, a refusal, or a reason
 * the provider could not be asked (rate limit, 5xx, timeout, guard refusal).
 */
export function classifyFailure(e: unknown, what: string): Failure {
  if (e instanceof ProviderUnavailableError || e instanceof ReadOnlyViolation || e instanceof EndpointViolation) {
    return { kind: 'unavailable', error: e };
  }
  const f = (e ?? {}) as OctokitFailure;
  // Octokit wraps whatever fetch threw; our guard's refusals must keep their own words.
  const cause = f.cause;
  if (
    cause instanceof ProviderUnavailableError ||
    cause instanceof ReadOnlyViolation ||
    cause instanceof EndpointViolation
  ) {
    return { kind: 'unavailable', error: cause };
  }
  const status = typeof f.status === 'number' ? f.status : 0;
  const headers = f.response?.headers ?? {};
  const message = firstSentence(f.message);
  if (status === 401) return { kind: 'unauthorized' };
  if (status === 429 || (status === 403 && (headers['x-ratelimit-remaining'] === '0' || /rate limit/i.test(message)))) {
    const reset = Number(headers['x-ratelimit-reset']);
    const until = Number.isFinite(reset) && reset > 0 ? ` until ${new Date(reset * 1000).toISOString()}` : '';
    const after = headers['retry-after'] ? `; Retry-After ${headers['retry-after']}s` : '';
    return {
      kind: 'unavailable',
      error: new ProviderUnavailableError(`GitHub rate limited ${what} (HTTP ${status})${until}${after}`, 'unverified'),
    };
  }
  if (status === 403) return { kind: 'forbidden', reason: `GitHub refused ${what} (HTTP 403: ${message})` };
  if (status === 404) return { kind: 'not-found', reason: `GitHub does not show ${what} to this token (HTTP 404)` };
  if (status >= 500 && f.response) {
    return {
      kind: 'unavailable',
      error: new ProviderUnavailableError(`GitHub server error on ${what} (HTTP ${status})`),
    };
  }
  if (status > 0 && f.response) {
    return { kind: 'unavailable', error: new ProviderUnavailableError(`GitHub answered ${what} with HTTP ${status}`) };
  }
  const why = `${message} ${String((f.cause as { code?: string } | undefined)?.code ?? '')}`;
  return {
    kind: 'unavailable',
    error: new ProviderUnavailableError(
      `could not reach GitHub for ${what}: ${message}`,
      neverAsked(why) ? 'unverified' : 'error',
    ),
  };
}

/** GitHub's error bodies end in a documentation URL; the first sentence is enough for a reason. */
function firstSentence(message: string | undefined): string {
  return (message ?? 'unknown error').split(' - https://')[0]!.slice(0, 200);
}
