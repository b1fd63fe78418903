/** Everything the CLI touches outside itself, so tests drive it without a process. */
export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  stdin?: () => Promise<string>;
  env: Record<string, string | undefined>;
  cwd: string;
  /** stderr is a terminal: progress may be drawn there. */
  stderrIsTTY?: boolean;
  /**
   * The raw stderr, for the progress line's own cursor controls; `runCli` sets it and makes
   * `stderr` a guarded writer (sanitize.ts) for every message.
   */
  drawProgress?: (s: string) => void;
  /** stdout is a terminal: severities may be coloured (unless NO_COLOR is set). */
  stdoutIsTTY?: boolean;
  /** The terminal's width, when stdout is one: help and tables are wrapped to it. */
  columns?: number;
  /** Injected clients and fetch for tests; never set by the real binary. */
  clients?: Record<string, unknown>;
  fetchImpl?: typeof fetch;
}
