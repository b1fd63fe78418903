/** Who a key acts as, read from the ARN that sts:GetCallerIdentity returns. */
export interface Principal {
  kind: 'user' | 'assumed-role' | 'root' | 'federated-user' | 'unknown';
  arn: string;
  account: string;
  /** User name, or the role's name for an assumed role. */
  name?: string;
  /** The role's session name, for an assumed role. */
  session?: string;
  partition: string;
}

/**
 * arn:aws:iam::123456789012:user/path/alice       -> user alice
 * arn:aws:iam::123456789012:root                  -> root
 * arn:aws:sts::123456789012:assumed-role/Role/sess -> role Role (the path is not in this ARN)
 * arn:aws:sts::123456789012:federated-user/bob     -> federated user bob
 */
export function parsePrincipal(arn: string, fallbackAccount = ''): Principal {
  const m = /^arn:([^:]+):(iam|sts)::(\d{12}):(.+)$/.exec(arn);
  if (!m) return { kind: 'unknown', arn, account: fallbackAccount, partition: 'aws' };
  const [, partition, service, account, resource] = m as unknown as [string, string, string, string, string];
  const base = { arn, account, partition };
  if (service === 'iam' && resource === 'root') return { ...base, kind: 'root' };
  if (service === 'iam' && resource.startsWith('user/')) {
    return { ...base, kind: 'user', name: resource.split('/').pop() };
  }
  if (service === 'sts' && resource.startsWith('assumed-role/')) {
    const [, role, ...session] = resource.split('/');
    return { ...base, kind: 'assumed-role', name: role, session: session.join('/') };
  }
  if (service === 'sts' && resource.startsWith('federated-user/')) {
    return { ...base, kind: 'federated-user', name: resource.slice('federated-user/'.length) };
  }
  return { ...base, kind: 'unknown' };
}

/** The role's own ARN, without its path (an assumed-role ARN does not carry it). */
export function roleArn(p: Principal): string {
  return `arn:${p.partition}:iam::${p.account}:role/${p.name}`;
}
