import { paragraphProperties, runProperties, decimalNumber } from './styles-xml.js';
import { AlignmentType, LevelFormat, type LevelOptions, type NumberingDefinition } from './types.js';
import { namespaceAttributes, WORD_NAMESPACES } from './namespaces.js';
import { DECLARATION_STANDALONE, element, serialize, type XmlElement } from './xml.js';

/*
 * How docx 9.15.2 numbers lists, and so how this does:
 * - abstractNum 1 is docx's own bullet list (● ○ ■ …), always there, with num 1 (key
 *   `default-bullet-numbering-0`), whether any paragraph uses it or not.
 * - Each numbering definition gets the next abstractNumId (2, 3, …) in the order of
 *   `numbering.config`. A reference given twice takes a new id for its later definition but
 *   keeps the place of the first (a Map's `set`).
 * - A `w:num` is made the first time a paragraph with `{ reference, instance }` is written, keyed
 *   `reference-instance`, numIds from 2 in that order. docx writes document.xml first, then
 *   comments, footnotes, endnotes, styles, headers and footers: the order of first use across
 *   them. A reference without a definition gets no `w:num` (and takes no numId).
 * - Each `w:num` overrides the start of every level of its definition (`w:lvlOverride` with
 *   `w:startOverride`, the level's `start` or 1): that is what restarts an instance at its start.
 */

/** A paragraph's list: the definition's reference and the instance (one list of that kind). */
export interface NumberingUse {
  reference: string;
  instance: number;
}

/** A `w:num` docx writes: its numId, the abstractNum it uses, and the use it was made for. */
export interface ConcreteNumbering extends NumberingUse {
  numId: number;
  abstractNumId: number;
  levels: LevelOptions[];
}

/** The key docx gives a concrete numbering, and writes as `{key}` until the numIds are known. */
export function numberingKey(use: NumberingUse): string {
  return `${use.reference}-${use.instance}`;
}

/** The abstractNumId of each reference and its levels, in docx's order (see above). */
function abstractNumberings(definitions: readonly NumberingDefinition[]): Map<string, { id: number; levels: LevelOptions[] }> {
  const abstract = new Map<string, { id: number; levels: LevelOptions[] }>();
  let id = 1;
  for (const definition of definitions) abstract.set(definition.reference, { id: ++id, levels: definition.levels });
  return abstract;
}

/**
 * The `w:num` elements docx makes for paragraphs using `uses` (in the order docx writes them;
 * repeats are fine), docx's default bullet list first (numId 1).
 */
export function concreteNumberings(definitions: readonly NumberingDefinition[], uses: readonly NumberingUse[]): ConcreteNumbering[] {
  const abstract = abstractNumberings(definitions);
  const concrete = new Map<string, ConcreteNumbering>([
    [DEFAULT_BULLET_KEY, { reference: 'default-bullet-numbering', instance: 0, numId: 1, abstractNumId: 1, levels: [{ level: 0, start: 1 }] }],
  ]);
  for (const use of uses) {
    const definition = abstract.get(use.reference);
    const key = numberingKey(use);
    if (!definition || concrete.has(key)) continue;
    concrete.set(key, { ...use, numId: concrete.size + 1, abstractNumId: definition.id, levels: definition.levels });
  }
  return [...concrete.values()];
}

const DEFAULT_BULLET_KEY = 'default-bullet-numbering-0';

/** The numId of each concrete numbering by its key (`reference-instance`): what docx puts in place of `{key}`. */
export function numberingIds(concrete: readonly ConcreteNumbering[]): Map<string, number> {
  return new Map(concrete.map((numbering) => [numberingKey(numbering), numbering.numId]));
}

/** The `w:numId` of a paragraph's list, undefined for a reference without a definition (docx leaves `{key}` there). */
export function numIdOf(concrete: readonly ConcreteNumbering[], use: NumberingUse): number | undefined {
  return concrete.find((numbering) => numbering.reference === use.reference && numbering.instance === use.instance)?.numId;
}

/**
 * `word/numbering.xml` exactly as docx writes it when `numbering.config` is `definitions` and the
 * paragraphs use `uses` (in the order docx writes them; see the comment at the top).
 */
export function numberingXml(definitions: readonly NumberingDefinition[], uses: readonly NumberingUse[]): string {
  const abstract = [
    abstractNumbering(1, DEFAULT_BULLET_LEVELS),
    ...[...abstractNumberings(definitions).values()].map(({ id, levels }) => abstractNumbering(id, levels)),
  ];
  const nums = concreteNumberings(definitions, uses).map(concreteNumbering);
  return DECLARATION_STANDALONE + serialize({ name: 'w:numbering', attributes: ROOT_ATTRIBUTES, children: [...abstract, ...nums] });
}

function abstractNumbering(id: number, levels: readonly LevelOptions[]): XmlElement {
  return element('w:abstractNum', { 'w:abstractNumId': decimalNumber(id), 'w15:restartNumberingAfterBreak': 0 }, [
    element('w:multiLevelType', { 'w:val': 'hybridMultilevel' }),
    ...levels.map(level),
  ]);
}

function level(options: LevelOptions): XmlElement {
  if (options.level > 9) throw new Error('Level cannot be greater than 9.');
  const children: XmlElement[] = [element('w:start', { 'w:val': decimalNumber(options.start ?? 1) })];
  if (options.format) children.push(element('w:numFmt', { 'w:val': options.format }));
  if (options.suffix) children.push(element('w:suff', { 'w:val': options.suffix }));
  if (options.text) children.push(element('w:lvlText', { 'w:val': options.text }));
  children.push(element('w:lvlJc', { 'w:val': levelAlignment(options.alignment ?? AlignmentType.START) }));
  const paragraph = paragraphProperties(options.style?.paragraph);
  const run = runProperties(options.style?.run);
  if (paragraph) children.push(paragraph);
  if (run) children.push(run);
  return element('w:lvl', { 'w:ilvl': decimalNumber(options.level), 'w:tentative': 1 }, children);
}

/** docx writes a level's alignment as left, center or right only. */
function levelAlignment(alignment: AlignmentType): string {
  if (alignment === AlignmentType.CENTER) return 'center';
  if (alignment === AlignmentType.END || alignment === AlignmentType.RIGHT) return 'right';
  return 'left';
}

function concreteNumbering(numbering: ConcreteNumbering): XmlElement {
  return element('w:num', { 'w:numId': decimalNumber(numbering.numId) }, [
    element('w:abstractNumId', { 'w:val': decimalNumber(numbering.abstractNumId) }),
    ...numbering.levels.map(({ level: ilvl, start }) =>
      element('w:lvlOverride', { 'w:ilvl': ilvl }, [element('w:startOverride', { 'w:val': decimalNumber(start ?? 1) })]),
    ),
  ]);
}

/** docx's own bullet list: ● ○ ■ ● ○ ■ ● ● ●, half an inch further in each level, hanging a quarter inch. */
const DEFAULT_BULLET_LEVELS: LevelOptions[] = ['●', '○', '■', '●', '○', '■', '●', '●', '●'].map((text, index) => ({
  level: index,
  format: LevelFormat.BULLET,
  text,
  alignment: AlignmentType.LEFT,
  style: { paragraph: { indent: { left: 720 * (index + 1), hanging: 360 } } },
}));

const ROOT_ATTRIBUTES: XmlElement['attributes'] = [['mc:Ignorable', 'w14 w15 wp14'], ...namespaceAttributes(WORD_NAMESPACES)];
