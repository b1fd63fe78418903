import { BREADTHS, type Breadth, breadthOf } from '../assess/breadth.js';
import { type Exposure, exposureOf } from '../assess/exposure.js';
import { rank } from '../assess/severity.js';
import { redactSecretsIn } from '../core/scrub-text.js';
import type { Secret } from '../core/secret.js';
import {
  SEVERITIES,
  type Finding,
  type Location,
  type Risk,
  type Scope,
  type Severity,
  type Verification,
} from '../core/types.js';
import { cleanDeep, clipLongRuns } from './sanitize.js';

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
  /** What it is known to reach (src/assess/breadth.ts): within a severity, reports sort by it. */
  breadth: Breadth;
  /** Where it was found, its most exposed place (src/assess/exposure.ts). */
  exposure: Exposure;
  remediation: string;
}

/**
 * The JSON contract (schemas/report.schema.json) that the Action, merges and baselines read.
 * `buildReport` makes every string in it safe to print (sanitize.ts) and free of raw secrets.
 */
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
    breadth: breadthOf(
      inspection.verification,
      f.risks.map((r) => r.id),
    ),
    exposure: exposureOf(c.locations),
    remediation: f.remediation,
  };
}

/** Report order: worst severity first, then broadest (src/assess/breadth.ts), then by provider and id. */
export function byUrgency(a: ReportFinding, b: ReportFinding): number {
  return (
    rank(a.severity) - rank(b.severity) ||
    BREADTHS.indexOf(a.breadth) - BREADTHS.indexOf(b.breadth) ||
    a.provider.localeCompare(b.provider) ||
    a.id.localeCompare(b.id)
  );
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

/** Replaces each raw value with its redacted form wherever it occurs in a string. */
function redactValues(secrets: Secret[]): (s: string) => string {
  const pairs = secrets.map((x) => [x.reveal(), x.redacted] as const).filter(([raw]) => raw.length >= 4);
  return (s) => {
    let out = s;
    for (const [raw, redacted] of pairs) if (out.includes(raw)) out = out.split(raw).join(redacted);
    return out;
  };
}

const secretsOf = (f: Finding): Secret[] => [f.credential.secret, ...Object.values(f.credential.parts)];

/**
 * A finding as the report shows it: every string cleaned of control characters (sanitize.ts),
 * the credential's own raw values replaced wherever they appear (a token in a file name, a
 * provider message that echoes it), and the places (paths, sections) and the provider's reason
 * passed through the detector as well: a file name can hold another token.
 */
function reportFinding(f: Finding): ReportFinding {
  const own = redactValues(secretsOf(f));
  const rf = cleanDeep(toReportFinding(f), own);
  rf.locations = rf.locations.map((l) => ({
    ...l,
    path: redactSecretsIn(l.path),
    ...(l.section !== undefined ? { section: redactSecretsIn(l.section) } : {}),
  }));
  rf.verificationReason = redactSecretsIn(rf.verificationReason);
  return rf;
}

export function buildReport(input: ReportInput, version: string, now = new Date()): Report {
  // Notes name paths and rules: any credential found, and anything the detector recognises, is redacted.
  const allSecrets = redactValues(input.findings.flatMap(secretsOf));
  const external = (s: string) => redactSecretsIn(allSecrets(s));
  const findings = input.findings.map(reportFinding).sort(byUrgency);
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of findings) bySeverity[f.severity]++;
  return {
    tool: { name: 'tokenscope', version },
    target: cleanDeep(input.target, external),
    generatedAt: now.toISOString(),
    endpoints: cleanDeep(Object.fromEntries(Object.entries(input.endpoints).map(([k, v]) => [k, v.href]))),
    summary: {
      credentials: findings.length,
      bySeverity,
      failOn: input.failOn,
      failing: findings.filter((f) => rank(f.severity) <= rank(input.failOn)).length,
      ...(input.baselineSuppressed !== undefined ? { baselineSuppressed: input.baselineSuppressed } : {}),
      ...(input.headline ? { headline: cleanDeep(input.headline) } : {}),
    },
    findings,
    notes: cleanDeep(input.notes, (s) => clipLongRuns(external(s))),
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
