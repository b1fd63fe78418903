import type { ReportFinding } from '../model.js';
import { clip, esc } from './escape.js';

/**
 * The reach of one credential, drawn as an inline SVG (no script, no library): the identity, then
 * one column per level of what it reaches (orgs and workspaces, projects, environments, resources),
 * each item linked to its parent by its path (`project/env/volume`). Production items are marked;
 * edges into what the token can delete or administer are drawn red and dashed. Columns are capped.
 */
const LEVELS = [
  'accounts',
  'organizations',
  'owners',
  'teams',
  'workspaces',
  'projects',
  'apps',
  'sites',
  'repositories',
  'zones',
  'environments',
  'services',
  'databases',
  'volumes',
  'buckets',
  'disks',
  'domains',
];
export const MAX_PER_COLUMN = 8;
const COL_W = 200;
const ROW_H = 34;
const NODE_W = 176;

interface Node {
  id: string;
  label: string;
  kind: string;
  parent?: string;
  production: boolean;
  destroyable: boolean;
}

function levelOrder(keys: string[]): string[] {
  const known = LEVELS.filter((k) => keys.includes(k));
  return [...known, ...keys.filter((k) => !LEVELS.includes(k)).sort()];
}

export function reachGraph(f: ReportFinding): string {
  const scope = f.scope;
  if (!scope) return '';
  const caps = scope.capabilities;
  const prodEnvs = new Set(caps.filter((c) => c.production && c.environment).map((c) => c.environment!));
  const harmful = caps.filter((c) => c.action === 'delete' || c.action === 'admin').map((c) => c.resource);
  const columns: Node[][] = [
    [
      {
        id: 'root',
        label: scope.identity ?? f.provider,
        kind: scope.tokenType ?? f.kind,
        production: false,
        destroyable: false,
      },
    ],
  ];
  const byItem = new Map<string, Node>();
  for (const key of levelOrder(Object.keys(scope.reach))) {
    const items = scope.reach[key] ?? [];
    if (items.length === 0) continue;
    const col: Node[] = [];
    for (const item of items) {
      const segs = item.split('/');
      let parent = 'root';
      for (let n = segs.length - 1; n >= 1; n--) {
        const p = byItem.get(segs.slice(0, n).join('/'));
        if (p) {
          parent = p.id;
          break;
        }
      }
      const last = segs[segs.length - 1]!;
      const node: Node = {
        id: `${key}:${item}`,
        label: last,
        kind: key.replace(/s$/, ''),
        parent,
        production: segs.some((s) => prodEnvs.has(s)),
        destroyable: harmful.some((r) => r.includes(`"${last}"`)),
      };
      col.push(node);
      if (!byItem.has(item)) byItem.set(item, node);
    }
    columns.push(col);
  }
  if (columns.length === 1 && caps.length) {
    // Nothing listed but what it can do: the capabilities are the leaves.
    columns.push(
      caps.map((c, i) => ({
        id: `cap:${i}`,
        label: c.resource,
        kind: c.action,
        parent: 'root',
        production: c.production === true,
        destroyable: c.action === 'delete' || c.action === 'admin',
      })),
    );
  }
  const shown = columns.map((col) =>
    col.length > MAX_PER_COLUMN
      ? [
          ...col.slice(0, MAX_PER_COLUMN - 1),
          {
            id: `more:${col[0]!.id}`,
            label: `+${col.length - MAX_PER_COLUMN + 1} more`,
            kind: col[0]!.kind,
            production: false,
            destroyable: false,
          },
        ]
      : col,
  );
  const pos = new Map<string, { x: number; y: number }>();
  for (const [c, col] of shown.entries()) {
    for (const [r, n] of col.entries()) pos.set(n.id, { x: 10 + c * COL_W, y: 10 + r * ROW_H });
  }
  const height = 20 + Math.max(...shown.map((c) => c.length)) * ROW_H;
  const width = 20 + shown.length * COL_W;
  const edges: string[] = [];
  const nodes: string[] = [];
  for (const col of shown) {
    for (const n of col) {
      const p = pos.get(n.id)!;
      const from = n.parent ? pos.get(n.parent) : undefined;
      if (from) {
        const cls = n.destroyable ? 'edge destroy' : 'edge';
        edges.push(
          `<path class="${cls}" d="M${from.x + NODE_W} ${from.y + 12} C${from.x + NODE_W + 12} ${from.y + 12} ${p.x - 12} ${p.y + 12} ${p.x} ${p.y + 12}"/>`,
        );
      }
      const cls = ['node', n.production ? 'prod' : '', n.destroyable ? 'destroyable' : ''].filter(Boolean).join(' ');
      const badge = n.production ? '<tspan class="badge"> PROD</tspan>' : '';
      nodes.push(
        `<g class="${cls}" data-kind="${esc(n.kind)}"><title>${esc(`${n.kind}: ${n.label}`)}</title>` +
          `<rect x="${p.x}" y="${p.y}" width="${NODE_W}" height="24" rx="5"/>` +
          `<text x="${p.x + 8}" y="${p.y + 16}">${esc(clip(n.label, 22))}${badge}</text></g>`,
      );
    }
  }
  const total = columns.reduce((a, c) => a + c.length, 0);
  const label = `reach of ${f.provider} ${f.kind}: ${total} node(s)`;
  return `<svg class="reach" role="img" aria-label="${esc(label)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${edges.join('')}${nodes.join('')}</svg>`;
}
