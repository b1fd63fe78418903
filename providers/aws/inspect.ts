import { GetCallerIdentityCommand, type GetCallerIdentityCommandOutput } from '@aws-sdk/client-sts';
import type { InspectContext } from '../../src/core/provider.js';
import { scrub } from '../../src/core/scrub.js';
import type { Credential, Inspection, Scope, Unknown } from '../../src/core/types.js';
import { ProviderUnavailableError } from '../../src/core/errors.js';
import { neverAsked } from '../../src/inspect/unreachable.js';

const THROTTLED = /Throttl|TooManyRequests|RequestLimitExceeded|SlowDown|HTTP 429/i;
import { emptyScope } from '../../src/inspect/run.js';
import { accountIdFromKeyId, keyKind } from './account.js';
import { adminReason, capabilitiesOf, evaluateProbes, permissionsOf } from './analyse.js';
import { type AwsClients, type FoundKey, injectedClients, makeAwsClients } from './clients.js';
import { type CollectedPolicies, collectPolicies } from './collect.js';
import { resolveAwsEndpoints } from './endpoints.js';
import type { AwsFacts } from './facts.js';
import { IamReader } from './iam-reader.js';
import { readKeyUsage } from './key-usage.js';
import { type Principal, parsePrincipal } from './principal.js';
import { classifyAwsError, describeAwsError } from './sdk-errors.js';
import { simulateDangerous } from './simulate.js';

const LIMITS: Unknown = {
  what: 'limits outside the key',
  reason:
    'organization SCPs, permission boundaries, session policies and resource policies are not evaluated; they can only narrow what is listed',
};

function offlineScope(keyId: string, account: string | undefined, facts: AwsFacts): Scope {
  return {
    ...emptyScope(),
    identity: account ? `account ${account}` : null,
    tokenType: keyKind(keyId),
    reach: account ? { accounts: [account] } : {},
    facts: { aws: facts },
  };
}

function describePrincipal(p: Principal): string {
  switch (p.kind) {
    case 'user':
      return `IAM user ${p.name}`;
    case 'assumed-role':
      return `role ${p.name} (session ${p.session})`;
    case 'root':
      return 'the account root user';
    case 'federated-user':
      return `federated user ${p.name}`;
    default:
      return 'an unrecognised principal';
  }
}

/** The key as the SDK wants it, or why it cannot be used at all. */
function foundKey(credential: Credential): FoundKey | string {
  const keyId = credential.secret.reveal();
  const secret = credential.parts['secretAccessKey'];
  if (!secret) return 'no secret access key was found with this key id, so it cannot be used or inspected';
  const token = credential.parts['sessionToken'];
  if (keyId.startsWith('ASIA') && !token) {
    return 'a temporary (ASIA) key works only with its session token, and none was found with it';
  }
  return { accessKeyId: keyId, secretAccessKey: secret.reveal(), ...(token ? { sessionToken: token.reveal() } : {}) };
}

async function callerIdentity(
  clients: AwsClients,
  ctx: InspectContext,
  clean: (m: string) => string,
): Promise<GetCallerIdentityCommandOutput | Inspection> {
  try {
    const out = await clients.sts.send(new GetCallerIdentityCommand({}), { abortSignal: ctx.signal });
    return (out ?? {}) as GetCallerIdentityCommandOutput;
  } catch (e) {
    const why = clean(describeAwsError(e));
    switch (classifyAwsError(e)) {
      case 'read-only-violation':
        throw e;
      case 'bad-key-id':
        return {
          verification: 'invalid',
          reason: `AWS does not know this key id: deleted, deactivated or never real (${why})`,
          scope: null,
        };
      case 'expired':
        return { verification: 'invalid', reason: `these temporary credentials have expired (${why})`, scope: null };
      case 'bad-secret':
        return {
          verification: 'unverified',
          reason: `the secret access key found with this key id does not match it; the key id itself may still be live (${why})`,
          scope: null,
        };
      case 'unavailable':
        // Never reached, or throttled: unverified, as the other providers say it. Reached and then
        // failed (5xx, reset, timeout): an error.
        throw new ProviderUnavailableError(
          `sts:GetCallerIdentity got no answer: ${why}`,
          neverAsked(why) || THROTTLED.test(why) ? 'unverified' : 'error',
        );
      default:
        throw new ProviderUnavailableError(`sts:GetCallerIdentity answered unexpectedly: ${why}`, 'error');
    }
  }
}

/**
 * Inspects one found AWS key, read-only: offline account and canary check, sts:GetCallerIdentity,
 * the principal's policies (or the policy simulator when they are unreadable), offline evaluation of
 * the dangerous actions, and the key's age and last use.
 */
export async function inspectAws(credential: Credential, ctx: InspectContext): Promise<Inspection> {
  if (credential.ruleId !== 'aws-access-key-id') {
    return {
      verification: 'unverified',
      reason: 'a secret access key is usable only with its key id, which was not found with it',
      scope: null,
    };
  }
  const keyId = credential.secret.reveal();
  const account = accountIdFromKeyId(keyId);
  const facts: AwsFacts = { decisions: {} };
  const scope = offlineScope(keyId, account, facts);

  // A canary (honey) token alarms its owner the moment it is used: never send it, not even to STS.
  if (account && ctx.policy.canaryAccounts.includes(account)) {
    facts.canaryAccount = account;
    return {
      verification: 'skipped',
      reason: `the key id belongs to account ${account}, a known canary-token service; using it would trip the alarm`,
      scope,
    };
  }
  const key = foundKey(credential);
  if (typeof key === 'string') return { verification: 'unverified', reason: key, scope };

  const clean = (m: string) => scrub(m, credential);
  const clients =
    injectedClients(ctx.clients['aws']) ??
    makeAwsClients(key, resolveAwsEndpoints(ctx.endpoint, process.env), ctx.timeoutMs);
  const who = await callerIdentity(clients, ctx, clean);
  if ('verification' in who) return who.scope ? who : { ...who, scope };
  if (!who.Arn) throw new ProviderUnavailableError('sts:GetCallerIdentity answered without an ARN', 'error');

  const principal = parsePrincipal(who.Arn, who.Account ?? account ?? '');
  facts.principal = principal;
  const reader = new IamReader(clients.iam, ctx.signal, clean);

  let collected: CollectedPolicies | undefined;
  if (principal.kind === 'user' || principal.kind === 'assumed-role') {
    collected = await collectPolicies(reader, principal);
    const docs = collected.policies.flatMap((p) => (p.doc ? [p.doc] : []));
    if (collected.complete) {
      facts.decisions = evaluateProbes(docs);
      facts.decisionSource = 'policies';
    } else {
      const simulated = await simulateDangerous(reader, principal);
      if (simulated) {
        facts.decisions = simulated;
        facts.decisionSource = 'simulation';
      } else {
        facts.decisions = evaluateProbes(docs);
        facts.decisionSource = 'partial policies';
        reader.note('permissions', 'only the policies listed could be read; the key may be able to do more than shown');
      }
    }
  } else if (principal.kind !== 'root') {
    reader.note('permissions', `the policies of ${describePrincipal(principal)} cannot be read with its own key`);
  }
  facts.admin = adminReason(principal, collected);

  if (keyId.startsWith('AKIA')) facts.key = await readKeyUsage(reader, keyId);
  else reader.note('expiry', 'the expiry of temporary credentials cannot be read with the credentials themselves');

  const acct = principal.account || account || 'unknown';
  return {
    verification: 'verified',
    reason: `sts:GetCallerIdentity: ${describePrincipal(principal)} in account ${acct}`,
    scope: {
      ...scope,
      identity: principal.arn || scope.identity,
      tokenType: `${keyKind(keyId)} of ${describePrincipal(principal)}`,
      permissions: permissionsOf(collected, facts.decisions),
      capabilities: capabilitiesOf(facts.decisions, acct, facts.admin),
      reach: { accounts: [acct] },
      unknowns: [...reader.unknowns, LIMITS],
    },
  };
}
