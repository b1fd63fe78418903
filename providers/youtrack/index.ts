import type { Provider } from '../../src/core/provider.js';
import { prefixedToken } from '../rule-shapes.js';

/** JetBrains YouTrack / Hub: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const youtrack: Provider = {
  id: 'youtrack',
  name: 'JetBrains YouTrack / Hub',
  // A permanent token can be limited to the services it needs (YouTrack only, not Hub administration).
  docsUrl: 'https://www.jetbrains.com/help/youtrack/server/manage-permanent-token.html',
  rules: [
    prefixedToken({
      // Format: https://www.jetbrains.com/help/youtrack/devportal/Manage-Permanent-Token.html (perm:, the
      // base64 user name, ., the base64 token id, ., 30 letters and digits)
      id: 'youtrack-permanent-token',
      provider: 'youtrack',
      kind: 'permanent token',
      description: 'JetBrains YouTrack or Hub permanent token (perm:)',
      prefix: 'perm:',
      body: '[A-Za-z0-9+/=]{4,128}\\.[A-Za-z0-9+/=]{4,64}\\.[A-Za-z0-9]{30}',
      entropy: 3.8,
      examples: {
        truePositives: ['YOUTRACK_TOKEN=perm:amRvZQ==.NTQtMTI=.mqv9hrpfVFQNZItG3ULCxXL5PsrEtR'],
        falsePositives: ['YOUTRACK_TOKEN=perm:<token>', 'chmod perm:0755'],
      },
    }),
  ],
};
