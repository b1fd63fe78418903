import { connect as tcpConnect, isIP, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { Aborted, ConnectTimeout, ReadLimitExceeded } from '../database/errors.js';
import type { Route } from '../database/route.js';
import { type Allowed, allowed } from './commands.js';
import { encodeCommand, type Reply, ReplyReader } from './resp.js';

export interface RedisTimeouts {
  /** TCP connect and TLS together. */
  connectMs: number;
  /** Any one reply. */
  replyMs: number;
}

export const DEFAULT_REDIS_TIMEOUTS: RedisTimeouts = { connectMs: 5000, replyMs: 5000 };

/** Far above what the inspector's replies hold (a HELLO map, short strings), far below what hurts. */
export const REDIS_READ_LIMIT_BYTES = 1024 * 1024;

/** A command outside the allowlist was about to be sent: a bug, refused before any byte left. */
export class NotAllowed extends Error {
  constructor(command: readonly string[]) {
    super(`refused to send a command outside the Redis allowlist (${String(command[0]).slice(0, 20)})`);
    this.name = 'NotAllowed';
  }
}

/** The server answered nothing in time after the connection was up. */
export class ReplyTimeout extends Error {
  constructor() {
    super('reply timeout');
    this.name = 'ReplyTimeout';
  }
}

/** The server closed the connection before answering. */
export class Closed extends Error {
  constructor() {
    super('connection closed');
    this.name = 'Closed';
  }
}

/**
 * One connection to a found Redis host, at the address `route` checked. Every command goes through
 * `send()`, which asks the allowlist first; replies are read one at a time, each within the reply
 * timeout, and all of them together within the read limit.
 */
export class RedisConnection {
  #reader = new ReplyReader();
  #waiting: { resolve: (r: Reply) => void; reject: (e: Error) => void } | undefined;
  #failure: Error | undefined;
  /** Set once MULTI answered +OK, cleared by DISCARD: only then may a probe itself be sent. */
  inMulti = false;

  private constructor(
    private readonly socket: Socket,
    private readonly allow: Allowed,
    private readonly timeouts: RedisTimeouts,
  ) {}

  static async open(
    route: Route,
    tls: false | { ca?: string },
    allow: Allowed,
    timeouts: RedisTimeouts,
    signal: AbortSignal,
    readLimitBytes = REDIS_READ_LIMIT_BYTES,
  ): Promise<RedisConnection> {
    if (signal.aborted) throw new Aborted();
    const socket: Socket = tls
      ? tlsConnect({
          host: route.address,
          port: route.port,
          // The certificate is checked against the URL's host name, never the bare address dialled.
          ...(isIP(route.servername) === 0 ? { servername: route.servername } : {}),
          rejectUnauthorized: true,
          ...(tls.ca ? { ca: tls.ca } : {}),
        })
      : tcpConnect({ host: route.address, port: route.port });
    const conn = new RedisConnection(socket, allow, timeouts);
    let read = 0;
    socket.on('data', (chunk: Buffer) => {
      read += chunk.length;
      if (read > readLimitBytes) {
        conn.fail(new ReadLimitExceeded(readLimitBytes));
        return;
      }
      conn.#reader.push(chunk);
      conn.drain();
    });
    socket.on('error', (e) => conn.fail(e));
    socket.on('close', () => conn.fail(new Closed()));
    let tcpUp = false;
    socket.once('connect', () => {
      tcpUp = true;
    });
    const ready = tls ? 'secureConnect' : 'connect';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => done(new ConnectTimeout(tcpUp)), timeouts.connectMs);
      const onAbort = () => done(new Aborted());
      const onError = (e: Error) => done(e);
      function done(e?: Error) {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        socket.off('error', onError);
        socket.off(ready, onReady);
        if (e) {
          socket.destroy();
          reject(e);
        } else resolve();
      }
      const onReady = () => done();
      signal.addEventListener('abort', onAbort, { once: true });
      socket.once('error', onError);
      socket.once(ready, onReady);
    });
    signal.addEventListener('abort', () => conn.fail(new Aborted()), { once: true });
    return conn;
  }

  private fail(e: Error): void {
    this.#failure ??= e;
    this.socket.destroy();
    const w = this.#waiting;
    this.#waiting = undefined;
    w?.reject(this.#failure);
  }

  private drain(): void {
    if (!this.#waiting) return;
    let next: { reply: Reply } | undefined;
    try {
      next = this.#reader.next();
    } catch (e) {
      this.fail(e as Error);
      return;
    }
    if (!next) return;
    const w = this.#waiting;
    this.#waiting = undefined;
    w.resolve(next.reply);
  }

  /** Sends one allowlisted command and waits for its reply; throws NotAllowed before sending anything else. */
  async send(command: readonly string[]): Promise<Reply> {
    if (!allowed(command, this.allow, this.inMulti)) throw new NotAllowed(command);
    if (this.#failure) throw this.#failure;
    const reply = new Promise<Reply>((resolve, reject) => {
      this.#waiting = { resolve, reject };
    });
    const timer = setTimeout(() => this.fail(new ReplyTimeout()), this.timeouts.replyMs);
    try {
      this.socket.write(encodeCommand(command));
      this.drain();
      return await reply;
    } finally {
      clearTimeout(timer);
    }
  }

  /** The user name the server reported, which ACL DRYRUN may then name. */
  learnedUser(name: string): void {
    this.allow.whoami = name;
  }

  close(): void {
    this.socket.destroy();
  }
}
