import { expect, it } from '@jest/globals';
import { digitalocean } from '../../providers/digitalocean/index.js';
import { describeIncident } from '../helpers/hosting-suites.js';
import { DB_PASSWORD, PROD_DB, startDigitalOcean } from './world.js';

// The incident's shape on DigitalOcean: a token kept "for DNS" in a staging file, that (unless it
// is read-only, which DigitalOcean does not say) can delete the production database cluster.
describeIncident(digitalocean, startDigitalOcean, {
  file: 'infra/staging/dns.env',
  variable: 'DIGITALOCEAN_DNS_TOKEN',
  purpose: 'dns',
  token: 'full',
  otherToken: 'full',
  names: [`database cluster "${PROD_DB}" of project "storefront"`, 'volume "pg-data" of project "storefront"'],
  reach: ['projects', 'storefront (Production)'],
  risks: ['cross-environment', 'account-wide-token', 'reads-other-secrets'],
  remediation: [
    'custom-scope token with `domain:read` and `domain:update` only',
    'https://docs.digitalocean.com/reference/api/scopes/',
  ],
  neverPrinted: () => [DB_PASSWORD],
  more: (run) => {
    it('never asks for the databases listing (it holds passwords)', () => {
      expect(
        run()
          .double.pathsOf(run().token)
          .some((p) => p.startsWith('/v2/databases')),
      ).toBe(false);
    });
    it('says the caveat first: unless it is a Read Only token', () => {
      const destructive = run()
        .finding()
        .risks.find((r) => r.id === 'destructive-production-access');
      expect(destructive?.message).toMatch(/^unless it is a Read Only token/);
    });
  },
});
