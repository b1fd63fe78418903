/**
 * What tokenscope asks Google about a service-account key, and what it keeps. The permission set
 * is fixed: `projects.testIamPermissions` answers, per permission, whether the caller holds it on
 * the project, without acting and without needing any permission itself.
 */

export const API_DEFAULT = 'https://cloudresourcemanager.googleapis.com';
export const OAUTH_DEFAULT = 'https://oauth2.googleapis.com';
/** The narrowest scope both the projects listing and testIamPermissions accept. */
export const READ_ONLY_SCOPE = 'https://www.googleapis.com/auth/cloud-platform.read-only';
export const ROLES_DOCS_URL = 'https://cloud.google.com/iam/docs/understanding-roles#basic';

export type Action = 'read' | 'delete' | 'admin';

/** Each permission asked about, and what holding it means on a project. */
export const PROBES: readonly { permission: string; action: Action; what: string }[] = [
  { permission: 'resourcemanager.projects.get', action: 'read', what: 'project metadata' },
  { permission: 'resourcemanager.projects.delete', action: 'delete', what: 'the project itself' },
  { permission: 'cloudsql.instances.delete', action: 'delete', what: 'Cloud SQL instances' },
  { permission: 'storage.buckets.delete', action: 'delete', what: 'Cloud Storage buckets' },
  { permission: 'compute.instances.delete', action: 'delete', what: 'Compute Engine instances' },
  { permission: 'compute.disks.delete', action: 'delete', what: 'persistent disks' },
  { permission: 'dns.managedZones.delete', action: 'delete', what: 'Cloud DNS zones' },
  {
    permission: 'iam.serviceAccountKeys.create',
    action: 'admin',
    what: 'new keys for its service accounts (acting as any of them)',
  },
  {
    permission: 'resourcemanager.projects.setIamPolicy',
    action: 'admin',
    what: 'its IAM policy (granting anyone any role)',
  },
];

export const ESCALATING = ['iam.serviceAccountKeys.create', 'resourcemanager.projects.setIamPolicy'];
/** Owner holds both; Editor holds neither: together they mark an owner-level set. */
export const OWNER_LEVEL = ['resourcemanager.projects.delete', 'resourcemanager.projects.setIamPolicy'];

export interface ProjectFact {
  id: string;
  name?: string;
  production: boolean;
  /** The probed permissions Google says the key holds there; undefined when Google would not say. */
  granted?: string[];
}

export interface GoogleFacts {
  serviceAccount: string;
  homeProject: string;
  projects: ProjectFact[];
}

export function googleFacts(facts: Record<string, unknown> | undefined): GoogleFacts | undefined {
  return facts?.google as GoogleFacts | undefined;
}

export const holds = (p: ProjectFact, permission: string): boolean => p.granted?.includes(permission) ?? false;
export const deletes = (p: ProjectFact): string[] =>
  PROBES.filter((x) => x.action === 'delete' && holds(p, x.permission)).map((x) => x.what);
export const ownerLevel = (p: ProjectFact): boolean => OWNER_LEVEL.every((x) => holds(p, x));
