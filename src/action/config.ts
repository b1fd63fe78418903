import { writeFileSync } from 'node:fs';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { findConfig } from '../config/load.js';
import { git } from '../sources/git.js';
import type { ScanPlan } from './event.js';

/** The names the CLI looks for at the root (src/config/load.ts). */
const NAMES = ['.tokenscope.yml', '.tokenscope.yaml', '.tokenscope.json'];

export interface ChosenConfig {
  /** Passed to the CLI as --config; always set, so the CLI never picks a file by itself. */
  path: string | undefined;
  note?: string;
}

/**
 * The commit whose config governs, or undefined when the checkout's may. Any pull_request or
 * pull_request_target run, whatever the scan mode (`scan: full` too): the checkout may be the
 * PR's. A merge group scanned as a range: its base. '' means a pull request event whose payload
 * names no base: the defaults then apply.
 */
function trustedBase(plan: ScanPlan): string | undefined {
  const base = plan.pullRequestEvent
    ? (plan.pullRequest?.baseSha ?? '')
    : plan.mode === 'pr' && plan.target.kind === 'range'
      ? plan.target.base
      : undefined;
  // A commit id, never anything git could read as an option or a ref expression.
  return base === undefined || /^[0-9a-f]{7,64}$/i.test(base) ? base : '';
}

/**
 * Which config file governs the run. On a pull request it is the one at the base commit: the
 * PR's own commits could otherwise allowlist the very token they add, or raise the policy's
 * fail-on past it. A config the PR introduces applies once it is merged; until then, the
 * defaults do. A `config` input outside the repository is the workflow's own file and is used as is.
 */
export async function chooseConfig(root: string, input: string, plan: ScanPlan, outDir: string): Promise<ChosenConfig> {
  const inWorkspace = input ? resolve(root, input) : findConfig(root);
  const base = trustedBase(plan);
  if (base === undefined) return { path: inWorkspace };
  const rel = input ? relative(root, resolve(root, input)) : undefined;
  if (rel !== undefined && (rel.startsWith('..') || isAbsolute(rel))) return { path: inWorkspace };
  // No base commit: nothing to read (`git show :path` would read the index, i.e. the checkout).
  for (const name of base === '' ? [] : rel !== undefined ? [rel] : NAMES) {
    const posix = name.split(sep).join('/');
    let text: string;
    try {
      text = await git(root, ['cat-file', 'blob', `${base}:${posix}`]);
    } catch {
      continue; // not in the base commit
    }
    const file = join(outDir, `base-config${extname(name) === '.json' ? '.json' : '.yml'}`);
    writeFileSync(file, text, { mode: 0o600 });
    return { path: file, note: `config: ${posix} as of the base commit ${base.slice(0, 7)}` };
  }
  const empty = join(outDir, 'default-config.json');
  writeFileSync(empty, '{"version":1}\n');
  if (!inWorkspace) return { path: empty };
  const shown = relative(root, inWorkspace);
  return {
    path: empty,
    note:
      base === ''
        ? `config: the event names no base commit, so ${shown} (from the pull request's checkout) is not used; the defaults apply`
        : `config: ${shown} is not in the base commit; the defaults apply until it is merged`,
  };
}
