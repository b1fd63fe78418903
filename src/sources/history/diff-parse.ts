/** One hunk of a patch, seen from the new side: its lines (context and added) and which were added. */
export interface Hunk {
  path: string;
  commit?: string;
  date?: string;
  /** 1-based line number, in the new file, of `lines[0]`. */
  firstLine: number;
  lines: string[];
  /** New-file line numbers of the lines this change added. */
  added: Set<number>;
}

const HUNK = /^(@{2,}) (.*?) \1/;

/** Undoes git's C-style quoting of unusual paths: "b/caf\303\251.txt". */
export function unquotePath(s: string): string {
  if (!s.startsWith('"')) return s;
  const bytes: number[] = [];
  for (let i = 1; i < s.length - 1; i++) {
    const ch = s[i]!;
    if (ch !== '\\') {
      bytes.push(...Buffer.from(ch, 'utf8'));
      continue;
    }
    const next = s[++i]!;
    if (/[0-7]/.test(next)) {
      bytes.push(Number.parseInt(s.slice(i, i + 3), 8));
      i += 2;
    } else {
      bytes.push(
        ({ n: 10, t: 9, r: 13, '"': 34, '\\': 92, a: 7, b: 8, f: 12, v: 11 } as Record<string, number>)[next] ??
          next.charCodeAt(0),
      );
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/**
 * Reads a patch line by line (`git log -p` with a commit header line `\x01<sha> <date>`, or
 * `git diff`), plain or combined (`--cc` for merges), and hands out each hunk's new side. For a
 * merge, only lines that are in none of its parents count as added: what the merge itself wrote.
 * Binary files and pure renames have no hunks, so they add nothing.
 */
export class PatchReader {
  private commit: string | undefined;
  private date: string | undefined;
  private path: string | undefined;
  private hunk: Hunk | undefined;
  /** Prefix columns: 1 for a plain diff, N for a combined diff of an N-parent merge. */
  private columns = 1;
  private nextLine = 0;
  private oldLeft = 0;
  private newLeft = 0;

  constructor(private readonly onHunk: (h: Hunk) => void) {}

  line(text: string): void {
    if (this.hunk && (this.newLeft > 0 || this.oldLeft > 0) && this.body(text)) return;
    this.flush();
    if (text.startsWith('\x01')) {
      const space = text.indexOf(' ');
      this.commit = text.slice(1, space);
      this.date = text.slice(space + 1).trim();
      this.path = undefined;
    } else if (text.startsWith('diff --')) {
      this.path = undefined;
    } else if (text.startsWith('+++ ')) {
      const target = unquotePath(text.slice(4).trimEnd());
      this.path = target === '/dev/null' ? undefined : target.replace(/^b\//, '');
    } else if (text.startsWith('@@') && this.path) {
      const m = HUNK.exec(text);
      if (!m) return;
      this.columns = m[1]!.length - 1;
      const ranges = m[2]!.split(' ');
      const target = ranges.pop()!.slice(1).split(',');
      this.nextLine = Number(target[0]);
      this.newLeft = target[1] === undefined ? 1 : Number(target[1]);
      // For a combined diff the old counts differ per parent; lines are counted by the new side only.
      this.oldLeft = this.columns === 1 ? Number(ranges[0]!.slice(1).split(',')[1] ?? 1) : 0;
      this.hunk = {
        path: this.path,
        ...(this.commit ? { commit: this.commit, date: this.date! } : {}),
        firstLine: this.nextLine,
        lines: [],
        added: new Set(),
      };
    }
  }

  /** A line inside a hunk; false when the hunk is over and the line is something else. */
  private body(text: string): boolean {
    if (text.startsWith('\\')) return true; // "\ No newline at end of file"
    const prefix = text.slice(0, this.columns);
    if (prefix.length < this.columns || /[^ +-]/.test(prefix)) return false;
    const content = text.slice(this.columns);
    if (prefix.includes('-')) {
      // Only in a parent: not in the new file.
      if (this.columns === 1) this.oldLeft--;
      return true;
    }
    const hunk = this.hunk!;
    if (hunk.lines.length === 0) hunk.firstLine = this.nextLine;
    hunk.lines.push(content);
    // Added when absent from every parent: all columns '+'.
    if (!prefix.includes(' ')) hunk.added.add(this.nextLine);
    else if (this.columns === 1) this.oldLeft--;
    this.nextLine++;
    this.newLeft--;
    return true;
  }

  /** Ends the current hunk, if any (call once more at the end of the patch). */
  flush(): void {
    const h = this.hunk;
    this.hunk = undefined;
    this.newLeft = 0;
    this.oldLeft = 0;
    if (h && h.added.size > 0) this.onHunk(h);
  }
}
