import type { Provider } from '../../src/core/provider.js';

const body =
  '59L2DvN3XZqgDZdWDMIkbHaYKcDKPCAT1DsGebLeCdhp9OKQ5H651BW7BC0cN/BW\nVCEYIqyAYzLyPTWkbvqPqFlMDWU5GhxRGJQUh2w8P/rCKDJ8JtmKxU7HZ9ff3kkP\nwXaKRMbFECNJwjcN1tcw1Jr81RluSKhIn2s5ou+HnkdQcKJxyykkwRmc6hTP0gn3';
const sshBody =
  'vbWphT0hGruAoDyqqgEFg1oH55d30QQ6WHpxZx5aPVCJljXlDzwrmvXqJUeLKANUK2l2iA==\n9A5wBuSnAo/lt+Ir5dD7SrgGDcWn72qGs2CcMtHxSuLJSZZWL2Lo5fUqm6rmczk1iZ7tgA==';

/** Private keys: detection only (there is no API to ask what a key opens). */
export const privatekey: Provider = {
  id: 'privatekey',
  name: 'Private key',
  docsUrl: 'https://docs.github.com/en/authentication/connecting-to-github-with-ssh',
  rules: [
    {
      id: 'pem-private-key',
      provider: 'privatekey',
      kind: 'PEM private key',
      description: 'PEM-encoded private key (RSA, EC, DSA, PKCS#8)',
      confidence: 'high',
      keywords: ['PRIVATE KEY-----'],
      keywordsCaseSensitive: true,
      regex:
        // The body never holds five dashes, so a match cannot run past its END line (no backtracking).
        '(?<secret>-----BEGIN (?!OPENSSH)(?:[A-Z0-9]+ )?PRIVATE KEY-----(?:[A-Za-z0-9+/=\\s:,.]|-(?!----)){64,16384}-----END (?:[A-Z0-9]+ )?PRIVATE KEY-----)',
      examples: {
        truePositives: [`-----BEGIN RSA PRIVATE KEY-----\n${body}\n-----END RSA PRIVATE KEY-----`],
        falsePositives: ['-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----', 'BEGIN PRIVATE KEY'],
      },
    },
    {
      id: 'openssh-private-key',
      provider: 'privatekey',
      kind: 'OpenSSH private key',
      description: 'OpenSSH private key',
      confidence: 'high',
      keywords: ['OPENSSH PRIVATE KEY'],
      keywordsCaseSensitive: true,
      regex:
        '(?<secret>-----BEGIN OPENSSH PRIVATE KEY-----[A-Za-z0-9+/=\\s]{64,16384}-----END OPENSSH PRIVATE KEY-----)',
      examples: {
        truePositives: [`-----BEGIN OPENSSH PRIVATE KEY-----\n${sshBody}\n-----END OPENSSH PRIVATE KEY-----`],
        falsePositives: ['-----BEGIN OPENSSH PRIVATE KEY-----\n<your key>\n-----END OPENSSH PRIVATE KEY-----'],
      },
    },
  ],
};
