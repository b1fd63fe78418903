import { Duplex } from 'node:stream';
import { connect, type Socket } from 'node:net';
import { ReadLimitExceeded } from '../database/errors.js';
import type { Route } from '../database/route.js';

/**
 * The socket mysql2 talks through: a TCP connection to the address `route` checked (mysql2 would
 * resolve the name again), which counts every byte the server sends and cuts the connection past
 * the limit. A Duplex of our own rather than listeners on the socket: mysql2 removes the socket's
 * 'data' listeners when it starts TLS, and wraps this stream in TLS, so the count covers the whole
 * session, before and after the upgrade.
 */
export class CountedSocket extends Duplex {
  readonly socket: Socket;
  /** Whether the TCP connection was accepted (for telling a closed port from a silent server). */
  connected = false;
  #read = 0;

  constructor(
    route: Route,
    readonly limitBytes: number,
  ) {
    super();
    this.socket = connect({ host: route.address, port: route.port });
    this.socket.once('connect', () => {
      this.connected = true;
    });
    this.socket.on('data', (chunk: Buffer) => {
      this.#read += chunk.length;
      if (this.#read > limitBytes) {
        this.destroy(new ReadLimitExceeded(limitBytes));
        return;
      }
      this.push(chunk);
    });
    this.socket.on('end', () => this.push(null));
    this.socket.on('error', (e) => this.destroy(e));
    this.socket.on('close', () => this.destroy());
  }

  override _read(): void {
    // Data is pushed as it arrives; the inspector's replies are small and bounded above.
  }

  override _write(chunk: Buffer, encoding: BufferEncoding, done: (e?: Error | null) => void): void {
    this.socket.write(chunk, encoding, done);
  }

  override _final(done: (e?: Error | null) => void): void {
    this.socket.end(done);
  }

  override _destroy(e: Error | null, done: (e?: Error | null) => void): void {
    this.socket.destroy();
    // 'close' a turn later: when TLS fails, Node destroys this stream before it reports why, and
    // mysql2 would otherwise report the close ("connection lost") instead of the certificate error.
    setImmediate(() => done(e));
  }

  /** mysql2 calls these on a plain socket. */
  setNoDelay(): this {
    this.socket.setNoDelay(true);
    return this;
  }
  setKeepAlive(): this {
    return this;
  }
}
