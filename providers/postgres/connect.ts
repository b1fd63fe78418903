import { isIP } from 'node:net';
import type { ConnectionOptions } from 'node:tls';
import pg from 'pg';
import { Aborted, ConnectTimeout, ReadLimitExceeded } from '../database/errors.js';
import type { Route } from '../database/route.js';
import type { SslMode, Target } from './target.js';

/** How long the inspector waits: ctx.timeoutMs for both; tests shorten them through `ctx.clients.postgres`. */
export interface PostgresTimeouts {
  /** TCP connect, TLS and authentication together. */
  connectMs: number;
  /** Any one statement: the server's statement_timeout, and the client's own read timeout. */
  statementMs: number;
}

export const DEFAULT_TIMEOUTS: PostgresTimeouts = { connectMs: 5000, statementMs: 5000 };

/** Thrown instead of answering a request for the password in clear over plaintext to a non-loopback host. */
export class CleartextRefused extends Error {
  constructor() {
    super('cleartext password refused');
    this.name = 'CleartextRefused';
  }
}

/** Far above what the bounded catalog queries return (each has a LIMIT), far below what hurts. */
export { Aborted, ConnectTimeout, ReadLimitExceeded };

export const READ_LIMIT_BYTES = 5 * 1024 * 1024;

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

/**
 * TLS settings for one route: pg dials the checked address, so the URL's host name is handed to
 * TLS here, for SNI and for the certificate check of verify-full (pg would check the bare address).
 */
export function tlsForRoute(ssl: false | ConnectionOptions, route: Route): false | ConnectionOptions {
  if (ssl === false) return false;
  const named = isIP(route.servername) === 0 ? { servername: route.servername } : {};
  return { ...ssl, host: route.servername, ...named };
}

/** The internals of pg's Client and Connection this file touches. */
interface Stream {
  destroy(error?: Error): void;
  on(event: 'data', fn: (chunk: Buffer) => void): void;
}
interface Wire {
  connection?: {
    stream?: Stream;
    once?(event: string, fn: () => void): void;
    on?(event: string, fn: () => void): void;
    emit?(event: string, value: unknown): void;
  };
  /** pg binds this when connect() starts; replacing it on the instance before then replaces the handler. */
  _handleAuthCleartextPassword?: (msg: unknown) => void;
}

/**
 * Counts every byte the server sends (after TLS: pg swaps in the TLS stream, so the count moves with
 * it) and cuts the socket past the limit; the pending query or connect then fails with ReadLimitExceeded.
 */
function capReads(client: pg.Client, limitBytes: number): void {
  const wire = (client as unknown as Wire).connection;
  let read = 0;
  const count = (stream: Stream | undefined) =>
    stream?.on('data', (chunk) => {
      read += chunk.length;
      if (read > limitBytes) stream.destroy(new ReadLimitExceeded(limitBytes));
    });
  count(wire?.stream);
  wire?.on?.('sslconnect', () => count(wire.stream));
}

/** Never sends the password in clear where someone on the path could read it: pg would answer any server that asks. */
function refuseCleartext(client: pg.Client): void {
  const wire = client as unknown as Wire;
  wire._handleAuthCleartextPassword = () => {
    wire.connection?.emit?.('error', new CleartextRefused());
    wire.connection?.stream?.destroy();
  };
}

/** Ends a client at once, whatever state it is in (end() alone waits for a server that may never answer). */
export function hardClose(client: pg.Client): void {
  // Destroy first: pg's end() queues a goodbye message that can keep a silent socket open.
  (client as unknown as Wire).connection?.stream?.destroy();
  client.end().catch(() => undefined);
}

/**
 * Opens one session to the URL's own host, at the address `route` checked. Every connection setting
 * is given here: nothing comes from the URL's query string or from PG* environment variables,
 * except what `target` holds. What the server sends is capped; a request for the password in clear
 * is refused unless the connection is TLS or the host is loopback.
 */
export async function openSession(
  target: Target,
  route: Route,
  ssl: false | ConnectionOptions,
  timeouts: PostgresTimeouts,
  signal: AbortSignal,
  readLimitBytes = READ_LIMIT_BYTES,
): Promise<pg.Client> {
  if (signal.aborted) throw new Aborted();
  const client = new pg.Client({
    // The address checked by routeTo(), never the name: pg would resolve it again.
    host: route.address,
    port: route.port,
    user: target.user,
    password: target.password,
    database: target.database,
    ssl: tlsForRoute(ssl, route),
    application_name: 'tokenscope',
    // pg's own timer is a backstop: ours below says whether the TCP connection was accepted.
    connectionTimeoutMillis: timeouts.connectMs + 1000,
    query_timeout: timeouts.statementMs + 1000,
    keepAlive: false,
  });
  // A server that drops us later emits 'error' on the client; the pending query reports it.
  client.on('error', () => undefined);
  capReads(client, readLimitBytes);
  if (ssl === false && !route.loopback) refuseCleartext(client);
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
