/**
 * What the Supabase inspector learns, kept in Scope.facts.supabase for the risk rules and the
 * remediation, and how the project keys read offline are told apart.
 */
export const PAT_DOCS_URL = 'https://supabase.com/docs/guides/platform/personal-access-tokens';
export const API_KEYS_DOCS_URL = 'https://supabase.com/docs/guides/api/api-keys';

/**
 * Supabase CLI's local-development keys: published in supabase/cli (pkg/config/apikeys.go) and
 * the same on every developer's machine, so public and never a finding. Local JWTs are signed
 * with a published secret and carry `iss: supabase-demo`.
 */
export const LOCAL_DEMO_KEYS: ReadonlySet<string> = new Set([
  'sb_publishable_ACJWlzQHlZjBrEguHvfOxg_3BJgxAaH',
  'sb_secret_N7UND0UgjKTVK-Uodkm0Hg_xSvEMPvz',
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0',
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImV4cCI6MTk4MzgxMjk5Nn0.EGIM96RAZx35lJzdJsyH-qQwv8Hdp7fsn3W0YpN81IU',
]);
export const LOCAL_DEMO_ISSUER = 'supabase-demo';

/** The JWT's payload, decoded offline; undefined when it is not a JWT. */
export function jwtPayload(token: string): Record<string, unknown> | undefined {
  const part = token.split('.')[1];
  if (!part) return undefined;
  try {
    const payload = JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown;
    return payload && typeof payload === 'object' ? (payload as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The forms of Supabase credential tokenscope tells apart. */
export type SupabaseForm = 'personal' | 'oauth' | 'service-role' | 'secret-key';

export function formOf(secret: string): SupabaseForm | undefined {
  if (secret.startsWith('sbp_oauth_')) return 'oauth';
  if (secret.startsWith('sbp_')) return 'personal';
  if (secret.startsWith('sb_secret_')) return 'secret-key';
  if (jwtPayload(secret)?.role === 'service_role') return 'service-role';
  return undefined;
}

/** A project key bypasses row-level security: the service_role JWT and the newer sb_secret_ key. */
export const isProjectKey = (form: SupabaseForm | undefined) => form === 'service-role' || form === 'secret-key';

export interface BranchFact {
  name: string;
  isDefault: boolean;
  production: boolean;
}

export interface ProjectFact {
  ref: string;
  name: string;
  /** The organization's slug (Supabase's organization id). */
  org: string;
  /** The policy calls the project, or one of its branches, production. */
  production: boolean;
  branches: BranchFact[];
}

export interface SupabaseFacts {
  form: 'personal' | 'oauth';
  orgs: { slug: string; name: string }[];
  projects: ProjectFact[];
  complete: boolean;
}

export function supabaseFacts(facts: Record<string, unknown> | undefined): SupabaseFacts | undefined {
  return facts?.supabase as SupabaseFacts | undefined;
}
