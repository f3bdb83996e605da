import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import packageJson from '../../package.json' with { type: 'json' };
import { sha256 } from '../load/files.js';
import { packageRoot } from '../load/package-folder.js';

// On its own, apart from the build's fingerprints (fingerprint.ts), which load the template and report
// stages: a command that only reads the build cache (diff, clear, new, list) needs this alone.

/** The fingerprint of the tool this process runs, read at its first build (see {@link toolFingerprint}). */
let running: string | undefined;

/**
 * Identifies the tool that builds: its version and the code it runs, so that a rebuilt
 * tool never reuses outputs of an older one, even at the same version. The build writes
 * a hash of each bundle's content to `dist/build.json`, which stands for the code. Read once
 * per process: a process that outlives an update of its install (a watch, the resident server)
 * runs the code it loaded, and recorded what it built after the update as the new tool's, which
 * then took the old code's reports for its own ('unchanged').
 */
export function toolFingerprint(): string {
  if (running !== undefined) return running;
  let bundles = '';
  try {
    bundles = readFileSync(join(packageRoot(), 'dist', 'build.json'), 'utf8');
  } catch {
    // Run from the sources (tests): the version alone identifies the tool.
  }
  running = `${packageJson.version}+${sha256(bundles).slice(0, 16)}`;
  return running;
}
