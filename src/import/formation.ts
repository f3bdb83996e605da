import { COUNCIL_CONFIGURATIONS, type COUNCIL_CONFIGURATION_NAMES } from '../model/meeting.js';

/** A Council configuration's short name (`EYCS`). */
type Configuration = keyof typeof COUNCIL_CONFIGURATION_NAMES;

/**
 * How a Latvian report names a meeting of each configuration: the Council's name in any of its cases
 * ("… padome", "… padomes", "… padomē": only its last word is declined), or, for an informal meeting,
 * the ministers who meet, by a word of their field ("izglītības ministru", "lauksaimniecības un
 * zivsaimniecības ministri", "izglītības un pētniecības ministru"); its short name, in capitals, too.
 */
const LATVIAN_NAMES: Record<Configuration, { council: string; ministers: string }> = {
  GAC: { council: 'vispārējo lietu', ministers: 'eiropas lietu' },
  FAC: { council: 'ārlietu', ministers: 'ārlietu|aizsardzības|tirdzniecības' },
  ECOFIN: { council: 'ekonomikas un finanšu(?: lietu)?', ministers: 'finanšu' },
  JHA: { council: 'tieslietu un iekšlietu', ministers: 'tieslietu|iekšlietu' },
  EPSCO: { council: 'nodarbinātības, sociālās politikas[^.]*', ministers: 'nodarbinātības|sociālo lietu|veselības|labklājības' },
  COMPET: { council: 'konkurētspējas', ministers: 'konkurētspējas|pētniecības|rūpniecības|iekšējā tirgus' },
  TTE: { council: 'transporta, telekomunikāciju un enerģētikas', ministers: 'transporta|telekomunikāciju|enerģētikas' },
  AGRIFISH: { council: 'lauksaimniecības un zivsaimniecības', ministers: 'lauksaimniecības|zivsaimniecības' },
  ENVI: { council: 'vides', ministers: 'vides' },
  EYCS: { council: 'izglītības, jaunatnes, kultūras un sporta', ministers: 'izglītības|jaunatnes|kultūras|sporta' },
};

/** A configuration's Latvian name as a pattern: its Council's name before "padom…", or a word of its ministers' field up to three words before "ministr…". */
function namePattern({ council, ministers }: { council: string; ministers: string }): RegExp {
  return new RegExp(`(?<!\\p{L})(?:(?:${council})\\s+padom|(?:${ministers})(?:,?\\s+(?:un\\s+)?\\p{L}+){0,3}\\s+ministr)`, 'iu');
}

/** A configuration's short name written in the name as a word of its own, in capitals ("ECOFIN padomes sanāksme", "Padomes (EPSCO) sanāksme"). */
function shortNamePattern(configuration: Configuration): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${configuration}(?![\\p{L}\\p{N}])`, 'u');
}

const NAME_PATTERNS = COUNCIL_CONFIGURATIONS.map((configuration) => ({ configuration, patterns: [namePattern(LATVIAN_NAMES[configuration]), shortNamePattern(configuration)] }));

/**
 * The configuration a meeting's Latvian names (as the report's title and opening print them) name, for
 * `formation` when the DOCX keywords do not give it; undefined when they name none, or more than one
 * ("izglītības un pētniecības ministru sanāksme"), as then the report does not say which.
 */
export function formationNamed(names: readonly string[]): Configuration | undefined {
  const named = NAME_PATTERNS.filter(({ patterns }) => names.some((name) => patterns.some((pattern) => pattern.test(name))));
  return named.length === 1 ? named[0]?.configuration : undefined;
}
