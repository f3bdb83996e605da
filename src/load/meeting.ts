import { meetingSchema, type Meeting } from '../model/index.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { checkSchema } from './shape.js';
import { projectPath, readText, sha256 } from './files.js';
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

/** Reads one meeting file; YAML and schema problems become diagnostics. */
export function loadMeeting(root: string, absolutePath: string): LoadedMeeting {
  const path = projectPath(root, absolutePath);
  const text = readText(absolutePath, path);
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
