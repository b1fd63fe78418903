import { describe, expect, it } from '@jest/globals';
import { PROVIDERS } from '../../providers/registry.js';
import { compileRule } from '../../src/detect/compile.js';
import { Detector } from '../../src/detect/engine.js';

/**
 * Rules whose keywords were narrowed to the names their regex allows (a bare `client_secret`,
 * `session_token` or `key_secret` woke them on every OAuth app's or web session's line) find
 * what they found with their former keywords: every spelling of every name, in any case, alone
 * or beside a former keyword on the same line.
 */
const FORMER: Record<string, { keywords: string[]; names: string }> = {
  'azure-client-secret': {
    keywords: ['client_secret', 'clientsecret'],
    names: '(?:azure|arm|aad|entra)_?client_?secret',
  },
  'alibaba-access-key-secret': {
    keywords: ['keysecret', 'key_secret', 'alicloud_secret'],
    names: '(?:alibaba_?cloud_?access_?key_?secret|alicloud_?secret_?key|access_?key_?secret)',
  },
  'aws-session-token': {
    keywords: ['session_token', 'sessiontoken', 'security_token'],
    names: '(?:aws_?session_?token|aws_?security_?token|sessiontoken)',
  },
};

/** Every string a pattern of words, `(?:a|b)` groups and `_?` matches. */
function spellings(pattern: string): string[] {
  const group = /\(\?:([^()]*)\)/.exec(pattern);
  if (group) {
    return group[1]!
      .split('|')
      .flatMap((alt) => spellings(pattern.slice(0, group.index) + alt + pattern.slice(group.index + group[0].length)));
  }
  const at = pattern.indexOf('_?');
  if (at === -1) return [pattern];
  return [
    ...spellings(pattern.slice(0, at) + pattern.slice(at + 2)),
    ...spellings(`${pattern.slice(0, at)}_${pattern.slice(at + 2)}`),
  ];
}

const validators = Object.assign({}, ...PROVIDERS.map((p) => p.validators ?? {}));
const rules = PROVIDERS.flatMap((p) => p.rules);
const view = (d: Detector, text: string) =>
  d
    .scanBytes(Buffer.from(text), { path: 'src/app.ts', source: 'tracked' })
    .map((c) => `${c.location.line}:${c.location.column} ${c.secret.reveal()}`);

describe('rules with narrowed keywords', () => {
  for (const [id, former] of Object.entries(FORMER)) {
    it(`${id} finds what its former keywords found`, () => {
      const spec = rules.find((r) => r.id === id)!;
      expect(spec.keywords).not.toEqual(former.keywords);
      const now = new Detector([compileRule(spec, validators)]);
      const before = new Detector([compileRule({ ...spec, keywords: former.keywords }, validators)]);
      const nameRe = new RegExp(former.names, 'i');
      let found = 0;
      for (const example of spec.examples.truePositives) {
        expect(nameRe.test(example)).toBe(true);
        for (const name of spellings(former.names)) {
          const hasFormer = former.keywords.some((k) => name.includes(k));
          for (const spelled of [
            name,
            name.toUpperCase(),
            name.replace(/(^|_)([a-z])/g, (_, u, c) => `${u}${c.toUpperCase()}`),
          ]) {
            const line = example.replace(nameRe, spelled);
            // A spelling none of the former keywords covers was found only beside one of them on
            // its line (by chance): alone, neither finds it; that chance is not kept.
            const texts = hasFormer ? [line, `${line} # ${former.keywords.join(' ')}`, `x\n${line}\ny`] : [line];
            for (const text of texts) {
              const got = view(now, text);
              expect([id, text, got]).toEqual([id, text, view(before, text)]);
              found += got.length;
            }
          }
        }
      }
      expect(found).toBeGreaterThan(10);
    });
  }
});
