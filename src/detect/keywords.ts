/**
 * The keyword prefilter: an Aho-Corasick automaton compiled to a dense DFA over bytes, ASCII
 * case folded. One pass over a file's raw bytes finds every keyword it holds, at a cost per byte
 * that does not grow with the number of keywords: with all rules enabled, a scan costs about
 * what it costs with a few. Files with no keyword are never even decoded to a string.
 *
 * Bytes are first mapped to classes (one per character that occurs in some keyword, case folded,
 * and one for every other byte), so the transition table is states x classes rather than
 * states x 256: a few tens of KiB that stay in the L1 cache whatever the number of rules.
 */
export class KeywordAutomaton {
  /** Byte -> class. */
  private readonly classOf: Uint8Array;
  /** Transitions, indexed by (state * width + class), each holding the next state times width. */
  private readonly delta: Uint32Array;
  /** States from this one (times width) on are those where some keyword ends. */
  private readonly acceptFrom: number;
  /** Keyword ids that end in a state (following failure links), indexed by state * width. */
  private readonly outputs: Map<number, number[]>;
  readonly keywords: string[];
  /** Length in bytes of the longest keyword. */
  private readonly longest: number;
  /** Per keyword id: its exact bytes when it must match case-sensitively (checked on each hit). */
  private readonly exact: Array<Buffer | undefined>;

  /** `caseSensitive[i]`: keyword i matches only as written; the automaton itself folds case. */
  constructor(keywords: string[], caseSensitive: boolean[] = []) {
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
    this.delta = new Uint32Array(n * width);
    for (let s = 0; s < n; s++) {
      const row = renamed[s]! * width;
      for (let c = 0; c < width; c++) this.delta[row + c] = renamed[next[s * width + c]!]! * width;
    }
    this.acceptFrom = firstAccepting * width;
    this.outputs = new Map();
    out.forEach((o, s) => {
      if (o.length > 0) this.outputs.set(renamed[s]! * width, [...new Set(o)]);
    });
    this.classOf = classOf;
  }

  /**
   * Where each keyword occurs: keyword id -> byte offsets of its last byte, at most `cap` of them
   * (past that the list is dropped and the keyword counts as everywhere: an empty array).
   */
  locate(bytes: Uint8Array, cap = 256): Map<number, number[]> {
    const found = new Map<number, number[]>();
    const record = (id: number, i: number) => {
      if (this.exact[id] !== undefined && !matchesExactly(bytes, i, this.exact[id]!)) return;
      const list = found.get(id);
      if (list === undefined) found.set(id, [i]);
      else if (list.length > 0) {
        if (list.length < cap) list.push(i);
        else list.length = 0;
      }
    };
    const { delta, acceptFrom, classOf, outputs } = this;
    const n = bytes.length;
    // Two automata walk the two halves at once: each step of one waits on its own previous state
    // only, so the processor overlaps them. The first runs on past the middle by the longest
    // keyword, so a keyword across the middle is still seen (a hit both see is recorded twice;
    // callers use offsets as lines, where that does not matter).
    const mid = n >> 1;
    const endA = Math.min(n, mid + this.longest - 1);
    let a = 0;
    let b = 0;
    let i = 0;
    let j = mid;
    for (; j < n; i++, j++) {
      a = delta[a + classOf[bytes[i]!]!]!;
      b = delta[b + classOf[bytes[j]!]!]!;
      if (a >= acceptFrom && i < endA) for (const id of outputs.get(a)!) record(id, i);
      if (b >= acceptFrom) for (const id of outputs.get(b)!) record(id, j);
    }
    for (; i < endA; i++) {
      a = delta[a + classOf[bytes[i]!]!]!;
      if (a >= acceptFrom) for (const id of outputs.get(a)!) record(id, i);
    }
    return found;
  }
}

/** Whether the bytes ending at `end` (inclusive) are exactly `word`. */
function matchesExactly(bytes: Uint8Array, end: number, word: Buffer): boolean {
  const start = end - word.length + 1;
  if (start < 0) return false;
  for (let k = 0; k < word.length; k++) if (bytes[start + k] !== word[k]) return false;
  return true;
}
