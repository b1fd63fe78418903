/** One regex match as the engine reads it: where it starts, its text, its named groups. */
export interface RawMatch {
  index: number;
  text: string;
  groups: Record<string, string | undefined>;
}

/** Every non-empty match of a global regex in `hay`. */
export function allMatches(re: RegExp, hay: string): RawMatch[] {
  const out: RawMatch[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(hay); m !== null; m = re.exec(hay)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    out.push({ index: m.index, text: m[0], groups: { ...(m.groups ?? {}) } });
  }
  return out;
}
