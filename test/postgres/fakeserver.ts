import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { createSecureContext, TLSSocket } from 'node:tls';

/**
 * A hostile or broken "PostgreSQL server" on 127.0.0.1 that speaks just enough of the wire protocol
 * (v3, https://www.postgresql.org/docs/current/protocol-message-formats.html) to test what the
 * inspector sends it: it answers SSLRequest with "N" (or "S" and TLS), asks for the password in
 * clear, and then rejects it, or accepts it and answers the first query with DataRows without end.
 */
export interface FakeOptions {
  /** Serve TLS after SSLRequest with this key and certificate; without it the answer is "N". */
  tls?: { key: string; cert: string };
  /** After the password: reject it (28P01), or accept it and flood the first query with rows. */
  after: 'reject' | 'flood';
  /** The flood stops (and the socket ends) after this many bytes, so that a failing test ends too. */
  floodLimit?: number;
}

export interface FakeServer {
  port: number;
  /** Passwords received in PasswordMessages: what a man in the middle would have read. */
  passwords: string[];
  sslRequests: () => number;
  startups: () => number;
  /** SNI names the client sent in its TLS hello. */
  servernames: string[];
  floodBytes: () => number;
  /** Resolves when every connection has closed (our side or theirs). */
  idle: () => Promise<void>;
  close: () => Promise<void>;
}

const SSL_REQUEST = 80877103;
const PROTOCOL_3 = 196608;

function message(type: string, body: Buffer = Buffer.alloc(0)): Buffer {
  const head = Buffer.alloc(5);
  head.write(type, 0, 'latin1');
  head.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([head, body]);
}
const int32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};
const int16 = (n: number) => {
  const b = Buffer.alloc(2);
  b.writeInt16BE(n);
  return b;
};
const cstring = (s: string) => Buffer.from(`${s}\0`, 'utf8');

const AUTH_CLEARTEXT = message('R', int32(3));
const AUTH_OK = message('R', int32(0));
const READY = message('Z', Buffer.from('I'));
const BAD_PASSWORD = message(
  'E',
  Buffer.concat([
    Buffer.from('S'),
    cstring('FATAL'),
    Buffer.from('V'),
    cstring('FATAL'),
    Buffer.from('C'),
    cstring('28P01'),
    Buffer.from('M'),
    cstring('password authentication failed for user "app"'),
    Buffer.from([0]),
  ]),
);
/** One text column named "x" (type text, oid 25). */
const ROW_DESCRIPTION = message(
  'T',
  Buffer.concat([int16(1), cstring('x'), int32(0), int16(0), int32(25), int16(-1), int32(-1), int16(0)]),
);
/** 64 KiB of DataRows, each one 100-character text value. */
const ROWS = (() => {
  const row = message('D', Buffer.concat([int16(1), int32(100), Buffer.alloc(100, 'x')]));
  return Buffer.concat(new Array<Buffer>(Math.floor(65536 / row.length)).fill(row));
})();

/** A key and a self-signed certificate for `name`, made by openssl (as the test clusters' are). */
export function selfSignedCertificate(name: string): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'tokenscope-fake-tls-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '2',
        '-subj',
        `/CN=${name}`,
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function startFakeServer(options: FakeOptions): Promise<FakeServer> {
  const passwords: string[] = [];
  const servernames: string[] = [];
  const sockets = new Set<Socket>();
  const idleWaiters: Array<() => void> = [];
  let sslRequests = 0;
  let startups = 0;
  let floodBytes = 0;
  const floodLimit = options.floodLimit ?? 512 * 1024 * 1024;

  function flood(stream: Duplex) {
    stream.write(Buffer.concat([message('1'), message('2'), ROW_DESCRIPTION]));
    const pump = () => {
      while (!stream.destroyed && floodBytes < floodLimit) {
        floodBytes += ROWS.length;
        if (!stream.write(ROWS)) return void stream.once('drain', pump);
      }
      if (!stream.destroyed) stream.end();
    };
    pump();
  }

  /** Reads the client's messages on `stream`; the first one has no type byte (SSLRequest or StartupMessage). */
  function serve(stream: Duplex, socket: Socket) {
    let buffer = Buffer.alloc(0);
    let untyped = true;
    let flooding = false;
    const onData = (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        if (untyped) {
          if (buffer.length < 8) return;
          const length = buffer.readInt32BE(0);
          if (buffer.length < length) return;
          const code = buffer.readInt32BE(4);
          buffer = buffer.subarray(length);
          if (code === SSL_REQUEST) {
            sslRequests++;
            if (!options.tls) {
              stream.write('N');
              continue;
            }
            stream.off('data', onData);
            stream.write('S');
            const secure = new TLSSocket(socket, {
              isServer: true,
              secureContext: createSecureContext(options.tls),
              SNICallback: (name, cb) => {
                servernames.push(name);
                cb(null, createSecureContext(options.tls));
              },
            });
            secure.on('error', () => undefined);
            serve(secure, socket);
            return;
          }
          if (code === PROTOCOL_3) {
            startups++;
            untyped = false;
            stream.write(AUTH_CLEARTEXT);
            continue;
          }
          stream.destroy();
          return;
        }
        if (buffer.length < 5) return;
        const type = String.fromCharCode(buffer[0]!);
        const length = buffer.readInt32BE(1);
        if (buffer.length < length + 1) return;
        const body = buffer.subarray(5, length + 1);
        buffer = buffer.subarray(length + 1);
        if (type === 'p') {
          passwords.push(body.toString('utf8').replace(/\0$/, ''));
          if (options.after === 'reject') return void stream.end(BAD_PASSWORD);
          stream.write(Buffer.concat([AUTH_OK, READY]));
        } else if (type !== 'X' && options.after === 'flood' && !flooding) {
          flooding = true;
          flood(stream);
        }
      }
    };
    stream.on('data', onData);
  }

  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => {
      sockets.delete(socket);
      if (sockets.size === 0) for (const f of idleWaiters.splice(0)) f();
    });
    serve(socket, socket);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as { port: number }).port,
    passwords,
    servernames,
    sslRequests: () => sslRequests,
    startups: () => startups,
    floodBytes: () => floodBytes,
    idle: () => new Promise<void>((r) => (sockets.size === 0 ? r() : idleWaiters.push(r))),
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(r));
    },
  };
}
