import { expect, it } from '@jest/globals';
import { cloudflare } from '../../providers/cloudflare/index.js';
import { describeIncident } from '../helpers/hosting-suites.js';
import { startCloudflare, WORKER_SECRET } from './world.js';

// The incident's shape on Cloudflare: a token kept "for DNS" in a staging file, that can delete the
// live zone and the production D1 database, and mint more tokens.
describeIncident(cloudflare, startCloudflare, {
  file: 'staging/wrangler.env',
  variable: 'CLOUDFLARE_DNS_TOKEN',
  purpose: 'dns',
  token: 'wide',
  otherToken: 'wide',
  names: [
    'D1 database "orders-production" of account "Acme"',
    'zone "acme.com" of account "Acme" with all its DNS records',
  ],
  reach: ['zones', 'acme.com'],
  risks: ['dns-takeover', 'cross-environment'],
  remediation: ['one permission (e.g. Zone → DNS → Edit for DNS work)', 'with a TTL'],
  neverPrinted: () => [WORKER_SECRET],
  more: (run) => {
    it('never asks for a Worker secret', () => {
      expect(
        run()
          .double.pathsOf(run().token)
          .some((p) => p.includes('/secrets')),
      ).toBe(false);
    });
    it('raises dns-takeover naming the zone', () => {
      expect(
        run()
          .finding()
          .risks.find((r) => r.id === 'dns-takeover')?.message,
      ).toContain('zone "acme.com"');
    });
  },
});
