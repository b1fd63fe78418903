import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { PROVIDERS } from '../../providers/registry.js';
import { agentHeadline } from '../assess/headline.js';
import type { Config } from '../config/load.js';
import { UsageError } from '../config/load.js';
import { audit } from '../core/audit.js';
import type { Source, CredentialRefiner } from '../core/source.js';
import { toolVersion } from '../core/version.js';
import { buildReport } from '../report/model.js';
import { envSource } from '../sources/env.js';
import { HistoryScan } from '../sources/history/history.js';
import { planRange } from '../sources/history/range.js';
import { requireRepo, resolveCommit } from '../sources/history/repo.js';
import { earlyWalk } from '../sources/history/early-walk.js';
import { allRevs } from '../sources/history/revs.js';
import { stagedSource } from '../sources/history/staged.js';
import { homeSource } from '../sources/home/home.js';
import { skipGlobsFor } from '../sources/skip.js';
import { stdinSource } from '../sources/stdin.js';
import { loadBaseline } from './baseline.js';
import { unkeyedMatches } from './fingerprint-scheme.js';
import { exitCodeForReport } from './exit.js';
import type { CliIO } from './io.js';
import { progressReporter } from './progress.js';
import { emit, render, tableView } from './render.js';
import { addOriginOwner, settingsFrom } from './settings.js';

/** What to read besides (or instead of) the working tree, as the flags ask. */
interface Plan {
  scanWorkTree: boolean;
  sources: Source[];
  refiners: CredentialRefiner[];
  notes: string[];
  /** Set when there is nothing to scan (--range with BASE == HEAD): said, and exit 0. */
  nothing?: string;
}

function exclusive(args: Record<string, unknown>): void {
  const modes = [
    args.stdin ? '--stdin' : '',
    typeof args.range === 'string' ? '--range' : '',
    args.staged ? '--staged' : '',
    args.history || typeof args.branch === 'string' ? '--history' : '',
  ].filter(Boolean);
  if (modes.length > 1) throw new UsageError(`${modes.join(' and ')} cannot be used together`);
}

async function plan(args: Record<string, unknown>, io: CliIO, root: string | undefined, config: Config): Promise<Plan> {
  exclusive(args);
  const p: Plan = { scanWorkTree: root !== undefined, sources: [], refiners: [], notes: [] };
  const { maxFileSize } = config;
  // What git holds or a commit adds is always read: only the user's own skip globs apply here.
  const skip = skipGlobsFor(config, 'history');
  if (args.stdin) {
    if (!io.stdin) throw new UsageError('--stdin: no standard input');
    p.sources.push(stdinSource(await io.stdin()));
  }
  if (root && typeof args.range === 'string') {
    p.scanWorkTree = false;
    const range = await planRange(root, args.range, skip, maxFileSize);
    if (range.kind === 'empty') return { ...p, nothing: range.message };
    if (range.message) p.notes.push(range.message);
    p.sources.push(range.scan.source);
    p.refiners.push(range.scan);
  }
  if (root && args.staged) {
    p.scanWorkTree = false;
    p.sources.push(await stagedSource(root, skip, maxFileSize, p.notes));
  }
  if (root && (args.history || typeof args.branch === 'string')) {
    // Both at once (the stash list is empty outside a repository): git's walk starts sooner.
    const [, all] = await Promise.all([
      requireRepo(root, typeof args.branch === 'string' && !args.history ? '--branch' : '--history'),
      earlyWalk.revsFor(root) ?? allRevs(root),
    ]);
    let revs = all;
    let head = 'HEAD';
    if (typeof args.branch === 'string') {
      const tip = await resolveCommit(root, args.branch);
      if (!tip) throw new UsageError(`--branch: no commit named '${args.branch}' in ${root}`);
      revs = [tip];
      head = args.branch;
    }
    const history = new HistoryScan({ cwd: root, revs, head, skip });
    // git's walk starts now, while the scanning pool and the working tree's listing are set up.
    history.prepare();
    p.sources.push(history);
    p.refiners.push(history);
  }
  if (args.agent || args['include-home']) p.sources.push(homeSource(io.env, maxFileSize, p.notes));
  if (args.agent || args['include-env']) p.sources.push(envSource(io.env, maxFileSize));
  return p;
}

export async function runAudit(args: Record<string, unknown>, io: CliIO): Promise<number> {
  const useStdin = Boolean(args.stdin);
  let root: string | undefined;
  if (!useStdin) {
    root = resolve(io.cwd, String(args.path ?? '.'));
    let isDir = false;
    try {
      isDir = statSync(root).isDirectory();
    } catch {
      throw new UsageError(`${args.path}: no such directory`);
    }
    if (!isDir) throw new UsageError(`${args.path}: not a directory`);
  }
  const s = settingsFrom(args, io, root);
  const baseline = typeof args.baseline === 'string' ? loadBaseline(resolve(io.cwd, args.baseline)) : undefined;
  const p = await plan(args, io, root, s.config);
  // Asked once git's walk (if any) has started; the audit waits for it before judging.
  const owner = root ? addOriginOwner(s.config, root) : undefined;
  if (p.nothing) io.stderr(`tokenscope: ${p.nothing}\n`);

  const progress = progressReporter(s.showProgress, io.drawProgress ?? io.stderr);
  const result = p.nothing
    ? { findings: [], notes: [p.nothing], stats: { files: 0, bytes: 0, skipped: 0, suppressed: 0 } }
    : await audit({
        ...(root && p.scanWorkTree ? { root } : {}),
        config: s.config,
        sources: p.sources,
        refiners: p.refiners,
        threads: s.threads,
        offline: s.offline,
        skipFoundHosts: s.skipFoundHosts,
        foundHostPorts: s.foundHostPorts,
        endpoints: s.endpoints,
        ...(io.clients ? { clients: io.clients } : {}),
        ...(io.fetchImpl ? { fetchImpl: io.fetchImpl } : {}),
        progress: progress.update,
        ...(owner ? { settled: owner } : {}),
      });
  progress.done();

  let findings = result.findings;
  let baselineSuppressed: number | undefined;
  if (baseline) {
    findings = findings.filter((f) => !baseline.has(f));
    baselineSuppressed = result.findings.length - findings.length;
  }
  const mismatches = unkeyedMatches(findings, process.env.TOKENSCOPE_FINGERPRINT_KEY, [
    ...(baseline?.ids ? [{ name: `--baseline ${String(args.baseline)}`, ids: baseline.ids }] : []),
    { name: 'allowlist.fingerprints', ids: new Set(s.config.allowlist.fingerprints) },
  ]);
  for (const m of mismatches) io.stderr(`tokenscope: ${m}\n`);
  const notes = [...p.notes, ...result.notes, ...mismatches];
  if (result.stats.suppressed) notes.push(`${result.stats.suppressed} match(es) suppressed by the allowlist`);
  const report = buildReport(
    {
      target: useStdin ? 'stdin' : root!,
      findings,
      failOn: s.failOn,
      endpoints: s.offline ? {} : s.endpoints,
      notes,
      ...(baselineSuppressed !== undefined ? { baselineSuppressed } : {}),
      ...(args.agent ? { headline: agentHeadline(findings) } : {}),
    },
    toolVersion(),
  );
  const rules = [...PROVIDERS.flatMap((p) => p.rules), ...s.config.rules];
  emit(render(report, s.format, rules, tableView(io, s.output)), s.output, io);
  return exitCodeForReport(report);
}
