import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../config/load.js';
import type { Severity } from '../core/types.js';
import { renderOrg, type OrgFormat } from '../org/render.js';
import { MergeError, mergeReports, withState } from '../org/report.js';
import { recordRun } from '../org/scan.js';
import { StateStore } from '../org/state.js';
import type { OrgReport } from '../org/types.js';
import { outputPath } from './output-path.js';
import { checkedStatePath } from './state-path.js';
import { emit } from './render.js';
import { exitCodeForReport } from './exit.js';
import type { CliIO } from './io.js';

/** `tokenscope merge shard-*.json`: the shards' JSON reports as one report; --state records it. */
export async function runMerge(args: Record<string, unknown>, io: CliIO): Promise<number> {
  const files = ((args.files as unknown[] | undefined) ?? []).map(String);
  const output = outputPath(args.output, io.cwd);
  const statePath = typeof args.state === 'string' ? checkedStatePath(args.state, io.cwd) : undefined;
  if (files.length === 0) throw new UsageError('merge: name the JSON reports to merge');
  const reports = files.map((f): OrgReport => {
    const path = resolve(io.cwd, f);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      throw new UsageError(`${f}: cannot read it`);
    }
    let report: OrgReport;
    try {
      report = JSON.parse(text) as OrgReport;
    } catch {
      throw new UsageError(`${f}: not JSON (merge reads reports written with --format json)`);
    }
    if (report?.tool?.name !== 'tokenscope') throw new UsageError(`${f}: not a tokenscope JSON report`);
    // An audit report has no repositories: merged in, its findings would belong to no repository.
    if (!report.org || !Array.isArray(report.repositories))
      throw new UsageError(`${f}: a report of \`tokenscope audit\`; merge reads the reports of \`tokenscope org\``);
    return report;
  });
  let report: OrgReport;
  try {
    report = mergeReports(reports, args['fail-on'] as Severity | undefined);
  } catch (e) {
    if (e instanceof MergeError) throw new UsageError(`merge: ${e.message}`);
    throw e;
  }
  if (statePath) {
    const store = new StateStore(statePath);
    try {
      const now = new Date();
      withState(report, recordRun(store, report, now), now);
    } finally {
      store.close();
    }
  }
  emit(renderOrg(report, args.format as OrgFormat), output, io);
  return exitCodeForReport(report);
}
