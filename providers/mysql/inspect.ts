import mysql from 'mysql2/promise';
import type { InspectContext } from '../../src/core/provider.js';
import type { Credential, Inspection } from '../../src/core/types.js';
import { withinConnectTime } from '../database/deadline.js';
import { Aborted, ConnectTimeout } from '../database/errors.js';
import { hideSecrets } from '../database/failures.js';
import { type FoundHostNetwork, type Route, routeTo, SYSTEM_NETWORK } from '../database/route.js';
import { hostPort } from '../database/url.js';
import { classifyMysqlFailure, type MysqlTimeouts } from './failures.js';
import { parseGrants } from './grants.js';
import { isAllowedStatement, MYSQL_QUERIES, type MysqlQueryName } from './queries.js';
import { mysqlScope } from './scope.js';
import { CountedSocket } from './stream.js';
import { describeMysql, isProductionDatabase, locateMysql, type MysqlTarget, parseMysqlTarget } from './target.js';

/** What tests may hand in through `ctx.clients.mysql`: shorter waits, a resolver, a CA to trust. */
export interface MysqlClientOptions {
  timeouts?: Partial<MysqlTimeouts>;
  network?: FoundHostNetwork;
  ca?: string;
  readLimitBytes?: number;
}

const DEFAULT_TIMEOUTS: MysqlTimeouts = { connectMs: 5000, statementMs: 5000 };
/** Far above what SHOW GRANTS returns, far below what hurts. */
const READ_LIMIT_BYTES = 2 * 1024 * 1024;

/** Sends one of the fixed statements, by name, after checking its text against the list once more. */
async function run(conn: mysql.Connection, name: MysqlQueryName, timeoutMs: number): Promise<unknown[]> {
  const sql = MYSQL_QUERIES[name];
  if (!isAllowedStatement(sql)) throw new Error('statement outside the MySQL allowlist');
  const [rows] = await conn.query({ sql, timeout: timeoutMs, rowsAsArray: false });
  return Array.isArray(rows) ? rows : [];
}

async function open(
  target: MysqlTarget,
  route: Route,
  options: MysqlClientOptions,
  timeouts: MysqlTimeouts,
  signal: AbortSignal,
): Promise<{ conn: mysql.Connection; socket: CountedSocket }> {
  const socket = new CountedSocket(route, options.readLimitBytes ?? READ_LIMIT_BYTES);
  socket.on('error', () => undefined);
  const connecting = mysql.createConnection({
    // The URL's host name, for TLS (SNI and the certificate check); the socket dials the checked address.
    host: route.servername,
    port: route.port,
    stream: socket,
    user: target.user,
    password: target.password,
    ...(target.database ? { database: target.database } : {}),
    // Off loopback: TLS, the certificate trusted and naming the host. Never the password in clear.
    ...(route.loopback
      ? {}
      : { ssl: { rejectUnauthorized: true, verifyIdentity: true, ...(options.ca ? { ca: options.ca } : {}) } }),
    connectTimeout: timeouts.connectMs + 1000,
    // A hostile server must not be able to ask for client files (LOAD DATA LOCAL INFILE).
    flags: ['-LOCAL_FILES', '-MULTI_STATEMENTS'],
    multipleStatements: false,
    enableCleartextPlugin: false,
  });
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const giveUp = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ConnectTimeout(socket.connected)), timeouts.connectMs);
    onAbort = () => reject(new Aborted());
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return { conn: await Promise.race([connecting, giveUp]), socket };
  } catch (e) {
    socket.destroy();
    connecting.then((c) => c.destroy()).catch(() => undefined);
    throw e;
  } finally {
    clearTimeout(timer);
    if (onAbort) signal.removeEventListener('abort', onAbort);
    giveUp.catch(() => undefined);
  }
}

/**
 * Connects to the host the URL names and reads, in a read-only session and transaction, who it is
 * and SHOW GRANTS; nothing else is sent (queries.ts).
 */
export async function inspectMysql(credential: Credential, ctx: InspectContext): Promise<Inspection> {
  const place = locateMysql(credential);
  if ('reason' in place) return { ...place, scope: null };
  const raw = credential.secret.reveal();
  const target = parseMysqlTarget(raw);
  const options = (ctx.clients.mysql ?? {}) as MysqlClientOptions;
  const timeouts: MysqlTimeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const failed = (e: unknown): Inspection => {
    const { verification, reason } = classifyMysqlFailure(e, target, timeouts);
    return { verification, reason: hideSecrets(reason, target.password, raw), scope: null };
  };
  let route: Route;
  try {
    const network = options.network ?? SYSTEM_NETWORK;
    route = await withinConnectTime(routeTo(target.host, target.port, network), timeouts.connectMs, ctx.signal);
  } catch (e) {
    return failed(e);
  }
  let session: Awaited<ReturnType<typeof open>>;
  try {
    session = await open(target, route, options, timeouts, ctx.signal);
  } catch (e) {
    return failed(e);
  }
  const { conn, socket } = session;
  const onAbort = () => socket.destroy(new Aborted());
  ctx.signal.addEventListener('abort', onAbort, { once: true });
  try {
    await run(conn, 'readOnlySession', timeouts.statementMs);
    await run(conn, 'begin', timeouts.statementMs);
    const [me] = (await run(conn, 'whoami', timeouts.statementMs)) as Array<{ account: string; version: string }>;
    const rows = (await run(conn, 'grants', timeouts.statementMs)) as Array<Record<string, string>>;
    await run(conn, 'rollback', timeouts.statementMs);
    const account = String(me?.account ?? target.user).slice(0, 200);
    const { grants, roles } = parseGrants(rows.map((r) => String(Object.values(r)[0] ?? '')));
    const databases = [...new Set([target.database, ...grants.map((g) => g.database)])].filter((d) => d && d !== '*');
    const scope = mysqlScope({
      place: describeMysql(target),
      account,
      version: String(me?.version ?? '').slice(0, 100),
      database: target.database,
      grants,
      roles,
      productionDatabases: databases.filter((d) => isProductionDatabase(d, target, ctx.policy)),
      productionHost: isProductionDatabase('', target, ctx.policy),
      tls: !route.loopback,
    });
    return {
      verification: 'verified',
      reason: `connected as ${account} to ${hostPort(target.host, target.port)}${route.loopback ? '' : ' over TLS'}, read-only`,
      scope,
    };
  } catch (e) {
    return failed(ctx.signal.aborted ? new Aborted() : e);
  } finally {
    ctx.signal.removeEventListener('abort', onAbort);
    socket.destroy();
    conn.destroy();
  }
}
