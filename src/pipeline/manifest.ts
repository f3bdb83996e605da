import { resolve } from 'node:path';
import { gitBlobId, projectPath, sha256 } from '../load/files.js';
import type { LoadedMeeting } from '../load/meeting.js';
import { BUILT_IN_REGISTRY } from '../load/ministries-registry.js';
import { packageRoot } from '../load/package-folder.js';
import type { LoadedPosition, Project } from '../load/project.js';
import { MANIFEST_FORMAT, type Manifest, type ManifestFile } from '../model/index.js';
import type { Template } from '../render/template.js';
import type { FieldAnchor } from '../docx/index.js';
import { utcSeconds } from '../model/date.js';

/** What went into a report: enough to tell later whether it changed. */
export interface ReportInputs {
  meeting: { path: string; hash: string };
  positions: { id: string; version: number; hash: string; path: string }[];
  template: string | null;
}

/** What a manifest is made from: the inputs of one report and the files generated from them. */
export interface ManifestInput {
  project: Project;
  loaded: LoadedMeeting;
  included: readonly LoadedPosition[];
  template: Template;
  draft: boolean;
  documentDate: Date;
  outputs: readonly { name: string; sha256: string }[];
  /** The SHA-256 of the report's Markdown, as compiled (written or not). */
  textSha256: string;
  /** The DOCX's field anchors; undefined when no DOCX was built. */
  anchors?: readonly FieldAnchor[] | undefined;
  /** The reference DOCX the report takes its styles from, when it has one. */
  reference?: ManifestFile | undefined;
}

/**
 * The manifest of one report: every input file with its SHA-256 and git blob id, and
 * the outputs' hashes. Deterministic: nothing in it comes from the clock or the machine.
 */
export function reportManifest({ project, loaded, included, template, draft, documentDate, outputs, textSha256, anchors, reference }: ManifestInput): Manifest {
  return {
    briefing_manifest: MANIFEST_FORMAT,
    file_code: loaded.meeting?.file_code ?? '',
    draft,
    document_date: utcSeconds(documentDate),
    meeting: fileRecord(loaded.path, loaded.file.text, loaded.file.bom),
    positions: included.flatMap((p) =>
      p.position ? [{ id: p.id, version: p.position.version, ...fileRecord(p.file.path, p.file.text, p.file.bom) }] : [],
    ),
    settings: settingsRecords(project),
    template: {
      name: template.name,
      files: template.files.map((file) => {
        const inPackage = builtInPath(project.root, file.path);
        return inPackage === undefined ? fileRecord(file.path, file.text) : { ...fileRecord(inPackage, file.text), built_in: true };
      }),
    },
    ...(reference ? { reference_docx: reference } : {}),
    outputs: outputs.map((output) => ({ name: output.name, sha256: output.sha256 })),
    text_sha256: textSha256,
    ...(anchors ? { anchors: anchors.map((anchor) => ({ bookmark: anchor.name, ...anchor.field })) } : {}),
  };
}

/** The records of the config and the ministries' registry as this run read them; the built-in registry is `ministries.yaml`, `built_in`. */
export function settingsRecords(project: Project): ManifestFile[] {
  const { configFile: config, ministriesFile: ministries } = project;
  return [
    fileRecord(config.path, config.text, config.bom),
    ministries.path === BUILT_IN_REGISTRY ? { ...fileRecord('ministries.yaml', ministries.text, ministries.bom), built_in: true } : fileRecord(ministries.path, ministries.text, ministries.bom),
  ];
}

/**
 * A built-in template's (or partial's) path in the tool's package (`templates/informative-report.lv.md.hbs`),
 * given its path from the project's folder; undefined for a file of the project. The tool may be
 * installed anywhere (`../../usr/lib/node_modules/briefing/…`, or inside the project, in
 * `node_modules/briefing`): what the records name is the tool's file, the same on every machine.
 */
export function builtInPath(root: string, path: string): string | undefined {
  const inPackage = projectPath(packageRoot(), resolve(root, path));
  const builtIn = path.startsWith('..') || (resolve(packageRoot()) !== resolve(root) && !inPackage.startsWith('..'));
  return builtIn ? inPackage : undefined;
}

/** `text` is the file as parsed; `bom` says whether a byte-order mark was removed from it. */
function fileRecord(path: string, text: string, bom = false): ManifestFile {
  const raw = bom ? `\uFEFF${text}` : text;
  // A Windows checkout has CRLF where git stores LF: `diff --since` then finds the file by the LF id.
  return { path, sha256: sha256(raw), git_blob: gitBlobId(raw), ...(raw.includes('\r\n') ? { git_blob_lf: gitBlobId(raw.replaceAll('\r\n', '\n')) } : {}) };
}
