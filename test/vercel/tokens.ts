import { randomInt } from 'node:crypto';

const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A fresh Vercel-shaped token known to nobody (Vercel publishes no checksum for its format). */
export function vercelToken(prefix: 'vcp' | 'vci' | 'vca' | 'vcr' | 'vck' = 'vcp'): string {
  return `${prefix}_${Array.from({ length: 48 }, () => ALNUM[randomInt(ALNUM.length)]).join('')}`;
}
