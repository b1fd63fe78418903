const OPENSSH = /-----BEGIN OPENSSH PRIVATE KEY-----([A-Za-z0-9+/=\s]+)-----END OPENSSH PRIVATE KEY-----/;
const MAGIC = Buffer.from('openssh-key-v1\0', 'latin1');

/**
 * Whether a private key file needs a passphrase, read from its own header, never by trying one:
 * OpenSSH's format names its cipher (`none` when the key is in the clear); PEM marks an encrypted
 * key with `Proc-Type: 4,ENCRYPTED` (the traditional form) or `BEGIN ENCRYPTED PRIVATE KEY`
 * (PKCS#8). Undefined when the text holds no key this can read.
 */
export function keyProtection(text: string): string | undefined {
  const openssh = OPENSSH.exec(text);
  if (openssh) {
    const raw = Buffer.from(openssh[1]!.replace(/\s+/g, ''), 'base64');
    if (raw.length < MAGIC.length + 4 || !raw.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
    const len = raw.readUInt32BE(MAGIC.length);
    if (len === 0 || len > 64 || MAGIC.length + 4 + len > raw.length) return undefined;
    const cipher = raw.subarray(MAGIC.length + 4, MAGIC.length + 4 + len).toString('latin1');
    if (!/^[\x21-\x7e]+$/.test(cipher)) return undefined;
    return cipher === 'none' ? 'no passphrase' : `passphrase-protected (${cipher})`;
  }
  if (/-----BEGIN ENCRYPTED PRIVATE KEY-----/.test(text)) return 'passphrase-protected (PKCS#8)';
  if (/-----BEGIN (?:[A-Z0-9]+ )?PRIVATE KEY-----/.test(text))
    return /^Proc-Type:\s*4,\s*ENCRYPTED\s*$/m.test(text) ? 'passphrase-protected (PEM)' : 'no passphrase';
  return undefined;
}
