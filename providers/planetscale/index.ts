import type { Provider } from '../../src/core/provider.js';
import { prefixedToken } from '../rule-shapes.js';

// Format: https://planetscale.com/docs/api/service-tokens and
// https://planetscale.com/docs/concepts/connection-strings (service tokens pscale_tkn_, database
// passwords pscale_pw_, OAuth tokens pscale_oauth_, each followed by a random base64url string).
const pscale = (type: string, kind: string, id: string, sample: string, assigned: string) =>
  prefixedToken({
    id: `planetscale-${id}`,
    provider: 'planetscale',
    kind,
    description: `PlanetScale ${kind} (pscale_${type}_)`,
    prefix: `pscale_${type}_`,
    body: '[A-Za-z0-9_-]{32,64}',
    entropy: 4,
    examples: {
      truePositives: [`${assigned}${sample}`],
      falsePositives: [`${assigned}pscale_${type}_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx`, `pscale_${type}_short`],
    },
  });

/** PlanetScale: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const planetscale: Provider = {
  id: 'planetscale',
  name: 'PlanetScale',
  // Service tokens carry per-organization and per-database permissions; passwords a role.
  docsUrl: 'https://planetscale.com/docs/api/service-tokens',
  rules: [
    pscale(
      'tkn',
      'service token',
      'service-token',
      'pscale_tkn_rCwHVjT96ybq_lmjZKtv7Wi59jGl-Zm63kNH2O4Rc4k',
      'PLANETSCALE_SERVICE_TOKEN=',
    ),
    pscale(
      'pw',
      'database password',
      'password',
      'pscale_pw_2eiZK69GJqLhPoTCOptz8vM8-e4xumdaMCWs-MJ099E',
      'DATABASE_PASSWORD=',
    ),
    pscale(
      'oauth',
      'OAuth token',
      'oauth-token',
      'pscale_oauth_gLXbd9-CIQYlOZ-2VpDbmBUZKmMzEALQ9x4FpNSndeu',
      'PLANETSCALE_OAUTH_TOKEN=',
    ),
  ],
};
