import type { MysqlClientOptions } from '../../providers/mysql/inspect.js';
import { mysql } from '../../providers/mysql/index.js';
import { assess } from '../../src/assess/assess.js';
import { DEFAULT_POLICY, type Policy } from '../../src/assess/policy.js';
import type { InspectContext } from '../../src/core/provider.js';
import { fingerprint, Secret } from '../../src/core/secret.js';
import type { Credential, Finding, Inspection } from '../../src/core/types.js';
import { ReadOnlyHttp } from '../../src/inspect/http.js';

export function mysqlCredential(url: string): Credential {
  const secret = new Secret(url, 'url');
  return {
    fingerprint: fingerprint('mysql', secret),
    ruleId: 'mysql-url',
    provider: 'mysql',
    kind: 'MySQL connection URL',
    secret,
    parts: {},
    locations: [{ path: '.env', line: 1, source: 'untracked' }],
    contexts: [{ name: 'DATABASE_URL' }],
  };
}

export interface MysqlInspectOptions {
  policy?: Policy;
  signal?: AbortSignal;
  clients?: MysqlClientOptions;
}

function contextFor(opts: MysqlInspectOptions): InspectContext {
  return {
    http: new ReadOnlyHttp([], undefined, () => Promise.reject(new Error('no HTTP in MySQL inspection'))),
    endpoint: '',
    policy: opts.policy ?? DEFAULT_POLICY,
    signal: opts.signal ?? new AbortController().signal,
    timeoutMs: 10_000,
    clients: opts.clients ? { mysql: opts.clients } : {},
  };
}

export async function inspectMysqlUrl(url: string, opts: MysqlInspectOptions = {}): Promise<Inspection> {
  return mysql.inspect!(mysqlCredential(url), contextFor(opts));
}

export async function mysqlFinding(url: string, opts: MysqlInspectOptions = {}): Promise<Finding> {
  const credential = mysqlCredential(url);
  const inspection = await mysql.inspect!(credential, contextFor(opts));
  return assess(credential, inspection, mysql, opts.policy ?? DEFAULT_POLICY);
}
