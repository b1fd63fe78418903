import { randomInt } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-';
const random = (n: number) => Array.from({ length: n }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');

/** A fresh Anthropic-shaped key known to nobody: prefix, 93 characters, the fixed `AA` tail. */
export function anthropicKey(prefix: 'sk-ant-api03-' | 'sk-ant-admin01-' | 'sk-ant-oat01-' = 'sk-ant-api03-'): string {
  return `${prefix}${random(93)}AA`;
}
