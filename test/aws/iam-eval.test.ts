import {
  type Decision,
  evaluate,
  grantsEverything,
  isUnconstrainedResource,
  type PolicyDocument,
  parsePolicyDocument,
} from '../../providers/aws/iam-eval.js';

const allow = (Action: string | string[], Resource: string | string[] = '*', extra: object = {}) => ({
  Effect: 'Allow',
  Action,
  Resource,
  ...extra,
});
const deny = (Action: string | string[], Resource: string | string[] = '*', extra: object = {}) => ({
  Effect: 'Deny',
  Action,
  Resource,
  ...extra,
});
const doc = (...Statement: object[]): PolicyDocument => ({ Version: '2012-10-17', Statement: Statement as never });

interface Row {
  name: string;
  docs: PolicyDocument[];
  action: string;
  resource?: string;
  decision: Decision;
  unconstrained: boolean;
}

// Each expected decision written by hand from IAM's evaluation logic.
const table: Row[] = [
  {
    name: 'no policies: implicit deny',
    docs: [],
    action: 's3:GetObject',
    decision: 'implicitDeny',
    unconstrained: false,
  },
  {
    name: 'exact action on *',
    docs: [doc(allow('s3:DeleteBucket'))],
    action: 's3:DeleteBucket',
    decision: 'allowed',
    unconstrained: true,
  },
  {
    name: 'other action: implicit deny',
    docs: [doc(allow('s3:GetObject'))],
    action: 's3:DeleteObject',
    decision: 'implicitDeny',
    unconstrained: false,
  },
  {
    name: 'action names are case-insensitive',
    docs: [doc(allow('IAM:createaccesskey'))],
    action: 'iam:CreateAccessKey',
    decision: 'allowed',
    unconstrained: true,
  },
  {
    name: 'service wildcard',
    docs: [doc(allow('iam:*'))],
    action: 'iam:PutUserPolicy',
    decision: 'allowed',
    unconstrained: true,
  },
  {
    name: 'prefix wildcard',
    docs: [doc(allow('iam:Create*'))],
    action: 'iam:CreateLoginProfile',
    decision: 'allowed',
    unconstrained: true,
  },
  {
    name: 'prefix wildcard does not reach other verbs',
    docs: [doc(allow('iam:Create*'))],
    action: 'iam:UpdateLoginProfile',
    decision: 'implicitDeny',
    unconstrained: false,
  },
  {
    name: '? matches one character',
    docs: [doc(allow('ssm:GetParameter?'))],
    action: 'ssm:GetParameters',
    decision: 'allowed',
    unconstrained: true,
  },
  {
    name: '? needs exactly one character',
    docs: [doc(allow('ssm:GetParameter?'))],
    action: 'ssm:GetParameter',
    decision: 'implicitDeny',
    unconstrained: false,
  },
  {
    name: 'star on star',
    docs: [doc(allow('*'))],
    action: 'dynamodb:DeleteTable',
    decision: 'allowed',
    unconstrained: true,
  },
  {
    name: 'Deny overrides Allow',
    docs: [doc(allow('*')), doc(deny('iam:*'))],
    action: 'iam:CreateAccessKey',
    decision: 'explicitDeny',
    unconstrained: false,
  },
  {
    name: 'Deny of another service leaves Allow',
    docs: [doc(allow('*'), deny('iam:*'))],
    action: 's3:DeleteObject',
    decision: 'allowed',
    unconstrained: true,
  },
  {
    name: 'NotAction allow (PowerUser-like) excludes iam',
    docs: [doc({ Effect: 'Allow', NotAction: ['iam:*', 'organizations:*'], Resource: '*' })],
    action: 'iam:AttachUserPolicy',
    decision: 'implicitDeny',
    unconstrained: false,
  },
  {
    name: 'NotAction allow includes everything else',
    docs: [doc({ Effect: 'Allow', NotAction: ['iam:*'], Resource: '*' })],
    action: 'ec2:TerminateInstances',
    decision: 'allowed',
    unconstrained: true,
  },
  {
    name: 'NotAction deny denies the rest',
    docs: [doc(allow('*'), { Effect: 'Deny', NotAction: 's3:*', Resource: '*' })],
    action: 'rds:DeleteDBInstance',
    decision: 'explicitDeny',
    unconstrained: false,
  },
  {
    name: 'NotAction deny spares what it names',
    docs: [doc(allow('*'), { Effect: 'Deny', NotAction: 's3:*', Resource: '*' })],
    action: 's3:DeleteBucket',
    decision: 'allowed',
    unconstrained: true,
  },
  {
    name: 'one bucket: allowed, constrained',
    docs: [doc(allow('s3:DeleteObject', 'arn:aws:s3:::assets/*'))],
    action: 's3:DeleteObject',
    decision: 'allowed',
    unconstrained: false,
  },
  {
    name: 'every bucket by ARN wildcard: unconstrained',
    docs: [doc(allow('s3:DeleteBucket', 'arn:aws:s3:::*'))],
    action: 's3:DeleteBucket',
    decision: 'allowed',
    unconstrained: true,
  },
  {
    name: 'every DB instance by typed ARN wildcard',
    docs: [doc(allow('rds:DeleteDBInstance', 'arn:aws:rds:*:*:db:*'))],
    action: 'rds:DeleteDBInstance',
    decision: 'allowed',
    unconstrained: true,
  },
  {
    name: 'a Deny on part of the resources makes it constrained',
    docs: [doc(allow('s3:*'), deny('s3:DeleteObject', 'arn:aws:s3:::prod-*/*'))],
    action: 's3:DeleteObject',
    decision: 'allowed',
    unconstrained: false,
  },
  {
    name: 'NotResource allow: some resources, not all',
    docs: [doc({ Effect: 'Allow', Action: 's3:DeleteObject', NotResource: 'arn:aws:s3:::audit/*' })],
    action: 's3:DeleteObject',
    decision: 'allowed',
    unconstrained: false,
  },
  {
    name: 'concrete resource matching',
    docs: [doc(allow('s3:DeleteObject', 'arn:aws:s3:::assets/*'))],
    action: 's3:DeleteObject',
    resource: 'arn:aws:s3:::assets/logo.png',
    decision: 'allowed',
    unconstrained: false,
  },
  {
    name: 'concrete resource not matching',
    docs: [doc(allow('s3:DeleteObject', 'arn:aws:s3:::assets/*'))],
    action: 's3:DeleteObject',
    resource: 'arn:aws:s3:::backups/db.sql',
    decision: 'implicitDeny',
    unconstrained: false,
  },
  {
    name: 'resource ARNs are case-sensitive',
    docs: [doc(allow('s3:DeleteObject', 'arn:aws:s3:::Assets/*'))],
    action: 's3:DeleteObject',
    resource: 'arn:aws:s3:::assets/x',
    decision: 'implicitDeny',
    unconstrained: false,
  },
  {
    name: 'NotResource excludes the named resource',
    docs: [doc({ Effect: 'Allow', Action: 's3:*', NotResource: 'arn:aws:s3:::audit/*' })],
    action: 's3:DeleteObject',
    resource: 'arn:aws:s3:::audit/log',
    decision: 'implicitDeny',
    unconstrained: false,
  },
  {
    name: 'concrete Deny on that resource',
    docs: [doc(allow('s3:*'), deny('s3:DeleteObject', 'arn:aws:s3:::prod/*'))],
    action: 's3:DeleteObject',
    resource: 'arn:aws:s3:::prod/a',
    decision: 'explicitDeny',
    unconstrained: false,
  },
  {
    name: 'conditional Allow is conditional, never guessed',
    docs: [
      doc(
        allow('secretsmanager:GetSecretValue', '*', { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }),
      ),
    ],
    action: 'secretsmanager:GetSecretValue',
    decision: 'conditional',
    unconstrained: true,
  },
  {
    name: 'conditional Deny makes an Allow conditional',
    docs: [doc(allow('iam:*'), deny('iam:*', '*', { Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } }))],
    action: 'iam:CreateAccessKey',
    decision: 'conditional',
    unconstrained: true,
  },
  {
    name: 'conditional Deny alone: still implicit deny',
    docs: [doc(deny('iam:*', '*', { Condition: { Bool: { 'aws:SecureTransport': 'false' } } }))],
    action: 'iam:CreateAccessKey',
    decision: 'implicitDeny',
    unconstrained: false,
  },
  {
    name: 'unconditional Deny beats conditional Allow',
    docs: [
      doc(allow('s3:*', '*', { Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } } }), deny('s3:*')),
    ],
    action: 's3:DeleteBucket',
    decision: 'explicitDeny',
    unconstrained: false,
  },
  {
    name: 'Effect case: "allow" is not valid IAM but read as Allow',
    docs: [doc({ Effect: 'allow', Action: 'ec2:DeleteVolume', Resource: '*' })],
    action: 'ec2:DeleteVolume',
    decision: 'allowed',
    unconstrained: true,
  },
  {
    name: 'a single Statement object (not an array)',
    docs: [{ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 'backup:*', Resource: '*' } }],
    action: 'backup:DeleteBackupVault',
    decision: 'allowed',
    unconstrained: true,
  },
  {
    name: 'regex characters in a pattern are literal',
    docs: [doc(allow('s3:Delete.bject'))],
    action: 's3:DeleteObject',
    decision: 'implicitDeny',
    unconstrained: false,
  },
];

describe('IAM evaluator', () => {
  test.each(table)('$name', ({ docs, action, resource, decision, unconstrained }) => {
    expect(evaluate(docs, action, resource)).toEqual({ decision, unconstrained });
  });

  test('unconstrained resource patterns', () => {
    expect(isUnconstrainedResource('*')).toBe(true);
    expect(isUnconstrainedResource('arn:aws:s3:::*')).toBe(true);
    expect(isUnconstrainedResource('arn:aws:iam::123456789012:user/*')).toBe(true);
    expect(isUnconstrainedResource('arn:aws:s3:::assets/*')).toBe(false);
    expect(isUnconstrainedResource('arn:aws:secretsmanager:us-east-1:123456789012:secret:app-*')).toBe(false);
  });

  test('grantsEverything: * on * without condition only', () => {
    expect(grantsEverything([doc(allow('*'))])).toBe(true);
    expect(grantsEverything([doc(allow('*', 'arn:aws:s3:::*'))])).toBe(false);
    expect(
      grantsEverything([doc(allow('*', '*', { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }))]),
    ).toBe(false);
    expect(grantsEverything([doc(allow('s3:*'))])).toBe(false);
  });

  test('documents arrive URL-encoded from IAM and are decoded', () => {
    const encoded =
      '%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%22s3%3A%2A%22%2C%22Resource%22%3A%22%2A%22%7D%5D%7D';
    expect(parsePolicyDocument(encoded)).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }],
    });
    expect(parsePolicyDocument('{"Statement":[]}')).toEqual({ Statement: [] });
    expect(() => parsePolicyDocument('[1]')).toThrow('not a JSON object');
  });
});
