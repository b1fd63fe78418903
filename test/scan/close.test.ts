import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { cli } from '../helpers/cli.js';
import { World } from '../history/world.js';

/** This process's child processes that have ended and were never waited for (state Z in /proc). */
function zombies(): Set<number> {
  const found = new Set<number>();
  for (const task of readdirSync('/proc/self/task')) {
    let children = '';
    try {
      children = readFileSync(`/proc/self/task/${task}/children`, 'utf8').trim();
    } catch {
      continue; // the thread ended between the two reads
    }
    for (const pid of children ? children.split(' ').map(Number) : []) {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        if (stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) found.add(pid);
      } catch {
        // reaped meanwhile
      }
    }
  }
  return found;
}

const withProc = existsSync('/proc/self/task') ? describe : describe.skip;

withProc('closing the scanning pool', () => {
  it("waits for each thread's git readers: a history audit run in-process leaves no zombie process", async () => {
    const w = new World();
    for (let i = 0; i < 40; i++) w.commit(`c${i}`, { [`f${i % 5}.txt`]: `version ${i}\n` });
    const before = zombies();
    for (let run = 0; run < 2; run++) {
      const r = await cli(['audit', w.root, '--history', '--offline', '--threads', '2', '--format', 'json']);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).findings).toEqual([]);
    }
    // libuv reaps a child when its exit is signalled, which may come a moment after the pool closed.
    const deadline = Date.now() + 2000;
    let left = [...zombies()].filter((pid) => !before.has(pid));
    while (left.length > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      left = [...zombies()].filter((pid) => !before.has(pid));
    }
    expect(left).toEqual([]);
  });
});
