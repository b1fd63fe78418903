import { accountIdFromKeyId } from '../../providers/aws/account.js';
import { resolveAwsEndpoints } from '../../providers/aws/endpoints.js';
import { parsePrincipal } from '../../providers/aws/principal.js';
import { parseAwsInspectInput } from '../../providers/aws/stdin.js';
import { EndpointViolation } from '../../src/core/errors.js';

const hrefs = (e: { sts: URL; iam: URL }) => [e.sts.href, e.iam.href];

describe('AWS endpoints, as the SDK resolves them but checked', () => {
  test('defaults: STS global, IAM global', () => {
    expect(hrefs(resolveAwsEndpoints('https://sts.amazonaws.com/', {}))).toEqual([
      'https://sts.amazonaws.com/',
      'https://iam.amazonaws.com/',
    ]);
  });
  test('a general endpoint (flag or AWS_ENDPOINT_URL) serves both services', () => {
    expect(hrefs(resolveAwsEndpoints('http://127.0.0.1:4566/', {}))).toEqual([
      'http://127.0.0.1:4566/',
      'http://127.0.0.1:4566/',
    ]);
  });
  test('per-service variables win over the general one', () => {
    const env = {
      AWS_ENDPOINT_URL_IAM: 'http://localhost:5000',
      AWS_ENDPOINT_URL_STS: 'https://sts.eu-west-1.amazonaws.com',
    };
    expect(hrefs(resolveAwsEndpoints('http://127.0.0.1:4566/', env))).toEqual([
      'https://sts.eu-west-1.amazonaws.com/',
      'http://localhost:5000/',
    ]);
  });
  test('clear text off loopback is refused, naming the variable', () => {
    expect(() =>
      resolveAwsEndpoints('https://sts.amazonaws.com/', { AWS_ENDPOINT_URL_IAM: 'http://10.0.0.5:4566' }),
    ).toThrow(EndpointViolation);
    expect(() =>
      resolveAwsEndpoints('https://sts.amazonaws.com/', { AWS_ENDPOINT_URL_IAM: 'http://10.0.0.5:4566' }),
    ).toThrow(/^AWS_ENDPOINT_URL_IAM: /);
  });
});

describe('AWS small parts', () => {
  test('account ids from the README vectors', () => {
    expect(accountIdFromKeyId('ASIAQNZGKIQY56JQ7WML')).toBe('029608264753');
    expect(accountIdFromKeyId('ASIAVJ2E6QGR2WZILJFM')).toBe('364679954851');
    expect(accountIdFromKeyId('AKIASP2TPHJSQH3FJXYZ')).toBe('171436882533');
  });

  test('principals from caller ARNs', () => {
    expect(parsePrincipal('arn:aws:iam::123456789012:user/ci/deployer')).toEqual({
      kind: 'user',
      arn: 'arn:aws:iam::123456789012:user/ci/deployer',
      account: '123456789012',
      name: 'deployer',
      partition: 'aws',
    });
    expect(parsePrincipal('arn:aws:sts::123456789012:assumed-role/deploy/gha/run-1')).toMatchObject({
      kind: 'assumed-role',
      name: 'deploy',
      session: 'gha/run-1',
    });
    expect(parsePrincipal('arn:aws-us-gov:iam::123456789012:root')).toMatchObject({
      kind: 'root',
      partition: 'aws-us-gov',
    });
    expect(parsePrincipal('arn:aws:sts::123456789012:federated-user/bob')).toMatchObject({
      kind: 'federated-user',
      name: 'bob',
    });
    expect(parsePrincipal('nonsense', '000000000000')).toMatchObject({ kind: 'unknown', account: '000000000000' });
  });

  test('stdin: ACCESS_KEY_ID SECRET [SESSION_TOKEN]', () => {
    expect(parseAwsInspectInput('AKIAZ7QN4XW2LRDJ5HGE q8Vd2Lk3nR7tYw0pXz5bJc9mHf4sGa1eUo6iNvQr\n')).toEqual({
      secret: 'AKIAZ7QN4XW2LRDJ5HGE',
      parts: { secretAccessKey: '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' },
    });
    expect(parseAwsInspectInput('ASIAQNZGKIQY56JQ7WML\nsecret/x\ntoken==')).toEqual({
      secret: 'ASIAQNZGKIQY56JQ7WML',
      parts: { secretAccessKey: 'secret/x', sessionToken: 'token==' },
    });
    expect(parseAwsInspectInput('  \n')).toBeUndefined();
  });
});
