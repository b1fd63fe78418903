import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { RuleSpec } from '../core/rule.js';
import type { Severity } from '../core/types.js';
import { blastRadius, type Report } from './model.js';
import { cleanText } from './sanitize.js';

const LEVEL: Record<Severity, Result.level> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};
/** GitHub code scanning reads `security-severity` (0-10) to rank security alerts. */
const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  info: '1.0',
};

const ORDER: Severity[] = ['info', 'low', 'medium', 'high', 'critical'];

/**
 * Where a location is, when it is not a file in the repository's tree: code scanning shows a result
 * at a path of the checked-out commit, so these say so in the message a reviewer reads.
 */
function outsideTree(loc: Report['findings'][number]['locations'][number]): string | undefined {
  if (loc.source === 'history')
    return `[in git history only${loc.commit ? `, commit ${loc.commit.slice(0, 12)}` : ''}: not in the checked-out files] `;
  if (loc.source === 'ignored') return '[in a gitignored file: not in the repository] ';
  return undefined;
}

/** SARIF 2.1.0: one result per location, rule metadata, the fingerprint in partialFingerprints. */
export function renderSarif(report: Report, rules: RuleSpec[]): string {
  const used = new Set(report.findings.map((f) => f.ruleId));
  // GitHub code scanning reads a rule's security-severity from the rule: the worst of its findings here.
  const worst = new Map<string, Severity>();
  for (const f of report.findings) {
    const seen = worst.get(f.ruleId);
    if (!seen || ORDER.indexOf(f.severity) > ORDER.indexOf(seen)) worst.set(f.ruleId, f.severity);
  }
  // A config rule's words come from the config file, which may be the scanned repository's.
  const descriptors: ReportingDescriptor[] = rules
    .filter((r) => used.has(r.id))
    .map((r) => ({
      ...r,
      description: cleanText(r.description),
      provider: cleanText(r.provider),
      kind: cleanText(r.kind),
    }))
    .map((r) => ({
      id: r.id,
      name: r.id.replace(/(^|-)([a-z0-9])/g, (_m, _d, c: string) => c.toUpperCase()),
      shortDescription: { text: r.description },
      fullDescription: { text: `${r.description}. Provider: ${r.provider}; token kind: ${r.kind}.` },
      properties: {
        tags: ['security', 'secret', r.provider],
        'security-severity': SECURITY_SEVERITY[worst.get(r.id) ?? 'medium'],
      },
    }));
  const index = new Map(descriptors.map((d, i) => [d.id, i]));
  const results: Result[] = [];
  for (const f of report.findings) {
    for (const loc of f.locations) {
      const outside = outsideTree(loc);
      const text = `${outside ?? ''}${f.provider} ${f.kind} ${f.secret.redacted} (${f.verification}): ${blastRadius(f)}. ${f.remediation}`;
      const result: Result = {
        ruleId: f.ruleId,
        level: LEVEL[f.severity],
        message: { text },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: encodeURI(loc.path) },
              region: { startLine: Math.max(1, loc.line), ...(loc.column ? { startColumn: loc.column } : {}) },
            },
          },
        ],
        partialFingerprints: { 'tokenscope/credential/v1': f.id },
        properties: {
          'security-severity': SECURITY_SEVERITY[f.severity],
          severity: f.severity,
          source: loc.source,
          inRepositoryTree: outside === undefined,
          ...(loc.commit ? { commit: loc.commit } : {}),
          ...(loc.section ? { section: loc.section } : {}),
          risks: f.risks.map((r) => r.id),
        },
      };
      const ri = index.get(f.ruleId);
      if (ri !== undefined) result.ruleIndex = ri;
      results.push(result);
    }
  }
  const log: Log = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {
          driver: {
            name: 'tokenscope',
            version: report.tool.version,
            rules: descriptors,
          },
        },
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
