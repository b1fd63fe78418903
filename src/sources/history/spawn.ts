import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { StringDecoder } from 'node:string_decoder';

/** A git child process whose stderr is kept (the last few KB) for a one-line error message. */
export interface GitChild {
  proc: ChildProcessWithoutNullStreams;
  /** Resolves with the exit code once the process has ended (never rejects). */
  exited: Promise<number>;
  /** git's own complaint: the first line of what it wrote to stderr. */
  complaint(): string;
}

// Prompts and pagers would hang a scan; the locale is fixed so messages can be matched.
const GIT_ENV = { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', LC_ALL: 'C' };

export function spawnGit(cwd: string, args: string[]): GitChild {
  const proc = spawn('git', ['-C', cwd, ...args], { env: GIT_ENV, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr.setEncoding('utf8');
  proc.stderr.on('data', (s: string) => {
    if (stderr.length < 8192) stderr += s;
  });
  const exited = new Promise<number>((resolve) => {
    proc.on('error', () => resolve(-1));
    proc.on('close', (code) => resolve(code ?? -1));
  });
  return {
    proc,
    exited,
    complaint: () =>
      stderr
        .split('\n')
        .map((l) => l.trim())
        .find((l) => l.startsWith('fatal:') || l.startsWith('error:')) ??
      stderr.split('\n')[0]?.trim() ??
      '',
  };
}

/**
 * The NUL-separated tokens of a stream (`git ... -z`), read chunk by chunk so that a long
 * output is never held whole and the producer is paused while the consumer works.
 */
export async function* nulTokens(stream: AsyncIterable<Buffer>): AsyncGenerator<string> {
  // A chunk may end inside a multi-byte character; the decoder carries it over.
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const chunk of stream) {
    const text = rest + decoder.write(chunk);
    const parts = text.split('\0');
    rest = parts.pop()!;
    for (const p of parts) yield p;
  }
  rest += decoder.end();
  if (rest) yield rest;
}
