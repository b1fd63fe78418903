import type { Verification } from '../core/types.js';

/**
 * Breadth: what a credential can do, the second axis of severity (the first is where it was
 * found, src/assess/exposure.ts; src/assess/matrix.ts crosses them).
 *
 * A finding's breadth comes from the risk ids its provider raised, through the one table below.
 *
 * HOW TO CLASSIFY A NEW RISK ID (every id a provider or a source can raise must be in the table;
 * test/assess/breadth.test.ts fails on one that is not, and lists the files it read):
 * - `broad`: the credential can destroy or administer: delete data, infrastructure or
 *   repositories; administer an account, org, role or site; grant itself more rights; act across
 *   a whole account; reach production from a place that says it is not production. A live
 *   credential with one broad risk always ranks strictly above any credential without one
 *   found in the same kind of place.
 * - `write`: it can change things, but not destroy or administer (push code, publish packages,
 *   change workflows, write rows).
 * - `read`: it can read more than it should (other secrets, rows past row-level security).
 * - `hygiene`: says how the credential is kept, not what it reaches (no expiry, old key, a
 *   classic token where a fine-grained one fits).
 * - `place`: raised by tokenscope itself about where or whether it was found (committed, removed
 *   but in history, not inspected, rejected); the severity table sets these directly.
 * - `tripwire`: not a credential at all but an alarm someone planted (a canary token).
 * When in doubt between `broad` and a narrower class, ask: could whoever holds it, alone, make
 * something unrecoverable or take over something? If so, `broad`.
 */
export type RiskClass = 'broad' | 'write' | 'read' | 'hygiene' | 'place' | 'tripwire';

export const RISK_CLASSES: Readonly<Record<string, RiskClass>> = {
  // tokenscope's own (src/assess/assess.ts, src/sources/history/)
  'committed-live-credential': 'place',
  'uninspected-credential': 'place',
  'invalid-credential': 'place',
  'removed-but-in-history': 'place',
  // A token verified by a whoami only (src/assess/reach-unknown.ts): live, reach not learned.
  'reach-unknown': 'place',

  // Railway (providers/railway/risks.ts)
  'destructive-production-access': 'broad',
  'account-wide-token': 'broad',
  // Raised only when a production environment is reached from a place named non-production.
  'cross-environment': 'broad',
  // Raised only for account and workspace tokens: admin over every project they reach.
  'intent-mismatch': 'broad',
  'reads-other-secrets': 'read',
  'no-expiry': 'hygiene', // Railway and GitHub

  // GitHub (providers/github/risks.ts)
  'site-admin': 'broad',
  'org-admin': 'broad',
  'can-delete-repos': 'broad',
  'workflow-write': 'write',
  'broad-repo-write': 'write',
  'package-publish': 'write',
  'classic-where-fine-grained-fits': 'hygiene',

  // AWS (providers/aws/risks.ts)
  'root-key': 'broad',
  admin: 'broad',
  'privilege-escalation': 'broad',
  'destructive-data-access': 'broad',
  'secrets-read': 'read',
  'old-key': 'hygiene',
  'canary-token': 'tripwire',

  // PostgreSQL (providers/postgres/risks.ts)
  'db-superuser': 'broad',
  'db-can-destroy': 'broad',
  // CREATEROLE: creates roles and grants itself their privileges, an escalation.
  'db-can-create-roles': 'broad',
  'db-not-read-only': 'write',
  'db-bypasses-rls': 'read',

  // Hosting platforms (providers/vercel, netlify, cloudflare): edits DNS of a live production zone,
  // which takes the site over or down.
  'dns-takeover': 'broad',

  // Supabase (providers/supabase/risks.ts): a service_role or sb_secret_ key reads, changes and
  // deletes every row and file of its project, past row-level security.
  'bypasses-row-level-security': 'broad',

  // npm (providers/npm/risks.ts): publishes new versions of packages others install. Write, like
  // GitHub's package-publish: it changes what others run but destroys and administers nothing; a
  // popular package's reach is in the message (downloads), and a narrow-named place adds the
  // broad intent-mismatch.
  'can-publish-packages': 'write',

  // Stripe (providers/stripe/risks.ts): a live secret key refunds, pays out and transfers money.
  'can-move-money': 'broad',
  'reads-customer-data': 'read',

  // Slack (providers/slack/risks.ts): direct messages and private channels; messages that appear
  // as a person (phishing from inside). Slack's `admin` scopes raise `admin` (broad, above).
  'reads-private-messages': 'read',
  'can-post-as-user': 'write',

  // SendGrid (providers/sendgrid/risks.ts): mail.send sends as the company's verified domains.
  // Key and user management raise `privilege-escalation` and `admin` (broad, above).
  'can-send-mail': 'write',
};

export function riskClass(id: string): RiskClass | undefined {
  return RISK_CLASSES[id];
}

/**
 * What a finding is known to reach, worst first: `broad` (destroy or administer), `write`, `read`
 * (verified, nothing more found), `unknown` (not inspected: could be anything), `dead` (the
 * provider rejects it, or it is a tripwire that opens nothing).
 */
export type Breadth = 'broad' | 'write' | 'read' | 'unknown' | 'dead';
export const BREADTHS: readonly Breadth[] = ['broad', 'write', 'read', 'unknown', 'dead'];

export function breadthOf(verification: Verification, riskIds: readonly string[]): Breadth {
  const classes = new Set(riskIds.map(riskClass));
  if (verification === 'invalid' || classes.has('tripwire')) return 'dead';
  // Verified by a whoami alone: live, but nothing was learned of what it reaches.
  if (verification !== 'verified' || riskIds.includes('reach-unknown')) return 'unknown';
  if (classes.has('broad')) return 'broad';
  return classes.has('write') ? 'write' : 'read';
}
