/**
 * The values that travel between the stages: source -> detect -> inspect -> assess -> report.
 * Each stage knows only the values on its two arrows.
 */
import type { Secret } from './secret.js';

export type SourceLabel = 'tracked' | 'untracked' | 'ignored' | 'history' | 'home' | 'env' | 'stdin';
export const SOURCE_LABELS: readonly SourceLabel[] = [
  'tracked',
  'untracked',
  'ignored',
  'history',
  'home',
  'env',
  'stdin',
];

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

export type Verification = 'verified' | 'invalid' | 'unverified' | 'error' | 'skipped';

/** Where a piece of text came from. */
export interface Location {
  path: string;
  line: number;
  column?: number;
  commit?: string;
  source: SourceLabel;
  /** Author date of `commit`, ISO 8601 (history only). */
  date?: string;
  /** History only: whether the secret is still present at HEAD. */
  presentAtHead?: boolean;
  /** Credential stores: the profile, host or user the secret belongs to (`[prod]`, `github.com`). */
  section?: string;
}

/** A unit of text handed from a source to the detector. */
export interface Fragment {
  text: string;
  path: string;
  source: SourceLabel;
  commit?: string;
  date?: string;
  /** 1-based line number of the first line of `text` within the file. */
  firstLine?: number;
}

/** What the text around a match says about it; used by the policy (intent, environment). */
export interface MatchContext {
  /** The variable, key or field the secret is assigned to, when one can be read (e.g. RAILWAY_DOMAIN_TOKEN). */
  name?: string;
  /** Section or profile that encloses it (INI section, netrc machine), when known. */
  section?: string;
}

/** One match of one rule at one place. */
export interface Candidate {
  ruleId: string;
  provider: string;
  kind: string;
  secret: Secret;
  /** Secrets that belong with the main one (an AWS secret access key with its key id). */
  parts?: Record<string, Secret>;
  context: MatchContext;
  location: Location;
}

/** The candidates of one secret, merged: inspected once whatever the number of locations. */
export interface Credential {
  fingerprint: string;
  ruleId: string;
  provider: string;
  kind: string;
  secret: Secret;
  parts: Record<string, Secret>;
  locations: Location[];
  contexts: MatchContext[];
}

export type CapabilityAction = 'read' | 'write' | 'delete' | 'admin';

export interface Capability {
  action: CapabilityAction;
  resource: string;
  environment?: string;
  /** True when the resource sits in an environment the policy calls production. */
  production?: boolean;
}

export interface Unknown {
  what: string;
  reason: string;
}

/** What the provider says a credential can do. */
export interface Scope {
  identity: string | null;
  tokenType: string | null;
  permissions: string[];
  capabilities: Capability[];
  /** Provider words -> names reached: workspaces, projects, environments, repositories, accounts. */
  reach: Record<string, string[]>;
  expiresAt: string | null;
  unknowns: Unknown[];
  /** Provider-specific facts the provider's own risk rules read; never reported raw. */
  facts?: Record<string, unknown>;
}

export interface Inspection {
  verification: Verification;
  reason: string;
  scope: Scope | null;
}

export interface Risk {
  id: string;
  severity: Severity;
  message: string;
}

/** A risk as a provider raises it; the policy decides its severity. */
export interface RiskSignal {
  id: string;
  message: string;
  /** The provider's suggested severity when the policy names none. */
  severity: Severity;
}

export interface Finding {
  credential: Credential;
  inspection: Inspection;
  risks: Risk[];
  severity: Severity;
  remediation: string;
}
