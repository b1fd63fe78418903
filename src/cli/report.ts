import { UsageError } from '../config/load.js';
import { StateViewError, readStateView } from '../org/state-view.js';
import { renderDashboard } from '../report/html/dashboard.js';
import type { CliIO } from './io.js';
import { emit } from './render.js';
import { resolve } from 'node:path';

/** `tokenscope report --state FILE --format html|json`: what the state file says, for people. */
export async function runReport(args: Record<string, unknown>, io: CliIO): Promise<number> {
  if (typeof args.state !== 'string') throw new UsageError('report: --state FILE is required');
  let view: ReturnType<typeof readStateView>;
  try {
    view = readStateView(resolve(io.cwd, args.state));
  } catch (e) {
    if (e instanceof StateViewError) throw new UsageError(`--state: ${e.message}`);
    throw e;
  }
  const text = args.format === 'json' ? `${JSON.stringify(view, null, 2)}\n` : renderDashboard(view);
  emit(text, typeof args.output === 'string' ? resolve(io.cwd, args.output) : undefined, io);
  return 0;
}
