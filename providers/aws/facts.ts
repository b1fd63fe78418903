import type { Scope } from '../../src/core/types.js';
import type { Evaluation } from './iam-eval.js';
import type { Principal } from './principal.js';

/** Age and last use of a long-lived key (read by key-usage.ts). */
export interface KeyUsage {
  /** ISO 8601. */
  created?: string;
  status?: string;
  lastUsed?: { date?: string; service?: string; region?: string };
}

/** What the AWS inspector learned, kept in Scope.facts for this provider's risks and remediation. */
export interface AwsFacts {
  principal?: Principal;
  /** Set when the key id belongs to a known canary-token account; the key was not sent anywhere. */
  canaryAccount?: string;
  /** Why the key is an administrator, when it is. */
  admin?: string;
  /** Probed action -> what the policies (or the simulator) say. */
  decisions: Record<string, Evaluation>;
  decisionSource?: 'policies' | 'partial policies' | 'simulation';
  key?: KeyUsage;
}

export function awsFacts(scope: Scope | null | undefined): AwsFacts | undefined {
  const f = scope?.facts?.['aws'];
  return f && typeof f === 'object' ? (f as AwsFacts) : undefined;
}
