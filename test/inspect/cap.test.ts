import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cli } from '../helpers/cli.js';
import { tempDir, writeFiles } from '../helpers/repo.js';
import { githubToken } from '../helpers/tokens.js';
import { GithubDouble } from '../github/double.js';

/**
 * A repository stuffed with thousands of plausible tokens must not turn one scan into thousands
 * of requests: a run inspects at most inspect.maxCredentials (default 200) and reports the rest
 * unverified, naming the cap. The double knows none of these tokens (each is answered 401).
 */
const STUFFED = 3000;
const double = new GithubDouble({});
let root: string;
beforeAll(async () => {
  await double.start();
  root = tempDir();
  const lines = Array.from({ length: STUFFED }, (_, i) => `TOKEN_${i}=${githubToken()}`);
  writeFiles(root, { 'tokens.env': `${lines.join('\n')}\n` });
});
afterAll(() => double.stop());

interface ReportShape {
  findings: Array<{ verification: string; verificationReason: string }>;
}

async function audit(extra: string[]) {
  const before = double.calls.length;
  const run = await cli(['audit', root, '--format', 'json', '--threads', '1', ...extra], {
    env: { GITHUB_API_URL: double.url },
  });
  const findings = (JSON.parse(run.stdout) as ReportShape).findings;
  const count = (v: string) => findings.filter((f) => f.verification === v).length;
  return {
    findings,
    requests: double.calls.length - before,
    invalid: count('invalid'),
    unverified: count('unverified'),
  };
}

describe('the inspection cap', () => {
  it(`default: ${STUFFED} tokens found, 200 inspected, the requests bounded, the rest unverified naming the cap`, async () => {
    const r = await audit([]);
    expect(r.findings).toHaveLength(STUFFED);
    expect(r.invalid).toBe(200);
    expect(r.unverified).toBe(STUFFED - 200);
    // One question per token the double does not know; never one per token found.
    expect(r.requests).toBe(200);
    const capped = r.findings.find((f) => f.verification === 'unverified')!;
    expect(capped.verificationReason).toBe(
      `not inspected: this run inspects at most 200 credentials (inspect.maxCredentials, --max-inspections) and found ${STUFFED}`,
    );
  }, 120_000);

  it('--max-inspections 7', async () => {
    const r = await audit(['--max-inspections', '7']);
    expect([r.invalid, r.requests]).toEqual([7, 7]);
  }, 120_000);

  it('inspect.maxCredentials in the config', async () => {
    const config = tempDir();
    writeFiles(config, { 'c.yml': 'version: 1\ninspect:\n  maxCredentials: 3\n' });
    const r = await audit(['--config', `${config}/c.yml`]);
    expect([r.invalid, r.requests]).toEqual([3, 3]);
  }, 120_000);

  it('--max-inspections must be a whole number', async () => {
    const run = await cli(['audit', root, '--max-inspections', '2.5']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe('tokenscope: --max-inspections must be a whole number, 0 or more');
  });
});
