import type { Provider } from '../core/provider.js';
import { checkEndpoint } from '../inspect/endpoint.js';
import { declaredEndpoints } from '../inspect/endpoint-specs.js';

/**
 * Where each provider's inspections go: the flag, else the environment, else the default.
 * Never a file in the scanned tree (an attacker's PR could otherwise collect every token found).
 * Keyed by provider id, and `<id>.<name>` for a provider's named extra endpoints.
 */
export function resolveEndpoints(
  providers: Provider[],
  flags: Record<string, unknown>,
  env: Record<string, string | undefined>,
): Record<string, URL> {
  const out: Record<string, URL> = {};
  for (const { key, spec } of declaredEndpoints(providers)) {
    const fromFlag = flags[spec.flag];
    if (typeof fromFlag === 'string' && fromFlag) {
      out[key] = checkEndpoint(fromFlag, `--${spec.flag}`);
      continue;
    }
    const envName = spec.env.find((n) => env[n]);
    // The customer's own host (an Okta org, a Vault server) has no default: only the user names it.
    if (!envName && spec.default === '') continue;
    out[key] = envName ? checkEndpoint(env[envName]!, envName) : checkEndpoint(spec.default, `${key} default endpoint`);
  }
  return out;
}
