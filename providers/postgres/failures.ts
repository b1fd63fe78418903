import { CleartextRefused, type PostgresTimeouts } from './connect.js';
import { commonFailure, hideSecrets, type Outcome, TLS_CODES } from '../database/failures.js';
import { describeTarget, type Target } from './target.js';

/** The parts of a pg or socket error this file reads. */
interface PgFailure {
  code?: string;
  message?: string;
}

/** The server's answer to an unencrypted attempt that pg_hba.conf allows only over TLS. */
export const needsTls = (e: unknown) => {
  const f = (e ?? {}) as PgFailure;
  return f.code === '28000' && /no encryption|SSL off/i.test(f.message ?? '');
};

/** The server's one-byte "no" to an SSLRequest. */
export const noTls = (e: unknown) => /does not support SSL/i.test(((e ?? {}) as PgFailure).message ?? '');

/** Replaces the password and the whole URL in a message; the caller's scrub() runs again after this. */
export const withoutSecrets = (text: string, target: Target, raw: string) => hideSecrets(text, target.password, raw);

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
  const common = commonFailure(e, where, place, 'PostgreSQL', timeouts.connectMs);
  if (common) return common;
  if (e instanceof CleartextRefused) {
    return {
      verification: 'error',
      reason: `${where} asked for the password in clear over an unencrypted connection; tokenscope sends no password in clear to a host that is not loopback, so it was not sent`,
    };
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

export type { Outcome };
