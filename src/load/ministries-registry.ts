/** The ministries registry a project uses: its own or the one built into briefing, what its own lacks of the built-in one, and what to do about an issuer it lacks. */

import { join } from 'node:path';
import { ministriesSchema, type Ministries } from '../model/ministries.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { checkSchema } from './shape.js';
import { projectPath, readText } from './files.js';
import type { ProjectFiles } from './project-files.js';
import { parseYaml, type YamlFile } from './yaml.js';
import { suggest } from '../util/suggest.js';
import { packageRoot } from './package-folder.js';

/** The project's registry, or the built-in one when the project has none (or names one it cannot use). */
export function loadMinistries(files: ProjectFiles, own: string | undefined) {
  const path = own === undefined ? undefined : projectPath(files.root, own);
  const file = path !== undefined && files.kind(path) !== undefined ? parseYaml(path, files.readText(path)) : builtInMinistriesFile();
  const checked = checkSchema(file, ministriesSchema, 'ministries registry');
  return { file, ministries: checked.value ?? {}, diagnostics: [...file.diagnostics, ...checked.diagnostics] };
}

/**
 * A project's own registry, copied before briefing knew of a ministry's later name (VARAM's of 2023):
 * each ministry the built-in registry gives a name from a day on that this one does not, at its code.
 * The reports of meetings from that day would print the earlier name. Likewise a ministry whose
 * `established` day (KEM's) this one lacks: meetings before it could require its clearance.
 */
export function renamingsMissing(file: YamlFile, own: Ministries): Diagnostic[] {
  const builtInText = builtInMinistriesText();
  // A byte copy of the built-in registry (as the example has) lacks nothing of it: not parsed a second time.
  if (file.text === builtInText) return [];
  const builtIn = checkSchema(parseYaml(BUILT_IN_REGISTRY, builtInText), ministriesSchema, 'ministries registry').value ?? {};
  return Object.entries(own).flatMap(([code, ministry]) => {
    const outdated = outdatedEntry(code, ministry, builtIn[code]);
    if (outdated === undefined) return [];
    const hint = `${outdated.add} as node_modules/briefing/ministries.yaml has it (a copy of the registry made before briefing knew it), or delete ${file.path} to use the built-in one.`;
    return [diagnostic(file.path, file.locate([code], 'key'), 'warning', 'config/registry-outdated', outdated.message, hint)];
  });
}

/** What a project's entry for `code` lacks that the built-in one has: a later name, else the day it was established; undefined when nothing. */
function outdatedEntry(code: string, own: Ministries[string], builtIn: Ministries[string] | undefined): { message: string; add: string } | undefined {
  const known = new Set([own.nominative, ...(own.renamed ?? []).map((name) => name.nominative)]);
  const missing = (builtIn?.renamed ?? []).find((name) => !known.has(name.nominative));
  if (missing !== undefined) {
    return { message: `\`${code}\` has no later name here, but the registry built into briefing names it ${missing.nominative} from ${missing.from}: a report of a meeting from that day would print its earlier name.`, add: 'Add the renaming under `renamed:`' };
  }
  // The day a ministry was established (KEM's, 2023-01-01), which keeps a clearance by it from an earlier meeting.
  const established = builtIn?.established;
  if (established === undefined || own.established !== undefined) return undefined;
  return { message: `\`${code}\` has no \`established\` day here, but the registry built into briefing says it was established on ${established}: a meeting before that day may require its clearance without a word.`, add: `Add \`established: ${established}\` under \`${code}\`` };
}

/** The codes of the registry that comes with briefing (AM, FM, IZM, …), in its order. */
export function builtInMinistryCodes(): string[] {
  const data = builtInMinistriesFile().data;
  return typeof data === 'object' && data !== null ? Object.keys(data) : [];
}

/** The registry that comes with briefing: read from the installed package, whatever the project's files are. */
export function builtInMinistriesFile(): YamlFile {
  return parseYaml(BUILT_IN_REGISTRY, builtInMinistriesText());
}

/** The text of the registry that comes with briefing. */
function builtInMinistriesText(): string {
  return readText(join(packageRoot(), 'ministries.yaml'), BUILT_IN_REGISTRY);
}

/** How messages and manifests name the registry that comes with briefing (its file's path, for a project's own). */
export const BUILT_IN_REGISTRY = 'ministries.yaml (built-in)';

/**
 * What to do about an issuing ministry the registry lacks: the nearest code; a project's own registry
 * may have it added, but the built-in one lists every ministry, so a new ministries.yaml with it alone
 * would only replace them all.
 */
export function issuerHint(code: string, codes: readonly string[], ownRegistry: string | undefined): string {
  if (ownRegistry !== undefined) return `Add it to ${ownRegistry}, or use one of: ${codes.join(', ')}.`;
  const nearest = suggest(code, codes);
  return `${nearest ? `Did you mean \`${nearest}\`? ` : ''}The built-in registry lists every ministry; use one of: ${codes.join(', ')}.`;
}
