/** One part of an INI file: the lines under one `[section]` header (or before the first). */
export interface IniSection {
  /** The header's name, `profile ` prefix removed (~/.aws/config writes `[profile dev]`). */
  name: string;
  /** 1-based line of the section's first line (its header). */
  firstLine: number;
  text: string;
}

/**
 * Splits INI text (~/.aws/credentials, ~/.aws/config, .boto) into sections, each with its raw
 * lines and true line numbers, so a key pair is paired within its own profile and every token
 * is attributed to the profile that holds it.
 */
export function iniSections(text: string): IniSection[] {
  const lines = text.split(/\r?\n/);
  const out: IniSection[] = [];
  let current: { name: string; firstLine: number; lines: string[] } = { name: '', firstLine: 1, lines: [] };
  lines.forEach((line, i) => {
    const header = /^\s*\[\s*([^\]]+?)\s*\]\s*$/.exec(line);
    if (header) {
      if (current.lines.some((l) => l.trim())) out.push(done(current));
      current = { name: header[1]!.replace(/^profile\s+/, ''), firstLine: i + 1, lines: [line] };
    } else {
      current.lines.push(line);
    }
  });
  if (current.lines.some((l) => l.trim())) out.push(done(current));
  return out;
}

function done(s: { name: string; firstLine: number; lines: string[] }): IniSection {
  return { name: s.name || 'default', firstLine: s.firstLine, text: s.lines.join('\n') };
}
