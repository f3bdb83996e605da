import { abbreviationOn, clearanceOf, clearancesNeeded, clearedBy, configurationName, existsOn, isEuropeanCouncil, nameOn, type ClearanceState, type Config, type Meeting, type Ministries, type Position } from '../model/index.js';
import { isDraftReport } from '../model/draft.js';
import { latestDatingClearance } from '../model/document-date.js';
import { scopeField } from './markdown-field.js';

/** A ministry with all its name forms, as templates use it. */
export interface MinistryRef {
  code: string;
  nominative: string;
  genitive: string;
  accusative: string;
  dative: string | null;
  english: string;
  abbreviation: string | null;
}

/** A person in the signature block or visa line. */
export interface SignatoryModel {
  role: string;
  name: string;
}

/** A position as a template sees it. */
export interface PositionModel {
  id: string;
  version: number;
  status: 'draft' | 'cleared';
  owner: { ministry: MinistryRef; unit: string | null };
  /** The answer, Markdown, inserted as Markdown. */
  body: string;
  speakingPoints: string[];
  /** The answer in English (`body_en`), Markdown; null while it is not translated. */
  bodyEn: string | null;
  /** The speaking points in English (`speaking_points_en`); empty when there are none. */
  speakingPointsEn: string[];
}

/** One numbered question with the position that answers it. */
export interface QuestionModel {
  number: number;
  text: string;
  /** The question in English (`text_en`); null while it is not translated. */
  textEn: string | null;
  position: PositionModel;
}

/** A clearance that is still missing: which position, which ministry, in what state. */
export interface MissingClearance {
  position: string;
  ministry: MinistryRef;
  /** `earlier version`: the ministry cleared an earlier version of the position, not this one. */
  status: Exclude<ClearanceState, 'cleared'>;
}

/**
 * Missing clearances as a draft's banner names them: the positions that lack the same ministries in
 * the same state share one entry, so a meeting of 30 positions that 14 ministries have yet to answer
 * is one sentence, not 420.
 */
export interface OutstandingClearances {
  /** Position ids, in the meeting's order. */
  positions: string[];
  /** In the meeting's order of `required_clearances`. */
  ministries: MinistryRef[];
  status: MissingClearance['status'];
}

/**
 * Everything a template may use. Optional data is present as `null`, never absent,
 * so templates render in strict mode and `{{#if}}` works on it.
 */
export interface ReportModel {
  meeting: {
    date: string;
    /** The last day of a meeting held over several days (`end_date`); null for a one-day meeting. */
    endDate: string | null;
    /** Where an in-person meeting is held (`place`); null when the meeting file does not say. */
    place: { locative: string; english: string | null } | null;
    time: string | null;
    kind: 'formal' | 'informal';
    mode: 'in-person' | 'videoconference';
    formation: string;
    /** The configuration's English name when `formation` is its short name (`EYCS` → "Education, Youth, Culture and Sport"); else null. */
    formationEnglish: string | null;
    /** Whether it is a meeting of the European Council (`formation: EUCO`): heads of state or government meet, not ministers. */
    europeanCouncil: boolean;
    /** Who meets, when the meeting file says (no built-in template prints it); else null. */
    participants: string | null;
    presidency: string;
    topic: string;
    /** The topic in English (`topic_en`); null while it is not translated. */
    topicEn: string | null;
    name: {
      nominative: string;
      genitive: string | null;
      locative: string;
      short_locative: string;
      english: string | null;
    };
    /** Markdown. */
    outcome: string | null;
    /** The outcome in English (`outcome_en`), Markdown; null while it is not translated. */
    outcomeEn: string | null;
    /** Markdown. */
    background: string;
    /** The background in English (`background_en`), Markdown; null while it is not translated. */
    backgroundEn: string | null;
    fileCode: string;
    signature: SignatoryModel | null;
    visa: SignatoryModel | null;
  };
  questions: QuestionModel[];
  clearance: {
    /** Ministries the meeting requires, in the meeting's order. */
    required: MinistryRef[];
    /** Required ministries that cleared every included position but those they own, and at least one: the clearance line. */
    cleared: MinistryRef[];
    missing: MissingClearance[];
    /** `missing` grouped: see {@link OutstandingClearances}. */
    outstanding: OutstandingClearances[];
    /** Ids of included positions whose own status is still `draft`. */
    draftPositions: string[];
    complete: boolean;
  };
  /** True while there is no position yet, any position is a draft or any required clearance is missing. */
  draft: boolean;
  issuingMinistry: MinistryRef;
  /**
   * Every ministry of the registry by code, named as on the meeting's date: `{{ministry registry.AM "dative"}}`;
   * null for one established after that date (`established`), which did not exist yet, as the
   * clearances and the choices of `new meeting` leave it out: a 2021 report named the Klimata un
   * enerģētikas ministrija (2023) without a word. A template tests for it: `{{#if registry.KEM}}`.
   */
  registry: Record<string, MinistryRef | null>;
  abbreviations: { term: string; short: string }[];
  settings: { quotes: Config['quotes']; locale: Config['locale'] };
  /** The date the document carries (YYYY-MM-DD): see `documentDate`. */
  documentDate: string;
}

/** Inputs of {@link resolveReport}: validated data only, already cross-checked. */
export interface ResolveInput {
  meeting: Meeting;
  /** Positions by id; every id the meeting names must be present. */
  positions: ReadonlyMap<string, Position>;
  ministries: Ministries;
  config: Config;
}

/**
 * Builds the model a template renders. Pure: no clock, no files, no environment;
 * the same input gives the same model.
 */
export function resolveReport({ meeting, positions, ministries, config }: ResolveInput): ReportModel {
  const ministry = (code: string): MinistryRef => ministryRef(ministries, code, meeting.date);
  const positionModels = new Map<string, PositionModel>();
  const positionOf = (id: string): PositionModel => {
    const cached = positionModels.get(id);
    if (cached) return cached;
    const position = positions.get(id);
    if (!position) throw new Error(`resolveReport: position ${id} was not supplied`);
    const model: PositionModel = {
      id: position.id,
      version: position.version,
      status: position.status,
      owner: { ministry: ministry(position.owner.ministry), unit: position.owner.unit ?? null },
      body: scopeField(position.body, position.id),
      speakingPoints: position.speaking_points ?? [],
      bodyEn: position.body_en?.trim() ? scopeField(position.body_en, `${position.id}-en`) : null,
      speakingPointsEn: position.speaking_points_en ?? [],
    };
    positionModels.set(id, model);
    return model;
  };
  const questions = meeting.questions.map((question, index) => ({
    number: index + 1,
    text: question.text,
    textEn: question.text_en?.trim() ? question.text_en : null,
    position: positionOf(question.position),
  }));
  const included = [...new Set(meeting.questions.map((q) => q.position))].flatMap((id) => {
    const position = positions.get(id);
    return position ? [position] : [];
  });
  const missing = missingClearances(included, meeting.required_clearances, ministry);
  const draftPositions = included.filter((p) => p.status === 'draft').map((p) => p.id);
  const cleared = meeting.required_clearances.filter((code) => clearedEveryNeeded(included, code)).map(ministry);

  return {
    meeting: {
      date: meeting.date,
      endDate: meeting.end_date ?? null,
      place: meeting.place ? { locative: meeting.place.locative, english: meeting.place.english ?? null } : null,
      time: meeting.time ?? null,
      kind: meeting.kind,
      mode: meeting.mode,
      formation: meeting.formation,
      formationEnglish: configurationName(meeting.formation.trim()),
      europeanCouncil: isEuropeanCouncil(meeting.formation),
      participants: meeting.participants ?? null,
      presidency: meeting.presidency,
      topic: meeting.topic,
      topicEn: meeting.topic_en?.trim() ? meeting.topic_en : null,
      name: {
        nominative: meeting.name.nominative,
        genitive: meeting.name.genitive ?? null,
        locative: meeting.name.locative,
        short_locative: meeting.name.short_locative,
        english: meeting.name.english ?? null,
      },
      outcome: meeting.outcome === undefined ? null : scopeField(meeting.outcome, 'outcome'),
      outcomeEn: meeting.outcome_en?.trim() ? scopeField(meeting.outcome_en, 'outcome-en') : null,
      background: scopeField(meeting.background, 'background'),
      backgroundEn: meeting.background_en?.trim() ? scopeField(meeting.background_en, 'background-en') : null,
      fileCode: meeting.file_code,
      signature: meeting.signature ?? null,
      visa: meeting.visa ?? null,
    },
    questions,
    clearance: {
      required: meeting.required_clearances.map(ministry),
      cleared,
      missing,
      outstanding: outstandingClearances(missing),
      draftPositions,
      complete: missing.length === 0,
    },
    draft: isDraftReport(included, meeting.required_clearances),
    issuingMinistry: ministry(config.issuing_ministry),
    registry: Object.fromEntries(Object.entries(ministries).map(([code, entry]) => [code, existsOn(entry, meeting.date) ? ministry(code) : null])),
    abbreviations: [...config.abbreviations, ...(meeting.abbreviations ?? [])],
    settings: { quotes: config.quotes, locale: config.locale },
    documentDate: documentDate(meeting, included),
  };
}

/**
 * The date a document carries when SOURCE_DATE_EPOCH is not set: the meeting's
 * `document_date`, else the latest clearance the report is built on, up to the meeting's
 * day ({@link latestDatingClearance}, which `meeting/document-date` checks `document_date`
 * against), else the meeting day. Taken from the inputs, never the clock, so rebuilds are identical.
 */
export function documentDate(meeting: Meeting, included: readonly Position[]): string {
  if (meeting.document_date) return meeting.document_date;
  return latestDatingClearance(meeting, included)?.date ?? meeting.date;
}

/**
 * Whether `code` cleared every included position that needs its answer, and there is one: with no
 * position yet, or only positions the ministry owns (it clears none of its own), it has cleared
 * nothing, and the clearance line does not name it (not: everything vacuously was).
 */
function clearedEveryNeeded(included: readonly Position[], code: string): boolean {
  const needing = included.filter((position) => clearancesNeeded(position, [code]).length > 0);
  return needing.length > 0 && needing.every((position) => clearedBy(position, code));
}

function missingClearances(
  included: readonly Position[],
  required: readonly string[],
  ministry: (code: string) => MinistryRef,
): MissingClearance[] {
  return included.flatMap((position) =>
    clearancesNeeded(position, required).flatMap((code): MissingClearance[] => {
      const { state } = clearanceOf(position, code);
      return state === 'cleared' ? [] : [{ position: position.id, ministry: ministry(code), status: state }];
    }),
  );
}

/** {@link OutstandingClearances} of `missing`, in the order each group first appears. */
function outstandingClearances(missing: readonly MissingClearance[]): OutstandingClearances[] {
  // One entry per position and state, its ministries in the meeting's order…
  const perPosition = new Map<string, OutstandingClearances>();
  for (const { position, ministry, status } of missing) {
    const key = `${position}\n${status}`;
    const entry = perPosition.get(key) ?? { positions: [position], ministries: [], status };
    entry.ministries.push(ministry);
    perPosition.set(key, entry);
  }
  // …then the entries that name the same ministries in the same state, as one.
  const grouped = new Map<string, OutstandingClearances>();
  for (const entry of perPosition.values()) {
    const key = `${entry.status}\n${entry.ministries.map((m) => m.code).join(',')}`;
    const same = grouped.get(key);
    if (same) same.positions.push(...entry.positions);
    else grouped.set(key, entry);
  }
  return [...grouped.values()];
}

/** A ministry as the report on a meeting of `date` names it (see `nameOn`). */
function ministryRef(ministries: Ministries, code: string, date: string): MinistryRef {
  const entry = ministries[code];
  if (!entry) throw new Error(`resolveReport: ministry ${code} is not in the registry`);
  const name = nameOn(entry, date);
  return {
    code,
    nominative: name.nominative,
    genitive: name.genitive,
    accusative: name.accusative,
    dative: name.dative ?? null,
    english: name.english,
    abbreviation: abbreviationOn(entry, date) ?? null,
  };
}
