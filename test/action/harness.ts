import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { run } from '../../src/action/main.js';
import { git, tempDir, writeFiles } from '../helpers/repo.js';
import { parseCommands, parseOutputFile, type WorkflowCommand } from './commands.js';

type Json = Record<string, unknown>;

/** The workflow's own token, as the github-token input carries it (not token-shaped: never a finding). */
export const WORKFLOW_TOKEN = 'workflow-token-for-tests';

/** The repository of the @octokit/webhooks-examples payloads. */
export const REPOSITORY = 'Codertocat/Hello-World';

const examples = createRequire(import.meta.url)('@octokit/webhooks-examples') as {
  name: string;
  examples: Json[];
}[];

/** A real webhook payload (GitHub's own example, via @octokit/webhooks-examples), deep-copied. */
export function webhookExample(event: string, pick: (e: Json) => boolean = () => true): Json {
  const found = examples.find((x) => x.name === event)?.examples.find(pick);
  if (!found) throw new Error(`no ${event} example`);
  return structuredClone(found);
}

/** The `synchronize` pull_request example with its base and head replaced by our commits. */
export function pullRequestEvent(base: string, head: string, opts: { forkOwner?: string } = {}): Json {
  const e = webhookExample('pull_request', (x) => x['action'] === 'synchronize');
  const pr = e['pull_request'] as { base: Json; head: Json & { repo: Json } };
  pr.base['sha'] = base;
  pr.head['sha'] = head;
  e['before'] = base;
  e['after'] = head;
  if (opts.forkOwner) pr.head.repo = { ...pr.head.repo, full_name: `${opts.forkOwner}/Hello-World`, fork: true };
  return e;
}

const GIT_IDENTITY = ['-c', 'user.name=Test', '-c', 'user.email=test@localhost'];

/** A repository whose `main` has a clean base commit; commit() adds commits on the current branch. */
export class World {
  readonly root = tempDir('tokenscope-action-');
  readonly base: string;

  constructor() {
    git(this.root, 'init', '-q', '-b', 'main');
    this.base = this.commit({ 'README.md': '# app\n' }, 'base');
  }

  commit(files: Record<string, string>, message: string): string {
    writeFiles(this.root, files);
    git(this.root, 'add', '-A');
    git(this.root, ...GIT_IDENTITY, 'commit', '-q', '-m', message);
    return git(this.root, 'rev-parse', 'HEAD').trim();
  }

  /** Removes files in a new commit. */
  remove(paths: string[], message: string): string {
    git(this.root, 'rm', '-q', '--', ...paths);
    git(this.root, ...GIT_IDENTITY, 'commit', '-q', '-m', message);
    return git(this.root, 'rev-parse', 'HEAD').trim();
  }

  git(...args: string[]): string {
    return git(this.root, ...args);
  }
}

export interface ActionRun {
  exitCode: number;
  stdout: string;
  commands: WorkflowCommand[];
  /** `::error`/`::warning` commands that point at a file. */
  annotations: WorkflowCommand[];
  /** `::error` commands without a file: core.setFailed's message among them. */
  failures: string[];
  /** `::warning` commands without a file. */
  warnings: string[];
  outputs: Record<string, string>;
  summary: string;
  /** Where RUNNER_TEMP pointed: the report lands below it. */
  runnerTemp: string;
}

export interface RunOptions {
  root: string;
  eventName: string;
  payload: Json;
  inputs?: Record<string, string>;
  /** GITHUB_API_URL: where the comment goes. */
  apiUrl?: string;
  env?: Record<string, string>;
}

/** What the runner sets for a JavaScript action's step (docs: "Default environment variables"). */
const RUNNER_KEYS = /^(INPUT_|GITHUB_|RUNNER_)|^(CI|AWS_ENDPOINT_URL|RAILWAY_API_URL)$/;

/**
 * Runs the Action's entry point as the runner does: a payload file at GITHUB_EVENT_PATH, inputs as
 * INPUT_<NAME> (upper-cased, hyphens kept), empty GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files,
 * stdout read for workflow commands, and the process exit code the runner would see.
 */
export async function runAction(opts: RunOptions): Promise<ActionRun> {
  const dir = tempDir('tokenscope-runner-');
  const eventPath = join(dir, 'event.json');
  const outputPath = join(dir, 'output');
  const summaryPath = join(dir, 'summary.md');
  const runnerTemp = join(dir, 'temp');
  writeFileSync(eventPath, JSON.stringify(opts.payload));
  writeFileSync(outputPath, '');
  writeFileSync(summaryPath, '');

  const saved = { ...process.env };
  for (const k of Object.keys(process.env)) if (RUNNER_KEYS.test(k)) delete process.env[k];
  // action.yml's defaults, as the runner fills them in.
  const inputs: Record<string, string> = {
    'github-token': WORKFLOW_TOKEN,
    'fail-on': 'high',
    verify: 'true',
    comment: 'true',
    'inspect-found-hosts': 'false',
    config: '',
    'sarif-file': '',
    scan: '',
    'railway-endpoint': '',
    'github-api-url': '',
    'aws-endpoint': '',
    ...opts.inputs,
  };
  Object.assign(process.env, {
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: opts.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_WORKSPACE: opts.root,
    GITHUB_REPOSITORY: REPOSITORY,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_API_URL: opts.apiUrl ?? 'http://127.0.0.1:9',
    RUNNER_TEMP: runnerTemp,
    ...opts.env,
  });
  for (const [name, value] of Object.entries(inputs))
    process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;

  let stdout = '';
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  });
  process.exitCode = undefined;
  let exitCode = 0;
  try {
    await run();
    exitCode = Number(process.exitCode ?? 0);
  } finally {
    spy.mockRestore();
    process.exitCode = undefined;
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
  }
  const commands = parseCommands(stdout);
  return {
    exitCode,
    stdout,
    commands,
    annotations: commands.filter((c) => (c.command === 'error' || c.command === 'warning') && c.properties['file']),
    failures: commands.filter((c) => c.command === 'error' && !c.properties['file']).map((c) => c.message),
    warnings: commands.filter((c) => c.command === 'warning' && !c.properties['file']).map((c) => c.message),
    outputs: parseOutputFile(readFileSync(outputPath, 'utf8')),
    summary: existsSync(summaryPath) ? readFileSync(summaryPath, 'utf8') : '',
    runnerTemp,
  };
}

/** Every place a raw value could surface after a run: stdout minus the mask lines, summary, outputs, report files. */
export function everythingShown(r: ActionRun, extra: string[] = []): string {
  const files = [r.outputs['report-json'], r.outputs['sarif-file']].filter((p): p is string => Boolean(p));
  const shown = r.stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
  return [shown, r.summary, JSON.stringify(r.outputs), ...files.map((f) => readFileSync(f, 'utf8')), ...extra].join(
    '\n',
  );
}

/** A pull request adding `files`, audited offline with no comment; with the masks it registered. */
export async function offlinePullRequest(
  files: Record<string, string>,
): Promise<{ world: World; run: ActionRun; masks: string[] }> {
  const world = new World();
  const head = world.commit(files, 'pull request');
  const run = await runAction({
    root: world.root,
    eventName: 'pull_request',
    payload: pullRequestEvent(world.base, head),
    inputs: { verify: 'false', comment: 'false' },
  });
  const masks = run.commands.filter((c) => c.command === 'add-mask').map((c) => c.message);
  return { world, run, masks };
}
