import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from '@jest/globals';
import { isAllowedStatement, MYSQL_QUERIES } from '../../providers/mysql/queries.js';
import { startListener } from '../helpers/listener.js';
import { freePort } from '../helpers/ports.js';
import { inspectMysqlUrl } from './harness.js';

/** Made up for these tests. */
const PASSWORD = 'fake-Rk4mW7zQ2p';
const urlAt = (port: number, host = '127.0.0.1') => `mysql://app:${PASSWORD}@${host}:${port}/shop`;
const fast = { timeouts: { connectMs: 500, statementMs: 500 } };

let server: Server | undefined;
const sockets = new Set<Socket>();
afterEach(async () => {
  for (const s of sockets) s.destroy();
  sockets.clear();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = undefined;
});

/** A TCP server on 127.0.0.1 that writes `greeting` to each connection (or nothing) and reads what it is sent. */
async function fakeServer(greeting: (s: Socket) => void): Promise<number> {
  server = createServer((s) => {
    sockets.add(s);
    s.on('error', () => undefined);
    greeting(s);
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return (server.address() as { port: number }).port;
}

describe('the MySQL statement allowlist', () => {
  it('holds only a read-only session, a read-only transaction, whoami, SHOW GRANTS and ROLLBACK', () => {
    expect(Object.values(MYSQL_QUERIES)).toEqual([
      'SET SESSION TRANSACTION READ ONLY',
      'START TRANSACTION READ ONLY',
      'SELECT CURRENT_USER() AS account, VERSION() AS version',
      'SHOW GRANTS FOR CURRENT_USER()',
      'ROLLBACK',
    ]);
    for (const sql of [
      'SHOW GRANTS',
      'SELECT * FROM mysql.user',
      'DROP DATABASE shop',
      'ROLLBACK; DROP TABLE t',
      'rollback',
    ]) {
      expect(isAllowedStatement(sql)).toBe(false);
    }
  });
});

describe('MySQL inspection when things go wrong', () => {
  it('nothing listening: unverified', async () => {
    const port = await freePort();
    expect(await inspectMysqlUrl(urlAt(port))).toEqual({
      verification: 'unverified',
      reason: `nothing listens at 127.0.0.1:${port} (connection refused)`,
      scope: null,
    });
  });

  it('a server that accepts and never answers: a bounded wait, then error', async () => {
    const port = await fakeServer(() => undefined);
    const started = Date.now();
    const i = await inspectMysqlUrl(urlAt(port), { clients: fast });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(i).toMatchObject({
      verification: 'error',
      reason: `the server at 127.0.0.1:${port} accepted the connection but did not answer within 0.5 s; it may not be MySQL`,
    });
  });

  it('garbage bytes: error, not a crash, and the password not in the reason', async () => {
    const port = await fakeServer((s) => s.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n'));
    const i = await inspectMysqlUrl(urlAt(port), { clients: fast });
    expect(i.verification).toBe('error');
    expect(i.reason).not.toContain(PASSWORD);
  });

  it('an oversized greeting: reading stops at the limit', async () => {
    const port = await fakeServer((s) => {
      const chunk = Buffer.alloc(64 * 1024, 0x41);
      const pump = () => {
        while (!s.destroyed && s.write(chunk));
        if (!s.destroyed) s.once('drain', pump);
      };
      pump();
    });
    const i = await inspectMysqlUrl(urlAt(port), { clients: { ...fast, readLimitBytes: 256 * 1024 } });
    expect(i.verification).toBe('error');
    expect(i.reason).toBe(
      `127.0.0.1:${port} sent more than 0.3 MiB; tokenscope stopped reading (a broken or hostile server?)`,
    );
  });

  it('the time budget ends the connection and says so', async () => {
    const port = await fakeServer(() => undefined);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const i = await inspectMysqlUrl(urlAt(port), { signal: controller.signal });
    expect(i).toMatchObject({
      verification: 'error',
      reason: `the inspection time budget ran out at 127.0.0.1:${port}/shop`,
    });
  });

  it('off loopback, a server without TLS: the password is not sent', async () => {
    const listener = await startListener(1000);
    try {
      // The greeting of a MySQL server offering no TLS would come first; this one says nothing, and
      // the connection is given up on without a byte of the password.
      const network = {
        lookup: async () => [{ address: '10.1.2.3', family: 4 }],
        dial: () => ({ host: '127.0.0.1', port: listener.port }),
      };
      const i = await inspectMysqlUrl(urlAt(3306, 'db.corp.test'), { clients: { ...fast, network } });
      expect(i.verification).toBe('error');
      expect(listener.received().toString('latin1')).not.toContain(PASSWORD);
    } finally {
      await listener.close();
    }
  });

  it('metadata and link-local addresses are refused after one lookup', async () => {
    const network = { lookup: async () => [{ address: '169.254.169.254', family: 4 }] };
    const i = await inspectMysqlUrl(urlAt(3306, 'db.corp.test'), { clients: { network } });
    expect(i).toMatchObject({ verification: 'unverified' });
    expect(i.reason).toMatch(/^refused to connect to .*: db\.corp\.test:3306$/);
  });

  it('control characters in a name: skipped, nothing connects', async () => {
    const listener = await startListener(0);
    try {
      const i = await inspectMysqlUrl(`mysql://app%0D%0A:${PASSWORD}@127.0.0.1:${listener.port}/shop`);
      expect(i.verification).toBe('skipped');
      expect(listener.connections()).toBe(0);
    } finally {
      await listener.close();
    }
  });
});
