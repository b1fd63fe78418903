import { createHash } from 'node:crypto';
import { SEVERITIES } from '../../core/types.js';
import { type Report, type ReportFinding, blastRadius } from '../model.js';
import { esc } from './escape.js';
import { reachGraph } from './graph.js';

/**
 * One self-contained HTML file: styles and a small script inline, allowed by their hashes in a
 * Content-Security-Policy that forbids everything else (no request of any kind when opened).
 */
const STYLE = `
body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#1d232b;background:#f5f6f8}
header,main{max-width:1180px;margin:0 auto;padding:16px 24px}
h1{font-size:20px;margin:8px 0}h2{font-size:16px;margin:0 0 6px}
.counts span{display:inline-block;margin-right:14px}
.sev{display:inline-block;padding:1px 8px;border-radius:10px;color:#fff;font-weight:600;font-size:12px;text-transform:uppercase}
.sev-critical{background:#8b0000}.sev-high{background:#d1452b}.sev-medium{background:#c98a00}.sev-low{background:#4a7bb7}.sev-info{background:#6b7480}
.card{background:#fff;border:1px solid #d8dce2;border-radius:8px;margin:12px 0;padding:12px 16px}
.card[hidden]{display:none}
.meta{color:#4d5866}.mono{font-family:ui-monospace,monospace}
table{border-collapse:collapse}td,th{padding:2px 10px 2px 0;text-align:left;vertical-align:top}
.filters label{margin-right:14px}
.reach{display:block;margin-top:8px;max-width:100%;overflow:visible}
.reach .edge{fill:none;stroke:#9aa4b1;stroke-width:1.5}
.reach .edge.destroy{stroke:#c0392b;stroke-width:2.5;stroke-dasharray:6 3}
.reach .node rect{fill:#eef1f5;stroke:#9aa4b1}
.reach .node.prod rect{fill:#fde8e4;stroke:#c0392b;stroke-width:2}
.reach .node.destroyable rect{stroke:#c0392b}
.reach text{font-size:12px;fill:#1d232b}.reach .badge{font-weight:700;fill:#c0392b}
ul{margin:4px 0;padding-left:20px}.notes{color:#4d5866}
.chart polyline{fill:none;stroke-width:2}.chart .axis{stroke:#9aa4b1}.chart text{font-size:11px;fill:#4d5866}
.chart .open{stroke:#c0392b;fill:#c0392b}.chart .new{stroke:#c98a00;fill:#c98a00}.chart .fixed{stroke:#2e8b57;fill:#2e8b57}
.chart polyline.open,.chart polyline.new,.chart polyline.fixed{fill:none}
.k{padding:0 6px;border-left:12px solid}.k.open{border-color:#c0392b}.k.new{border-color:#c98a00}.k.fixed{border-color:#2e8b57}
`;

const SCRIPT = `
(function(){
  var sel=function(n){return document.getElementById(n)};
  var cards=[].slice.call(document.querySelectorAll('.card'));
  function apply(){
    var s=sel('f-severity').value,p=sel('f-provider').value,o=sel('f-source').value,shown=0;
    cards.forEach(function(c){
      var ok=(!s||c.dataset.severity===s)&&(!p||c.dataset.provider===p)&&(!o||(' '+c.dataset.sources+' ').indexOf(' '+o+' ')>=0);
      c.hidden=!ok;if(ok)shown++;
    });
    sel('shown').textContent=String(shown);
  }
  function sort(){
    var by=sel('sort').value,groups=new Map();
    var cmp=function(a,b){
      return by==='provider'?(a.dataset.provider.localeCompare(b.dataset.provider)||a.dataset.rank-b.dataset.rank):(a.dataset.rank-b.dataset.rank||a.dataset.provider.localeCompare(b.dataset.provider));
    };
    cards.forEach(function(c){var p=c.parentNode;if(!groups.has(p))groups.set(p,[]);groups.get(p).push(c)});
    groups.forEach(function(list,p){list.sort(cmp).forEach(function(c){p.appendChild(c)})});
  }
  ['f-severity','f-provider','f-source'].forEach(function(id){sel(id).addEventListener('change',apply)});
  sel('sort').addEventListener('change',sort);
  apply();
})();
`;

const sha256 = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;

export function page(title: string, body: string, withScript: boolean): string {
  const csp = [
    "default-src 'none'",
    `style-src ${sha256(STYLE)}`,
    withScript ? `script-src ${sha256(SCRIPT)}` : "script-src 'none'",
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title><style>${STYLE}</style></head>
<body>${body}${withScript ? `<script>${SCRIPT}</script>` : ''}</body></html>
`;
}

const rankOf = (s: string) => SEVERITIES.indexOf(s as (typeof SEVERITIES)[number]);

function options(id: string, label: string, values: string[]): string {
  const opts = values.map((v) => `<option value="${esc(v)}">${esc(v)}</option>`).join('');
  return `<label>${esc(label)} <select id="${id}"><option value="">all</option>${opts}</select></label>`;
}

export function card(f: ReportFinding, extra = ''): string {
  const sources = [...new Set(f.locations.map((l) => l.source))];
  const locations = f.locations
    .map(
      (l) =>
        `<li><span class="mono">${esc(l.path)}:${esc(l.line)}</span> <span class="meta">${esc(l.source)}${l.commit ? ` · commit ${esc(l.commit.slice(0, 12))}` : ''}${l.section ? ` · ${esc(l.section)}` : ''}</span></li>`,
    )
    .join('');
  const risks = f.risks.map((r) => `<li><b>${esc(r.id)}</b> (${esc(r.severity)}): ${esc(r.message)}</li>`).join('');
  return `<article class="card" data-severity="${esc(f.severity)}" data-provider="${esc(f.provider)}" data-sources="${esc(sources.join(' '))}" data-rank="${rankOf(f.severity)}">
<h2><span class="sev sev-${esc(f.severity)}">${esc(f.severity)}</span> ${esc(f.provider)} · ${esc(f.kind)} <span class="mono">${esc(f.secret.redacted)}</span></h2>
<div class="meta">${esc(f.verification)}${f.verificationReason ? `: ${esc(f.verificationReason)}` : ''} · ${esc(blastRadius(f))}</div>${extra}
<ul>${locations}</ul>
${risks ? `<ul>${risks}</ul>` : ''}
${f.remediation ? `<p><b>Instead:</b> ${esc(f.remediation)}</p>` : ''}
${reachGraph(f)}
</article>`;
}

export function summary(report: Report): string {
  const counts = SEVERITIES.map(
    (s) => `<span><span class="sev sev-${s}">${s}</span> ${report.summary.bySeverity[s] ?? 0}</span>`,
  ).join('');
  const endpoints = Object.entries(report.endpoints)
    .map(([p, u]) => `<li>${esc(p)}: <span class="mono">${esc(u)}</span></li>`)
    .join('');
  const notes = report.notes.map((n) => `<li>${esc(n)}</li>`).join('');
  return `<h1>tokenscope: ${esc(report.summary.credentials)} credential(s) in ${esc(report.target)}</h1>
<p class="counts">${counts}</p>
<p>Fails at <b>${esc(report.summary.failOn)}</b> and above: <b>${esc(report.summary.failing)}</b> failing. Generated ${esc(report.generatedAt)} by tokenscope ${esc(report.tool.version)}.</p>
${report.summary.headline ? `<p><b>${esc(report.summary.headline)}</b></p>` : ''}
${endpoints ? `<p>Inspections were sent to:</p><ul>${endpoints}</ul>` : '<p>No provider was asked.</p>'}
${notes ? `<details class="notes"><summary>${report.notes.length} note(s)</summary><ul>${notes}</ul></details>` : ''}`;
}

export function filters(findings: ReportFinding[]): string {
  const providers = [...new Set(findings.map((f) => f.provider))].sort();
  const sources = [...new Set(findings.flatMap((f) => f.locations.map((l) => l.source)))].sort();
  return `<p class="filters">${options('f-severity', 'Severity', [...SEVERITIES])}${options('f-provider', 'Provider', providers)}${options('f-source', 'Source', sources)}
<label>Sort <select id="sort"><option value="severity">by severity</option><option value="provider">by provider</option></select></label>
<span class="meta"><span id="shown">${findings.length}</span> of ${findings.length} shown</span></p>`;
}
