import type { InspectContext } from '../../src/core/provider.js';
import type { Credential, Inspection } from '../../src/core/types.js';
import { withinConnectTime } from '../database/deadline.js';
import { hideSecrets } from '../database/failures.js';
import { Aborted } from '../database/errors.js';
import { type FoundHostNetwork, type Route, routeTo, SYSTEM_NETWORK } from '../database/route.js';
import { hostPort } from '../database/url.js';
import { collect } from './collect.js';
import { DEFAULT_REDIS_TIMEOUTS, RedisConnection, type RedisTimeouts } from './connect.js';
import { classifyRedisFailure } from './failures.js';
import { redisScope } from './scope.js';
import { describeRedis, locateRedis, parseRedisTarget, productionHost } from './target.js';

/** What tests may hand in through `ctx.clients.redis`: shorter waits, a resolver for made-up names, a CA to trust. */
export interface RedisClientOptions {
  timeouts?: Partial<RedisTimeouts>;
  network?: FoundHostNetwork;
  ca?: string;
  readLimitBytes?: number;
}

/**
 * Connects to the host the URL names, authenticates with its credentials, and asks which dangerous
 * commands its user may run, without running any (see collect.ts and commands.ts). TLS is what the
 * URL says (rediss://, certificate checked); a plain redis:// URL is connected to only on loopback,
 * since AUTH sends the password as it is.
 */
export async function inspectRedis(credential: Credential, ctx: InspectContext): Promise<Inspection> {
  const place = locateRedis(credential);
  if ('reason' in place) return { ...place, scope: null };
  const raw = credential.secret.reveal();
  const target = parseRedisTarget(raw);
  const options = (ctx.clients.redis ?? {}) as RedisClientOptions;
  const timeouts: RedisTimeouts = { ...DEFAULT_REDIS_TIMEOUTS, ...options.timeouts };
  const failed = (e: unknown): Inspection => {
    const { verification, reason } = classifyRedisFailure(e, target, timeouts);
    return { verification, reason: hideSecrets(reason, target.password, raw), scope: null };
  };

  let route: Route;
  try {
    route = await withinConnectTime(
      routeTo(target.host, target.port, options.network ?? SYSTEM_NETWORK),
      timeouts.connectMs,
      ctx.signal,
    );
  } catch (e) {
    return failed(e);
  }
  if (!target.tls && !route.loopback) {
    return {
      verification: 'error',
      reason: `not connected: the URL says redis:// (no TLS) and ${hostPort(target.host, target.port)} is not loopback; Redis's AUTH sends the password as it is, so tokenscope sends it only over TLS (rediss://) off this machine`,
      scope: null,
    };
  }
  let conn: RedisConnection;
  try {
    conn = await RedisConnection.open(
      route,
      target.tls ? (options.ca ? { ca: options.ca } : {}) : false,
      { user: target.user, password: target.password, whoami: undefined },
      timeouts,
      ctx.signal,
      options.readLimitBytes,
    );
  } catch (e) {
    return failed(e);
  }
  try {
    const learned = await collect(conn, target.user, target.password);
    const scope = redisScope({
      place: describeRedis(target),
      user: learned.user,
      version: learned.version,
      role: learned.role,
      mode: learned.mode,
      tls: target.tls,
      method: learned.method,
      permitted: learned.permitted,
      denied: learned.denied,
      unsettled: learned.unsettled,
      productionName: productionHost(target, ctx.policy) ?? null,
    });
    for (const note of learned.notes) scope.unknowns.push({ what: 'authentication', reason: note });
    return {
      verification: 'verified',
      reason: `authenticated as user "${learned.user}" at ${hostPort(target.host, target.port)}${target.tls ? ' over TLS' : ''}; nothing was run`,
      scope,
    };
  } catch (e) {
    return failed(ctx.signal.aborted ? new Aborted() : e);
  } finally {
    conn.close();
  }
}
