import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from '../helpers/ports.js';
import { makeCertificate } from '../helpers/certificate.js';

/**
 * A throwaway PostgreSQL cluster for one test file: initdb into a temp directory, a server on
 * 127.0.0.1 at a free port, every statement logged, stopped and deleted after the suite.
 *
 * The binaries come from $PG_BIN, `pg_config --bindir` or Debian's /usr/lib/postgresql/<v>/bin.
 * When none is found and we run as root, Debian's `postgresql` package is installed with apt-get;
 * otherwise the suite fails saying which package to install. It never skips silently.
 */

export const ADMIN = 'tsadmin';
const ADMIN_PASSWORD = 'admin-Xq4vW9zLp2';
const PACKAGE_HINT =
  'PostgreSQL server binaries (initdb, pg_ctl) not found: install Debian\'s "postgresql" package ' +
  '(sudo apt-get install postgresql) or set PG_BIN to the directory that holds initdb';

function debianBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : undefined;
}

function findBinDir(): string | undefined {
  if (process.env.PG_BIN && existsSync(join(process.env.PG_BIN, 'initdb'))) return process.env.PG_BIN;
  const debian = debianBinDir();
  if (debian) return debian;
  try {
    const dir = execFileSync('pg_config', ['--bindir'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    if (existsSync(join(dir, 'initdb'))) return dir;
  } catch {
    // no pg_config on PATH
  }
  return undefined;
}

const isRoot = () => process.getuid?.() === 0;

/** Installs Debian's package once, whatever the number of test files asking at the same time (flock). */
function installPostgres(): void {
  const script =
    'test -d /usr/lib/postgresql && ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || ' +
    '(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null)';
  try {
    execFileSync('flock', ['/tmp/tokenscope-pg-install.lock', 'sh', '-c', script], { stdio: 'inherit' });
  } catch (e) {
    throw new Error(`${PACKAGE_HINT}; installing it with apt-get failed: ${(e as Error).message}`);
  }
}

function binDir(): string {
  const found = findBinDir();
  if (found) return found;
  if (!isRoot()) throw new Error(PACKAGE_HINT);
  installPostgres();
  const installed = findBinDir();
  if (!installed) throw new Error(PACKAGE_HINT);
  return installed;
}

/** initdb and postgres refuse to run as root: as root, everything runs as the `postgres` user. */
function runner(): { prefix: string[]; owner?: { uid: number; gid: number } } {
  if (!isRoot()) return { prefix: [] };
  let uid: number;
  let gid: number;
  try {
    uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  } catch {
    throw new Error(
      'running as root, but there is no "postgres" user to run the server as (Debian\'s postgresql package creates it)',
    );
  }
  return { prefix: ['runuser', '-u', 'postgres', '--'], owner: { uid, gid } };
}

export interface ClusterOptions {
  /** Lines placed before the catch-all `host all all 127.0.0.1/32 scram-sha-256`. */
  hba?: string[];
  /** Serve TLS with a self-signed certificate made by openssl. */
  ssl?: boolean;
}

export interface Cluster {
  port: number;
  /** A postgres:// URL for `user` on this cluster. */
  url(user: string, password: string, database?: string, query?: string): string;
  /** Runs SQL as the bootstrap superuser (set-up only, never the code under test). */
  admin(sql: string, database?: string): Promise<pg.QueryResult>;
  /** The server log so far (log_statement = 'all'). */
  log(): string;
  stop(): Promise<void>;
}

export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const bin = binDir();
  const { prefix, owner } = runner();
  const dir = mkdtempSync(join(tmpdir(), 'tokenscope-pg-'));
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const run = (cmd: string[]) => {
    const [file, ...args] = [...prefix, ...cmd];
    execFileSync(file!, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  };
  const data = join(dir, 'data');
  const logFile = join(dir, 'server.log');
  const pwfile = join(dir, 'pwfile');
  writeFileSync(pwfile, `${ADMIN_PASSWORD}\n`, { mode: 0o600 });
  if (owner) chownSync(pwfile, owner.uid, owner.gid);
  run([
    join(bin, 'initdb'),
    '-D',
    data,
    '-U',
    ADMIN,
    `--pwfile=${pwfile}`,
    '-A',
    'scram-sha-256',
    '-E',
    'UTF8',
    '--locale=C',
    '--no-sync',
  ]);
  const port = await freePort();
  const conf = [
    "listen_addresses = '127.0.0.1'",
    `port = ${port}`,
    `unix_socket_directories = '${dir}'`,
    "log_statement = 'all'",
    "log_line_prefix = '%m [%p] app=%a user=%u db=%d '",
    'fsync = off',
    'synchronous_commit = off',
    'full_page_writes = off',
    'max_connections = 30',
    "shared_buffers = '16MB'",
  ];
  if (options.ssl) {
    makeCertificate(data, 'tokenscope-test', [], run);
    conf.push('ssl = on', "ssl_cert_file = 'server.crt'", "ssl_key_file = 'server.key'");
  }
  writeFileSync(join(data, 'postgresql.auto.conf'), `${conf.join('\n')}\n`);
  writeFileSync(
    join(data, 'pg_hba.conf'),
    [...(options.hba ?? []), 'host all all 127.0.0.1/32 scram-sha-256', 'local all all scram-sha-256', ''].join('\n'),
  );
  run([join(bin, 'pg_ctl'), '-D', data, '-l', logFile, '-w', '-t', '60', 'start']);

  const url = (user: string, password: string, database = 'postgres', query = '') =>
    `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}${query}`;
  return {
    port,
    url,
    async admin(sql, database = 'postgres') {
      const client = new pg.Client({
        host: '127.0.0.1',
        port,
        user: ADMIN,
        password: ADMIN_PASSWORD,
        database,
        ssl: false,
        application_name: 'test-setup',
      });
      await client.connect();
      try {
        return await client.query(sql);
      } finally {
        await client.end();
      }
    },
    log: () => readFileSync(logFile, 'utf8'),
    async stop() {
      try {
        run([join(bin, 'pg_ctl'), '-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
