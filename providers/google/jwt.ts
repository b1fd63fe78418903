import { createPrivateKey, createSign, type KeyObject } from 'node:crypto';
import { READ_ONLY_SCOPE } from './model.js';

const b64url = (data: string | Buffer): string => Buffer.from(data).toString('base64url');

/** The key's PEM as a key object, or undefined when it does not parse (a fixture, a truncated paste). */
export function loadPrivateKey(pem: string): KeyObject | undefined {
  try {
    const key = createPrivateKey(pem);
    return key.asymmetricKeyType === 'rsa' ? key : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The signed assertion of OAuth 2.0's JWT bearer grant (RFC 7523), as Google's service-account
 * flow takes it: RS256, the key id in the header, the read-only scope, and `aud` the token URL
 * tokenscope itself sends to (never the `token_uri` written in the scanned file). Short-lived.
 */
export function signAssertion(
  key: KeyObject,
  claims: { clientEmail: string; keyId: string; tokenUrl: string },
  nowMs = Date.now(),
): string {
  const iat = Math.floor(nowMs / 1000);
  const header = { alg: 'RS256', typ: 'JWT', ...(claims.keyId ? { kid: claims.keyId } : {}) };
  const payload = { iss: claims.clientEmail, scope: READ_ONLY_SCOPE, aud: claims.tokenUrl, iat, exp: iat + 600 };
  const signingInput = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  const signature = createSign('RSA-SHA256').update(signingInput).sign(key);
  return `${signingInput}.${b64url(signature)}`;
}
