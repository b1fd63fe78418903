import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { assess } from '../../src/assess/assess.js';
import { DEFAULT_POLICY } from '../../src/assess/policy.js';
import type { Provider } from '../../src/core/provider.js';
import type { Credential, Inspection } from '../../src/core/types.js';
import { declaredEndpoints } from '../../src/inspect/endpoint-specs.js';
import { inspectAll } from '../../src/inspect/run.js';
import { cli } from './cli.js';
import { doubleContext, foundCredential } from './found.js';

/** A provider double started for one suite: where it listens, its tokens, what each token sent. */
export interface StartedDouble {
  url: string;
  tokens: Record<string, string>;
  /** The methods of the requests that carried this token. */
  methodsOf(token: string): string[];
  /** The paths (below the endpoint) of the requests that carried this token. */
  pathsOf(token: string): string[];
  stop(): Promise<void>;
}

/**
 * How long the hosting suites wait for one answer: long enough that a loaded machine running many
 * suites at once is not mistaken for a hang, short enough that the hang scenarios stay quick.
 */
export const ANSWER_TIMEOUT_MS = 1500;

/** A double, started, in the shape the shared suites take. */
export async function started(
  double: {
    start(): Promise<string>;
    stop(): Promise<void>;
    requests: { token?: string; method: string; path: string }[];
  },
  tokens: Record<string, string>,
): Promise<StartedDouble> {
  const url = await double.start();
  return {
    url,
    tokens,
    methodsOf: (token) => double.requests.filter((r) => r.token === token).map((r) => r.method),
    pathsOf: (token) => double.requests.filter((r) => r.token === token).map((r) => r.path),
    stop: () => double.stop(),
  };
}

/** Every endpoint the provider declares (its extra ones too) pointed at one double that plays them all. */
export function endpointsAt(provider: Provider, url: string): Record<string, URL> {
  return Object.fromEntries(declaredEndpoints([provider]).map((e) => [e.key, new URL(url)]));
}

/** The faults a hosting double plays, each for the token of the same name. */
export const FAULTS = [
  'rateLimited',
  'rateLimitedLong',
  'serverError',
  'malformed',
  'nonsense',
  'hang',
  'hangHalfway',
] as const;
export type FaultName = (typeof FAULTS)[number];

/**
 * The faults every hosting provider's double plays (rate limits, 5xx, nonsense, hangs), through
 * inspectAll: each costs the credential its verification, with the reason, never the finding,
 * and no reason holds the token.
 */
export function describeFaults(
  provider: Provider,
  start: () => Promise<StartedDouble>,
  /** The reason for a JSON answer of the wrong shape (it names the first field read). */
  nonsense: string,
  /**
   * For doubles that play only some of the faults (`plays`, each a token of the same name), or
   * fail with another 5xx than 502 (`serverStatus`); `uninspected`: the severity of a committed
   * credential left uninspected (`high` for a high-confidence kind, the default; `medium` for one
   * known by context).
   */
  options: { plays?: readonly FaultName[]; serverStatus?: number; uninspected?: 'high' | 'medium' } = {},
): void {
  const hang = `no answer within ${ANSWER_TIMEOUT_MS} ms`;
  const all: Record<FaultName, { verification: Inspection['verification']; reason: string; attempts?: number }> = {
    rateLimited: {
      verification: 'unverified',
      reason: 'rate limited (HTTP 429) after 3 attempt(s); Retry-After 0s',
      attempts: 3,
    },
    rateLimitedLong: {
      verification: 'unverified',
      reason: 'rate limited (HTTP 429) after 1 attempt(s); Retry-After 3600s',
      attempts: 1,
    },
    serverError: {
      verification: 'error',
      reason: `server error (HTTP ${options.serverStatus ?? 502}) after 3 attempt(s)`,
      attempts: 3,
    },
    malformed: { verification: 'error', reason: `${provider.name} answered HTTP 200 with a body that is not JSON` },
    nonsense: { verification: 'error', reason: nonsense },
    hang: { verification: 'error', reason: hang },
    hangHalfway: { verification: 'error', reason: hang },
  };
  const expected = Object.fromEntries((options.plays ?? FAULTS).map((name) => [name, all[name]]));
  describe(`${provider.name} faults, through inspectAll`, () => {
    let double: StartedDouble;
    let inspections: Map<string, Inspection>;
    const credentials = new Map<string, Credential>();
    const rule = provider.rules[0]!;

    beforeAll(async () => {
      double = await start();
      for (const name of Object.keys(expected)) {
        const token = double.tokens[name]!;
        credentials.set(
          name,
          foundCredential(provider.id, rule.id, rule.kind, token, { path: 'deploy/.env', source: 'tracked' }),
        );
      }
      // The hangs run with the short answer timeout they test; every other fault with a long
      // one, so a loaded machine (CI, 2 cores) cannot turn a slow first answer into a timeout.
      const hangs = new Set<string>(['hang', 'hangHalfway']);
      const run = (names: string[], timeoutMs: number) =>
        inspectAll(
          names.map((n) => credentials.get(n)!),
          new Map([[provider.id, provider]]),
          {
            offline: false,
            endpoints: endpointsAt(provider, double.url),
            policy: DEFAULT_POLICY,
            concurrency: credentials.size,
            budgetMs: 60_000,
            http: { timeoutMs },
          },
        );
      const names = [...credentials.keys()];
      const [quick, slow] = await Promise.all([
        run(
          names.filter((n) => !hangs.has(n)),
          15_000,
        ),
        run(
          names.filter((n) => hangs.has(n)),
          ANSWER_TIMEOUT_MS,
        ),
      ]);
      inspections = new Map([...quick.inspections, ...slow.inspections]);
    });
    afterAll(() => double.stop());

    const of = (name: string) => inspections.get(credentials.get(name)!.fingerprint)!;

    for (const [name, want] of Object.entries(expected)) {
      it(`${name}: ${want.verification}, "${want.reason}"`, () => {
        const i = of(name);
        if (provider.describeOffline === undefined) {
          expect(i).toEqual({ verification: want.verification, reason: want.reason, scope: null });
        } else {
          // What the token says of itself, decoded offline (if anything), stays; nothing is
          // learned from a fault.
          expect(i).toMatchObject({ verification: want.verification, reason: want.reason });
          expect(i.scope?.capabilities ?? []).toEqual([]);
          expect(i.scope?.reach ?? {}).toEqual(provider.describeOffline(credentials.get(name)!)?.reach ?? {});
        }
        if (want.attempts !== undefined) expect(double.methodsOf(double.tokens[name]!)).toHaveLength(want.attempts);
      });
    }

    it('keeps every finding, as an uninspected committed credential', () => {
      for (const name of Object.keys(expected)) {
        const finding = assess(credentials.get(name)!, of(name), provider, DEFAULT_POLICY);
        expect(finding.risks.map((r) => r.id)).toEqual(['uninspected-credential']);
        // A committed credential of a prefixed, high-confidence kind fails the gate uninspected.
        expect(finding.severity).toBe(options.uninspected ?? 'high');
      }
    });

    it('puts no raw token in any reason', () => {
      for (const name of Object.keys(expected)) expect(JSON.stringify(of(name))).not.toContain(double.tokens[name]);
    });
  });
}

/**
 * What every hosting double plays besides its world: a revoked token, one 429 to wait out, a
 * service that echoes the token in its refusal, and a hang half-way through the walk.
 */
export function describeTokenLifecycle(
  provider: Provider,
  start: () => Promise<StartedDouble>,
  expected: { revoked: string; firstPath: string },
): void {
  describe(`${provider.name} tokens that are revoked, limited, echoed or left hanging`, () => {
    let double: StartedDouble;
    beforeAll(async () => {
      double = await start();
    });
    afterAll(() => double.stop());
    const rule = provider.rules[0]!;
    const inspect = (name: string) =>
      provider.inspect!(
        foundCredential(provider.id, rule.id, rule.kind, double.tokens[name]!),
        doubleContext(provider, double.url, DEFAULT_POLICY, ANSWER_TIMEOUT_MS),
      );

    it(`a revoked token is invalid, with ${provider.name}'s reason`, async () => {
      expect(await inspect('revoked')).toEqual({ verification: 'invalid', reason: expected.revoked, scope: null });
    });

    it('waits out one 429 and goes on', async () => {
      expect((await inspect('limitOnce')).verification).toBe('verified');
      expect(double.pathsOf(double.tokens.limitOnce!).filter((p) => p === expected.firstPath)).toHaveLength(2);
    });

    it('never puts a token the service echoes into a reason', async () => {
      const i = await inspect('echo');
      expect(i.verification).toBe('invalid');
      expect(JSON.stringify(i)).not.toContain(double.tokens.echo);
    });

    it('a hang half-way is an error once the request times out, not a partial verdict', async () => {
      await expect(inspect('hangHalfway')).rejects.toThrow(`no answer within ${ANSWER_TIMEOUT_MS} ms`);
    });
  });
}

export interface JsonFinding {
  provider: string;
  severity: string;
  verification: string;
  scope: {
    tokenType?: string;
    reach: Record<string, string[]>;
    capabilities: { action: string; production?: boolean }[];
  } | null;
  risks: { id: string; severity: string; message: string }[];
  remediation: string;
}

/** The audit run of an incident suite, for a provider's own checks on it. */
export interface IncidentRun {
  dir: string;
  url: string;
  token: string;
  stdout: string;
  stderr: string;
  /** The provider's one finding in the audit's JSON. */
  finding(): JsonFinding;
  double: StartedDouble;
}

/** The audit of an incident suite: its double, its scanned folder, the token and the CLI's answer. */
export interface IncidentAudit {
  double: StartedDouble;
  dir: string;
  token: string;
  run: { code: number; stdout: string; stderr: string };
  /** The provider's one finding in a JSON answer (the audit's, or an `inspect`'s). */
  findingIn(out: string): JsonFinding;
}

/**
 * Inside a describe: starts the double, writes `VARIABLE=<token>` to `file` in a fresh folder,
 * audits it through the CLI against the double, and cleans up after. The getter is valid once the
 * suite's beforeAll has run.
 */
export function incidentAudit(
  provider: Provider,
  start: () => Promise<StartedDouble>,
  at: { file: string; variable: string; token: string; quoted?: boolean },
): () => IncidentAudit {
  let audit: IncidentAudit | undefined;
  const findingIn = (out: string): JsonFinding => {
    const found = (JSON.parse(out) as { findings: JsonFinding[] }).findings.filter((f) => f.provider === provider.id);
    expect(found).toHaveLength(1);
    return found[0]!;
  };
  beforeAll(async () => {
    const double = await start();
    const token = double.tokens[at.token]!;
    const dir = mkdtempSync(join(tmpdir(), `tokenscope-${provider.id}-incident-`));
    mkdirSync(join(dir, dirname(at.file)), { recursive: true });
    writeFileSync(join(dir, at.file), `${at.variable}=${at.quoted ? `"${token}"` : token}\n`);
    const run = await cli(['audit', dir, '--format', 'json', `--${provider.endpoint!.flag}`, double.url], { cwd: dir });
    audit = { double, dir, token, run, findingIn };
  });
  afterAll(async () => {
    await audit?.double.stop();
    if (audit) rmSync(audit.dir, { recursive: true, force: true });
  });
  return () => audit!;
}

/**
 * The incident's shape on a hosting platform, end to end through the CLI: a token named for a
 * narrow purpose, in a staging file, that can delete a production resource. Critical, with
 * destructive-production-access naming the resource and intent-mismatch naming the variable; the
 * same through `inspect --provider` and with the endpoint from the environment; never printed.
 * SaaS platforms (Stripe, OpenAI, Anthropic) name their own broad risk and first capability: a
 * key kept for a narrow purpose that is the account's secret or admin key.
 */
export function describeIncident(
  provider: Provider,
  start: () => Promise<StartedDouble>,
  at: {
    /** The file, below the scanned directory, and the variable the token is assigned to. */
    file: string;
    variable: string;
    /** Write the value in double quotes (a token with a space in it). */
    quoted?: boolean;
    /** Which token of the double is found there, and a narrower one for the environment check. */
    token: string;
    otherToken: string;
    /** What destructive-production-access must name, and a reach entry that must be listed. */
    names: string | string[];
    reach: [string, string];
    /** The broad risk that names the resource (default destructive-production-access). */
    risk?: string;
    /** What the first capability must be (default: delete, in production). */
    firstCapability?: { action: string; production?: boolean };
    /** The word intent-mismatch must quote as the purpose the variable states. */
    purpose?: string;
    /** Risk ids the finding must raise besides destructive-production-access and intent-mismatch. */
    risks?: string[];
    /** What the remediation must say. */
    remediation?: string[];
    /** The one method the token may be sent with (GET unless the API is GraphQL). */
    method?: string;
    /**
     * Strings no output may hold besides the token: pieces of it, secrets or customer data the
     * double holds (a list, or made from the token).
     */
    neverPrinted?: string[] | ((token: string) => string[]);
    /** The provider's own checks on the audit run, inside the same describe. */
    more?: (run: () => IncidentRun) => void;
  },
): void {
  const risk = at.risk ?? 'destructive-production-access';
  const endpoint = provider.endpoint!;
  const method = at.method ?? 'GET';
  describe(`the incident on ${provider.name}, end to end`, () => {
    const audit = incidentAudit(provider, start, at);
    let double: StartedDouble;
    let dir: string;
    let run: { code: number; stdout: string; stderr: string };
    let token: string;
    let never: string[];
    let findingIn: (out: string) => JsonFinding;

    beforeAll(() => {
      ({ double, dir, run, token, findingIn } = audit());
      const more = typeof at.neverPrinted === 'function' ? at.neverPrinted(token) : (at.neverPrinted ?? []);
      never = [token, ...more];
    });

    it('exits 1 and reports the token critical and verified', () => {
      expect(run.code).toBe(1);
      const f = findingIn(run.stdout);
      expect(f.verification).toBe('verified');
      expect(f.severity).toBe('critical');
    });

    it(`raises ${risk} naming the resource, and intent-mismatch naming the variable`, () => {
      const f = findingIn(run.stdout);
      expect(f.risks.map((r) => r.id)).toEqual(expect.arrayContaining([risk, 'intent-mismatch', ...(at.risks ?? [])]));
      const destructive = f.risks.find((r) => r.id === risk);
      expect(destructive?.severity).toBe('critical');
      for (const name of [at.names].flat()) expect(destructive?.message).toContain(name);
      const said = at.purpose === undefined ? '' : ` states a narrow purpose ("${at.purpose}")`;
      expect(f.risks.find((r) => r.id === 'intent-mismatch')?.message).toContain(`"${at.variable}"${said}`);
      expect(f.scope?.reach[at.reach[0]]).toContain(at.reach[1]);
    });

    if (at.remediation) {
      it('names the narrower credential in the remediation', () => {
        for (const text of at.remediation!) expect(findingIn(run.stdout).remediation).toContain(text);
      });
    }

    it(`sent the token only to the configured endpoint, only as ${method}s`, () => {
      const methods = double.methodsOf(token);
      expect(methods.length).toBeGreaterThan(0);
      expect(methods.every((m) => m === method)).toBe(true);
    });

    it('never prints the raw token, nor data the service answered with', () => {
      for (const s of never) expect(run.stdout + run.stderr).not.toContain(s);
    });

    it(`\`inspect --provider ${provider.id}\` gives the same verdict for the token read from stdin`, async () => {
      const r = await cli(
        ['inspect', '--provider', provider.id, '--format', 'json', `--${endpoint.flag}`, double.url],
        {
          input: `${token}\n`,
        },
      );
      expect(r.code).toBe(1);
      for (const s of never) expect(r.stdout + r.stderr).not.toContain(s);
      const f = findingIn(r.stdout);
      expect(f.verification).toBe('verified');
      expect(f.severity).toBe('critical');
      expect(f.risks.map((x) => x.id)).toContain(risk);
      expect(f.scope?.capabilities[0]).toMatchObject(at.firstCapability ?? { action: 'delete', production: true });
    });

    it(`takes the endpoint from ${endpoint.env[0]} too`, async () => {
      const r = await cli(['inspect', '--provider', provider.id, '--format', 'json'], {
        input: double.tokens[at.otherToken]!,
        env: { [endpoint.env[0]!]: double.url },
      });
      expect(findingIn(r.stdout).verification).toBe('verified');
    });

    at.more?.(() => ({ dir, url: double.url, token, ...run, finding: () => findingIn(run.stdout), double }));
  });
}
