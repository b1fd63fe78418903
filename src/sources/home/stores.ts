import { postgresUrl } from '../postgres-url.js';
import { gcloudAccessTokens, gcloudCredentials } from './gcloud-db.js';
import { iniSections } from './ini.js';
import { mavenSecrets } from './maven.js';
import { netrcEntries } from './netrc.js';
import { pgpassEntries } from './pgpass.js';
import { keyProtection } from './ssh.js';
import { type Leaf, leaves } from './tree.js';

/**
 * A value the store itself says is a credential (a `password`, a `token`), reported as one when
 * no rule recognises it: many of these (a PyPI or crates.io token, a Maven password, a kube
 * bearer token) have no provider of their own here, but an agent can read and use them.
 */
export interface StoreCredential {
  /** Who issued it, as a report shows it: `pypi`, `kubernetes`, `gcloud`. */
  provider: string;
  kind: string;
  /** The field it sits in. */
  name: string;
  value: string;
}

/** A piece of a credential store handed to the detector: raw or synthesized text, its line, its owner. */
export interface Piece {
  text: string;
  firstLine: number;
  /** The profile, host, registry or user the token belongs to. */
  section?: string;
  credential?: StoreCredential;
}

/** A well-known place where a tool keeps its login, and how to read it. */
export interface Store {
  /**
   * Relative to HOME, posix. A `*` in a folder segment matches one folder name (gcloud's
   * per-account folders); in the last segment, file names (`.ssh/id_*`).
   */
  path: string;
  /** Names the last segment's `*` must not match (`.pub`: public keys). */
  exclude?: RegExp;
  /** A text store, split into pieces (undefined: it did not parse; it is then scanned as plain text). */
  pieces?: (text: string, rel: string) => Piece[] | undefined;
  /** A binary store (SQLite): its pieces, or why it could not be read. */
  fromBytes?: (bytes: Buffer, rel: string) => Promise<Piece[] | string>;
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
    credential?: (keys: Array<string | number>) => Omit<StoreCredential, 'name' | 'value'> | undefined,
  ) =>
  (text: string): Piece[] | undefined => {
    const parsed = leaves(text);
    if (!parsed) return undefined;
    return parsed.leaves.flatMap((raw) => {
      const leaf = rewrite ? rewrite(raw) : raw;
      if (!leaf) return [];
      const section = owner(leaf.keys, parsed.root);
      const key = String(leaf.keys[leaf.keys.length - 1] ?? 'value');
      const cred = credential?.(leaf.keys);
      return [
        {
          text: `${key}: ${leaf.value}`,
          firstLine: leaf.line,
          ...(section ? { section } : {}),
          ...(cred ? { credential: { ...cred, name: key, value: leaf.value } } : {}),
        },
      ];
    });
  };

/** The last key of a leaf's path. */
const last = (keys: Array<string | number>) => String(keys[keys.length - 1]);

/** INI sections, with `fields` of each marked as credentials of `provider`. */
const iniWith =
  (provider: string, fields: Record<string, string>) =>
  (text: string): Piece[] =>
    iniSections(text).flatMap((s) =>
      s.text.split(/\r?\n/).flatMap((line, i): Piece[] => {
        const m = /^\s*([A-Za-z_][\w.-]*)\s*[=:]\s*(.*?)\s*$/.exec(line);
        const kind = m ? fields[m[1]!.toLowerCase()] : undefined;
        if (!m || !kind || !m[2]) return [];
        const value = m[2].replace(/^(["'])(.*)\1$/, '$2');
        return [
          {
            text: line,
            firstLine: s.firstLine + i,
            section: s.name,
            credential: { provider, kind, name: m[1]!, value },
          },
        ];
      }),
    );

/** A whole text file as one piece (shell history: every line is a command that may hold a token). */
const whole = (text: string): Piece[] => [{ text, firstLine: 1 }];

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

/**
 * cargo's credentials.toml: `[registry] token = "..."` for crates.io, `[registries.NAME] token`
 * for the others. TOML's sections and `key = "value"` lines are all this file uses.
 */
function cargo(text: string): Piece[] {
  return iniWith('cargo', { token: 'registry token' })(text).map((p) => {
    const name =
      p.section === 'registry' || p.section === 'default'
        ? 'crates.io'
        : (p.section ?? '').replace(/^registries\./, '');
    return {
      ...p,
      section: name,
      ...(p.credential
        ? { credential: { ...p.credential, provider: name === 'crates.io' ? 'crates.io' : 'cargo' } }
        : {}),
    };
  });
}

/** Google's OAuth refresh token (an `authorized_user` credential): no rule knows its shape. */
const gcloudRefresh = (keys: Array<string | number>) =>
  last(keys) === 'refresh_token' ? { provider: 'gcloud', kind: 'OAuth refresh token' } : undefined;

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
    pieces: tree(() => 'application-default', undefined, gcloudRefresh),
  },
  {
    path: '.config/gcloud/legacy_credentials/*/adc.json',
    pieces: (text, rel) => tree(() => rel.split('/')[3], undefined, gcloudRefresh)(text),
  },
  {
    path: '.config/gcloud/legacy_credentials/*/.boto',
    pieces: (text, rel) =>
      iniSections(text).map((s) => ({ text: s.text, firstLine: s.firstLine, section: rel.split('/')[3]! })),
  },
  // gcloud's own stores are SQLite databases, read in memory.
  { path: '.config/gcloud/credentials.db', fromBytes: gcloudCredentials },
  { path: '.config/gcloud/access_tokens.db', fromBytes: gcloudAccessTokens },
  {
    path: '.kube/config',
    pieces: tree(
      (keys, root) => {
        if (keys[0] === 'users' && typeof keys[1] === 'number') {
          const name = at(root, 'users', keys[1], 'name');
          return typeof name === 'string' ? `user ${name}` : undefined;
        }
        return undefined;
      },
      kubeData,
      (keys) =>
        keys[0] !== 'users'
          ? undefined
          : last(keys) === 'token'
            ? { provider: 'kubernetes', kind: 'bearer token' }
            : last(keys) === 'password'
              ? { provider: 'kubernetes', kind: 'password' }
              : undefined,
    ),
  },
  // SSH private keys: found by the key rules; each is labelled with whether it needs a passphrase.
  {
    path: '.ssh/id_*',
    exclude: /\.pub$|-cert$/,
    pieces: (text) => [{ text, firstLine: 1, section: keyProtection(text) ?? 'not a key format tokenscope reads' }],
  },
  {
    path: '.pgpass',
    pieces: (text) =>
      pgpassEntries(text).map((e) => ({
        text: postgresUrl(e),
        firstLine: e.line,
        section: `${e.user}@${e.host}:${e.port}/${e.database}`,
      })),
  },
  // Shell history: a token typed on a command line (`export GITHUB_TOKEN=...`, `curl -H ...`) stays there.
  { path: '.bash_history', pieces: whole },
  { path: '.zsh_history', pieces: whole },
  { path: '.sh_history', pieces: whole },
  { path: '.local/share/fish/fish_history', pieces: whole },
  { path: '.pypirc', pieces: iniWith('pypi', { password: 'upload password or token' }) },
  { path: '.cargo/credentials.toml', pieces: cargo },
  { path: '.cargo/credentials', pieces: cargo },
  {
    path: '.terraform.d/credentials.tfrc.json',
    pieces: tree(
      (keys) => (keys[0] === 'credentials' ? String(keys[1]) : undefined),
      undefined,
      (keys) => (last(keys) === 'token' ? { provider: 'terraform', kind: 'API token' } : undefined),
    ),
  },
  {
    path: '.m2/settings.xml',
    pieces: (text) =>
      mavenSecrets(text).map((s) => ({
        text: `${s.field}: ${s.value}`,
        firstLine: s.line,
        section: s.server,
        credential: {
          provider: 'maven',
          kind: /^\{.*\}$/.test(s.value) ? `${s.field} (encrypted with the master password)` : s.field,
          name: s.field,
          value: s.value,
        },
      })),
  },
  // Other CLIs' logins, found by their providers' rules.
  {
    path: '.config/glab-cli/config.yml',
    pieces: tree((keys) => (keys[0] === 'hosts' ? String(keys[1]) : undefined)),
  },
  { path: '.config/hub', pieces: tree((keys) => String(keys[0])) },
  { path: '.cache/huggingface/token', pieces: whole },
  { path: '.huggingface/token', pieces: whole },
  {
    path: '.config/doctl/config.yaml',
    pieces: tree((keys) => (keys[0] === 'auth-contexts' ? String(keys[1]) : 'default')),
  },
  { path: '.config/stripe/config.toml', pieces: ini },
  {
    path: '.vault-token',
    pieces: (text) => {
      const value = text.trim();
      return [{ text, firstLine: 1, credential: { provider: 'vault', kind: 'token', name: 'token', value } }];
    },
  },
  {
    path: '.azure/msal_token_cache.json',
    pieces: tree(
      (keys, root) => {
        const entry = at(root, keys[0]!, keys[1]!);
        const user = at(entry, 'username') ?? at(entry, 'home_account_id');
        return typeof user === 'string' ? user : String(keys[0]);
      },
      undefined,
      (keys) =>
        last(keys) !== 'secret'
          ? undefined
          : keys[0] === 'RefreshToken'
            ? { provider: 'azure', kind: 'refresh token' }
            : keys[0] === 'AccessToken'
              ? { provider: 'azure', kind: 'access token' }
              : undefined,
    ),
  },
  {
    path: '.azure/accessTokens.json',
    pieces: tree(
      (keys, root) => {
        const user = at(root, keys[0]!, 'userId');
        return typeof user === 'string' ? user : undefined;
      },
      undefined,
      (keys) =>
        last(keys) === 'refreshToken'
          ? { provider: 'azure', kind: 'refresh token' }
          : last(keys) === 'accessToken'
            ? { provider: 'azure', kind: 'access token' }
            : undefined,
    ),
  },
  {
    path: '.azure/service_principal_entries.json',
    pieces: tree(
      (keys, root) => {
        const id = at(root, keys[0]!, 'client_id') ?? at(root, keys[0]!, 'servicePrincipalId');
        return typeof id === 'string' ? `service principal ${id}` : undefined;
      },
      undefined,
      (keys) =>
        /^(client_secret|accessToken)$/.test(last(keys)) ? { provider: 'azure', kind: 'client secret' } : undefined,
    ),
  },
];
