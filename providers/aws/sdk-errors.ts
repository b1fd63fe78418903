import { ReadOnlyViolation } from '../../src/core/errors.js';

/**
 * What an SDK error means for an inspection. The SDK names a service error after the error code
 * in the response (`AccessDenied`, `InvalidClientTokenId`...) and network failures after the
 * Node error (`ECONNREFUSED`, `TimeoutError`, `AbortError`).
 */
export type AwsErrorKind =
  | 'denied'
  | 'bad-key-id'
  | 'bad-secret'
  | 'expired'
  | 'no-such-entity'
  | 'unavailable'
  | 'nonsense'
  | 'read-only-violation';

interface SdkErrorLike {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
  $fault?: string;
}

const DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'UnauthorizedAccess']);
const UNAVAILABLE_NAMES = new Set([
  'TimeoutError',
  'RequestTimedOut',
  'AbortError',
  'RequestTimeout',
  'RequestTimeoutException',
  'Throttling',
  'ThrottlingException',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'ServiceFailure',
  'InternalFailure',
  'RequestLimitExceeded',
]);

export function classifyAwsError(e: unknown): AwsErrorKind {
  if (e instanceof ReadOnlyViolation) return 'read-only-violation';
  const err = (e ?? {}) as SdkErrorLike;
  const name = err.name ?? '';
  if (DENIED.has(name)) return 'denied';
  if (name === 'InvalidClientTokenId' || name === 'InvalidAccessKeyId') return 'bad-key-id';
  if (name === 'SignatureDoesNotMatch') return 'bad-secret';
  if (name === 'ExpiredToken' || name === 'ExpiredTokenException' || name === 'TokenRefreshRequired') return 'expired';
  if (name === 'NoSuchEntity' || name === 'NoSuchEntityException') return 'no-such-entity';
  if (UNAVAILABLE_NAMES.has(name) || (err.code && /^E[A-Z]+$/.test(err.code))) return 'unavailable';
  const status = err.$metadata?.httpStatusCode;
  if (status !== undefined && (status === 429 || status >= 500)) return 'unavailable';
  if (err.$fault === 'server') return 'unavailable';
  if (status === 403) return 'denied';
  return 'nonsense';
}

/** A short, secret-free description of an error; callers still scrub() it as a last line. */
export function describeAwsError(e: unknown): string {
  const err = (e ?? {}) as SdkErrorLike;
  const name = err.name && err.name !== 'Error' ? err.name : (err.code ?? 'error');
  const status = err.$metadata?.httpStatusCode;
  const message = (err.message ?? String(e)).split('\n')[0]!.slice(0, 300);
  return `${name}${status ? ` (HTTP ${status})` : ''}: ${message}`;
}
