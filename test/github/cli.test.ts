import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { cli } from '../helpers/cli.js';
import { tempDir, writeFiles } from '../helpers/repo.js';
import { GithubDouble } from './double.js';
import { makePlans } from './plans.js';

const plans = makePlans();
const double = new GithubDouble(plans);
beforeAll(() => double.start());
afterAll(() => double.stop());

interface ReportFinding {
  provider: string;
  verification: string;
  secret: { redacted: string };
  scope: { identity: string; tokenType: string; capabilities: { action: string; resource: string }[] } | null;
  risks: { id: string; severity: string }[];
  remediation: string;
}

test('tokenscope inspect --provider github --github-api-url: one token from stdin, analysed', async () => {
  const token = plans['classicBroad']!.token;
  const run = await cli(['inspect', '--provider', 'github', '--github-api-url', double.url, '--format', 'json'], {
    input: `${token}\n`,
  });
  expect(run.stderr).toBe('');
  expect(run.stdout).not.toContain(token);
  const finding = (JSON.parse(run.stdout) as { findings: ReportFinding[] }).findings[0]!;
  expect(finding.verification).toBe('verified');
  expect(finding.scope!.identity).toBe('alice');
  expect(finding.scope!.capabilities).toContainEqual({ action: 'admin', resource: 'org:acme' });
  expect(finding.risks.map((r) => r.id)).toEqual(
    expect.arrayContaining(['org-admin', 'can-delete-repos', 'workflow-write', 'broad-repo-write', 'no-expiry']),
  );
  expect(run.code).toBe(1);
});

test('tokenscope audit with GITHUB_API_URL: a token in .env is inspected at the configured endpoint only', async () => {
  const root = tempDir();
  const token = plans['fineGrained']!.token;
  writeFiles(root, {
    '.env': `GH_TOKEN=${token}\n`,
    // A URL in the scanned tree must never receive the token.
    'config.yml': 'github_api_url: http://127.0.0.1:9/api/v3\n',
  });
  const before = double.calls.length;
  const run = await cli(['audit', root, '--format', 'json'], { env: { GITHUB_API_URL: double.url } });
  expect(run.stdout).not.toContain(token);
  const findings = (JSON.parse(run.stdout) as { findings: ReportFinding[] }).findings.filter(
    (f) => f.provider === 'github',
  );
  expect(findings).toHaveLength(1);
  expect(findings[0]!.verification).toBe('verified');
  expect(findings[0]!.scope!.tokenType).toBe('fine-grained personal access token');
  expect(double.calls.slice(before).every((c) => c.method === 'GET' && c.plan === 'fineGrained')).toBe(true);
  expect(double.calls.length).toBeGreaterThan(before);
});
