import { chmodSync } from 'node:fs';
import Database from 'better-sqlite3';
import { UsageError } from '../config/load.js';
import type { Inspection, Risk, Scope } from '../core/types.js';
import type { OrgFinding, ResolvedCredential, StateSection } from './types.js';

/**
 * The state of an org across runs, in one SQLite file (better-sqlite3). It holds what was
 * found (by fingerprint: first and last seen, repositories, locations, last scope) and the
 * providers' last answers (the inspection cache). Everything in it comes from the report,
 * after redaction: fingerprints, redacted forms, paths and lines, scopes without their
 * provider facts. A raw secret is never written.
 *
 * The rollback journal (not WAL) keeps the state one file, the shape a CI cache or artifact
 * carries between runs; each run is one transaction, so a crash mid-run leaves the previous
 * run's state as it was.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS runs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  finished_at TEXT NOT NULL,
  target TEXT NOT NULL,
  credentials INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS credentials (
  fingerprint TEXT PRIMARY KEY,
  provider TEXT NOT NULL,
  kind TEXT NOT NULL,
  rule_id TEXT NOT NULL,
  redacted TEXT NOT NULL,
  first_seen TEXT NOT NULL,
  last_seen TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'resolved')),
  resolved_at TEXT,
  repositories TEXT NOT NULL,
  locations TEXT NOT NULL,
  verification TEXT NOT NULL,
  severity TEXT NOT NULL,
  last_scope TEXT
);
CREATE TABLE IF NOT EXISTS inspections (
  fingerprint TEXT PRIMARY KEY,
  provider TEXT NOT NULL,
  endpoint TEXT NOT NULL,
  verification TEXT NOT NULL,
  reason TEXT NOT NULL,
  scope TEXT,
  provider_risks TEXT NOT NULL,
  remediation TEXT NOT NULL,
  inspected_at TEXT NOT NULL
);
`;
const SCHEMA_VERSION = '1';

/** Only answers that say something lasting about the token are reused; an outage is asked again. */
const CACHEABLE = new Set(['verified', 'invalid']);

export interface CachedInspection {
  inspection: Inspection;
  /** The risks the provider raised from what it said (its facts are not kept, these are). */
  providerRisks: Risk[];
  remediation: string;
  inspectedAt: string;
}

export interface RunRecord {
  now: Date;
  target: string;
  findings: OrgFinding[];
  /** Provider id -> endpoint the answers came from (the report's `endpoints`). */
  endpoints: Record<string, string>;
  /**
   * Repositories that were scanned whole this run. An open credential not found this run is
   * resolved only when every repository it was last seen in is among them: a repository that
   * was unreachable, filtered out or in another shard has not been looked at.
   */
  scanned: Set<string>;
}

export interface RunOutcome {
  section: StateSection;
  /** Per found credential: new this run, or open since when. */
  seen: Map<string, { state: 'new' | 'open'; firstSeen: string }>;
}

interface CredentialRow {
  fingerprint: string;
  provider: string;
  kind: string;
  redacted: string;
  first_seen: string;
  last_seen: string;
  status: string;
  repositories: string;
}

interface InspectionRow {
  fingerprint: string;
  provider: string;
  endpoint: string;
  verification: Inspection['verification'];
  reason: string;
  scope: string | null;
  provider_risks: string;
  remediation: string;
  inspected_at: string;
}

export class StateStore {
  private readonly db: Database.Database;

  /** Opens (or creates) the state file at `path`; its folder must exist (the CLI checks it first). */
  constructor(path: string) {
    try {
      this.db = new Database(path, { fileMustExist: false });
      if (path !== ':memory:') chmodSync(path, 0o600);
      this.db.pragma('journal_mode = DELETE');
      this.db.pragma('synchronous = FULL');
      this.db.exec(SCHEMA);
    } catch (e) {
      // SQLite's own words ("file is not a database") without the file name: name it.
      throw new UsageError(`${path}: not a tokenscope state file (${(e as Error).message})`);
    }
    const version = this.db.prepare('SELECT value FROM meta WHERE key = ?').get('schema') as
      | { value: string }
      | undefined;
    if (!version) this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('schema', SCHEMA_VERSION);
    else if (version.value !== SCHEMA_VERSION) {
      this.db.close();
      throw new UsageError(`${path}: state schema ${version.value}, this tokenscope reads ${SCHEMA_VERSION}`);
    }
  }

  close(): void {
    this.db.close();
  }

  previousRun(): string | null {
    const row = this.db.prepare('SELECT finished_at FROM runs ORDER BY id DESC LIMIT 1').get() as
      | { finished_at: string }
      | undefined;
    return row?.finished_at ?? null;
  }

  /** Answers younger than `ttlMs`, from the endpoint configured now (another endpoint, another answer). */
  cachedInspections(now: Date, ttlMs: number, endpoints: Record<string, string>): Map<string, CachedInspection> {
    const since = new Date(now.getTime() - ttlMs).toISOString();
    const rows = this.db.prepare('SELECT * FROM inspections WHERE inspected_at >= ?').all(since) as InspectionRow[];
    const out = new Map<string, CachedInspection>();
    for (const r of rows) {
      if (answeredBy(endpoints, r.provider) !== r.endpoint) continue;
      out.set(r.fingerprint, {
        inspection: {
          verification: r.verification,
          reason: r.reason,
          scope: r.scope ? (JSON.parse(r.scope) as Scope) : null,
        },
        providerRisks: JSON.parse(r.provider_risks) as Risk[],
        remediation: r.remediation,
        inspectedAt: r.inspected_at,
      });
    }
    return out;
  }

  /** Credentials by fingerprint, for reports and tests. */
  credential(fingerprint: string): { status: string; firstSeen: string; lastSeen: string } | undefined {
    const r = this.db.prepare('SELECT * FROM credentials WHERE fingerprint = ?').get(fingerprint) as
      | CredentialRow
      | undefined;
    return r ? { status: r.status, firstSeen: r.first_seen, lastSeen: r.last_seen } : undefined;
  }

  /** Everything the file holds, as text: what tests search for raw secrets. */
  dump(): string {
    const tables = ['meta', 'runs', 'credentials', 'inspections'];
    return tables.map((t) => JSON.stringify(this.db.prepare(`SELECT * FROM ${t}`).all())).join('\n');
  }

  /** One run, in one transaction: all of it is recorded, or (on any error) none of it. */
  record(run: RunRecord): RunOutcome {
    return this.db.transaction(() => this.recordInside(run))();
  }

  private recordInside(run: RunRecord): RunOutcome {
    const now = run.now.toISOString();
    const previousRun = this.previousRun();
    const get = this.db.prepare('SELECT * FROM credentials WHERE fingerprint = ?');
    const upsert = this.db.prepare(`
      INSERT INTO credentials (fingerprint, provider, kind, rule_id, redacted, first_seen, last_seen, status,
        resolved_at, repositories, locations, verification, severity, last_scope)
      VALUES (@fingerprint, @provider, @kind, @ruleId, @redacted, @now, @now, 'open', NULL, @repositories,
        @locations, @verification, @severity, @scope)
      ON CONFLICT (fingerprint) DO UPDATE SET last_seen = @now, status = 'open', resolved_at = NULL,
        redacted = @redacted, repositories = @repositories, locations = @locations,
        verification = @verification, severity = @severity, last_scope = @scope`);
    const cache = this.db.prepare(`
      INSERT OR REPLACE INTO inspections (fingerprint, provider, endpoint, verification, reason, scope,
        provider_risks, remediation, inspected_at)
      VALUES (@fingerprint, @provider, @endpoint, @verification, @reason, @scope, @risks, @remediation, @at)`);

    const seen = new Map<string, { state: 'new' | 'open'; firstSeen: string }>();
    for (const f of run.findings) {
      const before = get.get(f.id) as CredentialRow | undefined;
      const scope = f.scope ? JSON.stringify(withoutFacts(f.scope)) : null;
      upsert.run({
        fingerprint: f.id,
        provider: f.provider,
        kind: f.kind,
        ruleId: f.ruleId,
        redacted: f.secret.redacted,
        now,
        repositories: JSON.stringify(f.repositories ?? []),
        locations: JSON.stringify(f.locations),
        verification: f.verification,
        severity: f.severity,
        scope,
      });
      seen.set(f.id, before ? { state: 'open', firstSeen: before.first_seen } : { state: 'new', firstSeen: now });
      if (f.inspection && !f.inspection.fromCache && CACHEABLE.has(f.verification)) {
        const ids = new Set(f.inspection.providerRisks);
        cache.run({
          fingerprint: f.id,
          provider: f.provider,
          endpoint: answeredBy(run.endpoints, f.provider),
          verification: f.verification,
          reason: f.verificationReason,
          scope,
          risks: JSON.stringify(f.risks.filter((r) => ids.has(r.id))),
          remediation: f.remediation,
          at: f.inspection.at,
        });
      }
    }

    const resolved: ResolvedCredential[] = [];
    const open = this.db.prepare("SELECT * FROM credentials WHERE status = 'open'").all() as CredentialRow[];
    const resolve = this.db.prepare(
      "UPDATE credentials SET status = 'resolved', resolved_at = ? WHERE fingerprint = ?",
    );
    for (const row of open) {
      if (seen.has(row.fingerprint)) continue;
      const repos = JSON.parse(row.repositories) as string[];
      if (!repos.every((r) => run.scanned.has(r))) continue;
      resolve.run(now, row.fingerprint);
      resolved.push({
        id: row.fingerprint,
        provider: row.provider,
        kind: row.kind,
        secret: { redacted: row.redacted },
        firstSeen: row.first_seen,
        lastSeen: row.last_seen,
        repositories: repos,
      });
    }
    this.db
      .prepare('INSERT INTO runs (finished_at, target, credentials) VALUES (?, ?, ?)')
      .run(now, run.target, run.findings.length);
    const ids = [...seen.entries()];
    return {
      seen,
      section: {
        previousRun,
        new: ids.filter(([, s]) => s.state === 'new').map(([id]) => id),
        open: ids.filter(([, s]) => s.state === 'open').map(([id]) => id),
        resolved: resolved.sort((a, b) => a.id.localeCompare(b.id)),
      },
    };
  }
}

/** A report's scope never carries facts; this makes sure of it even if a caller passes a raw Scope. */
function withoutFacts(scope: Omit<Scope, 'facts'> & { facts?: unknown }): Omit<Scope, 'facts'> {
  const { facts: _facts, ...rest } = scope;
  return rest;
}

/**
 * What a provider's answers depend on: its endpoint, and its named extra endpoints (`google.oauth`,
 * the token endpoint a Google key is exchanged at), so changing any of them invalidates cached
 * answers. A provider without extra endpoints is keyed by its endpoint alone, as before.
 */
export function answeredBy(endpoints: Record<string, string>, provider: string): string {
  const extra = Object.keys(endpoints)
    .filter((k) => k.startsWith(`${provider}.`))
    .sort()
    .map((k) => `${k.slice(provider.length + 1)}=${endpoints[k]}`);
  return [endpoints[provider] ?? '', ...extra].join(' ');
}
