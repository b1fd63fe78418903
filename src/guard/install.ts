import { existsSync, lstatSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeAtomic } from '../report/write.js';
import { CURSOR_EVENTS } from './cursor.js';
import { JsonSettings } from './json-merge.js';
import type { HookAgent } from './run-hook.js';

/**
 * The hook command, failing closed: Claude Code and Cursor treat exit code 2 as "block", while a
 * hook that cannot start (tokenscope not installed, a crash) would otherwise let the call through.
 */
export function hookCommand(agent: HookAgent, bin: string): string {
  return `${bin} hook ${agent} || { echo 'tokenscope: the guard could not run; refusing the call' >&2; exit 2; }`;
}

export interface HookInstall {
  path: string;
  /** Undefined when the hook is already there. */
  next?: string;
}

function read(path: string): string | undefined {
  if (!existsSync(path)) return undefined;
  if (!lstatSync(path).isFile()) throw new Error(`${path}: not a regular file; not written`);
  return readFileSync(path, 'utf8');
}

const mentions = (entries: unknown[], needle: string): boolean => JSON.stringify(entries).includes(needle);

/** Adds tokenscope's PreToolUse hook to `.claude/settings.json`, or its three hooks to `.cursor/hooks.json`. */
export function planHookInstall(root: string, agent: HookAgent, bin: string): HookInstall {
  const command = hookCommand(agent, bin);
  const needle = `hook ${agent}`;
  if (agent === 'claude-code') {
    const path = join(root, '.claude', 'settings.json');
    const current = read(path);
    const s = JsonSettings.from('.claude/settings.json', current);
    if (mentions(s.array(['hooks', 'PreToolUse']), needle)) return { path };
    s.append(['hooks', 'PreToolUse'], { matcher: '*', hooks: [{ type: 'command', command, timeout: 30 }] });
    return { path, next: s.content };
  }
  const path = join(root, '.cursor', 'hooks.json');
  const current = read(path);
  const s = JsonSettings.from('.cursor/hooks.json', current);
  s.setDefault(['version'], 1);
  let changed = current === undefined;
  for (const event of CURSOR_EVENTS) {
    if (mentions(s.array(['hooks', event]), needle)) continue;
    s.append(['hooks', event], { command });
    changed = true;
  }
  return changed ? { path, next: s.content } : { path };
}

export function applyHookInstall(i: HookInstall): void {
  if (i.next === undefined) return;
  mkdirSync(dirname(i.path), { recursive: true });
  writeAtomic(i.path, i.next);
}
