import { RailwayDouble as Double, type DoubleWorld } from '../../src/demo/railway-double.js';
import { logProviderRequest } from '../helpers/provider-log.js';
import { railwaySchema } from './schema.js';

export * from '../../src/demo/railway-double.js';

/** The loopback Railway (src/demo/railway-double.ts) on Railway's published schema, logging to the suite's ledger. */
export class RailwayDouble extends Double {
  constructor(world: DoubleWorld) {
    super(world, railwaySchema(), (method, what) => logProviderRequest({ provider: 'railway', method, what }));
  }
}
