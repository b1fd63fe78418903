import { runCli } from '../cli/main.js';
import { cliArgs, type ScanTarget } from './event.js';
import type { ActionInputs } from './inputs.js';

export interface CliOutcome {
  code: number;
  stderr: string;
}

/**
 * The CLI's argv for this run: the same flags a user would type. The scanning threads are the
 * CLI's default (the runner's cores, up to 4): the bundle carries the thread's script beside it.
 */
export function auditArgv(
  inputs: ActionInputs,
  target: ScanTarget,
  root: string,
  configPath: string | undefined,
  reportPath: string,
): string[] {
  const argv = ['audit', root, ...cliArgs(target), '--format', 'json', '--output', reportPath];
  argv.push('--fail-on', inputs.failOn);
  if (!inputs.verify) argv.push('--offline');
  // Untrusted content (a PR's files) must not pick the hosts the runner connects to.
  if (!inputs.inspectFoundHosts) argv.push('--skip-found-hosts');
  if (configPath) argv.push('--config', configPath);
  for (const [flag, url] of Object.entries(inputs.endpoints)) argv.push(`--${flag}`, url);
  return argv;
}

/** Runs the CLI in this process; its output is held until the secrets are masked. */
export async function runAuditCli(argv: string[], root: string, env: NodeJS.ProcessEnv): Promise<CliOutcome> {
  let stderr = '';
  const code = await runCli(argv, {
    stdout: () => {
      // --output sends the report to a file; nothing else is written to stdout.
    },
    stderr: (s) => {
      stderr += s;
    },
    env: { ...env },
    cwd: root,
  });
  return { code, stderr };
}
