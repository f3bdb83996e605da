import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import { meetingSchema, type Meeting } from '../model/index.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { checkSchema } from './shape.js';
import { errorCode, projectPath, sha256, unreadableFile } from './files.js';
import { diskFiles, type ProjectFiles } from './project-files.js';
import { parseYaml, type YamlFile } from './yaml.js';

/** A meeting file, loaded and checked against its schema. */
export interface LoadedMeeting {
  /** Project-relative path, as messages show it. */
  path: string;
  absolutePath: string;
  file: YamlFile;
  /** Present only when the file passed its schema. */
  meeting?: Meeting;
  /** SHA-256 of the file's text. */
  hash: string;
  diagnostics: Diagnostic[];
}

/** Reads one meeting file from the disk; YAML and schema problems become diagnostics. */
export function loadMeeting(root: string, absolutePath: string): LoadedMeeting {
  return readMeeting(diskFiles(root), projectPath(root, absolutePath));
}

/** Reads the meeting file at a project-relative path of `files` (or parses `text`, its text read already); YAML and schema problems become diagnostics. */
export function readMeeting(files: ProjectFiles, path: string, text = files.readText(path)): LoadedMeeting {
  const absolutePath = join(files.root, path);
  const file = parseYaml(path, text);
  const checked = checkSchema(file, meetingSchema, 'meeting');
  const loaded: LoadedMeeting = {
    path,
    absolutePath,
    file,
    hash: sha256(text),
    diagnostics: [...file.diagnostics, ...checked.diagnostics],
  };
  if (checked.value) loaded.meeting = checked.value;
  return loaded;
}

/** A meeting file that cannot be read (not allowed, gone meanwhile), as `build` and `check` say it: the run goes on with the others. */
export const unreadableMeeting = unreadableFile;

/**
 * A meeting file a batch listed that is gone by its turn (a git checkout or pull in the workspace while `build --all` ran):
 * said so, not "no such file, check the path", as no path was typed. Undefined while the file is there (a link to nothing is there).
 */
export function meetingGoneMeanwhile(absolutePath: string, shownAs: string): Diagnostic | undefined {
  try {
    lstatSync(absolutePath);
    return undefined;
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') return undefined;
    return diagnostic(
      shownAs,
      undefined,
      'error',
      'input/unreadable',
      'The file was deleted or renamed while this command ran (a git checkout or pull, say), after the build had listed it: its report is not built this time.',
      'Build again once the change is done.',
    );
  }
}
