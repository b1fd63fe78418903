import type { RedactionStyle } from '../core/secret.js';
import { Secret } from '../core/secret.js';
import type { Candidate } from '../core/types.js';

/** A candidate as it crosses a worker-thread boundary: Secret objects do not survive structured clone. */
export interface WireCandidate extends Omit<Candidate, 'secret' | 'parts'> {
  secret: string;
  style: RedactionStyle;
  parts?: Record<string, string>;
}

export function toWire(c: Candidate): WireCandidate {
  const { secret, parts, ...rest } = c;
  const w: WireCandidate = { ...rest, secret: secret.reveal(), style: secret.style };
  if (parts) w.parts = Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, v.reveal()]));
  return w;
}

export function fromWire(w: WireCandidate): Candidate {
  const { secret, style, parts, ...rest } = w;
  const c: Candidate = { ...rest, secret: new Secret(secret, style) };
  if (parts) c.parts = Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, new Secret(v)]));
  return c;
}

/** A fragment's outcome as it crosses back from a scanning thread. */
export interface WireOutcome {
  found: WireCandidate[];
  bytes: number;
  skipped?: string;
  notes?: string[];
  blob?: string;
  unread?: 'oversize' | 'unreadable';
}

/** The pool's last message to a scanning thread, and the thread's answer once its git readers have exited. */
export const CLOSE = 'close';
export const CLOSED = 'closed';
