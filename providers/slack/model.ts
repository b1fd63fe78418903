/** What the Slack inspector learns, kept in Scope.facts.slack for the risks and the remediation. */
export const TOKEN_DOCS_URL = 'https://api.slack.com/authentication/token-types';
export const BOT_TOKEN_DOCS_URL = 'https://api.slack.com/authentication/token-types#bot';

export type SlackKind = 'bot token' | 'user token' | 'app-level token' | 'legacy token';

export interface SlackFacts {
  kind: SlackKind;
  team: string;
  teamId: string;
  /** Set on Enterprise Grid. */
  enterpriseId?: string;
  /** Installed org-wide on an Enterprise Grid. */
  enterpriseInstall: boolean;
  scopes: string[];
  /** The role of the user behind a user token: `primary owner`, `owner`, `admin`, `member`, or unknown. */
  role?: 'primary owner' | 'owner' | 'admin' | 'member';
  /** auth.test's `expires_in`: a rotating token. */
  expiresInSeconds?: number;
}

export function slackFacts(facts: Record<string, unknown> | undefined): SlackFacts | undefined {
  return facts?.slack as SlackFacts | undefined;
}

/** `admin`, `admin.users:write`... (Enterprise Grid's admin API, and the legacy `admin` scope). */
export const adminScopes = (f: SlackFacts) => f.scopes.filter((s) => s === 'admin' || s.startsWith('admin.'));

/** Direct and group messages, and private channels' history (legacy `read` and `client` read everything). */
const PRIVATE_READS = ['im:history', 'mpim:history', 'groups:history', 'read', 'client'];
export const privateReads = (f: SlackFacts) => f.scopes.filter((s) => PRIVATE_READS.includes(s));

/** A user token that posts: its messages appear as that person. */
const POSTS = ['chat:write', 'chat:write:user', 'post', 'client'];
export const postsAsUser = (f: SlackFacts) => f.kind === 'user token' && f.scopes.some((s) => POSTS.includes(s));

export const isOwnerOrAdmin = (f: SlackFacts) => f.role !== undefined && f.role !== 'member';
export const writes = (f: SlackFacts) => f.scopes.some((s) => /:write|^admin|^post$|^client$/.test(s));
