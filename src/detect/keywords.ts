import { WasmWalk } from './keyword-walk.js';

/** Which scan loop an automaton runs: WebAssembly where it can (the default), or JavaScript. */
export type WalkEngine = 'wasm' | 'js';

/**
 * The keyword prefilter: an Aho-Corasick automaton compiled to a dense DFA over bytes, ASCII
 * case folded. One pass over a file's raw bytes finds every keyword it holds, at a cost per byte
 * that does not grow with the number of keywords: with all rules enabled, a scan costs about
 * what it costs with a few. Files with no keyword are never even decoded to a string.
 *
 * Bytes are first mapped to classes (one per character that occurs in some keyword, case folded,
 * and one for every other byte), so the transition table is states x classes rather than
 * states x 256, of 16-bit entries: with every rule about 150 KiB, of which the states text
 * actually visits (a few hundred) stay in the L1 cache.
 */
export class KeywordAutomaton {
  /** Byte -> class. */
  private readonly classOf: Uint8Array;
  /**
   * Transitions, indexed by (state * width + class), each holding the next state times width,
   * shifted right by `shift` (width is padded so nothing is lost): 16 bits an entry, so the
   * table is half the size and more of it stays in the cache the two scanning threads share.
   */
  private readonly delta: Uint16Array;
  private readonly shift: number;
  /** States from this one (times width) on are those where some keyword ends. */
  private readonly acceptFrom: number;
  /** Keyword ids that end in a state (following failure links), indexed by state * width. */
  private readonly outputs: Map<number, number[]>;
  readonly keywords: string[];
  /** Length in bytes of the longest keyword. */
  private readonly longest: number;
  /** Per keyword id: its exact bytes when it must match case-sensitively (checked on each hit). */
  private readonly exact: Array<Buffer | undefined>;
  /**
   * Per accepting state (indexed from `acceptFrom`) whose one keyword must match as written: its
   * first letter as written (low byte; 0: no such check), and how many bytes before the hit it
   * lies (high byte). One array, not two: the scan loop is short of registers as it is.
   */
  private readonly caseCheck: Uint16Array;
  /** Accepting states met by `locate` and their offsets, in pairs, not yet filed (reused). */
  private readonly pending = new Uint32Array(4096);
  /** How many entries of `pending` the last `walk` filled. */
  private noted = 0;
  /** The same loop as WebAssembly (keyword-walk.ts), when this process can run it. */
  private readonly wasm: WasmWalk | undefined;

  /**
   * `caseSensitive[i]`: keyword i matches only as written; the automaton itself folds case.
   * `engine`: the JavaScript loop on demand (tests compare the two); `window`: the WebAssembly
   * loop's window, in bytes (tests make it small to cross many).
   */
  constructor(keywords: string[], caseSensitive: boolean[] = [], engine: WalkEngine = 'wasm', window?: number) {
    this.keywords = keywords;
    this.exact = keywords.map((k, i) => (caseSensitive[i] ? Buffer.from(k, 'utf8') : undefined));
    const folded = keywords.map((k) => Buffer.from(k.toLowerCase(), 'utf8'));
    this.longest = Math.max(1, ...folded.map((k) => k.length));

    const classOf = new Uint8Array(256);
    let width = 1;
    for (const kw of folded) for (const b of kw) if (classOf[b] === 0) classOf[b] = width++;
    for (let b = 65; b <= 90; b++) classOf[b] = classOf[b + 32]!;

    // The trie, flat: goto[s * width + c] is the child of state s by class c, or -1. Typed arrays
    // rather than a Map per state: every scanning thread builds this on start-up, while still cold.
    let bound = 1;
    for (const kw of folded) bound += kw.length;
    const goto = new Int32Array(bound * width).fill(-1);
    const out: number[][] = [[]];
    folded.forEach((kw, id) => {
      let s = 0;
      for (const b of kw) {
        const at = s * width + classOf[b]!;
        if (goto[at] === -1) {
          goto[at] = out.length;
          out.push([]);
        }
        s = goto[at]!;
      }
      out[s]!.push(id);
    });
    const n = out.length;
    const fail = new Uint32Array(n);
    const next = new Uint32Array(n * width);
    // Breadth-first: each state's transitions are its own, or its failure state's.
    const queue = new Uint32Array(n);
    let tail = 0;
    for (let c = 0; c < width; c++) {
      const t = goto[c]!;
      if (t !== -1) {
        next[c] = t;
        queue[tail++] = t;
      }
    }
    for (let qi = 0; qi < tail; qi++) {
      const s = queue[qi]!;
      const f = fail[s]!;
      if (out[f]!.length) out[s]!.push(...out[f]!);
      for (let c = 0; c < width; c++) {
        const t = goto[s * width + c]!;
        if (t !== -1) {
          fail[t] = next[f * width + c]!;
          next[s * width + c] = t;
          queue[tail++] = t;
        } else {
          next[s * width + c] = next[f * width + c]!;
        }
      }
    }
    // Renumbered so that every accepting state comes after every other one: the scan loop tells
    // "a keyword ends here" by comparing the state with one number, without a table load per byte.
    const renamed = new Uint32Array(n);
    let k = 0;
    for (let s = 0; s < n; s++) if (out[s]!.length === 0) renamed[s] = k++;
    const firstAccepting = k;
    for (let s = 0; s < n; s++) if (out[s]!.length > 0) renamed[s] = k++;
    // The least shift at which every row's start, divided by 2^shift, fits in 16 bits.
    let shift = 0;
    let padded = width;
    while (((n - 1) * padded) >> shift > 0xffff) {
      shift++;
      padded = Math.ceil(width / 2 ** shift) * 2 ** shift;
    }
    this.shift = shift;
    this.delta = new Uint16Array(n * padded);
    for (let s = 0; s < n; s++) {
      const row = renamed[s]! * padded;
      for (let c = 0; c < width; c++) this.delta[row + c] = (renamed[next[s * width + c]!]! * padded) >> shift;
    }
    this.acceptFrom = firstAccepting * padded;
    this.outputs = new Map();
    out.forEach((o, s) => {
      if (o.length > 0) this.outputs.set(renamed[s]! * padded, [...new Set(o)]);
    });
    this.classOf = classOf;
    // A hit of a case-sensitive keyword whose first letter differs in case (`msg.` for SendGrid's
    // `SG.`: 400,000 per 200 MB of code) is dropped in the scan loop, before it is noted.
    this.caseCheck = new Uint16Array(n * padded - this.acceptFrom);
    for (const [state, ids] of this.outputs) {
      const word = ids.length === 1 ? this.exact[ids[0]!] : undefined;
      const at = word ? word.findIndex((b) => (b | 32) >= 97 && (b | 32) <= 122) : -1;
      if (at === -1 || word!.length - 1 - at > 255) continue;
      this.caseCheck[state - this.acceptFrom] = word![at]! | ((word!.length - 1 - at) << 8);
    }
    const tables = { classOf, delta: this.delta, shift, acceptFrom: this.acceptFrom, caseCheck: this.caseCheck };
    this.wasm = engine === 'wasm' ? WasmWalk.create(tables, window) : undefined;
  }

  /** Which loop this automaton runs (the WebAssembly one cannot run everywhere: see WasmWalk.create). */
  get engine(): WalkEngine {
    return this.wasm ? 'wasm' : 'js';
  }

  /**
   * Where each keyword occurs: keyword id -> byte offsets of its last byte, at most `cap` of them
   * (past that the list is dropped and the keyword counts as everywhere: an empty array).
   */
  locate(bytes: Uint8Array, cap = 256): Map<number, number[]> {
    const found = new Map<number, number[]>();
    const wasm = this.wasm;
    if (wasm) {
      wasm.run(bytes, this.longest, (k) => this.record(bytes, found, k, cap, wasm.pending));
      return found;
    }
    const n = bytes.length;
    // Two automata walk the two halves at once (the WebAssembly loop walks quarters): each step
    // of one waits on its own previous state only, so the processor overlaps them. The first runs
    // on past the middle by the longest keyword, so a keyword across the middle is still seen (a
    // hit both see is recorded twice; callers use offsets as lines, where that does not matter).
    const mid = n >> 1;
    const endA = Math.min(n, mid + this.longest - 1);
    const lanes = { a: 0, b: 0, i: 0, j: mid };
    // The walk stops each time `pending` is full, and its hits are filed (in the order met).
    while (this.walk(bytes, lanes, n, endA)) this.record(bytes, found, this.noted, cap);
    this.record(bytes, found, this.walkRest(bytes, found, lanes, endA, cap), cap);
    return found;
  }

  /**
   * The two lanes' steps from where `lanes` says, noting in `pending` each accepting state and
   * offset, until the end or until `pending` is full (then true, `lanes` where to go on). The
   * loop calls nothing and keeps few values alive: a call there would be new to the compiled loop
   * each time a thread starts, and send it back to the interpreter; a value too many spills.
   */
  private walk(
    bytes: Uint8Array,
    lanes: { a: number; b: number; i: number; j: number },
    n: number,
    endA: number,
  ): boolean {
    const { delta, shift, acceptFrom, classOf, pending, caseCheck } = this;
    // A step notes at most two pairs.
    const room = pending.length - 4;
    let { a, b, i, j } = lanes;
    let k = 0;
    for (; j < n && k <= room; i++, j++) {
      a = delta[a + classOf[bytes[i]!]!]! << shift;
      b = delta[b + classOf[bytes[j]!]!]! << shift;
      if (a >= acceptFrom && i < endA) {
        const check = caseCheck[a - acceptFrom]!;
        if (check === 0 || bytes[i - (check >> 8)] === (check & 255)) {
          pending[k] = a;
          pending[k + 1] = i;
          k += 2;
        }
      }
      if (b >= acceptFrom) {
        const check = caseCheck[b - acceptFrom]!;
        if (check === 0 || bytes[j - (check >> 8)] === (check & 255)) {
          pending[k] = b;
          pending[k + 1] = j;
          k += 2;
        }
      }
    }
    lanes.a = a;
    lanes.b = b;
    lanes.i = i;
    lanes.j = j;
    this.noted = k;
    return j < n;
  }

  /**
   * The first lane's last steps past the middle (at most the longest keyword's length), after
   * the hits `walk` noted last; returns how many entries of `pending` are to be filed.
   */
  private walkRest(
    bytes: Uint8Array,
    found: Map<number, number[]>,
    lanes: { a: number; i: number },
    to: number,
    cap: number,
  ): number {
    const { delta, shift, acceptFrom, classOf, pending, caseCheck } = this;
    let { a } = lanes;
    let k = this.noted;
    for (let i = lanes.i; i < to; i++) {
      a = delta[a + classOf[bytes[i]!]!]! << shift;
      const check = a >= acceptFrom ? caseCheck[a - acceptFrom]! : -1;
      if (check === 0 || (check > 0 && bytes[i - (check >> 8)] === (check & 255))) {
        if (k + 2 > pending.length) k = this.record(bytes, found, k, cap);
        pending[k] = a;
        pending[k + 1] = i;
        k += 2;
      }
    }
    return k;
  }

  /**
   * Files the first `k` entries of `pending` (accepting state, offset) under the keywords that end
   * there, checking exact-case keywords against the bytes and keeping at most `cap` offsets per
   * keyword (past that the list is emptied: the keyword counts as everywhere). Returns 0.
   */
  private record(
    bytes: Uint8Array,
    found: Map<number, number[]>,
    k: number,
    cap: number,
    pending: Uint32Array = this.pending,
  ): number {
    for (let h = 0; h < k; h += 2) {
      const at = pending[h + 1]!;
      for (const id of this.outputs.get(pending[h]!)!) {
        const word = this.exact[id];
        if (word !== undefined && !matchesExactly(bytes, at, word)) continue;
        const list = found.get(id);
        if (list === undefined) found.set(id, [at]);
        else if (list.length > 0) {
          if (list.length < cap) list.push(at);
          else list.length = 0;
        }
      }
    }
    return 0;
  }
}

/** Whether the bytes ending at `end` (inclusive) are exactly `word`. */
function matchesExactly(bytes: Uint8Array, end: number, word: Buffer): boolean {
  const start = end - word.length + 1;
  if (start < 0) return false;
  for (let k = 0; k < word.length; k++) if (bytes[start + k] !== word[k]) return false;
  return true;
}
