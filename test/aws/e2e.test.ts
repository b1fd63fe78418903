import { assess } from '../../src/assess/assess.js';
import { DEFAULT_POLICY } from '../../src/assess/policy.js';
import type { Provider } from '../../src/core/provider.js';
import type { Credential, Finding } from '../../src/core/types.js';
import { inspectAll } from '../../src/inspect/run.js';
import { aws } from '../../providers/aws/index.js';
import { awsCredential, fakeSecretKey, inspectContext, keyIdFor } from './helpers.js';
import { type QueryDouble, startQueryDouble } from './query-double.js';
import { ACCOUNT, narrowUser, readableUser, USER_ARN } from './scenario.js';

/**
 * End to end over loopback: the real SDK clients sign and send query-protocol requests to a double,
 * parse its XML, and the provider turns the answers into a finding.
 */

const ENV_KEYS = [
  'AWS_ENDPOINT_URL',
  'AWS_ENDPOINT_URL_STS',
  'AWS_ENDPOINT_URL_IAM',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_PROFILE',
];
const saved: Record<string, string | undefined> = {};
beforeEach(() => {
  for (const k of ENV_KEYS) {
    saved[k] = process.env[k];
    delete process.env[k];
  }
});
afterEach(() => {
  for (const k of ENV_KEYS) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

let doubles: QueryDouble[] = [];
afterEach(async () => {
  await Promise.all(doubles.map((d) => d.close()));
  doubles = [];
});
async function double(handlers: Parameters<typeof startQueryDouble>[0]) {
  const d = await startQueryDouble(handlers);
  doubles.push(d);
  return d;
}

async function inspectAndAssess(credential: Credential, endpoint: string): Promise<Finding> {
  const providers = new Map<string, Provider>([['aws', aws]]);
  const { inspections } = await inspectAll([credential], providers, {
    offline: false,
    endpoints: { aws: new URL(endpoint) },
    policy: DEFAULT_POLICY,
    concurrency: 1,
    budgetMs: 20_000,
  });
  return assess(credential, inspections.get(credential.fingerprint)!, aws, DEFAULT_POLICY);
}

const READ_ONLY = /^(Get|List|Simulate)[A-Z]/;

describe('AWS inspector end to end (loopback STS/IAM query double)', () => {
  test('a user that can read its policies: identity, policies, risks, key age, only read calls, only the found key', async () => {
    const keyId = keyIdFor(ACCOUNT);
    const secretKey = fakeSecretKey();
    // Another key in the environment must never be used.
    process.env.AWS_ACCESS_KEY_ID = keyIdFor('210987654321');
    process.env.AWS_SECRET_ACCESS_KEY = fakeSecretKey();
    process.env.AWS_PROFILE = 'tokenscope-test-profile-that-does-not-exist';
    const d = await double(readableUser(keyId));

    const finding = await inspectAndAssess(awsCredential(keyId, secretKey), d.url);

    expect(finding.inspection.verification).toBe('verified');
    const scope = finding.inspection.scope!;
    expect(scope.identity).toBe(USER_ARN);
    expect(scope.tokenType).toBe('long-lived IAM user access key of IAM user deployer');
    expect(scope.reach).toEqual({ accounts: ['123456789012'] });
    expect(scope.permissions).toEqual([
      'policy: managed deploy-assets',
      'policy: inline deployer/lambda-deploy',
      'policy: group ops: inline ops/read-secrets',
      'lambda:UpdateFunctionCode on *',
      'iam:PassRole',
      'lambda:CreateFunction on *',
      's3:DeleteObject',
      'secretsmanager:GetSecretValue on *',
    ]);
    expect(scope.capabilities).toEqual([
      { action: 'admin', resource: 'lambda in account 123456789012' },
      { action: 'admin', resource: 'iam (some resources) in account 123456789012' },
      { action: 'write', resource: 'lambda in account 123456789012' },
      { action: 'delete', resource: 's3 (some resources) in account 123456789012' },
      { action: 'read', resource: 'secretsmanager in account 123456789012' },
    ]);
    expect(finding.risks.map((r) => [r.id, r.severity])).toEqual([
      ['privilege-escalation', 'critical'],
      // Committed: a broad risk is at least critical (README, Severities).
      ['destructive-data-access', 'critical'],
      ['secrets-read', 'high'],
      ['old-key', 'medium'],
      ['committed-live-credential', 'high'],
    ]);
    expect(finding.risks[0]!.message).toBe(
      'can grant itself more rights: lambda:UpdateFunctionCode on *, iam:PassRole + lambda:CreateFunction',
    );
    expect(finding.severity).toBe('critical');
    expect(finding.remediation).toContain('last used with s3 in eu-west-1 on 2024-05-06');
    expect(finding.remediation).toContain('IAM Access Analyzer policy generation');
    expect(finding.remediation).toContain('OIDC federation for CI');

    // Read-only, and every request signed with the found key, none with the environment's.
    expect(d.requests.map((r) => `${r.service}:${r.action}`).sort()).toEqual([
      'iam:GetAccessKeyLastUsed',
      'iam:GetGroupPolicy',
      'iam:GetPolicy',
      'iam:GetPolicyVersion',
      'iam:GetUserPolicy',
      'iam:ListAccessKeys',
      'iam:ListAttachedGroupPolicies',
      'iam:ListAttachedUserPolicies',
      'iam:ListGroupPolicies',
      'iam:ListGroupsForUser',
      'iam:ListUserPolicies',
      'sts:GetCallerIdentity',
    ]);
    expect(d.requests.every((r) => READ_ONLY.test(r.action) || r.action === 'GetCallerIdentity')).toBe(true);
    expect(new Set(d.requests.map((r) => r.signedWith))).toEqual(new Set([keyId]));
    expect(d.requests.find((r) => r.service === 'iam')!.signingService).toBe('iam');

    // No raw secret in anything that leaves the process.
    const out = JSON.stringify(finding);
    expect(out).not.toContain(secretKey);
    expect(out).not.toContain(keyId);
  });

  test('a key that cannot read its policies: each denied call named, identity kept, then the simulator', async () => {
    const keyId = keyIdFor(ACCOUNT);
    const d = await double(narrowUser());

    const finding = await inspectAndAssess(awsCredential(keyId, fakeSecretKey()), d.url);

    expect(finding.inspection.verification).toBe('verified');
    const scope = finding.inspection.scope!;
    expect(scope.identity).toBe(USER_ARN);
    const unknown = (what: string) => scope.unknowns.find((u) => u.what === what)?.reason ?? '';
    expect(unknown('iam:ListAttachedUserPolicies (deployer)')).toMatch(
      /^denied to this key: AccessDenied \(HTTP 403\)/,
    );
    expect(unknown('iam:ListUserPolicies (deployer)')).toMatch(/^denied to this key/);
    expect(unknown('iam:ListGroupsForUser (deployer)')).toMatch(/^denied to this key/);
    expect(unknown('iam:GetAccountAuthorizationDetails (123456789012)')).toMatch(/^denied to this key/);
    expect(unknown('iam:ListAccessKeys (own keys)')).toMatch(/^denied to this key/);
    expect(unknown('iam:GetAccessKeyLastUsed (this key)')).toMatch(/^denied to this key/);

    expect(scope.permissions).toEqual(['iam:CreateAccessKey on *', 's3:DeleteBucket on * (conditional)']);
    expect(finding.risks.map((r) => [r.id, r.severity])).toEqual([
      ['privilege-escalation', 'critical'],
      // Conditional only, yet committed and broad: at least critical.
      ['destructive-data-access', 'critical'],
      ['committed-live-credential', 'high'],
    ]);
    expect(finding.risks[0]!.message).toBe(
      'can grant itself more rights (per the IAM policy simulator): iam:CreateAccessKey on *',
    );

    const sim = d.requests.find((r) => r.action === 'SimulatePrincipalPolicy')!;
    expect(sim.params.get('PolicySourceArn')).toBe(USER_ARN);
    expect(sim.params.get('ActionNames.member.1')).toBe('iam:CreatePolicyVersion');
    expect(d.requests.every((r) => READ_ONLY.test(r.action) || r.action === 'GetCallerIdentity')).toBe(true);
  });

  test('AWS_ENDPOINT_URL_IAM sends IAM calls to their own endpoint, as the SDK does', async () => {
    const keyId = keyIdFor(ACCOUNT);
    const handlers = readableUser(keyId);
    const stsDouble = await double(handlers);
    const iamDouble = await double(handlers);
    process.env.AWS_ENDPOINT_URL_IAM = iamDouble.url;

    const finding = await inspectAndAssess(awsCredential(keyId, fakeSecretKey()), stsDouble.url);

    expect(finding.inspection.verification).toBe('verified');
    expect(stsDouble.requests.map((r) => r.action)).toEqual(['GetCallerIdentity']);
    expect(iamDouble.requests.length).toBe(11);
    expect(iamDouble.requests.every((r) => r.service === 'iam')).toBe(true);
  });

  test('a per-service endpoint in clear text off loopback is refused before any request', async () => {
    const keyId = keyIdFor(ACCOUNT);
    const d = await double(readableUser(keyId));
    process.env.AWS_ENDPOINT_URL_STS = 'http://sts.example.com';

    const finding = await inspectAndAssess(awsCredential(keyId, fakeSecretKey()), d.url);

    expect(finding.inspection.verification).toBe('error');
    expect(finding.inspection.reason).toBe(
      'AWS_ENDPOINT_URL_STS: "http://sts.example.com" must be https, or http on loopback (127.0.0.1, localhost, [::1])',
    );
    expect(d.requests).toEqual([]);
  });

  test('an error message echoing the key is scrubbed; a deleted key is invalid', async () => {
    const keyId = keyIdFor(ACCOUNT);
    const secretKey = fakeSecretKey();
    const d = await double({
      'sts:GetCallerIdentity': () => ({
        status: 403,
        xml: `<ErrorResponse><Error><Type>Sender</Type><Code>InvalidClientTokenId</Code><Message>The security token included in the request is invalid: ${keyId} ${secretKey}</Message></Error><RequestId>x</RequestId></ErrorResponse>`,
      }),
    });

    const finding = await inspectAndAssess(awsCredential(keyId, secretKey), d.url);

    expect(finding.inspection.verification).toBe('invalid');
    expect(finding.inspection.reason).toMatch(
      /^AWS does not know this key id: deleted, deactivated or never real \(InvalidClientTokenId/,
    );
    const out = JSON.stringify(finding);
    expect(out).not.toContain(secretKey);
    expect(out).not.toContain(keyId);
  });

  test('STS answering 503 leaves the key unverified with a reason, no crash', async () => {
    const keyId = keyIdFor(ACCOUNT);
    const d = await double({
      'sts:GetCallerIdentity': () => ({
        status: 503,
        xml: '<ErrorResponse><Error><Type>Receiver</Type><Code>ServiceUnavailable</Code><Message>down</Message></Error></ErrorResponse>',
      }),
    });

    const finding = await inspectAndAssess(awsCredential(keyId, fakeSecretKey()), d.url);

    // Reached, then failed: an error (a throttle or a host never reached would be unverified).
    expect(finding.inspection.verification).toBe('error');
    expect(finding.inspection.reason).toMatch(/^sts:GetCallerIdentity got no answer: ServiceUnavailable/);
    // maxAttempts 2: the first try and one retry, no more.
    expect(d.requests.length).toBe(2);
  });

  test('STS answering nonsense is an error with a reason, no crash', async () => {
    const keyId = keyIdFor(ACCOUNT);
    const d = await double({ 'sts:GetCallerIdentity': () => ({ xml: '<html>not aws</html' }) });

    const finding = await inspectAndAssess(awsCredential(keyId, fakeSecretKey()), d.url);

    expect(finding.inspection.verification).toBe('error');
    expect(finding.inspection.reason).toMatch(/^sts:GetCallerIdentity answered unexpectedly: /);
  });

  test('a hanging STS is abandoned when the run budget signal fires: unverified, no crash', async () => {
    const keyId = keyIdFor(ACCOUNT);
    let arrived: () => void = () => {};
    const seen = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    const d = await double({
      'sts:GetCallerIdentity': () => {
        arrived();
        return 'hang';
      },
    });
    const controller = new AbortController();
    const ctx = { ...inspectContext({}), endpoint: `${d.url}/`, signal: controller.signal };
    const pending = aws.inspect!(awsCredential(keyId, fakeSecretKey()), ctx);
    await seen;
    controller.abort();
    await expect(pending).rejects.toMatchObject({
      name: 'ProviderUnavailableError',
      verification: 'error',
      message: expect.stringMatching(/^sts:GetCallerIdentity got no answer: AbortError/),
    });
    expect(d.requests).toHaveLength(1);
  });

  // The source must exist: a silently skipped end-to-end test would prove nothing.
  test('the CLI: `inspect --provider aws` reads ACCESS_KEY_ID SECRET from stdin', async () => {
    const keyId = keyIdFor(ACCOUNT);
    const secretKey = fakeSecretKey();
    const d = await double(readableUser(keyId));
    const { runCli } = (await import('../../src/cli/main.js' as string)) as {
      runCli: (argv: string[], io: unknown) => Promise<number>;
    };
    let stdout = '';
    let stderr = '';
    const code = await runCli(['inspect', '--provider', 'aws', '--format', 'json'], {
      stdout: (s: string) => {
        stdout += s;
      },
      stderr: (s: string) => {
        stderr += s;
      },
      stdin: async () => `${keyId} ${secretKey}\n`,
      env: { AWS_ENDPOINT_URL: d.url },
      cwd: process.cwd(),
    });

    expect(stderr).not.toContain(secretKey);
    expect(stdout).not.toContain(secretKey);
    expect(stdout).not.toContain(keyId);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as {
      findings: { verification: string; scope: { identity: string }; risks: { id: string }[] }[];
    };
    expect(report.findings[0]!.verification).toBe('verified');
    expect(report.findings[0]!.scope.identity).toBe(USER_ARN);
    expect(report.findings[0]!.risks.map((r) => r.id)).toContain('privilege-escalation');
    expect(d.requests[0]!.signedWith).toBe(keyId);
  });
});
