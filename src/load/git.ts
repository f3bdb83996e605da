import { execFileSync } from 'node:child_process';

/**
 * The committed text (at git HEAD) of project files, read with the real `git` in one
 * `git cat-file --batch` call. Files that are untracked or new since HEAD are absent;
 * outside a git repository, without git, or before the first commit the map is empty.
 */
export function readCommittedTexts(root: string, paths: readonly string[]): Map<string, string> {
  const texts = new Map<string, string>();
  if (!paths.length) return texts;
  const prefix = git(root, ['rev-parse', '--show-prefix']);
  if (prefix === undefined) return texts;
  const folder = prefix.toString('utf8').trim();
  const input = paths.map((path) => `HEAD:${folder}${path}`).join('\n') + '\n';
  const output = git(root, ['cat-file', '--batch'], input);
  if (output === undefined) return texts;
  let offset = 0;
  for (const path of paths) {
    const end = output.indexOf(0x0a, offset);
    if (end < 0) break;
    const header = output.subarray(offset, end).toString('utf8');
    offset = end + 1;
    const found = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
    if (!found) continue; // "… missing": not in HEAD
    const size = Number(found[2]);
    if (found[1] === 'blob') texts.set(path, output.subarray(offset, offset + size).toString('utf8'));
    offset += size + 1;
  }
  return texts;
}

function git(cwd: string, args: readonly string[], input?: string): Buffer | undefined {
  try {
    return execFileSync('git', args, {
      cwd,
      input,
      stdio: ['pipe', 'pipe', 'ignore'],
      maxBuffer: 256 * 1024 * 1024,
      env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' },
    });
  } catch {
    // Not a repository, git not installed, or no commit yet: there is no history to compare with.
    return undefined;
  }
}
