import { connectionUrlRule } from '../database/index.js';

/** postgres:// and postgresql:// URLs with a real password; moved here from the database provider, same id. */
export const rules = [connectionUrlRule('postgres', 'PostgreSQL', ['postgres://', 'postgresql://'], 'postgres')];
