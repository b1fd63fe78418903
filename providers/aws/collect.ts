import {
  type AttachedPolicy,
  GetAccountAuthorizationDetailsCommand,
  type GetAccountAuthorizationDetailsCommandOutput,
  GetGroupPolicyCommand,
  type GetGroupPolicyCommandOutput,
  GetPolicyCommand,
  type GetPolicyCommandOutput,
  GetPolicyVersionCommand,
  type GetPolicyVersionCommandOutput,
  GetRolePolicyCommand,
  type GetRolePolicyCommandOutput,
  GetUserPolicyCommand,
  type GetUserPolicyCommandOutput,
  type Group,
  ListAttachedGroupPoliciesCommand,
  type ListAttachedGroupPoliciesCommandOutput,
  ListAttachedRolePoliciesCommand,
  type ListAttachedRolePoliciesCommandOutput,
  ListAttachedUserPoliciesCommand,
  type ListAttachedUserPoliciesCommandOutput,
  ListGroupPoliciesCommand,
  type ListGroupPoliciesCommandOutput,
  ListGroupsForUserCommand,
  type ListGroupsForUserCommandOutput,
  ListRolePoliciesCommand,
  type ListRolePoliciesCommandOutput,
  ListUserPoliciesCommand,
  type ListUserPoliciesCommandOutput,
} from '@aws-sdk/client-iam';
import { type PolicyDocument, parsePolicyDocument } from './iam-eval.js';
import type { IamReader } from './iam-reader.js';
import type { Principal } from './principal.js';

/** One policy that applies to the key's principal, with its document when it could be read. */
export interface FoundPolicy {
  /** e.g. "managed AdministratorAccess", "inline alice/deploy", "group ops: inline ops/s3". */
  label: string;
  arn?: string;
  doc?: PolicyDocument;
}

export interface CollectedPolicies {
  policies: FoundPolicy[];
  /** Every list and every document was read: offline evaluation sees the whole picture. */
  complete: boolean;
  /** Documents came (partly) from GetAccountAuthorizationDetails. */
  viaAuthorizationDetails: boolean;
}

interface InlineRef {
  owner: string;
  name: string;
  get: () => unknown;
  subject: string;
  prefix: string;
}

function decode(raw: string | undefined, label: string, reader: IamReader): PolicyDocument | undefined {
  if (!raw) return undefined;
  try {
    return parsePolicyDocument(raw);
  } catch (e) {
    reader.note(label, `its document could not be parsed: ${(e as Error).message}`);
    return undefined;
  }
}

/** The lists of one principal: attached ARNs and inline policy names, or undefined where denied. */
interface Listing {
  attached: AttachedPolicy[] | undefined;
  inline: InlineRef[] | undefined;
  groups: { group: string; attached: AttachedPolicy[] | undefined; inline: InlineRef[] | undefined }[] | undefined;
}

async function listUser(reader: IamReader, user: string): Promise<Listing> {
  const attached = await reader.pages<ListAttachedUserPoliciesCommandOutput, AttachedPolicy>(
    (Marker) => new ListAttachedUserPoliciesCommand({ UserName: user, Marker }),
    (p) => p.AttachedPolicies,
    user,
  );
  const names = await reader.pages<ListUserPoliciesCommandOutput, string>(
    (Marker) => new ListUserPoliciesCommand({ UserName: user, Marker }),
    (p) => p.PolicyNames,
    user,
  );
  const inline = names?.map((name) => ({
    owner: user,
    name,
    subject: `${user}/${name}`,
    prefix: 'inline',
    get: () => new GetUserPolicyCommand({ UserName: user, PolicyName: name }),
  }));
  const groupList = await reader.pages<ListGroupsForUserCommandOutput, Group>(
    (Marker) => new ListGroupsForUserCommand({ UserName: user, Marker }),
    (p) => p.Groups,
    user,
  );
  const groups = groupList ? await Promise.all(groupList.map((g) => listGroup(reader, g.GroupName ?? ''))) : undefined;
  return { attached, inline, groups };
}

async function listGroup(reader: IamReader, group: string) {
  const attached = await reader.pages<ListAttachedGroupPoliciesCommandOutput, AttachedPolicy>(
    (Marker) => new ListAttachedGroupPoliciesCommand({ GroupName: group, Marker }),
    (p) => p.AttachedPolicies,
    group,
  );
  const names = await reader.pages<ListGroupPoliciesCommandOutput, string>(
    (Marker) => new ListGroupPoliciesCommand({ GroupName: group, Marker }),
    (p) => p.PolicyNames,
    group,
  );
  const inline = names?.map((name) => ({
    owner: group,
    name,
    subject: `${group}/${name}`,
    prefix: `group ${group}: inline`,
    get: () => new GetGroupPolicyCommand({ GroupName: group, PolicyName: name }),
  }));
  return { group, attached, inline };
}

async function listRole(reader: IamReader, role: string): Promise<Listing> {
  const attached = await reader.pages<ListAttachedRolePoliciesCommandOutput, AttachedPolicy>(
    (Marker) => new ListAttachedRolePoliciesCommand({ RoleName: role, Marker }),
    (p) => p.AttachedPolicies,
    role,
  );
  const names = await reader.pages<ListRolePoliciesCommandOutput, string>(
    (Marker) => new ListRolePoliciesCommand({ RoleName: role, Marker }),
    (p) => p.PolicyNames,
    role,
  );
  const inline = names?.map((name) => ({
    owner: role,
    name,
    subject: `${role}/${name}`,
    prefix: 'role inline',
    get: () => new GetRolePolicyCommand({ RoleName: role, PolicyName: name }),
  }));
  return { attached, inline, groups: [] };
}

const listingComplete = (l: Listing) =>
  l.attached !== undefined &&
  l.inline !== undefined &&
  (l.groups?.every((g) => g.attached !== undefined && g.inline !== undefined) ?? false);

/** What GetAccountAuthorizationDetails says about one principal, in the shape of a Listing plus documents. */
interface Details {
  attached: AttachedPolicy[];
  inline: FoundPolicy[];
  managedDocs: Map<string, PolicyDocument>;
}

async function fromAuthorizationDetails(reader: IamReader, p: Principal): Promise<Details | undefined> {
  const filter = p.kind === 'user' ? ['User', 'Group', 'LocalManagedPolicy'] : ['Role', 'LocalManagedPolicy'];
  const pages = await reader.pages<
    GetAccountAuthorizationDetailsCommandOutput,
    GetAccountAuthorizationDetailsCommandOutput
  >(
    (Marker) => new GetAccountAuthorizationDetailsCommand({ Filter: filter as never, Marker }),
    (page) => [page],
    p.account,
  );
  if (!pages) return undefined;
  const users = pages.flatMap((x) => x.UserDetailList ?? []);
  const groups = pages.flatMap((x) => x.GroupDetailList ?? []);
  const roles = pages.flatMap((x) => x.RoleDetailList ?? []);
  const managedDocs = new Map<string, PolicyDocument>();
  for (const pol of pages.flatMap((x) => x.Policies ?? [])) {
    const v = pol.PolicyVersionList?.find((pv) => pv.IsDefaultVersion) ?? pol.PolicyVersionList?.[0];
    const doc = decode(v?.Document, `managed ${pol.PolicyName}`, reader);
    if (pol.Arn && doc) managedDocs.set(pol.Arn, doc);
  }
  const attached: AttachedPolicy[] = [];
  const inline: FoundPolicy[] = [];
  if (p.kind === 'user') {
    const u = users.find((x) => x.UserName === p.name || x.Arn === p.arn);
    if (!u) return undefined;
    attached.push(...(u.AttachedManagedPolicies ?? []));
    for (const ip of u.UserPolicyList ?? []) {
      const label = `inline ${p.name}/${ip.PolicyName}`;
      inline.push({ label, doc: decode(ip.PolicyDocument, label, reader) });
    }
    for (const gname of u.GroupList ?? []) {
      const g = groups.find((x) => x.GroupName === gname);
      attached.push(...(g?.AttachedManagedPolicies ?? []));
      for (const ip of g?.GroupPolicyList ?? []) {
        const label = `group ${gname}: inline ${gname}/${ip.PolicyName}`;
        inline.push({ label, doc: decode(ip.PolicyDocument, label, reader) });
      }
    }
  } else {
    const r = roles.find((x) => x.RoleName === p.name);
    if (!r) return undefined;
    attached.push(...(r.AttachedManagedPolicies ?? []));
    for (const ip of r.RolePolicyList ?? []) {
      const label = `role inline ${p.name}/${ip.PolicyName}`;
      inline.push({ label, doc: decode(ip.PolicyDocument, label, reader) });
    }
  }
  return { attached, inline, managedDocs };
}

/** GetPolicy for the default version id, then GetPolicyVersion for the document. */
async function managedDocument(reader: IamReader, arn: string, label: string): Promise<PolicyDocument | undefined> {
  const pol = await reader.call<GetPolicyCommandOutput>(new GetPolicyCommand({ PolicyArn: arn }), arn);
  const versionId = pol?.Policy?.DefaultVersionId;
  if (!versionId) return undefined;
  const ver = await reader.call<GetPolicyVersionCommandOutput>(
    new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: versionId }),
    `${arn} ${versionId}`,
  );
  return decode(ver?.PolicyVersion?.Document, label, reader);
}

async function inlineDocument(reader: IamReader, ref: InlineRef): Promise<FoundPolicy> {
  const label = `${ref.prefix} ${ref.subject}`;
  const out = await reader.call<GetUserPolicyCommandOutput & GetGroupPolicyCommandOutput & GetRolePolicyCommandOutput>(
    ref.get(),
    ref.subject,
  );
  return { label, doc: decode(out?.PolicyDocument, label, reader) };
}

/**
 * The policies of a user (attached, inline, and its groups' attached and inline) or of an assumed
 * role (attached and inline), with their documents. Where a list is denied, tries
 * GetAccountAuthorizationDetails for the same answers.
 */
export async function collectPolicies(reader: IamReader, p: Principal): Promise<CollectedPolicies> {
  if (!p.name || (p.kind !== 'user' && p.kind !== 'assumed-role')) {
    return { policies: [], complete: false, viaAuthorizationDetails: false };
  }
  const listing = p.kind === 'user' ? await listUser(reader, p.name) : await listRole(reader, p.name);
  let attached: AttachedPolicy[] = [
    ...(listing.attached ?? []),
    ...(listing.groups ?? []).flatMap((g) => g.attached ?? []),
  ];
  let inline: FoundPolicy[] = [];
  const inlineRefs = [...(listing.inline ?? []), ...(listing.groups ?? []).flatMap((g) => g.inline ?? [])];
  let managedDocs = new Map<string, PolicyDocument>();
  let listed = listingComplete(listing);
  let viaAuthorizationDetails = false;

  if (!listed) {
    const deniedBefore = [...reader.denied];
    const details = await fromAuthorizationDetails(reader, p);
    if (details) {
      // The account-wide answer replaces the partial one, and the denied lists no longer matter.
      reader.resolve(deniedBefore);
      attached = details.attached;
      inline = details.inline;
      managedDocs = details.managedDocs;
      listed = true;
      viaAuthorizationDetails = true;
    }
  }
  if (!viaAuthorizationDetails) inline = await Promise.all(inlineRefs.map((ref) => inlineDocument(reader, ref)));

  const seen = new Set<string>();
  const managed: FoundPolicy[] = [];
  for (const a of attached) {
    if (!a.PolicyArn || seen.has(a.PolicyArn)) continue;
    seen.add(a.PolicyArn);
    const label = `managed ${a.PolicyName ?? a.PolicyArn}`;
    const doc = managedDocs.get(a.PolicyArn) ?? (await managedDocument(reader, a.PolicyArn, label));
    managed.push({ label, arn: a.PolicyArn, doc });
  }
  const policies = [...managed, ...inline];
  return { policies, complete: listed && policies.every((x) => x.doc !== undefined), viaAuthorizationDetails };
}
