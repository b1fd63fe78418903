import type { Report, ReportFinding } from '../report/model.js';

/** One repository of the org, as the listing API describes it (only what the scan needs). */
export interface OrgRepo {
  /** The short name: unique within the org, never contains '/'; report paths start with it. */
  name: string;
  fullName: string;
  cloneUrl: string;
  defaultBranch: string;
  /** Kilobytes, as GitHub counts them: what shards are balanced by. */
  size: number;
  archived: boolean;
  fork: boolean;
}

export type RepoStatus = 'scanned' | 'unreachable' | 'empty';

/** One repository's section of the org report. */
export interface RepoSection {
  name: string;
  fullName: string;
  defaultBranch: string;
  size: number;
  status: RepoStatus;
  /** Why a repository was not scanned (a one-line, token-free git complaint). */
  reason?: string;
  /** The commit of the default branch that was scanned. */
  head?: string;
  /** Ids of the findings with at least one location in this repository. */
  findings: string[];
}

/** Where a finding stands against the previous runs kept in the state file. */
export type FindingState = 'new' | 'open';

export interface OrgFinding extends ReportFinding {
  /** The repositories holding it (its locations' paths start with these names). */
  repositories?: string[];
  /** Set when a state file was used: new this run, or open since firstSeen. */
  state?: FindingState;
  firstSeen?: string;
  openForDays?: number;
  /** When the provider was asked, whether this run reused that answer, and which risks it raised. */
  inspection?: { at: string; fromCache: boolean; providerRisks: string[] };
}

export interface ResolvedCredential {
  id: string;
  provider: string;
  kind: string;
  secret: { redacted: string };
  firstSeen: string;
  lastSeen: string;
  repositories: string[];
}

export interface StateSection {
  /** When the previous recorded run finished; null on the first run. */
  previousRun: string | null;
  new: string[];
  open: string[];
  resolved: ResolvedCredential[];
}

/** The JSON report of an org scan: the audit report plus additive, optional sections. */
export interface OrgReport extends Report {
  findings: OrgFinding[];
  org?: { name: string; shard: { index: number; total: number } | null; repositoriesListed: number };
  repositories?: RepoSection[];
  state?: StateSection;
}
