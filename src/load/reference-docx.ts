import { MIN_TEXT_MM, PAPER_MM, textArea, type Layout } from '../model/config.js';
import { resolve } from 'node:path';
import { missingStyles, type ReferenceDocx, type ReferencePage } from '../model/reference-docx.js';
import { ABSOLUTE_START, BACKSLASH, UP_SEGMENT } from '../model/paths.js';
import { backslashed } from './project-paths.js';
import { inAnotherCase, thereInAnotherCase, writeOrRename } from './letter-forms.js';
import { diagnostic, type Diagnostic, type Place } from '../diagnostics/diagnostic.js';
import { gitBlobId, projectPath, sha256 } from './files.js';
import type { ManifestFile } from '../model/manifest.js';
import type { ProjectFiles } from './project-files.js';
import { readReferenceDocx } from './reference-docx-parts.js';

/** A reference DOCX as read for a build: the parsed file, its hash (part of the build's identity) and its problems. */
export interface LoadedReference {
  reference: ReferenceDocx | undefined;
  /** SHA-256 of the file's bytes; empty when it could not be read. */
  hash: string;
  /** The file as a report's manifest records it (project-relative path, hashes), when it is used. */
  file?: ManifestFile;
  diagnostics: Diagnostic[];
}

/**
 * Reads the reference DOCX named by `layout.reference_docx` (relative to the project root).
 * A file that is missing or not a DOCX is an error; styles the compiler needs that it lacks
 * are a warning, and the built-in ones are used; so is a page size that is not `paper` (the
 * layout's, A4 unless set). Problems are reported at `place` in `file` (the config, or a template
 * that names its own reference).
 */
export function loadReferenceDocx(files: ProjectFiles, path: string, file: string, place: Place | undefined, paper: Layout['paper']): LoadedReference {
  const inProject = projectPath(files.root, resolve(files.root, path));
  const inside = files.isInside('', inProject);
  // Refused by its name too, as the editors' schema can tell it: through `..`, or absolute (a path of one machine, in a file shared in git).
  if (!inside || UP_SEGMENT.test(path) || ABSOLUTE_START.test(path)) {
    const how = !inside ? 'lies outside the project folder' : UP_SEGMENT.test(path) ? 'is named through a folder above (`..`)' : 'is an absolute path';
    return {
      reference: undefined,
      hash: '',
      diagnostics: [
        diagnostic(file, place, 'error', 'config/path-outside-project', `The reference DOCX \`${path}\` ${how}; it is not read.`, 'Keep the Word file inside the project (e.g. `styles/reference.docx`), name it from the project folder, and commit it, so every build uses the same one.'),
      ],
    };
  }
  if (BACKSLASH.test(path)) return { reference: undefined, hash: '', diagnostics: [backslashed(file, place, `The reference DOCX \`${path}\` is`, path)] };
  const bytes = files.readBytes(inProject);
  if (bytes === undefined) return { reference: undefined, hash: '', diagnostics: [referenceMissing(files, path, inProject, file, place)] };
  const hash = sha256(bytes);
  const read = readReferenceDocx(bytes);
  if ('unreadable' in read) {
    return {
      reference: undefined,
      hash,
      diagnostics: [
        diagnostic(file, place, 'error', 'config/reference-docx-unreadable', `The reference DOCX \`${path}\` cannot be used: ${read.unreadable}.`, read.hint ?? 'Save it from Word as a Word Document (.docx) or Word Template (.dotx), not as a Word 97–2003 document (.doc).'),
      ],
    };
  }
  // Its page set-up is taken as it is: one that leaves no room for the text (a page 5 cm wide with 5 cm margins) is a slip.
  const left = read.page ? textArea(read.page, read.page.margins) / TWIPS_PER_MM : Number.POSITIVE_INFINITY;
  if (left < MIN_TEXT_MM) {
    return {
      reference: undefined,
      hash,
      diagnostics: [
        diagnostic(file, place, 'error', 'config/reference-docx-unreadable', `The reference DOCX \`${path}\` cannot be used: its page leaves ${Math.max(0, Math.round(left))} mm for the text; at least ${MIN_TEXT_MM} mm across and down are needed.`, 'Set its page size and margins in Word (Layout → Margins), and save it again.'),
      ],
    };
  }
  const missing = missingStyles(read);
  const diagnostics: Diagnostic[] = missing.length
    ? [
        diagnostic(
          file,
          place,
          'warning',
          'config/reference-style-missing',
          `The reference DOCX \`${path}\` has no style ${missing.map((id) => `\`${id}\``).join(', ')}: the built-in ${missing.length === 1 ? 'one is' : 'ones are'} used.`,
          'Add a paragraph style with that style id to the Word file (docs/reference-docx.md lists them), or start from `briefing reference-docx`.',
        ),
      ]
    : [];
  if (read.notParagraphStyles.length) diagnostics.push(notParagraphWarning(read.notParagraphStyles, path, file, place));
  const otherPaper = read.page && paperWarning(read.page, paper, path, file, place);
  if (otherPaper) diagnostics.push(otherPaper);
  if (read.unusedParts.length) diagnostics.push(unusedPartsWarning(read.unusedParts, path, file, place));
  return { reference: read, hash, file: { path: inProject, sha256: hash, git_blob: gitBlobId(bytes) }, diagnostics };
}

/** The warning that headers or footers of the reference print something the reports will not have. */
function unusedPartsWarning(parts: readonly string[], path: string, file: string, place: Place | undefined): Diagnostic {
  return diagnostic(
    file,
    place,
    'warning',
    'config/reference-header-unused',
    `The reference DOCX \`${path}\` prints something in ${parts.join(' and in ')}, which the reports do not take: only the first page’s header and footer come from the reference, when its first page is distinct.`,
    `For a letterhead, give the page a different first page (Word: Header & Footer → Different First Page; LibreOffice: Format → Title Page) and put it in the first page’s header; the other pages carry the page number and draft mark briefing prints.${unusedPartsAdvice(parts)}`,
  );
}

/** What more to do for where the unused parts stand: a logo in the body, a letterhead of a section before the last. */
function unusedPartsAdvice(parts: readonly string[]): string {
  const body = parts.some((part) => part.startsWith('the body of the document'));
  const earlier = parts.some((part) => part.includes('an earlier section'));
  return [
    ...(body ? [' Move a picture or text box of the body into that header: the reports bring their own body.'] : []),
    ...(earlier ? [' The letterhead must be in the last section’s first-page header: delete the section break, or move the letterhead after it.'] : []),
  ].join('');
}

/** The warning that styles the report's paragraphs take are of another type in the reference, so Word shows them as Normal. */
function notParagraphWarning(styles: readonly { id: string; type: string }[], path: string, file: string, place: Place | undefined): Diagnostic {
  const named = styles.map((style) => `\`${style.id}\` as a ${style.type} style`).join(', ');
  return diagnostic(
    file,
    place,
    'warning',
    'config/reference-style-missing',
    `The reference DOCX \`${path}\` defines ${named}, not a paragraph style: Word ignores it on the report's paragraphs, which look like Normal.`,
    'Make it a paragraph style of that name in the Word file (delete the other and create a paragraph style; docs/reference-docx.md lists them), or start from `briefing reference-docx`.',
  );
}

/** How far, in millimetres, a page's sides may be from a paper's and still be that paper: programs round A4 differently. */
const PAPER_SLACK_MM = 2;

/**
 * The warning that the reference's page is not the layout's paper. Its page replaces `layout.paper`,
 * so a reference saved on Letter (a program's default in another country) would set every report
 * on Letter without a word; either way round (portrait or landscape) is the same paper.
 */
function paperWarning(page: ReferencePage, paper: Layout['paper'], path: string, file: string, place: Place | undefined): Diagnostic | undefined {
  const sides = [page.width, page.height].map((twips) => twips / TWIPS_PER_MM).sort((a, b) => a - b);
  const isPaper = (size: { width: number; height: number }) => Math.abs((sides[0] ?? 0) - size.width) <= PAPER_SLACK_MM && Math.abs((sides[1] ?? 0) - size.height) <= PAPER_SLACK_MM;
  if (isPaper(PAPER_MM[paper])) return undefined;
  const named = (Object.keys(PAPER_MM) as Layout['paper'][]).find((name) => isPaper(PAPER_MM[name]));
  const size = `${named ? `${named}, ` : ''}${Math.round(page.width / TWIPS_PER_MM)} × ${Math.round(page.height / TWIPS_PER_MM)} mm`;
  return diagnostic(
    file,
    place,
    'warning',
    'config/reference-paper',
    `The reference DOCX \`${path}\` sets the page to ${size}, not ${paper} as \`layout.paper\` says (A4 unless set): its page is the one the reports take.`,
    `If ${paper} is meant, set the page size of the Word file (Word: Layout → Size; LibreOffice: Format → Page Style → Page) and save it again${named ? `; if ${named} is meant, write \`paper: ${named}\` under \`layout\`` : ''}.`,
  );
}

/**
 * `config/reference-docx-missing`; when the file is there with its name in another case, which a Mac or
 * Windows finds and Linux and CI do not, the message names it, so that "cannot be read" of a file
 * the desk officer sees (and builds with on a Mac) says why.
 */
function referenceMissing(files: ProjectFiles, path: string, inProject: string, file: string, place: Place | undefined): Diagnostic {
  const other = inAnotherCase(files, inProject);
  if (other === undefined) {
    return diagnostic(
      file,
      place,
      'error',
      'config/reference-docx-missing',
      `The reference DOCX \`${path}\` cannot be read.`,
      'Give a path relative to the project root, and commit the file (`diff` reads past versions from git); `briefing reference-docx -o reference.docx` writes one to start from.',
    );
  }
  return diagnostic(
    file,
    place,
    'error',
    'config/reference-docx-missing',
    `The reference DOCX \`${path}\` cannot be read: there is no file of that name, but ${thereInAnotherCase(`\`${other}\``)}.`,
    writeOrRename(`Write the name as the file has it, \`${other}\``, 'the file'),
  );
}

/** Twentieths of a point in a millimetre. */
const TWIPS_PER_MM = 1440 / 25.4;
