// After the whole suite: no provider test double, in any test, ever received a request that could
// change something. Railway: POSTs of GraphQL documents with queries only. GitHub: GET or HEAD.
// AWS: only Get*, List*, Simulate* and GetCallerIdentity. A violation fails the run.
import { readFileSync } from 'node:fs';
import { parse } from 'graphql';

const AWS_READ = /^(Get|List|Simulate)[A-Za-z]*$|^GetCallerIdentity$/;

function mutating(r) {
  switch (r.provider) {
    case 'github':
      return r.method !== 'GET' && r.method !== 'HEAD';
    case 'aws':
      return !AWS_READ.test(r.what);
    case 'railway': {
      if (r.what === '') return false; // not a GraphQL body: nothing could run
      try {
        return parse(r.what).definitions.some((d) => d.kind === 'OperationDefinition' && d.operation !== 'query');
      } catch {
        return false; // unparsable: the server could not run it either
      }
    }
    default:
      return true;
  }
}

export default function globalTeardown() {
  const file = process.env.TOKENSCOPE_PROVIDER_LOG;
  if (!file) throw new Error('recording proxy: no ledger');
  const requests = readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
  const bad = requests.filter(mutating);
  const by = {};
  for (const r of requests) by[r.provider] = (by[r.provider] ?? 0) + 1;
  process.stdout.write(
    `\nrecording proxy: ${requests.length} provider requests over the suite (${Object.entries(by)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}), ${bad.length} that could change anything\n`,
  );
  // A run of a subset without provider tests records nothing; the full suite records hundreds.
  if (bad.length) throw new Error(`recording proxy: mutating requests were sent: ${JSON.stringify(bad.slice(0, 5))}`);
}
