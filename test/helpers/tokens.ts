import { randomInt, randomUUID } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { isPlaceholder } from '../../src/core/placeholders.js';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function randomBase62(n: number): string {
  return Array.from({ length: n }, () => BASE62[randomInt(62)]).join('');
}

/** The checksum written independently of providers/github/checksum.ts, from GitHub's description. */
function checksum(body: string): string {
  let v = crc32(body) >>> 0;
  let out = '';
  while (v > 0) {
    out = BASE62[v % 62] + out;
    v = Math.floor(v / 62);
  }
  return out.padStart(6, '0');
}

/** A fresh GitHub-shaped token with a valid checksum, known to nobody. */
export function githubToken(prefix = 'ghp'): string {
  for (;;) {
    const body = randomBase62(30);
    const token = `${prefix}_${body}${checksum(body)}`;
    // About one random body in 10,000 holds a placeholder word (`xxxx`, `dummy`...), which the
    // detector rightly drops: tests that count findings need tokens that look real.
    if (!isPlaceholder(token)) return token;
  }
}

export function railwayToken(): string {
  return randomUUID();
}

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
/** A key id shaped like AWS's: it encodes a random 12-digit account, as real key ids do. */
export function awsKeyId(prefix = 'AKIA'): string {
  const account = BigInt(randomInt(100_000_000, 999_999_999)) * 1000n + BigInt(randomInt(1000));
  let bits = (((account << 7n) | BigInt(randomInt(128))) << 32n) | BigInt(randomInt(2 ** 32));
  let out = '';
  for (let i = 0; i < 16; i++) {
    out = B32[Number(bits & 31n)] + out;
    bits >>= 5n;
  }
  return prefix + out;
}

export function awsSecret(): string {
  const alphabet = `${BASE62}/+`;
  for (;;) {
    const s = Array.from({ length: 40 }, () => alphabet[randomInt(alphabet.length)]).join('');
    if (/[a-z]/.test(s) && /[A-Z]/.test(s) && /[0-9]/.test(s)) return s;
  }
}
