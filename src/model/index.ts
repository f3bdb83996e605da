/** The schemas, one per file kind: the single source of types, validation and JSON Schema. */
export { configSchema, formatSchema, layoutSchema, type Config, type Format, type Layout } from './config.js';
export { configurationName, COUNCIL_CONFIGURATIONS, EUROPEAN_COUNCIL, isEuropeanCouncil, isToCome, lastDayOf, meetingSchema, stillToCome, type Meeting, type Question } from './meeting.js';
export { abbreviationOn, existsOn, ministriesSchema, namePeriods, nameOn, nominativeOn, type Ministries, type Ministry, type NamePeriod } from './ministries.js';
export { answerFingerprint, clearanceOf, clearancesNeeded, namesAnswer, clearedBy, positionSchema, type Clearance, type ClearanceState, type Position } from './position.js';
export { MANIFEST_FORMAT, manifestSchema, type Manifest, type ManifestFile } from './manifest.js';
export { committedTranslationPairs, meetingTranslationPairs, positionTextFingerprints, staleTranslations, textFingerprint, type PositionTextFingerprints, type PresentTranslationPair, type TranslationPair } from './translation.js';
