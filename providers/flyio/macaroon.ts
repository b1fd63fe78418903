import { MsgpackError, type Packed, unpack } from './msgpack.js';

/**
 * Fly.io macaroons, decoded offline (no key, no network): the caveats say which organization, which
 * apps, which actions and until when. Format (github.com/superfly/macaroon, format.go and
 * macaroon.go): an Authorization value `FlyV1 <tok>,<tok>...`, each `<label>_<base64>` with label
 * fm2 (v2), fm1r (permission) or fm1a (discharge); each is MessagePack of the array
 * [nonce, location, caveats, tail], caveats a flat array [type, body, type, body, ...], bodies
 * array-encoded structs. Decoding is not verifying: the HMAC chain needs Fly's key, so what a token
 * claims is what it can do at most, if Fly still honours it.
 */

/** Actions as Fly writes them: r(ead) w(rite) c(reate) d(elete) C(ontrol). */
export type Actions = string;

export interface ResourceGrant {
  /** Fly's numeric id (decimal); '0' is the wildcard "every one". */
  id: string;
  actions: Actions;
}

export interface MacaroonCaveats {
  organizations: ResourceGrant[];
  /** Undefined: no Apps caveat, so every app of the organization. */
  apps?: ResourceGrant[];
  /** An IfPresent's else: what the token may do to anything its Ifs do not name. */
  otherwise?: Actions;
  /** Action caveats: a mask over everything. */
  actions?: Actions;
  notBefore?: number;
  notAfter?: number;
  mutations?: string[];
  features?: ResourceGrant[];
  /** Volumes, Machines, Clusters or MachineFeatureSet caveats narrow the token further. */
  narrowedTo: string[];
  /** Locations of third-party caveats (an authentication service that must discharge them). */
  thirdParty: string[];
  /** Caveat type numbers this reader does not know. */
  unknownTypes: number[];
}

export interface DecodedMacaroon {
  label: 'fm2' | 'fm1r' | 'fm1a';
  location: string;
  caveats: MacaroonCaveats;
}

/** Fly's permission tokens name this location; discharges name their third party's. */
export const PERMISSION_LOCATION = 'https://api.fly.io/v1';

const CAV = {
  organization: 0,
  volumes: 2,
  apps: 3,
  validityWindow: 4,
  featureSet: 5,
  mutations: 6,
  machines: 7,
  confineUser: 8,
  confineOrganization: 9,
  isUser: 10,
  thirdParty: 11,
  bindToParent: 12,
  ifPresent: 13,
  machineFeatureSet: 14,
  fromMachine: 15,
  clusters: 16,
  confineGoogleHD: 19,
  confineGitHubOrg: 20,
  maxValidity: 21,
  noAdminFeatures: 22,
  attestationFlyUser: 23,
  attestationGitHubUser: 24,
  attestationGoogleUser: 25,
} as const;

/** Caveats that attest or bind, and restrict nothing this report talks about. */
const SILENT: number[] = [
  CAV.confineUser,
  CAV.confineOrganization,
  CAV.isUser,
  CAV.bindToParent,
  CAV.fromMachine,
  CAV.confineGoogleHD,
  CAV.confineGitHubOrg,
  CAV.maxValidity,
  CAV.noAdminFeatures,
  CAV.attestationFlyUser,
  CAV.attestationGitHubUser,
  CAV.attestationGoogleUser,
];

export class MacaroonFormatError extends Error {}

const TOKEN = /^(fm2|fm1r|fm1a)_([A-Za-z0-9+/]+={0,2})$/;
/** A real token is a few hundred bytes; far more is not a token, and is not decoded. */
const MAX_TOKEN_CHARS = 64 * 1024;

/** The tokens of a `FlyV1 ...` value (the scheme optional), decoded; throws on anything else. */
export function decodeFlyMacaroons(text: string): DecodedMacaroon[] {
  const value = text.trim().replace(/^FlyV1\s+/, '');
  if (value.length > MAX_TOKEN_CHARS) throw new MacaroonFormatError('longer than any Fly.io token');
  const parts = value.split(',').map((p) => p.trim());
  return parts.map((part, i) => {
    const m = TOKEN.exec(part);
    if (!m) throw new MacaroonFormatError(`token ${i + 1} is not fm2_/fm1r_/fm1a_ followed by base64`);
    try {
      return readMacaroon(m[1] as DecodedMacaroon['label'], Buffer.from(m[2]!, 'base64'));
    } catch (e) {
      if (e instanceof MsgpackError || e instanceof MacaroonFormatError) {
        throw new MacaroonFormatError(`token ${i + 1} does not decode as a macaroon: ${e.message}`);
      }
      throw e;
    }
  });
}

function readMacaroon(label: DecodedMacaroon['label'], bytes: Uint8Array): DecodedMacaroon {
  const m = unpack(bytes);
  if (!Array.isArray(m) || m.length !== 4) throw new MacaroonFormatError('not an array of 4 fields');
  const [, location, caveats] = m;
  if (typeof location !== 'string') throw new MacaroonFormatError('location is not a string');
  if (!Array.isArray(caveats)) throw new MacaroonFormatError('caveats are not an array');
  return { label, location, caveats: readCaveats(caveats) };
}

function emptyCaveats(): MacaroonCaveats {
  return { organizations: [], narrowedTo: [], thirdParty: [], unknownTypes: [] };
}

function readCaveats(flat: Packed[], into: MacaroonCaveats = emptyCaveats()): MacaroonCaveats {
  if (flat.length % 2 !== 0) throw new MacaroonFormatError('caveat list has an odd length');
  for (let i = 0; i < flat.length; i += 2) {
    const type = flat[i];
    const body = flat[i + 1] ?? null;
    if (typeof type !== 'number') {
      into.unknownTypes.push(-1);
      continue;
    }
    readCaveat(type, body, into);
  }
  return into;
}

function readCaveat(type: number, body: Packed, into: MacaroonCaveats): void {
  const fields = Array.isArray(body) ? body : [];
  switch (type) {
    case CAV.organization:
      into.organizations.push({ id: idOf(fields[0]), actions: actionsOf(fields[1]) });
      return;
    case CAV.apps:
      into.apps = intersect(into.apps, grantsOf(fields[0]));
      return;
    case CAV.validityWindow: {
      const [nb, na] = fields.map(Number);
      if (Number.isFinite(nb)) into.notBefore = Math.max(into.notBefore ?? -Infinity, nb!);
      if (Number.isFinite(na)) into.notAfter = Math.min(into.notAfter ?? Infinity, na!);
      return;
    }
    case CAV.featureSet:
      into.features = grantsOf(fields[0]);
      return;
    case CAV.mutations:
      into.mutations = Array.isArray(fields[0]) ? fields[0].filter((x): x is string => typeof x === 'string') : [];
      return;
    case CAV.volumes:
      into.narrowedTo.push('volumes');
      return;
    case CAV.machines:
      into.narrowedTo.push('machines');
      return;
    case CAV.clusters:
      into.narrowedTo.push('clusters');
      return;
    case CAV.machineFeatureSet:
      into.narrowedTo.push('machine features');
      return;
    case CAV.thirdParty:
      into.thirdParty.push(typeof fields[0] === 'string' ? fields[0] : '(unnamed)');
      return;
    case CAV.ifPresent: {
      // The Ifs narrow what they name (an app); the else bounds everything else.
      const ifs = Array.isArray(fields[0]) ? fields[0] : [];
      readCaveats(ifs, into);
      into.otherwise = actionsOf(fields[1]);
      return;
    }
    default:
      if (!SILENT.includes(type)) into.unknownTypes.push(type);
  }
}

/** Two Apps caveats: a token may use only apps both allow, with the actions both allow. */
function intersect(a: ResourceGrant[] | undefined, b: ResourceGrant[]): ResourceGrant[] {
  if (a === undefined) return b;
  const grant = (set: ResourceGrant[], id: string) => set.find((g) => g.id === id) ?? set.find((g) => g.id === '0');
  const ids = new Set([...a, ...b].map((g) => g.id));
  const named = [...ids].filter((id) => id !== '0');
  const out: ResourceGrant[] = [];
  for (const id of named.length > 0 ? named : ['0']) {
    const x = grant(a, id);
    const y = grant(b, id);
    if (x && y) out.push({ id, actions: both(x.actions, y.actions) });
  }
  return out;
}

function both(a: Actions, b: Actions): Actions {
  return [...a].filter((c) => b.includes(c)).join('');
}

function idOf(v: Packed | undefined): string {
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (typeof v === 'string') return v;
  throw new MacaroonFormatError('a resource id is neither a number nor a string');
}

/** Fly's action bitmap (resset.Action: r=1 w=2 c=4 d=8 C=16) as its letters. */
export function actionsOf(v: Packed | undefined): Actions {
  if (typeof v !== 'number') throw new MacaroonFormatError('an action mask is not a number');
  return (['r', 'w', 'c', 'd', 'C'] as const).filter((_, bit) => (v & (1 << bit)) !== 0).join('');
}

function grantsOf(v: Packed | undefined): ResourceGrant[] {
  if (!(v instanceof Map)) throw new MacaroonFormatError('a resource set is not a map');
  return [...v.entries()].map(([id, mask]) => ({ id: idOf(id), actions: actionsOf(mask) }));
}
