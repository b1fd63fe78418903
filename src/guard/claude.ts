import { type Decision, type ToolCall, parsePayload, str } from './call.js';

/**
 * Claude Code's PreToolUse command hook: the tool call arrives as JSON on stdin
 * (`session_id`, `cwd`, `hook_event_name`, `tool_name`, `tool_input`); the hook answers on stdout
 * with `hookSpecificOutput.permissionDecision` (`deny` or `ask`) and a reason, exit 0.
 */
export interface ClaudeInput {
  cwd: string;
  toolName: string;
  call: ToolCall;
}

/** The call, or a one-line reason why the payload is not one (the hook then fails closed). */
export function parseClaude(raw: string, fallbackCwd: string): ClaudeInput | { malformed: string } {
  const payload = parsePayload(raw);
  if ('malformed' in payload) return payload;
  const o = payload.fields;
  const toolName = str(o.tool_name);
  if (!toolName) return { malformed: 'the hook input has no tool_name' };
  const ti = o.tool_input;
  if (ti !== undefined && (typeof ti !== 'object' || ti === null || Array.isArray(ti)))
    return { malformed: 'the hook input has a tool_input that is not an object' };
  const t = (ti ?? {}) as Record<string, unknown>;
  const cwd = str(o.cwd) ?? fallbackCwd;
  const paths: string[] = [];
  let text = '';
  let shell = false;
  switch (toolName) {
    case 'Bash':
      text = str(t.command) ?? '';
      shell = true;
      break;
    case 'Read':
    case 'Edit':
    case 'MultiEdit':
    case 'Write':
      if (str(t.file_path)) paths.push(str(t.file_path)!);
      // What an edit writes can carry a credential too.
      text = [
        str(t.content),
        str(t.new_string),
        ...(Array.isArray(t.edits) ? t.edits.map((e) => JSON.stringify(e)) : []),
      ]
        .filter(Boolean)
        .join('\n');
      break;
    case 'NotebookEdit':
      if (str(t.notebook_path)) paths.push(str(t.notebook_path)!);
      text = str(t.new_source) ?? '';
      break;
    case 'Grep':
      // A grep of one file shows its lines: as good as a read.
      if (str(t.path)) paths.push(str(t.path)!);
      text = str(t.pattern) ?? '';
      break;
    default:
      // WebFetch, MCP tools (mcp__server__tool), Task and the rest: everything they carry.
      text = JSON.stringify(t);
  }
  return { cwd, toolName, call: { paths, text, shell, cwd } };
}

/** stdout for Claude Code; empty when the call may go on to Claude Code's own permission rules. */
export function claudeOutput(d: Decision): string {
  // "allow" would skip Claude Code's own prompts: the guard never grants more than it was asked.
  if (d.decision === 'allow') return '';
  return `${JSON.stringify({
    hookSpecificOutput: {
      hookEventName: 'PreToolUse',
      permissionDecision: d.decision,
      permissionDecisionReason: `tokenscope: ${d.reason}`,
    },
  })}\n`;
}
