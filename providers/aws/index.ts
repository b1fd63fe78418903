import { lazily } from '../../src/core/lazy.js';
import type { Provider } from '../../src/core/provider.js';
import { accountIdFromKeyId, keyKind } from './account.js';
import { combineAws } from './combine.js';
import { DEFAULT_STS_ENDPOINT } from './default-endpoints.js';
import { remediateAws } from './remediation.js';
import { assessAws } from './risks.js';
import { rules } from './rules.js';
import { parseAwsInspectInput } from './stdin.js';

// Loaded on first use, one inspector at a time (src/core/lazy.ts says why).
const inspector = lazily(() => import('./inspect.js'));

/** Mixed case and a digit: what a random base64 secret has and a hex digest or a word does not. */
function awsSecretShape(s: string): boolean {
  return /[a-z]/.test(s) && /[A-Z]/.test(s) && /[0-9]/.test(s);
}

export const aws: Provider = {
  id: 'aws',
  name: 'AWS',
  docsUrl: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html',
  rules,
  validators: { 'aws-secret-shape': awsSecretShape },
  combine: combineAws,
  /**
   * STS's endpoint, or a general one for every AWS service (an emulator): `--aws-endpoint` or
   * AWS_ENDPOINT_URL. The inspector also honours AWS_ENDPOINT_URL_STS / AWS_ENDPOINT_URL_IAM as the
   * SDK does, each checked like this one (https, or http on loopback) — see endpoints.ts.
   */
  endpoint: { default: DEFAULT_STS_ENDPOINT, flag: 'aws-endpoint', env: ['AWS_ENDPOINT_URL'] },
  // The AWS SDK loads only when a key is inspected: scanning threads import this file too.
  inspect: async (credential, ctx) => (await inspector()).inspectAws(credential, ctx),
  parseInspectInput: parseAwsInspectInput,
  assess: (input) => assessAws(input),
  remediation: remediateAws,
  describeOffline(credential) {
    if (credential.ruleId !== 'aws-access-key-id') return undefined;
    const keyId = credential.secret.reveal();
    const account = accountIdFromKeyId(keyId);
    const unknowns = credential.parts.secretAccessKey
      ? []
      : [
          {
            what: 'permissions',
            reason: 'no secret access key was found with this key id, so it cannot be used or inspected',
          },
        ];
    return {
      identity: account ? `account ${account}` : null,
      tokenType: keyKind(keyId),
      reach: (account ? { accounts: [account] } : {}) as Record<string, string[]>,
      unknowns,
    };
  },
};
