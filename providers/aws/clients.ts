import { IAMClient } from '@aws-sdk/client-iam';
import { STSClient } from '@aws-sdk/client-sts';
import { bodyLimitExtension } from './bounded-handler.js';
import type { AwsEndpoints } from './endpoints.js';
import { readOnlyClient, type SendsCommands, wireGuard } from './readonly.js';
import { requestHandlerTimeouts, requestTimeoutExtension } from './request-timeout.js';
import { DEFAULT_HTTP_OPTIONS } from '../../src/inspect/http.js';

export interface FoundKey {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface AwsClients {
  sts: SendsCommands;
  iam: SendsCommands;
}

/**
 * Bounds: one retry (never of a timed-out request), the run's per-request timeout
 * (request-timeout.ts), a 5 MiB response body (bounded-handler.ts); the run's budget
 * (ctx.signal) caps the rest.
 */
export const AWS_MAX_ATTEMPTS = 2;

function refuseDefaultChain(): () => Promise<never> {
  return () =>
    Promise.reject(new Error('tokenscope uses only the found key; the default credential chain is disabled'));
}

/**
 * Every setting the SDK would otherwise look up (environment, ~/.aws/config, profiles, IMDS) is given
 * explicitly, so the found key is the only credential and nothing else is consulted:
 * explicit `credentials` (and a default chain that refuses), explicit region and endpoint,
 * `ignoreConfiguredEndpointUrls`, and fixed retry, dual-stack, FIPS and defaults-mode settings.
 */
function sharedConfig(key: FoundKey, endpoint: URL, timeoutMs: number) {
  return {
    region: 'us-east-1',
    endpoint: endpoint.href,
    ignoreConfiguredEndpointUrls: true,
    credentials: {
      accessKeyId: key.accessKeyId,
      secretAccessKey: key.secretAccessKey,
      ...(key.sessionToken ? { sessionToken: key.sessionToken } : {}),
    },
    credentialDefaultProvider: refuseDefaultChain,
    maxAttempts: AWS_MAX_ATTEMPTS,
    retryMode: 'standard',
    defaultsMode: 'standard' as const,
    useDualstackEndpoint: false,
    useFipsEndpoint: false,
    authSchemePreference: [] as string[],
    userAgentAppId: 'tokenscope',
    requestHandler: requestHandlerTimeouts(timeoutMs),
    // Wrap the handler built from the options above, so the timeouts stay and bodies are capped.
    extensions: [bodyLimitExtension(), requestTimeoutExtension(timeoutMs)],
  };
}

/** The SDK clients for one found key, each behind the read-only guards. */
export function makeAwsClients(
  key: FoundKey,
  endpoints: AwsEndpoints,
  timeoutMs: number = DEFAULT_HTTP_OPTIONS.timeoutMs,
): AwsClients {
  const sts = new STSClient({ ...sharedConfig(key, endpoints.sts, timeoutMs), sigv4aSigningRegionSet: ['us-east-1'] });
  const iam = new IAMClient(sharedConfig(key, endpoints.iam, timeoutMs));
  wireGuard(sts.middlewareStack);
  wireGuard(iam.middlewareStack);
  return { sts: readOnlyClient(sts), iam: readOnlyClient(iam) };
}

/** Clients handed in through ctx.clients.aws (tests): still wrapped, so the allowlist holds for them too. */
export function injectedClients(value: unknown): AwsClients | undefined {
  const v = value as Partial<Record<'sts' | 'iam', SendsCommands>> | undefined;
  if (!v?.sts || !v.iam) return undefined;
  return { sts: readOnlyClient(v.sts), iam: readOnlyClient(v.iam) };
}
