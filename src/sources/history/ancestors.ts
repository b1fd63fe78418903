import type { GitPlace } from '../../git/run.js';
import { spawnGit } from './spawn.js';

/**
 * Which of `commits` are `head` or its ancestors: one `git rev-list` of head, read as a stream
 * (a long history is never held), stopping once every commit asked about was met.
 */
export async function ancestorsAmong(place: GitPlace, head: string, commits: Set<string>): Promise<Set<string>> {
  const found = new Set<string>();
  const child = spawnGit(place, ['rev-list', '--end-of-options', head]);
  child.proc.stdin.end();
  let rest = '';
  try {
    for await (const chunk of child.proc.stdout as AsyncIterable<Buffer>) {
      const lines = (rest + chunk.toString('latin1')).split('\n');
      rest = lines.pop()!;
      for (const line of lines) if (commits.has(line)) found.add(line);
      if (found.size === commits.size) break;
    }
    if (commits.has(rest)) found.add(rest);
  } finally {
    if (child.proc.exitCode === null) child.proc.kill();
  }
  await child.exited;
  return found;
}
