import { afterAll, beforeAll } from '@jest/globals';
import { PROBES } from '../../providers/google/model.js';
import { type StartedDouble, started } from '../helpers/hosting-suites.js';
import { FAULT_PLANS } from '../helpers/rest-double.js';
import { GoogleDouble, type GoogleProject, type KeyPlan } from './double.js';
import { serviceAccountKey, type TestKey } from './tokens.js';

/**
 * The Google Cloud the tests talk to: organization Acme with "acme-prod" (production by its id,
 * name and env label), "acme-staging", and "acme-analytics" (labelled env=production under a
 * neutral id). Pages of two make the listing span pages.
 */
export const PROJECTS: GoogleProject[] = [
  { projectId: 'acme-prod', projectNumber: '310476025841', name: 'Acme Production', labels: { env: 'production' } },
  { projectId: 'acme-staging', projectNumber: '310476025842', name: 'Acme Staging', labels: { env: 'staging' } },
  { projectId: 'acme-analytics', projectNumber: '310476025843', name: 'Analytics', labels: { environment: 'prod' } },
  { projectId: 'acme-old', projectNumber: '310476025844', name: 'Old', lifecycleState: 'DELETE_REQUESTED' },
];

/** roles/owner holds every permission tokenscope asks about; roles/viewer only projects.get. */
export const OWNER = PROBES.map((p) => p.permission);
export const VIEWER = ['resourcemanager.projects.get'];

type Live = Omit<Extract<KeyPlan, { kind: 'live' }>, 'publicKey' | 'keyId'>;
const everywhere = PROJECTS.map((p) => p.projectId);

/** Each named key: its account and home project, and what Google does with it. */
const PLANS: Record<string, { account: string; project: string; plan: Live | KeyPlan }> = {
  owner: {
    account: 'dns-sync',
    project: 'acme-staging',
    plan: {
      kind: 'live',
      sees: everywhere,
      grants: { 'acme-prod': OWNER, 'acme-staging': OWNER, 'acme-analytics': VIEWER },
    },
  },
  viewer: {
    account: 'reporting',
    project: 'acme-staging',
    plan: { kind: 'live', sees: ['acme-staging'], grants: { 'acme-staging': VIEWER } },
  },
  // Holds a delete in its own project, which it cannot list.
  unlisted: {
    account: 'backup',
    project: 'acme-prod',
    plan: { kind: 'live', sees: [], grants: { 'acme-prod': ['storage.buckets.delete'] } },
  },
  apiDisabled: {
    account: 'fresh',
    project: 'acme-staging',
    plan: { kind: 'live', sees: [], grants: {}, apiDisabled: true },
  },
  revoked: { account: 'old-ci', project: 'acme-staging', plan: { kind: 'revoked' } },
  limitOnce: {
    account: 'busy',
    project: 'acme-staging',
    plan: { kind: 'live', sees: ['acme-staging'], grants: { 'acme-staging': VIEWER }, limitOnce: true },
  },
  hangHalfway: {
    account: 'slow',
    project: 'acme-staging',
    plan: { kind: 'live', sees: everywhere, grants: {}, hangOn: '/v1/projects' },
  },
  ...Object.fromEntries(
    Object.entries(FAULT_PLANS).map(([name, plan]) => [
      name,
      { account: name.toLowerCase(), project: 'acme-staging', plan },
    ]),
  ),
};
export type KeyName = keyof typeof PLANS & string;

/** Key pairs are slow to make: one set per test file. */
let made: Record<string, TestKey> | undefined;
export function testKeys(): Record<string, TestKey> {
  made ??= Object.fromEntries(
    Object.entries(PLANS).map(([name, p]) => [
      name,
      // The owner's file names a token_uri of its own: tokenscope must never send there.
      serviceAccountKey(
        p.project,
        p.account,
        name === 'owner' ? 'https://collector.tokens-relay.net/token' : undefined,
      ),
    ]),
  );
  return made;
}

export function googleDouble(): { double: GoogleDouble; keys: Record<string, TestKey> } {
  const keys = testKeys();
  const entries = Object.entries(PLANS).map(([name, p]) => {
    const key = keys[name]!;
    const plan: KeyPlan =
      p.plan.kind === 'live'
        ? { ...(p.plan as Live), publicKey: key.publicKey, keyId: key.keyId }
        : (p.plan as KeyPlan);
    return [key.clientEmail, { plan, json: key.json }] as const;
  });
  return { double: new GoogleDouble(PROJECTS, new Map(entries)), keys };
}

/** A fresh double, started, in the shape the shared suites take (tokens: the key files). */
export function startGoogle(): Promise<StartedDouble> {
  const { double, keys } = googleDouble();
  return started(double, Object.fromEntries(Object.entries(keys).map(([n, k]) => [n, k.json])));
}

/** A double for one describe block or file: started before, stopped after; read its fields in tests. */
export function useGoogleDouble(): { double: GoogleDouble; keys: Record<string, TestKey>; url: string } {
  const state = googleDouble() as { double: GoogleDouble; keys: Record<string, TestKey>; url: string };
  beforeAll(async () => {
    state.url = await state.double.start();
  });
  afterAll(() => state.double.stop());
  return state;
}
