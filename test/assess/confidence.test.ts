import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { Ajv } from 'ajv';
import { PROVIDERS } from '../../providers/registry.js';
import { Detector } from '../../src/detect/engine.js';
import { loadRules } from '../../src/detect/load.js';

const rules = loadRules(PROVIDERS);
const detector = new Detector(rules);

/** The secrets a rule's own true-positive samples yield (combining left out: each rule alone). */
function secretsOf(ruleId: string, samples: string[]): string[] {
  return samples.flatMap((text) =>
    detector
      .scan({ text, path: 'sample.txt', source: 'untracked' })
      .filter((c) => c.ruleId === ruleId)
      .map((c) => c.secret.reveal()),
  );
}

/**
 * Rules whose match is an identifier, not a secret: a distinctive prefix proves the kind, not that
 * a credential leaked. An AWS key id is high only paired with its secret key (test below).
 */
const IDENTIFIERS = new Set(['aws-access-key-id', 'alibaba-access-key-id']);

/** Validators that prove the shape: a checksum, a marker every key carries, a decoded payload. */
const SHAPE_VALIDATORS = new Set(['github-checksum', 'openai-marker', 'supabase-service-role']);

describe('every rule declares how sure its match is', () => {
  for (const { spec } of rules) {
    describe(spec.id, () => {
      it('declares high or context', () => {
        expect(['high', 'context']).toContain(spec.confidence);
      });

      if (spec.context) {
        it('needs context to match, so it is context', () => {
          expect(spec.confidence).toBe('context');
        });
      }

      const secrets = secretsOf(spec.id, spec.examples.truePositives);
      // Its secrets begin with one of its own case-sensitive keywords: a distinctive prefix. A
      // connection URL's scheme is such a prefix, but the password it carries has no shape.
      const prefixed =
        spec.keywordsCaseSensitive === true &&
        secrets.length > 0 &&
        secrets.every((s) => spec.keywords.some((k) => s.startsWith(k)));
      const checksummed = spec.validator !== undefined && SHAPE_VALIDATORS.has(spec.validator);
      if ((prefixed || checksummed) && spec.redaction !== 'url' && !IDENTIFIERS.has(spec.id)) {
        it(`has a ${checksummed ? 'checksum or decoded payload' : 'distinctive prefix'}, so it is high`, () => {
          expect(spec.confidence).toBe('high');
        });
      }
    });
  }

  it('finds the prefix and checksum rules it should (the checks above ran)', () => {
    const high = rules.filter((r) => r.spec.confidence === 'high').map((r) => r.spec.id);
    expect(high).toEqual(
      expect.arrayContaining([
        'github-pat-classic',
        'github-pat-fine-grained',
        'stripe-secret-key',
        'slack-token',
        'openai-api-key',
        'supabase-service-role-key',
      ]),
    );
    const context = rules.filter((r) => r.spec.confidence === 'context').map((r) => r.spec.id);
    expect(context).toEqual(
      expect.arrayContaining([
        'railway-token',
        'aws-access-key-id',
        'aws-secret-access-key',
        'aws-secret-access-key-nearby',
        'aws-session-token',
        'postgres-url',
        'mysql-url',
        'mongodb-url',
        'redis-url',
      ]),
    );
  });

  it('the rule schema takes high or context and nothing else', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(readFileSync('schemas/rule.schema.json', 'utf8')));
    const rule = rules.find((r) => r.spec.id === 'stripe-secret-key')!.spec;
    expect(validate({ ...rule, confidence: 'context' })).toBe(true);
    expect(validate({ ...rule, confidence: 'certain' })).toBe(false);
    const { confidence: _omitted, ...undeclared } = rule;
    expect(validate(undeclared)).toBe(true);
  });
});
