import { randomInt } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-';

/** A fresh GitLab-shaped token known to nobody (GitLab publishes no checksum for its formats). */
export function gitlabToken(prefix = 'glpat-', length = 20): string {
  return `${prefix}${Array.from({ length }, () => ALPHABET[randomInt(62)]).join('')}`;
}

/** A pipeline trigger token: 40 lowercase hex digits. */
export function triggerToken(): string {
  return `glptt-${Array.from({ length: 40 }, () => '0123456789abcdef'[randomInt(16)]).join('')}`;
}
