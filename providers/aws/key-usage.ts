import {
  type AccessKeyMetadata,
  GetAccessKeyLastUsedCommand,
  type GetAccessKeyLastUsedCommandOutput,
  ListAccessKeysCommand,
  type ListAccessKeysCommandOutput,
} from '@aws-sdk/client-iam';
import type { KeyUsage } from './facts.js';
import type { IamReader } from './iam-reader.js';

export type { KeyUsage };

const iso = (d: Date | undefined) => (d instanceof Date && !Number.isNaN(d.getTime()) ? d.toISOString() : undefined);

/**
 * Age and last use of a long-lived key (an ASIA key is temporary and has neither). ListAccessKeys
 * without a user name lists the caller's own keys. The last-used service is the one hint of what
 * the key is really for, which remediation passes on.
 */
export async function readKeyUsage(reader: IamReader, accessKeyId: string): Promise<KeyUsage> {
  const usage: KeyUsage = {};
  const keys = await reader.pages<ListAccessKeysCommandOutput, AccessKeyMetadata>(
    (Marker) => new ListAccessKeysCommand({ Marker }),
    (p) => p.AccessKeyMetadata,
    'own keys',
  );
  const mine = keys?.find((k) => k.AccessKeyId === accessKeyId);
  if (mine) {
    usage.created = iso(mine.CreateDate);
    usage.status = mine.Status;
  }
  const last = await reader.call<GetAccessKeyLastUsedCommandOutput>(
    new GetAccessKeyLastUsedCommand({ AccessKeyId: accessKeyId }),
    'this key',
  );
  const lu = last?.AccessKeyLastUsed;
  if (lu) {
    // IAM says "N/A" for a key never used.
    const known = (s: string | undefined) => (s && s !== 'N/A' ? s : undefined);
    usage.lastUsed = { date: iso(lu.LastUsedDate), service: known(lu.ServiceName), region: known(lu.Region) };
  }
  return usage;
}
