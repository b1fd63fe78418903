import type { Provider } from '../../src/core/provider.js';

/** Grafana: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const grafana: Provider = {
  id: 'grafana',
  name: 'Grafana',
  docsUrl: 'https://grafana.com/docs/grafana/latest/administration/service-accounts/',
  rules: [
    {
      // Format: https://grafana.com/docs/grafana/latest/administration/service-accounts/#service-account-tokens (glsa_, 32 characters, _, an 8-hex checksum)
      id: 'grafana-service-account-token',
      provider: 'grafana',
      kind: 'service account token',
      description: 'Grafana service account token (glsa_)',
      confidence: 'high',
      keywords: ['glsa_'],
      keywordsCaseSensitive: true,
      keywordScope: 'line',
      regex: '\\b(?<secret>glsa_[A-Za-z0-9]{32}_[0-9a-f]{8})\\b',
      entropy: 4,
      examples: {
        truePositives: ['GRAFANA_TOKEN=glsa_ycengkFTyHWexYoutxDIRbVp67h0KxXH_1d18c523'],
        falsePositives: [
          'GRAFANA_TOKEN=glsa_xxxxxxxxxxxx',
          'GRAFANA_TOKEN=glsa_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx_00000000',
        ],
      },
    },
    {
      // Format: https://grafana.com/docs/grafana-cloud/account-management/authentication-and-permissions/access-policies/ (tokens begin glc_)
      id: 'grafana-cloud-token',
      provider: 'grafana',
      kind: 'Grafana Cloud access policy token',
      description: 'Grafana Cloud access policy token (glc_)',
      confidence: 'high',
      keywords: ['glc_eyJ'],
      keywordsCaseSensitive: true,
      keywordScope: 'line',
      regex: '\\b(?<secret>glc_eyJ[A-Za-z0-9+/]{60,400}={0,2})(?![A-Za-z0-9+/=])',
      entropy: 4,
      examples: {
        truePositives: [
          'GRAFANA_CLOUD_ACCESS_POLICY_TOKEN=glc_eyJvIjoiMjY5NzIxIiwibiI6InN0YWNrLTE2MDQ0Mi1obS1yZWFkIiwiayI6Ikt1aEc3WHNtUEo3MGFsUTFBTDFKNG1iaCIsIm0iOnsiciI6InByb2QtdXMtZWFzdC0wIn19',
        ],
        falsePositives: ['GRAFANA_CLOUD_ACCESS_POLICY_TOKEN=glc_eyJ...', 'glc_eyJshort'],
      },
    },
  ],
};
