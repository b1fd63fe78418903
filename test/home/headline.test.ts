import { describe, expect, it } from '@jest/globals';
import { agentHeadline } from '../../src/cli/audit.js';
import { Secret } from '../../src/core/secret.js';
import type { Capability, Finding, Risk, Verification } from '../../src/core/types.js';

function finding(verification: Verification, capabilities: Capability[], risks: Risk[] = []): Finding {
  return {
    credential: {
      fingerprint: 'f'.repeat(24),
      ruleId: 'r',
      provider: 'p',
      kind: 'token',
      secret: new Secret('not-a-real-secret-value'),
      parts: {},
      locations: [{ path: 'X', line: 1, source: 'env' }],
      contexts: [],
    },
    inspection: {
      verification,
      reason: '',
      scope:
        verification === 'verified'
          ? { identity: null, tokenType: null, permissions: [], capabilities, reach: {}, expiresAt: null, unknowns: [] }
          : null,
    },
    risks,
    severity: 'info',
    remediation: '',
  };
}

describe("--agent's headline", () => {
  it('counts what can delete or administer production: a capability marked production, or a production-destruction risk', () => {
    const findings = [
      finding('verified', [{ action: 'delete', resource: 'volume db', environment: 'production', production: true }]),
      finding('verified', [{ action: 'admin', resource: 'account 1', production: true }]),
      // Admin of staging only: not production.
      finding('verified', [{ action: 'admin', resource: 'project x', environment: 'staging', production: false }]),
      // Write on production is harm, but not delete or administer.
      finding('verified', [{ action: 'write', resource: 'service api', environment: 'production', production: true }]),
      finding('verified', [], [{ id: 'destructive-production-access', severity: 'critical', message: 'm' }]),
      finding('unverified', []),
      // Rejected by the provider: it opens nothing, so it is not counted at all.
      finding('invalid', []),
    ];
    expect(agentHeadline(findings)).toBe(
      'An agent started here can read 6 credentials; 3 of them can delete or administer production resources.',
    );
  });

  it('speaks of one credential in the singular', () => {
    expect(agentHeadline([finding('unverified', [])])).toBe(
      'An agent started here can read 1 credential; 0 of them can delete or administer production resources.',
    );
  });
});
