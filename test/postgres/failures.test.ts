import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server, type Socket } from 'node:net';
import { PROVIDERS } from '../../providers/registry.js';
import { DEFAULT_POLICY } from '../../src/assess/policy.js';
import { inspectAll } from '../../src/inspect/run.js';
import { type Cluster, startCluster } from './cluster.js';
import { credentialFor, inspectUrl } from './harness.js';
import { createWorld, ROLES, url } from './world.js';

/** A TCP server on 127.0.0.1 that accepts connections and then does `onSocket` (by default: nothing, ever). */
async function tcpServer(onSocket: (s: Socket) => void = () => undefined) {
  const sockets: Socket[] = [];
  let connections = 0;
  let closed = 0;
  const connected: Array<() => void> = [];
  const whenClosed: Array<() => void> = [];
  const server: Server = createServer((s) => {
    connections++;
    sockets.push(s);
    s.on('close', () => {
      closed++;
      for (const f of whenClosed.splice(0)) f();
    });
    s.on('error', () => undefined);
    // Read and drop what the client sends, so that its hang-up is seen (a paused socket never ends).
    s.resume();
    for (const f of connected.splice(0)) f();
    onSocket(s);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    connections: () => connections,
    closed: () => closed,
    /** Resolves when the next connection arrives. */
    nextConnection: () => new Promise<void>((r) => connected.push(r)),
    /** Resolves once `n` connections have been closed. */
    closedCount: (n: number) =>
      new Promise<void>((r) => {
        const check = () => (closed >= n ? r() : whenClosed.push(check));
        check();
      }),
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(r));
    },
  };
}

/** A port with nothing listening: bound once by us, then released. */
async function closedPort(): Promise<number> {
  const s = await tcpServer();
  await s.close();
  return s.port;
}

const PASSWORD = 'pw-Hx72LmQa9Rts';
const SHORT = { timeouts: { connectMs: 300, statementMs: 1000 } };

let cluster: Cluster;
beforeAll(async () => {
  cluster = await startCluster();
  await createWorld(cluster);
}, 120_000);
afterAll(async () => {
  await cluster?.stop();
});

describe('PostgreSQL inspection when things go wrong', () => {
  it('an unreachable host (a closed port) is unverified, with the reason', async () => {
    const port = await closedPort();
    const i = await inspectUrl(`postgres://app:${PASSWORD}@127.0.0.1:${port}/shop`);
    expect(i).toEqual({
      verification: 'unverified',
      reason: `nothing listens at 127.0.0.1:${port} (connection refused)`,
      scope: null,
    });
  });

  it('a server that accepts the connection but never answers: a bounded wait, then error', async () => {
    const silent = await tcpServer();
    try {
      const i = await inspectUrl(`postgres://app:${PASSWORD}@127.0.0.1:${silent.port}/shop`, { clients: SHORT });
      expect(i.verification).toBe('error');
      expect(i.reason).toBe(
        `the server at 127.0.0.1:${silent.port} accepted the connection but did not answer within 0.3 s; it may not be PostgreSQL`,
      );
      expect(silent.connections()).toBe(1);
      // Not left hanging: our side closed the socket.
      await silent.closedCount(1);
    } finally {
      await silent.close();
    }
  });

  it('ends the connection when the time budget runs out (ctx.signal), and says so', async () => {
    const silent = await tcpServer();
    try {
      const budget = new AbortController();
      silent.nextConnection().then(() => budget.abort());
      const i = await inspectUrl(`postgres://app:${PASSWORD}@127.0.0.1:${silent.port}/shop`, {
        signal: budget.signal,
        clients: { timeouts: { connectMs: 60_000, statementMs: 60_000 } },
      });
      expect(i.verification).toBe('error');
      expect(i.reason).toBe(`the inspection time budget ran out at 127.0.0.1:${silent.port}/shop`);
      await silent.closedCount(1);
    } finally {
      await silent.close();
    }
  });

  it('a server that answers nonsense is an error, not a crash', async () => {
    const http = await tcpServer((s) => s.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n'));
    try {
      const i = await inspectUrl(`postgres://app:${PASSWORD}@127.0.0.1:${http.port}/shop`, { clients: SHORT });
      expect(['error', 'unverified']).toContain(i.verification);
      expect(i.scope).toBeNull();
      expect(i.reason).toContain(`127.0.0.1:${http.port}`);
      expect(i.reason).not.toContain(PASSWORD);
    } finally {
      await http.close();
    }
  });

  it('sslmode=require against a server without SSL: error, saying so', async () => {
    const i = await inspectUrl(url(cluster, 'rw', 'shop_production', '?sslmode=require'));
    expect(i.verification).toBe('error');
    expect(i.reason).toBe(
      `the URL asks for sslmode=require, but 127.0.0.1:${cluster.port} does not support SSL connections`,
    );
  });

  it('with no sslmode, tries TLS first and falls back to plain as libpq does (prefer)', async () => {
    const i = await inspectUrl(url(cluster, 'ro'));
    expect(i.verification).toBe('verified');
    expect(i.reason).toBe(`connected as role "app_ro" to 127.0.0.1:${cluster.port}/shop_production, read-only`);
  });

  it('connects only to the host and port the URL names, whatever its query string says', async () => {
    const port = await closedPort();
    const i = await inspectUrl(
      `postgres://app_rw:${ROLES.rw.password}@127.0.0.1:${port}/shop_production?host=127.0.0.1&port=${cluster.port}&hostaddr=127.0.0.1`,
    );
    expect(i.verification).toBe('unverified');
    expect(i.reason).toBe(`nothing listens at 127.0.0.1:${port} (connection refused)`);
  });

  it('does not connect to Unix sockets, nor read URLs with several hosts; the reasons hold no password', async () => {
    for (const raw of [
      `postgres://app:${PASSWORD}@%2Fvar%2Frun%2Fpostgresql/shop`,
      `postgresql://app:${PASSWORD}@db1:5432,db2:5432/shop`,
    ]) {
      const i = await inspectUrl(raw);
      expect(i.verification).toBe('unverified');
      expect(i.reason).not.toContain(PASSWORD);
      expect(i.reason).not.toContain(raw);
    }
  });

  it('runs through inspectAll with no endpoint configured, and not at all when offline', async () => {
    const credential = credentialFor(url(cluster, 'ro'));
    const providers = new Map(PROVIDERS.map((p) => [p.id, p]));
    const base = { endpoints: {}, policy: DEFAULT_POLICY, concurrency: 1, budgetMs: 10_000 };
    const online = await inspectAll([credential], providers, {
      ...base,
      offline: false,
      foundHostPorts: [cluster.port],
    });
    expect(online.inspections.get(credential.fingerprint)?.verification).toBe('verified');

    const silent = await tcpServer();
    try {
      const elsewhere = credentialFor(`postgres://app:${PASSWORD}@127.0.0.1:${silent.port}/shop`);
      const offline = await inspectAll([elsewhere], providers, { ...base, offline: true });
      const seen = offline.inspections.get(elsewhere.fingerprint);
      expect(seen?.verification).toBe('unverified');
      expect(seen?.reason).toBe('offline: inspection was turned off');
      // What the URL itself says, learned without a connection.
      expect(seen?.scope?.identity).toBe(`app@127.0.0.1:${silent.port}/shop`);
      expect(silent.connections()).toBe(0);
    } finally {
      await silent.close();
    }
  });
});
