import { KEYWORD_WALK_WASM } from './keyword-walk.wasm.js';

/** A keyword automaton's tables (see KeywordAutomaton), as its WebAssembly walk reads them. */
export interface WalkTables {
  classOf: Uint8Array;
  delta: Uint16Array;
  shift: number;
  acceptFrom: number;
  caseCheck: Uint16Array;
}

/** Bytes of a file copied into the module's memory at a time, per lane. */
const WINDOW = 256 * 1024;
/** The bytes before a window copied with it: a case check looks up to 255 bytes back. */
const CONTEXT = 256;
/** Hits noted before the host files them (u32s: state and position, in pairs). */
const PENDING = 4096;
/** A step notes at most two pairs: the loop returns once fewer than that are left. */
const ROOM = PENDING - 4;

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
  walk2(steps: number, limA: number, biasA: number, biasB: number, room: number): number;
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
 * The keyword automaton's scan loop run as WebAssembly (keyword-walk.wat): the same two lanes,
 * the same hits in the same order, in about half the time of the JavaScript loop. Each automaton
 * has its own small memory (its tables, and two windows of a file's bytes): files of any size are
 * copied in a window at a time, so the memory never grows.
 */
export class WasmWalk {
  /** Hits noted by the last call, in pairs (state, position): what KeywordAutomaton files. */
  readonly pending: Uint32Array;
  private readonly bytes: Uint8Array;
  private readonly lanes: Int32Array;
  private readonly slotA: number;
  private readonly slotB: number;
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
    this.slotA = lanes + 16;
    this.slotB = this.slotA + CONTEXT + window;
    const memory = new api.Memory({ initial: Math.ceil((this.slotB + CONTEXT + window) / 65536) });
    const { buffer } = memory;
    this.bytes = new Uint8Array(buffer);
    for (let b = 0; b < 256; b++) this.bytes[b] = t.classOf[b]! * 2;
    new Uint16Array(buffer, 256, t.delta.length).set(t.delta);
    new Uint16Array(buffer, checks, t.caseCheck.length).set(t.caseCheck);
    this.pending = new Uint32Array(buffer, pending, PENDING);
    this.lanes = new Int32Array(buffer, lanes, 4);
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
   * Steps lane a over bytes [0, endA) and lane b over [mid, n) from the start state, as
   * KeywordAutomaton's JavaScript loop does (both at once while b has bytes left, then a alone),
   * noting lane a's hits only below endA. Calls `file(k)` whenever `pending` holds k u32s of
   * hits, in the order met.
   */
  run(bytes: Uint8Array, mid: number, endA: number, file: (k: number) => void): void {
    const { lanes, window } = this;
    const x = this.exports;
    const together = bytes.length - mid;
    lanes[0] = 0;
    lanes[2] = 0;
    for (let off = 0; off < together; off += window) {
      const steps = Math.min(window, together - off);
      const biasA = this.load(this.slotA, bytes, off, steps) - off;
      const biasB = this.load(this.slotB, bytes, mid + off, steps) - (mid + off);
      lanes[1] = biasA + off;
      lanes[3] = biasB + mid + off;
      const end = lanes[3] + steps;
      while (lanes[3]! < end) {
        const k = x.walk2(end - lanes[3]!, biasA + endA, biasA, biasB, ROOM);
        if (k > 0) file(k);
      }
    }
    for (let off = together; off < endA; off += window) {
      const steps = Math.min(window, endA - off);
      const biasA = this.load(this.slotA, bytes, off, steps) - off;
      lanes[1] = biasA + off;
      const end = lanes[1] + steps;
      while (lanes[1]! < end) {
        const k = x.walk1(end - lanes[1]!, biasA + endA, biasA, ROOM);
        if (k > 0) file(k);
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
