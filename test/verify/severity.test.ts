import { describe, expect, it } from '@jest/globals';
import { PROVIDERS } from '../../providers/registry.js';
import { assess } from '../../src/assess/assess.js';
import { breadthOf } from '../../src/assess/breadth.js';
import { DEFAULT_POLICY } from '../../src/assess/policy.js';
import type { Inspection, SourceLabel } from '../../src/core/types.js';
import { foundCredential } from '../helpers/found.js';
import { MAKE } from './tokens.js';

/**
 * A token verified by a whoami alone is live, but its reach was not learned: it ranks as the same
 * token left uninspected (never lower), and its breadth is unknown, not narrow.
 */
const buildkite = PROVIDERS.find((p) => p.id === 'buildkite')!;
const live: Inspection = {
  verification: 'verified',
  reason: 'Buildkite accepts it (GET /v2/access-token): user ada@example.com',
  scope: {
    identity: 'user ada@example.com',
    tokenType: 'API access token',
    permissions: ['read_builds'],
    capabilities: [],
    reach: {},
    expiresAt: null,
    unknowns: [],
  },
};
const finding = (source: SourceLabel, inspection: Inspection) =>
  assess(
    foundCredential('buildkite', 'buildkite-api-token', 'API access token', MAKE.buildkite(), { source }),
    inspection,
    buildkite,
    DEFAULT_POLICY,
  );

describe('the severity of a token verified by a whoami', () => {
  it.each([
    ['tracked', 'high'],
    ['untracked', 'medium'],
    ['env', 'low'],
  ] as const)('found %s: %s, as if uninspected', (source, severity) => {
    const f = finding(source, live);
    expect(f.severity).toBe(severity);
    expect(f.risks.find((r) => r.id === 'reach-unknown')?.severity).toBe(severity);
    const uninspected = finding(source, { verification: 'unverified', reason: 'offline', scope: null });
    expect(uninspected.severity).toBe(severity);
  });

  it('has an unknown breadth', () => {
    expect(
      breadthOf(
        'verified',
        finding('untracked', live).risks.map((r) => r.id),
      ),
    ).toBe('unknown');
  });

  it('a rejected one is dead, with no reach-unknown', () => {
    const f = finding('tracked', { verification: 'invalid', reason: 'Buildkite rejects it (HTTP 401)', scope: null });
    expect(f.risks.map((r) => r.id)).toEqual(['invalid-credential']);
    expect(f.severity).toBe('info');
  });
});
