import { parseDocument, type Document } from 'yaml';
import type { Project } from '../load/project.js';
import { ownerSchema, positionSchema } from '../model/position.js';
import { Answers, ministryChoices } from './answers.js';
import { emptyBlock } from './meeting.js';
import { POSITION_SKELETON } from './skeletons.js';

/** Values for a new position given as flags; anything missing is asked or defaulted. */
export interface PositionFlags {
  question?: string;
  owner?: string;
  unit?: string;
  clearances?: readonly string[];
}

/** What the meetings already say about a position id they name: its question and ministries. */
export interface PositionHints {
  question?: string;
  clearances: readonly string[];
}

/**
 * The YAML document of a new draft position `id`, from the commented skeleton. Each
 * ministry that must clear it starts as `pending`. Call `answers.assertComplete` after.
 * The ministries are offered as they are on `today` (YYYY-MM-DD) when it is given.
 */
export async function scaffoldPosition(
  project: Project,
  id: string,
  flags: PositionFlags,
  answers: Answers,
  hints: PositionHints,
  today?: string,
): Promise<Document> {
  const ministries = ministryChoices(project.ministries, today);
  const question = await answers.text(
    { flag: '--question', given: flags.question, message: 'The question it answers, in short', default: hints.question },
    positionSchema.shape.questions.element,
  );
  const owner = await answers.select(
    { flag: '--owner', given: flags.owner, message: 'Ministry that owns the position', default: project.config.issuing_ministry },
    ministries,
  );
  const unit = await answers.text({ flag: '--unit', given: flags.unit, message: 'Department or unit' }, ownerSchema.shape.unit, true);
  const clearances = await answers.checkbox(
    { flag: '--clearances', given: flags.clearances, message: 'Ministries asked to clear it', default: hints.clearances.filter((code) => code !== owner) },
    ministries,
  );

  const doc = parseDocument(POSITION_SKELETON);
  doc.setIn(['id'], id);
  doc.setIn(['owner', 'ministry'], owner);
  if (unit === undefined) doc.deleteIn(['owner', 'unit']);
  else doc.setIn(['owner', 'unit'], unit);
  doc.setIn(['questions', 0], question);
  doc.setIn(['body'], emptyBlock());
  if (clearances.length) {
    const entries = Object.fromEntries(clearances.map((code) => [code, { status: 'pending' }]));
    doc.setIn(['clearance'], doc.createNode(entries, { flow: false }));
  }
  return doc;
}
