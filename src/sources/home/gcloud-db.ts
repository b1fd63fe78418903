import type { Piece } from './stores.js';
import { leaves } from './tree.js';

/** At most this many rows of one database: a store holds a handful of accounts. */
const MAX_ROWS = 1000;

type Row = Record<string, unknown>;

/**
 * Rows of a SQLite file given as bytes: deserialized in memory, read-only, so nothing is written
 * beside the user's file (no journal, no lock) and a database that changes while it is read
 * cannot surprise us. A string is the reason it could not be read.
 */
async function rows(bytes: Buffer, sql: string): Promise<Row[] | string> {
  const { default: Database } = await import('better-sqlite3');
  let db: InstanceType<typeof Database> | undefined;
  try {
    db = new Database(bytes, { readonly: true });
    return db.prepare(sql).all() as Row[];
  } catch (e) {
    return `not a database tokenscope can read (${String((e as Error).message).split('\n')[0]})`;
  } finally {
    db?.close();
  }
}

const text = (v: unknown) => (Buffer.isBuffer(v) ? v.toString('utf8') : typeof v === 'string' ? v : undefined);

/**
 * gcloud's credentials.db: one row per account, its credential as JSON (an OAuth refresh token,
 * or a service account's key). Each string of that JSON is a piece at the row's number,
 * attributed to the account; the refresh token is marked as the credential it is.
 */
export async function gcloudCredentials(bytes: Buffer): Promise<Piece[] | string> {
  const found = await rows(bytes, `SELECT account_id, value FROM credentials LIMIT ${MAX_ROWS}`);
  if (typeof found === 'string') return found;
  return found.flatMap((row, i) => {
    const account = text(row.account_id) ?? 'account';
    const parsed = leaves(text(row.value) ?? '');
    if (!parsed) return [];
    return parsed.leaves.map((leaf): Piece => {
      const key = String(leaf.keys[leaf.keys.length - 1] ?? 'value');
      return {
        text: `${key}: ${leaf.value}`,
        firstLine: i + 1,
        section: account,
        ...(key === 'refresh_token'
          ? { credential: { provider: 'gcloud', kind: 'OAuth refresh token', name: key, value: leaf.value } }
          : {}),
      };
    });
  });
}

/** gcloud's access_tokens.db: a short-lived access token per account. */
export async function gcloudAccessTokens(bytes: Buffer): Promise<Piece[] | string> {
  const found = await rows(bytes, `SELECT account_id, access_token FROM access_tokens LIMIT ${MAX_ROWS}`);
  if (typeof found === 'string') return found;
  return found.flatMap((row, i): Piece[] => {
    const value = text(row.access_token);
    if (!value) return [];
    const section = text(row.account_id) ?? 'account';
    return [
      {
        text: `access_token: ${value}`,
        firstLine: i + 1,
        section,
        credential: { provider: 'gcloud', kind: 'OAuth access token', name: 'access_token', value },
      },
    ];
  });
}
