/**
 * Not read by default: dependency, vendor and build folders and VCS internals, when git does not
 * hold them (untracked or ignored content only: src/sources/skip.ts; tracked files, history,
 * ranges and the index are always read). Users replace or extend the list in the config. Each
 * entry names a folder as `** /NAME/**` (without the space), so the walk can count the folders it
 * leaves unread. Lock files are read (a registry token can sit in a `resolved` URL); their
 * integrity hashes match no rule.
 */
export const DEFAULT_SKIP: string[] = [
  '**/.git/**',
  '**/node_modules/**',
  '**/bower_components/**',
  '**/vendor/**',
  '**/third_party/**',
  '**/dist/**',
  '**/build/**',
  '**/out/**',
  '**/target/**',
  '**/coverage/**',
  '**/.venv/**',
  '**/venv/**',
  '**/__pycache__/**',
  '**/.tox/**',
  '**/.next/**',
  '**/.nuxt/**',
  '**/.gradle/**',
  '**/.terraform/**',
  '**/.yarn/cache/**',
  '**/Pods/**',
];

/** With custom rules, how long one file may take before its scan is stopped and noted. */
export const DEFAULT_FILE_BUDGET_MS = 10_000;

/** 25 MiB: larger files are skipped with a note in the report. */
export const DEFAULT_MAX_FILE_SIZE = 25 * 1024 * 1024;

/** Credentials one run sends to providers at most: a repository stuffed with tokens cannot make a flood. */
export const DEFAULT_MAX_CREDENTIALS = 200;
