import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { fingerprint, Secret } from '../../src/core/secret.js';
import type { Credential } from '../../src/core/types.js';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function randomBase62(n: number): string {
  return [...randomBytes(n)].map((b) => ALPHABET[b % 62]).join('');
}

/** Written here from the spec (README: CRC32 of the 30 random characters, base62, padded to 6). */
function checksum(body: string): string {
  let v = crc32(body) >>> 0;
  let out = '';
  while (v > 0) {
    out = ALPHABET[v % 62] + out;
    v = Math.floor(v / 62);
  }
  return out.padStart(6, '0');
}

/** A fresh token of a checksummed kind (ghp, gho, ghu, ghs, ghr): never a real one. */
export function ghToken(prefix: 'ghp' | 'gho' | 'ghu' | 'ghs' | 'ghr'): string {
  const body = randomBase62(30);
  return `${prefix}_${body}${checksum(body)}`;
}

/** A fresh fine-grained PAT shape: github_pat_ + 22 + _ + 59. */
export function fineGrainedToken(): string {
  return `github_pat_${randomBase62(22)}_${randomBase62(59)}`;
}

const RULES: Record<string, [string, string]> = {
  ghp: ['github-pat-classic', 'personal access token (classic)'],
  gho: ['github-oauth', 'OAuth app user token'],
  ghu: ['github-app-user', 'GitHub App user-to-server token'],
  ghs: ['github-app-installation', 'GitHub App installation token'],
  ghr: ['github-refresh', 'refresh token'],
  github: ['github-pat-fine-grained', 'fine-grained personal access token'],
};

/** A credential as the detector would hand it over, found at `paths`. */
export function credentialFor(token: string, paths: string[] = ['.env']): Credential {
  const secret = new Secret(token);
  const [ruleId, kind] = RULES[token.split('_')[0]!]!;
  return {
    fingerprint: fingerprint('github', secret),
    ruleId,
    provider: 'github',
    kind,
    secret,
    parts: {},
    locations: paths.map((path) => ({ path, line: 1, source: 'tracked' as const })),
    contexts: [],
  };
}
