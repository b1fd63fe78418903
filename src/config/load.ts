import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { DEFAULT_POLICY, type Policy } from '../assess/policy.js';
import type { RuleSpec } from '../core/rule.js';
import { describeErrors, schemaValidator } from './ajv.js';
import { DEFAULT_FILE_BUDGET_MS, DEFAULT_MAX_FILE_SIZE, DEFAULT_SKIP } from './defaults.js';

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
  rules?: RuleSpec[];
  inspect?: { concurrency?: number; timeoutMs?: number; budgetMs?: number };
  policy?: Partial<Policy>;
}

/** Config after validation and defaults: what the core reads. */
export interface Config {
  file?: string;
  skip: string[];
  maxFileSize: number;
  fileBudgetMs: number;
  allowlist: { paths: string[]; rules: string[]; fingerprints: string[] };
  rules: RuleSpec[];
  inspect: { concurrency: number; timeoutMs: number; budgetMs: number };
  policy: Policy;
}

const CANDIDATES = ['.tokenscope.yml', '.tokenscope.yaml', '.tokenscope.json'];

/** The config file in `root`; more than one is an error (which one counts would be a guess). */
export function findConfig(root: string): string | undefined {
  const found = CANDIDATES.filter((n) => existsSync(join(root, n)));
  if (found.length > 1) throw new UsageError(`${root}: ${found.join(' and ')}: more than one config file; keep one`);
  return found[0] && join(root, found[0]);
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
  if (file) {
    let parsed: unknown;
    try {
      parsed = file.endsWith('.json') ? JSON.parse(text) : YAML.parse(text, { maxAliasCount: 100 });
    } catch (e) {
      const format = file.endsWith('.json') ? 'JSON' : 'YAML';
      throw new UsageError(`${file}: not valid ${format}: ${String((e as Error).message).split('\n')[0]}`);
    }
    parsed ??= {};
    const validate = schemaValidator('config.schema.json');
    if (!validate(parsed)) throw new UsageError(`${file}: ${describeErrors(validate.errors).join('; ')}`);
    raw = parsed as ConfigFile;
  }
  return {
    ...(file ? { file } : {}),
    skip: [...(raw.scan?.skip ?? DEFAULT_SKIP), ...(raw.scan?.extraSkip ?? [])],
    maxFileSize: raw.scan?.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
    fileBudgetMs: raw.scan?.fileBudgetMs ?? DEFAULT_FILE_BUDGET_MS,
    allowlist: {
      paths: raw.allowlist?.paths ?? [],
      rules: raw.allowlist?.rules ?? [],
      fingerprints: raw.allowlist?.fingerprints ?? [],
    },
    rules: raw.rules ?? [],
    inspect: {
      concurrency: raw.inspect?.concurrency ?? 4,
      timeoutMs: raw.inspect?.timeoutMs ?? 10_000,
      budgetMs: raw.inspect?.budgetMs ?? 60_000,
    },
    policy: {
      ...DEFAULT_POLICY,
      ...raw.policy,
      severities: { ...DEFAULT_POLICY.severities, ...raw.policy?.severities },
    },
  };
}
