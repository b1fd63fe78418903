import { randomInt } from 'node:crypto';

const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A fresh Neon-shaped API key known to nobody (Neon publishes no format or checksum). */
export function neonKey(): string {
  return `napi_${Array.from({ length: 60 }, () => ALNUM[randomInt(ALNUM.length)]).join('')}`;
}
