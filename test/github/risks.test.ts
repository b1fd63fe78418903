import { describe, expect, test } from '@jest/globals';
import { github } from '../../providers/github/index.js';
import { githubRemediation } from '../../providers/github/remediation.js';
import { githubRisks } from '../../providers/github/risks.js';
import { assess } from '../../src/assess/assess.js';
import { DEFAULT_POLICY, type Policy } from '../../src/assess/policy.js';
import type { AssessInput } from '../../src/core/provider.js';
import type { Capability, Inspection } from '../../src/core/types.js';
import { credentialFor, fineGrainedToken, ghToken } from './tokens.js';

interface Given {
  kind?: string;
  scopes?: string[] | null;
  siteAdmin?: boolean;
  expiryKnown?: boolean;
  writableRepos?: number;
  capabilities?: Capability[];
  repositories?: string[];
}

/** A verified inspection written by hand, as inspect() would leave it. */
function verified(g: Given): Inspection {
  return {
    verification: 'verified',
    reason: 'GitHub knows this token',
    scope: {
      identity: 'alice',
      tokenType: 'x',
      permissions: [],
      capabilities: g.capabilities ?? [],
      reach: {},
      expiresAt: null,
      unknowns: [],
      facts: {
        kind: g.kind ?? 'classic',
        scopes: g.scopes === undefined ? ['repo'] : g.scopes,
        siteAdmin: g.siteAdmin ?? false,
        expiryKnown: g.expiryKnown ?? true,
        upperBound: g.kind === 'fine-grained',
        repositories: g.repositories ?? [],
        truncated: false,
        writableRepos: g.writableRepos ?? 0,
      },
    },
  };
}

function input(g: Given, paths?: string[], policy: Policy = DEFAULT_POLICY): AssessInput {
  const token = g.kind === 'fine-grained' ? fineGrainedToken() : ghToken(g.kind === 'installation' ? 'ghs' : 'ghp');
  return { credential: credentialFor(token, paths), inspection: verified(g), policy };
}

const ids = (i: AssessInput) => githubRisks(i).map((r) => r.id);
const risk = (i: AssessInput, id: string) => githubRisks(i).find((r) => r.id === id);

describe('risks', () => {
  test('a broad classic token raises each of its risks, once', () => {
    const i = input({
      scopes: ['admin:org', 'delete_repo', 'repo', 'workflow'],
      expiryKnown: false,
      writableRepos: 13,
      capabilities: [
        { action: 'admin', resource: 'org:acme' },
        { action: 'delete', resource: 'repo:alice/dotfiles' },
        { action: 'write', resource: 'workflows:alice/dotfiles' },
      ],
    });
    expect(ids(i)).toEqual([
      'org-admin',
      'can-delete-repos',
      'workflow-write',
      'broad-repo-write',
      'no-expiry',
      'classic-where-fine-grained-fits',
    ]);
    expect(risk(i, 'org-admin')!.severity).toBe('high');
    expect(risk(i, 'broad-repo-write')!.message).toContain('13 repositories');
  });

  test('org-admin is critical when the token sits inside the org it administers', () => {
    const caps: Capability[] = [{ action: 'admin', resource: 'org:acme' }];
    expect(risk(input({ capabilities: caps }, ['src/acme/api/.env']), 'org-admin')!.severity).toBe('critical');
    expect(risk(input({ capabilities: caps }, ['acme.env']), 'org-admin')!.severity).toBe('high');
  });

  test('org-admin is critical when the scanned code belongs to that org (origin remote, GITHUB_REPOSITORY, org scan)', () => {
    const caps: Capability[] = [{ action: 'admin', resource: 'org:acme' }];
    const ours = { ...DEFAULT_POLICY, scannedOwners: ['Acme'] };
    const theirs = { ...DEFAULT_POLICY, scannedOwners: ['other'] };
    expect(risk(input({ capabilities: caps }, ['.env'], ours), 'org-admin')!.severity).toBe('critical');
    expect(risk(input({ capabilities: caps }, ['.env'], theirs), 'org-admin')!.severity).toBe('high');
  });

  test('site-admin is critical', () => {
    expect(risk(input({ siteAdmin: true }), 'site-admin')!.severity).toBe('critical');
  });

  test('broad-repo-write follows the policy threshold (more than it, not equal)', () => {
    expect(ids(input({ writableRepos: 10 }))).not.toContain('broad-repo-write');
    expect(ids(input({ writableRepos: 11 }))).toContain('broad-repo-write');
    const strict = { ...DEFAULT_POLICY, broadRepoWriteThreshold: 3 };
    expect(ids(input({ writableRepos: 4 }, undefined, strict))).toContain('broad-repo-write');
  });

  test("a fine-grained token's reach is an upper bound: medium, and said so", () => {
    const r = risk(input({ kind: 'fine-grained', scopes: null, writableRepos: 20 }), 'broad-repo-write')!;
    expect(r.severity).toBe('medium');
    expect(r.message).toContain('up to 20');
  });

  test('packages: package-publish, and no advice to go fine-grained (it cannot hold packages)', () => {
    const i = input({
      scopes: ['read:packages', 'write:packages'],
      capabilities: [{ action: 'write', resource: 'packages' }],
    });
    expect(ids(i)).toEqual(['package-publish']);
  });

  test('no-expiry only for personal access tokens without an expiry header', () => {
    expect(ids(input({ expiryKnown: true }))).not.toContain('no-expiry');
    expect(ids(input({ kind: 'fine-grained', scopes: null, expiryKnown: false }))).toContain('no-expiry');
    expect(ids(input({ kind: 'installation', scopes: null, expiryKnown: false }))).not.toContain('no-expiry');
  });

  test('nothing is raised from an inspection that did not verify the token', () => {
    const i = input({ siteAdmin: true });
    i.inspection = { verification: 'unverified', reason: 'rate limited', scope: null };
    expect(githubRisks(i)).toEqual([]);
    expect(githubRemediation(i)).toBeUndefined();
  });

  test('the policy decides the final severity', () => {
    const i = input({ expiryKnown: false });
    const policy = { ...DEFAULT_POLICY, severities: { 'no-expiry': 'critical' as const } };
    const finding = assess(i.credential, i.inspection, github, policy);
    expect(finding.risks.find((r) => r.id === 'no-expiry')!.severity).toBe('critical');
    expect(finding.severity).toBe('critical');
  });
});

describe('remediation', () => {
  test('classic where fine-grained fits: a fine-grained PAT on the repositories used, contents:read', () => {
    const text = githubRemediation(input({ repositories: ['acme/api'] }))!;
    expect(text).toContain('fine-grained PAT on the repositories actually used');
    expect(text).toContain('acme/api');
    expect(text).toContain('contents:read if nothing more is seen');
  });

  test('a classic token that needs packages is told to keep only the scopes used', () => {
    const text = githubRemediation(input({ scopes: ['read:packages', 'write:packages'] }))!;
    expect(text).toContain('only the scopes actually used');
    expect(text).not.toContain('fine-grained PAT');
  });

  test('an installation token: delete it and narrow the installation', () => {
    expect(githubRemediation(input({ kind: 'installation', scopes: null }))).toMatch(/narrow the app's installation/);
  });

  test('an invalid token gets the generic advice to delete it', () => {
    const credential = credentialFor(ghToken('ghp'));
    const finding = assess(credential, { verification: 'invalid', reason: '401', scope: null }, github, DEFAULT_POLICY);
    expect(finding.remediation).toMatch(/^Delete this dead GitHub/);
    expect(finding.risks.map((r) => r.id)).toEqual(['invalid-credential']);
  });
});
