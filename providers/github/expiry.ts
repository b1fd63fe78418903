/**
 * The `github-authentication-token-expiration` header, in the two styles GitHub sends:
 * `2006-01-02 15:04:05 UTC` (classic tokens) and `2006-01-02 15:04:05 -0700` (the others).
 * Returns an ISO 8601 instant, or undefined when the value is in neither style.
 */
export function parseTokenExpiration(value: string): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2}) ?(UTC|Z|[+-]\d{2}:?\d{2})$/.exec(value.trim());
  if (!m) return undefined;
  const [, day, time, zone] = m;
  const offset = zone === 'UTC' || zone === 'Z' ? 'Z' : `${zone!.slice(0, 3)}:${zone!.slice(-2)}`;
  const ms = Date.parse(`${day}T${time}${offset}`);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}
