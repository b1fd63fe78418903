import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { type Answer, type FaultPlan, type LivePlan, RestDouble } from '../helpers/rest-double.js';

/**
 * A loopback npm registry answering in the shapes of npm's registry docs and its CLI's clients
 * (npm/registry docs/user/authentication.md, npm-profile, libnpmaccess): `/-/whoami` →
 * `{ username }`; the token list `{ objects: [{ token (redacted), key (sha512 hex), cidr_whitelist,
 * readonly, automation, created, updated, scope? }], total, urls: { next? } }`; the profile's
 * `tfa`; a user's packages `{ name: 'read-write' | 'read-only' }`; search objects with
 * `downloads: { monthly, weekly }`. Errors are `{ error: '...' }`.
 */

export interface DoublePackage {
  name: string;
  access: 'read-write' | 'read-only';
  /** Absent: search does not find it (no maintainer entry), so no download figure. */
  weekly?: number;
}

export interface NpmPlan extends LivePlan {
  /** Its own token list entry; absent: not in the list (a session or unlisted granular token). */
  entry?: { readonly: boolean; cidr?: string[]; scope?: { values: string[]; write: boolean }[] };
  /** The token list refuses this token. */
  listRefused?: boolean;
}

export interface DoubleWorld {
  user: string;
  tfa: false | 'auth-only' | 'auth-and-writes';
  packages: DoublePackage[];
  /** Other tokens of the user, shown in the list (redacted, with their own keys). */
  otherTokens: number;
  tokens: Map<string, NpmPlan | FaultPlan>;
  /** Token list page size, small so pagination is exercised. */
  pageSize: number;
}

const T0 = '2025-11-20T10:00:00.000Z';
const sha512 = (s: string) => createHash('sha512').update(s).digest('hex');

export class NpmDouble extends RestDouble<NpmPlan> {
  constructor(private readonly world: DoubleWorld) {
    super('npm', world.tokens);
  }

  protected error(_status: number, message: string): unknown {
    return { error: message };
  }

  protected route(path: string, query: URLSearchParams, who: NpmPlan, headers: IncomingMessage['headers']): Answer {
    const w = this.world;
    const token = /^Bearer (.+)$/.exec(headers.authorization ?? '')?.[1] ?? '';
    switch (path) {
      case '/-/whoami':
        return { status: 200, body: { username: w.user } };
      case '/-/npm/v1/user':
        return {
          status: 200,
          body: {
            name: w.user,
            email: `${w.user}@acme.example`,
            email_verified: true,
            tfa: w.tfa === false ? false : { pending: false, mode: w.tfa },
            cidr_whitelist: null,
            created: T0,
            updated: T0,
          },
        };
      case '/-/npm/v1/tokens':
        if (who.listRefused) return { status: 403, body: { error: 'Forbidden: this token cannot list tokens' } };
        return this.tokenPage(token, who, query);
      case `/-/user/${w.user}/package`:
        return { status: 200, body: Object.fromEntries(w.packages.map((p) => [p.name, p.access])) };
      case '/-/v1/search': {
        const found =
          query.get('text') === `maintainer:${w.user}` ? w.packages.filter((p) => p.weekly !== undefined) : [];
        return {
          status: 200,
          body: {
            objects: found.map((p) => ({
              package: { name: p.name, version: '1.0.0', publisher: { username: w.user }, date: T0 },
              downloads: { monthly: p.weekly! * 4, weekly: p.weekly },
              score: { final: 0.5 },
              searchScore: 1,
            })),
            total: found.length,
            time: T0,
          },
        };
      }
      default:
        return { status: 404, body: { error: 'Not found' } };
    }
  }

  /** The user's tokens, this one last: `urls.next` is an absolute URL, as npm's is. */
  private tokenPage(token: string, who: NpmPlan, query: URLSearchParams): Answer {
    const others = Array.from({ length: this.world.otherTokens }, (_, i) => ({
      token: `npm_o${i}…`,
      key: sha512(`other-${i}`),
      cidr_whitelist: null,
      readonly: i % 2 === 0,
      automation: false,
      created: T0,
      updated: T0,
    }));
    const own = who.entry
      ? [
          {
            token: 'npm_…',
            key: sha512(token),
            cidr_whitelist: who.entry.cidr ?? null,
            readonly: who.entry.readonly,
            automation: false,
            created: T0,
            updated: T0,
            ...(who.entry.scope
              ? {
                  scope: who.entry.scope.map((s) => ({
                    values: s.values,
                    types: { pkg: { read: true, write: s.write } },
                  })),
                }
              : {}),
          },
        ]
      : [];
    const all = [...others, ...own];
    const page = Number(query.get('page') ?? 0);
    const size = this.world.pageSize;
    const slice = all.slice(page * size, (page + 1) * size);
    const more = (page + 1) * size < all.length;
    return {
      status: 200,
      body: {
        objects: slice,
        total: all.length,
        urls: more ? { next: `https://registry.npmjs.org/-/npm/v1/tokens?page=${page + 1}&perPage=${size}` } : {},
      },
    };
  }
}
