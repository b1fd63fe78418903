import { beforeAll, describe, expect, it } from '@jest/globals';
import { google } from '../../providers/google/index.js';
import { READ_ONLY_SCOPE } from '../../providers/google/model.js';
import { assess } from '../../src/assess/assess.js';
import { DEFAULT_POLICY } from '../../src/assess/policy.js';
import type { Inspection } from '../../src/core/types.js';
import { foundCredential, type Place } from '../helpers/found.js';
import { googleContext } from './helpers.js';
import { OWNER, useGoogleDouble } from './world.js';

const g = useGoogleDouble();

const credential = (name: string, place: Place = {}) =>
  foundCredential('google', 'gcp-service-account-key', 'service-account key', g.keys[name]!.json, {
    source: 'tracked',
    ...place,
  });
const inspect = (name: string): Promise<Inspection> => google.inspect!(credential(name), googleContext(g.url));
const sentBy = (name: string) =>
  g.double.requests.filter((r) => r.token === g.keys[name]!.json).map((r) => `${r.method} ${r.path}`);

describe('an owner-level key that reaches production', () => {
  let inspection: Inspection;
  beforeAll(async () => {
    inspection = await inspect('owner');
  });

  it('is verified, and lists the active projects it sees across pages', () => {
    expect(inspection.verification).toBe('verified');
    expect(inspection.scope?.identity).toBe(`service account ${g.keys.owner!.clientEmail}`);
    expect(inspection.scope?.reach).toEqual({
      // acme-old is listed too, but pending deletion.
      projects: ['acme-prod', 'acme-staging', 'acme-analytics'],
      'production projects': ['acme-prod', 'acme-analytics'],
    });
  });

  it('sends one token exchange, the listing pages, and one testIamPermissions per project: nothing else', () => {
    expect(sentBy('owner')).toEqual([
      'POST /token',
      'GET /v1/projects',
      'GET /v1/projects',
      'POST /v1/projects/acme-prod:testIamPermissions',
      'POST /v1/projects/acme-staging:testIamPermissions',
      'POST /v1/projects/acme-analytics:testIamPermissions',
    ]);
    const asked = JSON.parse(g.double.requests.find((r) => r.path.endsWith(':testIamPermissions'))!.body) as {
      permissions: string[];
    };
    expect(asked.permissions.sort()).toEqual(
      [
        'resourcemanager.projects.get',
        'resourcemanager.projects.delete',
        'cloudsql.instances.delete',
        'storage.buckets.delete',
        'compute.instances.delete',
        'compute.disks.delete',
        'dns.managedZones.delete',
        'iam.serviceAccountKeys.create',
        'resourcemanager.projects.setIamPolicy',
      ].sort(),
    );
  });

  it("signs for the configured token URL and the read-only scope, never the file's token_uri", () => {
    expect(g.keys.owner!.json).toContain('https://collector.tokens-relay.net/token');
    const claims = g.double.assertions.find((a) => a.iss === g.keys.owner!.clientEmail)!;
    expect(claims.aud).toBe(`${g.url}/token`);
    expect(claims.scope).toBe(READ_ONLY_SCOPE);
  });

  it('puts deletion in production first, and raises destructive-production-access, privilege-escalation and admin', () => {
    expect(inspection.scope?.capabilities[0]).toEqual({
      action: 'delete',
      resource: 'project "acme-prod"',
      environment: 'production',
      production: true,
    });
    const finding = assess(credential('owner'), inspection, google, DEFAULT_POLICY);
    const byId = Object.fromEntries(finding.risks.map((r) => [r.id, r]));
    expect(Object.keys(byId)).toEqual(
      expect.arrayContaining(['destructive-production-access', 'privilege-escalation', 'admin']),
    );
    expect(byId['destructive-production-access']!.message).toContain('the production project "acme-prod"');
    expect(byId['destructive-production-access']!.message).toContain('Cloud SQL instances');
    // acme-analytics is production, but the key only views it.
    expect(byId['destructive-production-access']!.message).not.toContain('acme-analytics');
    expect(byId.admin!.message).toContain('"acme-prod"');
    expect(finding.severity).toBe('critical');
  });

  it('never holds the access token or any piece of the private key', () => {
    const text = JSON.stringify(inspection);
    for (const t of g.double.accessTokens.keys()) expect(text).not.toContain(t);
    expect(text).not.toContain(g.keys.owner!.pemBody.slice(0, 40));
  });
});

describe('narrower keys', () => {
  it('a viewer key: verified, reads only, no broad risk', async () => {
    const i = await inspect('viewer');
    expect(i.verification).toBe('verified');
    expect(i.scope?.capabilities).toEqual([{ action: 'read', resource: 'project metadata of project "acme-staging"' }]);
    const finding = assess(credential('viewer', { path: 'ci/.env' }), i, google, DEFAULT_POLICY);
    expect(finding.risks.map((r) => r.id)).toEqual(['committed-live-credential']);
  });

  it("tests the key's own project even when it cannot list it", async () => {
    const i = await inspect('unlisted');
    expect(i.scope?.reach).toEqual({ projects: ['acme-prod'], 'production projects': ['acme-prod'] });
    expect(i.scope?.capabilities).toEqual([
      {
        action: 'delete',
        resource: 'Cloud Storage buckets of project "acme-prod"',
        environment: 'production',
        production: true,
      },
    ]);
  });

  it('says what Google would not tell when the API is off in its project', async () => {
    const i = await inspect('apiDisabled');
    expect(i.verification).toBe('verified');
    expect(i.scope?.unknowns.map((u) => u.reason)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('PERMISSION_DENIED: Cloud Resource Manager API has not been used'),
      ]),
    );
  });
});

describe('g.keys Google refuses or answers badly for', () => {
  it("a deleted key (invalid_grant) is unverified with Google's reason, and nothing else is sent", async () => {
    const i = await inspect('revoked');
    expect(i).toEqual({
      verification: 'unverified',
      reason: expect.stringContaining('invalid_grant: Invalid JWT Signature.'),
      scope: null,
    });
    expect(sentBy('revoked')).toEqual(['POST /token']);
  });

  it('cuts the assertion from a refusal that quotes it', async () => {
    const i = await inspect('echo');
    expect(i.verification).toBe('unverified');
    const assertion = new URLSearchParams(g.double.requests.find((r) => r.token === g.keys.echo!.json)!.body).get(
      'assertion',
    )!;
    expect(i.reason).toContain('[redacted]');
    expect(JSON.stringify(i)).not.toContain(assertion.slice(-40));
  });

  it('a key whose private key does not parse is not sent anywhere', async () => {
    const before = g.double.requests.length;
    const json = JSON.parse(g.keys.viewer!.json) as Record<string, string>;
    json.private_key = `-----BEGIN PRIVATE KEY-----\n${'A'.repeat(400)}\n-----END PRIVATE KEY-----\n`;
    const c = foundCredential('google', 'gcp-service-account-key', 'service-account key', JSON.stringify(json));
    const i = await google.inspect!(c, googleContext(g.url));
    expect(i).toEqual({ verification: 'unverified', reason: expect.stringContaining('nothing was sent'), scope: null });
    expect(g.double.requests.length).toBe(before);
  });

  it('waits out one 429 and goes on', async () => {
    expect((await inspect('limitOnce')).verification).toBe('verified');
    expect(sentBy('limitOnce').filter((r) => r === 'GET /v1/projects')).toHaveLength(2);
  });

  it('a hang half-way is an error once the request times out', async () => {
    await expect(inspect('hangHalfway')).rejects.toThrow('no answer within 1500 ms');
  });

  it('the owner set is what roles/owner holds of the probes', () => {
    expect(OWNER).toContain('resourcemanager.projects.setIamPolicy');
  });
});
