import { describe, expect, it } from '@jest/globals';
import { accountIdFromKeyId } from '../../providers/aws/account.js';

describe('the AWS account inside a key id, decoded offline', () => {
  it('matches the published vectors', () => {
    expect(accountIdFromKeyId('ASIAQNZGKIQY56JQ7WML')).toBe('029608264753');
    expect(accountIdFromKeyId('ASIAVJ2E6QGR2WZILJFM')).toBe('364679954851');
    expect(accountIdFromKeyId('AKIASP2TPHJSQH3FJXYZ')).toBe('171436882533');
  });

  it('gives none for a key id that decodes past 12 digits (never issued by AWS)', () => {
    // Encodes 1,050,000,000,000 (written by hand from the format): 13 digits.
    expect(accountIdFromKeyId('AKIAPI6HAQQAAUAAAMBZ')).toBeUndefined();
  });
});
