import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { assess } from '../../src/assess/assess.js';
import { RISK_CLASSES } from '../../src/assess/breadth.js';
import { DEFAULT_POLICY, type Policy } from '../../src/assess/policy.js';
import type { Provider } from '../../src/core/provider.js';
import {
  type Finding,
  type RiskSignal,
  SEVERITIES,
  SOURCE_LABELS,
  type Severity,
  type SourceLabel,
} from '../../src/core/types.js';
import { credentialAt, inspectionOf } from './fixtures.js';

/** Every TypeScript file under a directory. */
function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/**
 * The risk ids raised anywhere in the code: a risk is written `{ id: '…', severity: … }` or
 * `{ id: '…', severity, … }` (the RiskSignal shape), whichever file raises it. Read from the source, not from the table, so a
 * provider added later with a new risk is caught here even if nobody thought of the table.
 */
const RAISED = new Map<string, string[]>();
const READ: string[] = [];
for (const file of [...tsFiles('providers'), ...tsFiles('src')]) {
  const text = readFileSync(file, 'utf8');
  READ.push(relative('.', file));
  const idFirst = /\bid:\s*'([a-z0-9]+(?:-[a-z0-9]+)*)',\s*(?:\/\/[^\n]*\n\s*)*severity\b\s*[:,}]/g;
  const severityFirst = /\bseverity\b[^{}]{0,200}?\bid:\s*'([a-z0-9]+(?:-[a-z0-9]+)*)'/g;
  for (const m of [...text.matchAll(idFirst), ...text.matchAll(severityFirst)]) {
    RAISED.set(m[1]!, [...(RAISED.get(m[1]!) ?? []), relative('.', file)]);
  }
}

describe('the breadth table (src/assess/breadth.ts) classifies every risk id', () => {
  it('reads the risks every provider and source raises', () => {
    // The ids the issue names, found where they are raised: the scan itself works.
    for (const id of ['destructive-production-access', 'org-admin', 'admin', 'db-superuser', 'removed-but-in-history'])
      expect(RAISED.has(id)).toBe(true);
    expect(READ).toEqual(expect.arrayContaining(['providers/github/risks.ts', 'src/assess/assess.ts']));
  });

  it('has every raised id: a provider that raises an unclassified risk fails here', () => {
    const missing = [...RAISED].filter(([id]) => !(id in RISK_CLASSES)).map(([id, files]) => `${id} (${files[0]})`);
    expect(missing).toEqual([]);
  });

  it('has no id that nothing raises (a typo would leave the real one unclassified)', () => {
    expect(Object.keys(RISK_CLASSES).filter((id) => !RAISED.has(id))).toEqual([]);
  });

  it('calls broad exactly the risks that destroy or administer', () => {
    const broad = Object.entries(RISK_CLASSES)
      .filter(([, c]) => c === 'broad')
      .map(([id]) => id)
      .sort();
    expect(broad).toEqual(
      [
        // The list
        'destructive-production-access',
        'destructive-data-access',
        'admin',
        'org-admin',
        'can-delete-repos',
        'privilege-escalation',
        'account-wide-token',
        'cross-environment',
        // and their kin: a site administrator, an AWS root key, a Postgres superuser, a role that
        // can drop tables or databases, one that can create roles; an account token's intent mismatch
        'site-admin',
        'root-key',
        'db-superuser',
        'db-can-destroy',
        'db-can-create-roles',
        'intent-mismatch',
        // a token that can rewrite the DNS of a live production zone takes the site over
        'dns-takeover',
        // a Supabase project key reads, changes and deletes every row past row-level security
        'bypasses-row-level-security',
        // a live Stripe secret key refunds, pays out and transfers money: unrecoverable
        'can-move-money',
      ].sort(),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// The ordering, as a property over every classified risk id and every severity a provider could
// suggest for it.

const BROAD = Object.entries(RISK_CLASSES)
  .filter(([, c]) => c === 'broad')
  .map(([id]) => id);
/** Risks a provider raises that are not broad (tokenscope's own place risks are not raised by providers). */
const NARROW = Object.entries(RISK_CLASSES)
  .filter(([, c]) => c === 'write' || c === 'read' || c === 'hygiene')
  .map(([id]) => id);

const rankOf = (s: Severity) => SEVERITIES.indexOf(s); // 0 = critical

/** A provider that raises exactly the given signals, as a real one does after a verified inspection. */
function providerRaising(signals: RiskSignal[]): Provider {
  return { id: 'p', name: 'P', docsUrl: 'https://example.invalid', rules: [], assess: () => signals };
}

function liveFinding(sources: SourceLabel[], signals: RiskSignal[], policy: Policy = DEFAULT_POLICY): Finding {
  return assess(credentialAt(sources), inspectionOf('verified'), providerRaising(signals), policy);
}

const severity = fc.constantFrom(...SEVERITIES);
const signal = (ids: string[]) =>
  fc.record({ id: fc.constantFrom(...ids), severity, message: fc.constant('m') }) as fc.Arbitrary<RiskSignal>;
const places = fc.uniqueArray(fc.constantFrom(...SOURCE_LABELS), { minLength: 1, maxLength: 3 });

describe('severity separates broad from narrow', () => {
  it('exhaustively: one broad risk at any suggested severity outranks any one narrow risk (or none) in the same place', () => {
    let pairs = 0;
    for (const source of SOURCE_LABELS) {
      for (const b of BROAD) {
        for (const bs of SEVERITIES) {
          const broad = liveFinding([source], [{ id: b, severity: bs, message: 'm' }]);
          const narrowFindings = [
            liveFinding([source], []),
            ...NARROW.flatMap((n) =>
              SEVERITIES.map((ns) => liveFinding([source], [{ id: n, severity: ns, message: 'm' }])),
            ),
          ];
          for (const narrow of narrowFindings) {
            pairs++;
            if (!(rankOf(broad.severity) < rankOf(narrow.severity))) {
              throw new Error(
                `${source}: ${b}@${bs} is ${broad.severity}, not above ${narrow.risks.map((r) => r.id).join('+') || 'nothing'} at ${narrow.severity}`,
              );
            }
          }
        }
      }
    }
    expect(pairs).toBe(
      SOURCE_LABELS.length * BROAD.length * SEVERITIES.length * (1 + NARROW.length * SEVERITIES.length),
    );
  });

  it('for any mix: a finding with a broad risk outranks one with none, wherever both were found', () => {
    fc.assert(
      fc.property(
        places,
        fc.array(signal(BROAD), { minLength: 1, maxLength: 3 }),
        fc.array(signal(NARROW), { maxLength: 4 }),
        fc.array(signal(NARROW), { maxLength: 4 }),
        (where, broadRisks, alsoNarrow, narrowRisks) => {
          const broad = liveFinding(where, [...broadRisks, ...alsoNarrow]);
          const narrow = liveFinding(where, narrowRisks);
          return rankOf(broad.severity) < rankOf(narrow.severity);
        },
      ),
      { seed: 14, numRuns: 5_000 },
    );
  });

  it("the issue's two cases: an org admin that can delete repos vs a read-only token; production vs staging in a staging script", () => {
    for (const source of SOURCE_LABELS) {
      const orgAdmin = liveFinding(
        [source],
        [
          { id: 'org-admin', severity: 'high', message: 'administers acme (found outside it)' },
          { id: 'can-delete-repos', severity: 'high', message: 'm' },
          { id: 'workflow-write', severity: 'high', message: 'm' },
        ],
      );
      const readOnly = liveFinding([source], []);
      expect(rankOf(orgAdmin.severity)).toBeLessThan(rankOf(readOnly.severity));
      const production = liveFinding(
        [source],
        [
          { id: 'cross-environment', severity: 'high', message: 'm' },
          { id: 'reads-other-secrets', severity: 'medium', message: 'm' },
        ],
      );
      const staging = liveFinding([source], [{ id: 'reads-other-secrets', severity: 'medium', message: 'm' }]);
      expect(rankOf(production.severity)).toBeLessThan(rankOf(staging.severity));
    }
  });

  it('the policy still wins, either way', () => {
    const policy = {
      ...DEFAULT_POLICY,
      severities: { 'org-admin': 'low' as const, 'workflow-write': 'critical' as const },
    };
    const f = liveFinding(
      ['tracked'],
      [
        { id: 'org-admin', severity: 'high', message: 'm' },
        { id: 'workflow-write', severity: 'high', message: 'm' },
      ],
      policy,
    );
    expect(f.risks.map((r) => [r.id, r.severity])).toEqual([
      ['org-admin', 'low'],
      ['workflow-write', 'critical'],
      ['committed-live-credential', 'high'],
    ]);
  });
});
