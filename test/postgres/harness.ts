import { postgres } from '../../providers/postgres/index.js';
import type { PostgresClientOptions } from '../../providers/postgres/inspect.js';
import { assess } from '../../src/assess/assess.js';
import { DEFAULT_POLICY, type Policy } from '../../src/assess/policy.js';
import { fingerprint, Secret } from '../../src/core/secret.js';
import type { InspectContext } from '../../src/core/provider.js';
import type { Credential, Finding, Inspection } from '../../src/core/types.js';
import { ReadOnlyHttp } from '../../src/inspect/http.js';

/** A found URL, shaped as the detector would hand it over (url redaction, one .env location). */
export function credentialFor(url: string): Credential {
  const secret = new Secret(url, 'url');
  return {
    fingerprint: fingerprint('postgres', secret),
    ruleId: 'postgres-url',
    provider: 'postgres',
    kind: 'PostgreSQL connection URL',
    secret,
    parts: {},
    locations: [{ path: '.env', line: 1, source: 'untracked' }],
    contexts: [{ name: 'DATABASE_URL' }],
  };
}

export interface InspectOptions {
  policy?: Policy;
  signal?: AbortSignal;
  clients?: PostgresClientOptions;
}

/** The context inspectAll would build; the HTTP client reaches no endpoint (the inspector must not use it). */
function contextFor(opts: InspectOptions): InspectContext {
  return {
    http: new ReadOnlyHttp([], undefined, () => Promise.reject(new Error('no HTTP in PostgreSQL inspection'))),
    endpoint: '',
    policy: opts.policy ?? DEFAULT_POLICY,
    signal: opts.signal ?? new AbortController().signal,
    timeoutMs: 5000,
    clients: opts.clients ? { postgres: opts.clients } : {},
  };
}

export async function inspectUrl(url: string, opts: InspectOptions = {}): Promise<Inspection> {
  return postgres.inspect!(credentialFor(url), contextFor(opts));
}

/** Inspection then assessment, as the audit runs them. */
export async function findingFor(url: string, opts: InspectOptions = {}): Promise<Finding> {
  const credential = credentialFor(url);
  const inspection = await postgres.inspect!(credential, contextFor(opts));
  return assess(credential, inspection, postgres, opts.policy ?? DEFAULT_POLICY);
}

export const riskIds = (f: Finding) => f.risks.map((r) => r.id).sort();
export const risk = (f: Finding, id: string) => f.risks.find((r) => r.id === id);
export const caps = (i: Inspection) =>
  (i.scope?.capabilities ?? []).map((c) => `${c.action} ${c.resource}${c.production ? ' (production)' : ''}`).sort();
