import { generateKeyPairSync, type KeyObject, randomBytes } from 'node:crypto';

/** A generated service-account key: its JSON as a key file holds it, and the public half for the double. */
export interface TestKey {
  json: string;
  clientEmail: string;
  /** The same as clientEmail. */
  email: string;
  keyId: string;
  publicKey: KeyObject;
  /** The PEM body (base64), to prove no output ever holds a piece of it. */
  pemBody: string;
}

/**
 * A fresh RSA key pair in a service-account key file's shape (never a real key). `tokenUri` is
 * what the file claims; tokenscope must ignore it.
 */
export function serviceAccountKey(
  project = 'acme-prod',
  account = 'deployer',
  tokenUri = 'https://oauth2.googleapis.com/token',
): TestKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const clientEmail = `${account}@${project}.iam.gserviceaccount.com`;
  const keyId = randomBytes(20).toString('hex');
  const json = JSON.stringify(
    {
      type: 'service_account',
      project_id: project,
      private_key_id: keyId,
      private_key: pem,
      client_email: clientEmail,
      client_id: String(100000000000000000000n + BigInt(randomBytes(6).readUIntBE(0, 6))),
      auth_uri: 'https://accounts.google.com/o/oauth2/auth',
      token_uri: tokenUri,
      auth_provider_x509_cert_url: 'https://www.googleapis.com/oauth2/v1/certs',
      client_x509_cert_url: `https://www.googleapis.com/robot/v1/metadata/x509/${encodeURIComponent(clientEmail)}`,
      universe_domain: 'googleapis.com',
    },
    null,
    2,
  );
  const pemBody = pem.split('\n').slice(1, -2).join('');
  return { json, clientEmail, email: clientEmail, keyId, publicKey, pemBody };
}

/** The same key file on one line, as pasted into a variable or a YAML value. */
export const oneLine = (json: string): string => JSON.stringify(JSON.parse(json));
