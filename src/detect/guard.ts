import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel, type MessagePort, Worker, receiveMessageOnPort } from 'node:worker_threads';
import { packageRoot } from '../core/paths.js';
import type { RawMatch } from './match.js';

/** One question for the guard thread: every match (`first: false`), or whether any (`first: true`). */
export interface GuardJob {
  source: string;
  flags: string;
  hay: string;
  first: boolean;
}
export type GuardReply = { matches: RawMatch[] } | { hit: boolean } | { error: string };

/**
 * The guard thread's script: beside this module in the compiled package and in the Action's
 * bundle (dist/guard-worker.js); from the build when the tests run this module from source.
 */
function guardScript(): string | undefined {
  const beside = import.meta.url.endsWith('.js') ? [fileURLToPath(new URL('./guard-worker.js', import.meta.url))] : [];
  return [...beside, join(packageRoot(), 'build', 'src', 'detect', 'guard-worker.js')].find((p) => existsSync(p));
}

/**
 * Runs an untrusted regex with a time limit, synchronously: the regex runs on a helper thread
 * while this one blocks in Atomics.wait; past the limit the helper is ended (a regex cannot be
 * interrupted inside its own thread) and a fresh one serves the next call. Every source (files,
 * history blobs, stdin, the environment) gets the same guard, since they all go through the
 * detector synchronously.
 */
export class RegexGuard {
  private worker: Worker | undefined;
  private port: MessagePort | undefined;
  private readonly flag = new Int32Array(new SharedArrayBuffer(4));

  private constructor(
    private readonly script: string,
    readonly budgetMs: number,
  ) {}

  /** A guard, or undefined when no compiled helper exists (then rules run unguarded). */
  static create(budgetMs: number): RegexGuard | undefined {
    const script = guardScript();
    return script ? new RegexGuard(script, budgetMs) : undefined;
  }

  /** The matches of a global regex, or 'timeout' when the budget ran out. */
  run(re: RegExp, hay: string): RawMatch[] | 'timeout' {
    const reply = this.ask({ source: re.source, flags: re.flags, hay, first: false });
    if (reply === 'timeout') return reply;
    return reply && 'matches' in reply ? reply.matches : [];
  }

  /** `re.test(hay)` (a context or path pattern), or 'timeout' when the budget ran out. */
  test(re: RegExp, hay: string): boolean | 'timeout' {
    const reply = this.ask({ source: re.source, flags: re.flags.replace('g', ''), hay, first: true });
    if (reply === 'timeout') return reply;
    return reply !== undefined && 'hit' in reply && reply.hit;
  }

  private ask(job: GuardJob): GuardReply | undefined | 'timeout' {
    if (!this.worker || !this.port) this.spawn();
    Atomics.store(this.flag, 0, 0);
    this.port!.postMessage(job);
    const state = Atomics.wait(this.flag, 0, 0, this.budgetMs);
    if (state === 'timed-out' && Atomics.load(this.flag, 0) === 0) {
      this.dispose();
      return 'timeout';
    }
    return receiveMessageOnPort(this.port!)?.message as GuardReply | undefined;
  }

  dispose(): void {
    void this.worker?.terminate();
    this.port?.close();
    this.worker = undefined;
    this.port = undefined;
  }

  private spawn(): void {
    const { port1, port2 } = new MessageChannel();
    this.worker = new Worker(this.script, { workerData: { port: port2, flag: this.flag }, transferList: [port2] });
    // The helper must not keep the process alive once the scan is done.
    this.worker.unref();
    port1.unref();
    this.port = port1;
  }
}
