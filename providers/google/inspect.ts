import { isProductionName } from '../../src/assess/policy.js';
import { ProviderUnavailableError } from '../../src/core/errors.js';
import type { InspectContext } from '../../src/core/provider.js';
import { scrub } from '../../src/core/scrub.js';
import type { Credential, Inspection, Unknown } from '../../src/core/types.js';
import { api, exchange, NAME, read } from './client.js';
import { loadPrivateKey } from './jwt.js';
import { type GoogleFacts, PROBES, type ProjectFact } from './model.js';
import { buildScope } from './scope.js';
import { parseServiceAccountKey, privateKeyPem } from './service-account.js';

/**
 * Asks Google, read-only, what a service-account key can do: trade it for an access token with
 * the read-only scope, list the projects it sees, and ask testIamPermissions which of a fixed set
 * of destructive and escalating permissions it holds on each. The access token lives only here;
 * should any answer echo it (or the key), it is cut from every reason.
 */
export async function inspectGoogle(credential: Credential, ctx: InspectContext): Promise<Inspection> {
  const text = credential.secret.reveal();
  const key = parseServiceAccountKey(text);
  const pem = privateKeyPem(text);
  if (!key || !pem) {
    return {
      verification: 'skipped',
      reason: 'only service-account keys are inspected; Google API keys and OAuth client secrets are detected only',
      scope: null,
    };
  }
  const signingKey = loadPrivateKey(pem);
  if (!signingKey) {
    return {
      verification: 'unverified',
      reason: 'the private key in this key file is not a readable RSA key, so it cannot sign; nothing was sent',
      scope: null,
    };
  }
  const secrets: string[] = [];
  const clean = (s: string) => secrets.reduce((t, x) => t.split(x).join('[redacted]'), scrub(s, credential));
  try {
    const token = await exchange(ctx, signingKey, key);
    if (!token.ok) {
      return {
        verification: 'unverified',
        reason: clean(
          `Google refuses to issue a token for it (${token.refusal}): a deleted or disabled key or service account answers so, and so does a clock far off; not counted as live`,
        ),
        scope: null,
      };
    }
    secrets.push(token.accessToken);
    const result = await walk(ctx, token.accessToken, key);
    return JSON.parse(clean(JSON.stringify(result))) as Inspection;
  } catch (e) {
    if (e instanceof ProviderUnavailableError) throw new ProviderUnavailableError(clean(e.message), e.verification);
    throw new Error(clean(e instanceof Error ? e.message : String(e)));
  }
}

async function walk(
  ctx: InspectContext,
  accessToken: string,
  key: { clientEmail: string; projectId: string },
): Promise<Inspection> {
  const unknowns: Unknown[] = [];
  const limit = Math.max(1, ctx.policy.maxProjects);
  const listed = await listProjects(ctx, accessToken, limit, unknowns);
  const projects = listed.map((p) => ({ ...p, production: productionOf(p, ctx) }));
  // The key's own project, even when it may not list it: testIamPermissions needs no permission.
  if (key.projectId && !projects.some((p) => p.id === key.projectId)) {
    projects.unshift({ id: key.projectId, labels: {}, production: isProductionName(key.projectId, ctx.policy) });
  }
  const facts: GoogleFacts = { serviceAccount: key.clientEmail, homeProject: key.projectId, projects: [] };
  for (const p of projects) {
    const asked = await api(ctx, accessToken, 'POST', `/v1/projects/${encodeURIComponent(p.id)}:testIamPermissions`, {
      permissions: PROBES.map((x) => x.permission),
    });
    const fact: ProjectFact = { id: p.id, ...(p.name ? { name: p.name } : {}), production: p.production };
    if (asked.ok) {
      const granted = asked.body.permissions === undefined ? [] : read.arr(asked.body.permissions, 'permissions');
      const known = new Set(PROBES.map((x) => x.permission));
      fact.granted = granted.map((g, i) => read.str(g, `permissions[${i}]`)).filter((g) => known.has(g));
    } else {
      unknowns.push({ what: `permissions on project "${p.id}"`, reason: `Google would not say (${asked.message})` });
    }
    facts.projects.push(fact);
  }
  unknowns.push(
    {
      what: 'permissions beyond the ones asked',
      reason: `tokenscope asks about ${PROBES.length} destructive and escalating permissions per project (testIamPermissions); others (BigQuery, Spanner, GKE...) are not asked`,
    },
    {
      what: 'grants on single resources and on projects it cannot list',
      reason:
        'a role granted on one bucket, instance or zone, or on a project the key cannot see, does not show in a project-level test',
    },
    {
      what: 'key expiry',
      reason: "reading the key's validity window needs iam.serviceAccountKeys.get, which tokenscope does not ask for",
    },
  );
  return {
    verification: 'verified',
    reason: `${NAME} issues a read-only token for service account ${key.clientEmail}; it sees ${listed.length} project(s)`,
    scope: buildScope(facts, unknowns),
  };
}

interface Listed {
  id: string;
  name?: string;
  labels: Record<string, string>;
}

/** Resource Manager v1's project listing, page by page, up to the policy's bound. */
async function listProjects(ctx: InspectContext, accessToken: string, limit: number, unknowns: Unknown[]) {
  const out: Listed[] = [];
  let pageToken: string | undefined;
  do {
    const q = new URLSearchParams({ pageSize: String(Math.min(limit, 500)) });
    if (pageToken) q.set('pageToken', pageToken);
    const page = await api(ctx, accessToken, 'GET', `/v1/projects?${q}`);
    if (!page.ok) {
      unknowns.push({ what: 'projects it can see', reason: `Google refused the listing (${page.message})` });
      return out;
    }
    const items = page.body.projects === undefined ? [] : read.arr(page.body.projects, 'projects');
    for (const [i, raw] of items.entries()) {
      const p = read.obj(raw, `projects[${i}]`);
      const state = read.optStr(p.lifecycleState, `projects[${i}].lifecycleState`);
      if (state && state !== 'ACTIVE') continue;
      const labels = p.labels === undefined ? {} : read.obj(p.labels, `projects[${i}].labels`);
      const name = read.optStr(p.name, `projects[${i}].name`);
      out.push({
        id: read.str(p.projectId, `projects[${i}].projectId`),
        ...(name ? { name } : {}),
        labels: Object.fromEntries(Object.entries(labels).filter(([, v]) => typeof v === 'string')) as Record<
          string,
          string
        >,
      });
    }
    pageToken = read.optStr(page.body.nextPageToken, 'nextPageToken') || undefined;
    if (pageToken && out.length >= limit) {
      unknowns.push({
        what: 'projects beyond the first listed',
        reason: `listings stop at ${limit} projects (policy maxProjects); counts are lower bounds`,
      });
      break;
    }
  } while (pageToken);
  return out;
}

/** Production: the policy's names in the project's id or name, or in its env/environment label. */
function productionOf(p: Listed, ctx: InspectContext): boolean {
  const marks = [p.id, p.name ?? '', p.labels.env ?? '', p.labels.environment ?? ''];
  return marks.some((m) => m !== '' && isProductionName(m, ctx.policy));
}
