/** One entry of the server log (a first line with the prefix, and its continuation lines). */
export interface LogEntry {
  app: string;
  user: string;
  text: string;
}

const PREFIX = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ \S+ \[\d+\] app=(\S*) user=(\S*) db=\S* (.*)$/;

/** Splits the log written with log_line_prefix '%m [%p] app=%a user=%u db=%d '. */
export function logEntries(log: string): LogEntry[] {
  const entries: LogEntry[] = [];
  for (const line of log.split('\n')) {
    const m = PREFIX.exec(line);
    if (m) entries.push({ app: m[1]!, user: m[2]!, text: m[3]! });
    // The server indents each continuation line of a message with one tab.
    else if (entries.length > 0 && line !== '') entries[entries.length - 1]!.text += `\n${line.replace(/^\t/, '')}`;
  }
  return entries;
}

/** The SQL of every statement a session with this application_name ran (simple or extended protocol). */
export function statementsOf(log: string, app: string): Array<{ user: string; sql: string }> {
  return logEntries(log)
    .filter((e) => e.app === app)
    .map((e) => ({ user: e.user, m: /^LOG: {2}(?:statement|execute [^:]*): ([\s\S]*)$/.exec(e.text) }))
    .filter((e) => e.m !== null)
    .map((e) => ({ user: e.user, sql: e.m![1]! }));
}
