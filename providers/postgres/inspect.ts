import type { InspectContext } from '../../src/core/provider.js';
import type { Credential, Inspection } from '../../src/core/types.js';
import { collect } from './collect.js';
import { Aborted, attemptsFor, closeSession, hardClose, openSession, type PostgresTimeouts } from './connect.js';
import { classifyFailure, needsTls, noTls, withoutSecrets } from './failures.js';
import { withinConnectTime } from '../database/deadline.js';
import { type FoundHostNetwork, type Route, routeTo, SYSTEM_NETWORK } from '../database/route.js';
import { scopeFrom } from './scope.js';
import { describeTarget, locateTarget, parseTarget, productionWord, type SslMode, type Target } from './target.js';

/**
 * What tests may hand in through `ctx.clients.postgres`: shorter waits, a resolver for made-up
 * names, a CA to trust besides the system's (users set NODE_EXTRA_CA_CERTS instead).
 */
export interface PostgresClientOptions {
  timeouts?: Partial<PostgresTimeouts>;
  network?: FoundHostNetwork;
  ca?: string;
}

/**
 * The sslmode the inspector uses. The URL's own, when it names one; otherwise libpq's `prefer`
 * only towards loopback, and `verify-full` anywhere else: `prefer` would fall back to plaintext
 * when a server (or someone in the path) answers "no TLS here", and `require` (libpq's meaning:
 * TLS without a certificate check) would hand the password to whoever answers in the middle.
 */
export function effectiveSslMode(target: Target, route: Route): SslMode {
  if (!target.sslmodeDefaulted) return target.sslmode;
  return route.loopback ? 'prefer' : 'verify-full';
}

/** TLS that checked nothing: encrypted, but to whoever answered (not said of loopback, where no one is in between). */
const UNCHECKED_TLS: readonly SslMode[] = ['allow', 'prefer', 'require'];

function uncheckedTlsNote(mode: SslMode): string {
  return `sslmode=${mode} encrypts without verifying the server's certificate: a man in the middle could have read the password (use sslmode=verify-full)`;
}

/**
 * Connects to the host the URL itself names (a database has no API endpoint to configure), as
 * libpq would for the URL's sslmode, and reads the catalogs inside a read-only transaction.
 */
export async function inspectPostgres(credential: Credential, ctx: InspectContext): Promise<Inspection> {
  const raw = credential.secret.reveal();
  const place = locateTarget(credential);
  if ('reason' in place) return { ...place, scope: null };
  const target = parseTarget(raw);
  const options = (ctx.clients.postgres ?? {}) as PostgresClientOptions;
  // The run's per-request timeout bounds the connection and each statement alike.
  const timeouts: PostgresTimeouts = { connectMs: ctx.timeoutMs, statementMs: ctx.timeoutMs, ...options.timeouts };
  const failed = (e: unknown): Inspection => {
    const outcome = classifyFailure(e, target, timeouts);
    return { verification: outcome.verification, reason: withoutSecrets(outcome.reason, target, raw), scope: null };
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
  const mode = effectiveSslMode(target, route);
  const attempts = attemptsFor(mode).map((ssl) => (ssl && options.ca ? { ...ssl, ca: options.ca } : ssl));
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
    const scope = scopeFrom(facts);
    const unchecked = tls && !route.loopback && UNCHECKED_TLS.includes(mode);
    if (unchecked) scope.unknowns.push({ what: 'server identity', reason: uncheckedTlsNote(mode) });
    const over = tls ? (unchecked ? ' over TLS (certificate not verified)' : ' over TLS') : '';
    return {
      verification: 'verified',
      reason: `connected as role "${facts.role}" to ${facts.place}${over}, read-only`,
      scope,
    };
  } catch (e) {
    return failed(ctx.signal.aborted ? new Aborted() : e);
  } finally {
    ctx.signal.removeEventListener('abort', onAbort);
    await closeSession(client);
  }
}
