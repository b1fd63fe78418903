import { iniSections } from './ini.js';
import { netrcEntries } from './netrc.js';
import { type Leaf, leaves } from './tree.js';

/** A piece of a credential store handed to the detector: raw or synthesized text, its line, its owner. */
export interface Piece {
  text: string;
  firstLine: number;
  /** The profile, host, registry or user the token belongs to. */
  section?: string;
}

/** A well-known place where a tool keeps its login, and how to read it. */
export interface Store {
  /** Relative to HOME, posix; `*` matches one folder name (gcloud's per-account folders). */
  path: string;
  /** undefined: the file is not text we can read (a database); noted when present. */
  pieces?: (text: string, rel: string) => Piece[] | undefined;
}

const ini = (text: string): Piece[] =>
  iniSections(text).map((s) => ({ text: s.text, firstLine: s.firstLine, section: s.name }));

/** One piece per non-comment line, attributed by `owner`. */
const byLine =
  (owner: (line: string) => string | undefined) =>
  (text: string): Piece[] =>
    text.split(/\r?\n/).flatMap((line, i) => {
      if (!line.trim() || /^\s*[#;]/.test(line)) return [];
      const section = owner(line);
      return [{ text: line, firstLine: i + 1, ...(section ? { section } : {}) }];
    });

const urlHost = (line: string) => {
  try {
    return new URL(line.trim()).host || undefined;
  } catch {
    return undefined;
  }
};

/**
 * Every string leaf as `key: value` at its line, so rules that read a name still see one,
 * attributed by `owner(leaf.keys, root)`. `rewrite` may change a leaf first (decode it).
 */
const tree =
  (
    owner: (keys: Array<string | number>, root: unknown) => string | undefined,
    rewrite?: (leaf: Leaf) => Leaf | undefined,
  ) =>
  (text: string): Piece[] | undefined => {
    const parsed = leaves(text);
    if (!parsed) return undefined;
    return parsed.leaves.flatMap((raw) => {
      const leaf = rewrite ? rewrite(raw) : raw;
      if (!leaf) return [];
      const section = owner(leaf.keys, parsed.root);
      const key = String(leaf.keys[leaf.keys.length - 1] ?? 'value');
      return [{ text: `${key}: ${leaf.value}`, firstLine: leaf.line, ...(section ? { section } : {}) }];
    });
  };

const at = (root: unknown, ...keys: Array<string | number>): unknown =>
  keys.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), root);

const base64 = (s: string) => Buffer.from(s, 'base64').toString('utf8');

/** Docker's `auth` is base64 of `user:password`: the password is the token. */
function dockerAuth(leaf: Leaf): Leaf | undefined {
  if (leaf.keys[leaf.keys.length - 1] !== 'auth') return leaf;
  const decoded = base64(leaf.value);
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { ...leaf, keys: [...leaf.keys.slice(0, -1), 'password'], value: decoded.slice(colon + 1) };
}

/** kubeconfig's `client-key-data` is a base64 PEM private key. */
function kubeData(leaf: Leaf): Leaf | undefined {
  const key = String(leaf.keys[leaf.keys.length - 1]);
  if (key === 'client-key-data') return { ...leaf, value: base64(leaf.value) };
  // Certificates are public; their base64 would only be noise.
  if (key.endsWith('certificate-data')) return undefined;
  return leaf;
}

/**
 * Railway's CLI keeps its login under `user` (the account token it reads as RAILWAY_API_TOKEN).
 * Everything else in the file is project, environment and service ids: UUIDs too, and the rule
 * treats any UUID in this file as a token, so only the login is handed to the detector.
 */
function railwayLogin(leaf: Leaf): Leaf | undefined {
  if (leaf.keys[0] !== 'user') return undefined;
  return /token/i.test(String(leaf.keys[leaf.keys.length - 1])) ? { ...leaf, keys: ['RAILWAY_API_TOKEN'] } : leaf;
}

export const STORES: Store[] = [
  { path: '.aws/credentials', pieces: ini },
  { path: '.aws/config', pieces: ini },
  {
    path: '.railway/config.json',
    pieces: tree(() => 'user', railwayLogin),
  },
  {
    path: '.config/gh/hosts.yml',
    pieces: tree((keys, root) => {
      const host = String(keys[0]);
      const user = keys[1] === 'users' ? String(keys[2]) : at(root, host, 'user');
      return typeof user === 'string' ? `${host} (${user})` : host;
    }),
  },
  { path: '.git-credentials', pieces: byLine(urlHost) },
  {
    path: '.netrc',
    pieces: (text) => netrcEntries(text).map((e) => ({ text: e.text, firstLine: e.firstLine, section: e.host })),
  },
  {
    path: '.npmrc',
    pieces: byLine(
      (line) => /^\s*\/\/([^/:]+)/.exec(line)?.[1] ?? (/_auth/i.test(line) ? 'default registry' : undefined),
    ),
  },
  {
    path: '.docker/config.json',
    pieces: tree((keys) => (keys[0] === 'auths' ? String(keys[1]) : String(keys[0])), dockerAuth),
  },
  {
    path: '.config/gcloud/application_default_credentials.json',
    pieces: tree(() => 'application-default'),
  },
  { path: '.config/gcloud/legacy_credentials/*/adc.json', pieces: (text, rel) => tree(() => rel.split('/')[3])(text) },
  {
    path: '.config/gcloud/legacy_credentials/*/.boto',
    pieces: (text, rel) =>
      iniSections(text).map((s) => ({ text: s.text, firstLine: s.firstLine, section: rel.split('/')[3]! })),
  },
  // gcloud's own stores are SQLite databases: noted when present, not parsed.
  { path: '.config/gcloud/credentials.db' },
  { path: '.config/gcloud/access_tokens.db' },
  {
    path: '.kube/config',
    pieces: tree((keys, root) => {
      if (keys[0] === 'users' && typeof keys[1] === 'number') {
        const name = at(root, 'users', keys[1], 'name');
        return typeof name === 'string' ? `user ${name}` : undefined;
      }
      return undefined;
    }, kubeData),
  },
];
