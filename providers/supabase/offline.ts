import type { Credential, Scope } from '../../src/core/types.js';
import { formOf, jwtPayload } from './model.js';

/**
 * What a project key says about itself with no call: a service_role JWT names its project (`ref`)
 * and expiry; an sb_secret_ key names nothing. Both bypass row-level security on their project.
 */
export function describeSupabaseOffline(credential: Credential): Partial<Scope> | undefined {
  const secret = credential.secret.reveal();
  const form = formOf(secret);
  if (form === 'secret-key') {
    return {
      identity: null,
      tokenType: 'secret key (sb_secret_)',
      permissions: ['secret key: full data access, bypasses row-level security'],
      capabilities: [
        { action: 'admin', resource: 'the data and storage of one Supabase project, past row-level security' },
      ],
      reach: {},
      unknowns: [
        {
          what: 'the project',
          reason: 'an sb_secret_ key does not name its project; tokenscope never sends a project key anywhere',
        },
      ],
    };
  }
  if (form !== 'service-role') return undefined;
  const p = jwtPayload(secret)!;
  const ref = typeof p.ref === 'string' ? p.ref : undefined;
  return {
    identity: ref ? `project ${ref}` : null,
    tokenType: 'JWT, role service_role',
    permissions: ['service_role: bypasses row-level security'],
    capabilities: [
      {
        action: 'admin',
        resource: `the data and storage of supabase project ${ref ?? '(not named)'}, past row-level security`,
      },
    ],
    reach: ref ? { projects: [ref] } : {},
    expiresAt: typeof p.exp === 'number' ? new Date(p.exp * 1000).toISOString() : null,
  };
}
