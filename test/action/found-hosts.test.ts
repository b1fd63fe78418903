import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { auditArgv } from '../../src/action/cli-run.js';
import type { ActionInputs } from '../../src/action/inputs.js';
import { type Listener, startListener } from '../helpers/listener.js';
import { pullRequestEvent, runAction, World } from './harness.js';

/**
 * A database URL names its own host. On a pull request that host is the PR author's choice, so
 * the Action does not connect to it unless the workflow says `inspect-found-hosts: true`.
 */

const inputs = (over: Partial<ActionInputs> = {}): ActionInputs => ({
  githubToken: 't',
  failOn: 'high',
  verify: true,
  comment: true,
  inspectFoundHosts: false,
  config: '',
  sarifFile: '',
  scan: '',
  endpoints: {},
  ...over,
});
const range = { kind: 'range' as const, base: 'a'.repeat(40), head: 'b'.repeat(40) };

describe('the CLI flags', () => {
  test('by default the CLI is told --skip-found-hosts', () => {
    expect(auditArgv(inputs(), range, '/w', undefined, '/t/r.json')).toContain('--skip-found-hosts');
  });
  test("inspect-found-hosts: 'true' leaves the flag out", () => {
    expect(auditArgv(inputs({ inspectFoundHosts: true }), range, '/w', undefined, '/t/r.json')).not.toContain(
      '--skip-found-hosts',
    );
  });
});

/** A loopback "database" that only counts who connects, then hangs up. */
let listener: Listener;
let port = 0;
beforeAll(async () => {
  listener = await startListener();
  port = listener.port;
});
afterAll(() => listener.close());

interface ReportShape {
  findings: { provider: string; verification: string; verificationReason: string }[];
}

async function prAddingDatabaseUrl(actionInputs: Record<string, string>, env: Record<string, string> = {}) {
  const world = new World();
  const password = randomBytes(12).toString('hex');
  const head = world.commit(
    { 'config/.env': `DATABASE_URL=postgres://app:${password}@127.0.0.1:${port}/app\n` },
    'db url',
  );
  const run = await runAction({
    root: world.root,
    eventName: 'pull_request',
    payload: pullRequestEvent(world.base, head),
    inputs: { comment: 'false', ...actionInputs },
    env,
  });
  const report = JSON.parse(readFileSync(run.outputs['report-json']!, 'utf8')) as ReportShape;
  return report.findings.find((f) => f.provider === 'postgres');
}

describe('the Action end to end (a PR adds a database URL pointing at a loopback server)', () => {
  test('by default: no connection to the named host; the credential is reported skipped, saying why', async () => {
    const before = listener.connections();
    const finding = await prAddingDatabaseUrl({});
    expect(finding).toBeDefined();
    expect(finding!.verification).toBe('skipped');
    expect(finding!.verificationReason).toContain('--skip-found-hosts');
    expect(listener.connections()).toBe(before);
  });

  test("inspect-found-hosts: 'true', the port allowed by the runner's environment: the inspector does connect to the host the URL names", async () => {
    const before = listener.connections();
    const finding = await prAddingDatabaseUrl(
      { 'inspect-found-hosts': 'true' },
      { TOKENSCOPE_FOUND_HOST_PORTS: String(port) },
    );
    expect(finding).toBeDefined();
    expect(finding!.verification).not.toBe('skipped');
    expect(listener.connections()).toBeGreaterThan(before);
  });

  test("inspect-found-hosts: 'true' alone: a port other than PostgreSQL's 5432 is not connected to", async () => {
    const before = listener.connections();
    const finding = await prAddingDatabaseUrl({ 'inspect-found-hosts': 'true' });
    expect(finding!.verification).toBe('skipped');
    expect(finding!.verificationReason).toBe(
      `not connected: port ${port} is not PostgreSQL's standard port (5432); allow it with --found-host-ports or TOKENSCOPE_FOUND_HOST_PORTS`,
    );
    expect(listener.connections()).toBe(before);
  });
});
