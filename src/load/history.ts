import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { sha256 } from './files.js';
import { gitEnvironment } from './git-env.js';
import { openRepository, readBlobs, repositoryPath } from './git.js';
import { UsageError } from '../diagnostics/errors.js';

/**
 * The text a project file had when its SHA-256 was `hash` (taken of the text with its line ends
 * as stored, or with CRLF, as a Windows checkout has them): searched in the file's git history,
 * newest first, in one `git log` and one `git cat-file --batch`. Undefined when no committed
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
    log = execFileSync('git', ['log', '--format=%H', '--', inRepo], { cwd: repo.top, env: gitEnvironment(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch {
    return undefined;
  }
  const objects = log.split('\n').filter(Boolean).map((commit) => `${commit}:${inRepo}`);
  for (const text of readBlobs(repo, objects).values()) {
    if (text === undefined) continue;
    // A Windows checkout has CRLF where the repository stores LF (`core.autocrlf`): a hash taken there is of CRLF text.
    if (sha256(text) === hash || (text.includes('\n') && !text.includes('\r\n') && sha256(text.replaceAll('\n', '\r\n')) === hash)) return text;
  }
  return undefined;
}
