import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { sha256 } from './files.js';
import { gitEnvironment } from './git-env.js';
import { committerDay } from './git-failures.js';
import { openRepository, readBlobs, repositoryPath } from './git.js';
import { UsageError } from '../diagnostics/errors.js';

/** A file's text at one commit of its history. */
export interface CommittedText {
  /** The commit's hash as git abbreviates it. */
  commit: string;
  /** The commit's committer date, YYYY-MM-DD. */
  date: string;
  text: string;
}

/**
 * The texts a project file had in the commits of its history that reach `revision` (git HEAD by
 * default), newest first, under its earlier names too: one `git log --follow` and one
 * `git cat-file --batch`, however long the history. None outside a repository or without git.
 */
export function committedTexts(root: string, path: string, revision = 'HEAD'): CommittedText[] {
  let repo;
  try {
    repo = openRepository(root);
  } catch (error) {
    if (error instanceof UsageError) return [];
    throw error;
  }
  const inRepo = repositoryPath(repo, join(root, path));
  let log: string;
  try {
    // --follow: a file renamed since (a meeting given a new name when its date moved) had its earlier texts under its earlier name.
    log = execFileSync('git', ['log', '--follow', '--format=%x01%H%x00%h%x00%cs', '--name-only', '-z', revision, '--', inRepo], { cwd: repo.top, env: gitEnvironment(repo.top), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch {
    return [];
  }
  // Each commit: \x01, its hash, short hash and date, NUL-separated, then NUL and a line break, the file's name in it, NUL.
  const commits = log.split('\x01').slice(1).flatMap((entry) => {
    const [hash = '', commit = '', date = '', name = ''] = entry.split('\u0000');
    const path = name.replace(/^\n/, '');
    return hash && path ? [{ object: `${hash}:${path}`, commit, date: committerDay(date) }] : [];
  });
  const blobs = readBlobs(repo, commits.map(({ object }) => object));
  return commits.flatMap(({ object, commit, date }) => {
    const text = blobs.get(object);
    return text === undefined ? [] : [{ commit, date, text }];
  });
}

/**
 * The text a project file had when its SHA-256 was `hash` (taken of the text with its line ends
 * as stored, or with CRLF, as a Windows checkout has them): searched in the file's git history
 * ({@link committedTexts}), newest first. Undefined when no committed version has that hash,
 * outside a repository, or without git.
 */
export function textWithHash(root: string, path: string, hash: string): string | undefined {
  return committedTexts(root, path).find(({ text }) => hasHash(text, hash))?.text;
}

/**
 * Whether `text` is the text whose SHA-256 is `hash`, line ends aside: a Windows checkout has CRLF
 * where the repository stores LF (`core.autocrlf`), so a hash taken there is of the CRLF text, and
 * one taken in a checkout with LF is of the LF text, though both are the same committed file.
 */
export function hasHash(text: string, hash: string): boolean {
  if (sha256(text) === hash) return true;
  const lf = text.replaceAll('\r\n', '\n');
  return (lf !== text && sha256(lf) === hash) || (lf.includes('\n') && sha256(lf.replaceAll('\n', '\r\n')) === hash);
}
