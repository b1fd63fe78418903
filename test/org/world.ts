import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { git, tempDir, writeFiles } from '../helpers/repo.js';

/** One repository of the test org: what the API says about it and what its history holds. */
export interface RepoSpec {
  name: string;
  size: number;
  archived?: boolean;
  fork?: boolean;
  /** Commits, oldest first: each writes (string) or deletes (null) files. None: an empty repository. */
  commits?: Record<string, string | null>[];
  /** The clone URL points nowhere. */
  unreachable?: boolean;
}

export interface OrgWorld {
  root: string;
  /** name -> the bare "origin" repository the clone URL points at. */
  origins: Map<string, string>;
  /** The API's items for GET /orgs/{org}/repos, in the order the API lists them. */
  specs: RepoSpec[];
  cloneUrl(name: string): string;
}

/** A bare origin per repository, built through a scratch work tree. */
export function buildWorld(specs: RepoSpec[]): OrgWorld {
  const root = tempDir('tokenscope-org-');
  const origins = new Map<string, string>();
  for (const spec of specs) {
    if (spec.unreachable) continue;
    const origin = join(root, 'origins', `${spec.name}.git`);
    mkdirSync(origin, { recursive: true });
    git(origin, 'init', '-q', '--bare', '-b', 'main');
    if (spec.commits?.length) {
      const work = join(root, 'work', spec.name);
      mkdirSync(work, { recursive: true });
      git(work, 'init', '-q', '-b', 'main');
      spec.commits.forEach((files, i) => {
        for (const [path, content] of Object.entries(files)) {
          if (content === null) git(work, 'rm', '-q', '--', path);
          else writeFiles(work, { [path]: content });
        }
        git(work, 'add', '-A');
        git(work, 'commit', '-q', '--allow-empty', '-m', `commit ${i + 1}`);
      });
      git(work, 'push', '-q', origin, 'main');
    }
    origins.set(spec.name, origin);
  }
  return {
    root,
    origins,
    specs,
    cloneUrl: (name) =>
      origins.has(name)
        ? pathToFileURL(origins.get(name)!).href
        : pathToFileURL(join(root, 'nowhere', `${name}.git`)).href,
  };
}

/**
 * Rewrites a repository's whole history to one commit holding `files` and force-updates main:
 * what `git filter-repo` and a force push leave at the origin once a leaked token is purged.
 */
export function rewriteHistory(world: OrgWorld, name: string, files: Record<string, string>): void {
  const work = join(world.root, 'rewrite', name);
  mkdirSync(work, { recursive: true });
  git(work, 'init', '-q', '-b', 'main');
  writeFiles(work, files);
  git(work, 'add', '-A');
  git(work, 'commit', '-q', '-m', 'history rewritten');
  git(work, 'push', '-q', '--force', world.origins.get(name)!, 'main');
  // The origin forgets the old objects too (as GitHub does after a purge and gc).
  execFileSync('git', ['-C', world.origins.get(name)!, 'gc', '-q', '--prune=now'], { stdio: 'ignore' });
}

/** Adds one commit to a repository's main branch at its origin. */
export function pushCommit(world: OrgWorld, name: string, files: Record<string, string>): void {
  const work = join(world.root, 'work', name);
  writeFiles(work, files);
  git(work, 'add', '-A');
  git(work, 'commit', '-q', '-m', 'more');
  git(work, 'push', '-q', world.origins.get(name)!, 'main');
}
