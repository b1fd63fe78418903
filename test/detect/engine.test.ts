import { describe, expect, it } from '@jest/globals';
import { PROVIDERS } from '../../providers/registry.js';
import { Detector } from '../../src/detect/engine.js';
import { KeywordAutomaton, type WalkEngine } from '../../src/detect/keywords.js';
import { loadRules } from '../../src/detect/load.js';
import { awsKeyId, awsSecret, githubToken, railwayToken } from '../helpers/tokens.js';

const detector = new Detector(loadRules(PROVIDERS), PROVIDERS);
const scanText = (text: string, path = 'f.txt') => detector.scan({ text, path, source: 'untracked' });
const scanBytes = (text: string, path = 'f.txt') =>
  detector.scanBytes(Buffer.from(text), { path, source: 'untracked' });

/**
 * Each scan loop the automaton may run: the WebAssembly one (the default), with its usual window
 * and with a window of 16 bytes (so a file crosses many, and case checks look back across them),
 * and the JavaScript one.
 */
const engines: Array<[string, WalkEngine, number | undefined]> = [
  ['WebAssembly', 'wasm', undefined],
  ['WebAssembly, 16-byte windows', 'wasm', 16],
  ['JavaScript', 'js', undefined],
];

/** The automaton's hits for the keywords, over text made of their pieces, are those of a plain search. */
function expectPlainSearch(
  keywords: string[],
  exact: boolean[],
  engine: WalkEngine = 'wasm',
  window: number | undefined = undefined,
): void {
  const ac = new KeywordAutomaton(keywords, exact, engine, window);
  expect(ac.engine).toBe(engine);
  // Seeded: pieces of keywords (prefixes, suffixes, case changed) glued together, and bytes between.
  let seed = 7;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const parts: string[] = [];
  for (let i = 0; i < 4000; i++) {
    const k = keywords[rand(keywords.length)]!;
    parts.push([k, k.slice(0, 1 + rand(k.length)), k.slice(rand(k.length)), k.toUpperCase(), ' ', '\n', 'é'][rand(7)]!);
  }
  const text = parts.join('');
  const folded = text.toLowerCase();
  const found = ac.locate(Buffer.from(text), Number.POSITIVE_INFINITY);
  keywords.forEach((k, id) => {
    const hay = exact[id] ? text : folded;
    const needle = exact[id] ? k : k.toLowerCase();
    const expected: number[] = [];
    for (let at = hay.indexOf(needle); at !== -1; at = hay.indexOf(needle, at + 1))
      expected.push(Buffer.byteLength(text.slice(0, at + needle.length)) - 1);
    expect([k, [...new Set(found.get(id) ?? [])].sort((a, b) => a - b)]).toEqual([k, expected]);
  });
}

describe.each(engines)('keyword automaton (%s loop)', (_name, engine, window) => {
  const automaton = (keywords: string[], exact: boolean[] = []) =>
    new KeywordAutomaton(keywords, exact, engine, window);

  it('finds every keyword, case-insensitively, including overlapping ones', () => {
    const ac = automaton(['sk-', 'sk-ant-', 'railway', 'ghp_']);
    expect([...ac.locate(Buffer.from('key = SK-ANT-xyz; RailWay')).keys()].sort()).toEqual([0, 1, 2]);
    expect([...ac.locate(Buffer.from('nothing here')).keys()]).toEqual([]);
  });

  it('finds a keyword wherever it sits, across the middle where its two halves are walked apart', () => {
    const ac = automaton(['github_pat_', 'sg.'], [true, false]);
    for (let len = 0; len < 40; len++) {
      for (let at = 0; at + 11 <= len; at++) {
        const bytes = Buffer.from(`${'x'.repeat(at)}github_pat_${'y'.repeat(len - at - 11)}`);
        expect(ac.locate(bytes).get(0)).toContain(at + 10);
      }
    }
    // Case-sensitive keywords match only as written; folded ones in any case.
    expect(ac.locate(Buffer.from('GITHUB_PAT_ MSG.')).has(0)).toBe(false);
    expect(ac.locate(Buffer.from('GITHUB_PAT_ MSG.')).has(1)).toBe(true);
  });

  it('finds exactly what a plain search finds, for every built-in keyword, in text made of their pieces', () => {
    const rules = loadRules(PROVIDERS);
    const words = [
      ...new Set(rules.flatMap((r) => r.keywords.map((k) => `${r.spec.keywordsCaseSensitive ? 1 : 0}${k}`))),
    ];
    expectPlainSearch(
      words.map((w) => w.slice(1)),
      words.map((w) => w[0] === '1'),
      engine,
      window,
    );
  });

  it('finds exactly what a plain search finds with thousands of keywords (a table that needs its entries shifted)', () => {
    let seed = 11;
    const letters = 'abcdefghijklmnopqrstuvwxyz0123456789_-.';
    const keywords = Array.from({ length: 3000 }, () =>
      Array.from({ length: 6 + (seed % 10) }, () => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return letters[seed % letters.length]!;
      }).join(''),
    );
    expectPlainSearch(
      keywords,
      keywords.map((_, i) => i % 3 === 0),
      engine,
      window,
    );
    // And across the middle, where the second lane starts and the first walks on alone.
    const ac = automaton(keywords);
    for (const id of [1, 2, 4, 5]) {
      const k = keywords[id]!;
      for (let at = 0; at + k.length <= 40; at++) {
        const bytes = Buffer.from(`${' '.repeat(at)}${k}${' '.repeat(40 - at - k.length)}`);
        expect([k, at, ac.locate(bytes).get(id)]).toEqual([k, at, expect.arrayContaining([at + k.length - 1])]);
      }
    }
  });

  it('keeps every hit of a long run of them, in order, within the cap', () => {
    const ac = automaton(['ab', 'b'], [false, true]);
    const text = 'ab'.repeat(5000);
    const found = ac.locate(Buffer.from(text), Number.POSITIVE_INFINITY);
    // Each lane's hits in the order walked. The JavaScript loop walks two lanes (halves), the
    // WebAssembly one four (quarters): lane k from k parts in, noting hits of keywords that start
    // in its part, up to where the next lane starts plus the longest keyword less one. The lanes
    // step together (a step's first lane first) while the last has bytes left; then each other
    // lane walks on alone to its limit, the first lane first.
    const lanes = engine === 'js' ? 2 : 4;
    const n = text.length;
    const part = Math.floor(n / lanes);
    const starts = Array.from({ length: lanes }, (_, k) => k * part);
    const limits = starts.map((_, k) => (k === lanes - 1 ? n : Math.min(n, starts[k + 1]! + 1)));
    const together = n - starts[lanes - 1]!;
    const ends = (len: number, end: number) => text.slice(end - len + 1, end + 1).toLowerCase() === 'ab'.slice(2 - len);
    const inOrder = (len: number) => {
      const out: number[] = [];
      const seen = (k: number, at: number) => at < limits[k]! && ends(len, at) && at - len + 1 >= starts[k]!;
      for (let t = 0; t < together; t++)
        for (let k = 0; k < lanes; k++) if (seen(k, starts[k]! + t)) out.push(starts[k]! + t);
      for (let k = 0; k < lanes - 1; k++)
        for (let at = starts[k]! + together; at < limits[k]!; at++) if (seen(k, at)) out.push(at);
      return out;
    };
    expect(found.get(0)).toEqual(inOrder(2));
    expect(found.get(1)).toEqual(inOrder(1));
    expect(found.get(0)!.length).toBeGreaterThan(4000);
    expect([...found.keys()]).toEqual([0, 1]);
    expect(ac.locate(Buffer.from(text.toUpperCase())).has(1)).toBe(false);
    expect(ac.locate(Buffer.from(text), 4000).get(0)).toEqual([]);
  });

  it('reports byte offsets of each hit, and gives up listing past the cap', () => {
    const ac = automaton(['ab']);
    expect([...new Set(ac.locate(Buffer.from('xxab ab')).get(0))].sort()).toEqual([3, 6]);
    expect(ac.locate(Buffer.from('ab'.repeat(5)), 3)).toEqual(new Map([[0, []]]));
  });
});

describe('detector', () => {
  it('gives the same candidates from bytes (line-by-line decoding) and from text, with true line and column', () => {
    const t = githubToken();
    const text = `é unicode first line\nsecond\n    token: ${t}\n`;
    for (const found of [scanText(text), scanBytes(text)]) {
      expect(found).toHaveLength(1);
      expect(found[0]!.location).toMatchObject({ line: 3, column: 12 });
      expect(found[0]!.context.name).toBe('token');
      expect(found[0]!.secret.reveal()).toBe(t);
    }
  });

  it('finds a Railway UUID only with railway context close by', () => {
    const u = railwayToken();
    expect(scanBytes(`RAILWAY_TOKEN=${u}`)).toHaveLength(1);
    expect(scanBytes(`# railway\ntoken: ${u}`)).toHaveLength(1);
    expect(scanBytes(`# railway\n\n\n\n\n\ntoken: ${u}`)).toHaveLength(0);
    // A name that says identifier outranks the context close by.
    expect(scanBytes(`# railway\nid: ${u}`)).toHaveLength(0);
    expect(scanBytes(`request_id=${u}`)).toHaveLength(0);
    // The Railway CLI's config file is context enough on its own.
    expect(scanBytes(`{"user": {"token": "${u}"}}`, 'home/.railway/config.json')).toHaveLength(1);
  });

  it('finds a token near a context line that lies inside the window of an earlier one', () => {
    const u = railwayToken();
    // The token is three lines below the second "railway", four below the first.
    const text = `# railway\nx = 1\n# railway again\ny = 2\nz = 3\ntoken: ${u}\n`;
    // A config rule runs on the whole text, finding its windows from the context pattern itself.
    const spec = PROVIDERS.find((p) => p.id === 'railway')!.rules[0]!;
    const config = { ...spec, id: 'config-railway', provider: 'config-railway' };
    const whole = new Detector(loadRules([], [config]), [], undefined, [config.id]);
    for (const found of [
      scanText(text),
      scanBytes(text),
      whole.scan({ text, path: 'f.txt', source: 'untracked' }),
      whole.scanBytes(Buffer.from(text), { path: 'f.txt', source: 'untracked' }),
    ]) {
      expect(found.map((c) => [c.location.line, c.secret.reveal()])).toEqual([[6, u]]);
    }
  });

  it('pairs an AWS key id with its secret key in the same file into one candidate', () => {
    const id = awsKeyId();
    const secret = awsSecret();
    const found = scanBytes(
      `[prod]\naws_access_key_id = ${id}\n# rotated monthly\naws_secret_access_key = ${secret}\n`,
    );
    expect(found).toHaveLength(1);
    expect(found[0]!.secret.reveal()).toBe(id);
    expect(found[0]!.parts?.secretAccessKey?.reveal()).toBe(secret);
  });

  it('pairs an unnamed secret within three lines of the key id', () => {
    const id = awsKeyId();
    const secret = awsSecret();
    const found = scanBytes(`key: ${id}\nsecret: ${secret}\n`);
    expect(found).toHaveLength(1);
    expect(found[0]!.parts?.secretAccessKey?.reveal()).toBe(secret);
  });

  it('keeps a named secret key without a key id as a finding of its own', () => {
    const found = scanBytes(`aws_secret_access_key=${awsSecret()}\n`);
    expect(found.map((c) => c.ruleId)).toEqual(['aws-secret-access-key']);
  });

  it('a tokenscope:allow comment suppresses only its own line', () => {
    const [a, b] = [githubToken(), githubToken()];
    const found = scanBytes(`A=${a} # tokenscope:allow\nB=${b}\n`);
    expect(found.map((c) => c.secret.reveal())).toEqual([b]);
  });
});
