import { randomInt } from 'node:crypto';
import { crc32 } from 'node:zlib';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A fresh scannable Cloudflare credential, known to nobody: prefix, 40 alphanumerics, and the
 * CRC32 of those 40 as 8 lowercase hex (Cloudflare: "a CRC32 checksum suffix"; over which
 * characters is UNCONFIRMED, see providers/cloudflare/checksum.ts).
 */
export function cfToken(prefix: 'cfut' | 'cfat' | 'cfk' = 'cfut'): string {
  const body = Array.from({ length: 40 }, () => ALNUM[randomInt(ALNUM.length)]).join('');
  return `${prefix}_${body}${(crc32(body) >>> 0).toString(16).padStart(8, '0')}`;
}

/** 32 lowercase hex: Cloudflare's account, zone and token ids. */
export function cfId(): string {
  return Array.from({ length: 32 }, () => '0123456789abcdef'[randomInt(16)]).join('');
}
