import { crc32 } from 'node:zlib';

/**
 * Cloudflare's scannable credentials (`cfut_`, `cfat_`, `cfk_`) end in "a CRC32 checksum suffix"
 * (Cloudflare's changelog, 2026-04-14): 8 lowercase hex after 40 alphanumerics. Over which
 * characters the CRC is computed is not published (UNCONFIRMED): the 40 characters alone, or with
 * their prefix; either is accepted, so a random 8-hex tail still fails (2 in 2^32).
 */
const SHAPE = /^(cfut_|cfat_|cfk_)([A-Za-z0-9]{40})([a-f0-9]{8})$/;

export function cloudflareChecksum(text: string): string {
  return (crc32(text) >>> 0).toString(16).padStart(8, '0');
}

export function validCloudflareChecksum(secret: string): boolean {
  const m = SHAPE.exec(secret);
  if (!m) return false;
  const [, prefix, body, sum] = m;
  return sum === cloudflareChecksum(body!) || sum === cloudflareChecksum(prefix! + body!);
}
