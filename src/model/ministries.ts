import * as z from 'zod';
import { ministryCode, plainText } from './common.js';

/** A ministry with the grammatical forms of its name that reports use. */
export const ministrySchema = z.strictObject({
  nominative: plainText.meta({ description: 'Who: "Ārlietu ministrija".' }),
  genitive: plainText.meta({ description: 'Of whom: "Ārlietu ministrijas".' }),
  accusative: plainText.meta({ description: 'After "ar": "Ārlietu ministriju".' }),
  dative: plainText.optional().meta({ description: 'To whom: "Ārlietu ministrijai".' }),
  english: plainText.meta({ description: 'English name: "Ministry of Foreign Affairs".' }),
  abbreviation: plainText.optional().meta({ description: 'Latvian abbreviation as printed, e.g. "ĀM".' }),
});

/** The ministries registry: `ministries.yaml`, keyed by short code. */
export const ministriesSchema = z
  .record(ministryCode, ministrySchema)
  .meta({ title: 'briefing ministries registry', description: 'Ministries by short code, with their name forms.' });

/** One ministry's entry. */
export type Ministry = z.output<typeof ministrySchema>;
/** The whole registry. */
export type Ministries = z.output<typeof ministriesSchema>;
