import { isProductionName, type Policy } from '../../src/assess/policy.js';
import { decode, hostPort, locateWith, readHostUrl, refuseControl, TargetError } from '../database/url.js';

/** MySQL's and MariaDB's port: the only one a found URL is inspected at unless the user allows others. */
export const MYSQL_PORT = 3306;

/**
 * Where and as whom a found mysql:// or mariadb:// URL connects. Only the host, port, user,
 * password and database are read: query parameters (`ssl-mode`, `socket`, ...) are ignored, and TLS
 * is decided by the host (see inspect.ts), so a URL cannot weaken it.
 */
export interface MysqlTarget {
  host: string;
  port: number;
  user: string;
  password: string;
  /** The database the URL names, '' when none. */
  database: string;
}

export function parseMysqlTarget(raw: string): MysqlTarget {
  const { url, host } = readHostUrl(raw, ['mysql:', 'mariadb:'], 'MySQL');
  const user = decode(url.username, 'user name');
  if (!user) throw new TargetError('the URL names no user');
  const password = decode(url.password, 'password');
  const database = decode(url.pathname.replace(/^\//, ''), 'database name');
  refuseControl(raw, url, [
    ['user name', user],
    ['password', password],
    ['database name', database],
  ]);
  return {
    host,
    port: url.port ? Number(url.port) : MYSQL_PORT,
    user,
    password,
    database,
  };
}

/** Which port a found URL would connect to, or why it is not connected to at all. */
export const locateMysql = locateWith(parseMysqlTarget);

/** `host:port/database`: how reports name the place, with no user or password. */
export function describeMysql(t: MysqlTarget): string {
  return `${hostPort(t.host, t.port)}/${t.database}`;
}

/** Whether a database (or, for server-wide grants, the host or the URL's database) is production by the policy. */
export function isProductionDatabase(name: string, t: MysqlTarget, policy: Policy): boolean {
  return isProductionName(name, policy) || isProductionName(t.host, policy);
}
