import { rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SYSTEM_NETWORK } from '../../providers/database/route.js';
import { cli } from '../helpers/cli.js';
import { tempDir, writeFiles } from '../helpers/repo.js';

/**
 * The review's case: a database URL in the scanned tree names a server the attacker runs. Its
 * error text (PostgreSQL ErrorResponse, protocol v3) clears the screen, returns the cursor and
 * writes "no credentials found", hoping to hide the table while the exit code says otherwise.
 */
const HOSTILE_MESSAGE =
  '\x1b[2J\x1b[H\r\x1b[Ktokenscope: no credentials found\x1b]0;owned\x07 ##[error]pwned \u202eevil';

/** Answers SSLRequest "N", then refuses the role (28000) with the hostile message. */
function hostilePostgres(): Promise<{ server: Server; port: number }> {
  const server = createServer((socket: Socket) => {
    let buffered = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      while (buffered.length >= 8 && buffered.length >= buffered.readInt32BE(0)) {
        const length = buffered.readInt32BE(0);
        const code = buffered.readInt32BE(4);
        buffered = buffered.subarray(length);
        if (code === 80877103) {
          socket.write('N'); // SSLRequest: no TLS here
          continue;
        }
        const field = (type: string, value: string) => Buffer.concat([Buffer.from(type), Buffer.from(`${value}\0`)]);
        const body = Buffer.concat([
          field('S', 'FATAL'),
          field('V', 'FATAL'),
          field('C', '28000'),
          field('M', HOSTILE_MESSAGE),
          Buffer.from([0]),
        ]);
        const head = Buffer.alloc(5);
        head.write('E', 0, 'latin1');
        head.writeInt32BE(body.length + 4, 1);
        socket.end(Buffer.concat([head, body]));
      }
    });
    socket.on('error', () => {});
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as { port: number }).port })),
  );
}

describe("a hostile database server's error text", () => {
  let pg: { server: Server; port: number };
  let dir: string;
  beforeAll(async () => {
    pg = await hostilePostgres();
    dir = tempDir('tokenscope-hostile-pg-');
    writeFiles(dir, { '.env': 'DATABASE_URL=postgres://app:pw-Vn38KqLz5Wce@127.0.0.1:5432/shop\n' });
  });
  afterAll(async () => {
    await new Promise((r) => pg.server.close(r));
    rmSync(dir, { recursive: true, force: true });
  });

  for (const format of ['table', 'markdown', 'json', 'sarif']) {
    it(`${format}: is reported as words, with no control character and no workflow command`, async () => {
      // The standard port in the URL; the dial goes to the fake (no test leaves 127.0.0.1).
      const network = { lookup: SYSTEM_NETWORK.lookup, dial: () => ({ host: '127.0.0.1', port: pg.port }) };
      const run = await cli(['audit', dir, '--threads', '1', '--format', format, '--fail-on', 'low'], {
        clients: { postgres: { network, timeouts: { connectMs: 3000, statementMs: 3000 } } },
      });
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('no credentials found'); // the words, inside the finding's reason
      expect(run.stdout + run.stderr).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]/);
      expect(run.stdout).not.toContain('##[');
      // No line of its own: the table's first line is still the table.
      expect(run.stdout.split('\n').filter((l) => /^\s*(tokenscope: no credentials|::)/.test(l))).toEqual([]);
    });
  }
});
