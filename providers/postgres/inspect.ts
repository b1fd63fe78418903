import type { InspectContext } from '../../src/core/provider.js';
import type { Credential, Inspection } from '../../src/core/types.js';
import { collect } from './collect.js';
import {
  Aborted,
  attemptsFor,
  ConnectTimeout,
  closeSession,
  hardClose,
  openSession,
  type PostgresTimeouts,
} from './connect.js';
import { classifyFailure, needsTls, noTls, withoutSecrets } from './failures.js';
import { type PostgresNetwork, type Route, routeTo, SYSTEM_NETWORK } from './route.js';
import { scopeFrom } from './scope.js';
import { describeTarget, parseTarget, productionWord, type SslMode, type Target, TargetError } from './target.js';

/** What tests may hand in through `ctx.clients.postgres`: shorter waits, a resolver for made-up names. */
export interface PostgresClientOptions {
  timeouts?: Partial<PostgresTimeouts>;
  network?: PostgresNetwork;
}

/**
 * The sslmode the inspector uses. The URL's own, when it names one; otherwise libpq's `prefer`
 * only towards loopback, and `require` (TLS, no certificate check) anywhere else: `prefer` would
 * fall back to plaintext when a server (or someone in the path) answers "no TLS here".
 */
export function effectiveSslMode(target: Target, route: Route): SslMode {
  if (!target.sslmodeDefaulted) return target.sslmode;
  return route.loopback ? 'prefer' : 'require';
}

/** A name lookup gets the connect timeout and the time budget too: a resolver can hang. */
async function inTime<T>(work: Promise<T>, timeouts: PostgresTimeouts, signal: AbortSignal): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const giveUp = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ConnectTimeout(false)), timeouts.connectMs);
    onAbort = () => reject(new Aborted());
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([work, giveUp]);
  } finally {
    clearTimeout(timer);
    if (onAbort) signal.removeEventListener('abort', onAbort);
    giveUp.catch(() => undefined);
    work.catch(() => undefined);
  }
}

/**
 * Connects to the host the URL itself names (a database has no API endpoint to configure), as
 * libpq would for the URL's sslmode, and reads the catalogs inside a read-only transaction.
 */
export async function inspectPostgres(credential: Credential, ctx: InspectContext): Promise<Inspection> {
  const raw = credential.secret.reveal();
  let target: Target;
  try {
    target = parseTarget(raw);
  } catch (e) {
    const reason = e instanceof TargetError ? e.message : 'not a URL tokenscope can read';
    return { verification: 'unverified', reason, scope: null };
  }
  const options = (ctx.clients.postgres ?? {}) as PostgresClientOptions;
  // The run's per-request timeout bounds the connection and each statement alike.
  const timeouts: PostgresTimeouts = { connectMs: ctx.timeoutMs, statementMs: ctx.timeoutMs, ...options.timeouts };
  const failed = (e: unknown): Inspection => {
    const outcome = classifyFailure(e, target, timeouts);
    return { verification: outcome.verification, reason: withoutSecrets(outcome.reason, target, raw), scope: null };
  };

  let route: Route;
  try {
    route = await inTime(routeTo(target.host, target.port, options.network ?? SYSTEM_NETWORK), timeouts, ctx.signal);
  } catch (e) {
    return failed(e);
  }
  const attempts = attemptsFor(effectiveSslMode(target, route));
  let session: Awaited<ReturnType<typeof openSession>> | undefined;
  let tls = false;
  let lastError: unknown;
  for (const [i, ssl] of attempts.entries()) {
    try {
      session = await openSession(target, route, ssl, timeouts, ctx.signal);
      tls = ssl !== false;
      break;
    } catch (e) {
      lastError = e;
      // Only the server's own "no TLS here" or "TLS only" lets the next attempt run, as in libpq.
      const next = i < attempts.length - 1 && (ssl === false ? needsTls(e) : noTls(e));
      if (!next) break;
    }
  }
  if (!session) return failed(lastError);

  const client = session;
  const onAbort = () => hardClose(client);
  ctx.signal.addEventListener('abort', onAbort, { once: true });
  try {
    const learned = await collect(client, timeouts.statementMs);
    const facts = {
      ...learned,
      place: describeTarget(target),
      productionName: productionWord(target, ctx.policy) ?? null,
      productionDatabases: learned.databases
        .map((d) => d.name)
        .filter((name) => productionWord({ ...target, database: name }, ctx.policy) !== undefined),
      ssl: tls,
    };
    return {
      verification: 'verified',
      reason: `connected as role "${facts.role}" to ${facts.place}${tls ? ' over TLS' : ''}, read-only`,
      scope: scopeFrom(facts),
    };
  } catch (e) {
    return failed(ctx.signal.aborted ? new Aborted() : e);
  } finally {
    ctx.signal.removeEventListener('abort', onAbort);
    await closeSession(client);
  }
}
