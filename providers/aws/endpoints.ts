import { checkEndpoint } from '../../src/inspect/endpoint.js';

import { DEFAULT_IAM_ENDPOINT, DEFAULT_STS_ENDPOINT } from './default-endpoints.js';

export { DEFAULT_IAM_ENDPOINT, DEFAULT_STS_ENDPOINT };

export interface AwsEndpoints {
  sts: URL;
  iam: URL;
}

const sameUrl = (a: string, b: string) => new URL(a).href === new URL(b).href;

/**
 * The endpoints for one inspection, resolved the way the SDK resolves them from the environment:
 * `AWS_ENDPOINT_URL_<SERVICE>` first, then the general endpoint (tokenscope's `--aws-endpoint`
 * flag or `AWS_ENDPOINT_URL`, which arrive as `configured`), then each service's own default.
 * Unlike the SDK, the shared config file's `endpoint_url` is never read, and every URL must pass
 * checkEndpoint (https, or http on loopback): the key must not travel in clear text.
 */
export function resolveAwsEndpoints(configured: string, env: Record<string, string | undefined>): AwsEndpoints {
  const general = sameUrl(configured, DEFAULT_STS_ENDPOINT) ? undefined : configured;
  const pick = (service: 'STS' | 'IAM', fallback: string): URL => {
    const own = env[`AWS_ENDPOINT_URL_${service}`];
    if (own) return checkEndpoint(own, `AWS_ENDPOINT_URL_${service}`);
    if (general) return checkEndpoint(general, 'aws-endpoint');
    return checkEndpoint(fallback, `default ${service} endpoint`);
  };
  return { sts: pick('STS', DEFAULT_STS_ENDPOINT), iam: pick('IAM', DEFAULT_IAM_ENDPOINT) };
}
