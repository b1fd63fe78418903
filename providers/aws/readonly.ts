import { ReadOnlyViolation } from '../../src/core/errors.js';

/**
 * The read-only promise for AWS. The SDK has its own HTTP handler, so ReadOnlyHttp is not in the
 * path: this allowlist is the guard. Two layers: `readOnlyClient` refuses a command before it
 * reaches the client (so nothing is built, signed or sent), and `wireGuard` checks the `Action=`
 * of the query-protocol body actually about to leave, should anything bypass the first layer.
 */

/** Get*, List*, Simulate* and GetCallerIdentity (which is a Get*, named for clarity). */
export function isReadOnlyOperation(name: string): boolean {
  return name === 'GetCallerIdentity' || /^(?:Get|List|Simulate)[A-Z]/.test(name);
}

/** What a command is called, robust to minified class names: the SDK's operation schema first. */
export function operationName(command: unknown): string {
  const schema = (command as { schema?: unknown }).schema;
  if (Array.isArray(schema) && typeof schema[2] === 'string') return schema[2];
  const ctor = (command as { constructor?: { name?: string } }).constructor?.name ?? '';
  return ctor.replace(/Command$/, '');
}

/** The one method of an SDK v3 client the inspector uses. */
export interface SendsCommands {
  send(command: unknown, options?: { abortSignal?: unknown }): Promise<unknown>;
}

/** A client that only lets read-only commands through; the rest throw before anything is sent. */
export function readOnlyClient<C extends SendsCommands>(client: C): SendsCommands {
  return {
    send(command, options) {
      const name = operationName(command);
      if (!isReadOnlyOperation(name)) {
        return Promise.reject(
          new ReadOnlyViolation(`refused AWS ${name || 'command'}: only Get*, List*, Simulate* may be sent`),
        );
      }
      return client.send(command, options);
    },
  };
}

/** The `Action` parameter of a query-protocol body (form-encoded). */
export function queryAction(body: unknown): string | undefined {
  if (typeof body !== 'string') return undefined;
  return new URLSearchParams(body).get('Action') ?? undefined;
}

interface MiddlewareStackLike {
  add(middleware: unknown, options: { step: 'finalizeRequest'; name: string; priority?: 'high' | 'low' }): void;
}

/**
 * An SDK middleware (finalizeRequest step: after serialisation, before signing and sending) that
 * refuses any request whose Action is not read-only, or that has no readable Action at all.
 */
export function wireGuard(stack: MiddlewareStackLike): void {
  const middleware =
    (next: (args: { request: unknown }) => Promise<unknown>) =>
    async (args: { request: unknown }): Promise<unknown> => {
      const action = queryAction((args.request as { body?: unknown }).body);
      if (!action || !isReadOnlyOperation(action)) {
        throw new ReadOnlyViolation(
          `refused AWS request with Action=${action ?? '(none)'}: only Get*, List*, Simulate* may be sent`,
        );
      }
      return next(args);
    };
  stack.add(middleware, { step: 'finalizeRequest', name: 'tokenscopeReadOnlyGuard', priority: 'high' });
}
