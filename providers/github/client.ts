import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import { ProviderUnavailableError } from '../../src/core/errors.js';
import type { InspectContext } from '../../src/core/provider.js';

/** How patient the inspector is. Every wait is bounded: a slow GitHub costs seconds, never minutes. */
export interface GithubTuning {
  /** Retries of a 5xx, 429 or dropped connection (the retry plugin). */
  retries: number;
  /** The retry plugin waits (attempt + 1)² × this many ms between attempts. */
  retryBaseMs: number;
  /** A rate limit whose reset is further away than this many seconds is not waited for. */
  maxRateLimitWaitSeconds: number;
  /** Retries after a rate limit whose reset is close enough. */
  rateLimitRetries: number;
  /** The throttling plugin waits retryAfter seconds × this many ms. */
  rateLimitBaseMs: number;
  /** Page size and page count of every listing: at most pageSize × maxPages items are read. */
  pageSize: number;
  maxPages: number;
  /** Where Octokit's own log lines go, already scrubbed of the token. Default: nowhere. */
  log: (level: 'debug' | 'info' | 'warn' | 'error', message: string) => void;
}

export const DEFAULT_GITHUB_TUNING: GithubTuning = {
  retries: 2,
  retryBaseMs: 250,
  maxRateLimitWaitSeconds: 5,
  rateLimitRetries: 1,
  rateLimitBaseMs: 1000,
  pageSize: 100,
  maxPages: 5,
  log: () => {},
};

/** One log argument as text. Octokit logs whole request options (headers included): scrub() follows. */
function describe(part: unknown): string {
  if (part instanceof Error) return part.message;
  if (typeof part !== 'object' || part === null) return String(part);
  try {
    return JSON.stringify(part);
  } catch {
    return '[unprintable]';
  }
}

const GithubClient = Octokit.plugin(throttling, retry);
export type GithubClient = InstanceType<typeof GithubClient>;

/**
 * A request abandoned by us (timeout or time budget). Named AbortError on purpose: Octokit passes an
 * AbortError through untouched, so neither plugin retries a request we chose to stop.
 */
export class GithubAbandoned extends ProviderUnavailableError {
  constructor(message: string) {
    super(message, 'error');
    this.name = 'AbortError';
  }
}

/**
 * ctx.http.fetch (the read-only, endpoint-pinned door) with the run's per-request timeout
 * (ctx.timeoutMs) and the credential's time budget attached.
 */
function boundedFetch(ctx: InspectContext): typeof fetch {
  const { timeoutMs } = ctx;
  return async (input, init) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signals = [ctx.signal, timeout, ...(init?.signal ? [init.signal] : [])];
    try {
      return await ctx.http.fetch(input as string, { ...init, signal: AbortSignal.any(signals) });
    } catch (e) {
      if (ctx.signal.aborted) throw new GithubAbandoned('the time budget for this credential ran out');
      if (timeout.aborted) throw new GithubAbandoned(`GitHub gave no answer within ${timeoutMs} ms`);
      throw e;
    }
  };
}

/** One Octokit per inspection: its token, its endpoint, its guarded fetch, its bounded waits. */
export function createGithubClient(
  token: string,
  ctx: InspectContext,
  tuning: GithubTuning,
  scrub: (s: string) => string,
): GithubClient {
  const say =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...parts: unknown[]) =>
      tuning.log(level, scrub(parts.map(describe).join(' ')));
  const mayWait = (retryAfter: number, retryCount: number) =>
    retryCount < tuning.rateLimitRetries && retryAfter <= tuning.maxRateLimitWaitSeconds;
  return new GithubClient({
    baseUrl: ctx.endpoint.replace(/\/+$/, ''),
    auth: token,
    userAgent: 'tokenscope',
    log: { debug: say('debug'), info: say('info'), warn: say('warn'), error: say('error') },
    request: { fetch: boundedFetch(ctx), signal: ctx.signal },
    retry: { retries: tuning.retries, retryAfterBaseValue: tuning.retryBaseMs },
    throttle: {
      retryAfterBaseValue: tuning.rateLimitBaseMs,
      // A secondary limit without Retry-After would otherwise wait 60 s.
      fallbackSecondaryRateRetryAfter: tuning.maxRateLimitWaitSeconds + 1,
      onRateLimit: (retryAfter: number, _o: unknown, _k: unknown, retryCount: number) =>
        mayWait(retryAfter, retryCount),
      onSecondaryRateLimit: (retryAfter: number, _o: unknown, _k: unknown, retryCount: number) =>
        mayWait(retryAfter, retryCount),
    },
  });
}
