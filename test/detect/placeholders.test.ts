import { describe, expect, it } from '@jest/globals';
import { generateKeyPairSync } from 'node:crypto';
import { isServiceAccountKey } from '../../providers/google/service-account.js';
import { PROVIDERS } from '../../providers/registry.js';
import { isPlaceholder } from '../../src/core/placeholders.js';
import { Detector } from '../../src/detect/engine.js';
import { loadRules } from '../../src/detect/load.js';
import { serviceAccountKey } from '../google/tokens.js';

const detector = new Detector(loadRules(PROVIDERS), PROVIDERS);
const rulesFound = (text: string) => detector.scan({ text, path: 'id_rsa', source: 'untracked' }).map((c) => c.ruleId);

/** A fresh 2048-bit RSA key's PEM, with `run` written over its body's characters from the 200th on. */
function keyHolding(run: string): string {
  const pem = generateKeyPairSync('rsa', { modulusLength: 2048 })
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
  const at = pem.indexOf('\n', 200) + 1;
  return pem.slice(0, at) + run + pem.slice(at + run.length);
}

describe('placeholders in encoded blobs: what a person writes, not what base64 holds by chance', () => {
  // About one 2048-bit key in 600 holds "xxxx" in some mix of cases; those keys were dropped.
  for (const run of ['xXxX', 'XXXX', 'xxxx', 'DuMmY', 'sAmPlE']) {
    it(`a private key whose body holds "${run}" is still a private key`, () => {
      const pem = keyHolding(run);
      expect(isPlaceholder(pem)).toBe(false);
      expect(rulesFound(pem)).toEqual(['pem-private-key']);
    });
  }

  it('a service-account key whose private key holds "xXxX" is still a key (its validator agrees)', () => {
    const key = JSON.parse(serviceAccountKey().json) as { private_key: string };
    const body = key.private_key.split('\n');
    body[3] = `xXxX${body[3]!.slice(4)}`;
    const json = JSON.stringify({ ...key, private_key: body.join('\n') });
    expect(isServiceAccountKey(json)).toBe(true);
  });

  for (const run of [
    'xxxxxxxxxxxxxxxx',
    'XXXXXXXXXXXXXXXX',
    'EXAMPLE',
    'example',
    'Example',
    'REDACTED',
    '...',
    '****',
  ]) {
    it(`a key body holding "${run}" is a placeholder`, () => {
      const pem = keyHolding(run);
      expect(isPlaceholder(pem)).toBe(true);
      expect(rulesFound(pem)).toEqual([]);
    });
  }

  it('a template in a blob is a placeholder', () => {
    expect(isPlaceholder(`${'A'.repeat(200)}<your key here>${'B'.repeat(50)}`)).toBe(true);
  });

  it('short tokens keep the case-blind checks (a token holds no word a person did not put there)', () => {
    expect(isPlaceholder('ghp_xXxX0000aaaa1111bbbb2222cccc3333dd')).toBe(true);
    expect(isPlaceholder('sk_live_AAAAAAAAAAAA')).toBe(true);
    expect(isPlaceholder('ghp_k8Tq2LmZr5Vw9Yb3Nc6Hd1Jf4Gs7Px0Ue2Ra')).toBe(false);
  });
});
