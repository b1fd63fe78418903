import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Writes a self-signed certificate and its key (server.crt, server.key) into `dir` with openssl,
 * for a throwaway server's TLS. `names` become the subject alternative names (`DNS:x`, `IP:y`);
 * `run` runs the command (as another user, for PostgreSQL's files).
 */
export function makeCertificate(
  dir: string,
  cn: string,
  names: string[] = [],
  run: (cmd: string[]) => void = ([file, ...args]) => execFileSync(file!, args, { stdio: 'ignore' }),
): { cert: string; key: string } {
  const cert = join(dir, 'server.crt');
  const key = join(dir, 'server.key');
  const san = names.length > 0 ? ['-addext', `subjectAltName=${names.join(',')}`] : [];
  run([
    'openssl',
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '2',
    '-subj',
    `/CN=${cn}`,
    ...san,
    '-keyout',
    key,
    '-out',
    cert,
  ]);
  return { cert, key };
}
