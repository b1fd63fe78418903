/**
 * The actions tokenscope asks about, by the risk they raise. Sources: Rhino Security Labs' IAM
 * privilege-escalation methods (also in cloudsplaining) and issue 6.
 */

/** Any one of these lets the key grant itself (or a new identity) more rights. */
export const ESCALATION_ACTIONS = [
  'iam:CreatePolicyVersion',
  'iam:SetDefaultPolicyVersion',
  'iam:AttachUserPolicy',
  'iam:AttachGroupPolicy',
  'iam:AttachRolePolicy',
  'iam:PutUserPolicy',
  'iam:PutGroupPolicy',
  'iam:PutRolePolicy',
  'iam:CreateAccessKey',
  'iam:CreateLoginProfile',
  'iam:UpdateLoginProfile',
  'iam:AddUserToGroup',
  'iam:UpdateAssumeRolePolicy',
  'lambda:UpdateFunctionCode',
] as const;

/** iam:PassRole is an escalation only together with one of these: they run code as the passed role. */
export const PASSROLE_PARTNERS = [
  'ec2:RunInstances',
  'lambda:CreateFunction',
  'cloudformation:CreateStack',
  'glue:CreateDevEndpoint',
] as const;

export const PASSROLE = 'iam:PassRole';

/** Irreversible loss of data or infrastructure. */
export const DESTRUCTIVE_ACTIONS = [
  's3:DeleteBucket',
  's3:DeleteObject',
  'rds:DeleteDBInstance',
  'rds:DeleteDBCluster',
  'rds:DeleteDBSnapshot',
  'dynamodb:DeleteTable',
  'ec2:DeleteVolume',
  'ec2:DeleteSnapshot',
  'ec2:TerminateInstances',
  'backup:DeleteRecoveryPoint',
  'backup:DeleteBackupVault',
] as const;

/** Reading stored secrets; a risk when allowed on every secret / parameter. */
export const SECRETS_READ_ACTIONS = [
  'secretsmanager:GetSecretValue',
  'ssm:GetParameter',
  'ssm:GetParameters',
  'ssm:GetParametersByPath',
] as const;

/** Everything evaluated or simulated for a key, each once. */
export const PROBED_ACTIONS: string[] = [
  ...ESCALATION_ACTIONS,
  PASSROLE,
  ...PASSROLE_PARTNERS,
  ...DESTRUCTIVE_ACTIONS,
  ...SECRETS_READ_ACTIONS,
];

export const ADMIN_POLICY_ARN = 'arn:aws:iam::aws:policy/AdministratorAccess';
