/**
 * The keyword prefilter: an Aho-Corasick automaton compiled to a dense DFA over bytes, ASCII
 * case folded. One pass over a file's raw bytes finds every keyword it holds, at a cost per byte
 * that does not grow with the number of keywords: with all rules enabled, a scan costs about
 * what it costs with a few. Files with no keyword are never even decoded to a string.
 */
export class KeywordAutomaton {
  /** Transitions, each stored as the next state times 256, so a step is one OR and one load. */
  private readonly delta: Uint32Array;
  private readonly accepting: Uint8Array;
  /** For each state, the keyword ids that end there (following failure links), or undefined. */
  private readonly outputs: Array<number[] | undefined>;
  readonly keywords: string[];

  constructor(keywords: string[]) {
    this.keywords = keywords;
    const goto: Array<Map<number, number>> = [new Map()];
    const out: number[][] = [[]];
    keywords.forEach((kw, id) => {
      let s = 0;
      for (const b of Buffer.from(kw.toLowerCase(), 'utf8')) {
        let next = goto[s]!.get(b);
        if (next === undefined) {
          next = goto.length;
          goto.push(new Map());
          out.push([]);
          goto[s]!.set(b, next);
        }
        s = next;
      }
      out[s]!.push(id);
    });
    const n = goto.length;
    const fail = new Uint32Array(n);
    const delta = new Uint32Array(n * 256);
    // Breadth-first: each state's transitions are its own, or its failure state's.
    const queue: number[] = [];
    for (let b = 0; b < 256; b++) {
      const t = goto[0]!.get(b);
      if (t !== undefined) {
        delta[b] = t;
        queue.push(t);
      }
    }
    for (let qi = 0; qi < queue.length; qi++) {
      const s = queue[qi]!;
      out[s]!.push(...out[fail[s]!]!);
      for (let b = 0; b < 256; b++) {
        const t = goto[s]!.get(b);
        if (t !== undefined) {
          fail[t] = delta[fail[s]! * 256 + b]!;
          delta[s * 256 + b] = t;
          queue.push(t);
        } else {
          delta[s * 256 + b] = delta[fail[s]! * 256 + b]!;
        }
      }
    }
    // Case folding: an upper-case ASCII byte moves like its lower-case twin.
    for (let s = 0; s < n; s++) {
      for (let b = 65; b <= 90; b++) delta[s * 256 + b] = delta[s * 256 + b + 32]!;
    }
    for (let i = 0; i < delta.length; i++) delta[i] = delta[i]! << 8;
    this.delta = delta;
    this.outputs = out.map((o) => (o.length ? [...new Set(o)] : undefined));
    this.accepting = Uint8Array.from(out, (o) => (o.length ? 1 : 0));
  }

  /**
   * Where each keyword occurs: keyword id -> byte offsets of its last byte, at most `cap` of them
   * (past that the list is dropped and the keyword counts as everywhere: an empty array).
   */
  locate(bytes: Uint8Array, cap = 16): Map<number, number[]> {
    const found = new Map<number, number[]>();
    const { delta, outputs, accepting } = this;
    const n = bytes.length;
    let s = 0;
    for (let i = 0; i < n; i++) {
      s = delta[s | bytes[i]!]!;
      if (accepting[s >>> 8] === 1) {
        for (const id of outputs[s >>> 8]!) {
          const list = found.get(id);
          if (list === undefined) found.set(id, [i]);
          else if (list.length > 0) {
            if (list.length < cap) list.push(i);
            else list.length = 0;
          }
        }
      }
    }
    return found;
  }

  /** Ids of the keywords found in `bytes`; stops early once every keyword has been seen. */
  find(bytes: Uint8Array): Set<number> {
    const found = new Set<number>();
    const { delta, outputs, accepting } = this;
    const total = this.keywords.length;
    const n = bytes.length;
    let s = 0;
    for (let i = 0; i < n; i++) {
      s = delta[s | bytes[i]!]!;
      if (accepting[s >>> 8] === 1) {
        for (const id of outputs[s >>> 8]!) found.add(id);
        if (found.size === total) break;
      }
    }
    return found;
  }
}
