import { randomInt } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-';
const random = (n: number) => Array.from({ length: n }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');

/** A fresh OpenAI-shaped key known to nobody: prefix, 74 characters, the T3BlbkFJ marker, 74 more. */
export function openaiKey(prefix: 'sk-proj-' | 'sk-admin-' | 'sk-svcacct-' | 'sk-' = 'sk-proj-'): string {
  return prefix === 'sk-' ? `sk-${random(20)}T3BlbkFJ${random(20)}` : `${prefix}${random(74)}T3BlbkFJ${random(74)}`;
}
