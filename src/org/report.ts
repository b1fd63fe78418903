import { breadthOf } from '../assess/breadth.js';
import { exposureOf } from '../assess/exposure.js';
import { rank, worst } from '../assess/severity.js';
import { SEVERITIES, type Location, type Severity, type Verification } from '../core/types.js';
import { byUrgency, type Report } from '../report/model.js';
import type { RunOutcome } from './state.js';
import type { OrgFinding, OrgReport, RepoSection } from './types.js';

const DAY_MS = 86_400_000;

/** The repository a location belongs to: its path's first segment (org paths are `repo/path`). */
export const repoOf = (l: Location): string => l.path.slice(0, Math.max(0, l.path.indexOf('/')));

const locationKey = (l: Location) => `${l.path}\0${String(l.line).padStart(9, '0')}\0${l.source}\0${l.commit ?? ''}`;

/** Locations in one stable order, each once: the same places give the same report, sharded or not. */
function normalizeLocations(locations: Location[]): Location[] {
  const byKey = new Map<string, Location>();
  for (const l of locations) if (!byKey.has(locationKey(l))) byKey.set(locationKey(l), l);
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, l]) => l);
}

function sortFindings(findings: OrgFinding[]): OrgFinding[] {
  return findings.sort(byUrgency);
}

function summarize(findings: OrgFinding[], failOn: Severity): Report['summary'] {
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of findings) bySeverity[f.severity]++;
  return {
    credentials: findings.length,
    bySeverity,
    failOn,
    failing: findings.filter((f) => rank(f.severity) <= rank(failOn)).length,
  };
}

/** Each finding names its repositories, and each repository section lists its findings. */
function crossLink(findings: OrgFinding[], sections: RepoSection[]): void {
  const byName = new Map(sections.map((s) => [s.name, s]));
  for (const s of sections) s.findings = [];
  for (const f of findings) {
    f.locations = normalizeLocations(f.locations);
    f.repositories = [...new Set(f.locations.map(repoOf))].filter((r) => byName.has(r)).sort();
    for (const r of f.repositories) byName.get(r)!.findings.push(f.id);
  }
  for (const s of sections) s.findings.sort();
}

export interface OrgReportInput {
  base: Report;
  org: string;
  shard: { index: number; total: number } | null;
  listed: number;
  sections: RepoSection[];
  inspections: Map<string, NonNullable<OrgFinding['inspection']>>;
}

/** The audit report of the org's repositories, with a section per repository (additive fields). */
export function toOrgReport(input: OrgReportInput): OrgReport {
  const findings = input.base.findings.map((f): OrgFinding => {
    const info = input.inspections.get(f.id);
    return { ...f, ...(info ? { inspection: info } : {}) };
  });
  const sections = [...input.sections].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  crossLink(findings, sections);
  return {
    ...input.base,
    findings,
    org: { name: input.org, shard: input.shard, repositoriesListed: input.listed },
    repositories: sections,
  };
}

/** What the state file said about this run: new, still open (and since when), fixed. */
export function withState(report: OrgReport, outcome: RunOutcome, now: Date): OrgReport {
  for (const f of report.findings) {
    const s = outcome.seen.get(f.id);
    if (!s) continue;
    f.state = s.state;
    f.firstSeen = s.firstSeen;
    f.openForDays = Math.floor((now.getTime() - Date.parse(s.firstSeen)) / DAY_MS);
  }
  report.state = outcome.section;
  return report;
}

const VERIFICATION_RANK: Verification[] = ['verified', 'invalid', 'error', 'unverified', 'skipped'];

/** Two shards' views of one credential: the more informative inspection, every place, every risk. */
function mergeFinding(a: OrgFinding, b: OrgFinding): OrgFinding {
  const [base, other] =
    VERIFICATION_RANK.indexOf(b.verification) < VERIFICATION_RANK.indexOf(a.verification) ? [b, a] : [a, b];
  const risks = [...base.risks];
  for (const r of other.risks) if (!risks.some((x) => x.id === r.id && x.message === r.message)) risks.push(r);
  const locations = [...base.locations, ...other.locations];
  return {
    ...base,
    locations,
    risks,
    severity: worst([base.severity, other.severity, ...risks.map((r) => r.severity)]),
    breadth: breadthOf(
      base.verification,
      risks.map((r) => r.id),
    ),
    exposure: exposureOf(locations),
  };
}

export class MergeError extends Error {}

/**
 * One report from the shards' reports: credentials deduplicated by id (locations and risks
 * united), every repository section, every note once, the summary counted again.
 */
export function mergeReports(reports: OrgReport[], failOn?: Severity): OrgReport {
  if (reports.length === 0) throw new MergeError('no reports to merge');
  const first = reports[0]!;
  const byId = new Map<string, OrgFinding>();
  const sections = new Map<string, RepoSection>();
  const notes: string[] = [];
  const endpoints: Record<string, string> = {};
  for (const r of reports) {
    if (r.tool?.name !== 'tokenscope' || !Array.isArray(r.findings))
      throw new MergeError('not a tokenscope JSON report');
    if (r.org && first.org && r.org.name !== first.org.name)
      throw new MergeError(`reports of different orgs: ${first.org.name} and ${r.org.name}`);
    for (const f of r.findings) {
      const seen = byId.get(f.id);
      byId.set(f.id, seen ? mergeFinding(seen, f) : structuredClone(f));
    }
    for (const s of r.repositories ?? []) {
      if (sections.has(s.name)) throw new MergeError(`repository ${s.name} is in two reports: shards overlap`);
      sections.set(s.name, structuredClone(s));
    }
    for (const n of r.notes ?? []) if (!notes.includes(n)) notes.push(n);
    Object.assign(endpoints, r.endpoints ?? {});
  }
  const findings = sortFindings([...byId.values()]);
  const sectionList = [...sections.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  crossLink(findings, sectionList);
  const shards = reports.map((r) => r.org?.shard).filter((s) => s !== null && s !== undefined);
  const total = shards[0]?.total;
  if (total !== undefined && reports.length !== total)
    notes.push(`merged ${reports.length} report(s) of a ${total}-shard plan: some shards are missing`);
  return {
    tool: first.tool,
    target: first.org ? `org:${first.org.name}` : first.target,
    generatedAt: new Date().toISOString(),
    endpoints,
    summary: summarize(findings, failOn ?? first.summary.failOn),
    findings,
    notes,
    ...(first.org
      ? { org: { name: first.org.name, shard: null, repositoriesListed: first.org.repositoriesListed } }
      : {}),
    repositories: sectionList,
  };
}
