/** What a GitHub token is, read from its prefix: it decides which read-only questions make sense. */
export type GithubTokenKind =
  | 'classic'
  | 'fine-grained'
  | 'oauth'
  | 'app-user'
  | 'installation'
  | 'refresh'
  | 'unknown';

const PREFIXES: [string, GithubTokenKind][] = [
  ['github_pat_', 'fine-grained'],
  ['ghp_', 'classic'],
  ['gho_', 'oauth'],
  ['ghu_', 'app-user'],
  ['ghs_', 'installation'],
  ['ghr_', 'refresh'],
];

export function tokenKind(raw: string): GithubTokenKind {
  return PREFIXES.find(([p]) => raw.startsWith(p))?.[1] ?? 'unknown';
}

/** The name a report shows for each kind. */
export const KIND_LABEL: Record<GithubTokenKind, string> = {
  classic: 'personal access token (classic)',
  'fine-grained': 'fine-grained personal access token',
  oauth: 'OAuth app token',
  'app-user': 'GitHub App user-to-server token',
  installation: 'GitHub App installation token',
  refresh: 'refresh token',
  unknown: 'token of an unknown format',
};

/** Personal access tokens: the kinds a user creates by hand and may leave without an expiry. */
export function isPersonalAccessToken(kind: GithubTokenKind): boolean {
  return kind === 'classic' || kind === 'fine-grained';
}
