import { afterEach, describe, expect, it } from '@jest/globals';
import { RedisConnection } from '../../providers/redis/connect.js';
import { startListener } from '../helpers/listener.js';
import { freePort } from '../helpers/ports.js';
import { type FakeRedis, startFakeRedis } from './fakeserver.js';
import { inspectRedisUrl } from './harness.js';

/** Made up for these tests. */
const PASSWORD = 'fake-Wc5nJ8rT2v';
const urlAt = (port: number, host = '127.0.0.1', scheme = 'redis') => `${scheme}://app:${PASSWORD}@${host}:${port}/0`;
const fast = { timeouts: { connectMs: 500, replyMs: 500 } };

let fake: FakeRedis | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/** A reply that a well-behaved Redis 7 sends to each command the inspector knows. */
function polite(command: string[]): string {
  if (command[0] === 'AUTH') return '+OK\r\n';
  if (command[0] === 'HELLO') return '*4\r\n$6\r\nserver\r\n$5\r\nredis\r\n$7\r\nversion\r\n$6\r\n7.0.15\r\n';
  if (command[0] === 'ACL' && command[1] === 'WHOAMI') return '$3\r\napp\r\n';
  return '+OK\r\n';
}

describe('Redis inspection when things go wrong', () => {
  it('nothing listening: unverified, with the reason', async () => {
    const port = await freePort();
    const i = await inspectRedisUrl(urlAt(port));
    expect(i).toMatchObject({
      verification: 'unverified',
      reason: `nothing listens at 127.0.0.1:${port} (connection refused)`,
    });
  });

  it('a server that accepts and never answers: error within the reply timeout', async () => {
    fake = await startFakeRedis(() => undefined);
    const started = Date.now();
    const i = await inspectRedisUrl(urlAt(fake.port), { clients: fast });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(i.verification).toBe('error');
    expect(i.reason).toBe(`127.0.0.1:${fake.port} did not answer within 0.5 s; it may not be Redis`);
  });

  it('garbage bytes (an HTTP server): error, not a crash', async () => {
    fake = await startFakeRedis(() => 'HTTP/1.1 400 Bad Request\r\n\r\n');
    const i = await inspectRedisUrl(urlAt(fake.port), { clients: fast });
    expect(i.verification).toBe('error');
    expect(i.reason).toContain('answered in a way Redis does not (not a Redis reply (unexpected type byte 0x48))');
  });

  it('an oversized reply: reading stops at the limit, error', async () => {
    const huge = `*1000\r\n${'$200000\r\n'.concat('x'.repeat(200000), '\r\n').repeat(20)}`;
    fake = await startFakeRedis((c) => (c[0] === 'AUTH' ? '+OK\r\n' : huge));
    const i = await inspectRedisUrl(urlAt(fake.port), { clients: { ...fast, readLimitBytes: 1024 * 1024 } });
    expect(i.verification).toBe('error');
    expect(i.reason).toBe(
      `127.0.0.1:${fake.port} sent more than 1 MiB; tokenscope stopped reading (a broken or hostile server?)`,
    );
  });

  it('a bulk string longer than a reply may hold is refused before it is buffered', async () => {
    fake = await startFakeRedis((c) => (c[0] === 'AUTH' ? '+OK\r\n' : '$999999999\r\n'));
    const i = await inspectRedisUrl(urlAt(fake.port), { clients: fast });
    expect(i.reason).toContain('bulk string too long');
  });

  it('a rejected password is invalid; the reason holds no password', async () => {
    fake = await startFakeRedis(() => '-WRONGPASS invalid username-password pair or user is disabled.\r\n');
    const i = await inspectRedisUrl(urlAt(fake.port));
    expect(i).toEqual({
      verification: 'invalid',
      reason: `127.0.0.1:${fake.port} rejected the password of user "app" (WRONGPASS)`,
      scope: null,
    });
  });

  it('a server without ACL users (Redis 5) rejects AUTH user password: the password alone is tried once', async () => {
    fake = await startFakeRedis((c) => {
      if (c[0] === 'AUTH') return c.length === 3 ? "-ERR wrong number of arguments for 'auth' command\r\n" : '+OK\r\n';
      return c[0] === 'MULTI'
        ? '+OK\r\n'
        : c[0] === 'DISCARD'
          ? '+OK\r\n'
          : c[0] === 'FLUSHALL'
            ? '+QUEUED\r\n'
            : "-ERR unknown command 'x'\r\n";
    });
    const i = await inspectRedisUrl(urlAt(fake.port));
    expect(i.verification).toBe('verified');
    expect(fake.commands.filter((c) => c[0] === 'AUTH')).toEqual([
      ['AUTH', 'app', PASSWORD],
      ['AUTH', PASSWORD],
    ]);
    expect(i.scope?.unknowns.map((u) => u.what)).toContain('authentication');
  });

  it('the time budget ends the connection and says so', async () => {
    fake = await startFakeRedis(() => undefined);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const i = await inspectRedisUrl(urlAt(fake.port), { signal: controller.signal });
    expect(i).toMatchObject({
      verification: 'error',
      reason: `the inspection time budget ran out at 127.0.0.1:${fake.port}`,
    });
  });

  it('a server that fakes MULTI (answers probes with +OK, not QUEUED): the connection ends at the first probe', async () => {
    fake = await startFakeRedis((c) => (c[0] === 'ACL' && c[1] === 'DRYRUN' ? '-NOPERM no\r\n' : polite(c)));
    const i = await inspectRedisUrl(urlAt(fake.port));
    expect(i.verification).toBe('error');
    // MULTI, then one probe whose answer was not QUEUED: nothing more, and never EXEC.
    const after = fake.commands.slice(fake.commands.findIndex((c) => c[0] === 'MULTI'));
    expect(after).toEqual([['MULTI'], ['FLUSHALL']]);
    expect(fake.commands.flat()).not.toContain('EXEC');
  });

  it('a command outside the allowlist is refused before any byte of it is written', async () => {
    fake = await startFakeRedis(polite);
    const route = { address: '127.0.0.1', port: fake.port, servername: '127.0.0.1', loopback: true };
    const conn = await RedisConnection.open(
      route,
      false,
      { user: 'app', password: PASSWORD, whoami: undefined },
      { connectMs: 500, replyMs: 500 },
      new AbortController().signal,
    );
    try {
      for (const command of [
        ['FLUSHALL'],
        ['EXEC'],
        ['CONFIG', 'GET', 'requirepass'],
        ['AUTH', 'app', 'other-Pw9xZ'],
      ]) {
        await expect(conn.send(command)).rejects.toThrow('refused to send a command outside the Redis allowlist');
      }
      expect(await conn.send(['MULTI'])).toBe('OK');
      conn.inMulti = true;
      // SHUTDOWN is asked only through ACL DRYRUN, never queued.
      await expect(conn.send(['SHUTDOWN', 'NOSAVE'])).rejects.toThrow('outside the Redis allowlist');
    } finally {
      conn.close();
    }
    expect(fake.commands).toEqual([['MULTI']]);
  });
});

describe('where a found Redis URL may connect', () => {
  it('redis:// (no TLS) to a host that is not loopback: not connected, the password is not sent', async () => {
    const listener = await startListener(200);
    try {
      const network = {
        lookup: async () => [{ address: '10.1.2.3', family: 4 }],
        dial: () => ({ host: '127.0.0.1', port: listener.port }),
      };
      const i = await inspectRedisUrl(urlAt(6379, 'cache.corp.test'), { clients: { network } });
      expect(i.verification).toBe('error');
      expect(i.reason).toContain('the URL says redis:// (no TLS) and cache.corp.test:6379 is not loopback');
      expect(listener.connections()).toBe(0);
    } finally {
      await listener.close();
    }
  });

  it('a host that resolves to a metadata or link-local address is refused after one lookup', async () => {
    for (const address of ['169.254.169.254', '100.100.100.200', 'fe80::1']) {
      let lookups = 0;
      const network = {
        lookup: async () => {
          lookups++;
          return [{ address, family: address.includes(':') ? 6 : 4 }];
        },
      };
      const i = await inspectRedisUrl(urlAt(6379, 'cache.corp.test', 'rediss'), { clients: { network } });
      expect(i.verification).toBe('unverified');
      expect(i.reason).toMatch(/^refused to connect to .*: cache\.corp\.test:6379$/);
      expect(lookups).toBe(1);
    }
  });

  it('rediss:// to a server that does not speak TLS: error, and no AUTH reached it', async () => {
    fake = await startFakeRedis(polite);
    const i = await inspectRedisUrl(urlAt(fake.port, '127.0.0.1', 'rediss'), { clients: fast });
    expect(i.verification).toBe('error');
    expect(fake.commands).toEqual([]);
  });

  it('control characters in any part: skipped, nothing connects', async () => {
    fake = await startFakeRedis(polite);
    for (const url of [
      `redis://app%0D%0AFLUSHALL:${PASSWORD}@127.0.0.1:${fake.port}/0`,
      `redis://app:${PASSWORD}%0D%0A@127.0.0.1:${fake.port}/0`,
      `redis://app:${PASSWORD}@127.0.0.1:${fake.port}/0?x=%0D%0ASHUTDOWN`,
    ]) {
      const i = await inspectRedisUrl(url);
      expect(i.verification).toBe('skipped');
      expect(i.reason).toContain('holds a control character');
      expect(i.reason).not.toContain(PASSWORD);
    }
    expect(fake.connections()).toBe(0);
  });
});
