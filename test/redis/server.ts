import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeCommand, type Reply, ReplyReader } from '../../providers/redis/resp.js';
import { freePort } from '../helpers/ports.js';
import { makeCertificate } from '../helpers/certificate.js';
import { ensureDebianPackage } from '../helpers/debian.js';

/**
 * A throwaway redis-server for one test file: a config in a temp directory, 127.0.0.1 at a free
 * port, no persistence, the ACL users of the issue, stopped and deleted after the suite. The binary
 * is Debian's `redis-server`; when it is missing and we run as root, it is installed with apt-get,
 * otherwise the suite fails saying which package to install. It never skips silently.
 */

const BIN = '/usr/bin/redis-server';

/** Passwords made up for these tests. */
export const PASSWORDS = {
  destroyer: 'destroyer-Qm7vX2pL9k',
  writer: 'writer-Hn4tR8wZ3c',
  reader: 'reader-Jd6yB1sF5q',
  nothing: 'nothing-Kp3uV7mA2x',
  admin: 'admin-Ze5rT9nW4h',
} as const;
export type RedisUser = keyof typeof PASSWORDS;

/** Each user of the issue, in Redis ACL words. */
const USERS: Record<RedisUser, string> = {
  // Can destroy: every command, every key (and may use ACL DRYRUN).
  destroyer: '~* &* +@all',
  // Can delete keys but not flush or administer; not allowed ACL DRYRUN, so asked through MULTI.
  writer: '~* &* +@all -@dangerous',
  // Read-only, with transactions (MULTI/DISCARD) allowed.
  reader: '~* &* -@all +@read +@connection +@transaction',
  // No privileges at all.
  nothing: 'resetkeys -@all',
  // The test's own set-up user (never the code under test).
  admin: '~* &* +@all',
};

function binary(): string {
  ensureDebianPackage('redis-server', [BIN]);
  return BIN;
}

/** Sends commands as the set-up user over a raw socket (never through the inspector's allowlist). */
export async function rawCommands(port: number, commands: string[][], user: RedisUser = 'admin'): Promise<Reply[]> {
  const socket = connect({ host: '127.0.0.1', port });
  const reader = new ReplyReader();
  const all = [['AUTH', user, PASSWORDS[user]], ...commands];
  return new Promise((resolve, reject) => {
    const replies: Reply[] = [];
    socket.on('error', reject);
    socket.on('data', (chunk: Buffer) => {
      reader.push(chunk);
      for (let next = reader.next(); next; next = reader.next()) replies.push(next.reply);
      if (replies.length === all.length) {
        socket.destroy();
        resolve(replies.slice(1));
      }
    });
    socket.write(Buffer.concat(all.map(encodeCommand)));
  });
}

export interface RedisServer {
  port: number;
  /** The self-signed certificate (PEM) the server presents, when started with TLS. */
  cert?: string;
  url(user: RedisUser, host?: string): string;
  /** Commands as the set-up user. */
  admin(...commands: string[][]): Promise<Reply[]>;
  stop(): Promise<void>;
}

async function ready(port: number, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}`);
    try {
      const [pong] = await rawCommands(port, [['PING']]);
      if (pong === 'PONG') return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('redis-server did not start within 10 s');
}

/**
 * With `tls`, the server listens with TLS only, and set-up commands go to a second, plain port.
 */
export async function startRedis(options: { tls?: boolean } = {}): Promise<RedisServer> {
  const bin = binary();
  const dir = mkdtempSync(join(tmpdir(), 'tokenscope-redis-'));
  const port = await freePort();
  const plainPort = options.tls ? await freePort() : port;
  const cert = options.tls
    ? readFileSync(makeCertificate(dir, 'cache.test', ['DNS:cache.test', 'IP:127.0.0.1']).cert, 'utf8')
    : undefined;
  const conf = [
    'bind 127.0.0.1',
    `port ${plainPort}`,
    ...(options.tls
      ? [`tls-port ${port}`, `tls-cert-file ${dir}/server.crt`, `tls-key-file ${dir}/server.key`, 'tls-auth-clients no']
      : []),
    `dir ${dir}`,
    'save ""',
    'appendonly no',
    'daemonize no',
    'protected-mode yes',
    'enable-debug-command yes',
    'user default off',
    ...Object.entries(USERS).map(([name, rules]) => `user ${name} on >${PASSWORDS[name as RedisUser]} ${rules}`),
  ];
  writeFileSync(join(dir, 'redis.conf'), `${conf.join('\n')}\n`);
  const child = spawn(bin, [join(dir, 'redis.conf')], { stdio: 'ignore' });
  try {
    await ready(plainPort, child);
  } catch (e) {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  return {
    port,
    ...(cert ? { cert } : {}),
    url: (user, host = '127.0.0.1') =>
      `${options.tls ? 'rediss' : 'redis'}://${user}:${encodeURIComponent(PASSWORDS[user])}@${host}:${port}/0`,
    admin: (...commands) => rawCommands(plainPort, commands),
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
