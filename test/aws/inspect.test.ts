import {
  GetAccessKeyLastUsedCommand,
  GetAccountAuthorizationDetailsCommand,
  GetPolicyCommand,
  GetRoleCommand,
  GetUserPolicyCommand,
  IAMClient,
  IAMServiceException,
  ListAccessKeysCommand,
  ListAttachedRolePoliciesCommand,
  ListAttachedUserPoliciesCommand,
  ListGroupsForUserCommand,
  ListRolePoliciesCommand,
  ListUserPoliciesCommand,
  SimulatePrincipalPolicyCommand,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient, STSServiceException } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { aws } from '../../providers/aws/index.js';
import { DEFAULT_POLICY } from '../../src/assess/policy.js';
import type { Inspection } from '../../src/core/types.js';
import { awsCredential, fakeSecretKey, inspectContext, keyIdFor } from './helpers.js';
import { encodeDoc } from './scenario.js';

const fake = { accessKeyId: 'AKIAZ7QN4XW2LRDJ5HGE', secretAccessKey: 'q8Vd2Lk3nR7tYw0pXz5bJc9mHf4sGa1eUo6iNvQr' };

function mocks() {
  const sts = new STSClient({ region: 'us-east-1', credentials: fake });
  const iam = new IAMClient({ region: 'us-east-1', credentials: fake });
  return { sts, iam, stsMock: mockClient(sts), iamMock: mockClient(iam) };
}

const iamError = (name: string, status: number, message = `${name} happened`) =>
  new IAMServiceException({
    name,
    $fault: status >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode: status },
    message,
  });
const stsError = (name: string, status: number, message = `${name} happened`) =>
  new STSServiceException({ name, $fault: 'client', $metadata: { httpStatusCode: status }, message });

const ACCT = '123456789012';
const USER = `arn:aws:iam::${ACCT}:user/alice`;

async function run(
  keyId: string,
  m: ReturnType<typeof mocks>,
  secret: string | null = fakeSecretKey(),
  token?: string,
) {
  const credential = awsCredential(keyId, secret ?? undefined, token);
  const inspection = await aws.inspect!(credential, inspectContext({ aws: { sts: m.sts, iam: m.iam } }));
  return { credential, inspection, risks: aws.assess!({ credential, inspection, policy: DEFAULT_POLICY }) };
}

const riskIds = (r: { id: string; severity: string }[]) => r.map((x) => `${x.id}:${x.severity}`);
const unknownWhats = (i: Inspection) => i.scope!.unknowns.map((u) => u.what);

describe('AWS inspector (aws-sdk-client-mock)', () => {
  test('a canary key is never sent anywhere: skipped, with the account and a canary-token risk', async () => {
    const m = mocks();
    // README vector: AKIASP2TPHJSQH3FJXYZ -> 171436882533, one of the default canary accounts.
    const { inspection, risks } = await run('AKIASP2TPHJSQH3FJXYZ', m);
    expect(inspection.verification).toBe('skipped');
    expect(inspection.reason).toBe(
      'the key id belongs to account 171436882533, a known canary-token service; using it would trip the alarm',
    );
    expect(inspection.scope!.reach).toEqual({ accounts: ['171436882533'] });
    expect(m.stsMock.calls()).toHaveLength(0);
    expect(m.iamMock.calls()).toHaveLength(0);
    expect(riskIds(risks)).toEqual(['canary-token:info']);
  });

  test('a key id without its secret cannot be inspected: unverified, nothing sent', async () => {
    const m = mocks();
    const { inspection } = await run(keyIdFor(ACCT), m, null);
    expect(inspection.verification).toBe('unverified');
    expect(inspection.reason).toBe(
      'no secret access key was found with this key id, so it cannot be used or inspected',
    );
    expect(inspection.scope!.identity).toBe('account 123456789012');
    expect(m.stsMock.calls()).toHaveLength(0);
  });

  test('an ASIA key without its session token: unverified, nothing sent', async () => {
    const m = mocks();
    const { inspection } = await run(keyIdFor(ACCT, 'ASIA'), m);
    expect(inspection.verification).toBe('unverified');
    expect(inspection.reason).toBe(
      'a temporary (ASIA) key works only with its session token, and none was found with it',
    );
    expect(m.stsMock.calls()).toHaveLength(0);
  });

  test('assumed role with AdministratorAccess: admin even when the document is unreadable', async () => {
    const m = mocks();
    m.stsMock.on(GetCallerIdentityCommand).resolves({
      Arn: `arn:aws:sts::${ACCT}:assumed-role/deploy/gha-123`,
      Account: ACCT,
      UserId: 'AROASAMPLEROLEID12345:gha-123',
    });
    m.iamMock.on(ListAttachedRolePoliciesCommand, { RoleName: 'deploy' }).resolves({
      AttachedPolicies: [
        { PolicyName: 'AdministratorAccess', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' },
      ],
      IsTruncated: false,
    });
    m.iamMock.on(ListRolePoliciesCommand).resolves({ PolicyNames: [], IsTruncated: false });
    m.iamMock.on(GetPolicyCommand).rejects(iamError('AccessDenied', 403));
    m.iamMock.on(GetRoleCommand).resolves({ Role: { Arn: `arn:aws:iam::${ACCT}:role/ci/deploy` } as never });
    m.iamMock.on(SimulatePrincipalPolicyCommand).rejects(iamError('AccessDenied', 403));

    const { inspection, risks } = await run(
      keyIdFor(ACCT, 'ASIA'),
      m,
      fakeSecretKey(),
      'FwoGZXIvYXdzEXAMPLETOKEN'.repeat(5),
    );

    expect(inspection.verification).toBe('verified');
    expect(inspection.scope!.tokenType).toBe('temporary (STS) access key of role deploy (session gha-123)');
    expect(inspection.scope!.capabilities[0]).toEqual({ action: 'admin', resource: 'account 123456789012' });
    expect(riskIds(risks)).toEqual(['admin:critical']);
    expect(risks[0]!.message).toBe('administrator of the account: managed AdministratorAccess is attached');
    // The simulator was asked about the role's real ARN (with its path), read with GetRole.
    expect(m.iamMock.commandCalls(SimulatePrincipalPolicyCommand)[0]!.args[0].input.PolicySourceArn).toBe(
      `arn:aws:iam::${ACCT}:role/ci/deploy`,
    );
    expect(unknownWhats(inspection)).toContain('iam:GetPolicy (arn:aws:iam::aws:policy/AdministratorAccess)');
    expect(unknownWhats(inspection)).toContain('expiry');
    // Temporary keys have no age to read.
    expect(m.iamMock.commandCalls(ListAccessKeysCommand)).toHaveLength(0);
  });

  test('a root key: root-key and admin, critical', async () => {
    const m = mocks();
    m.stsMock.on(GetCallerIdentityCommand).resolves({ Arn: `arn:aws:iam::${ACCT}:root`, Account: ACCT, UserId: ACCT });
    m.iamMock.on(ListAccessKeysCommand).resolves({ AccessKeyMetadata: [], IsTruncated: false });
    m.iamMock
      .on(GetAccessKeyLastUsedCommand)
      .resolves({ AccessKeyLastUsed: { ServiceName: 'N/A', Region: 'N/A' } as never });

    const { inspection, risks } = await run(keyIdFor(ACCT), m);

    expect(inspection.scope!.identity).toBe(`arn:aws:iam::${ACCT}:root`);
    expect(riskIds(risks)).toEqual(['root-key:critical', 'admin:critical']);
    expect(aws.remediation!({ credential: awsCredential(keyIdFor(ACCT)), inspection, policy: DEFAULT_POLICY })).toMatch(
      /^Delete this root access key now .* IAM records no use of this key/,
    );
  });

  test('lists denied but GetAccountAuthorizationDetails allowed: documents from there, no simulation', async () => {
    const m = mocks();
    m.stsMock.on(GetCallerIdentityCommand).resolves({ Arn: USER, Account: ACCT, UserId: 'AIDAX' });
    m.iamMock.on(ListAttachedUserPoliciesCommand).rejects(iamError('AccessDenied', 403));
    m.iamMock.on(ListUserPoliciesCommand).rejects(iamError('AccessDenied', 403));
    m.iamMock.on(ListGroupsForUserCommand).rejects(iamError('AccessDenied', 403));
    m.iamMock.on(GetAccountAuthorizationDetailsCommand).resolves({
      UserDetailList: [
        {
          UserName: 'alice',
          Arn: USER,
          GroupList: ['admins-lite'],
          AttachedManagedPolicies: [{ PolicyName: 'local-ops', PolicyArn: `arn:aws:iam::${ACCT}:policy/local-ops` }],
          UserPolicyList: [
            {
              PolicyName: 'db',
              PolicyDocument: encodeDoc({ Statement: [{ Effect: 'Allow', Action: 'rds:Delete*', Resource: '*' }] }),
            },
          ],
        },
      ],
      GroupDetailList: [
        {
          GroupName: 'admins-lite',
          GroupPolicyList: [
            {
              PolicyName: 'keys',
              PolicyDocument: encodeDoc({
                Statement: [{ Effect: 'Allow', Action: 'iam:CreateAccessKey', Resource: '*' }],
              }),
            },
          ],
        },
      ],
      Policies: [
        {
          PolicyName: 'local-ops',
          Arn: `arn:aws:iam::${ACCT}:policy/local-ops`,
          DefaultVersionId: 'v2',
          PolicyVersionList: [
            {
              VersionId: 'v1',
              IsDefaultVersion: false,
              Document: encodeDoc({ Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }),
            },
            {
              VersionId: 'v2',
              IsDefaultVersion: true,
              Document: encodeDoc({ Statement: [{ Effect: 'Allow', Action: 'ssm:GetParameter*', Resource: '*' }] }),
            },
          ],
        },
      ],
      IsTruncated: false,
    });
    m.iamMock.on(ListAccessKeysCommand).rejects(iamError('AccessDenied', 403));
    m.iamMock.on(GetAccessKeyLastUsedCommand).rejects(iamError('AccessDenied', 403));

    const { inspection, risks } = await run(keyIdFor(ACCT), m);

    expect(inspection.scope!.permissions).toEqual([
      'policy: managed local-ops',
      'policy: inline alice/db',
      'policy: group admins-lite: inline admins-lite/keys',
      'iam:CreateAccessKey on *',
      'rds:DeleteDBInstance on *',
      'rds:DeleteDBCluster on *',
      'rds:DeleteDBSnapshot on *',
      'ssm:GetParameter on *',
      'ssm:GetParameters on *',
      'ssm:GetParametersByPath on *',
    ]);
    expect(riskIds(risks)).toEqual([
      'privilege-escalation:critical',
      'destructive-data-access:critical',
      'secrets-read:high',
    ]);
    // The denied lists were answered another way: not unknowns any more. The key calls still are.
    expect(unknownWhats(inspection)).toEqual([
      'iam:ListAccessKeys (own keys)',
      'iam:GetAccessKeyLastUsed (this key)',
      'limits outside the key',
    ]);
    expect(m.iamMock.commandCalls(SimulatePrincipalPolicyCommand)).toHaveLength(0);
    expect(m.iamMock.commandCalls(GetAccountAuthorizationDetailsCommand)[0]!.args[0].input.Filter).toEqual([
      'User',
      'Group',
      'LocalManagedPolicy',
    ]);
  });

  test('everything denied, simulator too: identity kept, each denied call named, partial answer flagged', async () => {
    const m = mocks();
    m.stsMock.on(GetCallerIdentityCommand).resolves({ Arn: USER, Account: ACCT, UserId: 'AIDAX' });
    m.iamMock.onAnyCommand().rejects(iamError('AccessDenied', 403, `User: ${USER} is not authorized`));

    const { inspection, risks } = await run(keyIdFor(ACCT), m);

    expect(inspection.verification).toBe('verified');
    expect(inspection.scope!.identity).toBe(USER);
    expect(unknownWhats(inspection)).toEqual([
      'iam:ListAttachedUserPolicies (alice)',
      'iam:ListUserPolicies (alice)',
      'iam:ListGroupsForUser (alice)',
      'iam:GetAccountAuthorizationDetails (123456789012)',
      `iam:SimulatePrincipalPolicy (${USER})`,
      'permissions',
      'iam:ListAccessKeys (own keys)',
      'iam:GetAccessKeyLastUsed (this key)',
      'limits outside the key',
    ]);
    expect(inspection.scope!.unknowns[0]!.reason).toBe(
      `denied to this key: AccessDenied (HTTP 403): User: ${USER} is not authorized`,
    );
    expect(riskIds(risks)).toEqual([]);
  });

  test('a conditional grant is reported as conditional, one step less severe', async () => {
    const m = mocks();
    m.stsMock.on(GetCallerIdentityCommand).resolves({ Arn: USER, Account: ACCT, UserId: 'AIDAX' });
    m.iamMock.on(ListAttachedUserPoliciesCommand).resolves({ AttachedPolicies: [], IsTruncated: false });
    m.iamMock.on(ListUserPoliciesCommand).resolves({ PolicyNames: ['mfa-iam'], IsTruncated: false });
    m.iamMock.on(ListGroupsForUserCommand).resolves({ Groups: [], IsTruncated: false });
    m.iamMock.on(GetUserPolicyCommand).resolves({
      UserName: 'alice',
      PolicyName: 'mfa-iam',
      PolicyDocument: encodeDoc({
        Statement: [
          {
            Effect: 'Allow',
            Action: 'iam:AttachUserPolicy',
            Resource: '*',
            Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
          },
        ],
      }),
    });
    m.iamMock.on(ListAccessKeysCommand).resolves({ AccessKeyMetadata: [], IsTruncated: false });
    m.iamMock.on(GetAccessKeyLastUsedCommand).resolves({});

    const { inspection, risks } = await run(keyIdFor(ACCT), m);

    expect(inspection.scope!.permissions).toEqual([
      'policy: inline alice/mfa-iam',
      'iam:AttachUserPolicy on * (conditional)',
    ]);
    expect(riskIds(risks)).toEqual(['privilege-escalation:high']);
  });

  test('IAM timing out: the identity stays, the remaining calls are not attempted', async () => {
    const m = mocks();
    m.stsMock.on(GetCallerIdentityCommand).resolves({ Arn: USER, Account: ACCT, UserId: 'AIDAX' });
    m.iamMock.onAnyCommand().rejects(Object.assign(new Error('socket timed out'), { name: 'TimeoutError' }));

    const { inspection } = await run(keyIdFor(ACCT), m);

    expect(inspection.verification).toBe('verified');
    expect(m.iamMock.calls()).toHaveLength(1);
    expect(inspection.scope!.unknowns[0]).toEqual({
      what: 'iam:ListAttachedUserPolicies (alice)',
      reason: 'IAM did not answer (TimeoutError: socket timed out)',
    });
    expect(inspection.scope!.unknowns[1]!.reason).toBe(
      'not asked: IAM did not answer (TimeoutError: socket timed out)',
    );
  });

  test('the run budget signal reaches every SDK call', async () => {
    const m = mocks();
    m.stsMock.on(GetCallerIdentityCommand).resolves({ Arn: USER, Account: ACCT, UserId: 'AIDAX' });
    m.iamMock.onAnyCommand().rejects(iamError('AccessDenied', 403));
    const controller = new AbortController();
    const ctx = { ...inspectContext({ aws: { sts: m.sts, iam: m.iam } }), signal: controller.signal };
    await aws.inspect!(awsCredential(keyIdFor(ACCT), fakeSecretKey()), ctx);
    const signals = [...m.stsMock.calls(), ...m.iamMock.calls()].map(
      (c) => ((c.args as unknown[])[1] as { abortSignal?: unknown } | undefined)?.abortSignal,
    );
    expect(signals.length).toBeGreaterThan(5);
    expect(signals.every((s) => s === controller.signal)).toBe(true);
  });

  test('STS answering without an ARN is an error, not a crash', async () => {
    const m = mocks();
    m.stsMock.on(GetCallerIdentityCommand).resolves({});
    await expect(run(keyIdFor(ACCT), m)).rejects.toThrow('sts:GetCallerIdentity answered without an ARN');
  });

  test.each([
    ['SignatureDoesNotMatch', 403, 'unverified', /^the secret access key found with this key id does not match it/],
    ['InvalidClientTokenId', 403, 'invalid', /^AWS does not know this key id/],
    ['ExpiredToken', 400, 'invalid', /^these temporary credentials have expired/],
  ])('STS %s -> %s', async (name, status, verification, reason) => {
    const m = mocks();
    m.stsMock.on(GetCallerIdentityCommand).rejects(stsError(name, status));
    const { inspection } = await run(keyIdFor(ACCT), m);
    expect(inspection.verification).toBe(verification);
    expect(inspection.reason).toMatch(reason);
    expect(m.iamMock.calls()).toHaveLength(0);
  });
});
