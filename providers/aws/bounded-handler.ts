import { pipeline, type Readable, Transform, type TransformCallback } from 'node:stream';
import type { STSClientConfig } from '@aws-sdk/client-sts';

/**
 * The SDK has its own HTTP handler, so ReadOnlyHttp's body cap does not apply to AWS calls: without
 * this, an endpoint streaming gigabytes makes the SDK buffer all of it. The same cap as
 * DEFAULT_HTTP_OPTIONS.maxBodyBytes (src/inspect/http.ts).
 */
export const AWS_MAX_BODY_BYTES = 5 * 1024 * 1024;

/** The SDK's HTTP handler type (the same @smithy type in every client). */
type HttpHandler = ReturnType<
  Parameters<NonNullable<STSClientConfig['extensions']>[number]['configure']>[0]['httpHandler']
>;

/** The part of a client's extension configuration used here; STS and IAM both have it. */
interface HandlerConfiguration {
  httpHandler(): HttpHandler;
  setHttpHandler(handler: HttpHandler): void;
}

/** An SDK runtime extension (the `extensions` client option), for any client. */
export interface HandlerExtension {
  configure(config: HandlerConfiguration): void;
}

export class ResponseBodyTooLarge extends Error {
  constructor(max: number) {
    super(`response body larger than ${max} bytes`);
    // Not one of the SDK's transient error names, so its retry strategy does not send the key again.
    this.name = 'ResponseBodyTooLarge';
  }
}

/** Passes bytes through until `max` have gone by; then fails, and pipeline() tears down the socket. */
function counter(max: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      seen += chunk.byteLength;
      if (seen > max) done(new ResponseBodyTooLarge(max));
      else done(null, chunk);
    },
  });
}

/** `body` behind a byte counter; the original stream is destroyed when the counter errors. */
function limitStream(body: Readable, max: number): Readable {
  // pipeline destroys both streams on either's error (the counter's reaches the SDK as the reason).
  return pipeline(body, counter(max), () => {});
}

/**
 * The SDK's own handler (its connection and request timeouts kept), with every response body
 * capped at `max` bytes. A declared Content-Length over the cap fails before a byte is read.
 * Redirects need nothing here: Node's http module, under the SDK's handler, never follows one.
 */
export function boundedHandler(inner: HttpHandler, max: number = AWS_MAX_BODY_BYTES): HttpHandler {
  const handle: HttpHandler['handle'] = async (request, options) => {
    const out = await inner.handle(request, options);
    const res = out.response;
    const body = res.body as Readable | undefined;
    const declared = Number(res.headers['content-length'] ?? Number.NaN);
    if (Number.isFinite(declared) && declared > max) {
      body?.destroy?.();
      throw new ResponseBodyTooLarge(max);
    }
    if (body && typeof body.pipe === 'function') res.body = limitStream(body, max);
    return out;
  };
  return {
    handle,
    updateHttpClientConfig: (key, value) => inner.updateHttpClientConfig(key, value),
    httpHandlerConfigs: () => inner.httpHandlerConfigs(),
    ...(inner.destroy ? { destroy: () => inner.destroy?.() } : {}),
  } as HttpHandler;
}

/** A client extension that swaps the SDK-built handler for the bounded one. */
export function bodyLimitExtension(max: number = AWS_MAX_BODY_BYTES): HandlerExtension {
  return {
    configure(config) {
      config.setHttpHandler(boundedHandler(config.httpHandler(), max));
    },
  };
}
