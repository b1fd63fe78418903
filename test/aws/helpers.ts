import { randomBytes } from 'node:crypto';
import { DEFAULT_POLICY, type Policy } from '../../src/assess/policy.js';
import type { InspectContext } from '../../src/core/provider.js';
import { fingerprint, Secret } from '../../src/core/secret.js';
import type { Credential } from '../../src/core/types.js';
import { ReadOnlyHttp } from '../../src/inspect/http.js';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * A made-up key id carrying `account` the way AWS encodes it (the inverse of the README's recipe:
 * 48 bits = account << 7 | 7 filler bits, then 32 random bits, base32). Never a real key.
 */
export function keyIdFor(account: string, prefix: 'AKIA' | 'ASIA' = 'AKIA'): string {
  const first48 = (BigInt(account) << 7n) | 0x2an;
  let bits = (first48 << 32n) | BigInt(randomBytes(4).readUInt32BE(0));
  let out = '';
  for (let i = 0; i < 16; i++) {
    out = BASE32[Number(bits & 31n)] + out;
    bits >>= 5n;
  }
  return prefix + out;
}

/** A random 40-character secret access key: mixed case, digits, / and +. */
export function fakeSecretKey(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+';
  const bytes = randomBytes(40);
  return `Ab1${Array.from(bytes.subarray(3), (b) => alphabet[b % 64]).join('')}`;
}

export function awsCredential(keyId: string, secretKey?: string, sessionToken?: string): Credential {
  const secret = new Secret(keyId);
  const parts: Record<string, Secret> = {};
  if (secretKey) parts.secretAccessKey = new Secret(secretKey);
  if (sessionToken) parts.sessionToken = new Secret(sessionToken);
  return {
    fingerprint: fingerprint('aws', secret),
    ruleId: 'aws-access-key-id',
    provider: 'aws',
    kind: 'access key',
    secret,
    parts,
    locations: [{ path: 'deploy/.env', line: 3, source: 'tracked' }],
    contexts: [{ name: 'AWS_ACCESS_KEY_ID' }],
  };
}

export function inspectContext(clients: Record<string, unknown>, policy: Policy = DEFAULT_POLICY): InspectContext {
  return {
    http: new ReadOnlyHttp([]),
    endpoint: 'https://sts.amazonaws.com/',
    policy,
    signal: new AbortController().signal,
    timeoutMs: 10_000,
    clients,
  };
}
