import { lazily } from '../../src/core/lazy.js';
import type { Provider } from '../../src/core/provider.js';
import { hasRealPassword } from '../database/index.js';
import { describePostgresOffline } from './offline.js';
import { remediatePostgres } from './remediation.js';
import { assessPostgres } from './risks.js';
import { rules } from './rules.js';
import { locateTarget, POSTGRES_PORT } from './target.js';

// Loaded on first use, one inspector at a time (src/core/lazy.ts says why).
const inspector = lazily(() => import('./inspect.js'));

/**
 * PostgreSQL connection URLs. No `endpoint`: the only place the password goes is the host the URL
 * itself names (its own server), and only when inspection is on.
 */
export const postgres: Provider = {
  id: 'postgres',
  name: 'PostgreSQL',
  docsUrl: 'https://www.postgresql.org/docs/current/sql-grant.html',
  rules,
  validators: { 'db-password': hasRealPassword },
  foundHost: { standardPort: POSTGRES_PORT, locate: locateTarget },
  // pg loads only when a URL is inspected: scanning threads and the agent hook import this file too.
  inspect: async (credential, ctx) => (await inspector()).inspectPostgres(credential, ctx),
  describeOffline: describePostgresOffline,
  assess: assessPostgres,
  remediation: remediatePostgres,
};
