import { PROVIDERS } from '../../providers/registry.js';
import { assess } from '../assess/assess.js';
import { UsageError } from '../config/load.js';
import { providersById } from '../core/audit.js';
import type { Provider, Validator } from '../core/provider.js';
import type { RuleSpec } from '../core/rule.js';
import { Secret, fingerprint } from '../core/secret.js';
import type { Credential } from '../core/types.js';
import { toolVersion } from '../core/version.js';
import { inspectAll } from '../inspect/run.js';
import { buildReport } from '../report/model.js';
import { exitCodeForReport } from './exit.js';
import type { CliIO } from './io.js';
import { emit, render, tableView } from './render.js';
import { settingsFrom } from './settings.js';

/**
 * The provider's rule the token fits: its pattern matches the whole text and its validator (a
 * checksum, a decoded payload) accepts it, as a scan would require.
 */
function ruleFor(provider: Provider, secret: string): RuleSpec | undefined {
  const validators: Record<string, Validator> = Object.assign({}, ...PROVIDERS.map((p) => p.validators ?? {}));
  return provider.rules.find((r) => {
    if (!new RegExp(`^(?:${r.regex})$`, r.flags ?? '').test(secret)) return false;
    const check = r.validator ? validators[r.validator] : undefined;
    return !r.validator || (check ? check(secret) : false);
  });
}

/** The credential typed on stdin, shaped like one a scan would have found. */
function credentialFrom(provider: Provider, text: string, force: boolean): Credential {
  const parsed = provider.parseInspectInput?.(text) ?? { secret: text.trim().split(/\s+/)[0] ?? '' };
  if (!parsed.secret) throw new UsageError('inspect: standard input is empty; pipe the token in');
  // Whatever is piped in is sent to the provider: refuse what is not one of its tokens (a typo,
  // another provider's key, a bad checksum), unless the user insists.
  const fits = ruleFor(provider, parsed.secret);
  if (!fits && !force) {
    throw new UsageError(
      `inspect: standard input does not look like a ${provider.name} token (no rule of ${provider.id} accepts it); nothing was sent. Use --force to send it anyway`,
    );
  }
  // The rule whose pattern the token fits names its kind and how to redact it; the first rule otherwise.
  const rule = fits ?? provider.rules[0]!;
  const secret = new Secret(parsed.secret, rule.redaction);
  return {
    fingerprint: fingerprint(provider.id, secret),
    ruleId: rule.id,
    provider: provider.id,
    kind: rule.kind,
    secret,
    parts: Object.fromEntries(Object.entries(parsed.parts ?? {}).map(([k, v]) => [k, new Secret(v)])),
    locations: [{ path: 'stdin', line: 1, source: 'stdin' }],
    contexts: [],
  };
}

export async function runInspect(args: Record<string, unknown>, io: CliIO): Promise<number> {
  const providers = providersById();
  const provider = providers.get(String(args.provider));
  if (!provider) {
    throw new UsageError(
      `--provider: unknown provider "${args.provider}" (known: ${[...providers.keys()].join(', ')})`,
    );
  }
  if (!io.stdin) throw new UsageError('inspect: no standard input; pipe the token in');
  const s = settingsFrom(args, io, undefined);
  const credential = credentialFrom(provider, await io.stdin(), Boolean(args.force));
  const { inspections } = await inspectAll([credential], providers, {
    offline: s.offline,
    skipFoundHosts: s.skipFoundHosts,
    foundHostPorts: s.foundHostPorts,
    maxInspections: s.config.inspect.maxCredentials,
    endpoints: s.endpoints,
    policy: s.config.policy,
    concurrency: 1,
    budgetMs: s.config.inspect.budgetMs,
    http: { timeoutMs: s.config.inspect.timeoutMs },
    ...(io.clients ? { clients: io.clients } : {}),
    ...(io.fetchImpl ? { fetchImpl: io.fetchImpl } : {}),
  });
  const finding = assess(credential, inspections.get(credential.fingerprint)!, provider, s.config.policy);
  const report = buildReport(
    { target: 'stdin', findings: [finding], failOn: s.failOn, endpoints: s.offline ? {} : s.endpoints, notes: [] },
    toolVersion(),
  );
  const rules = PROVIDERS.flatMap((p) => p.rules);
  emit(render(report, s.format, rules, tableView(io, s.output)), s.output, io);
  return exitCodeForReport(report);
}
