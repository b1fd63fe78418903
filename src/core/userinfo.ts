/**
 * The parts of a connection URL (`scheme://user:password@host/...`) as real clients read them.
 * The password runs to the LAST `@` before the host: in `postgres://app:Xk9p@Zt4m@db/app` the
 * password is `Xk9p@Zt4m` for node-postgres (WHATWG URL), Python and Go alike. Detection,
 * redaction and the Action's masks all split here, so none of them can disagree on where the
 * password ends and print or miss its second half.
 */
export interface UrlUserinfo {
  /** `postgres://` */
  scheme: string;
  user: string;
  /** Raw (still percent-encoded); '' when the userinfo has no `:`. */
  password: string;
  /** Whether the userinfo had a `:` at all. */
  hasPassword: boolean;
  /** Everything after the `@`: host, port, path, query. */
  rest: string;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/** The userinfo ends at the last `@` of the authority; undefined when the URL has no userinfo. */
function lastAt(text: string, from: number, end: number): number {
  const at = text.lastIndexOf('@', end - 1);
  return at >= from ? at : -1;
}

/**
 * Splits a URL's userinfo off. The authority ends at the first `/`, `?` or `#`, as for URL parsers;
 * but when no `@` comes before that point while one comes before the first `/`, the password
 * itself holds a raw `?` or `#` (`app:ab#cd@db`), and the split is taken at the last `@` before the
 * `/`: that errs towards calling more of the text password, never less.
 */
export function splitUserinfo(url: string): UrlUserinfo | undefined {
  const scheme = SCHEME.exec(url)?.[0];
  if (!scheme) return undefined;
  const start = scheme.length;
  const slash = url.indexOf('/', start);
  const pathStart = slash === -1 ? url.length : slash;
  const strict = url.slice(start, pathStart).search(/[?#]/);
  let at = strict === -1 ? -1 : lastAt(url, start, start + strict);
  if (at === -1) at = lastAt(url, start, pathStart);
  if (at === -1) return undefined;
  const userinfo = url.slice(start, at);
  const colon = userinfo.indexOf(':');
  return {
    scheme,
    user: colon === -1 ? userinfo : userinfo.slice(0, colon),
    password: colon === -1 ? '' : userinfo.slice(colon + 1),
    hasPassword: colon !== -1,
    rest: url.slice(at + 1),
  };
}
