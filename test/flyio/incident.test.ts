import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from '@jest/globals';
import { flyio } from '../../providers/flyio/index.js';
import { cli } from '../helpers/cli.js';
import { describeIncident, type JsonFinding, started } from '../helpers/hosting-suites.js';
import { FlyDouble } from './double.js';
import { testWorld } from './world.js';

// The Fly.io double of the suite, kept for what only it records (GraphQL operations, schemes).
let fly: FlyDouble;
function startFly() {
  const { world, tokens } = testWorld();
  fly = new FlyDouble(world);
  return started(fly, tokens);
}

// The incident's shape on Fly.io: an organization token kept "for DNS" in a staging file, that
// can delete the production Postgres cluster and its volume.
describeIncident(flyio, startFly, {
  file: 'deploy/staging/.env',
  variable: 'FLY_DNS_TOKEN',
  quoted: true,
  purpose: 'dns',
  token: 'org',
  otherToken: 'org',
  names: [
    'volume "pg_data" (40 GB, fra) of app "acme-db-production"',
    'Postgres cluster app "acme-db-production" of organization "acme"',
  ],
  reach: ['volumes', 'acme/acme-db-production/pg_data'],
  risks: ['cross-environment', 'account-wide-token'],
  remediation: ['fly tokens create deploy -a <app> --expiry 720h', 'https://fly.io/docs/security/tokens/'],
  // GraphQL: every read is a POST.
  method: 'POST',
  // Nor any macaroon in it, nor a run of it.
  neverPrinted: (token) => [...token.replace(/^FlyV1 /, '').split(','), token.slice(10, 60)],
  more: (run) => {
    it('verifies it as an organization macaroon', () => {
      expect(run().finding().scope?.tokenType).toBe('organization macaroon');
    });

    it('sent queries only, under the FlyV1 scheme, all of them valid against the schema', () => {
      expect(fly.requests.length).toBeGreaterThan(0);
      expect(fly.requests.every((r) => r.operation === 'query' && r.scheme === 'FlyV1')).toBe(true);
      expect(fly.unexpectedErrors).toEqual([]);
    });

    it('TOKENSCOPE_FLYIO_API_URL sets the endpoint of an audit; a URL in the scanned files does not', async () => {
      const { dir, url } = run();
      writeFileSync(join(dir, '.tokenscope-hint'), 'FLYIO_API_URL=http://127.0.0.1:1/graphql\n');
      const before = fly.requests.length;
      const r = await cli(['audit', dir, '--format', 'json'], { env: { TOKENSCOPE_FLYIO_API_URL: url }, cwd: dir });
      expect(fly.requests.length).toBeGreaterThan(before);
      const f = (JSON.parse(r.stdout) as { findings: JsonFinding[] }).findings.find((x) => x.provider === 'flyio')!;
      expect(f.verification).toBe('verified');
    });
  },
});
