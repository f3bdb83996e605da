import { join, posix } from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { fileSha256, projectPath } from '../load/files.js';
import { CONFIG_FILE } from '../load/project-root.js';
import { entryName, type BuildCache } from './cache.js';
import { folderKey, type KeyContext } from './fingerprint.js';

/**
 * Said by the build that first writes the meetings into the folder the config's `output` names now:
 * the reports their last build wrote into the earlier folder are left there as they were (something
 * may still read that folder: a share, a script), out of date, and the cache forgets them after this
 * run. Only files still as that build wrote them count. Undefined when none is left, or the run wrote
 * other files than the usual ones (`--out`, `--template`). `built`: the meetings (project paths) whose
 * reports this run wrote, a batch's or a watch's one; `cache`: as the last build left it.
 */
export function formerFolderLeft(root: string, cache: BuildCache, keys: KeyContext, built: readonly string[]): Diagnostic | undefined {
  const meetingsByFolder = new Map<string, number>();
  // Each folder's real path once, not once per report of every meeting built.
  const keyed = new Map<string, string>();
  const keyOf = (folder: string): string => {
    const known = keyed.get(folder);
    if (known !== undefined) return known;
    const key = folderKey(root, join(root, folder));
    keyed.set(folder, key);
    return key;
  };
  for (const meeting of built) {
    if (entryName(meeting, keys) !== meeting) continue;
    const left = (cache.meetings[meeting]?.outputs ?? []).filter((output) => keyOf(posix.dirname(output.path)) !== keys.usualOut && fileSha256(join(root, output.path)) === output.sha256);
    for (const folder of new Set(left.map((output) => posix.dirname(output.path)))) meetingsByFolder.set(folder, (meetingsByFolder.get(folder) ?? 0) + 1);
  }
  if (!meetingsByFolder.size) return undefined;
  const where = [...meetingsByFolder].map(([folder, count]) => `the reports of ${count} ${count === 1 ? 'meeting' : 'meetings'} the last build wrote into ${folder}`).join(', and ');
  const folders = [...meetingsByFolder.keys()].join(', ');
  // The folder as the config names it: `usualOut` is its real path, where a link leads.
  const now = projectPath(root, join(root, keys.project.config.output));
  return diagnostic(
    CONFIG_FILE,
    undefined,
    'warning',
    'output/folder-changed',
    `The output folder is ${now} now, and ${where} are left there as they were, out of date: this build wrote the current ones into ${now}.`,
    `Remove ${folders} once nothing reads it any more (a shared folder, a script, the paths the CI workflow caches), or set \`output\` back.`,
  );
}
