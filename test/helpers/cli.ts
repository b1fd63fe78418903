import { runCli } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured output, a controlled environment and optional stdin. */
export async function cli(argv: string[], opts: Partial<CliIO> & { input?: string } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const { input, ...io } = opts;
  const code = await runCli(argv, {
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
    env: {},
    cwd: process.cwd(),
    ...(input !== undefined ? { stdin: async () => input } : {}),
    ...io,
  });
  return { code, stdout, stderr };
}
