import { isProductionName, type Policy } from '../../src/assess/policy.js';
import {
  decode,
  HOSTNAME,
  IPV6,
  locateWith,
  readUrl,
  refuseControl,
  TargetError,
  UnsafeTarget,
} from '../database/url.js';

export { TargetError, UnsafeTarget };

export type SslMode = 'disable' | 'allow' | 'prefer' | 'require' | 'verify-ca' | 'verify-full';
const SSL_MODES: readonly SslMode[] = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'];

/**
 * Where and as whom a found URL connects. Only the host, port, user, password, database and
 * sslmode are read: every other query parameter (`host=`, `options=`, `hostaddr=`...) is ignored,
 * so a URL cannot send its password anywhere but the host it names, nor change the session.
 */
export interface Target {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
  sslmode: SslMode;
  /**
   * sslmode was absent from the URL: libpq's default, `prefer`, applies only towards a loopback
   * host; anywhere else the inspector requires TLS (see effectiveSslMode in inspect.ts).
   */
  sslmodeDefaulted: boolean;
}

/** Reads a postgres:// or postgresql:// URL; every error message is free of the URL's text. */
export function parseTarget(raw: string): Target {
  const url = readUrl(raw);
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new TargetError(`not a PostgreSQL URL (scheme ${url.protocol.replace(/[^a-z+.-]/gi, '')})`);
  }
  const host = url.hostname;
  if (!host) throw new TargetError('the URL names no host (a Unix socket is not inspected)');
  if (!HOSTNAME.test(host) && !IPV6.test(host)) {
    throw new TargetError('the URL names no TCP host tokenscope will connect to (Unix socket paths are not inspected)');
  }
  const port = url.port ? Number(url.port) : POSTGRES_PORT;
  const user = decode(url.username, 'user name');
  if (!user) throw new TargetError('the URL names no user');
  const password = decode(url.password, 'password');
  const database = decode(url.pathname.replace(/^\//, ''), 'database name') || user;
  refuseControl(raw, url, [
    ['user name', user],
    ['password', password],
    ['database name', database],
  ]);
  const given = url.searchParams.get('sslmode');
  if (given !== null && !SSL_MODES.includes(given as SslMode)) {
    throw new TargetError(`unknown sslmode "${given.slice(0, 20).replace(/[^a-z-]/gi, '')}"`);
  }
  return {
    host: IPV6.test(host) ? host.slice(1, -1) : host,
    port,
    user,
    password,
    database,
    sslmode: (given as SslMode | null) ?? 'prefer',
    sslmodeDefaulted: given === null,
  };
}

/** PostgreSQL's port: the only one a found URL is inspected at unless the user allows others. */
export const POSTGRES_PORT = 5432;

/** Which port a found URL would connect to, or why it is not connected to at all (read before any connection). */
export const locateTarget = locateWith(parseTarget);

/** `host:port/database`: how reports name the place, with no user or password. */
export function describeTarget(t: Target): string {
  const host = t.host.includes(':') ? `[${t.host}]` : t.host;
  return `${host}:${t.port}/${t.database}`;
}

/** The words of the host or database name that the policy calls production ("prod-db", "shop_production"). */
export function productionWord(t: Target, policy: Policy): string | undefined {
  if (isProductionName(t.database, policy)) return t.database;
  if (isProductionName(t.host, policy)) return t.host;
  return undefined;
}
