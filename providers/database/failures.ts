import type { Verification } from '../../src/core/types.js';
import { Aborted, ConnectTimeout, ReadLimitExceeded } from './errors.js';
import { RefusedAddress } from './route.js';

export interface Outcome {
  verification: Verification;
  reason: string;
}

/**
 * The failures every engine reports alike, before its own protocol's: refused addresses, reads past
 * the limit, the time budget, connect timeouts and socket errors. Undefined for anything else.
 * `where` is host:port; `place` names the database too.
 */
export function commonFailure(
  e: unknown,
  where: string,
  place: string,
  engine: string,
  connectMs: number,
): Outcome | undefined {
  if (e instanceof RefusedAddress) return { verification: 'unverified', reason: `${e.message}: ${where}` };
  if (e instanceof ReadLimitExceeded) {
    const mib = Math.round((e.limitBytes / 1024 / 1024) * 10) / 10;
    return {
      verification: 'error',
      reason: `${where} sent more than ${mib} MiB; tokenscope stopped reading (a broken or hostile server?)`,
    };
  }
  if (e instanceof Aborted) return { verification: 'error', reason: `the inspection time budget ran out at ${place}` };
  if (e instanceof ConnectTimeout) {
    const s = `${connectMs / 1000} s`;
    return e.connected
      ? {
          verification: 'error',
          reason: `the server at ${where} accepted the connection but did not answer within ${s}; it may not be ${engine}`,
        }
      : { verification: 'unverified', reason: `could not connect to ${where} within ${s}` };
  }
  const code = String((e as { code?: unknown } | null)?.code ?? '');
  if (code === 'ECONNREFUSED')
    return { verification: 'unverified', reason: `nothing listens at ${where} (connection refused)` };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return { verification: 'unverified', reason: `host ${where.replace(/:\d+$/, '')} not found (DNS)` };
  if (['EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'ECONNRESET', 'EPIPE'].includes(code)) {
    return { verification: 'unverified', reason: `could not reach ${where} (${code})` };
  }
  return undefined;
}

/** Error codes of an untrusted TLS certificate. */
export const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ALTNAME|UNABLE_TO_GET_ISSUER/;

/** Replaces the whole URL and its password (as written and percent-encoded) in a message. */
export function hideSecrets(text: string, password: string, raw: string): string {
  let out = text.split(raw).join('****');
  for (const v of [password, encodeURIComponent(password)]) {
    if (v.length >= 4) out = out.split(v).join('****');
  }
  return out;
}
