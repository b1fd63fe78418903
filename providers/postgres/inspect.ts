import type { InspectContext } from '../../src/core/provider.js';
import type { Credential, Inspection } from '../../src/core/types.js';
import { collect } from './collect.js';
import {
  Aborted,
  attemptsFor,
  closeSession,
  DEFAULT_TIMEOUTS,
  hardClose,
  openSession,
  type PostgresTimeouts,
} from './connect.js';
import { classifyFailure, needsTls, noTls, withoutSecrets } from './failures.js';
import { scopeFrom } from './scope.js';
import { describeTarget, parseTarget, productionWord, type Target, TargetError } from './target.js';

/** What tests may hand in through `ctx.clients.postgres`: shorter waits. */
export interface PostgresClientOptions {
  timeouts?: Partial<PostgresTimeouts>;
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
  const timeouts: PostgresTimeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const failed = (e: unknown): Inspection => {
    const outcome = classifyFailure(e, target, timeouts);
    return { verification: outcome.verification, reason: withoutSecrets(outcome.reason, target, raw), scope: null };
  };

  const attempts = attemptsFor(target.sslmode);
  let session: Awaited<ReturnType<typeof openSession>> | undefined;
  let tls = false;
  let lastError: unknown;
  for (const [i, ssl] of attempts.entries()) {
    try {
      session = await openSession(target, ssl, timeouts, ctx.signal);
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
