import Table from 'cli-table3';
import { PROVIDERS } from '../../providers/registry.js';
import { whoamiVerifies } from '../core/whoami.js';
import type { CliIO } from './io.js';

/** One line of `tokenscope rules`: what a rule finds, and what tokenscope can learn of what it finds. */
export interface RuleRow {
  id: string;
  provider: string;
  kind: string;
  description: string;
  /** The provider can tell a live token of this rule from a dead one (an inspector, or a whoami). */
  verifies: boolean;
  /** How: the one read-only request of a provider verified by a whoami (`GET /v1/me`). */
  verifiedBy?: string;
  /** The provider also maps what the token can do (scope, reach, risks), not only whether it works. */
  inspectsScope: boolean;
}

export function ruleRows(): RuleRow[] {
  return PROVIDERS.flatMap((p) =>
    p.rules.map((r) => {
      const whoami = p.whoami && whoamiVerifies(p.whoami, r.id) ? p.whoami.operation : undefined;
      return {
        id: r.id,
        provider: p.id,
        kind: r.kind,
        description: r.description,
        verifies: Boolean(p.inspect) && (p.whoami === undefined || whoami !== undefined),
        ...(whoami ? { verifiedBy: `${whoami.method} ${whoami.path}` } : {}),
        // A whoami says whether a token is live and whose it is, not what it can do.
        inspectsScope: Boolean(p.inspect && p.assess && !p.whoami),
      };
    }),
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
    table.push([
      r.id,
      r.provider,
      r.kind,
      r.verifiedBy ? `yes (${r.verifiedBy})` : r.verifies ? 'yes' : 'no',
      r.inspectsScope ? 'yes' : 'no',
    ]);
  const providers = new Set(rows.map((r) => r.provider)).size;
  io.stdout(
    `${table.toString()}\n${rows.length} rules over ${providers} providers; ${rows.filter((r) => r.verifies).length} verify, ${rows.filter((r) => r.inspectsScope).length} inspect scope.\n`,
  );
  return 0;
}
