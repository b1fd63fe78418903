import type { RuleSpec } from '../../src/core/rule.js';

// The Supabase CLI's local-development keys (public: every `supabase start` prints them).
const DEMO_SERVICE_ROLE =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImV4cCI6MTk4MzgxMjk5Nn0.EGIM96RAZx35lJzdJsyH-qQwv8Hdp7fsn3W0YpN81IU';
const DEMO_ANON =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0';

/**
 * Supabase credentials (fact sheet §1.1). The access token's form is the Supabase CLI's own check
 * (`^sbp_(oauth_)?[a-f0-9]{40}$`). The sb_secret_ key's length is not published: the CLI's
 * sample is 22 + `_` + 8 characters, so a generous range stands in. sb_publishable_ keys are
 * public by design and never matched; the local-development keys are refused by the validator.
 */
export const rules: RuleSpec[] = [
  {
    id: 'supabase-access-token',
    provider: 'supabase',
    confidence: 'high',
    kind: 'access token',
    description: 'Supabase personal access token or OAuth-app access token for the Management API (sbp_, sbp_oauth_)',
    keywords: ['sbp_'],
    keywordsCaseSensitive: true,
    keywordScope: 'line',
    regex: '\\b(?<secret>sbp_(?:oauth_)?[a-f0-9]{40})\\b',
    examples: {
      truePositives: [
        'SUPABASE_ACCESS_TOKEN=sbp_66d03932774e9174e64668f976a15b6052f6ea6d',
        'token: "sbp_oauth_aa6ff472c9eaee78c99eb4f1c76c995bb40a2ad3"',
      ],
      falsePositives: [
        'SUPABASE_ACCESS_TOKEN=sbp_66d03932774e9174e64668f976a15b6052f6ea6',
        'SUPABASE_ACCESS_TOKEN=sbp_66D03932774E9174E64668F976A15B6052F6EA6D',
        'const sbp_helpers = require("./sbp_66d03932774e9174e64668f976a15b6052f6ea6d_x")',
      ],
    },
  },
  {
    id: 'supabase-secret-key',
    provider: 'supabase',
    confidence: 'high',
    kind: 'secret key',
    description: 'Supabase project secret key (sb_secret_: full data access, bypasses row-level security)',
    keywords: ['sb_secret_'],
    keywordsCaseSensitive: true,
    keywordScope: 'line',
    regex: '(?<![A-Za-z0-9_-])(?<secret>sb_secret_[A-Za-z0-9_-]{30,80})(?![A-Za-z0-9_-])',
    entropy: 3.5,
    validator: 'supabase-not-local-demo',
    examples: {
      truePositives: ['SUPABASE_SECRET_KEY=sb_secret_vX2aYfWpMstvu5oKenmtBQ_ikNIrxmR'],
      falsePositives: [
        // The CLI's local-development secret key, and the publishable key that is public by design.
        'SUPABASE_SECRET_KEY=sb_secret_N7UND0UgjKTVK-Uodkm0Hg_xSvEMPvz',
        'NEXT_PUBLIC_SUPABASE_KEY=sb_publishable_vX2aYfWpMstvu5oKenmtBQ_ikNIrxmR',
      ],
    },
  },
  {
    id: 'supabase-service-role-key',
    provider: 'supabase',
    kind: 'service_role key',
    description: 'Supabase service_role JWT (bypasses row-level security); payload decoded offline',
    confidence: 'high',
    keywords: ['eyJ'],
    keywordsCaseSensitive: true,
    keywordScope: 'line',
    regex:
      // Atomic segments (captured in a lookahead, matched back) and a start only at a token boundary:
      // linear time whatever the input.
      '(?<![A-Za-z0-9_-])(?<secret>eyJ(?=(?<a>[A-Za-z0-9_-]{10,500}))\\k<a>\\.eyJ(?=(?<b>[A-Za-z0-9_-]{10,2000}))\\k<b>\\.(?=(?<c>[A-Za-z0-9_-]{20,500}))\\k<c>)(?![A-Za-z0-9_-])',
    validator: 'supabase-service-role',
    examples: {
      truePositives: [
        'SUPABASE_SERVICE_ROLE_KEY=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6ImpnYXhwa2FiaWp1dmVkcnh0cHR5Iiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImlhdCI6MTcwMDAwMDAwMCwiZXhwIjoyMDE1NTc2MDAwfQ.tQ-BnvxJqvJPZzoNFhE1E9ENrdvg-CPJj3k4RXE2y50',
      ],
      falsePositives: [
        'SUPABASE_ANON_KEY=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6IndzcmNud3d0eHFjb3lqenhtaXd6Iiwicm9sZSI6ImFub24iLCJpYXQiOjE3MDAwMDAwMDAsImV4cCI6MjAxNTU3NjAwMH0.GdZYM1Un6agvRBDhXzOISrB867kBl4r8Bnb6DckXw6Y',
        `SUPABASE_SERVICE_ROLE_KEY=${DEMO_SERVICE_ROLE}`,
        `SUPABASE_ANON_KEY=${DEMO_ANON}`,
      ],
    },
  },
];
