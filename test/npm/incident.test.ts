import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { npm } from '../../providers/npm/index.js';
import { cli } from '../helpers/cli.js';
import { findingOf, useCommittedAudit } from '../helpers/committed-audit.js';
import { startNpm } from './world.js';

const findingIn = (out: string) => findingOf(out, 'npm');

// The incident's shape on npm: a token kept "read-only, for CI", committed in a staging file,
// that can in fact publish a package a million installs a week pull in.
describe('the incident on npm, end to end', () => {
  const s = useCommittedAudit(npm, startNpm, {
    file: 'ci/staging/.env',
    variable: 'NPM_CI_READONLY_TOKEN',
    token: 'publish',
  });

  it('exits 1 and reports the token critical and verified', () => {
    expect(s.run.code).toBe(1);
    const f = findingIn(s.run.stdout);
    expect(f.verification).toBe('verified');
    expect(f.severity).toBe('critical');
  });

  it('raises can-publish-packages naming the most-downloaded package first, and intent-mismatch naming the variable', () => {
    const f = findingIn(s.run.stdout);
    const publish = f.risks.find((r) => r.id === 'can-publish-packages');
    expect(publish?.message).toContain('most-downloaded first: "@acme/widgets" (1,250,000 weekly downloads)');
    const mismatch = f.risks.find((r) => r.id === 'intent-mismatch');
    expect(mismatch?.severity).toBe('critical');
    expect(mismatch?.message).toContain('"NPM_CI_READONLY_TOKEN" states a narrow purpose');
    expect(mismatch?.message).toContain('can publish new versions of 3 packages');
    expect(f.scope?.reach['publishable packages']).toEqual(['@acme/widgets', 'acme-cli', 'left-padder']);
  });

  it('sent the token only to the configured registry, only as GETs, and never printed it', () => {
    const methods = s.double.methodsOf(s.token);
    expect(methods.length).toBeGreaterThan(0);
    expect(methods.every((m) => m === 'GET')).toBe(true);
    expect(s.run.stdout + s.run.stderr).not.toContain(s.token);
  });

  it('`inspect --provider npm` gives the verdict for the token read from stdin', async () => {
    const r = await cli(['inspect', '--provider', 'npm', '--format', 'json', '--npm-registry-url', s.double.url], {
      input: `${s.token}\n`,
    });
    expect(r.stdout).not.toContain(s.token);
    const f = findingIn(r.stdout);
    expect(f.verification).toBe('verified');
    expect(f.risks.map((x) => x.id)).toContain('can-publish-packages');
  });

  it('takes the registry from TOKENSCOPE_NPM_REGISTRY_URL too', async () => {
    const r = await cli(['inspect', '--provider', 'npm', '--format', 'json'], {
      input: s.double.tokens.readonly!,
      env: { TOKENSCOPE_NPM_REGISTRY_URL: s.double.url },
    });
    expect(findingIn(r.stdout).verification).toBe('verified');
  });

  it('a classic token in .npmrc for the public registry: invalid, nothing sent', async () => {
    const classic = s.double.tokens.classic!;
    const d = mkdtempSync(join(tmpdir(), 'tokenscope-npm-classic-'));
    try {
      writeFileSync(join(d, '.npmrc'), `//registry.npmjs.org/:_authToken=${classic}\n`);
      const r = await cli(['audit', d, '--format', 'json'], { cwd: d });
      const f = findingIn(r.stdout);
      expect(f.verification).toBe('invalid');
      expect(r.stdout).toContain('revoked every classic token on 2025-12-09');
      expect(r.stdout).not.toContain(classic);
      expect(s.double.methodsOf(classic)).toEqual([]);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });
});
