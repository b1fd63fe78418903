// After the whole suite: every request any provider test double received, in any test, was one of
// that provider's listed read-only operations (the same list the HTTP door enforces, read from the
// built registry). AWS, whose SDK is not behind the HTTP door: only Get*, List*, Simulate* and
// GetCallerIdentity. Anything else fails the run.
import { readFileSync } from 'node:fs';
import { loadGraphqlParser, refusal } from '../build/src/core/operations.js';
import { PROVIDERS } from '../build/providers/registry.js';

const AWS_READ = /^(Get|List|Simulate)[A-Za-z]*$|^GetCallerIdentity$/;
const byId = new Map(PROVIDERS.map((p) => [p.id, p]));

/** The request as the door would have seen it: a path below the endpoint, and a body. */
function asSent(r) {
  if (r.provider === 'railway') return { path: '/', body: JSON.stringify({ query: r.what }) };
  if (r.provider === 'github') return { path: r.what };
  return { path: r.path, body: r.body };
}

/** Why this request was outside its provider's list, or undefined when it was on it. */
function outside(r) {
  if (r.provider === 'aws') return AWS_READ.test(r.what) ? undefined : `AWS action ${r.what}`;
  const provider = byId.get(r.provider);
  if (!provider?.operations) return `no operation list for provider ${r.provider}`;
  const { path, body } = asSent(r);
  if (typeof path !== 'string') return 'the double logged no path';
  const target = new URL(`http://double${path}`);
  // GitHub Enterprise Server serves the same API below /api/v3.
  const bases = r.provider === 'github' ? ['http://double/', 'http://double/api/v3'] : ['http://double/'];
  const why = bases.map((b) => refusal(provider.operations, new URL(b), r.method, target, body));
  return why.includes(undefined) ? undefined : why[0];
}

export default async function globalTeardown() {
  // The door loads its GraphQL parser before it judges a body; so does this check of what was sent.
  await loadGraphqlParser();
  const file = process.env.TOKENSCOPE_PROVIDER_LOG;
  if (!file) throw new Error('recording proxy: no ledger');
  const requests = readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
  const bad = requests.map((r) => ({ ...r, why: outside(r) })).filter((r) => r.why);
  const by = {};
  for (const r of requests) by[r.provider] = (by[r.provider] ?? 0) + 1;
  process.stdout.write(
    `\nrecording proxy: ${requests.length} provider requests over the suite (${Object.entries(by)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}), ${bad.length} outside their provider's read-only operations\n`,
  );
  // A run of a subset without provider tests records nothing; the full suite records hundreds.
  if (bad.length)
    throw new Error(`recording proxy: requests outside the allowlists: ${JSON.stringify(bad.slice(0, 5))}`);
}
