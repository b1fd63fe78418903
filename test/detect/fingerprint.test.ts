import { afterEach, describe, expect, it } from '@jest/globals';
import { createHash, createHmac } from 'node:crypto';
import { fingerprint, Secret } from '../../src/core/secret.js';

describe('fingerprints', () => {
  const before = process.env.TOKENSCOPE_FINGERPRINT_KEY;
  afterEach(() => {
    if (before === undefined) delete process.env.TOKENSCOPE_FINGERPRINT_KEY;
    else process.env.TOKENSCOPE_FINGERPRINT_KEY = before;
  });

  it('are a stable hash of provider and secret, and differ across providers', () => {
    delete process.env.TOKENSCOPE_FINGERPRINT_KEY;
    const expected = createHash('sha256').update('github\0abc-secret').digest('hex').slice(0, 24);
    expect(fingerprint('github', new Secret('abc-secret'))).toBe(expected);
    expect(fingerprint('railway', new Secret('abc-secret'))).not.toBe(expected);
    // Text is hashed as UTF-8.
    expect(fingerprint('config', new Secret('pässwörd-ü'))).toBe(
      createHash('sha256').update(Buffer.from('config\0pässwörd-ü', 'utf8')).digest('hex').slice(0, 24),
    );
  });

  it('are keyed when TOKENSCOPE_FINGERPRINT_KEY is set, so a guessed secret cannot be checked without the key', () => {
    process.env.TOKENSCOPE_FINGERPRINT_KEY = 'k1';
    const expected = createHmac('sha256', 'k1').update('github\0abc-secret').digest('hex').slice(0, 24);
    expect(fingerprint('github', new Secret('abc-secret'))).toBe(expected);
    process.env.TOKENSCOPE_FINGERPRINT_KEY = 'k2';
    expect(fingerprint('github', new Secret('abc-secret'))).not.toBe(expected);
  });
});
