import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { parseTokenExpiration } from '../../providers/github/expiry.js';
import { expandScopes, parseScopeHeader } from '../../providers/github/scopes.js';
import { evaluate, parsePolicyDocument } from '../../providers/aws/iam-eval.js';
import { parsePrincipal } from '../../providers/aws/principal.js';
import { readProject } from '../../providers/railway/parse.js';
import { PROVIDERS } from '../../providers/registry.js';
import { UsageError, parseConfig } from '../../src/config/load.js';
import { redact } from '../../src/core/secret.js';
import { assignmentName } from '../../src/detect/assignment.js';
import { Detector } from '../../src/detect/engine.js';
import { loadRules } from '../../src/detect/load.js';
import { ProviderUnavailableError } from '../../src/core/errors.js';
import { iniSections } from '../../src/sources/home/ini.js';
import { netrcEntries } from '../../src/sources/home/netrc.js';
import { leaves } from '../../src/sources/home/tree.js';

// Seeded, so every run checks the same 10,000 inputs per property and a failure reproduces.
const RUNS = 10_000;
const params = (seed: number) => ({ seed, numRuns: RUNS });

const detector = new Detector(loadRules(PROVIDERS), PROVIDERS);

/** Text that looks like what secrets live in: fragments of tokens, assignments, newlines, noise. */
const secretish = fc
  .array(
    fc.oneof(
      fc.string(),
      fc.constantFrom(
        'ghp_',
        'github_pat_',
        'AKIA',
        'ASIA',
        'railway',
        'RAILWAY_TOKEN=',
        'aws_secret_access_key = ',
        'sk_live_',
        'eyJ',
        '.',
        'postgres://',
        ':',
        '@',
        '-----BEGIN RSA PRIVATE KEY-----',
        '-----END RSA PRIVATE KEY-----',
        '\n',
        '\r\n',
        '"',
        '=',
        ' ',
        'tokenscope:allow',
        'glpat-',
        'xoxb-',
        'SG.',
        'T3BlbkFJ',
      ),
      fc.stringMatching(/^[A-Za-z0-9_\-/+=]{1,60}$/),
      fc.uuid(),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

describe('property: the detector never crashes and only reports what is there', () => {
  it('on text', () => {
    fc.assert(
      fc.property(secretish, (text) => {
        for (const c of detector.scan({ text, path: 'p', source: 'stdin' })) {
          expect(text.includes(c.secret.reveal())).toBe(true);
          expect(c.location.line).toBeGreaterThanOrEqual(1);
        }
      }),
      params(1),
    );
  });

  it('on arbitrary bytes (invalid UTF-8, NULs)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), secretish, (bytes, text) => {
        const buf = Buffer.concat([Buffer.from(bytes), Buffer.from(text)]);
        const found = detector.scanBytes(buf, { path: 'p', source: 'untracked' });
        expect(Array.isArray(found)).toBe(true);
      }),
      params(2),
    );
  });

  it('redaction never shows more than a third of a value, nor all of it', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 200 }), (v) => {
        const r = redact(v);
        if (v.length >= 12) expect(r.includes(v)).toBe(false);
        expect(r.replace('****', '').length).toBeLessThanOrEqual(Math.max(4, Math.ceil(v.length / 3) + 2));
      }),
      params(3),
    );
  });

  it('assignment names are read in bounded time from any prefix', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const name = assignmentName(s);
        if (name !== undefined) expect(s.includes(name)).toBe(true);
      }),
      params(4),
    );
  });
});

describe('property: parsers of untrusted files fail only with a usage error', () => {
  const yamlish = fc.oneof(
    fc.string(),
    fc.jsonValue().map((v) => JSON.stringify(v)),
    fc
      .dictionary(
        fc.constantFrom('version', 'scan', 'allowlist', 'rules', 'inspect', 'policy', 'extra'),
        fc.jsonValue(),
      )
      .map((d) => JSON.stringify(d)),
  );

  it('config and policy (YAML and JSON)', () => {
    fc.assert(
      fc.property(yamlish, fc.boolean(), (text, json) => {
        try {
          const config = parseConfig(json ? '.tokenscope.json' : '.tokenscope.yml', text);
          expect(Array.isArray(config.skip)).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(UsageError);
          expect((e as Error).message.split('\n')).toHaveLength(1);
        }
      }),
      params(5),
    );
  });

  it('INI, netrc, and YAML/JSON credential files', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 500 }), (text) => {
        expect(Array.isArray(iniSections(text))).toBe(true);
        expect(Array.isArray(netrcEntries(text))).toBe(true);
        const tree = leaves(text);
        if (tree) expect(Array.isArray(tree.leaves)).toBe(true);
      }),
      params(6),
    );
  });
});

describe('property: provider answers that are nonsense become provider errors, never crashes', () => {
  it('Railway project nodes', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        try {
          readProject(v, 'projects.edges.0.node');
        } catch (e) {
          expect(e).toBeInstanceOf(ProviderUnavailableError);
        }
      }),
      params(8),
    );
  });

  it('GitHub scope and expiry headers', () => {
    fc.assert(
      fc.property(fc.string(), (h) => {
        expect(Array.isArray(expandScopes(parseScopeHeader(h)))).toBe(true);
        const exp = parseTokenExpiration(h);
        if (exp !== undefined) expect(Number.isNaN(Date.parse(exp))).toBe(false);
      }),
      params(9),
    );
  });

  it('AWS policy documents and ARNs', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string(), fc.string(), (doc, action, arn) => {
        let parsed: ReturnType<typeof parsePolicyDocument> | undefined;
        try {
          parsed = parsePolicyDocument(encodeURIComponent(JSON.stringify(doc)));
        } catch {
          // a document that is not a policy may be refused; it must not crash the evaluator below
        }
        if (parsed)
          expect(['allowed', 'explicitDeny', 'conditional', 'implicitDeny']).toContain(
            evaluate([parsed], action).decision,
          );
        expect(typeof parsePrincipal(arn).kind).toBe('string');
      }),
      params(10),
    );
  });
});
