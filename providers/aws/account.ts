const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * The AWS account id inside an access key id: base32-decode what follows the 4-character prefix,
 * take the first 6 bytes big-endian, mask and shift. Offline, no call needed.
 */
export function accountIdFromKeyId(keyId: string): string | undefined {
  const body = keyId.slice(4);
  let bits = 0n;
  let nbits = 0;
  for (const ch of body.slice(0, 10)) {
    const v = BASE32.indexOf(ch);
    if (v < 0) return undefined;
    bits = (bits << 5n) | BigInt(v);
    nbits += 5;
  }
  if (nbits < 48) return undefined;
  const first48 = bits >> BigInt(nbits - 48);
  const account = (first48 & 0x7fffffffff80n) >> 7n;
  // Account ids have 12 digits; a key id that decodes past that was never issued by AWS.
  if (account > 999_999_999_999n) return undefined;
  return account.toString().padStart(12, '0');
}

export function keyKind(keyId: string): string {
  if (keyId.startsWith('ASIA')) return 'temporary (STS) access key';
  if (keyId.startsWith('AKIA')) return 'long-lived IAM user access key';
  return 'access key';
}
