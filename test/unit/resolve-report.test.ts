import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { configSchema, meetingSchema, ministriesSchema, positionSchema, type Meeting, type Position } from '../../src/model/index.js';
import { fieldScope } from '../../src/resolve/markdown-field.js';
import { resolveReport, type ReportModel } from '../../src/resolve/report.js';
import { EXAMPLE_MEETING, REPO } from '../helpers/project.js';

/**
 * The model a template renders, seen directly: the example meeting and its positions, changed a
 * little in each test, resolved against the example's registry and configuration.
 */

const yaml = (path: string): unknown => parse(readFileSync(join(REPO, path), 'utf8'));
const ministries = ministriesSchema.parse(yaml('ministries.yaml'));
const config = configSchema.parse(yaml('briefing.config.yaml'));
const exampleMeeting = meetingSchema.parse(yaml(EXAMPLE_MEETING));
const examplePosition = (id: string): Position => positionSchema.parse(yaml(`positions/educ/${id}.yaml`));

function resolve(meeting: Partial<Meeting> = {}, positions: Record<string, (position: Position) => Position> = {}): ReportModel {
  const full = { ...exampleMeeting, ...meeting };
  const byId = new Map(full.questions.map((q) => [q.position, (positions[q.position] ?? ((p: Position) => p))(examplePosition(q.position))]));
  return resolveReport({ meeting: full, positions: byId, ministries, config });
}

const cleared = (date: string) => ({ status: 'cleared' as const, date });

describe('the clearances of the model', () => {
  it('names in the clearance line the ministries that cleared every position, and none missing, for the example', () => {
    const model = resolve();
    expect(model.clearance.required.map((m) => m.code)).toEqual(['AM', 'LM']);
    expect(model.clearance.cleared.map((m) => m.accusative)).toEqual(['Ārlietu ministriju', 'Labklājības ministriju']);
    expect(model.clearance.missing).toEqual([]);
    expect(model.clearance.outstanding).toEqual([]);
    expect(model.clearance.draftPositions).toEqual([]);
    expect(model.clearance.complete).toBe(true);
    expect(model.draft).toBe(false);
  });

  it('says which position lacks which ministry and in what state, and groups positions that lack the same ones', () => {
    const model = resolve({}, {
      'equity-achievements': (p) => ({ ...p, status: 'draft', clearance: { AM: cleared('2021-02-15') } }),
      'equity-reforms': (p) => ({ ...p, clearance: { AM: { ...cleared('2021-02-15'), version: 1 } } }),
      'equity-eu-cooperation': (p) => ({ ...p, clearance: { AM: cleared('2021-02-15') } }),
    });
    expect(model.clearance.cleared.map((m) => m.code)).toEqual([]);
    expect(model.clearance.missing.map((m) => [m.position, m.ministry.code, m.status])).toEqual([
      ['equity-achievements', 'LM', 'not recorded'],
      ['equity-reforms', 'AM', 'earlier version'],
      ['equity-reforms', 'LM', 'not recorded'],
      ['equity-eu-cooperation', 'LM', 'not recorded'],
    ]);
    expect(model.clearance.outstanding.map((o) => [o.positions, o.ministries.map((m) => m.code), o.status])).toEqual([
      [['equity-achievements', 'equity-reforms', 'equity-eu-cooperation'], ['LM'], 'not recorded'],
      [['equity-reforms'], ['AM'], 'earlier version'],
    ]);
    expect(model.clearance.draftPositions).toEqual(['equity-achievements']);
    expect(model.clearance.complete).toBe(false);
    expect(model.draft).toBe(true);
  });

  it('does not name a ministry in the clearance line that cleared only some positions, or only its own', () => {
    const lmOwns = (p: Position): Position => ({ ...p, owner: { ...p.owner, ministry: 'LM' }, clearance: { AM: cleared('2021-02-15') } });
    const model = resolve({ required_clearances: ['AM', 'LM', 'IZM'] }, {
      'equity-achievements': lmOwns,
      'equity-reforms': lmOwns,
      'equity-eu-cooperation': lmOwns,
    });
    // LM owns all three: it clears none of its own, so it cleared nothing; IZM cleared none of them.
    expect(model.clearance.cleared.map((m) => m.code)).toEqual(['AM']);
    expect(model.clearance.missing.map((m) => `${m.position} ${m.ministry.code}`)).toEqual(['equity-achievements IZM', 'equity-reforms IZM', 'equity-eu-cooperation IZM']);
  });
  it('names a ministry that cleared every position but the one it owns, which it does not clear', () => {
    const model = resolve({}, { 'equity-achievements': (p) => ({ ...p, owner: { ...p.owner, ministry: 'AM' }, clearance: { LM: cleared('2021-02-16') } }) });
    expect(model.clearance.cleared.map((m) => m.code)).toEqual(['AM', 'LM']);
    expect(model.clearance.complete).toBe(true);
  });
});

describe('the meeting and its fields in the model', () => {
  it('gives each Markdown field its footnotes under the scope review looks them up by (fieldScope)', () => {
    const note = (text: string) => `${text}[^1]\n\n[^1]: Piezīme.`;
    const model = resolve(
      { outcome: note('Iznākums.'), outcome_en: note('Outcome.'), background: note('Fons.'), background_en: note('Background.') },
      { 'equity-reforms': (p) => ({ ...p, body: note('Atbilde.'), body_en: note('Answer.') }) },
    );
    const label = (text: string | null | undefined) => /\[\^([^\]]+)\]:/.exec(text ?? '')?.[1];
    const reforms = model.questions.find((q) => q.position.id === 'equity-reforms')?.position;
    expect(label(model.meeting.outcome)).toBe(`${fieldScope({ kind: 'meeting', id: 'x', field: 'outcome' })}-1`);
    expect(label(model.meeting.outcomeEn)).toBe(`${fieldScope({ kind: 'meeting', id: 'x', field: 'outcome_en' })}-1`);
    expect(label(model.meeting.background)).toBe(`${fieldScope({ kind: 'meeting', id: 'x', field: 'background' })}-1`);
    expect(label(model.meeting.backgroundEn)).toBe(`${fieldScope({ kind: 'meeting', id: 'x', field: 'background_en' })}-1`);
    expect(label(reforms?.body)).toBe(`${fieldScope({ kind: 'position', id: 'equity-reforms', field: 'body' })}-1`);
    expect(label(reforms?.bodyEn)).toBe(`${fieldScope({ kind: 'position', id: 'equity-reforms', field: 'body_en' })}-1`);
    expect([model.meeting.outcome, model.meeting.outcomeEn, model.meeting.background, model.meeting.backgroundEn, reforms?.body, reforms?.bodyEn].map(label)).toEqual([
      'outcome-1',
      'outcome-en-1',
      'background-1',
      'background-en-1',
      'equity-reforms-1',
      'equity-reforms-en-1',
    ]);
  });

  it('holds a translation left blank, and what the meeting file does not give, as null', () => {
    const model = resolve(
      { topic_en: '  ', outcome_en: '\n', background_en: ' ', outcome: undefined, questions: exampleMeeting.questions.map((q) => ({ ...q, text_en: ' ' })) },
      { 'equity-reforms': (p) => ({ ...p, body_en: '  \n' }) },
    );
    expect([model.meeting.topicEn, model.meeting.outcomeEn, model.meeting.backgroundEn, model.meeting.outcome]).toEqual([null, null, null, null]);
    expect(model.questions.map((q) => q.textEn)).toEqual([null, null, null]);
    expect(model.questions.map((q) => q.position.bodyEn)).toEqual([null, null, null]);
    expect([model.meeting.endDate, model.meeting.place]).toEqual([null, null]);
  });

  it('numbers the questions from 1 and names the formation in English, not as the European Council', () => {
    const model = resolve();
    expect(model.questions.map((q) => [q.number, q.position.id])).toEqual([
      [1, 'equity-achievements'],
      [2, 'equity-reforms'],
      [3, 'equity-eu-cooperation'],
    ]);
    expect(model.meeting.formationEnglish).toBe('Education, Youth, Culture and Sport');
    expect(model.meeting.europeanCouncil).toBe(false);
  });

  it('names ministries as on the meeting’s day: a later name not yet, a ministry established later as null', () => {
    const model = resolve();
    expect(model.registry['KEM']).toBeNull();
    expect(model.registry['VARAM']?.nominative).toBe('Vides aizsardzības un reģionālās attīstības ministrija');
    expect(model.registry['AM']?.abbreviation).toBe('ĀM');
    const later = resolve({ date: '2023-02-01', questions: exampleMeeting.questions });
    expect(later.registry['KEM']?.nominative).toBe('Klimata un enerģētikas ministrija');
    expect(later.registry['VARAM']?.nominative).not.toBe('Vides aizsardzības un reģionālās attīstības ministrija');
  });

  it('dates the document by its document_date, else by the latest clearance up to the meeting’s day', () => {
    expect(resolve({ document_date: '2021-02-18' }).documentDate).toBe('2021-02-18');
    expect(resolve().documentDate).toBe('2021-02-17');
  });

  it('puts the meeting’s abbreviations after the project’s', () => {
    const model = resolve({ abbreviations: [{ term: 'Eiropas Komisija', short: 'EK' }] });
    expect(model.abbreviations.map((a) => a.short)).toEqual(['ES', 'EK']);
  });
});
