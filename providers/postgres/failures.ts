import type { Verification } from '../../src/core/types.js';
import { Aborted, CleartextRefused, ConnectTimeout, type PostgresTimeouts, ReadLimitExceeded } from './connect.js';
import { RefusedAddress } from '../database/route.js';
import { describeTarget, type Target } from './target.js';

/** The parts of a pg or socket error this file reads. */
interface PgFailure {
  code?: string;
  message?: string;
}

export interface Outcome {
  verification: Verification;
  reason: string;
}

/** The server's answer to an unencrypted attempt that pg_hba.conf allows only over TLS. */
export const needsTls = (e: unknown) => {
  const f = (e ?? {}) as PgFailure;
  return f.code === '28000' && /no encryption|SSL off/i.test(f.message ?? '');
};

/** The server's one-byte "no" to an SSLRequest. */
export const noTls = (e: unknown) => /does not support SSL/i.test(((e ?? {}) as PgFailure).message ?? '');

const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ALTNAME|UNABLE_TO_GET_ISSUER/;

/** Replaces the password and the whole URL in a message; the caller's scrub() runs again after this. */
export function withoutSecrets(text: string, target: Target, raw: string): string {
  let out = text.split(raw).join('****');
  for (const v of [target.password, encodeURIComponent(target.password)]) {
    if (v.length >= 4) out = out.split(v).join('****');
  }
  return out;
}

const firstLine = (s: string | undefined) => (s ?? '').split('\n')[0]!.slice(0, 300);

/**
 * What a failed connection or query means for the credential, in words that name the place and
 * the role but never the password: a rejected password is `invalid`; a server we cannot reach is
 * `unverified`; a server that reached us but would not answer, or refused our terms, is `error`.
 */
export function classifyFailure(e: unknown, target: Target, timeouts: PostgresTimeouts): Outcome {
  const place = describeTarget(target);
  const where = `${target.host}:${target.port}`;
  const role = `role "${target.user}"`;
  if (e instanceof RefusedAddress) return { verification: 'unverified', reason: `${e.message}: ${where}` };
  if (e instanceof CleartextRefused) {
    return {
      verification: 'error',
      reason: `${where} asked for the password in clear over an unencrypted connection; tokenscope sends no password in clear to a host that is not loopback, so it was not sent`,
    };
  }
  if (e instanceof ReadLimitExceeded) {
    const mib = Math.round((e.limitBytes / 1024 / 1024) * 10) / 10;
    return {
      verification: 'error',
      reason: `${where} sent more than ${mib} MiB; tokenscope stopped reading (a broken or hostile server?)`,
    };
  }
  if (e instanceof Aborted) return { verification: 'error', reason: `the inspection time budget ran out at ${place}` };
  if (e instanceof ConnectTimeout) {
    const s = `${timeouts.connectMs / 1000} s`;
    return e.connected
      ? {
          verification: 'error',
          reason: `the server at ${where} accepted the connection but did not answer within ${s}; it may not be PostgreSQL`,
        }
      : { verification: 'unverified', reason: `could not connect to ${where} within ${s}` };
  }
  const f = (e ?? {}) as PgFailure;
  const code = f.code ?? '';
  const message = firstLine(f.message);
  if (code === '28P01') return { verification: 'invalid', reason: `${where} rejected the password of ${role}` };
  if (needsTls(e)) {
    const said = target.sslmode === 'disable' ? ', and the URL says sslmode=disable' : '';
    return {
      verification: 'error',
      reason: `SSL required: ${where} accepts ${role} only over an encrypted connection${said}`,
    };
  }
  if (noTls(e) && target.sslmodeDefaulted) {
    return {
      verification: 'error',
      reason: `the URL names no sslmode and ${target.host} is not a loopback host, so tokenscope requires TLS with a verified certificate (as sslmode=verify-full), but ${where} does not support SSL connections; the password was not sent`,
    };
  }
  if (noTls(e)) {
    return {
      verification: 'error',
      reason: `the URL asks for sslmode=${target.sslmode}, but ${where} does not support SSL connections`,
    };
  }
  if (TLS_CODES.test(code) && target.sslmodeDefaulted) {
    return {
      verification: 'error',
      reason: `the URL names no sslmode and ${target.host} is not a loopback host, so tokenscope verifies the certificate (as sslmode=verify-full), but the TLS certificate of ${where} is not trusted (${code}); the password was not sent (trust its CA with NODE_EXTRA_CA_CERTS)`,
    };
  }
  if (TLS_CODES.test(code)) {
    return {
      verification: 'error',
      reason: `the URL asks for sslmode=${target.sslmode}, but the TLS certificate of ${where} is not trusted (${code})`,
    };
  }
  if (code === '28000') return { verification: 'unverified', reason: `${where} refused ${role}: ${message}` };
  if (code === '3D000')
    return { verification: 'error', reason: `database "${target.database}" does not exist at ${where}` };
  if (code === '53300' || code === '57P03')
    return { verification: 'unverified', reason: `${where} is not taking connections: ${message}` };
  if (code === 'ECONNREFUSED')
    return { verification: 'unverified', reason: `nothing listens at ${where} (connection refused)` };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return { verification: 'unverified', reason: `host ${target.host} not found (DNS)` };
  if (['EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'ECONNRESET', 'EPIPE'].includes(code)) {
    return { verification: 'unverified', reason: `could not reach ${where} (${code})` };
  }
  if (code === '57014')
    return {
      verification: 'error',
      reason: `a catalog query at ${place} ran past the ${timeouts.statementMs / 1000} s statement_timeout`,
    };
  if (/Query read timeout/i.test(message)) {
    return { verification: 'error', reason: `${place} stopped answering during the catalog queries` };
  }
  if (/Connection terminated/i.test(message))
    return { verification: 'error', reason: `${where} closed the connection` };
  const sqlstate = /^[0-9A-Z]{5}$/.test(code) ? ` (SQLSTATE ${code})` : code ? ` (${code})` : '';
  return { verification: 'error', reason: `PostgreSQL at ${place}: ${message || 'unknown error'}${sqlstate}` };
}
