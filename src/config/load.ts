import { lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { PROVIDERS } from '../../providers/registry.js';
import { DEFAULT_POLICY, type Policy } from '../assess/policy.js';
import type { RuleSpec } from '../core/rule.js';
import { describeErrors, schemaValidator } from './ajv.js';
import { loadGitleaksRules } from './gitleaks/load.js';
import { DEFAULT_FILE_BUDGET_MS, DEFAULT_MAX_CREDENTIALS, DEFAULT_MAX_FILE_SIZE, DEFAULT_SKIP } from './defaults.js';

/** Bad input from the user: one line naming the file, field or flag; exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The raw config file, as schemas/config.schema.json describes it. */
export interface ConfigFile {
  version?: 1;
  scan?: { skip?: string[]; extraSkip?: string[]; maxFileSize?: number; fileBudgetMs?: number };
  allowlist?: { paths?: string[]; rules?: string[]; fingerprints?: string[] };
  rules?: Array<RuleSpec | GitleaksEntry>;
  inspect?: { concurrency?: number; timeoutMs?: number; budgetMs?: number; maxCredentials?: number };
  policy?: Partial<Policy>;
}

/** A `rules` entry naming a gitleaks TOML file whose rules join the config's. */
interface GitleaksEntry {
  gitleaks: string;
  provider?: string;
}

/** The config's rules, each gitleaks entry replaced by the rules of its file. */
function expandRules(file: string, rules: Array<RuleSpec | GitleaksEntry>): RuleSpec[] {
  return rules.flatMap((r, i) => {
    if (!('gitleaks' in r)) return [r];
    return loadGitleaksRules(
      file,
      r.gitleaks,
      r.provider ?? 'gitleaks',
      (m) => new UsageError(`${file}: rules.${i}.gitleaks: ${m}`),
    );
  });
}

/** Config after validation and defaults: what the core reads. */
export interface Config {
  file?: string;
  /**
   * Globs the user set (`scan.skip`, `scan.extraSkip`): never read, in any mode. Tracked files,
   * history, ranges and the index honour these and only these.
   */
  skip: string[];
  /**
   * The built-in list (src/config/defaults.ts), unless `scan.skip` replaced it: applies only to
   * untracked and ignored working-tree content (see src/sources/skip.ts), never to what git holds.
   */
  defaultSkip: string[];
  maxFileSize: number;
  fileBudgetMs: number;
  allowlist: { paths: string[]; rules: string[]; fingerprints: string[] };
  rules: RuleSpec[];
  inspect: { concurrency: number; timeoutMs: number; budgetMs: number; maxCredentials: number };
  policy: Policy;
}

const CANDIDATES = ['.tokenscope.yml', '.tokenscope.yaml', '.tokenscope.json'];

/**
 * The config file at the root of a scanned tree. A symbolic link is refused, not followed: the
 * tree is not ours to trust, and its link could make us read (and echo, in errors) any file.
 * A file named with --config is the user's own choice and may be a link. More than one config
 * file in the root is an error.
 */
export function findConfig(root: string): string | undefined {
  const found: string[] = [];
  for (const name of CANDIDATES) {
    const p = join(root, name);
    let isLink: boolean;
    try {
      isLink = lstatSync(p).isSymbolicLink();
    } catch {
      continue; // no such file
    }
    if (isLink) throw new UsageError(`${p}: a config file that is a symbolic link is not read`);
    found.push(name);
  }
  // More than one is an error: which one counts would be a guess.
  if (found.length > 1) throw new UsageError(`${root}: ${found.join(' and ')}: more than one config file; keep one`);
  return found[0] && join(root, found[0]);
}

/** Line and column (1-based) of a character offset. */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${before[before.length - 1]!.length + 1}`;
}

/** Whether `prefix` could begin a valid JSON text (it parses, or only ends too soon). */
function viableJson(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return true;
  } catch (e) {
    return /end of JSON input|Unterminated/i.test((e as Error).message);
  }
}

/**
 * Where JSON.parse gave up, when its message does not say (V8 quotes the text instead): the
 * longest prefix that could still begin valid JSON ends there.
 */
function jsonErrorOffset(text: string): number {
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (viableJson(text.slice(0, mid))) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Where a config file fails to parse, never what it holds: parsers quote the text around the error,
 * which could be a secret (or another file's content through a link).
 */
function parseFailure(file: string, text: string, e: unknown): UsageError {
  if (file.endsWith('.json')) {
    const position = /at position (\d+)/.exec(String((e as Error).message))?.[1];
    const offset = position !== undefined ? Number(position) : jsonErrorOffset(text);
    return new UsageError(`${file}: not valid JSON at ${lineColumn(text, offset)}`);
  }
  const err = e as { linePos?: Array<{ line: number; col: number }>; code?: string };
  const pos = err.linePos?.[0];
  const code = typeof err.code === 'string' && /^[A-Z_]+$/.test(err.code) ? ` (${err.code})` : '';
  return new UsageError(`${file}: not valid YAML${pos ? ` at line ${pos.line}, column ${pos.col}` : ''}${code}`);
}

/**
 * A config rule names its own provider, never a built-in one: a matched value is sent to its
 * provider's API, so a rule in a scanned repository's config could otherwise relabel any value
 * (the user's own RAILWAY_TOKEN from the environment) as GitHub's and send it to GitHub. Config
 * rules' providers have no inspector: their matches are reported, never sent anywhere.
 */
function refuseBuiltInProviders(file: string, rules: RuleSpec[]): void {
  const builtIn = new Set(PROVIDERS.map((p) => p.id));
  rules.forEach((r, i) => {
    if (builtIn.has(r.provider))
      throw new UsageError(
        `${file}: field "rules.${i}.provider" names the built-in provider "${r.provider}"; a config rule needs a provider name of its own`,
      );
  });
}

/** Reads, parses and validates a config file; every problem is gathered into one line. */
export function loadConfig(file: string | undefined): Config {
  if (!file) return parseConfig(undefined, '');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`${file}: cannot read config (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return parseConfig(file, text);
}

/** Parses and validates config text named `file` (JSON when it ends in .json, YAML otherwise). */
export function parseConfig(file: string | undefined, text: string): Config {
  let raw: ConfigFile = {};
  let rules: RuleSpec[] = [];
  if (file) {
    let parsed: unknown;
    try {
      parsed = file.endsWith('.json') ? JSON.parse(text) : YAML.parse(text, { maxAliasCount: 100 });
    } catch (e) {
      throw parseFailure(file, text, e);
    }
    parsed ??= {};
    const validate = schemaValidator('config.schema.json');
    if (!validate(parsed)) throw new UsageError(`${file}: ${describeErrors(validate.errors).join('; ')}`);
    raw = parsed as ConfigFile;
    rules = expandRules(file, raw.rules ?? []);
    refuseBuiltInProviders(file, rules);
  }
  return {
    ...(file ? { file } : {}),
    skip: [...(raw.scan?.skip ?? []), ...(raw.scan?.extraSkip ?? [])],
    defaultSkip: raw.scan?.skip ? [] : [...DEFAULT_SKIP],
    maxFileSize: raw.scan?.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
    fileBudgetMs: raw.scan?.fileBudgetMs ?? DEFAULT_FILE_BUDGET_MS,
    allowlist: {
      paths: raw.allowlist?.paths ?? [],
      rules: raw.allowlist?.rules ?? [],
      fingerprints: raw.allowlist?.fingerprints ?? [],
    },
    rules,
    inspect: {
      concurrency: raw.inspect?.concurrency ?? 4,
      timeoutMs: raw.inspect?.timeoutMs ?? 10_000,
      budgetMs: raw.inspect?.budgetMs ?? 60_000,
      maxCredentials: raw.inspect?.maxCredentials ?? DEFAULT_MAX_CREDENTIALS,
    },
    policy: {
      ...DEFAULT_POLICY,
      ...raw.policy,
      severities: { ...DEFAULT_POLICY.severities, ...raw.policy?.severities },
      // A run adds whose code it scans: its own list, never the defaults' (an org scan audits
      // many repositories in one process, and each would inherit the owners before it).
      scannedOwners: [...(raw.policy?.scannedOwners ?? DEFAULT_POLICY.scannedOwners)],
    },
  };
}
