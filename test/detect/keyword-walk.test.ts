import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { PROVIDERS } from '../../providers/registry.js';
import { KeywordAutomaton } from '../../src/detect/keywords.js';
import { loadRules } from '../../src/detect/load.js';

/** Every built-in keyword, and whether it is case-sensitive, as the detector builds its automaton. */
function builtInKeywords(): [string[], boolean[]] {
  const words = [
    ...new Set(
      loadRules(PROVIDERS).flatMap((r) => r.keywords.map((k) => `${r.spec.keywordsCaseSensitive ? 1 : 0}${k}`)),
    ),
  ];
  return [words.map((w) => w.slice(1)), words.map((w) => w[0] === '1')];
}

/** Seeded bytes: keywords (some in another case) among random bytes of every value, NUL and high ones included. */
function hostileBytes(keywords: string[], length: number, seed: number): Buffer {
  const out: number[] = [];
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  while (out.length < length) {
    if (rand(4) === 0) {
      const k = keywords[rand(keywords.length)]!;
      out.push(...Buffer.from(rand(3) === 0 ? k.toUpperCase() : k));
    } else out.push(rand(256));
  }
  return Buffer.from(out.slice(0, length));
}

/**
 * Each keyword's hits, as sorted offsets without repeats: the two loops split a file into lanes
 * differently (halves, quarters), so they meet hits in another order, and a hit where two lanes
 * overlap may be met twice.
 */
const hits = (ac: KeywordAutomaton, bytes: Buffer) =>
  [...ac.locate(bytes, Number.POSITIVE_INFINITY)]
    .map(([id, offsets]) => [id, [...new Set(offsets)].sort((a, b) => a - b)] as const)
    .sort((a, b) => a[0] - b[0]);

describe('the keyword automaton as WebAssembly', () => {
  const [keywords, exact] = builtInKeywords();

  it('is compiled from keyword-walk.wat as committed (scripts/build-wasm.mjs --check)', () => {
    expect(() =>
      execFileSync(process.execPath, ['scripts/build-wasm.mjs', '--check'], { stdio: 'pipe' }),
    ).not.toThrow();
  });

  it('runs by default here, for the built-in rules', () => {
    expect(new KeywordAutomaton(keywords, exact).engine).toBe('wasm');
  });

  it('finds the same hits as the JavaScript loop, whatever the window and the bytes', () => {
    const js = new KeywordAutomaton(keywords, exact, 'js');
    for (const window of [1, 7, 64, 4096, undefined]) {
      const wasm = new KeywordAutomaton(keywords, exact, 'wasm', window);
      expect(wasm.engine).toBe('wasm');
      for (const length of [0, 1, 2, 3, 17, 255, 256, 257, 1000, 9000]) {
        const bytes = hostileBytes(keywords, length, length + (window ?? 0));
        expect([window, length, hits(wasm, bytes)]).toEqual([window, length, hits(js, bytes)]);
      }
    }
  });

  it('crosses its default window on a large file, a keyword split across the boundary included', () => {
    const js = new KeywordAutomaton(keywords, exact, 'js');
    const wasm = new KeywordAutomaton(keywords, exact);
    const bytes = hostileBytes(keywords, 1_200_000, 3);
    // Where the lanes start (each a quarter in: 300,000 bytes apart) and where each lane's first
    // window of 128 KiB ends, with a case-sensitive keyword across each.
    const word = Buffer.from(keywords[exact.indexOf(true)]!);
    const places = [0, 1, 2, 3].flatMap((k) => [k * 300_000, k * 300_000 + 128 * 1024]).filter((at) => at > 0);
    for (const at of places) word.copy(bytes, at - 3);
    const found = wasm.locate(bytes, Number.POSITIVE_INFINITY);
    expect(hits(wasm, bytes)).toEqual(hits(js, bytes));
    const id = keywords.findIndex((k, i) => exact[i] && k === word.toString());
    for (const at of places) expect(found.get(id)).toContain(at - 3 + word.length - 1);
  });

  it('leaves keywords with more distinct characters than its class table holds to the JavaScript loop', () => {
    // Printable ASCII (case folded: 68 byte values) and Arabic letters (no case; 4 lead bytes and
    // all 64 continuation bytes of UTF-8): 136 kinds of byte, past the 127 it can index.
    const chars = [
      ...Array.from({ length: 94 }, (_, i) => String.fromCharCode(0x21 + i)),
      ...Array.from({ length: 256 }, (_, i) => String.fromCharCode(0x600 + i)),
    ];
    const words = chars.map((c) => `k${c}k`);
    expect(new Set(Buffer.from(words.join('').toLowerCase())).size).toBeGreaterThan(127);
    const ac = new KeywordAutomaton(words);
    expect(ac.engine).toBe('js');
    expect([...ac.locate(Buffer.from('x k\u0628k y')).keys()]).toEqual([words.indexOf('k\u0628k')]);
  });

  it('leaves a process without WebAssembly (node --jitless) to the JavaScript loop', () => {
    const built = pathToFileURL(resolve('build/src/detect/keywords.js')).href;
    const out = execFileSync(
      process.execPath,
      [
        '--jitless',
        '--no-warnings',
        '--input-type=module',
        '-e',
        `const { KeywordAutomaton } = await import(${JSON.stringify(built)});
         const ac = new KeywordAutomaton(['ghp_', 'SG.'], [false, true]);
         console.log(JSON.stringify([typeof WebAssembly, ac.engine, [...ac.locate(Buffer.from('a GHP_ msg. SG.'))]]));`,
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    expect(JSON.parse(out)).toEqual([
      'undefined',
      'js',
      [
        [0, [5]],
        [1, [14]],
      ],
    ]);
  });
});
