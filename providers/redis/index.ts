import { lazily } from '../../src/core/lazy.js';
import type { Provider } from '../../src/core/provider.js';
import { connectionUrlRule, hasRealPassword } from '../database/index.js';
import { describeRedisOffline } from './offline.js';
import { remediateRedis } from './remediation.js';
import { assessRedis } from './risks.js';
import { locateRedis, REDIS_PORT } from './target.js';

// Loaded on first use, one inspector at a time (src/core/lazy.ts says why).
const inspector = lazily(() => import('./inspect.js'));

/**
 * Redis connection URLs. No `endpoint`: the password goes only to the host the URL itself names,
 * and only when inspection is on; the inspector loads lazily (scanning threads import this file).
 */
export const redis: Provider = {
  id: 'redis',
  name: 'Redis',
  docsUrl: 'https://redis.io/docs/latest/operate/oss_and_stack/management/security/acl/',
  rules: [connectionUrlRule('redis', 'Redis', ['redis://', 'rediss://'], 'redis')],
  validators: { 'db-password': hasRealPassword },
  foundHost: { standardPort: REDIS_PORT, locate: locateRedis },
  inspect: async (credential, ctx) => (await inspector()).inspectRedis(credential, ctx),
  describeOffline: describeRedisOffline,
  assess: assessRedis,
  remediation: remediateRedis,
};
