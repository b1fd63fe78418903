import { isProductionName, type Policy } from '../../src/assess/policy.js';
import { decode, hostPort, locateWith, readHostUrl, refuseControl, TargetError } from '../database/url.js';

/** Redis's port: the only one a found URL is inspected at unless the user allows others. */
export const REDIS_PORT = 6379;

/**
 * Where and as whom a found redis:// or rediss:// URL connects. Only the host, port, user,
 * password, database number and scheme are read; query parameters are ignored.
 */
export interface RedisTarget {
  host: string;
  port: number;
  /** The ACL user the URL names; undefined for `redis://:password@host` (Redis's `default` user). */
  user: string | undefined;
  password: string;
  /** The logical database the URL names (`/2`), 0 when none. */
  db: number;
  /** rediss://: TLS with the server's certificate checked. */
  tls: boolean;
}

/** Reads a redis:// or rediss:// URL; every error message is free of the URL's text. */
export function parseRedisTarget(raw: string): RedisTarget {
  const { url, host } = readHostUrl(raw, ['redis:', 'rediss:'], 'Redis');
  const user = decode(url.username, 'user name');
  const password = decode(url.password, 'password');
  if (!password) throw new TargetError('the URL holds no password');
  const path = decode(url.pathname.replace(/^\//, ''), 'database number');
  refuseControl(raw, url, [
    ['user name', user],
    ['password', password],
    ['database number', path],
  ]);
  if (path && !/^\d{1,5}$/.test(path)) throw new TargetError('the URL names no database number after the host');
  return {
    host,
    port: url.port ? Number(url.port) : REDIS_PORT,
    user: user || undefined,
    password,
    db: path ? Number(path) : 0,
    tls: url.protocol === 'rediss:',
  };
}

/** Which port a found URL would connect to, or why it is not connected to at all. */
export const locateRedis = locateWith(parseRedisTarget);

/** `host:port/db`: how reports name the place, with no user or password. */
export function describeRedis(t: RedisTarget): string {
  return `${hostPort(t.host, t.port)}/${t.db}`;
}

/** The host name when the policy calls it production ("redis-prod.internal"). */
export function productionHost(t: RedisTarget, policy: Policy): string | undefined {
  return isProductionName(t.host, policy) ? t.host : undefined;
}
