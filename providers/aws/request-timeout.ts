import type { HandlerExtension } from './bounded-handler.js';

/**
 * The run's per-request timeout for an SDK call, given up as the other providers give up: once, not
 * retried. The SDK's own timeout error is named `TimeoutError` with code `ETIMEDOUT`, which its
 * retry strategy treats as transient, so a black-holed endpoint would cost every attempt; this one
 * carries neither.
 */
export class AwsRequestTimedOut extends Error {
  constructor(timeoutMs: number) {
    super(`AWS gave no answer within ${timeoutMs} ms`);
    this.name = 'RequestTimedOut';
  }
}

/** The SDK handler's options for one per-request timeout: it throws (instead of logging a warning) when it runs out. */
export function requestHandlerTimeouts(timeoutMs: number) {
  return { connectionTimeout: timeoutMs, requestTimeout: timeoutMs, throwOnRequestTimeout: true };
}

/**
 * One of the handler's own timers ran out (connect, request or socket idle). The handler also names
 * a reset or refused connection `TimeoutError` (by its code), which is not a timeout: left as it is.
 */
function ranOut(e: unknown): boolean {
  const err = e as { name?: string; message?: string };
  return err.name === 'TimeoutError' && (err.message ?? '').startsWith('@smithy/node-http-handler');
}

/** A client extension that turns the SDK's timeout errors into AwsRequestTimedOut. */
export function requestTimeoutExtension(timeoutMs: number): HandlerExtension {
  return {
    configure(config) {
      const inner = config.httpHandler();
      const handle: typeof inner.handle = async (request, options) => {
        try {
          return await inner.handle(request, options);
        } catch (e) {
          if (ranOut(e)) throw new AwsRequestTimedOut(timeoutMs);
          throw e;
        }
      };
      config.setHttpHandler({
        handle,
        updateHttpClientConfig: (key, value) => inner.updateHttpClientConfig(key, value),
        httpHandlerConfigs: () => inner.httpHandlerConfigs(),
        ...(inner.destroy ? { destroy: () => inner.destroy?.() } : {}),
      } as typeof inner);
    },
  };
}
