import type { Provider } from '../../src/core/provider.js';

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

/** Only the service_role key matters: it bypasses row-level security. The anon key is public by design. */
const isServiceRole = (token: string) => jwtPayload(token)?.role === 'service_role';

export const supabase: Provider = {
  id: 'supabase',
  name: 'Supabase',
  docsUrl: 'https://supabase.com/docs/guides/api/api-keys',
  rules: [
    {
      id: 'supabase-service-role-key',
      provider: 'supabase',
      kind: 'service_role key',
      description: 'Supabase service_role JWT (bypasses row-level security); payload decoded offline',
      confidence: 'high',
      keywords: ['eyJ'],
      keywordsCaseSensitive: true,
      keywordScope: 'line',
      regex:
        // Atomic segments (captured in a lookahead, matched back) and a start only at a token boundary:
        // linear time whatever the input.
        '(?<![A-Za-z0-9_-])(?<secret>eyJ(?=(?<a>[A-Za-z0-9_-]{10,500}))\\k<a>\\.eyJ(?=(?<b>[A-Za-z0-9_-]{10,2000}))\\k<b>\\.(?=(?<c>[A-Za-z0-9_-]{20,500}))\\k<c>)(?![A-Za-z0-9_-])',
      validator: 'supabase-service-role',
      examples: {
        truePositives: [
          'SUPABASE_SERVICE_ROLE_KEY=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6ImpnYXhwa2FiaWp1dmVkcnh0cHR5Iiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImlhdCI6MTcwMDAwMDAwMCwiZXhwIjoyMDE1NTc2MDAwfQ.tQ-BnvxJqvJPZzoNFhE1E9ENrdvg-CPJj3k4RXE2y50',
        ],
        falsePositives: [
          'SUPABASE_ANON_KEY=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6IndzcmNud3d0eHFjb3lqenhtaXd6Iiwicm9sZSI6ImFub24iLCJpYXQiOjE3MDAwMDAwMDAsImV4cCI6MjAxNTU3NjAwMH0.GdZYM1Un6agvRBDhXzOISrB867kBl4r8Bnb6DckXw6Y',
        ],
      },
    },
  ],
  validators: { 'supabase-service-role': isServiceRole },
  describeOffline(credential) {
    const p = jwtPayload(credential.secret.reveal());
    if (!p) return undefined;
    const exp = typeof p.exp === 'number' ? new Date(p.exp * 1000).toISOString() : null;
    return {
      identity: typeof p.ref === 'string' ? `project ${p.ref}` : null,
      tokenType: `JWT, role ${String(p.role)}`,
      permissions: ['service_role: bypasses row-level security'],
      capabilities: [
        { action: 'admin', resource: typeof p.ref === 'string' ? `supabase project ${p.ref}` : 'supabase project' },
      ],
      reach: (typeof p.ref === 'string' ? { projects: [p.ref] } : {}) as Record<string, string[]>,
      expiresAt: exp,
    };
  },
};
