/** A secret of one `<server>` in ~/.m2/settings.xml: its id, the field, the value and its line. */
export interface MavenSecret {
  server: string;
  field: 'password' | 'passphrase';
  value: string;
  line: number;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (s: string) => s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e]!);

/**
 * The passwords and key passphrases of ~/.m2/settings.xml's `<servers>`, each attributed to its
 * server id. Read with bounded patterns over the text rather than an XML parser: the file is
 * flat, and nothing in it is expanded (no entities beyond the five predefined, no DTD).
 */
export function mavenSecrets(text: string): MavenSecret[] {
  const out: MavenSecret[] = [];
  const lineAt = (index: number) => text.slice(0, index).split('\n').length;
  // indexOf, not one regex over the file: linear whatever the file holds.
  for (let start = text.indexOf('<server>'); start >= 0; start = text.indexOf('<server>', start + 1)) {
    const end = text.indexOf('</server>', start);
    if (end < 0) break;
    const bodyAt = start + '<server>'.length;
    const body = text.slice(bodyAt, end);
    const id = /<id>\s*([^<]{1,200}?)\s*<\/id>/.exec(body)?.[1] ?? 'server';
    for (const field of ['password', 'passphrase'] as const) {
      const m = new RegExp(`<${field}>([^<]{1,4096})</${field}>`).exec(body);
      if (!m) continue;
      out.push({
        server: unescapeXml(id),
        field,
        value: unescapeXml(m[1]!.trim()),
        line: lineAt(bodyAt + m.index + field.length + 2),
      });
    }
    start = end;
  }
  return out;
}
