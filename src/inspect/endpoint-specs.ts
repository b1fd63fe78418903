import type { EndpointSpec, Provider } from '../core/provider.js';

/** One endpoint a provider declares, under the key the run's endpoint map files it by. */
export interface DeclaredEndpoint {
  /** `<provider id>` for the main endpoint, `<provider id>.<name>` for a named extra one. */
  key: string;
  provider: Provider;
  /** Undefined for the main endpoint. */
  name?: string;
  spec: EndpointSpec;
}

/**
 * Every endpoint of every provider, main first: what the CLI makes flags of, the Action makes
 * inputs of, and endpoint resolution reads. One list, so they cannot drift apart.
 */
export function declaredEndpoints(providers: readonly Provider[]): DeclaredEndpoint[] {
  return providers.flatMap((provider) => [
    ...(provider.endpoint ? [{ key: provider.id, provider, spec: provider.endpoint }] : []),
    ...Object.entries(provider.extraEndpoints ?? {}).map(([name, spec]) => ({
      key: extraEndpointKey(provider.id, name),
      provider,
      name,
      spec,
    })),
  ]);
}

export const extraEndpointKey = (providerId: string, name: string): string => `${providerId}.${name}`;
