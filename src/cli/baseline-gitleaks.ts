import { createHash } from 'node:crypto';
import { UsageError } from '../config/load.js';
import type { Finding, Location } from '../core/types.js';

/** A finding's place in a gitleaks report; commit only for history scans. */
interface Place {
  file: string;
  commit?: string;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const posix = (p: string) => p.replaceAll('\\', '/').replace(/^(\.\/)+/, '');

/**
 * The accepted findings of a gitleaks JSON report (an array of findings): ours is in the baseline
 * when one of its locations is one of theirs (file and line, and commit when both name one), or
 * when their report holds the raw secret and it is ours. Their secrets are kept only as hashes in
 * memory, never printed or stored; a redacted one (`--redact`) simply never matches.
 */
export class GitleaksBaseline {
  private readonly byLine = new Map<number, Place[]>();
  private readonly secrets = new Set<string>();

  constructor(file: string, findings: unknown[]) {
    findings.forEach((f, i) => {
      const bad = (field: string, why: string) =>
        new UsageError(`--baseline ${file}: field "[${i}].${field}" ${why} (a gitleaks JSON report)`);
      if (typeof f !== 'object' || f === null || Array.isArray(f)) throw bad('', 'must be an object');
      const g = f as Record<string, unknown>;
      if (typeof g.File !== 'string' || g.File === '') throw bad('File', 'must be a non-empty string');
      if (typeof g.StartLine !== 'number' || !Number.isInteger(g.StartLine) || g.StartLine < 0)
        throw bad('StartLine', 'must be a line number');
      if (g.Commit !== undefined && typeof g.Commit !== 'string') throw bad('Commit', 'must be a string');
      if (g.Secret !== undefined && typeof g.Secret !== 'string') throw bad('Secret', 'must be a string');
      const place: Place = { file: posix(g.File), ...(g.Commit ? { commit: g.Commit.toLowerCase() } : {}) };
      const list = this.byLine.get(g.StartLine) ?? [];
      list.push(place);
      this.byLine.set(g.StartLine, list);
      if (g.Secret) this.secrets.add(sha256(g.Secret));
    });
  }

  has(f: Finding): boolean {
    if (this.secrets.size && this.secrets.has(sha256(f.credential.secret.reveal()))) return true;
    return f.credential.locations.some((l) => this.at(l));
  }

  private at(l: Location): boolean {
    const path = posix(l.path);
    const commit = l.commit?.toLowerCase();
    return (this.byLine.get(l.line) ?? []).some(
      (p) =>
        // gitleaks names files relative to what it scanned, or absolutely (--source /abs/path): an
        // absolute one can only be matched by its end, since it may come from another checkout.
        (p.file === path || (p.file.startsWith('/') && p.file.endsWith(`/${path}`))) &&
        (!p.commit || !commit || p.commit.startsWith(commit) || commit.startsWith(p.commit)),
    );
  }
}
