import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The coding agents whose read exclusions tokenscope writes. Claude Code reads
 * `permissions.deny` rules such as `Read(./infra/.env)` from `.claude/settings.json`; the others
 * read a gitignore-style file of paths the agent must not read or index.
 */
export interface Agent {
  id: string;
  name: string;
  /** The file tokenscope writes, relative to the project. */
  file: string;
  kind: 'claude-settings' | 'ignore-file';
  /** Files or folders whose presence says the project uses this agent. */
  markers: string[];
}

export const AGENTS: Agent[] = [
  {
    id: 'claude-code',
    name: 'Claude Code',
    file: '.claude/settings.json',
    kind: 'claude-settings',
    markers: ['.claude', 'CLAUDE.md'],
  },
  {
    id: 'cursor',
    name: 'Cursor',
    file: '.cursorignore',
    kind: 'ignore-file',
    markers: ['.cursor', '.cursorignore', '.cursorrules'],
  },
  {
    id: 'gemini',
    name: 'Gemini CLI',
    file: '.geminiignore',
    kind: 'ignore-file',
    markers: ['.gemini', '.geminiignore', 'GEMINI.md'],
  },
  {
    id: 'windsurf',
    name: 'Windsurf (Codeium)',
    file: '.codeiumignore',
    kind: 'ignore-file',
    markers: ['.windsurf', '.windsurfrules', '.codeiumignore', '.codeium'],
  },
  {
    id: 'aider',
    name: 'Aider',
    file: '.aiderignore',
    kind: 'ignore-file',
    markers: ['.aiderignore', '.aider.conf.yml'],
  },
];

/** The default: Claude Code and Cursor, plus every agent whose configuration the project already has. */
export function defaultAgents(root: string): Agent[] {
  return AGENTS.filter(
    (a) => a.id === 'claude-code' || a.id === 'cursor' || a.markers.some((m) => existsSync(join(root, m))),
  );
}

/** `--agents claude-code,gemini` or `all`; an unknown id is a usage error naming it. */
export function agentsFromFlag(value: string): Agent[] | { unknown: string } {
  if (value.trim() === 'all') return AGENTS;
  const out: Agent[] = [];
  for (const id of value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const a = AGENTS.find((x) => x.id === id);
    if (!a) return { unknown: id };
    if (!out.includes(a)) out.push(a);
  }
  return out;
}

/** Files any project should fence whether or not an audit found something in them today. */
export const USUAL_CREDENTIAL_FILES = [
  '.env',
  '.env.*',
  '*.pem',
  '*.key',
  '*.p12',
  '*.pfx',
  'id_rsa*',
  'id_ed25519*',
  'id_ecdsa*',
  '.npmrc',
  '.pypirc',
  '.netrc',
  '.git-credentials',
  '.aws/credentials',
  '.docker/config.json',
  '.kube/config',
  '*.tfvars',
  'credentials.json',
  'service-account*.json',
];
