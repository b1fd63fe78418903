import { RailwayDouble as Double, type DoubleWorld } from '../../src/demo/railway-double.js';
import { logProviderRequest, SELF_TEST_HEADER } from '../helpers/provider-log.js';
import { railwaySchema } from './schema.js';

export * from '../../src/demo/railway-double.js';

/** The loopback Railway (src/demo/railway-double.ts) on Railway's published schema, logging to the suite's ledger. */
export class RailwayDouble extends Double {
  constructor(world: DoubleWorld) {
    super(world, railwaySchema(), (method, what, headers) => {
      // A test of the double itself is not something tokenscope sent: kept out of the ledger.
      if (!headers[SELF_TEST_HEADER]) logProviderRequest({ provider: 'railway', method, what });
    });
  }
}
