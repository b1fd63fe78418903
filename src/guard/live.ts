import { DEFAULT_POLICY } from '../assess/policy.js';
import { assess } from '../assess/assess.js';
import { providersById } from '../core/audit.js';
import type { Candidate } from '../core/types.js';
import { mergeCandidates } from '../detect/merge.js';
import { inspectAll } from '../inspect/run.js';
import { buildReport } from '../report/model.js';
import { buildGuardCache, type GuardCredential } from './cache.js';

/**
 * Live inspection for the hook: one credential, read-only through the same doors as an audit,
 * within `budgetMs` in total. A provider that cannot say in time makes the guard ask.
 */
export function liveInspector(
  budgetMs: number,
  endpoints: Record<string, URL>,
  fetchImpl?: typeof fetch,
): (c: Candidate) => Promise<GuardCredential> {
  return async (candidate) => {
    const [credential] = mergeCandidates([candidate]);
    if (!credential) throw new Error('nothing to inspect');
    const providers = providersById();
    const { inspections } = await inspectAll([credential], providers, {
      offline: false,
      skipFoundHosts: true,
      endpoints,
      policy: DEFAULT_POLICY,
      concurrency: 1,
      budgetMs,
      http: { timeoutMs: budgetMs, retries: 0 },
      ...(fetchImpl ? { fetchImpl } : {}),
    });
    const inspection = inspections.get(credential.fingerprint)!;
    if (inspection.verification !== 'verified' && inspection.verification !== 'invalid')
      throw new Error(`${inspection.verification}: ${inspection.reason}`);
    const finding = assess(credential, inspection, providers.get(credential.provider), DEFAULT_POLICY);
    const report = buildReport(
      { target: 'tool call', findings: [finding], failOn: 'high', endpoints: {}, notes: [] },
      '',
    );
    return buildGuardCache(report, Boolean(process.env.TOKENSCOPE_FINGERPRINT_KEY)).credentials[0]!;
  };
}
