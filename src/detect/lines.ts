/** Offsets of line starts, built once per fragment and only when it has a match. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    let i = text.indexOf('\n');
    while (i !== -1) {
      this.starts.push(i + 1);
      i = text.indexOf('\n', i + 1);
    }
  }

  /** 0-based line number of an offset. */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  lineStart(line: number): number {
    return this.starts[line] ?? this.text.length;
  }

  lineEnd(line: number): number {
    const next = this.starts[line + 1];
    return next === undefined ? this.text.length : next - 1;
  }

  get count(): number {
    return this.starts.length;
  }

  /** Text of lines [from, to], clamped to the fragment. */
  slice(from: number, to: number): string {
    const a = Math.max(0, from);
    const b = Math.min(this.count - 1, to);
    return this.text.slice(this.lineStart(a), this.lineEnd(b));
  }
}
