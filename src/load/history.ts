import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { sha256 } from './files.js';
import { gitEnvironment } from './git-env.js';
import { openRepository, readBlobs, repositoryPath } from './git.js';
import { UsageError } from '../diagnostics/errors.js';

/**
 * The text a project file had when its SHA-256 was `hash` (taken of the text with its line ends
 * as stored, or with CRLF, as a Windows checkout has them): searched in the file's git history,
 * under its earlier names too, newest first, in one `git log` and one `git cat-file --batch`. Undefined when no committed
 * version has that hash, outside a repository, or without git.
 */
export function textWithHash(root: string, path: string, hash: string): string | undefined {
  let repo;
  try {
    repo = openRepository(root);
  } catch (error) {
    if (error instanceof UsageError) return undefined;
    throw error;
  }
  const inRepo = repositoryPath(repo, join(root, path));
  let log: string;
  try {
    // --follow: a file renamed since (a meeting given a new name when its date moved) had its earlier texts under its earlier name.
    log = execFileSync('git', ['log', '--follow', '--format=%x01%H', '--name-only', '-z', '--', inRepo], { cwd: repo.top, env: gitEnvironment(repo.top), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch {
    return undefined;
  }
  // Each commit: \x01, its hash, NUL and a line break, the file's name in it, NUL.
  const objects = log.split('\x01').slice(1).flatMap((entry) => {
    const [hash = '', name = ''] = entry.split('\u0000');
    const path = name.replace(/^\n/, '');
    return hash && path ? [`${hash}:${path}`] : [];
  });
  for (const text of readBlobs(repo, objects).values()) {
    if (text === undefined) continue;
    // A Windows checkout has CRLF where the repository stores LF (`core.autocrlf`): a hash taken there is of CRLF text.
    if (sha256(text) === hash || (text.includes('\n') && !text.includes('\r\n') && sha256(text.replaceAll('\n', '\r\n')) === hash)) return text;
  }
  return undefined;
}
