import type { AssessInput } from '../../src/core/provider.js';
import { mysqlFacts } from './facts.js';
import { holds } from './grants.js';

const quote = (name: string) => `\`${name.replace(/`/g, '``')}\``;

/** The narrower credential: an account holding SELECT on exactly the databases this one reads. */
export function remediateMysql(input: AssessInput): string | undefined {
  if (input.inspection.verification !== 'verified') return undefined;
  const f = mysqlFacts(input.inspection.scope?.facts);
  if (!f) return undefined;
  const writes = f.grants.some((g) => g.grantOption || g.privileges.some((p) => p !== 'USAGE' && p !== 'SELECT'));
  if (!writes) return undefined;
  const read = [
    ...new Set(f.grants.filter((g) => holds(g, 'SELECT')).map((g) => (g.database === '*' ? f.database : g.database))),
  ].filter(Boolean);
  const dbs = read.length > 0 ? read : ['<database>'];
  const user = `${f.account.replace(/@.*$/, '')}_readonly`;
  return [
    `Give whatever uses this URL an account that can only read, instead of ${f.account} (https://dev.mysql.com/doc/refman/8.0/en/grant.html), for example:`,
    `  CREATE USER '${user}'@'%' IDENTIFIED BY '<a new password>';`,
    ...dbs.map((d) => `  GRANT SELECT ON ${d.startsWith('<') ? d : quote(d)}.* TO '${user}'@'%';`),
    `Then change the password of ${f.account} (ALTER USER ... IDENTIFIED BY ...), since this one has been found in files.`,
  ].join('\n');
}
