import { existsSync, lstatSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ignore from 'ignore';
import { writeAtomic } from '../report/write.js';
import { type Agent, USUAL_CREDENTIAL_FILES } from './agents.js';
import { JsonSettings } from './json-merge.js';

export const BLOCK_START = '# >>> tokenscope fence: files that hold credentials (managed by `tokenscope fence`)';
export const BLOCK_END = '# <<< tokenscope fence';

/** Examples that document variable names and hold no secret: agents may read them. */
const EXAMPLES = ['!.env.example', '!.env.sample', '!.env.template'];

export interface FencePlan {
  agent: Agent;
  path: string;
  /** The file's new text, or undefined when it already says everything (nothing to write). */
  next?: string;
}

/** What a gitignore-style agent file should hold in tokenscope's block. */
function ignoreBlock(found: string[]): string {
  const lines = [BLOCK_START, ...found.map((p) => `/${p}`), ...USUAL_CREDENTIAL_FILES, ...EXAMPLES, BLOCK_END];
  return `${lines.join('\n')}\n`;
}

/** Claude Code permission rules: each found file by its path, and the usual credential files anywhere. */
export function claudeDenyRules(found: string[]): string[] {
  return [...found.map((p) => `Read(./${p})`), ...USUAL_CREDENTIAL_FILES.map((g) => `Read(./**/${g})`)];
}

function readIfFile(path: string): string | undefined {
  if (!existsSync(path)) return undefined;
  // A link would make us write wherever it points; a folder is not a settings file.
  if (!lstatSync(path).isFile()) throw new Error(`${path}: not a regular file; not written`);
  return readFileSync(path, 'utf8');
}

/** Replaces tokenscope's block in an ignore file, or appends one; the user's lines are untouched. */
export function mergeIgnoreFile(current: string | undefined, found: string[]): string {
  const block = ignoreBlock(found);
  if (current === undefined || current === '') return block;
  const start = current.indexOf(BLOCK_START);
  const end = start >= 0 ? current.indexOf(BLOCK_END, start) : -1;
  if (start >= 0 && end >= 0) {
    let after = end + BLOCK_END.length;
    if (current[after] === '\n') after++;
    return current.slice(0, start) + block + current.slice(after);
  }
  return `${current}${current.endsWith('\n') ? '' : '\n'}\n${block}`;
}

/** Adds the missing deny rules to `.claude/settings.json`, keeping the rest byte for byte. */
export function mergeClaudeSettings(file: string, current: string | undefined, found: string[]): string {
  const s = JsonSettings.from(file, current);
  const have = new Set(s.array(['permissions', 'deny']).filter((x): x is string => typeof x === 'string'));
  for (const rule of claudeDenyRules(found)) if (!have.has(rule)) s.append(['permissions', 'deny'], rule);
  return s.content;
}

/** The write each agent needs; `next` is absent where the file already fences everything. */
export function planFence(root: string, agents: Agent[], found: string[]): FencePlan[] {
  return agents.map((agent) => {
    const path = join(root, agent.file);
    const current = readIfFile(path);
    const next =
      agent.kind === 'claude-settings'
        ? mergeClaudeSettings(agent.file, current, found)
        : mergeIgnoreFile(current, found);
    return next === current ? { agent, path } : { agent, path, next };
  });
}

export function applyFence(plans: FencePlan[]): void {
  for (const p of plans) {
    if (p.next === undefined) continue;
    mkdirSync(dirname(p.path), { recursive: true });
    writeAtomic(p.path, p.next);
  }
}

/** The files an agent could still read: each found path its file does not exclude. */
export function unfenced(root: string, agent: Agent, found: string[]): string[] {
  const text = readIfFile(join(root, agent.file));
  if (text === undefined) return found;
  const matcher = ignore();
  if (agent.kind === 'ignore-file') matcher.add(text);
  else {
    const deny = JsonSettings.from(agent.file, text)
      .array(['permissions', 'deny'])
      .filter((x): x is string => typeof x === 'string');
    for (const rule of deny) {
      const m = /^Read\(\.?\/?([^/].*)\)$/.exec(rule);
      if (m) matcher.add(m[1]!);
    }
  }
  return found.filter((p) => !matcher.ignores(p));
}
