import { crossEnvironmentRisk, intentMismatchRisk } from '../../src/assess/place-risks.js';
import type { AssessInput } from '../../src/core/provider.js';
import type { RiskSignal } from '../../src/core/types.js';
import { listSome } from '../railway/risks.js';
import { type CfFacts, cfFacts, describeResource, describeZone } from './model.js';

function breadth(f: CfFacts): string {
  const parts = [
    ...(f.allZones ? [`reaches every zone of its account(s) (${f.zones.length} now, and any added later)`] : []),
    ...(f.mintsTokens ? ['can create new tokens with any permission its user holds'] : []),
  ];
  return parts.join(', and ');
}

const wide = (f: CfFacts) => f.allZones || f.mintsTokens;

function dnsTakeover(f: CfFacts): RiskSignal[] {
  const zones = f.zones.filter((z) => z.production && (z.can?.dnsWrite || z.can?.zoneWrite)).map(describeZone);
  if (zones.length === 0) return [];
  return [
    {
      id: 'dns-takeover',
      severity: 'high',
      message: `can rewrite the live DNS of ${listSome(zones)}: send its traffic, mail and certificate checks anywhere`,
    },
  ];
}

function destructiveProductionAccess(f: CfFacts): RiskSignal[] {
  const targets = [
    ...f.resources.filter((r) => r.production && r.write).map(describeResource),
    ...f.zones
      .filter((z) => z.production && z.can?.zoneWrite)
      .map((z) => `${describeZone(z)} with all its DNS records`),
  ];
  if (targets.length === 0) return [];
  return [
    {
      id: 'destructive-production-access',
      severity: 'critical',
      message: `can delete, with no undo: ${listSome(targets)}`,
    },
  ];
}

function accountWide(f: CfFacts): RiskSignal[] {
  if (!f.allZones) return [];
  return [{ id: 'account-wide-token', severity: 'high', message: `not limited to chosen zones: ${breadth(f)}` }];
}

function privilegeEscalation(f: CfFacts): RiskSignal[] {
  if (!f.mintsTokens) return [];
  return [
    {
      id: 'privilege-escalation',
      severity: 'high',
      message: 'holds API Tokens Write: it can create a new token with any permission its user holds',
    },
  ];
}

function noExpiry(f: CfFacts): RiskSignal[] {
  if (f.expiresAt !== null) return [];
  return [
    {
      id: 'no-expiry',
      severity: 'medium',
      message: 'Cloudflare shows no expiry (no TTL was set): it works until someone revokes it',
    },
  ];
}

/** Cloudflare's own risks, from the facts the inspector kept. */
export function assessCloudflare(input: AssessInput): RiskSignal[] {
  if (input.inspection.verification !== 'verified') return [];
  const f = cfFacts(input.inspection.scope?.facts);
  if (!f) return [];
  const production = [
    ...f.zones.filter((z) => z.production).map(describeZone),
    ...f.resources.filter((r) => r.production).map(describeResource),
  ];
  return [
    ...destructiveProductionAccess(f),
    ...dnsTakeover(f),
    ...accountWide(f),
    ...privilegeEscalation(f),
    ...crossEnvironmentRisk(input, production),
    ...(wide(f) ? intentMismatchRisk(input, breadth(f)) : []),
    ...noExpiry(f),
  ];
}
