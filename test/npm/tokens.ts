import { randomUUID } from 'node:crypto';
import { githubToken } from '../helpers/tokens.js';

/**
 * A fresh npm-shaped token known to nobody: npm's format is GitHub's (30 random base62 characters
 * and a six-character CRC32 tail, github.blog 2021-09-23) under the `npm_` prefix.
 */
export function npmToken(): string {
  return githubToken('npm');
}

/** A classic (pre-2021) token: a bare UUID. */
export function classicNpmToken(): string {
  return randomUUID();
}
