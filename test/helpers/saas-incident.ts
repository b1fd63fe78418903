import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Provider } from '../../src/core/provider.js';
import { cli } from './cli.js';
import { incidentAudit, type JsonFinding, type StartedDouble } from './hosting-suites.js';

/**
 * The incident's shape on a SaaS platform, end to end through the CLI: a token named for a narrow
 * purpose, in a staging or CI file, that is in fact an administrator (or the platform's broadest
 * risk). Critical, with that risk naming what it reaches and intent-mismatch naming the variable;
 * the same through `inspect --provider`, and with the endpoint from the environment; never printed.
 */
export function describeSaasIncident(
  provider: Provider,
  start: () => Promise<StartedDouble>,
  at: {
    file: string;
    variable: string;
    token: string;
    otherToken: string;
    /** The broad risk that must be raised, and words its message must hold. */
    risk: string;
    says: string;
    /** Words the remediation must hold (the narrower credential). */
    remedy: string;
  },
): void {
  const endpoint = provider.endpoint!;
  describe(`the incident on ${provider.name}, end to end`, () => {
    const audit = incidentAudit(provider, start, at);
    let double: StartedDouble;
    let run: { code: number; stdout: string; stderr: string };
    let token: string;
    let findingIn: (out: string) => JsonFinding;

    beforeAll(() => {
      ({ double, run, token, findingIn } = audit());
    });

    it('exits 1 and reports the token critical and verified', () => {
      expect(run.code).toBe(1);
      const f = findingIn(run.stdout);
      expect(f.verification).toBe('verified');
      expect(f.severity).toBe('critical');
    });

    it(`raises ${at.risk} saying what it reaches, and intent-mismatch naming the variable`, () => {
      const f = findingIn(run.stdout);
      expect(f.risks.find((r) => r.id === at.risk)?.message).toContain(at.says);
      expect(f.risks.find((r) => r.id === 'intent-mismatch')?.message).toContain(`"${at.variable}"`);
      expect(f.remediation).toContain(at.remedy);
    });

    it('sent the token only to the configured endpoint, only as GETs', () => {
      const methods = double.methodsOf(token);
      expect(methods.length).toBeGreaterThan(0);
      expect(methods.every((m) => m === 'GET')).toBe(true);
    });

    it('never prints the raw token', () => {
      expect(run.stdout + run.stderr).not.toContain(token);
    });

    it(`\`inspect --provider ${provider.id}\` gives the same verdict for the token read from stdin`, async () => {
      const r = await cli(
        ['inspect', '--provider', provider.id, '--format', 'json', `--${endpoint.flag}`, double.url],
        {
          input: `${token}\n`,
        },
      );
      expect(r.stdout).not.toContain(token);
      const f = findingIn(r.stdout);
      expect(f.verification).toBe('verified');
      expect(f.risks.map((x) => x.id)).toContain(at.risk);
    });

    it(`takes the endpoint from ${endpoint.env[0]} too`, async () => {
      const r = await cli(['inspect', '--provider', provider.id, '--format', 'json'], {
        input: double.tokens[at.otherToken]!,
        env: { [endpoint.env[0]!]: double.url },
      });
      expect(findingIn(r.stdout).verification).toBe('verified');
    });
  });
}
