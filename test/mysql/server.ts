import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { freePort } from '../helpers/ports.js';
import { makeCertificate } from '../helpers/certificate.js';
import { ensureDebianPackage } from '../helpers/debian.js';

/**
 * A throwaway MariaDB server for one test file: mariadb-install-db into a temp directory, mariadbd
 * on 127.0.0.1 at a free port with the general query log on, killed and deleted after the suite.
 * The binaries are Debian's `mariadb-server`; when they are missing and we run as root, the package
 * is installed with apt-get, otherwise the suite fails saying which package to install. It never
 * skips silently.
 */

const MARIADBD = '/usr/sbin/mariadbd';
const INSTALL_DB = '/usr/bin/mariadb-install-db';

/** Passwords made up for these tests. */
export const MYSQL_PASSWORDS = {
  destroyer: 'destroyer-Vb8nM2qL5x',
  owner: 'owner-Tc3wK9pZ6r',
  reader: 'reader-Gh7yN4sD1f',
  nothing: 'nothing-Px2eR6vJ8m',
} as const;
export type MysqlUser = keyof typeof MYSQL_PASSWORDS;

const SETUP = [
  'CREATE DATABASE shop_production',
  'CREATE DATABASE scratch',
  'CREATE TABLE shop_production.orders (id INT PRIMARY KEY, total INT)',
  'INSERT INTO shop_production.orders VALUES (1, 100), (2, 250)',
  ...Object.entries(MYSQL_PASSWORDS).map(([u, p]) => `CREATE USER '${u}'@'%' IDENTIFIED BY '${p}'`),
  "GRANT ALL PRIVILEGES ON *.* TO 'destroyer'@'%' WITH GRANT OPTION",
  "GRANT ALL PRIVILEGES ON shop_production.* TO 'owner'@'%'",
  "GRANT SELECT ON shop_production.* TO 'reader'@'%'",
];

function ensureBinaries(): void {
  ensureDebianPackage('mariadb-server', [MARIADBD, INSTALL_DB]);
}

export interface MariaServer {
  port: number;
  /** The self-signed certificate (PEM) the server offers, when started with TLS. */
  cert?: string;
  url(user: MysqlUser, host?: string, database?: string): string;
  /** Runs SQL as root over the Unix socket (set-up only, never the code under test). */
  admin(sql: string): Promise<unknown>;
  /** The general query log so far. */
  log(): string;
  stop(): Promise<void>;
}

async function ready(socketPath: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`mariadbd exited with ${child.exitCode}`);
    try {
      const c = await mysql.createConnection({ socketPath, user: 'root' });
      await c.end();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error('mariadbd did not start within 30 s');
}

/** With `tls`, the server offers TLS with a self-signed certificate for db.corp.test (openssl). */
export async function startMariadb(options: { tls?: boolean } = {}): Promise<MariaServer> {
  ensureBinaries();
  const dir = mkdtempSync(join(tmpdir(), 'tokenscope-mariadb-'));
  const root = process.getuid?.() === 0 ? ['--user=root'] : [];
  execFileSync(
    INSTALL_DB,
    ['--no-defaults', `--datadir=${dir}/data`, '--auth-root-authentication-method=normal', '--skip-test-db', ...root],
    { stdio: 'ignore' },
  );
  const port = await freePort();
  const tls: string[] = [];
  if (options.tls) {
    makeCertificate(dir, 'db.corp.test', ['DNS:db.corp.test']);
    tls.push(`--ssl-cert=${join(dir, 'server.crt')}`, `--ssl-key=${join(dir, 'server.key')}`);
  }
  const socketPath = join(dir, 'sock');
  const logFile = join(dir, 'general.log');
  const child = spawn(
    MARIADBD,
    [
      '--no-defaults',
      ...root,
      `--datadir=${dir}/data`,
      `--socket=${socketPath}`,
      `--port=${port}`,
      '--bind-address=127.0.0.1',
      `--pid-file=${dir}/pid`,
      `--log-error=${dir}/error.log`,
      '--skip-log-bin',
      '--innodb-buffer-pool-size=16M',
      '--general-log=1',
      `--general-log-file=${logFile}`,
      ...tls,
    ],
    { stdio: 'ignore' },
  );
  try {
    await ready(socketPath, child);
    const c = await mysql.createConnection({ socketPath, user: 'root' });
    for (const sql of SETUP) await c.query(sql);
    await c.end();
  } catch (e) {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  return {
    port,
    ...(options.tls ? { cert: readFileSync(join(dir, 'server.crt'), 'utf8') } : {}),
    url: (user, host = '127.0.0.1', database = 'shop_production') =>
      `mysql://${user}:${encodeURIComponent(MYSQL_PASSWORDS[user])}@${host}:${port}/${database}`,
    async admin(sql) {
      const c = await mysql.createConnection({ socketPath, user: 'root' });
      try {
        const [rows] = await c.query(sql);
        return rows;
      } finally {
        await c.end();
      }
    },
    log: () => readFileSync(logFile, 'utf8'),
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
