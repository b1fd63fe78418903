import Table from 'cli-table3';
import { PROVIDERS } from '../../providers/registry.js';
import type { CliIO } from './io.js';

/** One line of `tokenscope rules`: what a rule finds, and what tokenscope can learn of what it finds. */
export interface RuleRow {
  id: string;
  provider: string;
  kind: string;
  description: string;
  /** The provider can tell a live token from a dead one (it has an inspector). */
  verifies: boolean;
  /** The provider also maps what the token can do (scope, reach, risks), not only whether it works. */
  inspectsScope: boolean;
}

export function ruleRows(): RuleRow[] {
  return PROVIDERS.flatMap((p) =>
    p.rules.map((r) => ({
      id: r.id,
      provider: p.id,
      kind: r.kind,
      description: r.description,
      verifies: Boolean(p.inspect),
      inspectsScope: Boolean(p.inspect && p.assess),
    })),
  ).sort((a, b) => a.provider.localeCompare(b.provider) || a.id.localeCompare(b.id));
}

/** `tokenscope rules [--format json]`: every built-in rule. */
export async function runRules(args: Record<string, unknown>, io: CliIO): Promise<number> {
  const rows = ruleRows();
  if (args.format === 'json') {
    io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  const table = new Table({
    head: ['rule', 'provider', 'kind', 'verifies', 'scope'],
    style: { head: [], border: [] },
  });
  for (const r of rows)
    table.push([r.id, r.provider, r.kind, r.verifies ? 'yes' : 'no', r.inspectsScope ? 'yes' : 'no']);
  const providers = new Set(rows.map((r) => r.provider)).size;
  io.stdout(
    `${table.toString()}\n${rows.length} rules over ${providers} providers; ${rows.filter((r) => r.verifies).length} verify, ${rows.filter((r) => r.inspectsScope).length} inspect scope.\n`,
  );
  return 0;
}
