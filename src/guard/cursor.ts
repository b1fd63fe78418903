import { type Decision, type ToolCall, parsePayload, str } from './call.js';

/**
 * Cursor's hooks (`.cursor/hooks.json`): `beforeShellExecution` ({command, cwd}),
 * `beforeReadFile` ({file_path, content}) and `beforeMCPExecution` ({tool_name, tool_input}),
 * each with `hook_event_name` and `workspace_roots`; the answer is `{permission, user_message,
 * agent_message}` on stdout (`beforeReadFile` takes `permission` only, allow or deny).
 */
export const CURSOR_EVENTS = ['beforeShellExecution', 'beforeReadFile', 'beforeMCPExecution'] as const;
export type CursorEvent = (typeof CURSOR_EVENTS)[number];

export interface CursorInput {
  event: CursorEvent;
  root?: string;
  call: ToolCall;
}

export function parseCursor(raw: string, fallbackCwd: string): CursorInput | { malformed: string } {
  const payload = parsePayload(raw);
  if ('malformed' in payload) return payload;
  const o = payload.fields;
  const event = str(o.hook_event_name);
  if (!event || !(CURSOR_EVENTS as readonly string[]).includes(event))
    return { malformed: `the hook input's hook_event_name is not one of ${CURSOR_EVENTS.join(', ')}` };
  const roots = Array.isArray(o.workspace_roots)
    ? o.workspace_roots.filter((r): r is string => typeof r === 'string')
    : [];
  const cwd = str(o.cwd) ?? roots[0] ?? fallbackCwd;
  const root = roots[0];
  switch (event as CursorEvent) {
    case 'beforeShellExecution':
      return {
        event: 'beforeShellExecution',
        ...(root ? { root } : {}),
        call: { paths: [], text: str(o.command) ?? '', shell: true, cwd },
      };
    case 'beforeReadFile': {
      const file = str(o.file_path);
      const content = str(o.content);
      return {
        event: 'beforeReadFile',
        ...(root ? { root } : {}),
        call: { paths: file ? [file] : [], text: '', shell: false, cwd, ...(content !== undefined ? { content } : {}) },
      };
    }
    case 'beforeMCPExecution': {
      // tool_input arrives as an object or as a JSON string, depending on the Cursor version.
      const ti = typeof o.tool_input === 'string' ? o.tool_input : JSON.stringify(o.tool_input ?? {});
      return {
        event: 'beforeMCPExecution',
        ...(root ? { root } : {}),
        call: {
          paths: [],
          text: [str(o.tool_name) ?? '', ti, str(o.url) ?? '', str(o.command) ?? ''].join('\n'),
          shell: false,
          cwd,
        },
      };
    }
  }
}

export function cursorOutput(event: CursorEvent | undefined, d: Decision): string {
  // A read cannot be "asked" about in Cursor: what is not allowed is denied.
  const permission = event === 'beforeReadFile' && d.decision === 'ask' ? 'deny' : d.decision;
  if (event === 'beforeReadFile') return `${JSON.stringify({ permission })}\n`;
  const message = `tokenscope: ${d.reason}`;
  return `${JSON.stringify({ permission, user_message: message, agent_message: message })}\n`;
}
