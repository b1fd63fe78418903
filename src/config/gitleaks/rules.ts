import type { RuleAllow, RulePattern, RuleSpec } from '../../core/rule.js';
import { RegexConversionError, convertRegex } from './regex.js';

/**
 * A gitleaks configuration (TOML, already parsed) turned into tokenscope rules: each `[[rules]]`
 * keeps its regex (rewritten from RE2), secret group, keywords, entropy, path and allowlists; the
 * top-level allowlists become exclusions of every rule they target. What has no equivalent is
 * refused with the rule and field named, never dropped silently.
 */

/** One problem, naming the field; the config loader adds the file and makes it a UsageError. */
export class GitleaksError extends Error {}

type Table = Record<string, unknown>;

const isTable = (v: unknown): v is Table => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A rule id safe to echo: a hostile file could put terminal escapes in one. */
function shown(id: unknown, index: number): string {
  return typeof id === 'string' && /^[\w.-]{1,64}$/.test(id) ? `rule "${id}"` : `rule #${index + 1}`;
}

const fail = (where: string, field: string, why: string): never => {
  throw new GitleaksError(`${where}field "${field}" ${why}`);
};

/** Reads a table's fields, naming the field (with its prefix) in every complaint. */
class Fields {
  constructor(
    private readonly t: Table,
    private readonly where: string,
    private readonly prefix = '',
  ) {}

  fail(key: string, why: string): never {
    return fail(this.where, this.prefix + key, why);
  }

  string(key: string): string | undefined {
    const v = this.t[key];
    if (v === undefined) return undefined;
    if (typeof v !== 'string' || v.length === 0) this.fail(key, 'must be a non-empty string');
    return v as string;
  }

  strings(key: string): string[] {
    const v = this.t[key];
    if (v === undefined) return [];
    if (!Array.isArray(v) || v.some((s) => typeof s !== 'string' || s.length === 0))
      this.fail(key, 'must be a list of non-empty strings');
    return v as string[];
  }

  number(key: string, min: number, max: number, integer = false): number | undefined {
    const v = this.t[key];
    if (v === undefined) return undefined;
    const n = Number(v);
    if (
      (typeof v !== 'number' && typeof v !== 'bigint') ||
      !(n >= min && n <= max) ||
      (integer && !Number.isInteger(n))
    )
      this.fail(key, `must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}`);
    return n;
  }

  /** An RE2 pattern as a JavaScript one; `secretGroup` as convertRegex takes it. */
  regex(key: string, value: string, secretGroup?: number): RulePattern {
    try {
      const { source, flags } = convertRegex(value, secretGroup);
      return flags ? { regex: source, flags } : { regex: source };
    } catch (e) {
      if (e instanceof RegexConversionError) this.fail(key, `(regex) ${e.message}`);
      throw e;
    }
  }
}

/** One gitleaks allowlist table as a tokenscope exclusion. */
function convertAllow(t: unknown, where: string, prefix: string): RuleAllow {
  if (!isTable(t)) return fail(where, prefix.slice(0, -1), 'must be a table');
  const f = new Fields(t, where, prefix);
  const out: RuleAllow = {};
  const condition = f.string('condition')?.toLowerCase();
  if (condition !== undefined && condition !== 'or' && condition !== 'and') f.fail('condition', 'must be OR or AND');
  if (condition === 'and') out.condition = 'and';
  const target = f.string('regexTarget');
  if (target !== undefined && target !== 'secret' && target !== 'match' && target !== 'line')
    f.fail('regexTarget', 'must be secret, match or line');
  if (target) out.regexTarget = target as NonNullable<RuleAllow['regexTarget']>;
  // Pattern fields keep no secret group: only whether they match counts (group -1: none made).
  const regexes = f.strings('regexes').map((r, i) => f.regex(`regexes[${i}]`, r, -1));
  if (regexes.length) out.regexes = regexes;
  const stopwords = f.strings('stopwords');
  if (stopwords.length) out.stopwords = stopwords;
  const paths = f.strings('paths').map((p, i) => f.regex(`paths[${i}]`, p, -1));
  if (paths.length) out.paths = paths;
  const commits = f.strings('commits').map((c) => c.toLowerCase());
  if (commits.some((c) => !/^[0-9a-f]{4,64}$/.test(c))) f.fail('commits', 'must hold commit ids (hex)');
  if (commits.length) out.commits = commits;
  return out;
}

/** A table or a list of tables (gitleaks has `[allowlist]` and, newer, `[[allowlists]]`). */
function allowTables(t: Table, where: string, prefix: string): RuleAllow[] {
  const out: RuleAllow[] = [];
  if (t.allowlist !== undefined) out.push(convertAllow(t.allowlist, where, `${prefix}allowlist.`));
  if (t.allowlists !== undefined) {
    if (!Array.isArray(t.allowlists)) fail(where, `${prefix}allowlists`, 'must be a list of tables');
    for (const [i, a] of (t.allowlists as unknown[]).entries()) {
      out.push(convertAllow(a, where, `${prefix}allowlists[${i}].`));
    }
  }
  return out;
}

/** A gitleaks id as a tokenscope rule id (lower-case words joined by dashes). */
function slug(id: string): string {
  return id
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const MAX_RULES = 2000;

/**
 * The rules of a parsed gitleaks file. `provider`: the name their findings carry (a config rule
 * may not claim a built-in provider; the loader checks).
 */
export function convertGitleaks(doc: Table, provider: string): RuleSpec[] {
  const extend = doc.extend;
  if (extend !== undefined) {
    if (!isTable(extend)) fail('', 'extend', 'must be a table');
    // useDefault / disabledRules name gitleaks' own rule set; tokenscope's built-in rules run anyway.
    if ((extend as Table).path !== undefined || (extend as Table).url !== undefined)
      fail('', 'extend.path', "is not supported: copy the extended file's rules into this one");
  }
  const globalAllows = allowTables(doc, '', '').map((a, i) => ({ allow: a, targets: targetRules(doc, i) }));
  const rules = doc.rules ?? [];
  if (!Array.isArray(rules)) return fail('', 'rules', 'must be a list of [[rules]] tables');
  if (rules.length > MAX_RULES) fail('', 'rules', `holds more than ${MAX_RULES} rules`);
  const seen = new Set<string>();
  return rules.map((r: unknown, index) => {
    const where = `${shown(isTable(r) ? r.id : undefined, index)}: `;
    if (!isTable(r)) return fail(where, `rules[${index}]`, 'must be a table');
    const f = new Fields(r, where);
    const id = f.string('id') ?? f.fail('id', 'is missing');
    // Prefixed with the provider: a file holding copies of gitleaks' own rules (github-pat...)
    // would otherwise clash with tokenscope's built-in ids.
    const base = slug(id);
    if (!base) f.fail('id', 'has no letter or digit');
    const ruleId = base.startsWith(`${provider}-`) ? base : `${provider}-${base}`;
    if (seen.has(ruleId)) f.fail('id', `is used twice (as ${ruleId})`);
    seen.add(ruleId);
    if (r.required !== undefined) f.fail('required', 'is not supported (composite rules)');
    const source = f.string('regex') ?? f.fail('regex', 'is missing (rules matching only a path are not supported)');
    const secretGroup = f.number('secretGroup', 0, 99, true);
    // gitleaks reads 0 as unset: then the first capturing group, or the whole match without one.
    const { regex, flags } = f.regex('regex', source, secretGroup || undefined);
    const keywords = f.strings('keywords').map((k) => k.toLowerCase());
    if (keywords.some((k) => k.length < 2)) f.fail('keywords', 'must hold words of 2 characters or more');
    const entropy = f.number('entropy', 0, 8);
    const path = f.string('path');
    const allow = [
      ...allowTables(r, where, ''),
      ...globalAllows.filter((g) => !g.targets || g.targets.includes(id)).map((g) => g.allow),
    ];
    const spec: RuleSpec = {
      id: ruleId,
      provider,
      kind: id,
      description: f.string('description') ?? `gitleaks rule ${ruleId}`,
      keywords,
      regex,
      ...(flags ? { flags } : {}),
      ...(entropy !== undefined ? { entropy } : {}),
      ...(path ? { path: f.regex('path', path, -1) } : {}),
      ...(allow.length ? { allow } : {}),
      confidence: 'context',
      examples: { truePositives: [], falsePositives: [] },
    };
    return spec;
  });
}

/** The rule ids a top-level allowlist is limited to (`targetRules`), or undefined for all rules. */
function targetRules(doc: Table, index: number): string[] | undefined {
  const tables = [...(doc.allowlist !== undefined ? [doc.allowlist] : []), ...((doc.allowlists as unknown[]) ?? [])];
  const single = doc.allowlist !== undefined ? 1 : 0;
  const f = new Fields(tables[index] as Table, '', index < single ? 'allowlist.' : `allowlists[${index - single}].`);
  const targets = f.strings('targetRules');
  return targets.length ? targets : undefined;
}
