import type { Provider } from '../core/provider.js';
import { Secret } from '../core/secret.js';
import type { Candidate, Fragment } from '../core/types.js';
import { assignmentName } from './assignment.js';
import type { CompiledRule } from './compile.js';
import { shannonEntropy } from './entropy.js';
import { LineIndex } from './lines.js';
import { isPlaceholder } from './placeholders.js';

const ALLOW_MARK = 'tokenscope:allow';

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * The rule engine. One pass of a keyword union over the text decides which rules may match
 * (most text contains no keyword at all, so most rules never run), then each triggered rule's
 * regex runs and its matches are checked: placeholder, entropy, validator, context, allow mark.
 */
export class Detector {
  private readonly keywordRe: RegExp;
  private readonly byKeyword = new Map<string, CompiledRule[]>();
  private readonly combiners: Map<string, NonNullable<Provider['combine']>>;

  constructor(
    readonly rules: CompiledRule[],
    providers: Provider[] = [],
  ) {
    for (const rule of rules) {
      for (const kw of rule.keywords) {
        const list = this.byKeyword.get(kw) ?? [];
        list.push(rule);
        this.byKeyword.set(kw, list);
      }
    }
    // Longest first, so a keyword that extends another (sk-ant- over sk-) is the one reported.
    const kws = [...this.byKeyword.keys()].sort((a, b) => b.length - a.length);
    this.keywordRe = new RegExp(kws.map(escapeRegex).join('|') || '(?!)', 'gi');
    this.combiners = new Map(providers.filter((p) => p.combine).map((p) => [p.id, p.combine!.bind(p)]));
  }

  /** Which rules the fragment's keywords trigger. */
  private triggered(text: string): Set<CompiledRule> {
    const hit = new Set<CompiledRule>();
    const seen = new Set<string>();
    const re = this.keywordRe;
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const kw = m[0].toLowerCase();
      if (seen.has(kw)) continue;
      seen.add(kw);
      for (const r of this.byKeyword.get(kw)!) hit.add(r);
      if (seen.size === this.byKeyword.size) break;
    }
    return hit;
  }

  scan(fragment: Fragment): Candidate[] {
    const { text } = fragment;
    const rules = this.triggered(text);
    if (rules.size === 0) return [];
    let lines: LineIndex | undefined;
    const out: Candidate[] = [];
    for (const rule of rules) {
      const re = rule.re;
      re.lastIndex = 0;
      for (let m = re.exec(text); m !== null; m = re.exec(text)) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        const secret = m.groups?.secret;
        if (!secret || !this.plausible(rule, secret)) continue;
        const start = m.index + m[0].indexOf(secret);
        lines ??= new LineIndex(text);
        const line = lines.lineOf(start);
        const lineStart = lines.lineStart(line);
        const lineText = text.slice(lineStart, lines.lineEnd(line));
        if (lineText.includes(ALLOW_MARK)) continue;
        const name = assignmentName(text.slice(lineStart, start));
        if (rule.contextRe && !this.hasContext(rule, fragment.path, name, lines, line)) continue;
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
          const v = m.groups?.[part];
          if (v) (candidate.parts ??= {})[part] = new Secret(v);
        }
        out.push(candidate);
      }
    }
    return this.combine(out);
  }

  private plausible(rule: CompiledRule, secret: string): boolean {
    if (isPlaceholder(secret)) return false;
    if (rule.spec.entropy !== undefined && shannonEntropy(secret) < rule.spec.entropy) return false;
    if (rule.validator && !rule.validator(secret)) return false;
    return true;
  }

  private hasContext(rule: CompiledRule, path: string, name: string | undefined, lines: LineIndex, line: number) {
    if (rule.pathRe?.test(path.replaceAll('\\', '/'))) return true;
    if (name && rule.contextRe!.test(name)) return true;
    const within = rule.spec.context!.withinLines;
    return rule.contextRe!.test(lines.slice(line - within, line + within));
  }

  private combine(candidates: Candidate[]): Candidate[] {
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
