import type { Policy } from '../assess/policy.js';
import type { InspectHttp } from './http-types.js';
import type { HttpOperation } from './operations.js';
import type { RuleSpec } from './rule.js';
import type { WhoamiSpec } from './whoami.js';
import type { Candidate, Credential, Inspection, RiskSignal, Scope, Verification } from './types.js';

/** Where one endpoint's requests go by default, and the flag and environment variables that move it. */
export interface EndpointSpec {
  default: string;
  flag: string;
  env: string[];
}

/** Checks a matched secret beyond its shape (a checksum, a decoded payload). */
export type Validator = (secret: string) => boolean;

export interface InspectContext {
  /** The only way an inspector talks to the network: read-only, time-bounded, pinned to configured endpoints. */
  http: InspectHttp;
  /** The endpoint the user configured for this provider (flag, environment or action input), or its default. */
  endpoint: string;
  /** The provider's named extra endpoints (Provider.extraEndpoints), configured the same way; name -> URL. */
  extraEndpoints?: Record<string, string>;
  policy: Policy;
  /** Aborted when the credential's total time budget runs out. */
  signal: AbortSignal;
  /**
   * The longest wait for any one request (`--timeout`, `inspect.timeoutMs`). ctx.http applies it
   * itself; an inspector with its own client (an SDK, a database driver) must apply it too.
   */
  timeoutMs: number;
  /** Injected clients (SDKs, test doubles), keyed by provider id. */
  clients: Record<string, unknown>;
}

/** Where a found credential would connect, or why tokenscope will not connect anywhere for it. */
export type FoundHostPlace = { port: number } | { verification: Verification; reason: string };

/** What the policy engine hands a provider so it can raise its own risks. */
export interface AssessInput {
  credential: Credential;
  inspection: Inspection;
  policy: Policy;
}

/**
 * Everything one provider knows. A new provider is one folder under providers/ exporting one of
 * these, plus one line in providers/registry.ts.
 */
export interface Provider {
  id: string;
  name: string;
  /** Where a user learns to make a narrower credential. */
  docsUrl: string;
  rules: RuleSpec[];
  validators?: Record<string, Validator>;
  /** Merges the candidates of one fragment (e.g. an AWS key id with its secret key nearby). */
  combine?(candidates: Candidate[]): Candidate[];
  /** Read-only questions to the provider's API. Absent: detection only. */
  inspect?(credential: Credential, ctx: InspectContext): Promise<Inspection>;
  /**
   * Where inspection requests go: a default, overridable only by the user's flag or environment
   * (never by a file in the scanned repository).
   */
  endpoint?: EndpointSpec;
  /**
   * Further hosts one inspection needs, by name (Google: its OAuth token endpoint besides the
   * Resource Manager API). Each is set like `endpoint` (its own flag, environment variables and
   * Action input), and the provider's door is pinned to exactly this set. An operation that names
   * one (`HttpOperation.endpoint`) is allowed only there; the others only at `endpoint`.
   */
  extraEndpoints?: Record<string, EndpointSpec>;
  /**
   * Every HTTP request inspect() may send, exactly (method, path below the endpoint, a POST's
   * body). ctx.http refuses anything else before it leaves; a provider with an endpoint and no list
   * can send nothing.
   */
  operations?: readonly HttpOperation[];
  /**
   * The credential names its own server (a database URL): inspect() connects only to the host
   * inside it, and runs without a configured endpoint (ctx.endpoint is then ''). Before inspect()
   * runs, inspectAll asks `locate` which port that is, and goes on only for the engine's standard
   * port or one the user allowed (--found-host-ports): a found URL must not aim the inspector at
   * any service on any port. `locate` also refuses a URL that is unsafe to act on at all.
   */
  foundHost?: {
    standardPort: number;
    locate(credential: Credential): FoundHostPlace;
  };
  /** What can be learned without any network call (e.g. the AWS account inside a key id). */
  describeOffline?(credential: Credential): Partial<Scope> | undefined;
  /** The provider's own risks, from what inspection learned. */
  assess?(input: AssessInput): RiskSignal[];
  /**
   * `tokenscope inspect --provider <id>` reads one credential from stdin; a provider whose
   * credential has several parts (AWS: key id and secret) says how to split the text.
   */
  parseInspectInput?(text: string): { secret: string; parts?: Record<string, string> } | undefined;
  /**
   * The provider maps no scope but verifies tokens with one read-only "who am I" request
   * (src/core/whoami.ts, `verifiedBy`): what that request is, for `tokenscope rules` and the tests.
   */
  whoami?: WhoamiSpec;
  /** Why a detection-only provider's tokens are not verified (no harmless read-only call). */
  unverifiable?: string;
  /** The narrower credential that should replace this one. */
  remediation?(input: AssessInput): string | undefined;
}
