/** C0 controls (NUL, CR, LF, ESC...), DEL and the C1 controls. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * The name of the first part of a found URL holding a control character, once percent-decoded;
 * undefined when none does. A database client writes the user and database names into its first
 * message as they are: `%0D%0A` in them turns one connection into lines of another protocol
 * (a `flush_all` to memcached, a `SHUTDOWN` to redis) at whatever listens at the URL's host. No
 * real name holds one, so such a URL is refused before anything connects, for every engine.
 */
export function partWithControl(parts: Array<[what: string, decoded: string]>): string | undefined {
  return parts.find(([, value]) => CONTROL.test(value))?.[0];
}
