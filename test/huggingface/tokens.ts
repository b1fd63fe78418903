import { randomInt } from 'node:crypto';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A fresh Hugging Face-shaped token known to nobody (no checksum is published for the format). */
export function hfToken(prefix: 'hf_' | 'api_org_' = 'hf_'): string {
  return `${prefix}${Array.from({ length: 34 }, () => LETTERS[randomInt(LETTERS.length)]).join('')}`;
}
