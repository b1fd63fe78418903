import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { PROVIDERS } from '../../providers/registry.js';
import { UsageError } from '../config/load.js';
import { type CandidateSource, audit } from '../core/audit.js';
import { toolVersion } from '../core/version.js';
import { buildReport } from '../report/model.js';
import { loadBaseline } from './baseline.js';
import { exitCodeForReport } from './exit.js';
import type { CliIO } from './io.js';
import { progressReporter } from './progress.js';
import { emit, render } from './render.js';
import { settingsFrom } from './settings.js';
import { stdinSource } from '../sources/stdin.js';

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

  const sources: CandidateSource[] = [];
  if (useStdin) {
    if (!io.stdin) throw new UsageError('--stdin: no standard input');
    sources.push(stdinSource(await io.stdin()));
  }
  const progress = progressReporter(s.showProgress, io.stderr);
  const result = await audit({
    ...(root ? { root } : {}),
    config: s.config,
    sources,
    threads: s.threads,
    offline: s.offline,
    endpoints: s.endpoints,
    ...(io.clients ? { clients: io.clients } : {}),
    ...(io.fetchImpl ? { fetchImpl: io.fetchImpl } : {}),
    progress: progress.update,
  });
  progress.done();

  let findings = result.findings;
  let baselineSuppressed: number | undefined;
  if (baseline) {
    findings = findings.filter((f) => !baseline.has(f.credential.fingerprint));
    baselineSuppressed = result.findings.length - findings.length;
  }
  const notes = [...result.notes];
  if (result.stats.suppressed) notes.push(`${result.stats.suppressed} match(es) suppressed by the allowlist`);
  const report = buildReport(
    {
      target: useStdin ? 'stdin' : root!,
      findings,
      failOn: s.failOn,
      endpoints: s.offline ? {} : s.endpoints,
      notes,
      ...(baselineSuppressed !== undefined ? { baselineSuppressed } : {}),
    },
    toolVersion(),
  );
  emit(render(report, s.format, [...PROVIDERS.flatMap((p) => p.rules), ...s.config.rules]), s.output, io);
  return exitCodeForReport(report);
}
