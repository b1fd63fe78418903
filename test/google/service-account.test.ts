import { beforeAll, describe, expect, it } from '@jest/globals';
import { cli } from '../helpers/cli.js';
import { gitRepo } from '../helpers/repo.js';
import { serviceAccountKey } from './tokens.js';

interface JsonFinding {
  provider: string;
  kind: string;
  severity: string;
  verification: string;
  locations: { path: string }[];
  scope: { identity: string | null; reach: Record<string, string[]>; permissions: string[] } | null;
  risks: { id: string }[];
  remediation: string;
}

describe('Google Cloud service-account keys, found and described offline', () => {
  const file = serviceAccountKey('acme-prod', 'deployer');
  const inline = serviceAccountKey('acme-staging', 'ci');
  const yaml = serviceAccountKey('acme-data', 'etl');
  // Three keys, committed, and an authorized_user file that is not a key.
  let root: string;
  let run: { code: number; stdout: string; stderr: string };
  let findings: JsonFinding[];

  beforeAll(async () => {
    root = gitRepo(
      {
        'deploy/gcp-key.json': `${file.json}\n`,
        // The same JSON inlined in a variable, as a JSON string (quotes escaped).
        '.env.staging': `GOOGLE_CREDENTIALS=${JSON.stringify(JSON.stringify(JSON.parse(inline.json)))}\n`,
        // And as a YAML value on one line.
        'k8s/secret.yaml': `stringData:\n  key.json: '${JSON.stringify(JSON.parse(yaml.json))}'\n`,
        'docs/adc.json': JSON.stringify({
          type: 'authorized_user',
          client_id: 'x',
          client_secret: 'y',
          refresh_token: 'z'.repeat(300),
        }),
      },
      ['deploy/gcp-key.json', '.env.staging', 'k8s/secret.yaml', 'docs/adc.json'],
    );
    // Offline: what the key says of itself, with nothing sent (online: test/google/inspect.test.ts).
    run = await cli(['audit', root, '--format', 'json', '--offline']);
    findings = (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings.filter((f) => f.provider === 'google');
  });

  it('finds the key in a file, inlined in a variable, and in a YAML value', () => {
    expect(findings.map((f) => f.locations[0]!.path).sort()).toEqual([
      '.env.staging',
      'deploy/gcp-key.json',
      'k8s/secret.yaml',
    ]);
    expect(findings.every((f) => f.kind === 'service-account key')).toBe(true);
  });

  it('reads the client email, project and key id offline', () => {
    const f = findings.find((x) => x.locations[0]!.path === 'deploy/gcp-key.json')!;
    expect(f.scope?.identity).toBe(`service account ${file.email}`);
    expect(f.scope?.reach).toEqual({ projects: ['acme-prod'] });
    expect(f.scope?.permissions).toEqual([`key id ${file.keyId}`]);
    const i = findings.find((x) => x.locations[0]!.path === '.env.staging')!;
    expect(i.scope?.identity).toBe(`service account ${inline.email}`);
  });

  it('is uninspected, and committed, fails the gate as of a high-confidence kind', () => {
    const f = findings.find((x) => x.locations[0]!.path === 'deploy/gcp-key.json')!;
    expect(f.verification).toBe('unverified');
    expect(f.risks.map((r) => r.id)).toEqual(['uninspected-credential']);
    expect(run.code).toBe(1);
  });

  it('names workload identity federation and a viewer-role service account as the remedy', () => {
    const f = findings[0]!;
    expect(f.remediation).toContain('workload identity federation');
    expect(f.remediation).toContain('https://cloud.google.com/iam/docs/workload-identity-federation');
    expect(f.remediation).toContain('predefined viewer role');
  });

  it('never prints the private key, or any line of it', () => {
    const pem = (JSON.parse(file.json) as { private_key: string }).private_key;
    for (const line of pem.split('\n').filter((l) => l.length > 20))
      expect(run.stdout + run.stderr).not.toContain(line);
    expect(run.stdout).not.toContain('BEGIN PRIVATE KEY');
  });
});
