import { createHmac, hash } from 'node:crypto';
import { inspect } from 'node:util';
import { splitUserinfo } from './userinfo.js';

export type RedactionStyle = 'default' | 'url';

/**
 * A raw secret held in memory. Every way a value can leak by accident (string coercion, JSON,
 * util.inspect, console.log, error messages built with template strings) yields the redacted form;
 * only `reveal()` gives the raw value, and only inspectors call it.
 */
export class Secret {
  readonly #value: string;
  readonly redacted: string;

  constructor(
    value: string,
    readonly style: RedactionStyle = 'default',
  ) {
    this.#value = value;
    this.redacted = redact(value, style);
  }

  reveal(): string {
    return this.#value;
  }

  get length(): number {
    return this.#value.length;
  }

  equals(other: Secret): boolean {
    return other.#value === this.#value;
  }

  toString(): string {
    return this.redacted;
  }

  toJSON(): string {
    return this.redacted;
  }

  [inspect.custom](): string {
    return `Secret(${this.redacted})`;
  }
}

/**
 * Keeps a recognisable head (enough for a human to find the token: its prefix and a few characters)
 * and the last two characters; never more than a third of the value.
 */
export function redact(value: string, style: RedactionStyle = 'default'): string {
  if (style === 'url') {
    // The password runs to the last `@` before the host (splitUserinfo), as clients read it.
    const u = splitUserinfo(value);
    if (u?.hasPassword) {
      const q = u.rest.search(/[?#]/);
      const place = q === -1 ? u.rest : u.rest.slice(0, q);
      return `${u.scheme}${u.user}:****@${place}${redactQuery(q === -1 ? '' : u.rest.slice(q))}`;
    }
  }
  if (value.length < 12) return '****';
  const prefix = /^[A-Za-z]+[_-]/.exec(value)?.[0] ?? '';
  const keep = Math.min(Math.floor(value.length / 3), prefix.length + 2, 12);
  return `${value.slice(0, Math.max(keep, 2))}****${value.slice(-2)}`;
}

/**
 * A URL's query string, shown only where it cannot carry a secret: `sslmode=<word>` stays (it says
 * how the URL connects), anything else (`password=`, `sslpassword=`, a fragment...) becomes ****.
 */
function redactQuery(rest: string): string {
  if (!rest) return '';
  const [query = '', ...fragment] = rest.startsWith('?') ? rest.slice(1).split('#') : ['', rest.slice(1)];
  const params = query ? query.split('&') : [];
  const shown = params.filter((p) => /^sslmode=[a-z-]{1,16}$/.test(p));
  const hidden = params.length > shown.length || fragment.length > 0;
  const parts = hidden ? [...shown, '****'] : shown;
  return parts.length ? `?${parts.join('&')}` : '';
}

/** A stable id for a credential: provider and secret, hashed; safe to print and to store. */
export function fingerprint(provider: string, secret: Secret, key = process.env.TOKENSCOPE_FINGERPRINT_KEY): string {
  // With a key (TOKENSCOPE_FINGERPRINT_KEY), ids are an HMAC: a published report's ids cannot be
  // checked against guessed secrets offline. Ids change with the key: baselines and state follow it.
  const text = `${provider}\0${secret.reveal()}`;
  // The one-shot hash: a fifth of a Hash object's cost, paid once per candidate found.
  return (key ? createHmac('sha256', key).update(text).digest('hex') : hash('sha256', text, 'hex')).slice(0, 24);
}
