import type { AssessInput } from '../../src/core/provider.js';
import type { Capability, Credential, RiskSignal } from '../../src/core/types.js';
import type { GithubFacts } from './facts.js';
import { isPersonalAccessToken } from './kinds.js';

/**
 * Classic scopes a fine-grained PAT cannot replace (GitHub Packages, enterprise administration):
 * a classic token holding one of them is not a `classic-where-fine-grained-fits`.
 */
export const FINE_GRAINED_GAPS = new Set([
  'write:packages',
  'read:packages',
  'delete:packages',
  'admin:enterprise',
  'manage_billing:enterprise',
  'manage_runners:enterprise',
  'read:enterprise',
  'site_admin',
]);

/** The facts inspect() left for us, when it verified the token. */
export function githubFacts(input: AssessInput): (GithubFacts & { writableRepos: number }) | undefined {
  const scope = input.inspection.scope;
  if (input.inspection.verification !== 'verified' || !scope?.facts) return undefined;
  return scope.facts as unknown as GithubFacts & { writableRepos: number };
}

/**
 * Whether the credential was found inside the org it administers. The scan does not yet tell a
 * provider which org it scans, so the only hint is a location path with the org's name as one of
 * its directories (…/acme/api/.env for org acme).
 */
export function foundInsideOrg(credential: Credential, org: string, scannedOwners: string[] = []): boolean {
  const name = org.toLowerCase();
  if (scannedOwners.some((o) => o.toLowerCase() === name)) return true;
  return credential.locations.some((l) => l.path.toLowerCase().split(/[\\/]/).slice(0, -1).includes(name));
}

const resources = (caps: Capability[], action: Capability['action'], prefix: string) =>
  caps.filter((c) => c.action === action && c.resource.startsWith(prefix)).map((c) => c.resource.slice(prefix.length));

function list(names: string[], max = 5): string {
  return names.length <= max ? names.join(', ') : `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

/** GitHub's risks, from the scope inspect() learned. */
export function githubRisks(input: AssessInput): RiskSignal[] {
  const facts = githubFacts(input);
  const caps = input.inspection.scope?.capabilities ?? [];
  if (!facts) return [];
  const scopes = new Set(facts.scopes ?? []);
  const out: RiskSignal[] = [];
  const upTo = facts.upperBound ? 'up to ' : '';

  if (facts.siteAdmin) {
    out.push({
      id: 'site-admin',
      severity: 'critical',
      message: 'its user is a site administrator of this GitHub instance',
    });
  }
  const adminOrgs = resources(caps, 'admin', 'org:');
  if (adminOrgs.length) {
    const inside = adminOrgs.filter((o) => foundInsideOrg(input.credential, o, input.policy.scannedOwners));
    out.push({
      id: 'org-admin',
      severity: inside.length ? 'critical' : 'high',
      message: `administers the organization(s) ${list(adminOrgs)}${inside.length ? `, found inside ${list(inside)}` : ''}`,
    });
  }
  const deletable = resources(caps, 'delete', 'repo:');
  if (scopes.has('delete_repo') || deletable.length) {
    out.push({
      id: 'can-delete-repos',
      severity: 'high',
      message: deletable.length
        ? `can delete ${deletable.length} repositor${deletable.length === 1 ? 'y' : 'ies'} (${list(deletable)})`
        : 'holds delete_repo: can delete every repository its user administers',
    });
  }
  const workflows = resources(caps, 'write', 'workflows:');
  if (scopes.has('workflow') || workflows.length) {
    out.push({
      id: 'workflow-write',
      severity: 'high',
      message: `can change GitHub Actions workflows${workflows.length ? ` in ${list(workflows)}` : ''}, and through them read Actions secrets`,
    });
  }
  const threshold = input.policy.broadRepoWriteThreshold;
  if (facts.writableRepos > threshold) {
    out.push({
      id: 'broad-repo-write',
      severity: facts.upperBound ? 'medium' : 'high',
      message: `can push code to ${upTo}${facts.writableRepos}${facts.truncated ? '+' : ''} repositories (policy threshold ${threshold})${
        facts.upperBound ? "; the user's role allows it, the token's own grant cannot be read" : ''
      }`,
    });
  }
  if (caps.some((c) => c.resource === 'packages' && (c.action === 'write' || c.action === 'delete'))) {
    out.push({
      id: 'package-publish',
      severity: 'medium',
      message: 'can publish (or delete) packages in GitHub Packages',
    });
  }
  if (isPersonalAccessToken(facts.kind) && !facts.expiryKnown) {
    out.push({ id: 'no-expiry', severity: 'medium', message: 'this personal access token never expires' });
  }
  if (facts.kind === 'classic' && ![...scopes].some((s) => FINE_GRAINED_GAPS.has(s))) {
    out.push({
      id: 'classic-where-fine-grained-fits',
      severity: 'low',
      message: 'a classic token, whose scopes cover every repository of its user, where a fine-grained token would do',
    });
  }
  return out;
}
