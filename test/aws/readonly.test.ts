import { readdirSync, readFileSync } from 'node:fs';
import {
  CreateAccessKeyCommand,
  DeleteUserCommand,
  IAMClient,
  ListAccessKeysCommand,
  SimulatePrincipalPolicyCommand,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { makeAwsClients } from '../../providers/aws/clients.js';
import { isReadOnlyOperation, operationName, readOnlyClient, wireGuard } from '../../providers/aws/readonly.js';
import { ReadOnlyViolation } from '../../src/core/errors.js';
import { fakeSecretKey, keyIdFor } from './helpers.js';
import { startQueryDouble } from './query-double.js';
import { readableUser } from './scenario.js';

const fakeCreds = { accessKeyId: 'AKIAZ7QN4XW2LRDJ5HGE', secretAccessKey: fakeSecretKey() };

describe('AWS read-only guard', () => {
  test('the allowlist: Get*, List*, Simulate*, GetCallerIdentity; nothing else', () => {
    expect(isReadOnlyOperation('GetCallerIdentity')).toBe(true);
    expect(isReadOnlyOperation('ListAttachedUserPolicies')).toBe(true);
    expect(isReadOnlyOperation('GetAccountAuthorizationDetails')).toBe(true);
    expect(isReadOnlyOperation('SimulatePrincipalPolicy')).toBe(true);
    expect(isReadOnlyOperation('CreateAccessKey')).toBe(false);
    expect(isReadOnlyOperation('AssumeRole')).toBe(false);
    expect(isReadOnlyOperation('GenerateServiceLastAccessedDetails')).toBe(false);
    expect(isReadOnlyOperation('UpdateAccessKey')).toBe(false);
    expect(isReadOnlyOperation('Getter')).toBe(false);
    expect(isReadOnlyOperation('')).toBe(false);
  });

  test('operation names come from the SDK command', () => {
    expect(operationName(new GetCallerIdentityCommand({}))).toBe('GetCallerIdentity');
    expect(operationName(new CreateAccessKeyCommand({}))).toBe('CreateAccessKey');
  });

  test('the wrapper refuses CreateAccessKey, DeleteUser, AssumeRole: refused, nothing sent', async () => {
    const iam = new IAMClient({ region: 'us-east-1', credentials: fakeCreds });
    const sts = new STSClient({ region: 'us-east-1', credentials: fakeCreds });
    const iamMock = mockClient(iam);
    const stsMock = mockClient(sts);
    iamMock.onAnyCommand().resolves({});
    stsMock.onAnyCommand().resolves({});

    await expect(readOnlyClient(iam).send(new CreateAccessKeyCommand({}))).rejects.toThrow(ReadOnlyViolation);
    await expect(readOnlyClient(iam).send(new DeleteUserCommand({ UserName: 'x' }))).rejects.toThrow(
      'refused AWS DeleteUser: only Get*, List*, Simulate* may be sent',
    );
    await expect(
      readOnlyClient(sts).send(
        new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/x', RoleSessionName: 's' }),
      ),
    ).rejects.toThrow(ReadOnlyViolation);
    expect(iamMock.calls()).toHaveLength(0);
    expect(stsMock.calls()).toHaveLength(0);

    await readOnlyClient(iam).send(new ListAccessKeysCommand({}));
    await readOnlyClient(iam).send(
      new SimulatePrincipalPolicyCommand({ PolicySourceArn: 'a', ActionNames: ['s3:GetObject'] }),
    );
    expect(iamMock.calls()).toHaveLength(2);
  });

  test('the real clients the inspector builds refuse a write on the wire too, even bypassing the wrapper', async () => {
    const keyId = keyIdFor('123456789012');
    const d = await startQueryDouble({ ...readableUser(keyId), 'iam:CreateAccessKey': () => ({ xml: '<x/>' }) });
    try {
      const endpoints = { sts: new URL(d.url), iam: new URL(d.url) };
      const clients = makeAwsClients({ accessKeyId: keyId, secretAccessKey: fakeSecretKey() }, endpoints);
      await expect(clients.iam.send(new CreateAccessKeyCommand({}))).rejects.toThrow(ReadOnlyViolation);
      // Reach behind the wrapper: the SDK middleware still stops it before it is signed or sent.
      const raw = new IAMClient({ region: 'us-east-1', credentials: fakeCreds, endpoint: d.url });
      wireGuard(raw.middlewareStack);
      await expect(raw.send(new CreateAccessKeyCommand({}))).rejects.toThrow(
        'refused AWS request with Action=CreateAccessKey: only Get*, List*, Simulate* may be sent',
      );
      expect(d.requests).toEqual([]);
      // A read goes through the same guards and out.
      await clients.iam.send(new ListAccessKeysCommand({}));
      expect(d.requests.map((r) => r.action)).toEqual(['ListAccessKeys']);
    } finally {
      await d.close();
    }
  });

  test('the inspector source names only read-only AWS commands', () => {
    // Every `new XCommand(` in providers/aws: the static half of the promise (the e2e tests record the dynamic half).
    const dir = new URL('../../providers/aws/', import.meta.url);
    const names = new Set<string>();
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
      for (const m of readFileSync(new URL(f, dir), 'utf8').matchAll(/new (\w+)Command\(/g)) names.add(m[1]!);
    }
    expect(names.size).toBeGreaterThan(10);
    expect([...names].filter((n) => !isReadOnlyOperation(n))).toEqual([]);
  });
});
