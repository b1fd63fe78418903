import { PROVIDERS } from '../../providers/registry.js';
import { type Config, UsageError, findConfig, loadConfig } from '../config/load.js';
import type { Severity } from '../core/types.js';
import { originOwner } from '../sources/git.js';
import { resolveEndpoints } from './endpoints.js';
import type { CliIO } from './io.js';
import { outputPath } from './output-path.js';
import { checkRuleExamples } from './rule-examples.js';
import type { Format } from './render.js';
import { defaultThreads } from '../scan/prestart.js';

export interface Settings {
  config: Config;
  format: Format;
  output: string | undefined;
  failOn: Severity;
  offline: boolean;
  skipFoundHosts: boolean;
  /** Ports found hosts may be inspected at besides each engine's standard one. */
  foundHostPorts: number[];
  endpoints: Record<string, URL>;
  threads: number;
  showProgress: boolean;
}

/** Flags, environment and config file merged into one validated set of settings. */
export function settingsFrom(args: Record<string, unknown>, io: CliIO, root: string | undefined): Settings {
  const configFile = typeof args.config === 'string' ? args.config : root ? findConfig(root) : undefined;
  const config = loadConfig(configFile);
  checkRuleExamples(config);
  // Whose code this is: an org-admin token found in its own org's code is the worst case (the
  // origin remote's owner is added by addOriginOwner, which asks git without blocking).
  addOwner(config, io.env.GITHUB_REPOSITORY?.split('/')[0]);
  if (typeof args.timeout === 'number') {
    if (!(args.timeout > 0)) throw new UsageError(`--timeout must be a positive number of milliseconds`);
    config.inspect.timeoutMs = args.timeout;
  }
  if (args['max-inspections'] !== undefined) {
    const n = Number(args['max-inspections']);
    if (!Number.isInteger(n) || n < 0) throw new UsageError('--max-inspections must be a whole number, 0 or more');
    config.inspect.maxCredentials = n;
  }
  const threads = args.threads === undefined ? defaultThreads() : Number(args.threads);
  if (!Number.isInteger(threads) || threads < 1 || threads > 64)
    throw new UsageError(`--threads must be a whole number from 1 to 64`);
  const format = args.format as Format;
  const ci = Boolean(io.env.CI);
  return {
    config,
    format,
    output: outputPath(args.output, io.cwd),
    failOn: (args['fail-on'] as Severity | undefined) ?? config.policy.failOn,
    offline: Boolean(args.offline),
    skipFoundHosts: Boolean(args['skip-found-hosts']),
    foundHostPorts: foundHostPorts(args, io),
    endpoints: resolveEndpoints(PROVIDERS, args, io.env),
    threads,
    showProgress: Boolean(io.stderrIsTTY) && !ci && format !== 'json' && format !== 'sarif',
  };
}

/**
 * --found-host-ports, else TOKENSCOPE_FOUND_HOST_PORTS: a comma-separated list of ports. Only the
 * user says this: the scanned content's config cannot widen where its own URLs connect.
 */
function foundHostPorts(args: Record<string, unknown>, io: CliIO): number[] {
  const flag = args['found-host-ports'];
  const [name, text] =
    flag !== undefined
      ? ['--found-host-ports', String(flag)]
      : ['TOKENSCOPE_FOUND_HOST_PORTS', io.env.TOKENSCOPE_FOUND_HOST_PORTS];
  if (text === undefined || text.trim() === '') return [];
  return text.split(',').map((part) => {
    const port = Number(part.trim());
    if (!/^\d{1,5}$/.test(part.trim()) || port < 1 || port > 65535) {
      throw new UsageError(`${name} must list ports from 1 to 65535, separated by commas`);
    }
    return port;
  });
}

function addOwner(config: Config, owner: string | undefined): void {
  if (owner && !config.policy.scannedOwners.includes(owner)) config.policy.scannedOwners.push(owner);
}

/**
 * Adds the owner of `root`'s origin remote to the scanned owners. Asked of git while the scan
 * runs (the audit awaits it before judging anything), never before it: a blocking call here held
 * up the start of every audit by one git process. Never rejects.
 */
export async function addOriginOwner(config: Config, root: string): Promise<void> {
  addOwner(config, await originOwner(root));
}
