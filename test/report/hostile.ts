import type { Report } from '../../src/report/model.js';

// Names a provider, a file path, a branch or a commit could carry: markup, script, attributes.
export const HOSTILE = [
  '<script>window.__pwned=1</script>',
  '"><img src=x onerror="window.__pwned=2">',
  "'><svg onload=window.__pwned=3>",
  '</title><iframe src="javascript:alert(1)">',
  `\`\${alert(1)}\``,
  '\u001b[2J::error::x',
];

export function hostileReport(): Report {
  const h = (i: number) => HOSTILE[i % HOSTILE.length]!;
  return {
    tool: { name: 'tokenscope', version: h(0) },
    target: h(1),
    generatedAt: '2026-12-01T00:00:00.000Z',
    endpoints: { railway: `https://example.test/${encodeURIComponent(h(2))}` },
    summary: {
      credentials: 1,
      bySeverity: { critical: 1, high: 0, medium: 0, low: 0, info: 0 },
      failOn: 'high',
      failing: 1,
      headline: h(3),
    },
    findings: [
      {
        id: 'abc',
        provider: h(0),
        kind: h(1),
        ruleId: 'r',
        secret: { redacted: h(2) },
        locations: [{ path: h(3), line: 1, source: 'history', commit: h(4) }],
        verification: 'verified',
        verificationReason: h(5),
        scope: {
          identity: h(0),
          tokenType: h(1),
          permissions: [],
          capabilities: [
            { action: 'delete', resource: `volume "${h(2)}"`, environment: 'production', production: true },
          ],
          reach: { projects: [h(3)], volumes: [`${h(3)}/production/${h(2)}`], [h(1)]: [h(4)] },
          expiresAt: null,
          unknowns: [],
        },
        risks: [{ id: h(4), severity: 'critical', message: h(5) }],
        severity: 'critical',
        breadth: 'broad',
        exposure: 'committed',
        remediation: h(0),
      },
    ],
    notes: [h(1), h(2)],
  };
}
