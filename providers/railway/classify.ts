import type { InspectContext } from '../../src/core/provider.js';
import type { Credential } from '../../src/core/types.js';
import { ProviderUnavailableError } from '../../src/core/errors.js';
import { type Answer, ask } from './client.js';
import { type Named, type ProjectNode, readNamed, readProject } from './parse.js';
import { ACCOUNT_PROBE, PROJECT_TOKEN_PROBE, PROJECTS_PAGE } from './queries.js';
import { arr, obj, optStr, type Page, page, str } from './shape.js';

/** Railway's page size for every connection we walk. */
export const PAGE_SIZE = 50;

export type Classification =
  | {
      kind: 'project';
      project: Named & { baseEnvironmentId?: string; primaryEnvironmentId?: string };
      environment: Named;
    }
  | { kind: 'account'; user: { id: string; email: string }; workspaces: Named[] }
  /** The probe's first page of projects is kept: it is the start of the walk. */
  | { kind: 'workspace'; firstPage: Page<ProjectNode> }
  | { kind: 'two-factor'; tokenKind: 'account' | 'workspace'; message: string }
  | { kind: 'invalid'; message: string };

/**
 * A Railway token is a bare UUID: only the API can say what it is. Three questions, narrowest
 * first, each in the header its kind needs: `projectToken` answers only a project token, `me`
 * only an account token, `projects` a workspace token too. A "Not Authorized" to all three is a
 * dead token.
 */
export async function classify(credential: Credential, ctx: InspectContext): Promise<Classification> {
  const asProject = await ask(ctx, credential, 'project', PROJECT_TOKEN_PROBE);
  if (asProject.ok) return readProjectToken(asProject.data);

  const asAccount = await ask(ctx, credential, 'bearer', ACCOUNT_PROBE);
  if (asAccount.ok) return readAccount(asAccount.data);
  if (asAccount.refusal === 'two-factor')
    return { kind: 'two-factor', tokenKind: 'account', message: asAccount.message };

  const first = Math.max(1, Math.min(PAGE_SIZE, ctx.policy.maxProjects));
  const asWorkspace = await ask(ctx, credential, 'bearer', PROJECTS_PAGE, { first, after: null, workspaceId: null });
  if (asWorkspace.ok) {
    return { kind: 'workspace', firstPage: page(asWorkspace.data.projects, 'projects', readProject) };
  }
  return lastRefusal(asWorkspace);
}

function lastRefusal(answer: Exclude<Answer, { ok: true }>): Classification {
  switch (answer.refusal) {
    case 'two-factor':
      return { kind: 'two-factor', tokenKind: 'workspace', message: answer.message };
    case 'not-authorized':
      return { kind: 'invalid', message: answer.message };
    default:
      throw new ProviderUnavailableError(
        `Railway refused every kind of token with an unexpected error: ${answer.message}`,
      );
  }
}

function readProjectToken(data: Record<string, unknown>): Classification {
  const t = obj(data.projectToken, 'projectToken');
  const p = obj(t.project, 'projectToken.project');
  const baseEnvironmentId = optStr(p.baseEnvironmentId, 'projectToken.project.baseEnvironmentId');
  const primaryEnvironmentId = optStr(p.primaryEnvironmentId, 'projectToken.project.primaryEnvironmentId');
  const project = {
    id: str(t.projectId, 'projectToken.projectId'),
    name: str(p.name, 'projectToken.project.name'),
    ...(baseEnvironmentId !== undefined ? { baseEnvironmentId } : {}),
    ...(primaryEnvironmentId !== undefined ? { primaryEnvironmentId } : {}),
  };
  const e = obj(t.environment, 'projectToken.environment');
  const environment = {
    id: str(t.environmentId, 'projectToken.environmentId'),
    name: str(e.name, 'projectToken.environment.name'),
  };
  return { kind: 'project', project, environment };
}

function readAccount(data: Record<string, unknown>): Classification {
  const me = obj(data.me, 'me');
  return {
    kind: 'account',
    user: { id: str(me.id, 'me.id'), email: str(me.email, 'me.email') },
    workspaces: arr(me.workspaces, 'me.workspaces').map((w, i) => readNamed(w, `me.workspaces[${i}]`)),
  };
}
