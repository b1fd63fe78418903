import type { Provider } from '../core/provider.js';
import { checkEndpoint } from '../inspect/endpoint.js';

/**
 * Where each provider's inspections go: the flag, else the environment, else the default.
 * Never a file in the scanned tree (an attacker's PR could otherwise collect every token found).
 */
export function resolveEndpoints(
  providers: Provider[],
  flags: Record<string, unknown>,
  env: Record<string, string | undefined>,
): Record<string, URL> {
  const out: Record<string, URL> = {};
  for (const p of providers) {
    if (!p.endpoint) continue;
    const fromFlag = flags[p.endpoint.flag];
    if (typeof fromFlag === 'string' && fromFlag) {
      out[p.id] = checkEndpoint(fromFlag, `--${p.endpoint.flag}`);
      continue;
    }
    const envName = p.endpoint.env.find((n) => env[n]);
    // The customer's own host (an Okta org, a Vault server) has no default: only the user names it.
    if (!envName && p.endpoint.default === '') continue;
    out[p.id] = envName
      ? checkEndpoint(env[envName]!, envName)
      : checkEndpoint(p.endpoint.default, `${p.id} default endpoint`);
  }
  return out;
}
