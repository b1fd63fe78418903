import { EndpointViolation } from '../core/errors.js';

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/**
 * An endpoint a user may point a provider at: https anywhere, or http on loopback only (test
 * doubles, local emulators). Anything else would send tokens in clear text or somewhere odd.
 */
export function checkEndpoint(raw: string, flag: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new EndpointViolation(`${flag}: "${raw}" is not a URL`);
  }
  // Credentials in the URL would be printed in every report header that names the endpoint; a
  // query string (`?api_key=...`) or a fragment can carry them as well. The value is not quoted.
  if (url.username || url.password) throw new EndpointViolation(`${flag}: must not carry a user name or password`);
  if (url.search || url.hash || /[?#]/.test(raw))
    throw new EndpointViolation(`${flag}: must not carry a query string or a fragment`);
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && LOOPBACK.test(url.hostname)) return url;
  throw new EndpointViolation(`${flag}: "${raw}" must be https, or http on loopback (127.0.0.1, localhost, [::1])`);
}

export function sameOrigin(a: URL, b: URL): boolean {
  return a.protocol === b.protocol && a.host === b.host;
}
