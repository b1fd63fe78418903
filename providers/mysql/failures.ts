import type { Verification } from '../../src/core/types.js';
import { commonFailure, TLS_CODES } from '../database/failures.js';
import { hostPort } from '../database/url.js';
import { describeMysql, type MysqlTarget } from './target.js';

export interface MysqlTimeouts {
  /** TCP connect, TLS and authentication together. */
  connectMs: number;
  /** Any one statement. */
  statementMs: number;
}

interface MysqlError {
  code?: string;
  errno?: number;
  message?: string;
}

/**
 * What a failed connection or statement means for the credential, naming the place and user but
 * never the password: a rejected password is `invalid`; an unreachable host `unverified`; a server
 * that answered wrongly or not at all `error`.
 */
export function classifyMysqlFailure(
  e: unknown,
  t: MysqlTarget,
  timeouts: MysqlTimeouts,
): { verification: Verification; reason: string } {
  const where = hostPort(t.host, t.port);
  const common = commonFailure(e, where, describeMysql(t), 'MySQL', timeouts.connectMs);
  if (common) return common;
  const f = (e ?? {}) as MysqlError;
  const code = String(f.code ?? '');
  const message = String(f.message ?? '')
    .split('\n')[0]!
    .slice(0, 200);
  if (code === 'ER_ACCESS_DENIED_ERROR' || code === 'ER_ACCESS_DENIED_NO_PASSWORD_ERROR') {
    return { verification: 'invalid', reason: `${where} rejected the password of user "${t.user}"` };
  }
  if (code === 'ER_DBACCESS_DENIED_ERROR' || code === 'ER_BAD_DB_ERROR') {
    return {
      verification: 'error',
      reason: `${where} accepted user "${t.user}" but not database "${t.database}" (${code})`,
    };
  }
  if (TLS_CODES.test(code) || code === 'HANDSHAKE_SSL_ERROR') {
    return {
      verification: 'error',
      reason: `${t.host} is not a loopback host, so tokenscope requires TLS with a trusted certificate that names it, but the certificate of ${where} is not trusted (${code === 'HANDSHAKE_SSL_ERROR' ? message : code}); the password was not sent (trust its CA with NODE_EXTRA_CA_CERTS)`,
    };
  }
  if (code === 'HANDSHAKE_NO_SSL_SUPPORT' || /does not support secure connection/i.test(message)) {
    return {
      verification: 'error',
      reason: `${t.host} is not a loopback host, so tokenscope requires TLS, but ${where} does not offer it; the password was not sent`,
    };
  }
  if (code === 'PROTOCOL_CONNECTION_LOST') return { verification: 'error', reason: `${where} closed the connection` };
  if (code === 'PROTOCOL_SEQUENCE_TIMEOUT') {
    return { verification: 'error', reason: `${where} did not answer within ${timeouts.statementMs / 1000} s` };
  }
  if (/^(PROTOCOL_|HANDSHAKE_)/.test(code) || /Malformed|packets out of order|Unexpected packet/i.test(message)) {
    return {
      verification: 'error',
      reason: `${where} answered in a way MySQL does not (${code || message}); it may not be MySQL`,
    };
  }
  const what = code ? ` (${code})` : '';
  return { verification: 'error', reason: `MySQL at ${where}: ${message || 'unknown error'}${what}` };
}
