import type { Provider } from '../../src/core/provider.js';

/** Cloudinary: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const cloudinary: Provider = {
  id: 'cloudinary',
  name: 'Cloudinary',
  // A product environment's API key pair per application, so that one leak is revoked alone.
  docsUrl: 'https://cloudinary.com/documentation/how_to_integrate_cloudinary#get_familiar_with_the_cloudinary_console',
  rules: [
    {
      // Format: https://cloudinary.com/documentation/node_integration#configuration
      // (CLOUDINARY_URL=cloudinary://<api_key>:<api_secret>@<cloud_name>: a numeric key, a
      // 27-character secret)
      id: 'cloudinary-url',
      provider: 'cloudinary',
      kind: 'API secret',
      description: 'Cloudinary API secret inside a cloudinary:// URL',
      confidence: 'high',
      keywords: ['cloudinary://'],
      keywordScope: 'line',
      regex: 'cloudinary://[0-9]{12,18}:(?<secret>[A-Za-z0-9_-]{27})@[A-Za-z0-9_-]{1,64}',
      entropy: 3.8,
      examples: {
        truePositives: ['CLOUDINARY_URL=cloudinary://591787242249394:iLNLa4qvKGEkHbWu8jUiRRURAwQ@acme-media'],
        falsePositives: [
          'CLOUDINARY_URL=cloudinary://<api_key>:<api_secret>@<cloud_name>',
          'CLOUDINARY_URL=cloudinary://123456789012345:abcdefghijklmnopqrstuvwxyz0@demo',
        ],
      },
    },
  ],
};
