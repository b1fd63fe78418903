import type { Provider } from '../../src/core/provider.js';

/** Passwords that are dev-container defaults, not secrets anyone chose. */
const DEFAULT_PASSWORDS = new Set([
  'password',
  'postgres',
  'root',
  'pass',
  'secret',
  'admin',
  'test',
  'mysql',
  'redis',
  'user',
]);

function hasRealPassword(url: string): boolean {
  const m = /^[a-z+]+:\/\/[^:@/]*:([^@]*)@/i.exec(url);
  if (!m?.[1]) return false;
  let pw: string;
  try {
    pw = decodeURIComponent(m[1]);
  } catch {
    pw = m[1];
  }
  return pw.length >= 4 && !DEFAULT_PASSWORDS.has(pw.toLowerCase());
}

const KINDS: Array<[string, string, string[]]> = [
  ['postgres', 'PostgreSQL', ['postgres://', 'postgresql://']],
  ['mysql', 'MySQL', ['mysql://', 'mariadb://']],
  ['mongodb', 'MongoDB', ['mongodb://', 'mongodb+srv://']],
  ['redis', 'Redis', ['redis://', 'rediss://']],
];

/** Connection URLs that carry a password. Detection only here; inspection comes per engine. */
export const database: Provider = {
  id: 'database',
  name: 'Database',
  docsUrl: 'https://www.postgresql.org/docs/current/sql-grant.html',
  validators: { 'db-password': hasRealPassword },
  rules: KINDS.map(([id, name, schemes]) => ({
    id: `${id}-url`,
    provider: 'database',
    kind: `${name} connection URL`,
    description: `${name} connection URL with a password`,
    keywords: schemes,
    keywordScope: 'line',
    regex: `(?<secret>\\b(?:${schemes.map((s) => s.replace('+', '\\+').replace('://', '')).join('|')})://[^:@/\\s"'\`]{1,128}:[^@/\\s"'\`]{1,256}@[^/\\s"'\`:?#,;]{1,253}(?::\\d{1,5})?(?:/[^\\s"'\`?#;]{0,128})?)`,
    validator: 'db-password',
    redaction: 'url' as const,
    examples: {
      truePositives: [`DATABASE_URL=${schemes[0]}app:KNfLsp66LBgKFhfiD7mz@db.internal.acme.io:5432/app`],
      falsePositives: [
        `DATABASE_URL=${schemes[0]}postgres:postgres@localhost:5432/app`,
        `DATABASE_URL=${schemes[0]}app:\${DB_PASSWORD}@db:5432/app`,
        `DATABASE_URL=${schemes[0]}db.internal.acme.io:5432/app`,
      ],
    },
  })),
};
