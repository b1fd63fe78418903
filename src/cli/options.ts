import type { Argv } from 'yargs';
import { PROVIDERS } from '../../providers/registry.js';
import { SEVERITIES } from '../core/types.js';
import { declaredEndpoints } from '../inspect/endpoint-specs.js';
import { FORMATS } from './render.js';

/** Flags shared by the commands that report: format, output, fail-on, inspection and endpoints. */
export function reportingOptions<T>(y: Argv<T>) {
  let out = y
    .option('format', { alias: 'f', choices: FORMATS, default: 'table' as const, describe: 'report format' })
    .option('output', {
      alias: 'o',
      type: 'string',
      describe: 'write the report to FILE (atomically) instead of stdout',
    })
    .option('fail-on', {
      choices: SEVERITIES,
      describe: 'exit 1 when a finding is at or above this severity [default: policy, high]',
    })
    .option('config', {
      alias: 'c',
      type: 'string',
      describe: 'config file [default: .tokenscope.yml|.yaml|.json in PATH]',
    })
    .option('offline', {
      type: 'boolean',
      default: false,
      describe: 'do not ask any provider; every credential is reported unverified',
    })
    .option('timeout', { type: 'number', describe: 'per-request timeout to providers, ms' })
    .option('skip-found-hosts', {
      type: 'boolean',
      default: false,
      describe: 'do not connect to hosts named in scanned files (database URLs); for untrusted content',
    })
    .option('found-host-ports', {
      type: 'string',
      describe:
        "ports a found database URL may be inspected at besides its engine's standard one (PostgreSQL 5432, MySQL 3306, Redis 6379), comma-separated [env: TOKENSCOPE_FOUND_HOST_PORTS]",
    })
    .option('max-inspections', {
      type: 'number',
      describe: 'credentials sent to providers at most; the rest are reported unverified [default: config, 200]',
    });
  for (const { provider, name, spec } of declaredEndpoints(PROVIDERS)) {
    out = out.option(spec.flag, {
      type: 'string',
      describe: `${provider.name} ${name ? `${name} ` : ''}API endpoint (https, or http on loopback) [env: ${spec.env.join(', ')}; ${spec.default ? `default: ${spec.default}` : 'no default: your own host'}]`,
    }) as typeof out;
  }
  return out;
}
