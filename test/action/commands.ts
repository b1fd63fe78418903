/**
 * Reading what an action tells the runner, the way the runner reads it: workflow commands on
 * stdout (`::error file=..,line=..::message`, `::add-mask::value`) and file commands in the
 * GITHUB_OUTPUT file (`name<<delimiter` ... `delimiter`). Written from GitHub's docs on workflow
 * commands, independently of @actions/core.
 */

export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  message: string;
  /** Index of the line on stdout: tests compare orders. */
  line: number;
}

const unescapeData = (s: string) => s.replaceAll('%0D', '\r').replaceAll('%0A', '\n').replaceAll('%25', '%');
const unescapeProperty = (s: string) => unescapeData(s.replaceAll('%3A', ':').replaceAll('%2C', ','));

export function parseCommands(stdout: string): WorkflowCommand[] {
  const out: WorkflowCommand[] = [];
  stdout.split(/\r?\n/).forEach((text, line) => {
    const m = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(text);
    if (!m) return;
    const properties: Record<string, string> = {};
    for (const pair of (m[2] ?? '').split(',').filter(Boolean)) {
      const eq = pair.indexOf('=');
      properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1));
    }
    out.push({ command: m[1]!, properties, message: unescapeData(m[3]!), line });
  });
  return out;
}

export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^([^\n<]+)<<(\S+)\n([\s\S]*?)\n?\2$/gm;
  for (const m of text.matchAll(re)) out[m[1]!] = m[3]!;
  return out;
}
