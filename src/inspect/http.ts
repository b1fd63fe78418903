import { type HttpOperation, loadGraphqlParser, refusal } from '../core/operations.js';
import { sameOrigin } from './endpoint.js';
import { EndpointViolation, ProviderUnavailableError, ReadOnlyViolation } from '../core/errors.js';
import { neverAsked } from './unreachable.js';

import type { HttpResponse, InspectHttp, RecordedRequest } from '../core/http-types.js';

export type { HttpResponse, RecordedRequest } from '../core/http-types.js';

export interface HttpOptions {
  /** Per-request timeout. */
  timeoutMs: number;
  /** How many times a 429 or 5xx is retried. */
  retries: number;
  /** The longest Retry-After honoured, in ms; a longer one gives up at once. */
  maxRetryAfterMs: number;
  /** Largest response body read, in bytes. */
  maxBodyBytes: number;
}

/**
 * A provider's named extra endpoint (Provider.extraEndpoints): only the operations that name it
 * are allowed there. A bare URL is the provider's main endpoint, for its unnamed operations.
 */
export interface NamedEndpoint {
  name: string;
  url: URL;
}

export const DEFAULT_HTTP_OPTIONS: HttpOptions = {
  timeoutMs: 10_000,
  retries: 2,
  maxRetryAfterMs: 10_000,
  maxBodyBytes: 5 * 1024 * 1024,
};

/**
 * The only door from an inspector to the network. It refuses, before sending, any origin but the
 * endpoints the user configured, and any request that is not one of the provider's listed
 * read-only operations (method, path, and for a POST its exact body kind). An empty list refuses
 * everything. It bounds time, retries and body size.
 */
export class ReadOnlyHttp implements InspectHttp {
  constructor(
    private readonly allowed: (URL | NamedEndpoint)[],
    private readonly options: HttpOptions = DEFAULT_HTTP_OPTIONS,
    private readonly fetchImpl: typeof fetch = globalThis.fetch,
    private readonly operations: readonly HttpOperation[] = [],
    /** What was sent, shared by every door of one run (tests read it). */
    readonly sent: RecordedRequest[] = [],
  ) {}

  /** A fetch for SDKs (Octokit) that goes through the same guards. */
  readonly fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const body = typeof init?.body === 'string' ? init.body : undefined;
    await this.guard(method, url, body);
    this.sent.push({ method, url, ...(body !== undefined ? { body } : {}) });
    // Never follow a redirect: the guard saw only this URL, and a 307 would re-send the token
    // (and the body) to wherever the Location header points.
    const res = await this.fetchImpl(input, { ...init, redirect: 'manual' });
    refuseRedirect(res, url);
    return limitBody(res, this.options.maxBodyBytes);
  };

  async get(url: string, headers: Record<string, string>, signal?: AbortSignal): Promise<HttpResponse> {
    return this.send('GET', url, headers, undefined, signal);
  }

  /** POST a body to an operation the provider lists as a read by design (`readOnlyBecause`). */
  async post(url: string, body: string, headers: Record<string, string>, signal?: AbortSignal): Promise<HttpResponse> {
    return this.send('POST', url, headers, body, signal);
  }

  /** POST a GraphQL document; refused unless every operation in it is a query. */
  async graphql(
    url: string,
    query: string,
    variables: Record<string, unknown>,
    headers: Record<string, string>,
    signal?: AbortSignal,
  ): Promise<HttpResponse> {
    const body = JSON.stringify({ query, variables });
    return this.send('POST', url, { 'content-type': 'application/json', ...headers }, body, signal);
  }

  private async guard(method: string, url: string, body: string | undefined): Promise<void> {
    // A body may be a GraphQL document: the door loads its parser before it judges one.
    if (body !== undefined) await loadGraphqlParser();
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      throw new EndpointViolation(`refused a request to an invalid URL`);
    }
    const endpoints = this.allowed
      .map((a) => (a instanceof URL ? { name: undefined, url: a } : a))
      .filter((a) => sameOrigin(a.url, target));
    if (endpoints.length === 0) {
      throw new EndpointViolation(`refused a request to ${target.origin}: not a configured provider endpoint`);
    }
    const why = endpoints.map((e) =>
      refusal(
        this.operations.filter((op) => op.endpoint === e.name),
        e.url,
        method,
        target,
        body,
      ),
    );
    if (why.includes(undefined)) return;
    throw new ReadOnlyViolation(`refused a ${method} request to ${target.origin}: ${why[0]}; inspection is read-only`);
  }

  private async send(
    method: string,
    url: string,
    headers: Record<string, string>,
    body: string | undefined,
    signal?: AbortSignal,
  ): Promise<HttpResponse> {
    await this.guard(method, url, body);
    const { retries, timeoutMs, maxRetryAfterMs } = this.options;
    for (let attempt = 0; ; attempt++) {
      this.sent.push({ method, url, ...(body !== undefined ? { body } : {}) });
      const timeout = AbortSignal.timeout(timeoutMs);
      const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
      let res: Response;
      let text: string;
      try {
        res = await this.fetchImpl(url, {
          method,
          headers,
          ...(body !== undefined ? { body } : {}),
          signal: combined,
          redirect: 'manual',
        });
        refuseRedirect(res, url);
        text = await limitBody(res, this.options.maxBodyBytes).text();
      } catch (e) {
        if (signal?.aborted) throw new ProviderUnavailableError('the time budget for this credential ran out');
        if (timeout.aborted) throw new ProviderUnavailableError(`no answer within ${timeoutMs} ms`);
        if (e instanceof ProviderUnavailableError) throw e;
        if (attempt < retries) continue;
        const cause = (e as { cause?: { code?: string; message?: string } }).cause;
        const why = cause?.code ?? cause?.message ?? (e as Error).message;
        throw new ProviderUnavailableError(
          `connection to ${new URL(url).host} failed: ${why}`,
          neverAsked(why) ? 'unverified' : 'error',
        );
      }
      const retryable = res.status === 429 || res.status >= 500;
      if (!retryable) return { status: res.status, headers: res.headers, text };
      const wait = retryAfterMs(res.headers, attempt);
      if (attempt >= retries || wait > maxRetryAfterMs) {
        const why = res.status === 429 ? 'rate limited (HTTP 429)' : `server error (HTTP ${res.status})`;
        const after = res.headers.get('retry-after');
        throw new ProviderUnavailableError(
          `${why} after ${attempt + 1} attempt(s)${after ? `; Retry-After ${after}s` : ''}`,
          res.status === 429 ? 'unverified' : 'error',
        );
      }
      await sleep(wait, signal);
    }
  }
}

/** A redirect is an answer we do not follow: the token would go where the guard never looked. */
function refuseRedirect(res: Response, url: string): void {
  if (res.type === 'opaqueredirect' || (res.status >= 300 && res.status < 400 && res.status !== 304)) {
    void res.body?.cancel();
    throw new ProviderUnavailableError(
      `${new URL(url).origin} answered with a redirect (HTTP ${res.status}); not followed, so the token goes nowhere else`,
    );
  }
}

/** The same response, whose body errors out past `max` bytes (an SDK reads it, not us). */
function limitBody(res: Response, max: number): Response {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) {
    void res.body?.cancel();
    throw new ProviderUnavailableError(`response body larger than ${max} bytes`);
  }
  if (!res.body) return res;
  let seen = 0;
  const counted = res.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > max) controller.error(new ProviderUnavailableError(`response body larger than ${max} bytes`));
        else controller.enqueue(chunk);
      },
    }),
  );
  const limited = new Response(counted, { status: res.status, statusText: res.statusText, headers: res.headers });
  // SDKs read the final URL (Octokit paginates from it); a constructed Response has none.
  Object.defineProperty(limited, 'url', { value: res.url });
  return limited;
}

function retryAfterMs(headers: Headers, attempt: number): number {
  const h = headers.get('retry-after');
  if (h !== null) {
    const secs = Number(h);
    if (Number.isFinite(secs)) return Math.max(0, secs * 1000);
    const date = Date.parse(h);
    if (!Number.isNaN(date)) return Math.max(0, date - Date.now());
  }
  return 250 * 2 ** attempt;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(t);
        reject(new ProviderUnavailableError('the time budget for this credential ran out'));
      },
      { once: true },
    );
  });
}
