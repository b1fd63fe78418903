import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSchema } from 'graphql';
import type { CliIO } from '../cli/io.js';
import { RailwayDouble } from './railway-double.js';
import { RAILWAY_DEMO_SDL } from './railway-schema.js';
import { demoWorld } from './world.js';

const INTRO = `tokenscope demo: the incident tokenscope exists for, replayed on this machine.

An AI agent working in a staging repository found a Railway token in infra/domains/.env, made
"for domains", and used it to delete the production database volume. Here that repository is a
fresh temporary directory, and Railway is a stand-in on 127.0.0.1 that knows the token: nothing
leaves this machine. tokenscope finds the token and asks (read-only) what it can do:

`;

const OUTRO = `
The token named for domains is an account token: it reaches production and can delete the
postgres-data volume. Run \`tokenscope audit PATH\` on your own project.
`;

/**
 * `tokenscope demo`: a staging directory with the incident's token, audited against a loopback
 * Railway. Exit 0 when the audit reproduced the finding (it exits 1: a critical finding); any
 * other outcome is passed on, since the demo then failed to show what it promised.
 */
export async function runDemo(io: CliIO, audit: (argv: string[], io: CliIO) => Promise<number>): Promise<number> {
  const token = randomUUID();
  const dir = mkdtempSync(join(tmpdir(), 'tokenscope-demo-'));
  const railway = new RailwayDouble(demoWorld(token), buildSchema(RAILWAY_DEMO_SDL));
  try {
    mkdirSync(join(dir, 'infra', 'domains'), { recursive: true });
    writeFileSync(join(dir, 'infra', 'domains', '.env'), `RAILWAY_DOMAIN_TOKEN=${token}\n`);
    const url = await railway.start();
    io.stdout(INTRO);
    // Only the flags' endpoint counts; of the user's environment, only how the terminal wants colour.
    const env = { NO_COLOR: io.env.NO_COLOR, TERM: io.env.TERM };
    const code = await audit(['audit', dir, '--railway-endpoint', url, '--threads', '1'], { ...io, env, cwd: dir });
    if (code !== 1) return code;
    io.stdout(OUTRO);
    return 0;
  } finally {
    await railway.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
