import yargs from 'yargs';
import { UsageError } from '../config/load.js';
import { toolVersion } from '../core/version.js';
import { runAudit } from './audit.js';
import { EXIT_ERROR, EXIT_OK, describeFatal } from './exit.js';
import { runFence, runHookCommand } from './guard.js';
import { runInspect } from './inspect.js';
import { unknownArguments, wrapHelp } from './help-text.js';
import type { CliIO } from './io.js';
import { runMerge } from './merge.js';
import { runReport } from './report.js';
import { runRules } from './rules.js';
import { reportingOptions } from './options.js';
import { FORMATS } from './render.js';
import { SEVERITIES } from '../core/types.js';
import { redactSecretsIn } from '../core/scrub-text.js';
import { cleanText, guardOutput } from '../report/sanitize.js';

export type { CliIO } from './io.js';

const EPILOG = `Exit codes:
  0  nothing at or above --fail-on (default: high)
  1  at least one finding at or above --fail-on
  2  usage, config or fatal error (one line on stderr naming the file, field or flag)`;

function parser() {
  return yargs()
    .scriptName('tokenscope')
    .usage('$0 <command> [options]\n\nFinds API tokens and asks each provider, read-only, what they can really do.')
    .command('audit [path]', 'scan a directory (working tree, including ignored files like .env)', (y) =>
      reportingOptions(y)
        .positional('path', { type: 'string', describe: 'directory to scan', default: '.' })
        .option('stdin', { type: 'boolean', default: false, describe: 'scan standard input instead of a directory' })
        .option('baseline', {
          type: 'string',
          describe: 'an earlier JSON report: its credentials are not counted again',
        })
        .option('threads', { type: 'number', describe: 'scanning threads [default: cores, up to 4]' })
        .option('history', {
          type: 'boolean',
          default: false,
          describe: 'also scan every blob reachable from any ref (branches, tags, stash)',
        })
        .option('branch', { type: 'string', describe: 'with --history: only what REF reaches (implies --history)' })
        .option('range', {
          type: 'string',
          describe: 'scan only what the commits BASE..HEAD added (pull-request mode)',
        })
        .option('staged', {
          type: 'boolean',
          default: false,
          describe: 'scan only what the index adds (pre-commit mode)',
        })
        .option('include-home', {
          type: 'boolean',
          default: false,
          describe: "also scan the user's credential stores (~/.aws, ~/.netrc, ...)",
        })
        .option('include-env', { type: 'boolean', default: false, describe: 'also scan the process environment' })
        .option('agent', {
          type: 'boolean',
          default: false,
          describe: 'what an agent started here can read: --include-home --include-env',
        })
        .epilog(EPILOG),
    )
    .command('inspect', 'inspect one token read from stdin, without scanning files', (y) =>
      reportingOptions(y)
        .option('provider', { type: 'string', demandOption: true, describe: 'provider id (railway, github, aws, ...)' })
        .option('force', {
          type: 'boolean',
          default: false,
          describe: "send the input even when it does not look like the provider's token",
        })
        .epilog(EPILOG),
    )
    .command('org <org>', 'scan every repository of a GitHub organization: default branch and history', (y) =>
      reportingOptions(y)
        .positional('org', { type: 'string', describe: 'organization login' })
        .option('include-archived', { type: 'boolean', default: false, describe: 'also scan archived repositories' })
        .option('include-forks', { type: 'boolean', default: false, describe: 'also scan forks' })
        .option('repos-filter', {
          type: 'string',
          describe: 'only repositories whose name matches GLOB (commas for several, !GLOB to exclude)',
        })
        .option('cache-dir', {
          type: 'string',
          describe: 'where mirrors are kept between runs [default: $XDG_CACHE_HOME or ~/.cache, /tokenscope/mirrors]',
        })
        .option('plan', { type: 'number', describe: 'print a GitHub Actions matrix of N shards balanced by size' })
        .option('shard', { type: 'string', describe: 'scan only shard I of N (I/N, as --plan N numbers them)' })
        .option('state', {
          type: 'string',
          describe: 'SQLite state file: new, still open and fixed credentials across runs; cached inspections',
        })
        .option('inspect-ttl', { type: 'string', default: '24h', describe: 'reuse cached inspections this recent' })
        .option('jobs', { type: 'number', default: 4, describe: 'repositories mirrored at the same time' })
        .option('threads', { type: 'number', describe: 'scanning threads [default: cores, up to 4]' })
        .option('github-token-env', {
          type: 'string',
          default: 'GITHUB_TOKEN',
          describe: 'environment variable holding the token that lists and clones the repositories',
        })
        .epilog(EPILOG),
    )
    .command('merge <files..>', "merge the shards' JSON reports of `org --shard` into one report", (y) =>
      y
        .positional('files', { type: 'string', array: true, describe: 'JSON reports (shard-*.json)' })
        .option('format', { alias: 'f', choices: FORMATS, default: 'json' as const, describe: 'report format' })
        .option('output', { alias: 'o', type: 'string', describe: 'write the report to FILE (atomically)' })
        .option('fail-on', { choices: SEVERITIES, describe: "exit 1 at or above this severity [default: the shards']" })
        .option('state', { type: 'string', describe: 'SQLite state file to record the merged run in' })
        .epilog(EPILOG),
    )
    .command('fence [path]', "write the files that hold credentials into coding agents' read exclusions", (y) =>
      reportingOptions(y)
        .positional('path', { type: 'string', describe: 'project directory', default: '.' })
        .option('agents', {
          type: 'string',
          describe:
            'agents to fence, comma-separated: claude-code, cursor, gemini, windsurf, aider, or all [default: claude-code, cursor and those the project configures]',
        })
        .option('check', {
          type: 'boolean',
          default: false,
          describe: 'change nothing; exit 1 when a file holding a credential is not fenced',
        })
        .option('threads', { type: 'number', describe: 'scanning threads [default: cores, up to 4]' }),
    )
    .command(
      'hook <agent> [target] [path]',
      "the agent guard: a pre-tool hook in the agent's own protocol (claude-code, cursor), or `hook install AGENT [PATH]`",
      (y) =>
        reportingOptions(y)
          .positional('agent', { type: 'string', describe: 'claude-code, cursor, or install' })
          .positional('target', { type: 'string', describe: 'with install: claude-code or cursor' })
          .positional('path', { type: 'string', describe: 'with install: project directory', default: '.' })
          .option('inspect', {
            type: 'boolean',
            default: false,
            describe: 'inspect, live and read-only, a credential the last audit did not see',
          })
          .option('budget', { type: 'number', describe: 'time for a live inspection, ms [default: 3000]' })
          .option('bin', {
            type: 'string',
            describe: 'with install: the command that runs tokenscope [default: tokenscope]',
          }),
    )
    .command('report', 'render an org state file (new, open and fixed credentials over time)', (y) =>
      y
        .option('state', { type: 'string', demandOption: true, describe: 'SQLite state file of `org --state`' })
        .option('format', {
          alias: 'f',
          choices: ['html', 'json'] as const,
          default: 'html' as const,
          describe: 'format',
        })
        .option('output', { alias: 'o', type: 'string', describe: 'write to FILE (atomically)' }),
    )
    .command('rules', 'list every built-in rule: provider, kind, whether it verifies and inspects scope', (y) =>
      y.option('format', { alias: 'f', choices: ['table', 'json'] as const, default: 'table' as const }),
    )
    .command('demo', 'replay the incident tokenscope exists for, against a local stand-in for Railway', (y) =>
      y.epilog(EPILOG),
    )
    .demandCommand(1, 'name a command: audit, inspect, org, merge, fence, hook, report, rules or demo')
    .strict()
    .version(toolVersion())
    .alias('version', 'V')
    .help()
    .alias('help', 'h')
    .epilog(EPILOG)
    .wrap(null) // wrapped by wrapHelp, at word boundaries
    .env(false)
    .exitProcess(false)
    .fail((msg, err) => {
      throw err ?? new UsageError(unknownArguments(msg));
    });
}

/** The CLI, as a function: parses, runs the core, renders, and returns the exit code. */
export async function runCli(argv: string[], rawIO: CliIO): Promise<number> {
  // Messages may quote a path, a git complaint or a server's words: no escape sequence, no line
  // that the Actions runner would read as a command (sanitize.ts). Progress keeps its controls.
  const io: CliIO = { ...rawIO, stderr: (s) => rawIO.stderr(guardOutput(s)), drawProgress: rawIO.stderr };
  let args: Record<string, unknown>;
  let printed = '';
  try {
    args = await new Promise((resolve, reject) => {
      parser().parse(argv, {}, (err: Error | undefined, parsed: Record<string, unknown>, output: string) => {
        printed = output;
        if (err) reject(err);
        else resolve(parsed);
      });
    });
  } catch (e) {
    io.stderr(`tokenscope: ${cleanText(redactSecretsIn((e as Error).message))}\nRun 'tokenscope --help' for usage.\n`);
    return EXIT_ERROR;
  }
  if (printed) {
    io.stdout(`${wrapHelp(printed, Math.min(110, io.columns ?? 100))}\n`);
    return EXIT_OK;
  }
  try {
    const command = (args._ as string[])[0];
    if (command === 'inspect') return await runInspect(args, io);
    // Loaded when asked for: the org scan's GitHub client and the demo's GraphQL doubles are
    // about a third of the code every other command would otherwise load at start.
    if (command === 'org') return await (await import('./org.js')).runOrg(args, io);
    if (command === 'merge') return await runMerge(args, io);
    if (command === 'fence') return await runFence(args, io);
    if (command === 'report') return await runReport(args, io);
    if (command === 'rules') return await runRules(args, io);
    if (command === 'hook') return await runHookCommand(args, io);
    if (command === 'demo') return await (await import('../demo/run.js')).runDemo(io, runCli);
    return await runAudit(args, io);
  } catch (e) {
    io.stderr(`tokenscope: ${cleanText(redactSecretsIn(describeFatal(e)))}\n`);
    return EXIT_ERROR;
  }
}
