import { type ParseError, applyEdits, modify, parse } from 'jsonc-parser';

/**
 * Adds values to arrays inside a JSON settings file without touching anything else: jsonc-parser
 * edits the text in place, so a user's entries, order, comments and layout stay byte for byte.
 */
export class JsonSettings {
  private constructor(
    readonly file: string,
    private text: string,
  ) {}

  /** Parses `text` (or starts an empty object); a file that is not a JSON object is an error naming it. */
  static from(file: string, text: string | undefined): JsonSettings {
    if (text === undefined || text.trim() === '') return new JsonSettings(file, '{}\n');
    const errors: ParseError[] = [];
    const value = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
    if (errors.length) throw new Error(`${file}: not valid JSON (at offset ${errors[0]!.offset})`);
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error(`${file}: not a JSON object`);
    return new JsonSettings(file, text);
  }

  get value(): Record<string, unknown> {
    return parse(this.text, [], { allowTrailingComma: true }) as Record<string, unknown>;
  }

  get content(): string {
    return this.text;
  }

  /** The array at `path`, or [] when absent; a value of another type there is an error naming the field. */
  array(path: (string | number)[]): unknown[] {
    let v: unknown = this.value;
    for (const k of path) {
      if (v === undefined || v === null) return [];
      if (typeof v !== 'object') throw new Error(`${this.file}: field "${path.join('.')}" is not an array`);
      v = (v as Record<string, unknown>)[k as string];
    }
    if (v === undefined) return [];
    if (!Array.isArray(v)) throw new Error(`${this.file}: field "${path.join('.')}" is not an array`);
    return v;
  }

  /** Appends `item` to the array at `path` (created when absent). */
  append(path: (string | number)[], item: unknown): void {
    const exists = this.array(path).length > 0 || this.has(path);
    const edits = exists
      ? modify(this.text, [...path, -1], item, { isArrayInsertion: true, formattingOptions: FORMAT })
      : modify(this.text, path, [item], { formattingOptions: FORMAT });
    this.text = applyEdits(this.text, edits);
  }

  /** Sets `path` when it is absent (never overwrites a user's value). */
  setDefault(path: (string | number)[], value: unknown): void {
    if (this.has(path)) return;
    this.text = applyEdits(this.text, modify(this.text, path, value, { formattingOptions: FORMAT }));
  }

  private has(path: (string | number)[]): boolean {
    let v: unknown = this.value;
    for (const k of path) {
      if (!v || typeof v !== 'object') return false;
      v = (v as Record<string, unknown>)[k as string];
    }
    return v !== undefined;
  }
}

const FORMAT = { insertSpaces: true, tabSize: 2, eol: '\n' };
