/**
 * A small offline evaluator of IAM identity policies: Allow and Deny, Action and NotAction with
 * wildcards (case-insensitive, as IAM compares action names), Resource and NotResource (case-
 * sensitive, as ARNs are). Conditions are never evaluated: a statement with a Condition makes the
 * answer "conditional", because its truth depends on the request (time, IP, tags, MFA...).
 * Not modelled (they can only narrow the answer): SCPs, permission boundaries, session policies,
 * resource policies.
 */

export interface PolicyStatement {
  Sid?: string;
  Effect?: string;
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Condition?: Record<string, unknown>;
}

export interface PolicyDocument {
  Version?: string;
  Statement?: PolicyStatement | PolicyStatement[];
}

/** The words SimulatePrincipalPolicy answers with, plus "conditional" for what depends on a Condition. */
export type Decision = 'allowed' | 'explicitDeny' | 'implicitDeny' | 'conditional';

export interface Evaluation {
  decision: Decision;
  /**
   * The Allow behind the decision covers every resource of the action (Resource `*`, or
   * `arn:...:*` / `arn:...:type/*`) and no unconditional Deny carves part of it out. For a
   * conditional decision: would be everywhere if the conditions hold. False when a resource was asked about.
   */
  unconstrained: boolean;
}

const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

export function statements(doc: PolicyDocument): PolicyStatement[] {
  const s = doc.Statement;
  return s === undefined ? [] : Array.isArray(s) ? s : [s];
}

/** IAM's glob: `*` any run of characters, `?` one character. */
function globToRegExp(pattern: string, flags: string): RegExp {
  const body = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`, flags);
}

export function actionMatches(pattern: string, action: string): boolean {
  return globToRegExp(pattern, 'i').test(action);
}

function resourceMatches(pattern: string, resource: string): boolean {
  return globToRegExp(pattern, '').test(resource);
}

/**
 * A Resource pattern that names every resource the action can touch: `*`, or an ARN whose
 * resource part is only a wildcard, possibly after a resource type (`arn:aws:s3:::*`,
 * `arn:aws:rds:*:*:db:*`, `arn:aws:iam::*:user/*`).
 */
export function isUnconstrainedResource(pattern: string): boolean {
  if (pattern === '*') return true;
  const parts = pattern.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return false;
  const resource = parts.slice(5).join(':');
  // In S3 the segment before "/" is a bucket name, not a resource type: "assets/*" is one bucket.
  if (parts[2] === 's3') return resource === '*';
  return /^(?:[A-Za-z0-9-]+[/:])?\*$/.test(resource);
}

function statementMatchesAction(s: PolicyStatement, action: string): boolean {
  if (s.Action !== undefined) return list(s.Action).some((p) => actionMatches(p, action));
  if (s.NotAction !== undefined) return !list(s.NotAction).some((p) => actionMatches(p, action));
  return false;
}

/** With a resource: does the statement apply to it. Without: does it apply to every resource. */
function statementCovers(s: PolicyStatement, resource: string | undefined): { applies: boolean; everywhere: boolean } {
  if (s.Resource !== undefined) {
    const patterns = list(s.Resource);
    if (resource !== undefined)
      return { applies: patterns.some((p) => resourceMatches(p, resource)), everywhere: false };
    return { applies: patterns.length > 0, everywhere: patterns.some(isUnconstrainedResource) };
  }
  if (s.NotResource !== undefined) {
    const patterns = list(s.NotResource);
    if (resource !== undefined)
      return { applies: !patterns.some((p) => resourceMatches(p, resource)), everywhere: false };
    // Everything except what is listed: some resources, never all of them (unless the list is empty).
    return { applies: true, everywhere: patterns.length === 0 };
  }
  return { applies: false, everywhere: false };
}

const hasCondition = (s: PolicyStatement) => s.Condition !== undefined && Object.keys(s.Condition).length > 0;

/**
 * What the documents together say about `action`: on `resource` when one is given, otherwise on
 * "some resource" (with `unconstrained` telling whether it is every resource).
 * Order of IAM: an explicit Deny wins, then an Allow, otherwise the implicit deny.
 */
export function evaluate(docs: PolicyDocument[], action: string, resource?: string): Evaluation {
  let allow = false;
  let allowEverywhere = false;
  let conditionalAllow = false;
  let conditionalAllowEverywhere = false;
  let conditionalDeny = false;
  let partialDeny = false;
  for (const doc of docs) {
    for (const s of statements(doc)) {
      if (!statementMatchesAction(s, action)) continue;
      const { applies, everywhere } = statementCovers(s, resource);
      if (!applies) continue;
      const effect = (s.Effect ?? '').toLowerCase();
      if (effect === 'deny') {
        if (hasCondition(s)) conditionalDeny = true;
        else if (resource !== undefined || everywhere) return { decision: 'explicitDeny', unconstrained: false };
        else partialDeny = true;
      } else if (effect === 'allow') {
        if (hasCondition(s)) {
          conditionalAllow = true;
          if (everywhere) conditionalAllowEverywhere = true;
        } else {
          allow = true;
          if (everywhere) allowEverywhere = true;
        }
      }
    }
  }
  const all = resource === undefined && !partialDeny;
  if (allow) return { decision: conditionalDeny ? 'conditional' : 'allowed', unconstrained: all && allowEverywhere };
  if (conditionalAllow) return { decision: 'conditional', unconstrained: all && conditionalAllowEverywhere };
  return { decision: 'implicitDeny', unconstrained: false };
}

/** `*` on `*` with no condition: the documents grant everything (denies aside). */
export function grantsEverything(docs: PolicyDocument[]): boolean {
  return docs.some((d) =>
    statements(d).some(
      (s) =>
        (s.Effect ?? '').toLowerCase() === 'allow' &&
        !hasCondition(s) &&
        list(s.Action).includes('*') &&
        list(s.Resource).includes('*'),
    ),
  );
}

/** IAM returns documents URL-encoded (RFC 3986) in its query API; the console shows them decoded. */
export function parsePolicyDocument(raw: string): PolicyDocument {
  let text = raw;
  if (!raw.trimStart().startsWith('{')) {
    try {
      text = decodeURIComponent(raw);
    } catch {
      // Not URL-encoded after all; let JSON.parse speak.
    }
  }
  const doc = JSON.parse(text) as unknown;
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
    throw new Error('policy document is not a JSON object');
  return doc as PolicyDocument;
}
