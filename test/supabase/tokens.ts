import { randomBytes } from 'node:crypto';

/** A fresh Supabase access token, in the CLI's checked form, known to nobody (no checksum is published). */
export function supabaseToken(prefix: 'sbp_' | 'sbp_oauth_' = 'sbp_'): string {
  return `${prefix}${randomBytes(20).toString('hex')}`;
}

/** A fresh sb_secret_ key in the shape of the CLI's sample (22 + `_` + 8 characters). */
export function supabaseSecretKey(): string {
  const b = randomBytes(24).toString('base64url');
  return `sb_secret_${b.slice(0, 22)}_${b.slice(22, 30)}`;
}

/** A legacy project key: an HS256-shaped JWT with the claims Supabase puts in, signed by nobody. */
export function supabaseJwt(role: 'service_role' | 'anon', ref: string, iss = 'supabase'): string {
  const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const payload = { iss, ref, role, iat: 1_700_000_000, exp: 2_015_576_000 };
  return `${enc({ alg: 'HS256', typ: 'JWT' })}.${enc(payload)}.${randomBytes(32).toString('base64url')}`;
}
