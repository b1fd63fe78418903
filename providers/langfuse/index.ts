import type { Provider } from '../../src/core/provider.js';
import { prefixedToken } from '../rule-shapes.js';

/** Langfuse: detection only (no read-only inspector yet); docsUrl says how to make a narrower credential. */
export const langfuse: Provider = {
  id: 'langfuse',
  name: 'Langfuse',
  // Keys belong to one project; a separate project per environment keeps a leak to one.
  docsUrl: 'https://langfuse.com/docs/administration/rbac',
  rules: [
    prefixedToken({
      // Format: https://langfuse.com/docs/observability/get-started (LANGFUSE_SECRET_KEY=sk-lf-..., the public
      // key pk-lf-...: each a UUID after its prefix)
      id: 'langfuse-secret-key',
      provider: 'langfuse',
      kind: 'secret key',
      description: 'Langfuse project secret key (sk-lf-)',
      prefix: 'sk-lf-',
      body: '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
      entropy: 3.3,
      examples: {
        truePositives: ['LANGFUSE_SECRET_KEY="sk-lf-95a431f2-0552-400f-9365-993533783c0a"'],
        falsePositives: [
          'LANGFUSE_PUBLIC_KEY="pk-lf-997cbf75-0f52-46b1-b8e8-3c2199752f36"',
          'LANGFUSE_SECRET_KEY="sk-lf-..."',
        ],
      },
    }),
  ],
};
