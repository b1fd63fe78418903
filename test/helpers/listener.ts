import { createServer, type Socket } from 'node:net';

/**
 * A loopback TCP listener on a random port that is no service at all: it counts connections, keeps
 * every byte it is sent, never answers, and hangs up after `holdMs` (at once with 0). For proving
 * that nothing, or something, reached a host a scanned file named.
 */
export async function startListener(holdMs = 0) {
  let received = Buffer.alloc(0);
  let connections = 0;
  const sockets = new Set<Socket>();
  const server = createServer((s) => {
    connections++;
    sockets.add(s);
    s.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
    });
    s.on('error', () => undefined);
    s.on('close', () => sockets.delete(s));
    if (holdMs === 0) s.destroy();
    else setTimeout(() => s.destroy(), holdMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    connections: () => connections,
    received: () => received,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type Listener = Awaited<ReturnType<typeof startListener>>;
