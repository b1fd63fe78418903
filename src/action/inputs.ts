import * as core from '@actions/core';
import { PROVIDERS } from '../../providers/registry.js';
import { SEVERITIES, type Severity } from '../core/types.js';
import { declaredEndpoints } from '../inspect/endpoint-specs.js';

export type ScanMode = 'pr' | 'push' | 'full';
export const SCAN_MODES: readonly ScanMode[] = ['pr', 'push', 'full'];

/** The inputs of action.yml, read and checked once; a bad value names its input. */
export interface ActionInputs {
  githubToken: string;
  failOn: Severity;
  verify: boolean;
  comment: boolean;
  /** As written (relative to the workspace or absolute); '' when the config file is found by name. */
  config: string;
  /** Where to write SARIF; '' when no SARIF is wanted. */
  sarifFile: string;
  /** '' means: chosen by the event (pr on pull_request, push on push, full otherwise). */
  scan: ScanMode | '';
  /**
   * Connect to hosts the scanned content names (database URLs). Off by default: a pull request's
   * files would otherwise choose where the runner connects (internal addresses included).
   */
  inspectFoundHosts: boolean;
  /** Provider endpoint flags (railway-endpoint, github-api-url, aws-endpoint) -> URL, when given. */
  endpoints: Record<string, string>;
}

export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new InputError(`input ${name}: expected one of ${allowed.join(', ')}, got '${value}'`);
}

function bool(name: string, fallback: boolean): boolean {
  if (core.getInput(name) === '') return fallback;
  try {
    return core.getBooleanInput(name);
  } catch {
    throw new InputError(`input ${name}: expected true or false, got '${core.getInput(name)}'`);
  }
}

export function readInputs(): ActionInputs {
  const endpoints: Record<string, string> = {};
  // The input names are the CLI's endpoint flags, so action.yml and the CLI cannot drift apart.
  for (const { spec } of declaredEndpoints(PROVIDERS)) {
    const value = core.getInput(spec.flag);
    if (value) endpoints[spec.flag] = value;
  }
  const scan = core.getInput('scan');
  return {
    githubToken: core.getInput('github-token'),
    failOn: oneOf('fail-on', core.getInput('fail-on') || 'high', SEVERITIES),
    verify: bool('verify', true),
    comment: bool('comment', true),
    inspectFoundHosts: bool('inspect-found-hosts', false),
    config: core.getInput('config'),
    sarifFile: core.getInput('sarif-file'),
    scan: scan === '' ? '' : oneOf('scan', scan, SCAN_MODES),
    endpoints,
  };
}
