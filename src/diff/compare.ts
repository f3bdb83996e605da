import type { Root } from 'mdast';
import { parseMarkdownText } from '../util/markdown.js';
import { countWords, flattenBlocks, type DiffBlock } from './blocks.js';
import { matchFootnoteLabels, type FootnoteLabelChange } from './footnote-labels.js';
import { mergeDocuments, type MergeOptions } from './merge.js';
import type { MetadataChange } from './metadata.js';

/** One side of a comparison as reports name it. */
export interface Version {
  /** `HEAD~1`, `working tree`, a file path, a manifest. */
  label: string;
  /** Full commit hash, when the version is a commit. */
  commit: string | null;
  /** When this version was made (ISO 8601, UTC): the commit date, or the files' modification time. */
  date: string;
  /**
   * When it was made by its maker's clock and calendar, YYYY-MM-DDTHH:MM:SS without a zone: a commit's in
   * its committer's time zone (as `git log` shows it), the files' in the local one; from SOURCE_DATE_EPOCH,
   * `date` in UTC. Its first ten characters are the day the header shows.
   */
  localTime: string;
  /** Who made it: the commit's author, or the configured git user. */
  author: string;
}

/** Words added and removed, and how much else changed, for one position or the whole report. */
export interface StatLine {
  /** A position id, or `report`. */
  subject: string;
  from: string | null;
  to: string | null;
  inserted: number;
  deleted: number;
  /** Paragraphs (and items, headings …) that differ. */
  blocks: number;
  /** Changes of version, status, clearance … */
  metadata: number;
}

/** The structured diff: what `--format json` prints and every other format is made from. */
export interface DocumentDiff {
  kind: 'meeting' | 'position';
  /** The compared file, project-relative; two files are shown as `a → b`. */
  file: string;
  from: Version;
  to: Version;
  equal: boolean;
  /**
   * A position's file whose text differs between the two though they compare equal: how (see
   * {@link unshownChange}); absent when the texts are the same, or the two differ.
   */
  unshown?: UnshownChange;
  /** A meeting's files whose text changed though the report compares equal (project paths, the newer names); only with `unshown`. */
  unshownFiles?: string[];
  metadata: MetadataChange[];
  stat: StatLine[];
  blocks: DiffBlock[];
  /** Footnotes whose label alone changed: no change in the text (labels are not printed), the blocks show the newer label. */
  footnoteLabels: FootnoteLabelChange[];
  /** The redline as a Markdown syntax tree, for the DOCX. */
  tree: Root;
}

/**
 * Compares two Markdown documents: the redline tree, its blocks, and the footnotes whose label
 * alone changed (the older version's notes take their newer labels before the two are merged).
 */
export function compareMarkdown(before: string, after: string, options: MergeOptions): { tree: Root; blocks: DiffBlock[]; footnoteLabels: FootnoteLabelChange[] } {
  const older = parseMarkdownText(before);
  const newer = parseMarkdownText(after);
  const footnoteLabels = matchFootnoteLabels(older, newer, options.whitespace);
  const tree = mergeDocuments({ tree: older, markdown: before }, { tree: newer, markdown: after }, options);
  return { tree, blocks: flattenBlocks(tree, options.whitespace), footnoteLabels };
}

/** Sums up the changed blocks of a comparison as one stat line. */
export function statLine(subject: string, from: string | null, to: string | null, blocks: readonly DiffBlock[], metadata: number): StatLine {
  const changed = blocks.filter((b) => b.status !== 'equal');
  return { subject, from, to, ...countWords(changed), blocks: changed.length, metadata };
}

/**
 * How a file's two texts differ that compare equal as the report and its clearance read them:
 * `composition`, only in how letters are written, composed (ā) or decomposed (a and a combining
 * macron, as a Mac or a PDF gives them), which the loader reads as one; `whitespace`, only in
 * spaces, tabs and line ends; `form`, in how the YAML is written (comments, quoting, the order of
 * fields). Undefined for two same texts.
 */
export type UnshownChange = 'composition' | 'whitespace' | 'form';

/** How the texts of several files differ that compare equal: the one way they all share, else `form`; undefined when none differs. */
export function unshownChanges(pairs: readonly (readonly [string, string])[]): UnshownChange | undefined {
  const ways = new Set(pairs.map(([before, after]) => unshownChange(before, after)).filter((way) => way !== undefined));
  return ways.size > 1 ? 'form' : [...ways][0];
}

export function unshownChange(before: string, after: string): UnshownChange | undefined {
  if (before === after) return undefined;
  const [older, newer] = [before.normalize('NFC'), after.normalize('NFC')];
  if (older === newer) return 'composition';
  const bare = (text: string) => text.replace(/\s+/gu, '');
  return bare(older) === bare(newer) ? 'whitespace' : 'form';
}
