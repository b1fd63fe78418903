/**
 * Values that are written to be replaced, not used: documentation, templates and samples.
 * False positives are the enemy; a real token never contains these.
 */
const PLACEHOLDER_WORDS = [
  'xxxx',
  'example',
  'changeme',
  'change_me',
  'placeholder',
  'your_',
  'your-',
  'yourtoken',
  'dummy',
  'redacted',
  'sample',
  'insert',
  '****',
  '...',
];

const TEMPLATE = /\$\{|\{\{|\}\}|<[^<>]*>|%\(|%s|\$[A-Z_]{3,}/;
const REPEATED = /(.)\1{7,}/;
const SEQUENTIAL = /0123456789|abcdefghij|1234567890/i;

export function isPlaceholder(secret: string): boolean {
  const lower = secret.toLowerCase();
  for (const w of PLACEHOLDER_WORDS) if (lower.includes(w)) return true;
  if (TEMPLATE.test(secret)) return true;
  // Long encoded blobs (private keys) legitimately hold runs like AAAAAAAA; short tokens never do.
  return secret.length <= 100 && (REPEATED.test(secret) || SEQUENTIAL.test(secret));
}
