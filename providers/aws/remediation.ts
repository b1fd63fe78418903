import type { AssessInput } from '../../src/core/provider.js';
import { awsFacts } from './facts.js';

export const ACCESS_ANALYZER_URL =
  'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-policy-generation.html';
export const OIDC_CI_URL =
  'https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services';

/**
 * The narrower credential that should replace this key: what it was last seen doing (the one usage
 * hint a key can read about itself), least privilege generated from CloudTrail by IAM Access
 * Analyzer, and short-lived credentials instead of a stored key.
 */
export function remediateAws(input: AssessInput): string | undefined {
  const { inspection } = input;
  const facts = awsFacts(inspection.scope);
  if (facts?.canaryAccount) {
    return 'A canary token: do not use it. If you did not plant it, someone is watching this repository; remove it from the files and ask who placed it.';
  }
  if (inspection.verification === 'invalid') {
    return 'AWS rejects this key: delete it from the files that hold it (and from git history if it was committed).';
  }
  const parts: string[] = [];
  if (facts?.principal?.kind === 'root') {
    parts.push(
      'Delete this root access key now (IAM console > Security credentials) and use IAM roles for every task instead.',
    );
  } else if (inspection.verification === 'verified') {
    parts.push(
      'Deactivate and delete this key once its replacement works (aws iam update-access-key --status Inactive, then delete-access-key).',
    );
  } else {
    parts.push('Rotate this key: deactivate it in IAM, then delete it, and remove it from the files that hold it.');
  }
  const last = facts?.key?.lastUsed;
  if (last?.service) {
    const when = last.date ? ` on ${last.date.slice(0, 10)}` : '';
    const where = last.region ? ` in ${last.region}` : '';
    parts.push(
      `It was last used with ${last.service}${where}${when}: its replacement likely needs only ${last.service} actions, on the resources it touches.`,
    );
  } else if (facts?.key?.lastUsed) {
    parts.push('IAM records no use of this key: it may need no replacement at all.');
  }
  parts.push(
    `Generate a least-privilege policy from the key's CloudTrail activity with IAM Access Analyzer policy generation (${ACCESS_ANALYZER_URL}).`,
    `Prefer short-lived credentials to a stored key: an IAM role for workloads on AWS, and OIDC federation for CI (${OIDC_CI_URL}).`,
  );
  return parts.join(' ');
}
