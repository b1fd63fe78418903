/** A tool call as the guard sees it, whichever agent sent it. */
export interface ToolCall {
  /** Files the call reads or edits directly, as the agent named them (absolute, or relative to cwd). */
  paths: string[];
  /** Everything else the call carries: a shell command, a URL, arguments, a request body. */
  text: string;
  /** The text runs as a shell command: `$VAR` expansions reach the command, so they are read too. */
  shell: boolean;
  /** The directory the agent works in. */
  cwd: string;
  /** Content the agent is about to read, when the agent hands it over (Cursor's beforeReadFile). */
  content?: string;
}

export type Verdict = 'allow' | 'deny' | 'ask';

export interface Decision {
  decision: Verdict;
  /** Shown to the agent and the person: what the token can do, and what to use instead. Never a secret. */
  reason: string;
}

export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** The payload as a JSON object, or why it is not one (the hook then fails closed). */
export function parsePayload(raw: string): { fields: Record<string, unknown> } | { malformed: string } {
  let input: unknown;
  try {
    input = JSON.parse(raw);
  } catch {
    return { malformed: 'the hook input is not JSON' };
  }
  if (!input || typeof input !== 'object' || Array.isArray(input))
    return { malformed: 'the hook input is not a JSON object' };
  return { fields: input as Record<string, unknown> };
}
