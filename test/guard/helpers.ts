import { cli } from '../helpers/cli.js';

/** One hook call through the CLI, as the agent would make it: the payload on stdin. */
export async function hook(
  agent: 'claude-code' | 'cursor',
  payload: unknown,
  cwd: string,
  env: Record<string, string> = {},
) {
  const input = typeof payload === 'string' ? payload : JSON.stringify(payload);
  return cli(['hook', agent], { input, cwd, env });
}

/** Claude Code's PreToolUse decision from the hook's stdout; `allow` when it printed nothing. */
export function claudeDecision(stdout: string): { decision: string; reason: string } {
  if (stdout.trim() === '') return { decision: 'allow', reason: '' };
  const o = JSON.parse(stdout) as {
    hookSpecificOutput: { hookEventName: string; permissionDecision: string; permissionDecisionReason: string };
  };
  expect(o.hookSpecificOutput.hookEventName).toBe('PreToolUse');
  return { decision: o.hookSpecificOutput.permissionDecision, reason: o.hookSpecificOutput.permissionDecisionReason };
}

/**
 * A PreToolUse payload in Claude Code's documented shape (code.claude.com/docs/en/hooks,
 * "PreToolUse input": session_id, transcript_path, cwd, permission_mode, hook_event_name,
 * tool_name, tool_input).
 */
export function claudePayload(cwd: string, tool_name: string, tool_input: Record<string, unknown>) {
  return {
    session_id: 'abc123',
    transcript_path: '/home/user/.claude/projects/p/abc123.jsonl',
    cwd,
    permission_mode: 'default',
    hook_event_name: 'PreToolUse',
    tool_name,
    tool_input,
  };
}
