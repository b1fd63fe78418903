import type { Provider } from '../core/provider.js';
import { Secret } from '../core/secret.js';
import type { Candidate, Fragment } from '../core/types.js';
import { assignmentName } from './assignment.js';
import {
  type CompiledRule,
  contextWindow,
  contextWords,
  foldedWindows,
  keywordBoundary,
  keywordFollow,
  keywordPrecede,
} from './compile.js';
import { shannonEntropy } from './entropy.js';
import { LineIndex } from './lines.js';
import { isPlaceholder } from '../core/placeholders.js';
import { splitUserinfo } from '../core/userinfo.js';
import type { RegexGuard } from './guard.js';
import { KeywordAutomaton } from './keywords.js';
import { allMatches, type RawMatch } from './match.js';

const ALLOW_MARK = 'tokenscope:allow';

/** Where in a fragment a rule's regex runs: the whole text, or line windows around its context. */
interface Span {
  start: number;
  end: number;
}

/** One of an untrusted rule's regexes ran past the guard's budget: the rule stops for the fragment. */
class OverBudget extends Error {}

/** Marks a triggered rule that runs over the whole text (a shared, never-filled array). */
const WHOLE: number[] = [];

/** The lines holding the given byte offsets: their numbers (0-based) and byte ranges. */
function hitLines(bytes: Buffer, offsets: number[]): Array<{ line: number; start: number; end: number }> {
  offsets.sort((a, b) => a - b);
  const out: Array<{ line: number; start: number; end: number }> = [];
  let line = 0;
  let lineStart = 0;
  let nextNewline = bytes.indexOf(10);
  for (const off of offsets) {
    while (nextNewline !== -1 && nextNewline < off) {
      line++;
      lineStart = nextNewline + 1;
      nextNewline = bytes.indexOf(10, lineStart);
    }
    if (out[out.length - 1]?.line === line) continue;
    out.push({ line, start: lineStart, end: nextNewline === -1 ? bytes.length : nextNewline });
  }
  return out;
}

/**
 * Adds the lines `line - within` to `line + within` (clamped) to spans kept in order, merging
 * with the last one when they touch; returns where the added lines end.
 */
function addLines(spans: Span[], lines: LineIndex, line: number, within: number): number {
  const start = lines.lineStart(Math.max(0, line - within));
  const end = lines.lineEnd(Math.min(lines.count - 1, line + within));
  const last = spans[spans.length - 1];
  if (last && start <= last.end + 1) last.end = Math.max(last.end, end);
  else spans.push({ start, end });
  return end;
}

/**
 * The lines within `within` (0: only themselves) of each line holding one of the given byte
 * offsets, as character spans of the decoded text. Newlines are single bytes in UTF-8, so the
 * line numbers counted in the bytes are those of the text.
 */
function hitLineSpans(bytes: Buffer, offsets: number[], lines: LineIndex, within = 0): Span[] {
  const spans: Span[] = [];
  for (const { line } of hitLines(bytes, offsets)) addLines(spans, lines, line, within);
  return spans;
}

/**
 * The lines holding the given byte offsets, as byte ranges found around each offset: no newline
 * before the first one is visited, so a hit late in a large file costs its own line only.
 */
function hitLineRanges(bytes: Buffer, offsets: number[]): Array<{ start: number; end: number }> {
  offsets.sort((a, b) => a - b);
  const out: Array<{ start: number; end: number }> = [];
  let end = -1;
  for (const off of offsets) {
    // Sorted: a hit before the end of the line just found is on that line (a keyword holds no newline).
    if (off <= end) continue;
    const start = bytes.lastIndexOf(10, off) + 1;
    const next = bytes.indexOf(10, off);
    end = next === -1 ? bytes.length : next;
    out.push({ start, end });
  }
  return out;
}

/** The line number (0-based) of each given line start, counting the newlines before them once. */
function lineNumbers(bytes: Buffer, starts: number[]): Map<number, number> {
  const out = new Map<number, number>();
  let line = 0;
  let nextNewline = bytes.indexOf(10);
  for (const start of [...new Set(starts)].sort((a, b) => a - b)) {
    while (nextNewline !== -1 && nextNewline < start) {
      line++;
      nextNewline = bytes.indexOf(10, nextNewline + 1);
    }
    out.set(start, line);
  }
  return out;
}

/** The rules of database connection URLs (providers/database: `connectionUrlRule`) check their password with this validator. */
const CONNECTION_URL_VALIDATOR = 'db-password';

/**
 * Drops a token found inside a connection URL's password (a PlanetScale `pscale_pw_` in a
 * `mysql://` URL): it is that database's password, one credential, and the URL is what says
 * where it opens, so the URL's candidate stands for both. A token elsewhere on the line, or in
 * the URL's user or host, stays its own. The candidates are one fragment's: same path and commit.
 */
function withoutUrlPasswords(candidates: Candidate[], isUrl: (c: Candidate) => boolean): Candidate[] {
  const passwords: Array<{ line: number; start: number; end: number }> = [];
  for (const c of candidates) {
    if (!isUrl(c) || c.location.column === undefined) continue;
    const parts = splitUserinfo(c.secret.reveal());
    if (!parts?.hasPassword) continue;
    const start = c.location.column + parts.scheme.length + parts.user.length + 1;
    passwords.push({ line: c.location.line, start, end: start + parts.password.length });
  }
  if (passwords.length === 0) return candidates;
  const inside = (c: Candidate) =>
    !isUrl(c) &&
    c.location.column !== undefined &&
    passwords.some(
      (p) =>
        p.line === c.location.line && c.location.column! >= p.start && c.location.column! + c.secret.length <= p.end,
    );
  return candidates.filter((c) => !inside(c));
}

/** A run of lines around keyword hits (byte range), and the rules it is for. */
interface Block {
  start: number;
  end: number;
  rules: Set<CompiledRule>;
}

/** The block of `within` lines on each side of a hit line, found in the bytes (no decoding). */
function blockAround(bytes: Buffer, hit: { start: number; end: number }, within: number): Omit<Block, 'rules'> {
  let { start, end } = hit;
  for (let k = 0; k < within && start > 0; k++) {
    // `start - 1` is the newline ending the line before; that line starts after the one before it.
    const p = start >= 2 ? bytes.lastIndexOf(10, start - 2) : -1;
    start = p + 1;
  }
  for (let k = 0; k < within && end < bytes.length; k++) {
    const n = bytes.indexOf(10, end + 1);
    end = n === -1 ? bytes.length : n;
  }
  return { start, end };
}

/**
 * The words a rule's context must hold when checking for them spares work: a context rule whose
 * keywords do not already say its context (a line-scoped rule), whose context pattern is words (a
 * candidate's context, its name included, is text of the fragment, so a fragment without any of
 * them gives it nothing), none of them so short that it would be met everywhere.
 */
function requiredWords(rule: CompiledRule): string[] | undefined {
  if (rule.windowLines !== undefined && rule.spec.keywordScope !== 'line') return undefined;
  const words = contextWords(rule.spec);
  return words?.every((w) => w.length >= 4) ? words : undefined;
}

/**
 * Keyword automata already built in this thread, by their keyword lists. Building one takes 10-25
 * ms, and one process builds several detectors over the same rules: the agent guard's own and its
 * reasons' redaction (each hook call), the CLI's and its messages' redaction. An automaton's
 * scratch state is used only within one synchronous `locate`, so detectors can share one. A few
 * lists at most are kept (an org scan may meet a different config's rules in each repository).
 */
const automata = new Map<string, KeywordAutomaton>();
const AUTOMATA_KEPT = 4;

function automatonFor(words: string[], exact: boolean[]): KeywordAutomaton {
  // Unambiguous whatever a config's keywords hold (a separator inside one cannot fake another list).
  const key = JSON.stringify([words, exact]);
  let automaton = automata.get(key);
  if (!automaton) {
    automaton = new KeywordAutomaton(words, exact);
    if (automata.size >= AUTOMATA_KEPT) automata.delete(automata.keys().next().value!);
    automata.set(key, automaton);
  }
  return automaton;
}

/**
 * Whether the keyword hit ending at `end` may be where a match of the rule's regex has its
 * keyword: what comes just before it and just after it allow one (compile.ts: keywordBoundary,
 * keywordFollow, keywordPrecede).
 */
function mayStartMatch(r: CompiledRule, bytes: Uint8Array, end: number): boolean {
  const len = r.keywords[0]!.length;
  if (r.notBefore && end >= len && r.notBefore[bytes[end - len]!] === 1) return false;
  const precede = r.precede;
  if (precede) {
    // The run ends just before the keyword's first byte, at end - len + 1.
    const runStart = end - len + 1 - precede.count;
    if (runStart < 0) return false;
    for (let k = runStart; k <= end - len; k++) if (precede.allowed[bytes[k]!] !== 1) return false;
    if (runStart > 0 && precede.before[bytes[runStart - 1]!] === 1) return false;
  }
  const follow = r.follow;
  if (!follow) return true;
  if (end + follow.count >= bytes.length) return false;
  for (let k = 1; k <= follow.count; k++) if (follow.allowed[bytes[end + k]!] !== 1) return false;
  return follow.after === undefined || bytes[end + follow.count + 1] === follow.after;
}

/**
 * The rule engine. A keyword automaton pass over the raw bytes decides which rules may match
 * (most files contain no keyword at all, so most rules never run and most files are never
 * decoded), then each triggered rule's regex runs and its matches are checked: placeholder,
 * entropy, validator, context, allow mark. Rules that need context only run near it.
 */
export class Detector {
  private readonly automaton: KeywordAutomaton;
  private readonly rulesByKeyword: CompiledRule[][];
  /** Windowed rules whose windows go around this keyword's case-folded hits (`foldedWindows`). */
  private readonly windowRulesByKeyword: CompiledRule[][];
  /** Rules that need this word (case-folded) somewhere in a fragment: one of their context words. */
  private readonly contextRulesByKeyword: CompiledRule[][];
  private readonly pathRules: CompiledRule[];
  /**
   * The built-in path patterns joined into one: a path that matches none of them (nearly every
   * path) costs one test instead of one per rule. Undefined when they cannot be joined.
   */
  private readonly anyBuiltInPath?: RegExp;
  private readonly builtInPathRules = new Set<CompiledRule>();
  /** Rules without keywords (gitleaks rules may have none): their regex runs on every fragment. */
  private readonly alwaysRules: CompiledRule[];
  private readonly combiners: Map<string, NonNullable<Provider['combine']>>;
  /** Whether a candidate is a database connection URL's (its password may be another rule's token). */
  private readonly isConnectionUrl: (c: Candidate) => boolean;

  /** What the detector had to give up on (an untrusted rule over its time budget). */
  readonly notes: string[] = [];
  private readonly untrusted: Set<string>;

  /**
   * `guard`: runs the rules named in `untrusted` (from a config file) under a time limit; without
   * one they run like the built-in rules (a scanning thread already runs under a watchdog).
   */
  constructor(
    readonly rules: CompiledRule[],
    providers: Provider[] = [],
    private readonly guard?: RegexGuard,
    untrusted: Iterable<string> = [],
  ) {
    this.untrusted = new Set(untrusted);
    // Built-in context rules that can run on windows around their keywords (compile.ts says when).
    for (const r of rules) {
      if (this.untrusted.has(r.spec.id)) continue;
      r.windowLines = contextWindow(r.spec);
      r.notBefore = keywordBoundary(r.spec);
      r.follow = keywordFollow(r.spec);
      r.precede = keywordPrecede(r.spec);
    }
    const ids = new Map<string, number>();
    const words: string[] = [];
    const exact: boolean[] = [];
    this.rulesByKeyword = [];
    this.windowRulesByKeyword = [];
    this.contextRulesByKeyword = [];
    const keywordId = (kw: string, cs: boolean): number => {
      const key = `${cs ? 'exact' : 'folded'}\0${kw}`;
      let id = ids.get(key);
      if (id === undefined) {
        id = ids.size;
        ids.set(key, id);
        words.push(kw);
        exact.push(cs);
        this.rulesByKeyword.push([]);
        this.windowRulesByKeyword.push([]);
        this.contextRulesByKeyword.push([]);
      }
      return id;
    };
    for (const rule of rules) {
      const cs = rule.spec.keywordsCaseSensitive === true;
      for (const kw of rule.keywords) this.rulesByKeyword[keywordId(kw, cs)]!.push(rule);
      if (rule.windowLines !== undefined && foldedWindows(rule.spec)) {
        for (const kw of rule.keywords) this.windowRulesByKeyword[keywordId(kw.toLowerCase(), false)]!.push(rule);
      }
      const words = this.untrusted.has(rule.spec.id) ? undefined : requiredWords(rule);
      if (words) {
        rule.needsContextWords = true;
        for (const w of words) this.contextRulesByKeyword[keywordId(w, false)]!.push(rule);
      }
    }
    this.automaton = automatonFor(words, exact);
    this.pathRules = rules.filter((r) => r.pathRe);
    const builtIn = this.pathRules.filter((r) => !this.untrusted.has(r.spec.id));
    // Joined only when each stands alone: the same flags, no group names or back-references.
    if (
      builtIn.length > 1 &&
      builtIn.every((r) => r.pathRe!.flags === 'i' && !/\\[1-9k]|\(\?<[A-Za-z]/.test(r.pathRe!.source))
    ) {
      this.anyBuiltInPath = new RegExp(builtIn.map((r) => `(?:${r.pathRe!.source})`).join('|'), 'i');
      for (const r of builtIn) this.builtInPathRules.add(r);
    }
    this.alwaysRules = rules.filter((r) => r.keywords.length === 0);
    this.combiners = new Map(providers.filter((p) => p.combine).map((p) => [p.id, p.combine!.bind(p)]));
    const urlRules = new Set(rules.filter((r) => r.spec.validator === CONNECTION_URL_VALIDATOR).map((r) => r.spec.id));
    this.isConnectionUrl = (c) => urlRules.has(c.ruleId);
  }

  /**
   * Which rules the bytes' keywords (or the path) trigger, each with the byte offsets of its
   * keyword hits when the rule may run on those lines only (`WHOLE`: it runs on all the text).
   */
  private triggered(bytes: Uint8Array, meta: Omit<Fragment, 'text'>): Map<CompiledRule, number[]> {
    const hit = new Map<CompiledRule, number[]>(this.alwaysRules.map((r) => [r, WHOLE]));
    let folded: Map<CompiledRule, number[]> | undefined;
    let withContext: Set<CompiledRule> | undefined;
    for (const [id, offsets] of this.automaton.locate(bytes)) {
      for (const r of this.contextRulesByKeyword[id]!) {
        withContext ??= new Set();
        withContext.add(r);
      }
      for (const r of this.windowRulesByKeyword[id]!) {
        folded ??= new Map();
        const prev = folded.get(r);
        if (offsets.length === 0 || prev === WHOLE) folded.set(r, WHOLE);
        else if (prev) prev.push(...offsets);
        else folded.set(r, [...offsets]);
      }
      for (const r of this.rulesByKeyword[id]!) {
        const lineScoped =
          offsets.length > 0 && ((r.spec.keywordScope === 'line' && !r.contextRe) || r.windowLines !== undefined);
        let own = offsets;
        if (lineScoped && (r.notBefore || r.follow || r.precede)) {
          // Hits inside a longer word, or without what the regex needs before or after them, cannot be its match's.
          own = offsets.filter((end) => mayStartMatch(r, bytes, end));
          if (own.length === 0) continue;
        }
        const prev = hit.get(r);
        if (!lineScoped || prev === WHOLE) hit.set(r, WHOLE);
        else if (prev) prev.push(...own);
        else hit.set(r, [...own]);
      }
    }
    // No context word anywhere: no candidate can have context here (the path is checked below).
    for (const r of hit.keys()) if (r.needsContextWords && !withContext?.has(r)) hit.delete(r);
    // Its exact hits decided that the rule runs; its windows go around every case-folded hit (a superset).
    for (const [r, offsets] of folded ?? []) {
      const own = hit.get(r);
      if (own !== undefined && own !== WHOLE) hit.set(r, offsets);
    }
    if (this.pathRules.length) {
      const posix = meta.path.replaceAll('\\', '/');
      const noBuiltIn = this.anyBuiltInPath !== undefined && !this.anyBuiltInPath.test(posix);
      for (const r of this.pathRules) {
        if (noBuiltIn && this.builtInPathRules.has(r)) continue;
        try {
          if (this.test(r, r.pathRe!, posix)) hit.set(r, WHOLE);
        } catch (e) {
          if (!(e instanceof OverBudget)) throw e;
          this.stopped(r, meta);
          hit.delete(r);
        }
      }
    }
    for (const r of hit.keys()) {
      if (!r.onlyPathRe) continue;
      try {
        if (!this.test(r, r.onlyPathRe, meta.path.replaceAll('\\', '/'))) hit.delete(r);
      } catch (e) {
        if (!(e instanceof OverBudget)) throw e;
        this.stopped(r, meta);
        hit.delete(r);
      }
    }
    return hit;
  }

  /** Scans a fragment already decoded to text. */
  scan(fragment: Fragment): Candidate[] {
    const bytes = Buffer.from(fragment.text, 'utf8');
    const rules = this.triggered(bytes, fragment);
    return rules.size ? this.run(fragment, bytes, rules) : [];
  }

  /**
   * Scans UTF-8 bytes; they are decoded only when a keyword is found, and then only the lines
   * that hold one when every triggered rule is line-scoped.
   */
  scanBytes(bytes: Buffer, meta: Omit<Fragment, 'text'>): Candidate[] {
    const rules = this.triggered(bytes, meta);
    if (rules.size === 0) return [];
    for (const hits of rules.values()) {
      if (hits === WHOLE) return this.run({ ...meta, text: bytes.toString('utf8') }, bytes, rules);
    }
    return this.runOnLines(bytes, meta, rules);
  }

  /**
   * Decodes and scans only the lines that hold a keyword, each rule on its own keywords' lines.
   * Each run of lines is scanned as if it began the fragment (line 0); the lines before the ones
   * where something was found are counted afterwards, so a file whose hits find nothing is never
   * walked line by line.
   */
  private runOnLines(bytes: Buffer, meta: Omit<Fragment, 'text'>, rules: Map<CompiledRule, number[]>): Candidate[] {
    // Keyed by the line's first byte.
    const byLine = new Map<number, { end: number; rules: Map<CompiledRule, number[]> }>();
    const blocks: Block[] = [];
    for (const [rule, hits] of rules) {
      for (const l of hitLineRanges(bytes, hits)) {
        if (rule.windowLines !== undefined) {
          blocks.push({ ...blockAround(bytes, l, rule.windowLines), rules: new Set([rule]) });
          continue;
        }
        let entry = byLine.get(l.start);
        if (!entry) {
          entry = { end: l.end, rules: new Map() };
          byLine.set(l.start, entry);
        }
        entry.rules.set(rule, WHOLE);
      }
    }
    const found: Array<{ start: number; candidates: Candidate[] }> = [];
    const scanPart = (start: number, end: number, partRules: Map<CompiledRule, number[]>) => {
      const text = bytes.toString('utf8', start, end);
      const candidates = this.matches({ ...meta, text, firstLine: 0 }, partRules);
      if (candidates.length) found.push({ start, candidates });
    };
    for (const [start, { end, rules: lineRules }] of byLine) scanPart(start, end, lineRules);
    // Context rules on the lines around their keywords: overlapping blocks decoded once, each
    // rule run there as it would run on the whole text (its context windows found inside).
    blocks.sort((a, b) => a.start - b.start);
    const merged: Block[] = [];
    for (const b of blocks) {
      const last = merged[merged.length - 1];
      if (last && b.start <= last.end + 1) {
        last.end = Math.max(last.end, b.end);
        for (const r of b.rules) last.rules.add(r);
      } else merged.push(b);
    }
    for (const b of merged) scanPart(b.start, b.end, new Map([...b.rules].map((r) => [r, WHOLE])));
    if (found.length === 0) return [];
    const lineOf = lineNumbers(
      bytes,
      found.map((f) => f.start),
    );
    const out: Candidate[] = [];
    for (const { start, candidates } of found) {
      const first = (meta.firstLine ?? 1) + lineOf.get(start)!;
      for (const c of candidates) {
        c.location.line += first;
        out.push(c);
      }
    }
    return this.combine(out);
  }

  private spans(rule: CompiledRule, fragment: Fragment, bytes: Buffer, hits: number[], lines: () => LineIndex): Span[] {
    const whole = [{ start: 0, end: fragment.text.length }];
    if (hits !== WHOLE) return hitLineSpans(bytes, hits, lines(), rule.windowLines ?? 0);
    if (!rule.contextGlobalRe || (rule.pathRe && this.test(rule, rule.pathRe, fragment.path.replaceAll('\\', '/'))))
      return whole;
    const index = lines();
    const within = rule.spec.context!.withinLines;
    const spans: Span[] = [];
    /**
     * Adds the window around each line holding a context hit; returns where that line ends. A hit
     * inside the window before still widens it (its own window reaches further), so only the rest
     * of its own line is skipped.
     */
    let lastLine = -1;
    const around = (at: number): number => {
      const line = index.lineOf(at);
      if (line !== lastLine) addLines(spans, index, line, within);
      lastLine = line;
      return index.lineEnd(line);
    };
    const re = rule.contextGlobalRe;
    if (this.isGuarded(rule)) {
      for (const m of this.all(rule, re, fragment.text)) around(m.index);
      return spans;
    }
    re.lastIndex = 0;
    for (let m = re.exec(fragment.text); m !== null; m = re.exec(fragment.text)) {
      if (m[0].length === 0) re.lastIndex++;
      re.lastIndex = Math.max(re.lastIndex, around(m.index));
    }
    return spans;
  }

  private run(fragment: Fragment, bytes: Buffer, rules: Map<CompiledRule, number[]>): Candidate[] {
    return this.combine(this.matches(fragment, rules, bytes));
  }

  private matches(fragment: Fragment, rules: Map<CompiledRule, number[]>, bytes?: Buffer): Candidate[] {
    const { text } = fragment;
    let index: LineIndex | undefined;
    const lines = () => (index ??= new LineIndex(text));
    const out: Candidate[] = [];
    for (const [rule, hits] of rules) {
      // A rule stopped half-way keeps what it found before its budget ran out.
      const found: Candidate[] = [];
      try {
        for (const span of this.spans(rule, fragment, bytes!, hits, lines)) {
          const hay = span.start === 0 && span.end === text.length ? text : text.slice(span.start, span.end);
          for (const m of this.all(rule, rule.re, hay)) {
            const secret = m.groups.secret;
            if (!secret || !this.plausible(rule, secret)) continue;
            const start = span.start + m.index + m.text.indexOf(secret);
            const c = this.candidate(rule, fragment, lines(), start, secret, m);
            if (c) found.push(c);
          }
        }
      } catch (e) {
        if (!(e instanceof OverBudget)) throw e;
        this.stopped(rule, fragment);
      }
      out.push(...found);
    }
    return out;
  }

  /** The config's own rules run under the guard (when there is one): every regex of theirs. */
  private isGuarded(rule: CompiledRule): boolean {
    return this.guard !== undefined && this.untrusted.has(rule.spec.id);
  }

  private all(rule: CompiledRule, re: RegExp, hay: string): RawMatch[] {
    if (!this.isGuarded(rule)) return allMatches(re, hay);
    const found = this.guard!.run(re, hay);
    if (found === 'timeout') throw new OverBudget();
    return found;
  }

  private test(rule: CompiledRule, re: RegExp, hay: string): boolean {
    if (!this.isGuarded(rule)) return re.test(hay);
    const hit = this.guard!.test(re, hay);
    if (hit === 'timeout') throw new OverBudget();
    return hit;
  }

  private stopped(rule: CompiledRule, where: Omit<Fragment, 'text'>): void {
    this.notes.push(
      `rule ${rule.spec.id} stopped on ${where.path}${where.commit ? `@${where.commit.slice(0, 7)}` : ''}: over its ${this.guard!.budgetMs} ms budget (a catastrophic regex?)`,
    );
  }

  private candidate(
    rule: CompiledRule,
    fragment: Fragment,
    lines: LineIndex,
    start: number,
    secret: string,
    match: RawMatch,
  ): Candidate | undefined {
    const { text } = fragment;
    const { groups } = match;
    const line = lines.lineOf(start);
    const lineStart = lines.lineStart(line);
    const lineText = text.slice(lineStart, lines.lineEnd(line));
    if (lineText.includes(ALLOW_MARK)) return undefined;
    if (rule.allow && this.allowed(rule, fragment, { secret, match: match.text, line: lineText })) return undefined;
    const name = assignmentName(text.slice(lineStart, start));
    // The name the value is assigned to outranks the lines around it: `HEROKU_API_KEY=<uuid>` under
    // a "railway" comment is Heroku's, `RAILWAY_PROJECT_ID=<uuid>` an identifier, not a token.
    if (name && rule.excludeNamesRe && this.test(rule, rule.excludeNamesRe, name)) return undefined;
    if (rule.contextRe && !this.hasContext(rule, fragment.path, name, lines, line)) return undefined;
    const candidate: Candidate = {
      ruleId: rule.spec.id,
      provider: rule.spec.provider,
      kind: rule.spec.kind,
      secret: new Secret(secret, rule.spec.redaction),
      context: name ? { name } : {},
      location: {
        path: fragment.path,
        line: line + (fragment.firstLine ?? 1),
        column: start - lineStart + 1,
        source: fragment.source,
        ...(fragment.commit ? { commit: fragment.commit } : {}),
        ...(fragment.date ? { date: fragment.date } : {}),
      },
    };
    for (const part of rule.spec.parts ?? []) {
      const v = groups[part];
      if (v) candidate.parts = { ...candidate.parts, [part]: new Secret(v) };
    }
    return candidate;
  }

  /** Whether one of the rule's own exclusions (`spec.allow`) covers this match. */
  private allowed(rule: CompiledRule, where: Omit<Fragment, 'text'>, hay: Record<'secret' | 'match' | 'line', string>) {
    const path = where.path.replaceAll('\\', '/');
    const secret = hay.secret.toLowerCase();
    return rule.allow!.some((a) => {
      const checks: Array<() => boolean> = [];
      if (a.regexes.length) checks.push(() => a.regexes.some((re) => this.test(rule, re, hay[a.regexTarget])));
      if (a.stopwords.length) checks.push(() => a.stopwords.some((w) => secret.includes(w)));
      if (a.paths.length) checks.push(() => a.paths.some((re) => this.test(rule, re, path)));
      if (a.commits.length) {
        const commit = where.commit ?? '';
        checks.push(() => commit !== '' && a.commits.some((c) => commit.startsWith(c) || c.startsWith(commit)));
      }
      if (checks.length === 0) return false;
      return a.all ? checks.every((f) => f()) : checks.some((f) => f());
    });
  }

  private plausible(rule: CompiledRule, secret: string): boolean {
    if (rule.spec.placeholders !== 'validator' && isPlaceholder(secret)) return false;
    if (rule.spec.entropy !== undefined && shannonEntropy(secret) < rule.spec.entropy) return false;
    if (rule.validator && !rule.validator(secret)) return false;
    return true;
  }

  private hasContext(rule: CompiledRule, path: string, name: string | undefined, lines: LineIndex, line: number) {
    if (rule.pathRe && this.test(rule, rule.pathRe, path.replaceAll('\\', '/'))) return true;
    if (name && this.test(rule, rule.contextRe!, name)) return true;
    const within = rule.spec.context!.withinLines;
    return this.test(rule, rule.contextRe!, lines.slice(line - within, line + within));
  }

  private combine(found: Candidate[]): Candidate[] {
    const candidates = found.length < 2 ? found : withoutUrlPasswords(found, this.isConnectionUrl);
    if (candidates.length < 2 || this.combiners.size === 0) return candidates;
    const byProvider = new Map<string, Candidate[]>();
    for (const c of candidates) {
      const list = byProvider.get(c.provider) ?? [];
      list.push(c);
      byProvider.set(c.provider, list);
    }
    const out: Candidate[] = [];
    for (const [provider, list] of byProvider) {
      const combine = this.combiners.get(provider);
      out.push(...(combine && list.length > 1 ? combine(list) : list));
    }
    return out;
  }
}
