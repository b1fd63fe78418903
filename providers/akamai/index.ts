import type { Provider } from '../../src/core/provider.js';

/** Akamai: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const akamai: Provider = {
  id: 'akamai',
  name: 'Akamai',
  // An API client can be limited to some APIs, read-only, and to some groups of properties.
  docsUrl: 'https://techdocs.akamai.com/developer/docs/create-a-basic-api-client',
  rules: [
    {
      // Format: https://techdocs.akamai.com/developer/docs/set-up-authentication-credentials (the
      // .edgerc file: client_secret, a base64 string, beside host, access_token and client_token,
      // which begin akab-)
      id: 'akamai-edgegrid-client-secret',
      provider: 'akamai',
      kind: 'EdgeGrid client secret',
      description: 'Akamai EdgeGrid API client secret, in .edgerc or beside its akab- tokens',
      confidence: 'context',
      keywords: ['client_secret'],
      keywordScope: 'line',
      regex: 'client_secret\\s*[=:]\\s*["\']?(?<secret>[A-Za-z0-9+/]{43}=)(?![A-Za-z0-9+/=])',
      entropy: 4,
      context: { pattern: 'akab-', withinLines: 4, pathPattern: '(?:^|/)\\.edgerc$' },
      examples: {
        truePositives: [
          '[default]\nclient_secret = XRe0PryoKvNyBoO3F7ideG11m7/mALOLFk+de8HGl2E=\nhost = akab-lmn789n2k53w7qrs-nfkxaa4lfk3kd6ym.luna.akamaiapis.net\naccess_token = akab-zyx987xa6osbli4k-e7jf5ikib5jknes3\nclient_token = akab-nomoflavjuc4422-fa2xznerxrm3teg7',
        ],
        falsePositives: [
          'client_secret = XRe0PryoKvNyBoO3F7ideG11m7/mALOLFk+de8HGl2E=',
          '[default]\nclient_secret = <secret>\nhost = akab-lmn789n2k53w7qrs-nfkxaa4lfk3kd6ym.luna.akamaiapis.net',
        ],
      },
    },
  ],
};
