import { describe, expect, it } from '@jest/globals';
import { aws } from '../../providers/aws/index.js';
import { railway } from '../../providers/railway/index.js';
import { stripe } from '../../providers/stripe/index.js';
import { assess } from '../../src/assess/assess.js';
import { DEFAULT_POLICY } from '../../src/assess/policy.js';
import type { Provider } from '../../src/core/provider.js';
import type { RuleSpec } from '../../src/core/rule.js';
import { Secret } from '../../src/core/secret.js';
import type { RiskSignal, Severity, SourceLabel, Verification } from '../../src/core/types.js';
import { buildReport, toReportFinding } from '../../src/report/model.js';
import { credentialAt, inspectionOf } from './fixtures.js';

/** The README's severity table, one column per source label (committed, local, machine). */
const PLACES: SourceLabel[] = ['tracked', 'history', 'untracked', 'ignored', 'stdin', 'home', 'env'];
const row = (committed: Severity, local: Severity, machine: Severity): Severity[] => [
  committed,
  committed,
  local,
  local,
  local,
  machine,
  machine,
];

function severities(
  provider: Provider,
  ruleId: string,
  verification: Verification,
  signals: RiskSignal[] = [],
  extraRules: RuleSpec[] = [],
): Severity[] {
  const withSignals: Provider = { ...provider, assess: () => signals };
  return PLACES.map(
    (p) =>
      assess(
        credentialAt([p], ruleId, provider.id),
        inspectionOf(verification),
        withSignals,
        DEFAULT_POLICY,
        extraRules,
      ).severity,
  );
}

describe('severity = exposure x breadth (README, Severities)', () => {
  it('not inspected, of a high-confidence kind (a Stripe live key): high when committed', () => {
    for (const v of ['unverified', 'error', 'skipped'] as const)
      expect(severities(stripe, 'stripe-secret-key', v)).toEqual(row('high', 'medium', 'low'));
  });

  it('not inspected, found by context (a Railway UUID): medium when committed, below the gate', () => {
    expect(severities(railway, 'railway-token', 'unverified')).toEqual(row('medium', 'low', 'low'));
  });

  it('an AWS key id alone is an identifier (context); paired with its secret key it is high', () => {
    expect(severities(aws, 'aws-access-key-id', 'unverified')).toEqual(row('medium', 'low', 'low'));
    const paired = PLACES.map((p) => {
      const credential = credentialAt([p], 'aws-access-key-id', 'aws');
      credential.parts = { secretAccessKey: new Secret('not-a-real-secret-access-key-value-0000') };
      return assess(credential, inspectionOf('unverified'), aws, DEFAULT_POLICY).severity;
    });
    expect(paired).toEqual(row('high', 'medium', 'low'));
  });

  it('dead: info wherever it is', () => {
    expect(severities(stripe, 'stripe-secret-key', 'invalid')).toEqual(row('info', 'info', 'info'));
    expect(severities(railway, 'railway-token', 'invalid')).toEqual(row('info', 'info', 'info'));
  });

  it('live and narrow with nothing to say: high when committed, else as its risks say', () => {
    expect(severities(railway, 'railway-token', 'verified')).toEqual(row('high', 'info', 'info'));
  });

  it('live and broad: at least critical committed, high elsewhere, whatever the provider suggests', () => {
    const mild: RiskSignal[] = [{ id: 'account-wide-token', severity: 'low', message: 'm' }];
    expect(severities(railway, 'railway-token', 'verified', mild)).toEqual(row('critical', 'high', 'high'));
  });

  it('live and narrow: at most high committed, medium elsewhere, whatever the provider suggests', () => {
    const loud: RiskSignal[] = [{ id: 'reads-other-secrets', severity: 'critical', message: 'm' }];
    expect(severities(railway, 'railway-token', 'verified', loud)).toEqual(row('high', 'medium', 'medium'));
  });

  it('a canary opens nothing: info, even committed and uninspected', () => {
    const canary: RiskSignal[] = [{ id: 'canary-token', severity: 'info', message: 'm' }];
    expect(severities(stripe, 'stripe-secret-key', 'skipped', canary)).toEqual(row('info', 'info', 'info'));
  });

  it("a custom rule is context unless it declares high (the config's rules are consulted)", () => {
    const custom = { ...stripe.rules[0]!, id: 'acme-internal-token', provider: 'acme' };
    const acme: Provider = { id: 'acme', name: 'Acme', docsUrl: 'https://example.invalid', rules: [] };
    const { confidence: _none, ...undeclared } = custom;
    expect(severities(acme, 'acme-internal-token', 'unverified', [], [undeclared])).toEqual(
      row('medium', 'low', 'low'),
    );
    expect(severities(acme, 'acme-internal-token', 'unverified', [], [{ ...custom, confidence: 'high' }])).toEqual(
      row('high', 'medium', 'low'),
    );
  });

  it('says why an uninspected credential is as severe as it is', () => {
    const f = assess(
      credentialAt(['tracked'], 'stripe-secret-key', 'stripe'),
      inspectionOf('unverified'),
      stripe,
      DEFAULT_POLICY,
    );
    expect(f.risks).toEqual([
      {
        id: 'uninspected-credential',
        severity: 'high',
        message:
          'not inspected (unverified for the test); committed to git, readable by anyone with the repository; its shape (a prefix, a checksum, a decoded payload, or a pairing) says it is a real credential',
      },
    ]);
  });

  it('the report carries breadth and exposure', () => {
    const at = (v: Verification, signals: RiskSignal[], place: SourceLabel) =>
      toReportFinding(
        assess(
          credentialAt([place], 'railway-token', 'railway'),
          inspectionOf(v),
          { ...railway, assess: () => signals },
          DEFAULT_POLICY,
        ),
      );
    const m = (id: string): RiskSignal => ({ id, severity: 'medium', message: 'm' });
    expect(at('verified', [m('account-wide-token'), m('no-expiry')], 'tracked')).toMatchObject({
      breadth: 'broad',
      exposure: 'committed',
    });
    expect(at('verified', [m('workflow-write')], 'ignored')).toMatchObject({ breadth: 'write', exposure: 'local' });
    expect(at('verified', [m('secrets-read')], 'env')).toMatchObject({ breadth: 'read', exposure: 'machine' });
    expect(at('verified', [], 'home')).toMatchObject({ breadth: 'read', exposure: 'machine' });
    expect(at('error', [], 'history')).toMatchObject({ breadth: 'unknown', exposure: 'committed' });
    expect(at('invalid', [], 'stdin')).toMatchObject({ breadth: 'dead', exposure: 'local' });
  });

  it('reports sort by severity, then breadth: of three high findings, the broad one comes first', () => {
    const signals = (ids: string[]): Provider => ({
      ...railway,
      assess: () => ids.map((id) => ({ id, severity: 'medium' as const, message: 'm' })),
    });
    const findings = [
      // uninspected Stripe key, committed: high, unknown
      assess(credentialAt(['tracked'], 'stripe-secret-key', 'stripe'), inspectionOf('error'), stripe, DEFAULT_POLICY),
      // live, narrow, committed: high, write
      assess(
        credentialAt(['tracked'], 'railway-token', 'railway'),
        inspectionOf('verified'),
        signals(['workflow-write']),
        DEFAULT_POLICY,
      ),
      // live, broad, in an ignored file: high, broad
      assess(
        credentialAt(['ignored'], 'railway-token', 'railway'),
        inspectionOf('verified'),
        signals(['account-wide-token']),
        DEFAULT_POLICY,
      ),
    ];
    expect(findings.map((f) => f.severity)).toEqual(['high', 'high', 'high']);
    const report = buildReport({ target: '.', findings, failOn: 'high', endpoints: {}, notes: [] }, '0');
    expect(report.findings.map((f) => f.breadth)).toEqual(['broad', 'write', 'unknown']);
  });
});
