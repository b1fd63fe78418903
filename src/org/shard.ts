import { UsageError } from '../config/load.js';
import type { OrgRepo } from './types.js';

export interface ShardRef {
  /** 1-based, as GitHub's matrix and humans count. */
  index: number;
  total: number;
}

/** "I/N" with 1 <= I <= N: the shard this job scans. */
export function parseShard(text: string): ShardRef {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(m?.[1]);
  const total = Number(m?.[2]);
  if (!m || total < 1 || index < 1 || index > total)
    throw new UsageError(`--shard must be I/N with 1 <= I <= N (e.g. 2/5), not '${text}'`);
  return { index, total };
}

/**
 * Splits the repositories into `total` shards balanced by size: largest first (ties by name),
 * each to the currently lightest shard (ties to the lowest index). The same listing always
 * gives the same shards, so the plan job and every matrix job agree without talking; the
 * shards are disjoint and together hold every repository.
 */
export function assignShards(repos: OrgRepo[], total: number): OrgRepo[][] {
  const shards: OrgRepo[][] = Array.from({ length: total }, () => []);
  const load = new Array<number>(total).fill(0);
  const ordered = [...repos].sort((a, b) => b.size - a.size || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const repo of ordered) {
    let lightest = 0;
    for (let i = 1; i < total; i++) if (load[i]! < load[lightest]!) lightest = i;
    shards[lightest]!.push(repo);
    // An empty repository still costs a clone and a listing: count it as 1 KB.
    load[lightest]! += Math.max(1, repo.size);
  }
  return shards;
}

export interface MatrixEntry {
  shard: string;
  index: number;
  total: number;
  repositories: number;
  size: number;
}

/** --plan N: GitHub Actions' `strategy.matrix`, read with fromJSON(). */
export function planMatrix(repos: OrgRepo[], total: number): { include: MatrixEntry[] } {
  return {
    include: assignShards(repos, total).map((shard, i) => ({
      shard: `${i + 1}/${total}`,
      index: i + 1,
      total,
      repositories: shard.length,
      size: shard.reduce((n, r) => n + r.size, 0),
    })),
  };
}
