/** The parts of a PostgreSQL login kept apart (PG* variables, a ~/.pgpass line). */
export interface PgLogin {
  host: string;
  port: string;
  database: string;
  user: string;
  password: string;
}

/** Percent-encodes everything a URL's user, password or path could misread (quotes too: rules stop at them). */
const enc = (s: string) =>
  encodeURIComponent(s).replace(/['()*!~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * A login kept in parts, as the one connection URL the PostgreSQL rule reads and the inspector
 * parses (it decodes the percent-encoding). An IPv6 host is bracketed.
 */
export function postgresUrl(l: PgLogin): string {
  const host = l.host.includes(':') && !l.host.startsWith('[') ? `[${l.host}]` : l.host;
  return `postgresql://${enc(l.user)}:${enc(l.password)}@${host}:${l.port}/${enc(l.database)}`;
}
