/** What the inspector learned about one role on one server; the risk rules and the scope read only this. */
export interface RoleAttributes {
  superuser: boolean;
  createrole: boolean;
  createdb: boolean;
  replication: boolean;
  bypassrls: boolean;
}

export interface Membership extends Omit<RoleAttributes, 'replication'> {
  name: string;
  /** 1: granted directly; 2 and more: through other roles. */
  depth: number;
}

export interface DatabaseAccess {
  name: string;
  connect: boolean;
  create: boolean;
  owner: boolean;
}

export interface SchemaAccess {
  name: string;
  usage: boolean;
  create: boolean;
  owner: boolean;
}

/** Per schema of the current database: table counts by privilege. */
export interface TableCounts {
  schema: string;
  tables: number;
  owned: number;
  select: number;
  insert: number;
  update: number;
  delete: number;
  truncate: number;
  /** The first few tables it can drop or empty. */
  destroyable: string[];
}

export interface PostgresFacts {
  /** host:port/database, no credentials. */
  place: string;
  role: string;
  database: string;
  attributes: RoleAttributes;
  validUntil: string | null;
  memberships: Membership[];
  databases: DatabaseAccess[];
  schemas: SchemaAccess[];
  tables: TableCounts[];
  replica: boolean;
  serverVersion: string;
  /** The host or database name that the policy calls production, if any. */
  productionName: string | null;
  /** The databases on this server that count as production (all of them on a production host). */
  productionDatabases: string[];
  /** Whether the session ran over TLS. */
  ssl: boolean;
}

export function postgresFacts(facts: Record<string, unknown> | undefined): PostgresFacts | undefined {
  const f = facts?.postgres as PostgresFacts | undefined;
  return f && typeof f.role === 'string' ? f : undefined;
}

/** The memberships that hand over an attribute: ours, or one we can SET ROLE to. */
export function attributeVia(f: PostgresFacts, attribute: keyof Omit<Membership, 'name' | 'depth'>): string[] {
  return f.memberships.filter((m) => m[attribute]).map((m) => m.name);
}

export const sum = (f: PostgresFacts, key: 'owned' | 'insert' | 'update' | 'delete' | 'truncate' | 'select') =>
  f.tables.reduce((n, t) => n + t[key], 0);
