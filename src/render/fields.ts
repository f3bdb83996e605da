/**
 * The Markdown fields of a report, each kept apart from the template text around it.
 * The template renders once with every Markdown field replaced by a placeholder (the
 * skeleton); the DOCX compiler parses the skeleton and each field on its own and splices
 * the fields' trees in, so no field can open a construct that runs past its own end.
 */
import type { FieldRef, MeetingMarkdownField } from '../model/field.js';
import type { PositionModel, ReportModel } from '../resolve/report.js';

/** One Markdown field's text as the report prints it, and where it came from. */
export interface MarkdownField {
  ref: FieldRef;
  text: string;
}

/** A rendered report in parts: the skeleton with placeholders, and the fields they stand for. */
export interface ReportSource {
  /** The template's output with each Markdown field replaced by {@link fieldPlaceholder}. */
  skeleton: string;
  /** The fields by placeholder number. */
  fields: readonly MarkdownField[];
}

/** Where the model's Markdown fields come from: the meeting's path and each position's file. */
export interface FieldFiles {
  meeting: string;
  positions: ReadonlyMap<string, string>;
}

const OPEN = '\uE000';
const CLOSE = '\uE001';

/** Matches a placeholder; group 1 is the field's number. Private-use characters, all but never in real text. */
export const PLACEHOLDER = /\uE000(\d+)\uE001/g;

/** The characters placeholders are made of. */
export const PLACEHOLDER_CHARS = /[\uE000\uE001]/;

/** The placeholder that stands for field number `index` in the skeleton. */
export function fieldPlaceholder(index: number): string {
  return `${OPEN}${index}${CLOSE}`;
}

/**
 * A copy of the model whose Markdown fields (meeting outcome and background and their English, each
 * position's body and its English translation) are placeholders, with the fields they stand for. An empty field
 * stays empty, so `{{#if}}` decides as it does on the real model.
 */
export function skeletonModel(model: ReportModel, files: FieldFiles): { model: ReportModel; fields: MarkdownField[] } {
  const fields: MarkdownField[] = [];
  const stand = (text: string, ref: FieldRef): string => {
    if (text === '') return '';
    fields.push({ ref, text });
    return fieldPlaceholder(fields.length - 1);
  };
  const meetingRef = (field: MeetingMarkdownField): FieldRef => ({ kind: 'meeting', id: files.meeting, field, file: files.meeting });
  const outcome = model.meeting.outcome === null ? null : stand(model.meeting.outcome, meetingRef('outcome'));
  const outcomeEn = model.meeting.outcomeEn === null ? null : stand(model.meeting.outcomeEn, meetingRef('outcome_en'));
  const background = stand(model.meeting.background, meetingRef('background'));
  const backgroundEn = model.meeting.backgroundEn === null ? null : stand(model.meeting.backgroundEn, meetingRef('background_en'));
  const positions = new Map<PositionModel, PositionModel>();
  const positionOf = (position: PositionModel): PositionModel => {
    const known = positions.get(position);
    if (known) return known;
    const file = files.positions.get(position.id) ?? position.id;
    const ref: FieldRef = { kind: 'position', id: position.id, version: position.version, field: 'body', file };
    const copy = {
      ...position,
      body: stand(position.body, ref),
      bodyEn: position.bodyEn === null ? null : stand(position.bodyEn, { ...ref, field: 'body_en' }),
    };
    positions.set(position, copy);
    return copy;
  };
  const questions = model.questions.map((question) => ({ ...question, position: positionOf(question.position) }));
  return { model: { ...model, meeting: { ...model.meeting, outcome, outcomeEn, background, backgroundEn }, questions }, fields };
}
