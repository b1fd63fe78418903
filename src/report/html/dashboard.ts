import { SEVERITIES } from '../../core/types.js';
import type { StateView } from '../../org/state-view.js';
import { clip, esc } from './escape.js';
import { page } from './page.js';

const DAY = 86_400_000;
const rank = (s: string) => {
  const i = SEVERITIES.indexOf(s as (typeof SEVERITIES)[number]);
  return i < 0 ? SEVERITIES.length : i;
};

/** new / open / fixed per run, as an inline SVG line chart. */
function chart(view: StateView): string {
  const pts = view.runs;
  if (pts.length === 0) return '<p>No run recorded yet.</p>';
  const W = 720;
  const H = 200;
  const max = Math.max(1, ...pts.flatMap((p) => [p.new, p.open, p.fixed]));
  const x = (i: number) => 40 + (pts.length === 1 ? 0 : (i * (W - 60)) / (pts.length - 1));
  const y = (v: number) => H - 30 - (v * (H - 50)) / max;
  const line = (key: 'new' | 'open' | 'fixed', cls: string) =>
    `<polyline class="${cls}" points="${pts.map((p, i) => `${x(i).toFixed(1)},${y(p[key]).toFixed(1)}`).join(' ')}"/>` +
    pts
      .map(
        (p, i) =>
          `<circle class="${cls}" cx="${x(i).toFixed(1)}" cy="${y(p[key]).toFixed(1)}" r="3"><title>${esc(`${p.at}: ${p[key]} ${key}`)}</title></circle>`,
      )
      .join('');
  const labels = pts
    .map((p, i) =>
      i === 0 || i === pts.length - 1
        ? `<text x="${x(i).toFixed(1)}" y="${H - 10}" text-anchor="middle">${esc(p.at.slice(0, 10))}</text>`
        : '',
    )
    .join('');
  return `<svg class="chart" role="img" aria-label="new, open and fixed credentials per run" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
<line class="axis" x1="40" y1="${H - 30}" x2="${W - 20}" y2="${H - 30}"/><text x="6" y="${y(max) + 4}">${max}</text><text x="6" y="${H - 26}">0</text>
${line('open', 'open')}${line('new', 'new')}${line('fixed', 'fixed')}${labels}</svg>
<p class="legend"><span class="k open">open</span> <span class="k new">new</span> <span class="k fixed">fixed</span></p>`;
}

function tally(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([k, n]) => `<tr><td class="mono">${esc(k)}</td><td>${n}</td></tr>`)
    .join('');
}

/** `tokenscope report --state FILE --format html`: the org's open credentials over time. */
export function renderDashboard(view: StateView, now = new Date()): string {
  const open = view.credentials
    .filter((c) => c.status === 'open')
    .sort(
      (a, b) =>
        rank(a.severity) - rank(b.severity) ||
        b.harmful.length - a.harmful.length ||
        a.firstSeen.localeCompare(b.firstSeen),
    );
  const rows = open
    .map((c) => {
      const days = Math.max(0, Math.floor((now.getTime() - Date.parse(c.firstSeen)) / DAY));
      const harm = c.harmful.length
        ? `${esc(
            clip(
              c.harmful
                .map((h) => `${h.action} ${h.resource}`)
                .slice(0, 2)
                .join('; '),
              120,
            ),
          )}${c.harmful.length > 2 ? ` and ${c.harmful.length - 2} more` : ''}`
        : '';
      return `<tr data-severity="${esc(c.severity)}"><td><span class="sev sev-${esc(c.severity)}">${esc(c.severity)}</span></td><td>${esc(c.provider)} · ${esc(c.kind)}</td><td class="mono">${esc(c.redacted)}</td><td>${esc(c.repositories.join(', '))}</td><td>${days}</td><td>${harm}</td></tr>`;
    })
    .join('');
  const body = `<header><h1>tokenscope: ${open.length} open credential(s)</h1>
<p class="meta">State file ${esc(view.file)}, ${view.runs.length} run(s) recorded; ${view.credentials.length - open.length} fixed.</p></header>
<main>
<h2>New, open and fixed per run</h2>${chart(view)}
<h2>Open credentials, by severity and breadth</h2>
<table class="open"><tr><th>severity</th><th>credential</th><th>secret</th><th>repositories</th><th>open (days)</th><th>can destroy or administer</th></tr>${rows}</table>
<h2>Open per repository</h2><table>${tally(open.flatMap((c) => c.repositories))}</table>
<h2>Open per provider</h2><table>${tally(open.map((c) => c.provider))}</table>
</main>`;
  return page(`tokenscope: ${view.file}`, body, false);
}
