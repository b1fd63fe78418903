import { statSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Capability, Scope } from '../core/types.js';

/** One credential as the state file remembers it (redacted only). */
export interface StateCredential {
  id: string;
  provider: string;
  kind: string;
  redacted: string;
  status: 'open' | 'resolved';
  firstSeen: string;
  lastSeen: string;
  resolvedAt: string | null;
  repositories: string[];
  severity: string;
  verification: string;
  /** What it can delete or administer, from the last inspection. */
  harmful: Capability[];
}

export interface StatePoint {
  at: string;
  new: number;
  open: number;
  fixed: number;
}

export interface StateView {
  file: string;
  runs: StatePoint[];
  credentials: StateCredential[];
}

export class StateViewError extends Error {}

/** Reads a state file, read-only (a report never changes it); a file that is not one is an error naming it. */
export function readStateView(file: string): StateView {
  try {
    if (!statSync(file).isFile()) throw new StateViewError(`${file}: not a regular file`);
  } catch (e) {
    if (e instanceof StateViewError) throw e;
    throw new StateViewError(`${file}: no such state file`);
  }
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    db.prepare("SELECT value FROM meta WHERE key = 'schema'").get();
  } catch {
    throw new StateViewError(`${file}: not a tokenscope state file (SQLite with its tables)`);
  }
  try {
    const runs = db.prepare('SELECT finished_at FROM runs ORDER BY id').all() as { finished_at: string }[];
    const rows = db.prepare('SELECT * FROM credentials').all() as Record<string, string | null>[];
    const credentials: StateCredential[] = rows.map((r) => {
      const scope = r.last_scope ? (JSON.parse(r.last_scope) as Scope) : null;
      return {
        id: String(r.fingerprint),
        provider: String(r.provider),
        kind: String(r.kind),
        redacted: String(r.redacted),
        status: r.status === 'resolved' ? 'resolved' : 'open',
        firstSeen: String(r.first_seen),
        lastSeen: String(r.last_seen),
        resolvedAt: r.resolved_at ?? null,
        repositories: JSON.parse(String(r.repositories)) as string[],
        severity: String(r.severity),
        verification: String(r.verification),
        harmful: (scope?.capabilities ?? []).filter((c) => c.action === 'delete' || c.action === 'admin'),
      };
    });
    const points = runs.map(({ finished_at: at }) => ({
      at,
      new: credentials.filter((c) => c.firstSeen === at).length,
      fixed: credentials.filter((c) => c.resolvedAt === at).length,
      open: credentials.filter((c) => c.firstSeen <= at && (c.resolvedAt === null || c.resolvedAt > at)).length,
    }));
    return { file, runs: points, credentials };
  } catch (e) {
    throw new StateViewError(`${file}: unreadable state (${(e as Error).message})`);
  } finally {
    db.close();
  }
}
