import type { IncomingMessage } from 'node:http';
import { type Answer, FAULT_PLANS, type FaultPlan, type LivePlan, RestDouble } from '../helpers/rest-double.js';
import { MAKE } from './tokens.js';
import type { WhoamiRow } from './table.js';

/** The tokens of one provider's double: a live one, a revoked one, and one per shared fault. */
export type WhoamiTokens = Record<'live' | 'other' | 'forbidden' | 'revoked' | keyof typeof FAULT_PLANS, string>;

/**
 * One provider's whoami on 127.0.0.1, from its row of the table: the token read only where the
 * provider reads it, the one documented path answered in the documented shape for a live token,
 * 401 (or the provider's own refusal) for a revoked one, and the shared faults (rest-double.ts) for the others. Every request is
 * logged for the suite's recording proxy.
 */
export class WhoamiDouble extends RestDouble<LivePlan> {
  readonly named: WhoamiTokens;

  constructor(private readonly row: WhoamiRow) {
    const make = MAKE[row.provider];
    const tokens = {
      live: make(),
      other: make(),
      forbidden: make(),
      revoked: make(),
      ...Object.fromEntries(Object.keys(FAULT_PLANS).map((k) => [k, make()])),
    } as WhoamiTokens;
    const plans = new Map<string, LivePlan | FaultPlan>([
      [tokens.live, { kind: 'live' }],
      [tokens.other, { kind: 'live' }],
      [tokens.forbidden, { kind: 'live' }],
    ]);
    for (const [name, plan] of Object.entries(FAULT_PLANS)) plans.set(tokens[name as keyof typeof FAULT_PLANS], plan);
    super(row.provider, plans);
    this.named = tokens;
  }

  protected override tokenOf(headers: IncomingMessage['headers']): string | undefined {
    const value = headers[this.row.header];
    if (typeof value !== 'string') return undefined;
    if (!this.row.prefix) return value;
    const before = `${this.row.prefix}${this.row.separator ?? ' '}`;
    return value.startsWith(before) ? value.slice(before.length) : undefined;
  }

  protected error(status: number, message: string): unknown {
    return this.row.error ? this.row.error(status, message) : { message };
  }

  protected override acceptsPost(path: string): boolean {
    return this.row.method === 'POST' && path === this.row.path;
  }

  protected route(
    path: string,
    _q: URLSearchParams,
    _who: LivePlan,
    headers: IncomingMessage['headers'],
    body?: string,
  ): Answer {
    if (path !== this.row.path) return { status: 404, body: this.error(404, 'Not found') };
    // A GraphQL API answers only a POSTed query (here: one asking who the viewer or actor is).
    if (this.row.method === 'POST' && !asksWhoami(body)) {
      return { status: 400, body: this.error(400, 'Must provide a query string.') };
    }
    // A token the provider knows but will not answer this for (a missing scope, a disabled user).
    if (this.tokenOf(headers) === this.named.forbidden) {
      return { status: 403, body: this.error(403, 'You do not have permission to perform this action') };
    }
    // Some answers carry the token or a piece of it (Doppler's preview, Vault's id): the real
    // shape, which must never be printed.
    const carries = this.row.carries?.(this.tokenOf(headers)!);
    if (carries) {
      const live = this.row.live as { data?: object };
      // Vault's fields are in `data`; Doppler's at the top.
      return {
        status: 200,
        body: live.data ? { ...live, data: { ...live.data, ...carries } } : { ...live, ...carries },
      };
    }
    return { status: 200, body: this.row.live };
  }

  protected override unknownToken(): Answer {
    if (this.row.revoked) return { status: this.row.revoked.status, body: this.row.revoked.body };
    return { status: 401, body: this.error(401, 'Invalid authentication credentials') };
  }
}

function asksWhoami(body: string | undefined): boolean {
  try {
    const { query } = JSON.parse(body ?? '') as { query?: unknown };
    return typeof query === 'string' && /\b(?:viewer|actor)\b/.test(query);
  } catch {
    return false;
  }
}
