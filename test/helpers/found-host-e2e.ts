import { afterAll, beforeAll } from '@jest/globals';

/** A finding of a found-host provider (a database or cache URL) in the JSON report. */
export interface ReportFinding {
  provider: string;
  ruleId: string;
  secret: { redacted: string };
  verification: string;
  verificationReason: string;
  scope: { identity: string; capabilities: Array<{ action: string; resource: string }> } | null;
  risks: Array<{ id: string; severity: string; message: string }>;
  severity: string;
  remediation: string;
}

export const findingsIn = (stdout: string) => (JSON.parse(stdout) as { findings: ReportFinding[] }).findings;

/**
 * A real throwaway server for one test file, started before its tests (within `startMs`: a cold
 * server takes a while on a loaded machine) and stopped after, and the flag that allows its port:
 * it listens on a random one, allowed the way a user allows one.
 */
export function useFoundHostServer<S extends { port: number; stop(): Promise<void> }>(
  start: () => Promise<S>,
  startMs: number,
): { readonly server: S; allowPort(): string[] } {
  let server: S | undefined;
  beforeAll(async () => {
    server = await start();
  }, startMs);
  afterAll(async () => {
    await server?.stop();
  });
  return {
    get server() {
      return server!;
    },
    allowPort: () => ['--found-host-ports', String(server!.port)],
  };
}
