import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

/** The installed command, as a user runs it: `bin/tokenscope.js` (the built CLI) in its own process. */
export const BIN = resolve('bin/tokenscope.js');

export interface CommandRun {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/**
 * Runs `node bin/tokenscope.js ...args` with exactly `env` (plus PATH and HOME) and captures
 * everything the process writes, Node's own warnings and any SDK's console output included.
 */
export function runCommand(
  args: string[],
  opts: { env?: Record<string, string>; cwd?: string } = {},
): Promise<CommandRun> {
  const started = Date.now();
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: opts.cwd ?? process.cwd(),
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/', ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString('utf8');
    });
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString('utf8');
    });
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr, ms: Date.now() - started }));
  });
}
