import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from '../helpers/cli.js';
import { gitWith, tempDir, writeFiles } from '../helpers/repo.js';

/** git with a fixed identity and a chosen author date, so tests can name dates by hand. */
export function sh(cwd: string, args: string[], date = '2024-01-01T00:00:00Z'): string {
  return gitWith({ GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date }, cwd, args).trim();
}

/** A small repository that tests write commit by commit. */
export class World {
  readonly root = tempDir('tokenscope-hist-');
  private day = 0;

  constructor(branch = 'main') {
    sh(this.root, ['init', '-q', '-b', branch]);
  }

  git(...args: string[]): string {
    return sh(this.root, args);
  }

  /** Writes files (null deletes), stages everything and commits; returns the commit id. Each commit is one day later. */
  commit(message: string, files: Record<string, string | Buffer | null>): string {
    for (const [rel, content] of Object.entries(files)) {
      if (content === null) rmSync(join(this.root, rel), { force: true });
      else writeFiles(this.root, { [rel]: content });
    }
    sh(this.root, ['add', '-A']);
    this.day++;
    sh(this.root, ['commit', '-q', '--allow-empty', '-m', message], this.date(this.day));
    return sh(this.root, ['rev-parse', 'HEAD']);
  }

  /** The author date of the n-th commit made through this world, as git prints it (%aI). */
  date(n: number): string {
    return `${new Date(Date.UTC(2024, 0, 1 + n)).toISOString().slice(0, 19)}+00:00`;
  }

  merge(branch: string): string {
    this.day++;
    sh(this.root, ['merge', '-q', '--no-ff', '--no-edit', branch], this.date(this.day));
    return sh(this.root, ['rev-parse', 'HEAD']);
  }
}

export interface Loc {
  path: string;
  line: number;
  source: string;
  commit?: string;
  date?: string;
  presentAtHead?: boolean;
}
export interface F {
  id: string;
  ruleId: string;
  secret: { redacted: string };
  locations: Loc[];
  risks: Array<{ id: string; severity: string; message: string }>;
}
export interface R {
  findings: F[];
  notes: string[];
  summary: { credentials: number; headline?: string };
}

export async function auditJson(args: string[], env: Record<string, string> = {}) {
  const run = await cli(['audit', ...args, '--format', 'json', '--offline', '--threads', '1'], { env });
  return { ...run, report: run.stdout ? (JSON.parse(run.stdout) as R) : undefined };
}

/** A finding's id as the report contract defines it: sha256 of `provider NUL secret`, 24 hex digits. */
export const idOf = (provider: string, token: string) =>
  createHash('sha256').update(`${provider}\0${token}`).digest('hex').slice(0, 24);

/** The finding of one token (reports never carry the raw value; the id identifies it). */
export function findingFor(report: R, token: string, provider = 'github'): F | undefined {
  return report.findings.find((f) => f.id === idOf(provider, token));
}
