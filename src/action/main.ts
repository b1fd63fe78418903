// First: how eagerly V8 optimises, before any other module's code runs.
import '../core/tiering.js';
import { mkdirSync, readFileSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as core from '@actions/core';
import { Octokit } from '@octokit/rest';
import { PROVIDERS } from '../../providers/registry.js';
import { worst } from '../assess/severity.js';
import { EXIT_ERROR, describeFatal } from '../cli/exit.js';
import { loadConfig } from '../config/load.js';
import type { Report } from '../report/model.js';
import { renderSarif } from '../report/sarif.js';
import { writeAtomic } from '../report/write.js';
import { annotate } from './annotate.js';
import { auditArgv, runAuditCli } from './cli-run.js';
import { syncComment } from './comment.js';
import { chooseConfig } from './config.js';
import { planScan } from './event.js';
import { InputError, readInputs } from './inputs.js';
import { maskFoundSecrets } from './secrets.js';
import { requireFullHistory } from './shallow.js';
import { summaryMarkdown, writeSummary } from './summary.js';
import { emptyOutcome, notesSection } from '../report/notes.js';

function readPayload(path: string | undefined): Record<string, unknown> {
  if (!path) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch (e) {
    throw new InputError(
      `GITHUB_EVENT_PATH: cannot read the event payload (${(e as NodeJS.ErrnoException).code ?? 'not JSON'})`,
    );
  }
}

function setOutputs(values: { findings: number; highest: string; sarif: string; report: string }): void {
  core.setOutput('findings', String(values.findings));
  core.setOutput('highest-severity', values.highest);
  core.setOutput('sarif-file', values.sarif);
  core.setOutput('report-json', values.report);
}

/** The comments are writes with the workflow's own token to the workflow's GitHub: never the read-only inspection door. */
function commentClient(token: string, env: NodeJS.ProcessEnv): Octokit {
  return new Octokit({
    auth: token,
    baseUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
    userAgent: 'tokenscope-action',
    request: { signal: AbortSignal.timeout(60_000) },
    log: { debug: () => {}, info: () => {}, warn: core.debug, error: core.debug },
  });
}

/**
 * The Action: event -> what to scan -> mask every secret found -> the CLI (same flags a user
 * would type) -> annotations, job summary, outputs, one PR comment -> failed when a finding is at
 * or above fail-on. Never throws; failures end in core.setFailed with one line.
 */
export async function run(): Promise<void> {
  // The runner's environment, as @actions/core reads it for inputs and file commands.
  const env = process.env;
  try {
    const inputs = readInputs();
    if (inputs.githubToken) core.setSecret(inputs.githubToken);
    const root = resolve(env.GITHUB_WORKSPACE || process.cwd());
    const eventName = env.GITHUB_EVENT_NAME ?? '';
    const plan = await planScan(
      eventName,
      readPayload(env.GITHUB_EVENT_PATH),
      inputs.scan,
      root,
      env.GITHUB_REPOSITORY ?? '',
    );
    if (plan.target.kind === 'full' || plan.target.kind === 'branch')
      await requireFullHistory(root, `scan: ${plan.mode}`);
    const outDir = join(env.RUNNER_TEMP || tmpdir(), 'tokenscope');
    mkdirSync(outDir, { recursive: true });
    const chosen = await chooseConfig(root, inputs.config, plan, outDir);
    const config = loadConfig(chosen.path);
    if (chosen.note) plan.notes.push(chosen.note);

    // Nothing is logged before this line: every secret the target holds is masked first.
    const masked = await maskFoundSecrets(plan.target, root, config);
    core.debug(`registered ${masked} value(s) with the runner's log masking`);

    if (plan.target.kind === 'none') {
      core.info(`tokenscope: ${plan.target.reason}`);
      setOutputs({ findings: 0, highest: 'none', sarif: '', report: '' });
      return;
    }
    core.info(`tokenscope: scanning ${plan.description}`);
    for (const note of plan.notes) core.info(`tokenscope: ${note}`);

    const reportPath = join(outDir, 'report.json');
    const cli = await runAuditCli(auditArgv(inputs, plan.target, root, chosen.path, reportPath), root, env);
    if (cli.code === EXIT_ERROR) {
      // One line naming the file, flag or missing commit (a shallow clone: `fetch-depth: 0`).
      core.setFailed(cli.stderr.trim() || 'tokenscope: the audit failed');
      return;
    }
    for (const line of cli.stderr.split('\n')) if (line.trim()) core.info(line);

    const report = JSON.parse(readFileSync(reportPath, 'utf8')) as Report;
    const { errors, warnings } = annotate(report);
    let sarifPath = '';
    if (inputs.sarifFile) {
      sarifPath = resolve(root, inputs.sarifFile);
      mkdirSync(dirname(sarifPath), { recursive: true });
      writeAtomic(sarifPath, renderSarif(report, [...PROVIDERS.flatMap((p) => p.rules), ...config.rules]));
    }
    if (!writeSummary(summaryMarkdown(report, plan.description), env.GITHUB_STEP_SUMMARY)) {
      core.debug('GITHUB_STEP_SUMMARY is not set: no job summary');
    }
    setOutputs({
      findings: report.summary.credentials,
      highest: report.findings.length ? worst(report.findings.map((f) => f.severity)) : 'none',
      sarif: sarifPath,
      report: reportPath,
    });
    core.info(
      report.findings.length === 0
        ? `tokenscope: ${emptyOutcome(report)}`
        : `tokenscope: ${report.summary.credentials} credential(s); ${errors} error and ${warnings} warning annotation(s)`,
    );
    for (const line of notesSection(report.notes, 'every note is in the job summary')) core.info(`tokenscope: ${line}`);

    if (plan.pullRequest && inputs.comment) {
      if (!inputs.githubToken) core.warning('tokenscope: no github-token, so no pull-request comment');
      else {
        const outcome = await syncComment(
          commentClient(inputs.githubToken, env),
          plan.pullRequest,
          report,
          plan.description,
        );
        if (outcome.kind === 'failed') {
          core.warning(
            `tokenscope: could not write the pull-request comment (${outcome.why}); the job summary and annotations carry the same report`,
          );
        } else if (outcome.kind === 'none') core.debug(`no pull-request comment: ${outcome.why}`);
        else core.info(`tokenscope: pull-request comment ${outcome.kind} (${outcome.id})`);
      }
    }

    if (report.summary.failing > 0) {
      core.setFailed(
        `tokenscope: ${report.summary.failing} credential(s) at or above ${report.summary.failOn}; see the annotations and the job summary`,
      );
    }
  } catch (e) {
    core.setFailed(`tokenscope: ${e instanceof InputError ? e.message : describeFatal(e)}`);
  }
}

/** True when this module is the process's entry point (node dist/index.js), not an import (tests). */
function isEntryPoint(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) void run();
