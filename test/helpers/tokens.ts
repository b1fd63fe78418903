import { randomInt, randomUUID } from 'node:crypto';
import { crc32 } from 'node:zlib';

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
  const body = randomBase62(30);
  return `${prefix}_${body}${checksum(body)}`;
}

export function railwayToken(): string {
  return randomUUID();
}

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
export function awsKeyId(prefix = 'AKIA'): string {
  return prefix + Array.from({ length: 16 }, () => B32[randomInt(32)]).join('');
}

export function awsSecret(): string {
  const alphabet = `${BASE62}/+`;
  for (;;) {
    const s = Array.from({ length: 40 }, () => alphabet[randomInt(alphabet.length)]).join('');
    if (/[a-z]/.test(s) && /[A-Z]/.test(s) && /[0-9]/.test(s)) return s;
  }
}
