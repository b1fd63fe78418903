import type { Source, SourceFragment } from '../core/source.js';
import { postgresUrl } from './postgres-url.js';

/**
 * The parts of a credential that live in separate variables: `AWS_ACCESS_KEY_ID`,
 * `AWS_SECRET_ACCESS_KEY` and `AWS_SESSION_TOKEN` (or `AWS_SECURITY_TOKEN`; the older tools'
 * `AWS_ACCESS_KEY` and `AWS_SECRET_KEY`) with the same prefix
 * (`PROD_AWS_...` is another credential than `AWS_...`).
 */
const AWS_PART = /^(.*?)(?:ACCESS_KEY_ID|ACCESS_KEY|SECRET_ACCESS_KEY|SECRET_KEY|SESSION_TOKEN|SECURITY_TOKEN)$/i;

/** Variables scanned together, so a provider's combine() pairs them: key = the shared prefix. */
function groups(names: string[]): string[][] {
  const byPrefix = new Map<string, string[]>();
  const out: string[][] = [];
  for (const name of names) {
    const prefix = AWS_PART.exec(name)?.[1];
    if (prefix === undefined) out.push([name]);
    else byPrefix.set(prefix.toUpperCase(), [...(byPrefix.get(prefix.toUpperCase()) ?? []), name]);
  }
  return [...out, ...byPrefix.values()];
}

/** Each variable of a group on its own line; every candidate is located back at its variable. */
function groupFragment(vars: Array<[string, string]>): SourceFragment {
  return {
    meta: { path: vars[0]![0], source: 'env' },
    content: { text: vars.map(([n, v]) => `${n}=${v}`).join('\n') },
    settle: ({ found }) => {
      for (const c of found) {
        const name = vars[c.location.line - 1]?.[0] ?? vars[0]![0];
        c.location = { ...c.location, path: name, line: 1 };
      }
      return found;
    },
  };
}

/**
 * libpq's PG* variables are one login in five parts: with PGPASSWORD set, the connection they
 * describe, as a URL the PostgreSQL rule reads, located at PGPASSWORD. Defaults as libpq's: the
 * user from PGUSER or USER, localhost (a socket folder in PGHOST is read as localhost), 5432.
 */
function pgLogin(env: Record<string, string | undefined>): string | undefined {
  const password = env.PGPASSWORD;
  if (!password) return undefined;
  const user = env.PGUSER || env.USER || env.LOGNAME || 'postgres';
  const host = env.PGHOST && !env.PGHOST.startsWith('/') ? env.PGHOST.split(',')[0]! : 'localhost';
  return postgresUrl({
    host,
    port: env.PGPORT?.split(',')[0] || '5432',
    database: env.PGDATABASE || user,
    user,
    password,
  });
}

/**
 * The process environment the CLI was given, labelled `env`: each variable is located at its
 * name, so rules that read the name (RAILWAY_TOKEN) still see it. A credential kept in several
 * variables is read as one: an AWS key id with its secret key and session token is one pair
 * that can be inspected, and PGPASSWORD with PGHOST, PGUSER, ... is one PostgreSQL login.
 */
export function envSource(env: Record<string, string | undefined>, maxFileSize: number): Source {
  return {
    async *fragments() {
      const names = Object.keys(env)
        .filter((n) => {
          const v = env[n];
          return v && v.length <= maxFileSize;
        })
        .sort();
      for (const group of groups(names)) yield groupFragment(group.map((n) => [n, env[n]!]));
      const pg = pgLogin(env);
      if (pg && pg.length <= maxFileSize)
        yield { meta: { path: 'PGPASSWORD', source: 'env' }, content: { text: `PGPASSWORD=${pg}` } };
    },
  };
}
