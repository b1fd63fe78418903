import { KEYWORD_WALK_WASM } from './keyword-walk.wasm.js';

/** A keyword automaton's tables (see KeywordAutomaton), as its WebAssembly walk reads them. */
export interface WalkTables {
  classOf: Uint8Array;
  delta: Uint16Array;
  shift: number;
  acceptFrom: number;
  caseCheck: Uint16Array;
}

/** The lanes walked at once: each a quarter of the file. */
export const LANES = 4;
/** Bytes of a file copied into the module's memory at a time, per lane. */
const WINDOW = 128 * 1024;
/** The bytes before a window copied with it: a case check looks up to 255 bytes back. */
const CONTEXT = 256;
/** Hits noted before the host files them (u32s: state and position, in pairs). */
const PENDING = 4096;
/** A step notes at most a pair per lane: the loop returns once fewer than that are left. */
const ROOM = PENDING - 2 * LANES;

/** What this module needs of the WebAssembly API (Node's own; absent under --jitless). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
  Memory: new (descriptor: { initial: number }) => { buffer: ArrayBuffer };
}

interface Global {
  value: number;
}

interface WalkExports {
  walk4(
    steps: number,
    limA: number,
    limB: number,
    limC: number,
    biasA: number,
    biasB: number,
    biasC: number,
    biasD: number,
    room: number,
  ): number;
  walk1(steps: number, limA: number, biasA: number, room: number): number;
  shift: Global;
  accept: Global;
  checks: Global;
  pending: Global;
  lanes: Global;
}

/** Compiled once per thread; null when this process cannot run WebAssembly. */
let compiled: object | null | undefined;

function walkModule(api: WasmApi | undefined): object | null {
  if (compiled !== undefined) return compiled;
  try {
    compiled = api ? new api.Module(Buffer.from(KEYWORD_WALK_WASM, 'base64')) : null;
  } catch {
    compiled = null;
  }
  return compiled;
}

/**
 * The keyword automaton's scan loop run as WebAssembly (keyword-walk.wat): the same hits as the
 * JavaScript loop, in about a third of its time, four lanes (quarters of the file) at once where
 * it walks two. Each automaton has its own small memory (its tables, and a window of a file's
 * bytes per lane): files of any size are copied in a window at a time, so memory never grows.
 */
export class WasmWalk {
  /** Hits noted by the last call, in pairs (state, position): what KeywordAutomaton files. */
  readonly pending: Uint32Array;
  private readonly bytes: Uint8Array;
  private readonly lanes: Int32Array;
  /** Where each lane's window starts (after its context). */
  private readonly slots: number[];
  private readonly exports: WalkExports;

  /**
   * The walk for these tables, or undefined when it cannot run here: no WebAssembly (node
   * --jitless), or more byte classes than its one-byte class table holds (config keywords with
   * over 126 distinct characters); the JavaScript loop then runs instead.
   */
  static create(t: WalkTables, window = WINDOW): WasmWalk | undefined {
    const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
    if (t.classOf.some((c) => c * 2 > 255)) return undefined;
    const module = walkModule(api);
    return module ? new WasmWalk(api!, module, t, window) : undefined;
  }

  private constructor(
    api: WasmApi,
    module: object,
    t: WalkTables,
    private readonly window: number,
  ) {
    const checks = 256 + t.delta.byteLength;
    const pending = (checks + t.caseCheck.byteLength + 15) & ~15;
    const lanes = pending + PENDING * 4;
    const first = lanes + 8 * LANES;
    this.slots = Array.from({ length: LANES }, (_, k) => first + k * (CONTEXT + window));
    const memory = new api.Memory({ initial: Math.ceil((first + LANES * (CONTEXT + window)) / 65536) });
    const { buffer } = memory;
    this.bytes = new Uint8Array(buffer);
    for (let b = 0; b < 256; b++) this.bytes[b] = t.classOf[b]! * 2;
    new Uint16Array(buffer, 256, t.delta.length).set(t.delta);
    new Uint16Array(buffer, checks, t.caseCheck.length).set(t.caseCheck);
    this.pending = new Uint32Array(buffer, pending, PENDING);
    this.lanes = new Int32Array(buffer, lanes, 2 * LANES);
    this.exports = new api.Instance(module, { env: { memory } }).exports as unknown as WalkExports;
    const x = this.exports;
    // The loop's states are byte offsets into the table: the JavaScript shift, and one more.
    x.shift.value = t.shift + 1;
    x.accept.value = t.acceptFrom * 2;
    x.checks.value = checks;
    x.pending.value = pending;
    x.lanes.value = lanes;
  }

  /**
   * Finds the keyword hits in `bytes`: lane k walks from k quarters in, from the start state, and
   * notes hits only before `limits[k]` (where the next lane starts, plus the longest keyword less
   * one: a keyword that starts in a lane's quarter is that lane's to find). The four step
   * together while the last has bytes left, then each of the first three walks on alone to its
   * limit. Calls `file(k)` whenever `pending` holds k u32s of hits.
   */
  run(bytes: Uint8Array, longest: number, file: (k: number) => void): void {
    const { lanes, window, slots } = this;
    const x = this.exports;
    const n = bytes.length;
    const q = n >> 2;
    const starts = [0, q, 2 * q, 3 * q];
    const limits = starts.map((_, k) => (k === LANES - 1 ? n : Math.min(n, starts[k + 1]! + longest - 1)));
    const together = n - starts[LANES - 1]!;
    const bias = [0, 0, 0, 0];
    lanes.fill(0);
    for (let off = 0; off < together; off += window) {
      const steps = Math.min(window, together - off);
      for (let k = 0; k < LANES; k++) {
        bias[k] = this.load(slots[k]!, bytes, starts[k]! + off, steps) - (starts[k]! + off);
        lanes[2 * k + 1] = bias[k]! + starts[k]! + off;
      }
      const end = lanes[7]! + steps;
      while (lanes[7]! < end) {
        const [a, b, c, d] = bias as [number, number, number, number];
        const k = x.walk4(end - lanes[7]!, a + limits[0]!, b + limits[1]!, c + limits[2]!, a, b, c, d, ROOM);
        if (k > 0) file(k);
      }
    }
    // Each of the first three lanes alone, in lane a's place, to its limit.
    const states = [lanes[0]!, lanes[2]!, lanes[4]!];
    for (let k = 0; k < LANES - 1; k++) {
      lanes[0] = states[k]!;
      for (let off = starts[k]! + together; off < limits[k]!; off += window) {
        const steps = Math.min(window, limits[k]! - off);
        const b = this.load(slots[0]!, bytes, off, steps) - off;
        lanes[1] = b + off;
        const end = lanes[1] + steps;
        while (lanes[1]! < end) {
          const noted = x.walk1(end - lanes[1]!, b + limits[k]!, b, ROOM);
          if (noted > 0) file(noted);
        }
      }
    }
  }

  /**
   * Copies bytes [from, from + count) into a slot, after as many of the bytes before them as the
   * context holds; returns the address bytes[from] landed at.
   */
  private load(slot: number, bytes: Uint8Array, from: number, count: number): number {
    const before = Math.min(CONTEXT, from);
    this.bytes.set(bytes.subarray(from - before, from + count), slot + CONTEXT - before);
    return slot + CONTEXT;
  }
}
