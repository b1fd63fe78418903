import { redis } from '../../providers/redis/index.js';
import type { RedisClientOptions } from '../../providers/redis/inspect.js';
import { assess } from '../../src/assess/assess.js';
import { DEFAULT_POLICY, type Policy } from '../../src/assess/policy.js';
import type { InspectContext } from '../../src/core/provider.js';
import { fingerprint, Secret } from '../../src/core/secret.js';
import type { Credential, Finding, Inspection } from '../../src/core/types.js';
import { ReadOnlyHttp } from '../../src/inspect/http.js';

/** A found URL, shaped as the detector would hand it over. */
export function credentialFor(url: string): Credential {
  const secret = new Secret(url, 'url');
  return {
    fingerprint: fingerprint('redis', secret),
    ruleId: 'redis-url',
    provider: 'redis',
    kind: 'Redis connection URL',
    secret,
    parts: {},
    locations: [{ path: '.env', line: 1, source: 'untracked' }],
    contexts: [{ name: 'REDIS_URL' }],
  };
}

export interface InspectOptions {
  policy?: Policy;
  signal?: AbortSignal;
  clients?: RedisClientOptions;
}

function contextFor(opts: InspectOptions): InspectContext {
  return {
    http: new ReadOnlyHttp([], undefined, () => Promise.reject(new Error('no HTTP in Redis inspection'))),
    endpoint: '',
    policy: opts.policy ?? DEFAULT_POLICY,
    signal: opts.signal ?? new AbortController().signal,
    timeoutMs: 10_000,
    clients: opts.clients ? { redis: opts.clients } : {},
  };
}

export async function inspectRedisUrl(url: string, opts: InspectOptions = {}): Promise<Inspection> {
  return redis.inspect!(credentialFor(url), contextFor(opts));
}

export async function redisFinding(url: string, opts: InspectOptions = {}): Promise<Finding> {
  const credential = credentialFor(url);
  const inspection = await redis.inspect!(credential, contextFor(opts));
  return assess(credential, inspection, redis, opts.policy ?? DEFAULT_POLICY);
}

export const riskIds = (f: Finding) => f.risks.map((r) => r.id).sort();
