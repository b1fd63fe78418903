import { randomBytes } from 'node:crypto';

/** A fresh DigitalOcean-shaped token (prefix + 64 lowercase hex), known to nobody. */
export function doToken(prefix: 'dop' | 'doo' | 'dor' = 'dop'): string {
  return `${prefix}_v1_${randomBytes(32).toString('hex')}`;
}
