import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { buildDetector } from '../scan/detector.js';
import { GUARD_DIR, GUARD_FILE, readGuardCache } from './cache.js';
import type { Decision, ToolCall } from './call.js';
import { claudeOutput, parseClaude } from './claude.js';
import { type CursorEvent, cursorOutput, parseCursor } from './cursor.js';
import { type GuardContext, decide } from './decide.js';

export const HOOK_AGENTS = ['claude-code', 'cursor'] as const;
export type HookAgent = (typeof HOOK_AGENTS)[number];

/** The largest payload a hook reads; a larger one is refused, not read. */
export const MAX_HOOK_INPUT = 16 * 1024 * 1024;

export interface HookRun {
  stdout: string;
  stderr: string;
  code: number;
}

export interface HookOptions {
  env: Record<string, string | undefined>;
  cwd: string;
  /** Inspect a credential no audit has seen, live, within this budget (ms); off when undefined. */
  liveBudgetMs?: number;
  endpoints?: Record<string, URL>;
  fetchImpl?: typeof fetch;
}

/** The nearest folder at or above `start` holding `.tokenscope/guard.json`; else `start`. */
export function projectRoot(start: string): string {
  let dir = resolve(start);
  for (let i = 0; i < 128; i++) {
    if (existsSync(join(dir, GUARD_DIR, GUARD_FILE))) return dir;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return resolve(start);
}

/**
 * One hook call, start to answer. It always answers: a malformed or oversized payload, or any
 * failure inside, is a denial with its reason (fail closed), never an exception or a silent allow.
 */
export async function runHook(agent: HookAgent, raw: string | { tooLarge: true }, opts: HookOptions): Promise<HookRun> {
  let event: CursorEvent | undefined;
  const answer = (d: Decision): HookRun => ({
    stdout: agent === 'claude-code' ? claudeOutput(d) : cursorOutput(event, d),
    stderr: '',
    code: 0,
  });
  if (typeof raw !== 'string')
    return answer({
      decision: 'deny',
      reason: `the hook input is larger than ${MAX_HOOK_INPUT} bytes; refused unread`,
    });
  try {
    let call: ToolCall;
    let start: string;
    if (agent === 'claude-code') {
      const parsed = parseClaude(raw, opts.cwd);
      if ('malformed' in parsed) return answer({ decision: 'deny', reason: `${parsed.malformed}; refused` });
      call = parsed.call;
      start = opts.env.CLAUDE_PROJECT_DIR || parsed.cwd;
    } else {
      const parsed = parseCursor(raw, opts.cwd);
      if ('malformed' in parsed) return answer({ decision: 'deny', reason: `${parsed.malformed}; refused` });
      event = parsed.event;
      call = parsed.call;
      start = parsed.root ?? call.cwd;
    }
    const root = projectRoot(start);
    const ctx: GuardContext = {
      root,
      cache: readGuardCache(root),
      // Built-in rules only, already proved against the schema by the tests: no validation cost per call.
      detector: buildDetector({ extraRules: [], only: [] }),
      env: opts.env,
    };
    if (opts.liveBudgetMs !== undefined) {
      const { liveInspector } = await import('./live.js');
      ctx.inspectLive = liveInspector(opts.liveBudgetMs, opts.endpoints ?? {}, opts.fetchImpl);
    }
    return answer(await decide(call, ctx));
  } catch (e) {
    return answer({ decision: 'deny', reason: `the guard failed (${(e as Error).name}); refused to be safe` });
  }
}
