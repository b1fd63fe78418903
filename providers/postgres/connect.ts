import type { ConnectionOptions } from 'node:tls';
import pg from 'pg';
import type { SslMode, Target } from './target.js';

/** How long the inspector waits; tests shorten them through `ctx.clients.postgres`. */
export interface PostgresTimeouts {
  /** TCP connect, TLS and authentication together. */
  connectMs: number;
  /** Any one statement: the server's statement_timeout, and the client's own read timeout. */
  statementMs: number;
}

export const DEFAULT_TIMEOUTS: PostgresTimeouts = { connectMs: 5000, statementMs: 5000 };

/** Thrown when no answer came in time; `connected` says whether the TCP connection was accepted. */
export class ConnectTimeout extends Error {
  constructor(readonly connected: boolean) {
    super('connect timeout');
    this.name = 'ConnectTimeout';
  }
}

/** Thrown when the inspection's time budget ran out (ctx.signal). */
export class Aborted extends Error {
  constructor() {
    super('aborted');
    this.name = 'Aborted';
  }
}

/** TLS settings as libpq reads sslmode: require encrypts without checking the certificate; verify-* check it. */
function tlsFor(mode: SslMode): ConnectionOptions {
  if (mode === 'verify-full') return { rejectUnauthorized: true };
  // verify-ca: the chain must be trusted, the host name need not match.
  if (mode === 'verify-ca') return { rejectUnauthorized: true, checkServerIdentity: () => undefined };
  return { rejectUnauthorized: false };
}

/** The attempts libpq would make for an sslmode: `prefer` tries TLS first, `allow` plain first. */
export function attemptsFor(mode: SslMode): Array<false | ConnectionOptions> {
  switch (mode) {
    case 'disable':
      return [false];
    case 'allow':
      return [false, tlsFor(mode)];
    case 'prefer':
      return [tlsFor(mode), false];
    default:
      return [tlsFor(mode)];
  }
}

/** The internals of pg's Client this file touches: the socket, to cut it when time is up. */
interface Wire {
  connection?: { stream?: { destroy(): void }; once?(event: string, fn: () => void): void };
}

/** Ends a client at once, whatever state it is in (end() alone waits for a server that may never answer). */
export function hardClose(client: pg.Client): void {
  // Destroy first: pg's end() queues a goodbye message that can keep a silent socket open.
  (client as unknown as Wire).connection?.stream?.destroy();
  client.end().catch(() => undefined);
}

/**
 * Opens one session to the URL's own host. Every connection setting is given here: nothing comes
 * from the URL's query string or from PG* environment variables, except what `target` holds.
 */
export async function openSession(
  target: Target,
  ssl: false | ConnectionOptions,
  timeouts: PostgresTimeouts,
  signal: AbortSignal,
): Promise<pg.Client> {
  if (signal.aborted) throw new Aborted();
  const client = new pg.Client({
    host: target.host,
    port: target.port,
    user: target.user,
    password: target.password,
    database: target.database,
    ssl,
    application_name: 'tokenscope',
    // pg's own timer is a backstop: ours below says whether the TCP connection was accepted.
    connectionTimeoutMillis: timeouts.connectMs + 1000,
    query_timeout: timeouts.statementMs + 1000,
    keepAlive: false,
  });
  // A server that drops us later emits 'error' on the client; the pending query reports it.
  client.on('error', () => undefined);
  let connected = false;
  (client as unknown as Wire).connection?.once?.('connect', () => {
    connected = true;
  });
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const giveUp = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      hardClose(client);
      reject(new ConnectTimeout(connected));
    }, timeouts.connectMs);
    onAbort = () => {
      hardClose(client);
      reject(new Aborted());
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    await Promise.race([client.connect(), giveUp]);
    return client;
  } catch (e) {
    hardClose(client);
    throw e;
  } finally {
    clearTimeout(timer);
    if (onAbort) signal.removeEventListener('abort', onAbort);
    giveUp.catch(() => undefined);
  }
}

/** Says goodbye politely, but waits at most a second for a server that may have stopped answering. */
export async function closeSession(client: pg.Client): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), 1000);
  });
  const done = await Promise.race([
    client.end().then(
      () => 'ended' as const,
      () => 'failed' as const,
    ),
    late,
  ]);
  clearTimeout(timer);
  if (done !== 'ended') hardClose(client);
}
