import type { Cluster } from './cluster.js';

/**
 * The roles of the issue, on one cluster. The app's tables live in database shop_production
 * (a production name under the default policy) and are owned by app_owner; a second database,
 * scratch, holds a table app_owner owns outside production.
 *
 *   app_super   SUPERUSER
 *   app_owner   owns shop_production, its schema billing and all three tables
 *   app_rw      SELECT, INSERT, UPDATE, DELETE, through app_writer -> app_reader (recursive grants)
 *   app_ro      SELECT only
 *   app_rls     SELECT, and BYPASSRLS
 *   app_admin   CREATEROLE
 *   app_ops     member of dba, a superuser role that cannot log in
 *   app_tls     SELECT, but only over TLS where the cluster's pg_hba says so
 *
 * Passwords are generated for the tests and mean nothing anywhere else.
 */
export const ROLES = {
  super: { user: 'app_super', password: 'su-7GkP2mQx9vRt' },
  owner: { user: 'app_owner', password: 'ow-4HsN8cLw2zJe' },
  rw: { user: 'app_rw', password: 'rw-9TbV3nKq6yWd' },
  ro: { user: 'app_ro', password: 'ro-2XfM7pHs5uGa' },
  rls: { user: 'app_rls', password: 'rl-6QeZ1jDv8kNc' },
  /** CREATEROLE, and nothing on the tables. */
  roleAdmin: { user: 'app_admin', password: 'ad-8PcT4gYn1sLm' },
  /** No attribute of its own, but a member of dba, a NOLOGIN superuser role it can SET ROLE to. */
  viaDba: { user: 'app_ops', password: 'op-5KdW2hRz7eBq' },
  /** Refused unless the connection is encrypted (pg_hba: hostnossl ... reject). */
  tlsOnly: { user: 'app_tls', password: 'tl-3WyR5bFm9aXh' },
} as const;

export type RoleName = keyof typeof ROLES;

/** pg_hba lines that make app_tls an SSL-only role; the rest falls to the catch-all. */
export const TLS_ONLY_HBA = [
  'hostssl all app_tls 127.0.0.1/32 scram-sha-256',
  'hostnossl all app_tls 127.0.0.1/32 reject',
];

export function url(cluster: Cluster, role: RoleName, database = 'shop_production', query = ''): string {
  const r = ROLES[role];
  return cluster.url(r.user, r.password, database, query);
}

const login = (role: RoleName, extra = '') =>
  `CREATE ROLE ${ROLES[role].user} LOGIN ${extra} PASSWORD '${ROLES[role].password}';`;

export async function createWorld(cluster: Cluster): Promise<void> {
  await cluster.admin(
    [
      login('super', 'SUPERUSER'),
      login('owner'),
      login('rw'),
      login('ro'),
      login('rls', 'BYPASSRLS'),
      login('tlsOnly'),
      login('roleAdmin', 'CREATEROLE'),
      login('viaDba'),
      'CREATE ROLE dba NOLOGIN SUPERUSER;',
      'GRANT dba TO app_ops;',
      "ALTER ROLE app_ro VALID UNTIL '2031-01-01 00:00:00+00';",
      'CREATE ROLE app_reader NOLOGIN;',
      'CREATE ROLE app_writer NOLOGIN IN ROLE app_reader;',
      'GRANT app_writer TO app_rw;',
    ].join('\n'),
  );
  await cluster.admin('CREATE DATABASE shop_production OWNER app_owner;');
  await cluster.admin('CREATE DATABASE scratch OWNER app_owner;');
  await cluster.admin(
    [
      'CREATE SCHEMA billing AUTHORIZATION app_owner;',
      'SET ROLE app_owner;',
      'CREATE TABLE public.customers (id int PRIMARY KEY, email text);',
      'CREATE TABLE public.orders (id int PRIMARY KEY, customer int, total numeric);',
      'CREATE TABLE billing.invoices (id int PRIMARY KEY, amount numeric);',
      "INSERT INTO public.customers VALUES (1, 'a@example.com');",
      'ALTER TABLE public.customers ENABLE ROW LEVEL SECURITY;',
      'GRANT USAGE ON SCHEMA billing TO app_reader, app_ro, app_rls, app_tls;',
      'GRANT SELECT ON ALL TABLES IN SCHEMA public, billing TO app_reader, app_ro, app_rls, app_tls;',
      'GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public, billing TO app_writer;',
      'RESET ROLE;',
    ].join('\n'),
    'shop_production',
  );
  await cluster.admin('SET ROLE app_owner; CREATE TABLE notes (id int); RESET ROLE;', 'scratch');
}
