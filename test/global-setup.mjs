// Before the whole suite: a fresh ledger for the recording proxy (see test/helpers/provider-log.ts).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function globalSetup() {
  const file = join(mkdtempSync(join(tmpdir(), 'tokenscope-ledger-')), 'provider-requests.jsonl');
  writeFileSync(file, '');
  process.env.TOKENSCOPE_PROVIDER_LOG = file;
}
