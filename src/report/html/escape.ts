/** Text or attribute value for HTML: every character that could open markup, a quote or an entity. */
export function esc(value: unknown): string {
  return String(value ?? '')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/`/g, '&#96;');
}

/** At most `n` characters, with an ellipsis: long names must not stretch a graph. */
export function clip(value: string, n: number): string {
  return value.length > n ? `${value.slice(0, n - 1)}…` : value;
}
