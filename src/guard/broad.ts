/**
 * Risks that mean a credential can destroy or administer: what the guard refuses to let an agent
 * use, whatever the task. (src/assess keeps the full broad/narrow model; this is the guard's
 * decision rule over it.)
 */
export const BROAD_RISKS = new Set([
  'destructive-production-access',
  'destructive-data-access',
  'admin',
  'org-admin',
  'can-delete-repos',
  'privilege-escalation',
  'account-wide-token',
  'cross-environment',
]);

/** Critical or high, with at least one destroy/administer risk. */
export function isBroad(severity: string, riskIds: readonly string[]): boolean {
  return (severity === 'critical' || severity === 'high') && riskIds.some((r) => BROAD_RISKS.has(r));
}
