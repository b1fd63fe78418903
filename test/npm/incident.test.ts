import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cli } from '../helpers/cli.js';
import type { StartedDouble } from '../helpers/hosting-suites.js';
import { gitRepo } from '../helpers/repo.js';
import { startNpm } from './world.js';

interface JsonFinding {
  provider: string;
  severity: string;
  verification: string;
  scope: { reach: Record<string, string[]> } | null;
  risks: { id: string; severity: string; message: string }[];
  remediation: string;
}

const findingIn = (out: string): JsonFinding => {
  const found = (JSON.parse(out) as { findings: JsonFinding[] }).findings.filter((f) => f.provider === 'npm');
  expect(found).toHaveLength(1);
  return found[0]!;
};

// The incident's shape on npm: a token kept "read-only, for CI" in a staging file, that can in
// fact publish a package a million installs a week pull in.
describe('the incident on npm, end to end', () => {
  let double: StartedDouble;
  let dir: string;
  let run: { code: number; stdout: string; stderr: string };
  let token: string;

  beforeAll(async () => {
    double = await startNpm();
    token = double.tokens.publish!;
    // Committed, as in the incident: a live credential in git.
    dir = gitRepo({ 'ci/staging/.env': `NPM_CI_READONLY_TOKEN=${token}\n` }, ['ci/staging/.env']);
    run = await cli(['audit', dir, '--format', 'json', '--npm-registry-url', double.url], { cwd: dir });
  });
  afterAll(async () => {
    await double.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('exits 1 and reports the token critical and verified', () => {
    expect(run.code).toBe(1);
    const f = findingIn(run.stdout);
    expect(f.verification).toBe('verified');
    expect(f.severity).toBe('critical');
  });

  it('raises can-publish-packages naming the most-downloaded package first, and intent-mismatch naming the variable', () => {
    const f = findingIn(run.stdout);
    const publish = f.risks.find((r) => r.id === 'can-publish-packages');
    expect(publish?.message).toContain('most-downloaded first: "@acme/widgets" (1,250,000 weekly downloads)');
    const mismatch = f.risks.find((r) => r.id === 'intent-mismatch');
    expect(mismatch?.severity).toBe('critical');
    expect(mismatch?.message).toContain('"NPM_CI_READONLY_TOKEN" states a narrow purpose');
    expect(mismatch?.message).toContain('can publish new versions of 3 packages');
    expect(f.scope?.reach['publishable packages']).toEqual(['@acme/widgets', 'acme-cli', 'left-padder']);
  });

  it('sent the token only to the configured registry, only as GETs, and never printed it', () => {
    const methods = double.methodsOf(token);
    expect(methods.length).toBeGreaterThan(0);
    expect(methods.every((m) => m === 'GET')).toBe(true);
    expect(run.stdout + run.stderr).not.toContain(token);
  });

  it('`inspect --provider npm` gives the verdict for the token read from stdin', async () => {
    const r = await cli(['inspect', '--provider', 'npm', '--format', 'json', '--npm-registry-url', double.url], {
      input: `${token}\n`,
    });
    expect(r.stdout).not.toContain(token);
    const f = findingIn(r.stdout);
    expect(f.verification).toBe('verified');
    expect(f.risks.map((x) => x.id)).toContain('can-publish-packages');
  });

  it('takes the registry from TOKENSCOPE_NPM_REGISTRY_URL too', async () => {
    const r = await cli(['inspect', '--provider', 'npm', '--format', 'json'], {
      input: double.tokens.readonly!,
      env: { TOKENSCOPE_NPM_REGISTRY_URL: double.url },
    });
    expect(findingIn(r.stdout).verification).toBe('verified');
  });

  it('a classic token in .npmrc for the public registry: invalid, nothing sent', async () => {
    const classic = double.tokens.classic!;
    const d = mkdtempSync(join(tmpdir(), 'tokenscope-npm-classic-'));
    try {
      writeFileSync(join(d, '.npmrc'), `//registry.npmjs.org/:_authToken=${classic}\n`);
      const r = await cli(['audit', d, '--format', 'json'], { cwd: d });
      const f = findingIn(r.stdout);
      expect(f.verification).toBe('invalid');
      expect(r.stdout).toContain('revoked every classic token on 2025-12-09');
      expect(r.stdout).not.toContain(classic);
      expect(double.methodsOf(classic)).toEqual([]);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });
});
