import type { Verification } from '../../src/core/types.js';
import { commonFailure, TLS_CODES } from '../database/failures.js';
import { hostPort } from '../database/url.js';
import { AuthRejected, UnexpectedReply } from './collect.js';
import { Closed, NotAllowed, type RedisTimeouts, ReplyTimeout } from './connect.js';
import { ProtocolError } from './resp.js';
import type { RedisTarget } from './target.js';

/**
 * What a failed connection means for the credential, naming the place and user but never the
 * password: a rejected password is `invalid`; a host we cannot reach is `unverified`; a server that
 * answered wrongly or not at all is `error`.
 */
export function classifyRedisFailure(
  e: unknown,
  t: RedisTarget,
  timeouts: RedisTimeouts,
): { verification: Verification; reason: string } {
  const where = hostPort(t.host, t.port);
  const common = commonFailure(e, where, where, 'Redis', timeouts.connectMs);
  if (common) return common;
  if (e instanceof AuthRejected) {
    const who = t.user === undefined ? 'the default user' : `user "${t.user}"`;
    return { verification: 'invalid', reason: `${where} rejected the password of ${who} (${e.detail})` };
  }
  if (e instanceof ProtocolError || e instanceof UnexpectedReply) {
    return {
      verification: 'error',
      reason: `${where} answered in a way Redis does not (${e.message}); it may not be Redis`,
    };
  }
  if (e instanceof ReplyTimeout) {
    return {
      verification: 'error',
      reason: `${where} did not answer within ${timeouts.replyMs / 1000} s; it may not be Redis`,
    };
  }
  if (e instanceof Closed) return { verification: 'error', reason: `${where} closed the connection` };
  if (e instanceof NotAllowed) return { verification: 'error', reason: e.message };
  const code = String((e as { code?: unknown })?.code ?? '');
  if (TLS_CODES.test(code)) {
    return {
      verification: 'error',
      reason: `the TLS certificate of ${where} is not trusted (${code}); the password was not sent (trust its CA with NODE_EXTRA_CA_CERTS)`,
    };
  }
  if (/EPROTO|wrong version number|packet length too long/i.test(`${code} ${(e as Error)?.message ?? ''}`)) {
    return { verification: 'error', reason: `the URL says rediss:// (TLS), but ${where} did not answer TLS` };
  }
  return { verification: 'error', reason: `Redis at ${where}: ${code || 'unknown error'}` };
}
