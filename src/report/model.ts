import { rank } from '../assess/severity.js';
import {
  SEVERITIES,
  type Finding,
  type Location,
  type Risk,
  type Scope,
  type Severity,
  type Verification,
} from '../core/types.js';

/** One finding as every report format sees it: the secret is already redacted here, once. */
export interface ReportFinding {
  id: string;
  provider: string;
  kind: string;
  ruleId: string;
  secret: { redacted: string };
  locations: Location[];
  verification: Verification;
  verificationReason: string;
  scope: Omit<Scope, 'facts'> | null;
  risks: Risk[];
  severity: Severity;
  remediation: string;
}

/** The JSON contract (schemas/report.schema.json) that the Action, merges and baselines read. */
export interface Report {
  tool: { name: string; version: string };
  target: string;
  generatedAt: string;
  endpoints: Record<string, string>;
  summary: {
    credentials: number;
    bySeverity: Record<Severity, number>;
    failOn: Severity;
    failing: number;
    baselineSuppressed?: number;
    headline?: string;
  };
  findings: ReportFinding[];
  notes: string[];
}

export function toReportFinding(f: Finding): ReportFinding {
  const { credential: c, inspection } = f;
  let scope: ReportFinding['scope'] = null;
  if (inspection.scope) {
    const { facts: _facts, ...rest } = inspection.scope;
    scope = rest;
  }
  return {
    id: c.fingerprint,
    provider: c.provider,
    kind: c.kind,
    ruleId: c.ruleId,
    secret: { redacted: c.secret.redacted },
    locations: c.locations,
    verification: inspection.verification,
    verificationReason: inspection.reason,
    scope,
    risks: f.risks,
    severity: f.severity,
    remediation: f.remediation,
  };
}

export interface ReportInput {
  target: string;
  findings: Finding[];
  failOn: Severity;
  endpoints: Record<string, URL>;
  notes: string[];
  baselineSuppressed?: number;
  headline?: string;
}

export function buildReport(input: ReportInput, version: string, now = new Date()): Report {
  const findings = input.findings
    .map(toReportFinding)
    .sort(
      (a, b) => rank(a.severity) - rank(b.severity) || a.provider.localeCompare(b.provider) || a.id.localeCompare(b.id),
    );
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of findings) bySeverity[f.severity]++;
  return {
    tool: { name: 'tokenscope', version },
    target: input.target,
    generatedAt: now.toISOString(),
    endpoints: Object.fromEntries(Object.entries(input.endpoints).map(([k, v]) => [k, v.href])),
    summary: {
      credentials: findings.length,
      bySeverity,
      failOn: input.failOn,
      failing: findings.filter((f) => rank(f.severity) <= rank(input.failOn)).length,
      ...(input.baselineSuppressed !== undefined ? { baselineSuppressed: input.baselineSuppressed } : {}),
      ...(input.headline ? { headline: input.headline } : {}),
    },
    findings,
    notes: input.notes,
  };
}

/** "accounts" -> "account", "repositories" -> "repository": the reach keys are plural nouns. */
function singular(noun: string): string {
  return noun.endsWith('ies') ? `${noun.slice(0, -3)}y` : noun.replace(/s$/, '');
}

/** "reaches 3 projects; can delete volume postgres-data (production)": the blast radius in one line. */
export function blastRadius(f: ReportFinding): string {
  if (!f.scope)
    return f.verification === 'invalid' ? 'rejected by the provider' : `not inspected: ${f.verificationReason}`;
  const parts: string[] = [];
  if (f.scope.identity) parts.push(f.scope.identity);
  const reach = Object.entries(f.scope.reach)
    .filter(([, v]) => v.length > 0)
    .map(([k, v]) => `${v.length} ${v.length === 1 ? singular(k) : k}`);
  if (reach.length) parts.push(`reaches ${reach.join(', ')}`);
  const worstCap = f.scope.capabilities.filter((c) => c.action === 'admin' || c.action === 'delete');
  if (worstCap.length) {
    const shown = worstCap
      .slice(0, 2)
      .map((c) => `${c.action} ${c.resource}${c.environment ? ` (${c.environment})` : ''}`);
    parts.push(`can ${shown.join('; ')}${worstCap.length > 2 ? ` and ${worstCap.length - 2} more` : ''}`);
  }
  return parts.join('; ') || 'nothing learned';
}
