import { crossEnvironment, intentMismatch } from '../../src/assess/place-risks.js';
import { listSome } from '../../src/assess/places.js';
import type { AssessInput } from '../../src/core/provider.js';
import type { RiskSignal } from '../../src/core/types.js';
import {
  administers,
  deletableGroups,
  deletableProjects,
  fullApi,
  type GitlabFacts,
  gitlabFacts,
  roleName,
  writableProjects,
} from './model.js';

const quoted = (names: string[]) => listSome(names.map((n) => `"${n}"`));

function admin(f: GitlabFacts): RiskSignal[] {
  if (!administers(f)) return [];
  return [
    {
      id: 'admin',
      severity: 'critical',
      message: `its user is an administrator of ${f.host} and the token has scope(s) ${f.scopes.join(', ')}: it can act on every user, group and project of the instance${f.scopes.includes('sudo') ? ', as any user (sudo)' : ''}`,
    },
  ];
}

function canDeleteRepos(f: GitlabFacts): RiskSignal[] {
  const targets = [
    ...deletableGroups(f).map((g) => `group "${g.name}" (${roleName(g.level)})`),
    ...deletableProjects(f).map((p) => `"${p.name}" (${roleName(p.level)})`),
  ];
  if (targets.length === 0) return [];
  return [
    { id: 'can-delete-repos', severity: 'high', message: `with the api scope it can delete: ${listSome(targets)}` },
  ];
}

function destructiveProduction(f: GitlabFacts): RiskSignal[] {
  const targets = [...deletableGroups(f), ...deletableProjects(f)].filter((m) => m.production).map((m) => m.name);
  if (targets.length === 0) return [];
  return [
    {
      id: 'destructive-production-access',
      severity: 'critical',
      message: `can delete, with no undo: ${quoted(targets)}`,
    },
  ];
}

function broadRepoWrite(f: GitlabFacts): RiskSignal[] {
  const writable = writableProjects(f).map((p) => p.name);
  if (writable.length < 2) return [];
  return [
    {
      id: 'broad-repo-write',
      severity: 'medium',
      message: `can push to ${writable.length} repositories${f.complete ? '' : ' (at least)'}: ${quoted(writable)}`,
    },
  ];
}

function noExpiry(f: GitlabFacts): RiskSignal[] {
  if (f.expiry !== 'none') return [];
  return [
    {
      id: 'no-expiry',
      severity: 'medium',
      message: 'GitLab shows no expiry for this token: it works until someone revokes it',
    },
  ];
}

/** What makes this token broader than any narrow purpose: administration, deletion, or the whole API of a user. */
function breadth(f: GitlabFacts): string | undefined {
  if (administers(f)) return `acts as an administrator of ${f.host}`;
  const deletable = [...deletableGroups(f), ...deletableProjects(f)].map((m) => m.name);
  if (deletable.length > 0) return `can delete ${quoted(deletable)}`;
  if (f.kind === 'personal access token' && fullApi(f)) return 'has the full API of its user (scope api)';
  return undefined;
}

/** GitLab's own risks, from the facts the inspector kept. */
export function assessGitlab(input: AssessInput): RiskSignal[] {
  if (input.inspection.verification !== 'verified') return [];
  const f = gitlabFacts(input.inspection.scope?.facts);
  if (!f) return [];
  const wide = breadth(f);
  const productionWritable = writableProjects(f)
    .filter((p) => p.production)
    .map((p) => p.name);
  return [
    ...admin(f),
    ...destructiveProduction(f),
    ...canDeleteRepos(f),
    ...broadRepoWrite(f),
    ...crossEnvironment(input, productionWritable),
    ...(wide ? intentMismatch(input, `this token ${wide}`) : []),
    ...noExpiry(f),
  ];
}
