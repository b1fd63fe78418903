/**
 * Commands that destroy something at a provider whatever credential they carry: the guard asks a
 * person before they run. Each pattern is anchored on a command word or a GraphQL mutation, so
 * `grep delete` or a file named `destroy.md` does not trip it.
 */
interface Pattern {
  re: RegExp;
  /** What would be destroyed, from the match. */
  what: (m: RegExpExecArray) => string;
}

const WORD = '(?:^|[\\s;&|()`$"\'])';

const PATTERNS: Pattern[] = [
  // A GraphQL mutation whose field deletes: volumeDelete, projectDelete, deleteRepository...
  {
    re: /\bmutation\b[^{}]{0,200}\{[^}]{0,2000}?\b([A-Za-z]{0,40}(?:Delete|Destroy|Remove|Purge|Wipe|Reset)|(?:delete|destroy|remove|purge)[A-Z][A-Za-z]{0,40})\s*\(/,
    what: (m) => `the GraphQL mutation ${m[1]}`,
  },
  // An HTTP DELETE from curl, wget, httpie or gh api.
  { re: /(?:-X|--request|--method)[\s=]*['"]?DELETE\b/, what: () => 'an HTTP DELETE request' },
  { re: new RegExp(`${WORD}(?:http|https|xh)\\s+DELETE\\s`), what: () => 'an HTTP DELETE request' },
  { re: /\bmethod\s*:\s*['"]DELETE['"]/, what: () => 'an HTTP DELETE request' },
  // Cloud and platform CLIs.
  {
    re: new RegExp(`${WORD}aws\\s[^;&|\\n]{0,200}?\\b((?:delete|terminate|remove|deregister|purge)-[a-z0-9-]{1,60})`),
    what: (m) => `aws ${m[1]}`,
  },
  { re: new RegExp(`${WORD}aws\\s+s3\\s+(rb|rm)\\b`), what: (m) => `aws s3 ${m[1]}` },
  {
    re: new RegExp(`${WORD}railway\\s+(down|delete|volume\\s+delete|environment\\s+delete)\\b`),
    what: (m) => `railway ${m[1]}`,
  },
  {
    re: new RegExp(`${WORD}(?:terraform|tofu)\\s+(?:[^;&|\\n]*\\s)?(destroy|apply\\s+[^;&|\\n]*-destroy)\\b`),
    what: () => 'terraform destroy',
  },
  { re: new RegExp(`${WORD}pulumi\\s+destroy\\b`), what: () => 'pulumi destroy' },
  { re: new RegExp(`${WORD}gh\\s+(repo\\s+delete|release\\s+delete|secret\\s+delete)\\b`), what: (m) => `gh ${m[1]}` },
  {
    re: new RegExp(
      `${WORD}(?:fly|flyctl)\\s+((?:apps|volumes?|machines?|postgres|secrets)\\s+(?:destroy|delete|unset)|destroy)\\b`,
    ),
    what: (m) => `fly ${m[1]}`,
  },
  {
    re: new RegExp(`${WORD}heroku\\s+((?:apps|addons):destroy|pg:reset|apps:delete)\\b`),
    what: (m) => `heroku ${m[1]}`,
  },
  {
    re: new RegExp(`${WORD}vercel\\s+(remove|rm|project\\s+rm|env\\s+rm|domains\\s+rm)\\b`),
    what: (m) => `vercel ${m[1]}`,
  },
  { re: new RegExp(`${WORD}netlify\\s+(sites:delete|env:unset)\\b`), what: (m) => `netlify ${m[1]}` },
  { re: new RegExp(`${WORD}doctl\\s+[a-z -]{0,60}?\\b(delete|rm)\\b`), what: () => 'doctl delete' },
  { re: new RegExp(`${WORD}gcloud\\s+[a-z -]{0,80}?\\b(delete)\\b`), what: () => 'gcloud delete' },
  { re: new RegExp(`${WORD}kubectl\\s+(delete)\\b`), what: () => 'kubectl delete' },
  {
    re: new RegExp(`${WORD}(?:supabase|neonctl|neon)\\s+(?:projects?|branches?|db)\\s+(delete|reset)\\b`),
    what: (m) => `a ${m[1]} of a database project`,
  },
  { re: new RegExp(`${WORD}(dropdb|dropuser)\\s`), what: (m) => m[1]! },
  {
    re: /\b(DROP\s+(?:DATABASE|SCHEMA|TABLE)|TRUNCATE\s+(?:TABLE\s+)?\w)/i,
    what: (m) => `SQL ${m[1]!.split(/\s+/).slice(0, 2).join(' ').toUpperCase()}`,
  },
  { re: /\b(FLUSHALL|FLUSHDB)\b/, what: (m) => `redis ${m[1]}` },
];

/** Longest text the patterns look at: a command is short; a huge one is cut, not scanned whole. */
const MAX_TEXT = 256 * 1024;

/** What the text would destroy, or undefined when no destructive pattern matches. */
export function destructiveOperation(text: string): string | undefined {
  const t = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
  for (const p of PATTERNS) {
    const m = p.re.exec(t);
    if (m) return p.what(m);
  }
  return undefined;
}
