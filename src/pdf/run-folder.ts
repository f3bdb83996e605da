import { createHash } from 'node:crypto';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve as absolutePath } from 'node:path';
import { pathToFileURL } from 'node:url';
import { processExists } from '../util/process.js';

// The folders conversions run in (pdf/convert.ts): where they are made, what each leaves behind, and removing them.

/**
 * Removes a run's folder, and the pipe its office made to be found by a second start of the same
 * profile: an office ending well removes it, one stopped (Ctrl-C, the time limit) left it in /tmp for good.
 */
export function removeRunFolder(folder: string): void {
  // Tried again a few times when a file appears in a folder being emptied (ENOTEMPTY): an office just stopped may still be writing.
  rmSync(folder, { recursive: true, force: true, maxRetries: 3, retryDelay: 20 });
  for (const pipe of officePipes(folder)) rmSync(pipe, { force: true });
}

/**
 * Where LibreOffice puts the pipe of an office whose profile is in `folder` (on Linux and other Unix
 * systems; none elsewhere): `OSL_PIPE_<user id>_SingleOfficeIPC_<MD5 of the profile's URL in UTF-16,
 * each byte in hexadecimal without its leading zero>`, in /tmp, or in /var/tmp where /tmp cannot be used.
 */
export function officePipes(folder: string): string[] {
  const user = process.getuid?.();
  if (user === undefined) return [];
  const digest = createHash('md5').update(Buffer.from(profileUrl(folder), 'utf16le')).digest();
  const name = `OSL_PIPE_${user}_SingleOfficeIPC_${[...digest].map((byte) => byte.toString(16)).join('')}`;
  return ['/tmp', '/var/tmp'].map((place) => join(place, name));
}

/** The URL of the LibreOffice profile of the run whose folder is `folder`. */
export function profileUrl(folder: string): string {
  return pathToFileURL(join(folder, 'profile')).href;
}

/** How old a conversion folder of a process that is gone must be before another build removes it: far more than any run takes. */
const ABANDONED_AFTER_MS = 60 * 60 * 1000;

/**
 * Removes the conversion folders of briefings that were killed outright (SIGKILL, a CI job's hard
 * time limit: no signal handler runs), each with a copy of its report and a LibreOffice profile of
 * about 4 MB, left in the temporary folder for good. A folder is taken only when the process its name
 * gives is not running (or is this one) and it is an hour old: a process in another container that shares
 * the folder is not seen, but no run of its lasts that long.
 */
export function removeAbandonedFolders(): void {
  let names: string[];
  try {
    names = readdirSync(temporaryFolder());
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(/^briefing-pdf-(\d+)-/.exec(name)?.[1]);
    // This process's own id, on a folder an hour old, is another's that had it (a container's build started the same way, its
    // TMPDIR kept): none of this process's conversions lasts that long.
    if (!pid || (pid !== process.pid && processExists(pid))) continue;
    try {
      const folder = join(temporaryFolder(), name);
      if (Date.now() - statSync(folder).mtimeMs > ABANDONED_AFTER_MS) removeRunFolder(folder);
    } catch {
      // Gone meanwhile, or another user's: not ours to remove.
    }
  }
}

/**
 * The system's temporary folder (TMPDIR), as an absolute path: LibreOffice, given a relative one for
 * its own temporary files and its output, failed to write the PDF ("SfxBaseModel::impl_store …
 * failed"), as `TMPDIR=tmp` made every conversion fail.
 */
export function temporaryFolder(): string {
  return absolutePath(tmpdir());
}

/** The start of this process's conversion folders' names: worker threads share the process id. */
export function folderPrefix(): string {
  return `briefing-pdf-${process.pid}-`;
}
