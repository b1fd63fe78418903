import { describe, expect, it } from '@jest/globals';
import { agentHeadline } from '../../src/assess/headline.js';
import type { Capability, Finding, Verification } from '../../src/core/types.js';
import { credentialAt, inspectionOf } from '../assess/fixtures.js';

function finding(verification: Verification, riskIds: string[] = [], capabilities: Capability[] = []): Finding {
  return {
    credential: credentialAt(['env']),
    inspection: inspectionOf(verification, capabilities),
    risks: riskIds.map((id) => ({ id, severity: 'info', message: 'm' })),
    severity: 'info',
    remediation: '',
  };
}

describe("--agent's headline", () => {
  it('says how many are known broad, known narrow, and not inspected; never counts an uninspected one as harmless', () => {
    const findings = [
      finding('verified', ['destructive-production-access', 'account-wide-token']),
      finding('verified', ['org-admin', 'no-expiry']),
      finding('verified', ['admin']),
      // Writes and reads, but neither destroys nor administers.
      finding('verified', ['workflow-write', 'broad-repo-write']),
      finding('verified', [], [{ action: 'read', resource: 'repo:a/b' }]),
      // Fifteen not inspected, each for one of the reasons inspection stops.
      ...Array.from({ length: 15 }, (_, i) => finding((['unverified', 'error', 'skipped'] as const)[i % 3]!)),
      // Rejected by the provider, or a canary: they open nothing, so they are not counted at all.
      finding('invalid'),
      finding('skipped', ['canary-token']),
    ];
    expect(agentHeadline(findings)).toBe(
      'An agent started here can read 20 credentials: 3 can delete or administer (known broad), 2 cannot (known narrow), 15 could not be inspected (reach unknown).',
    );
  });

  it('speaks of one credential in the singular', () => {
    expect(agentHeadline([finding('unverified')])).toBe(
      'An agent started here can read 1 credential: 0 can delete or administer (known broad), 0 cannot (known narrow), 1 could not be inspected (reach unknown).',
    );
  });
});
