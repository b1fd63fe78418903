import { existsSync, lstatSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportFinding, Report } from '../report/model.js';
import { blastRadius } from '../report/model.js';
import { writeAtomic } from '../report/write.js';

/**
 * What the agent hook knows without asking anyone: the last `tokenscope fence` audit of this
 * project, by fingerprint. Built from the report, so it holds redacted secrets only; it lives in
 * `.tokenscope/` with a `.gitignore` of its own, so it is never committed.
 */
export interface GuardCredential {
  id: string;
  provider: string;
  kind: string;
  redacted: string;
  severity: string;
  verification: string;
  /** Can destroy or administer (the report's breadth, src/assess/breadth.ts). */
  broad: boolean;
  risks: string[];
  /** The blast radius in one line, as the table prints it. */
  summary: string;
  remediation: string;
  /** What it can delete or administer, production first (names from the provider). */
  destroys: string[];
}

export interface GuardCache {
  version: 1;
  generatedAt: string;
  /** The fingerprints were keyed (TOKENSCOPE_FINGERPRINT_KEY): the hook must use the same key. */
  keyed: boolean;
  credentials: GuardCredential[];
  /** Working-tree files (relative to the project, posix) and the credentials each holds. */
  files: { path: string; ids: string[] }[];
}

export const GUARD_DIR = '.tokenscope';
export const GUARD_FILE = 'guard.json';
export const MAX_CACHE_BYTES = 8 * 1024 * 1024;

const WORKTREE = new Set(['tracked', 'untracked', 'ignored']);

function destroys(f: ReportFinding): string[] {
  const caps = (f.scope?.capabilities ?? []).filter((c) => c.action === 'delete' || c.action === 'admin');
  caps.sort((a, b) => Number(b.production === true) - Number(a.production === true));
  return caps.map((c) => `${c.action} ${c.resource}${c.environment ? ` (${c.environment})` : ''}`);
}

export function buildGuardCache(report: Report, keyed: boolean): GuardCache {
  const files = new Map<string, Set<string>>();
  for (const f of report.findings) {
    for (const l of f.locations) {
      if (!WORKTREE.has(l.source)) continue;
      const ids = files.get(l.path) ?? new Set<string>();
      ids.add(f.id);
      files.set(l.path, ids);
    }
  }
  return {
    version: 1,
    generatedAt: report.generatedAt,
    keyed,
    credentials: report.findings.map((f) => ({
      id: f.id,
      provider: f.provider,
      kind: f.kind,
      redacted: f.secret.redacted,
      severity: f.severity,
      verification: f.verification,
      broad: f.breadth === 'broad',
      risks: f.risks.map((r) => r.id),
      summary: blastRadius(f),
      remediation: f.remediation,
      destroys: destroys(f),
    })),
    files: [...files]
      .map(([path, ids]) => ({ path, ids: [...ids].sort() }))
      .sort((a, b) => a.path.localeCompare(b.path)),
  };
}

/** Writes `.tokenscope/guard.json` (and a `.gitignore` that keeps the folder out of git). */
export function writeGuardCache(root: string, cache: GuardCache): string {
  const dir = join(root, GUARD_DIR);
  if (existsSync(dir) && !lstatSync(dir).isDirectory()) throw new Error(`${dir}: exists and is not a directory`);
  mkdirSync(dir, { recursive: true });
  const ignore = join(dir, '.gitignore');
  if (!existsSync(ignore)) writeFileSync(ignore, '# written by tokenscope: nothing here is meant for git\n*\n');
  const file = join(dir, GUARD_FILE);
  writeAtomic(file, `${JSON.stringify(cache, null, 2)}\n`);
  return file;
}

export type CacheRead = { cache: GuardCache } | { missing: true } | { broken: string };

/** The project's cache, or why there is none. Never throws: the hook must always answer. */
export function readGuardCache(root: string): CacheRead {
  const file = join(root, GUARD_DIR, GUARD_FILE);
  try {
    const st = lstatSync(file);
    if (!st.isFile()) return { broken: `${file} is not a regular file` };
    if (st.size > MAX_CACHE_BYTES) return { broken: `${file} is larger than ${MAX_CACHE_BYTES} bytes` };
  } catch {
    return { missing: true };
  }
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<GuardCache>;
    if (parsed.version !== 1 || !Array.isArray(parsed.credentials) || !Array.isArray(parsed.files))
      return { broken: `${file} is not a tokenscope guard cache (version 1)` };
    return { cache: parsed as GuardCache };
  } catch {
    return { broken: `${file} is not valid JSON` };
  }
}
