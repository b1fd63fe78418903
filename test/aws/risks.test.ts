import type { AwsFacts } from '../../providers/aws/facts.js';
import type { Evaluation } from '../../providers/aws/iam-eval.js';
import { remediateAws } from '../../providers/aws/remediation.js';
import { assessAws } from '../../providers/aws/risks.js';
import { DEFAULT_POLICY, type Policy } from '../../src/assess/policy.js';
import type { Inspection } from '../../src/core/types.js';
import { emptyScope } from '../../src/inspect/run.js';
import { awsCredential, fakeSecretKey, keyIdFor } from './helpers.js';

const allowed = (unconstrained: boolean): Evaluation => ({ decision: 'allowed', unconstrained });
const conditional = (unconstrained: boolean): Evaluation => ({ decision: 'conditional', unconstrained });

function inspection(facts: Partial<AwsFacts>, verification: Inspection['verification'] = 'verified'): Inspection {
  return {
    verification,
    reason: 'test',
    scope: {
      ...emptyScope(),
      facts: {
        aws: {
          decisions: {},
          decisionSource: 'policies',
          principal: {
            kind: 'user',
            arn: 'arn:aws:iam::123456789012:user/a',
            account: '123456789012',
            name: 'a',
            partition: 'aws',
          },
          ...facts,
        },
      },
    },
  };
}

const credential = awsCredential(keyIdFor('123456789012'), fakeSecretKey());
const risks = (facts: Partial<AwsFacts>, now = new Date('2024-06-01T00:00:00Z'), policy: Policy = DEFAULT_POLICY) =>
  assessAws({ credential, inspection: inspection(facts), policy }, now).map((r) => `${r.id}:${r.severity}`);

describe('AWS risks', () => {
  test('destructive: high when constrained, critical when allowed on every resource', () => {
    expect(risks({ decisions: { 's3:DeleteObject': allowed(false) } })).toEqual(['destructive-data-access:high']);
    expect(risks({ decisions: { 's3:DeleteObject': allowed(false), 'dynamodb:DeleteTable': allowed(true) } })).toEqual([
      'destructive-data-access:critical',
    ]);
    // Unconstrained but only if a condition holds: not certain enough for critical, and softened.
    expect(risks({ decisions: { 'ec2:TerminateInstances': conditional(true) } })).toEqual([
      'destructive-data-access:medium',
    ]);
  });

  test('secrets-read only on every secret', () => {
    expect(risks({ decisions: { 'secretsmanager:GetSecretValue': allowed(false) } })).toEqual([]);
    expect(risks({ decisions: { 'ssm:GetParametersByPath': allowed(true) } })).toEqual(['secrets-read:high']);
  });

  test('iam:PassRole alone is not escalation; with lambda:CreateFunction it is', () => {
    expect(risks({ decisions: { 'iam:PassRole': allowed(true) } })).toEqual([]);
    expect(risks({ decisions: { 'iam:PassRole': allowed(false), 'lambda:CreateFunction': allowed(true) } })).toEqual([
      'privilege-escalation:critical',
    ]);
    expect(
      risks({
        decisions: {
          'iam:PassRole': allowed(true),
          'iam:CreateAccessKey': { decision: 'explicitDeny', unconstrained: false },
        },
      }),
    ).toEqual([]);
  });

  test('admin subsumes the narrower risks', () => {
    expect(
      risks({
        admin: 'managed AdministratorAccess is attached',
        decisions: { 'iam:CreateAccessKey': allowed(true), 's3:DeleteBucket': allowed(true) },
      }),
    ).toEqual(['admin:critical']);
  });

  test('old-key: strictly older than the policy maximum', () => {
    const key = { created: '2024-03-01T00:00:00Z' };
    // 2024-03-01 -> 2024-05-30 is 90 days: not older than 90. -> 2024-05-31 is 91 days.
    expect(risks({ key }, new Date('2024-05-30T00:00:00Z'))).toEqual([]);
    expect(risks({ key }, new Date('2024-05-31T00:00:00Z'))).toEqual(['old-key:medium']);
    expect(risks({ key }, new Date('2024-05-31T00:00:00Z'), { ...DEFAULT_POLICY, maxKeyAgeDays: 365 })).toEqual([]);
    const [old] = assessAws(
      { credential, inspection: inspection({ key }), policy: DEFAULT_POLICY },
      new Date('2024-05-31T00:00:00Z'),
    );
    expect(old!.message).toBe('created 91 days ago (2024-03-01), older than the 90-day maximum');
  });

  test('nothing but canary from an unverified inspection', () => {
    expect(
      assessAws({ credential, inspection: inspection({ admin: 'x' }, 'unverified'), policy: DEFAULT_POLICY }),
    ).toEqual([]);
  });

  test('remediation names the service last used and points to Access Analyzer and short-lived credentials', () => {
    const text = remediateAws({
      credential,
      inspection: inspection({
        key: { lastUsed: { date: '2024-05-06T07:08:09.000Z', service: 'dynamodb', region: 'eu-central-1' } },
      }),
      policy: DEFAULT_POLICY,
    })!;
    expect(text).toContain('It was last used with dynamodb in eu-central-1 on 2024-05-06');
    expect(text).toContain('https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-policy-generation.html');
    expect(text).toContain('an IAM role for workloads on AWS, and OIDC federation for CI');
    expect(
      remediateAws({
        credential,
        inspection: { verification: 'invalid', reason: 'x', scope: null },
        policy: DEFAULT_POLICY,
      }),
    ).toBe('AWS rejects this key: delete it from the files that hold it (and from git history if it was committed).');
  });
});
