import { lazily } from '../../src/core/lazy.js';
import type { Provider } from '../../src/core/provider.js';
import { connectionUrlRule, hasRealPassword } from '../database/index.js';
import { describeMysqlOffline } from './offline.js';
import { remediateMysql } from './remediation.js';
import { assessMysql } from './risks.js';
import { locateMysql, MYSQL_PORT } from './target.js';

// Loaded on first use, one inspector at a time (src/core/lazy.ts says why).
const inspector = lazily(() => import('./inspect.js'));

/**
 * MySQL and MariaDB connection URLs. No `endpoint`: the password goes only to the host the URL
 * names, when inspection is on; mysql2 loads lazily (scanning threads import this file).
 */
export const mysql: Provider = {
  id: 'mysql',
  name: 'MySQL',
  docsUrl: 'https://dev.mysql.com/doc/refman/8.0/en/grant.html',
  rules: [connectionUrlRule('mysql', 'MySQL', ['mysql://', 'mariadb://'], 'mysql')],
  validators: { 'db-password': hasRealPassword },
  foundHost: { standardPort: MYSQL_PORT, locate: locateMysql },
  inspect: async (credential, ctx) => (await inspector()).inspectMysql(credential, ctx),
  describeOffline: describeMysqlOffline,
  assess: assessMysql,
  remediation: remediateMysql,
};
