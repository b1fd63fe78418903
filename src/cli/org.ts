import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { UsageError } from '../config/load.js';
import { listOrgRepos } from '../org/listing.js';
import { renderOrg } from '../org/render.js';
import { scanOrg } from '../org/scan.js';
import { assignShards, parseShard, planMatrix } from '../org/shard.js';
import { exitCodeForReport, EXIT_OK } from './exit.js';
import type { CliIO } from './io.js';
import { emit } from './render.js';
import { settingsFrom } from './settings.js';
import { checkedStatePath } from './state-path.js';

/** "24h", "90m", "7d", "3600s" or a number of seconds. */
export function parseDuration(text: string, flag: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?$/.exec(text.trim());
  if (!m) throw new UsageError(`${flag} must be a duration like 24h, 90m, 7d or a number of seconds, not '${text}'`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[
    (m[2] ?? 's') as 'ms' | 's' | 'm' | 'h' | 'd'
  ];
  return Number(m[1]) * unit;
}

/** Where mirrors are kept between runs: --cache-dir, else $XDG_CACHE_HOME or ~/.cache. */
function cacheDir(args: Record<string, unknown>, io: CliIO): string {
  if (typeof args['cache-dir'] === 'string') return resolve(io.cwd, args['cache-dir']);
  const base = io.env.XDG_CACHE_HOME || join(io.env.HOME || homedir(), '.cache');
  return join(base, 'tokenscope', 'mirrors');
}

/** git's host for the API's host: api.github.com serves github.com; GHES serves git on its own host. */
function gitHostFor(api: URL): string {
  return api.host === 'api.github.com' ? 'github.com' : api.host;
}

/** The token comes from the environment only (a flag would show it to every process on the machine). */
function tokenFrom(args: Record<string, unknown>, io: CliIO): string | undefined {
  const name = typeof args['github-token-env'] === 'string' ? args['github-token-env'] : 'GITHUB_TOKEN';
  return io.env[name] || undefined;
}

export async function runOrg(args: Record<string, unknown>, io: CliIO): Promise<number> {
  const org = String(args.org ?? '');
  if (!/^[A-Za-z0-9][A-Za-z0-9-]*$/.test(org)) throw new UsageError(`'${org}' is not an organization name`);
  if (args.plan !== undefined && args.shard !== undefined)
    throw new UsageError('--plan and --shard cannot be used together');
  // Every flag is checked before the org is listed: a typo should not cost a listing first.
  const planSize = args.plan === undefined ? undefined : Number(args.plan);
  if (planSize !== undefined && (!Number.isInteger(planSize) || planSize < 1 || planSize > 256))
    throw new UsageError('--plan must be a whole number from 1 to 256');
  const shard = typeof args.shard === 'string' ? parseShard(args.shard) : null;
  const ttlMs = parseDuration(String(args['inspect-ttl'] ?? '24h'), '--inspect-ttl');
  const jobs = Number(args.jobs ?? 4);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 32)
    throw new UsageError('--jobs must be a whole number from 1 to 32');
  const statePath = typeof args.state === 'string' ? checkedStatePath(args.state, io.cwd) : undefined;
  const s = settingsFrom(args, io, undefined);
  if (!s.config.policy.scannedOwners.includes(org)) s.config.policy.scannedOwners.push(org);
  const apiUrl = s.endpoints.github;
  if (!apiUrl) throw new UsageError('no GitHub API URL: set --github-api-url or GITHUB_API_URL');
  const token = tokenFrom(args, io);
  const listing = await listOrgRepos({
    org,
    apiUrl,
    ...(token ? { token } : {}),
    includeArchived: Boolean(args['include-archived']),
    includeForks: Boolean(args['include-forks']),
    ...(typeof args['repos-filter'] === 'string' ? { filter: args['repos-filter'] } : {}),
    ...(io.fetchImpl ? { fetchImpl: io.fetchImpl } : {}),
  });

  if (planSize !== undefined) {
    emit(`${JSON.stringify(planMatrix(listing.repos, planSize))}\n`, s.output, io);
    return EXIT_OK;
  }

  const repos = shard ? assignShards(listing.repos, shard.total)[shard.index - 1]! : listing.repos;
  const report = await scanOrg({
    org,
    repos,
    listed: listing.listed,
    shard,
    cacheDir: cacheDir(args, io),
    ...(token ? { token, tokenHost: gitHostFor(apiUrl) } : {}),
    jobs,
    config: s.config,
    threads: s.threads,
    offline: s.offline,
    skipFoundHosts: s.skipFoundHosts,
    foundHostPorts: s.foundHostPorts,
    endpoints: s.endpoints,
    ...(io.clients ? { clients: io.clients } : {}),
    ...(io.fetchImpl ? { fetchImpl: io.fetchImpl } : {}),
    failOn: s.failOn,
    // One shard sees part of the org: it may reuse cached answers, but only a whole run
    // (or the merge of all shards) can tell what was fixed, so only those record.
    ...(statePath ? { state: { path: statePath, ttlMs, record: shard === null } } : {}),
  });
  emit(renderOrg(report, s.format, s.config.rules), s.output, io);
  return exitCodeForReport(report);
}
