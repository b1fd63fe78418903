import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { github } from '../../providers/github/index.js';
import { PROVIDERS } from '../../providers/registry.js';
import { assess } from '../../src/assess/assess.js';
import { DEFAULT_POLICY } from '../../src/assess/policy.js';
import { inspectAll } from '../../src/inspect/run.js';
import { GithubDouble } from './double.js';
import { makePlans } from './plans.js';
import { credentialFor } from './tokens.js';

const plans = makePlans();
const double = new GithubDouble(plans);
beforeAll(() => double.start());
afterAll(() => double.stop());

test('the provider declares its endpoint: api.github.com, --github-api-url, GITHUB_API_URL', () => {
  expect(github.endpoint).toEqual({
    default: 'https://api.github.com',
    flag: 'github-api-url',
    env: ['GITHUB_API_URL'],
  });
});

test('through the inspect stage and the policy engine: one finding per token, with its risks', async () => {
  const credentials = [
    credentialFor(plans['classicBroad']!.token, ['deploy/.env']),
    credentialFor(plans['revoked']!.token),
    credentialFor(plans['fineGrained']!.token),
  ];
  const providers = new Map(PROVIDERS.map((p) => [p.id, p]));
  const { inspections, http } = await inspectAll(credentials, providers, {
    offline: false,
    endpoints: { github: new URL(double.url) },
    policy: DEFAULT_POLICY,
    concurrency: 2,
    budgetMs: 20_000,
  });
  const findings = credentials.map((c) => assess(c, inspections.get(c.fingerprint)!, github, DEFAULT_POLICY));

  const [broad, revoked, fine] = findings as [(typeof findings)[0], (typeof findings)[0], (typeof findings)[0]];
  expect(broad.inspection.verification).toBe('verified');
  expect(broad.risks.map((r) => r.id)).toEqual([
    'org-admin',
    'can-delete-repos',
    'workflow-write',
    'broad-repo-write',
    'no-expiry',
    'classic-where-fine-grained-fits',
    'committed-live-credential',
  ]);
  // Org admin that can delete repositories, committed: broad, so critical, above the narrow
  // fine-grained token committed beside it (high).
  expect(broad.severity).toBe('critical');
  expect(broad.remediation).toContain('fine-grained PAT');
  expect(revoked.inspection.verification).toBe('invalid');
  expect(fine.inspection.verification).toBe('verified');
  expect(fine.risks.map((r) => r.id)).toEqual(['committed-live-credential']);
  expect(fine.severity).toBe('high');
  expect(new Set(http.sent.map((r) => r.method))).toEqual(new Set(['GET']));
  expect(double.problems).toEqual([]);
});
