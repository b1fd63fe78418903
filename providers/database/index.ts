import type { Provider } from '../../src/core/provider.js';
import type { RuleSpec } from '../../src/core/rule.js';
import { splitUserinfo } from '../../src/core/userinfo.js';

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

/** The URL's password (to the last `@` before the host, as clients read it) is not a placeholder default. */
export function hasRealPassword(url: string): boolean {
  const raw = splitUserinfo(url)?.password;
  if (!raw) return false;
  let pw: string;
  try {
    pw = decodeURIComponent(raw);
  } catch {
    pw = raw;
  }
  return pw.length >= 4 && !DEFAULT_PASSWORDS.has(pw.toLowerCase());
}

/**
 * The detection rule for one engine's connection URLs; the postgres provider builds its own with it.
 * The query string is part of the secret: `?sslmode=verify-full` tells the inspector how to connect
 * (cut off, it would fall back to a weaker default). The user and password may hold `@`, the host
 * may not: the match's password runs to the last `@` before the host, as clients read it. Each part
 * is one bounded character class in sequence, none nested, so matching stays linear
 * (test/hardening/redos).
 */
export function connectionUrlRule(id: string, name: string, schemes: string[], provider: string): RuleSpec {
  return {
    id: `${id}-url`,
    provider,
    kind: `${name} connection URL`,
    description: `${name} connection URL with a password`,
    // The URL's shape is distinctive, but a password has none: a dev container's own password looks
    // the same as production's, so only inspection (or the host) says it matters.
    confidence: 'context',
    keywords: schemes,
    keywordScope: 'line',
    regex: `(?<secret>\\b(?:${schemes.map((s) => s.replace('+', '\\+').replace('://', '')).join('|')})://[^:/\\s"'\`]{1,128}:[^/\\s"'\`]{1,256}@[^/\\s"'\`:?#,;@]{1,253}(?::\\d{1,5})?(?:/[^\\s"'\`?#;]{0,128})?(?:\\?[^\\s"'\`#;]{0,512})?)`,
    validator: 'db-password',
    redaction: 'url',
    examples: {
      truePositives: [
        `DATABASE_URL=${schemes[0]}app:KNfLsp66LBgKFhfiD7mz@db.internal.acme.io:5432/app`,
        `DATABASE_URL=${schemes[0]}app:KNfLsp66LBgKFhfiD7mz@db.internal.acme.io:5432/app?sslmode=verify-full`,
      ],
      falsePositives: [
        `DATABASE_URL=${schemes[0]}postgres:postgres@localhost:5432/app`,
        `DATABASE_URL=${schemes[0]}app:\${DB_PASSWORD}@db:5432/app`,
        `DATABASE_URL=${schemes[0]}db.internal.acme.io:5432/app`,
      ],
    },
  };
}

/** PostgreSQL, MySQL and Redis have their own providers (providers/postgres, mysql, redis), with inspectors. */
const KINDS: Array<[string, string, string[]]> = [['mongodb', 'MongoDB', ['mongodb://', 'mongodb+srv://']]];

/** Connection URLs that carry a password. Detection only here; inspection comes per engine. */
export const database: Provider = {
  id: 'database',
  name: 'Database',
  docsUrl: 'https://www.postgresql.org/docs/current/sql-grant.html',
  validators: { 'db-password': hasRealPassword },
  rules: KINDS.map(([id, name, schemes]) => connectionUrlRule(id, name, schemes, 'database')),
};
