import { isPlaceholder } from '../../src/core/placeholders.js';
import type { RuleSpec } from '../../src/core/rule.js';
import type { Credential, Scope } from '../../src/core/types.js';

export const SA_KEY_DOCS_URL = 'https://cloud.google.com/iam/docs/best-practices-for-managing-service-account-keys';
export const WIF_DOCS_URL = 'https://cloud.google.com/iam/docs/workload-identity-federation';

/** The fields of a service-account key tokenscope reads offline (never the private key itself). */
export interface ServiceAccountKey {
  clientEmail: string;
  projectId: string;
  keyId: string;
}

/**
 * The key file's JSON object, from the text matched: as written in a file or a YAML value, or
 * inlined in a variable with its quotes escaped (`{\"type\": ...}`). Undefined when it is not a
 * service-account key with a private key and an email.
 */
export function parseServiceAccountKey(text: string): ServiceAccountKey | undefined {
  const k = keyObject(text);
  if (!k) return undefined;
  return {
    clientEmail: k.client_email as string,
    projectId: typeof k.project_id === 'string' ? k.project_id : '',
    keyId: typeof k.private_key_id === 'string' ? k.private_key_id : '',
  };
}

/**
 * A service-account key as the rule accepts it: a key object whose private key is not a
 * placeholder (`YOUR_PRIVATE_KEY`, `...`); its project and account names may be any words.
 */
export function isServiceAccountKey(text: string): boolean {
  if (!parseServiceAccountKey(text)) return false;
  const body = (privateKeyPem(text) ?? '').replace(/-----[A-Z ]+-----/g, '').replace(/\\n|\s/g, '');
  return body.length > 0 && !isPlaceholder(body);
}

/** The PEM private key of a service-account key: for signing the token request, never for output. */
export function privateKeyPem(text: string): string | undefined {
  return keyObject(text)?.private_key as string | undefined;
}

function keyObject(text: string): Record<string, unknown> | undefined {
  for (const candidate of [text, unescapeOnce(text)]) {
    if (candidate === undefined) continue;
    let o: unknown;
    try {
      o = JSON.parse(candidate);
    } catch {
      continue;
    }
    if (typeof o !== 'object' || o === null) continue;
    const k = o as Record<string, unknown>;
    if (k.type !== 'service_account') continue;
    const pem = k.private_key;
    // A real key is a PEM of over a thousand characters: "..." and "<your key>" are placeholders.
    if (typeof pem !== 'string' || !pem.includes('PRIVATE KEY-----') || pem.length < 300) continue;
    if (typeof k.client_email !== 'string' || !k.client_email.includes('@')) continue;
    return k;
  }
  return undefined;
}

/** `{\"a\": 1}` as a JSON string's content becomes `{"a": 1}`. */
function unescapeOnce(text: string): string | undefined {
  if (!text.includes('\\"')) return undefined;
  try {
    return JSON.parse(`"${text}"`) as string;
  } catch {
    return undefined;
  }
}

const PEM =
  '-----BEGIN PRIVATE KEY-----\\nk5298aOFdKws7DDBQtn/4A4hw4C2IRoMxFc95As9H7UkKR53SycmURFhl3BVqZxp\\nfrVcfqi0/4JeoEad77tcoBEmucmxKMRainlsN+fuFHr3E20+KpoaO1KTMqSWEwZ4\\nvsEqFFa+cei72bB1L9HlwWcEXPNX/sg0dUejBxJonnSBEKSX1hSSVE5WpGisbFx7\\ngaQIIK+J/evCIgGFsSXlnisyBxUuQ21zUc5NlKmQI6+QGQwCbs6z/0Hn5UTcOdi1\\nJn1tCx1G8/uaw7aAhhjiK0x0CUb8Ux8aHcXnN6aCKB0DaEnW9ElrJHkl8Yvtzbzd\\ndmUiKudn8LUcgE1p2jYFPwgD/4oRGwvLgon9iGB6/LzW4riotcFmYTZjrWjpQH7L\\nYTC/JDYmSvGE9Pgt\\n-----END PRIVATE KEY-----\\n';
const KEY_JSON = `{
  "type": "service_account",
  "project_id": "acme-prod",
  "private_key_id": "3f7c1e9a2b4d6f8e0a1c3e5b7d9f1a3c5e7b9d1f",
  "private_key": "${PEM}",
  "client_email": "deployer@acme-prod.iam.gserviceaccount.com",
  "client_id": "104539876512345678901",
  "auth_uri": "https://accounts.google.com/o/oauth2/auth",
  "token_uri": "https://oauth2.googleapis.com/token",
  "universe_domain": "googleapis.com"
}`;
const ONE_LINE = KEY_JSON.replace(/\n\s*/g, ' ');

/**
 * A service-account key: the whole JSON object (no key file nests braces), kept whole so that its
 * email, project and key id can be read offline. The object is taken atomically (a lookahead
 * captured and matched back), so the scan is linear whatever the input; the validator parses it.
 */
export const serviceAccountRule: RuleSpec = {
  id: 'gcp-service-account-key',
  provider: 'google',
  kind: 'service-account key',
  description: 'Google Cloud service-account key JSON (a file, or inlined in a variable or YAML value)',
  confidence: 'high',
  keywords: ['service_account'],
  keywordsCaseSensitive: true,
  keywordScope: 'fragment',
  regex: '(?<secret>\\{(?=(?<body>[^{}]{200,16384}))\\k<body>\\})',
  validator: 'gcp-service-account',
  // A real project or account may be named `sample-app` or sit on `example.com`: only the private
  // key itself is checked for placeholder words (by the validator).
  placeholders: 'validator',
  examples: {
    truePositives: [
      KEY_JSON,
      `GOOGLE_CREDENTIALS: '${ONE_LINE}'`,
      // Inlined as a JSON string: quotes and backslashes escaped.
      `GCP_SA_KEY=${JSON.stringify(ONE_LINE)}`,
    ],
    falsePositives: [
      KEY_JSON.replace('"service_account"', '"authorized_user"'),
      KEY_JSON.replace(PEM, '-----BEGIN PRIVATE KEY-----\\n...\\n-----END PRIVATE KEY-----\\n'),
    ],
  },
};

/** What the key says about itself with no call: whose it is, in which project, which key. */
export function describeServiceAccount(credential: Credential): Partial<Scope> | undefined {
  const key = parseServiceAccountKey(credential.secret.reveal());
  if (!key) return undefined;
  return {
    identity: `service account ${key.clientEmail}`,
    tokenType: 'service-account key',
    permissions: key.keyId ? [`key id ${key.keyId}`] : [],
    reach: key.projectId ? { projects: [key.projectId] } : {},
    unknowns: [
      {
        what: 'IAM roles',
        reason:
          'a service account holds whatever roles it was granted, on its project or any other, from none to Owner; offline, nothing is asked of Google',
      },
    ],
  };
}
