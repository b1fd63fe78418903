import type { Provider } from '../../src/core/provider.js';
import { accountIdFromKeyId, keyKind } from './account.js';
import { combineAws } from './combine.js';
import { rules } from './rules.js';

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
  describeOffline(credential) {
    if (credential.ruleId !== 'aws-access-key-id') return undefined;
    const keyId = credential.secret.reveal();
    const account = accountIdFromKeyId(keyId);
    const unknowns = credential.parts.secretAccessKey
      ? []
      : [{ what: 'permissions', reason: 'no secret access key was found with this key id, so it cannot be used or inspected' }];
    return {
      identity: account ? `account ${account}` : null,
      tokenType: keyKind(keyId),
      reach: (account ? { accounts: [account] } : {}) as Record<string, string[]>,
      unknowns,
    };
  },
};
