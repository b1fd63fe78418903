import type { Unknown } from '../../src/core/types.js';
import type { SendsCommands } from './readonly.js';
import { operationName } from './readonly.js';
import { classifyAwsError, describeAwsError } from './sdk-errors.js';

/** Most principals have a handful of policies; this caps a pathological account. */
export const MAX_PAGES = 10;

/**
 * Sends IAM read calls for one inspection and turns each failure into an `unknown` that names the
 * call: a denied call is a fact about the key (narrow rights), not an error of the inspection.
 * Once IAM is unreachable, the remaining calls are not attempted (each would wait out its timeout).
 */
export class IamReader {
  readonly unknowns: Unknown[] = [];
  readonly denied: string[] = [];
  private down: string | undefined;

  constructor(
    private readonly iam: SendsCommands,
    private readonly signal: AbortSignal,
    private readonly clean: (message: string) => string,
  ) {}

  /** The call's result, or undefined when it was denied, missing or unanswered (recorded in unknowns). */
  async call<T>(command: unknown, subject = ''): Promise<T | undefined> {
    const label = `iam:${operationName(command)}${subject ? ` (${subject})` : ''}`;
    if (this.down) {
      this.note(label, `not asked: ${this.down}`);
      return undefined;
    }
    try {
      return (await this.iam.send(command, { abortSignal: this.signal })) as T;
    } catch (e) {
      const kind = classifyAwsError(e);
      const why = this.clean(describeAwsError(e));
      switch (kind) {
        case 'read-only-violation':
          throw e;
        case 'denied':
          this.denied.push(label);
          this.note(label, `denied to this key: ${why}`);
          return undefined;
        case 'unavailable':
          this.down = this.signal.aborted ? 'the time budget ran out' : `IAM did not answer (${why})`;
          this.note(label, this.down);
          return undefined;
        default:
          this.note(label, `failed: ${why}`);
          return undefined;
      }
    }
  }

  /** A Marker-paginated list, up to MAX_PAGES; undefined when the first page could not be read. */
  async pages<P extends { IsTruncated?: boolean; Marker?: string }, I>(
    make: (marker: string | undefined) => unknown,
    items: (page: P) => I[] | undefined,
    subject = '',
  ): Promise<I[] | undefined> {
    const out: I[] = [];
    let marker: string | undefined;
    for (let i = 0; i < MAX_PAGES; i++) {
      const page = await this.call<P>(make(marker), subject);
      if (!page) return i === 0 ? undefined : out;
      out.push(...(items(page) ?? []));
      if (!page.IsTruncated || !page.Marker) return out;
      marker = page.Marker;
    }
    this.note(`iam list (${subject})`, `stopped after ${MAX_PAGES} pages`);
    return out;
  }

  note(what: string, reason: string): void {
    this.unknowns.push({ what, reason });
  }

  /** Forget what a later call made moot (a denied list that GetAccountAuthorizationDetails answered). */
  resolve(labels: string[]): void {
    const gone = new Set(labels);
    for (let i = this.unknowns.length - 1; i >= 0; i--)
      if (gone.has(this.unknowns[i]!.what)) this.unknowns.splice(i, 1);
  }
}
