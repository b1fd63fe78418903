import type { Finding } from '../core/types.js';
import { breadthOf } from './breadth.js';

const credentials = (n: number) => `${n} credential${n === 1 ? '' : 's'}`;

/**
 * --agent's one-line answer: how many credentials an agent started here can read, and of those
 * how many are known to destroy or administer, known not to, and unknown (not inspected: they may
 * well). An uninspected credential is never counted as harmless. Credentials the provider
 * rejected (and tripwires) open nothing and are not counted.
 */
export function agentHeadline(findings: Finding[]): string {
  const counts = { broad: 0, narrow: 0, unknown: 0 };
  for (const f of findings) {
    const b = breadthOf(
      f.inspection.verification,
      f.risks.map((r) => r.id),
    );
    if (b === 'dead') continue;
    counts[b === 'broad' ? 'broad' : b === 'unknown' ? 'unknown' : 'narrow']++;
  }
  const total = counts.broad + counts.narrow + counts.unknown;
  return (
    `An agent started here can read ${credentials(total)}: ` +
    `${counts.broad} can delete or administer (known broad), ` +
    `${counts.narrow} cannot (known narrow), ` +
    `${counts.unknown} could not be inspected (reach unknown).`
  );
}
