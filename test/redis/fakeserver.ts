import { createServer, type Server, type Socket } from 'node:net';
import { ReplyReader } from '../../providers/redis/resp.js';

/**
 * A broken or hostile "Redis" on 127.0.0.1: it answers each command it receives with what `answer`
 * returns (raw bytes, or nothing at all to hang), and keeps every command it was sent, parsed, so
 * tests can say what reached it. Its commands arrive in RESP, as requests to a server do; the
 * client's ReplyReader parses them (a request is an array of bulk strings, a valid RESP value).
 */
export interface FakeRedis {
  port: number;
  commands: string[][];
  connections: () => number;
  close: () => Promise<void>;
}

export async function startFakeRedis(answer: (command: string[]) => Buffer | string | undefined): Promise<FakeRedis> {
  const commands: string[][] = [];
  const sockets = new Set<Socket>();
  let connections = 0;
  const server: Server = createServer((s) => {
    connections++;
    sockets.add(s);
    const reader = new ReplyReader();
    s.on('error', () => undefined);
    s.on('close', () => sockets.delete(s));
    s.on('data', (chunk: Buffer) => {
      reader.push(chunk);
      for (let next = reader.next(); next; next = reader.next()) {
        const command = (next.reply as string[]).map(String);
        commands.push(command);
        const out = answer(command);
        if (out !== undefined && !s.destroyed) s.write(out);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    commands,
    connections: () => connections,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
