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

/** Longer than any token: an encoded blob (a private key, a key file). */
const LONG = 100;
/** A placeholder word as a person types it: lower case, upper case, or capitalised. */
const WRITTEN_WORDS = new RegExp(
  [
    ...new Set(
      PLACEHOLDER_WORDS.filter((w) => w !== 'xxxx').flatMap((w) => [
        w,
        w.toUpperCase(),
        w[0]!.toUpperCase() + w.slice(1),
      ]),
    ),
  ]
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|'),
);

export function isPlaceholder(secret: string): boolean {
  if (TEMPLATE.test(secret)) return true;
  if (secret.length > LONG) return isPlaceholderBlob(secret);
  const lower = secret.toLowerCase();
  for (const w of PLACEHOLDER_WORDS) if (lower.includes(w)) return true;
  return REPEATED.test(secret) || SEQUENTIAL.test(secret);
}

/**
 * Base64 holds any short run of letters by chance, in mixed case: a 2048-bit RSA key's 1,600
 * characters hold "xxxx" in some case once in about 600 keys, and a real key was then dropped as
 * a placeholder. In a blob only what a person writes counts: a word in one case (example,
 * EXAMPLE, Example: once in about 200,000 keys by chance, nearly all of it "dummy"), a run of
 * eight x, an ellipsis or stars. Runs like AAAAAAAA and sequences are ordinary there.
 */
function isPlaceholderBlob(blob: string): boolean {
  return WRITTEN_WORDS.test(blob) || /x{8,}|X{8,}/.test(blob);
}
