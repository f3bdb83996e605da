import { describe, expect, it } from 'vitest';
import { arityProblem, HELPER_ARITY, HELPERS, HelperUsageError } from '../../src/render/helpers.js';

/** Calls a helper as Handlebars does: positional arguments, then an options object. */
function call(name: string, ...args: unknown[]): unknown {
  const helper = HELPERS[name];
  if (!helper) throw new Error(`no helper ${name}`);
  return helper(...args, { hash: {}, data: {} });
}

/** Calls a helper with hash options and a report model at the root, as a template does. */
function callWith(name: string, hash: Record<string, unknown>, documentDate: string, ...args: unknown[]): unknown {
  const helper = HELPERS[name];
  if (!helper) throw new Error(`no helper ${name}`);
  const root = { settings: { quotes: 'curly' }, abbreviations: [], documentDate };
  return helper(...args, { hash, data: { root } });
}

describe('date', () => {
  it('writes the year in full by default, leaves it out with year="none"', () => {
    expect(callWith('date', {}, '2021-02-15', '2021-02-19', 'genitive')).toBe('2021. gada 19.\u00A0februāra');
    expect(callWith('date', { year: 'full' }, '2021-02-15', '2021-02-19', 'genitive')).toBe('2021. gada 19.\u00A0februāra');
    expect(callWith('date', { year: 'none' }, '2021-02-15', '2021-02-19', 'locative')).toBe('19.\u00A0februārī');
    expect(callWith('date', { year: 'none' }, '2021-02-15', '2021-02-19')).toBe('19.\u00A0februāris');
  });

  it('says "šā gada" with year="this" only in the document’s year', () => {
    expect(callWith('date', { year: 'this' }, '2021-02-15', '2021-02-19', 'genitive')).toBe('šā gada 19.\u00A0februāra');
    expect(callWith('date', { year: 'this' }, '2020-12-30', '2021-02-19', 'genitive')).toBe('2021. gada 19.\u00A0februāra');
  });

  it('gives the days of a meeting held over several with until=, one day when until is null or the same day', () => {
    expect(callWith('date', { until: '2021-05-18' }, '2021-05-10', '2021-05-17', 'locative')).toBe('2021. gada 17. un 18.\u00A0maijā');
    expect(callWith('date', { until: '2021-05-18', year: 'this' }, '2021-05-10', '2021-05-17', 'genitive')).toBe('šā gada 17. un 18.\u00A0maija');
    expect(callWith('date', { until: null }, '2021-05-10', '2021-05-17', 'locative')).toBe('2021. gada 17.\u00A0maijā');
    expect(callWith('date', { until: '2021-05-17' }, '2021-05-10', '2021-05-17', 'locative')).toBe('2021. gada 17.\u00A0maijā');
    expect(callWith('dateEn', { until: '2021-05-18' }, '2021-05-10', '2021-05-17')).toBe('17–18\u00A0May 2021');
    expect(callWith('dateEn', { until: null }, '2021-05-10', '2021-05-17')).toBe('17\u00A0May 2021');
    expect(callWith('dateNumeric', { until: '2021-05-18' }, '2021-05-10', '2021-05-17')).toBe('17.05.2021.–18.05.2021.');
  });

  it('writes the time the meeting starts with at=, after the first of several days, not after the last', () => {
    const nb = (text: unknown) => String(text).replaceAll('\u00A0', '~');
    expect(nb(callWith('date', { at: '10.00' }, '2024-12-01', '2024-12-05', 'locative'))).toBe('2024. gada 5.~decembrī plkst.~10.00');
    expect(nb(callWith('date', { at: '9.30', until: null }, '2024-12-01', '2024-12-05', 'locative'))).toBe('2024. gada 5.~decembrī plkst.~9.30');
    expect(nb(callWith('date', { at: '10.00', until: '2021-05-18' }, '2021-05-10', '2021-05-17', 'locative'))).toBe('2021. gada 17.~maijā plkst.~10.00 un 18.~maijā');
    expect(nb(callWith('date', { at: '10.00', until: '2021-05-19' }, '2021-05-10', '2021-05-17', 'locative'))).toBe('2021. gada 17.~maijā plkst.~10.00~– 19.~maijā');
    expect(nb(callWith('date', { at: '14.00', until: '2024-06-01' }, '2024-05-10', '2024-05-31', 'locative'))).toBe('2024. gada 31.~maijā plkst.~14.00 un 1.~jūnijā');
    expect(nb(callWith('date', { at: '10.00', until: '2021-05-18', year: 'this' }, '2021-05-10', '2021-05-17', 'locative'))).toBe('šā gada 17.~maijā plkst.~10.00 un 18.~maijā');
    // A meeting without a time: as without at=.
    expect(nb(callWith('date', { at: null, until: '2021-05-18' }, '2021-05-10', '2021-05-17', 'locative'))).toBe('2021. gada 17. un 18.~maijā');
    expect(nb(callWith('dateEn', { at: '10.00' }, '2021-02-10', '2021-02-19'))).toBe('19~February 2021, 10.00');
    expect(nb(callWith('dateEn', { at: '10.00', until: '2021-05-18' }, '2021-05-10', '2021-05-17'))).toBe('17–18~May 2021, from 10.00 on 17~May');
    expect(() => callWith('date', { at: '2021-05-17' }, '2021-05-10', '2021-05-17', 'locative')).toThrow('the helper `date (at=)` needs a time written HH.MM (such as meeting.time), got `2021-05-17`');
  });

  it('refuses an until= that is no date or comes before the first day', () => {
    expect(() => callWith('date', { until: '2021-05-16' }, '2021-05-10', '2021-05-17')).toThrow(
      'the helper `date` got until=`2021-05-16`, which is before the first day, `2021-05-17`: until= takes the last day of a meeting held over several, until=meeting.endDate',
    );
    expect(() => callWith('dateEn', { until: 'tomorrow' }, '2021-05-10', '2021-05-17')).toThrow(HelperUsageError);
    // Each says what until= is for, not only what it was given (meeting.time, a text typed in).
    expect(() => callWith('dateEn', { until: '10.00' }, '2021-05-10', '2021-05-17')).toThrow(
      'the helper `dateEn (until=)` needs a date written YYYY-MM-DD (such as meeting.date), got `10.00`: until= takes the last day of a meeting held over several, until=meeting.endDate',
    );
    expect(() => callWith('dateNumeric', { until: '2021-02-30' }, '2021-02-10', '2021-02-10')).toThrow('which is not a real calendar date: until= takes the last day of a meeting held over several, until=meeting.endDate');
  });

  it('rejects an unknown year form', () => {
    expect(() => callWith('date', { year: 'short' }, '2021-02-15', '2021-02-19')).toThrow('takes one of full, none, this, got short');
  });


  it('needs the report model for year="this", and writes one day in numbers without until=', () => {
    expect(() => HELPERS['date']?.('2021-02-19', 'genitive', { hash: { year: 'this' }, data: {} })).toThrow(
      new HelperUsageError('the helper `date` with year="this" needs the report model (its document date)'),
    );
    expect(call('dateNumeric', '2021-02-19')).toBe('19.02.2021.');
    expect(call('dateEn', '2021-02-19')).toBe('19\u00A0February 2021');
    expect(call('time', '10.00')).toBe('plkst.\u00A010.00');
  });
});

describe('clearanceStatus', () => {
  it('says each state in Latvian by default and in English on request', () => {
    const states = {
      cleared: ['saskaņots', 'cleared'],
      'earlier version': ['saskaņota iepriekšējā versija', 'an earlier version cleared'],
      pending: ['atbilde vēl nav saņemta', 'no answer yet'],
      objected: ['izteikti iebildumi', 'objections raised'],
      withdrawn: ['saskaņojums atsaukts', 'clearance withdrawn'],
      'not recorded': ['saskaņojums nav pieprasīts', 'not asked'],
    };
    for (const [state, [latvian, english]] of Object.entries(states)) {
      expect(call('clearanceStatus', state), state).toBe(latvian);
      expect(call('clearanceStatus', state, 'lv'), state).toBe(latvian);
      expect(call('clearanceStatus', state, 'en'), state).toBe(english);
    }
  });

  it('rejects an unknown language', () => {
    expect(() => call('clearanceStatus', 'cleared', 'de')).toThrow(HelperUsageError);
  });
});

describe('fullStop', () => {
  // A topic that is a question printed "par tēmu “Kā uzlabot izglītību?”." (grammar run): the EU's Latvian style guide (10.1.6) puts no full stop after a quoted sentence's own mark.
  it('ends a sentence with a full stop, but not after a text that ends with its own mark, inside its quotation marks or not', () => {
    expect(call('fullStop', '“Digitālā izglītība”')).toBe('“Digitālā izglītība”.');
    expect(call('fullStop', '“Kā uzlabot izglītību?”')).toBe('“Kā uzlabot izglītību?”');
    expect(call('fullStop', '„Izglītība visiem!“')).toBe('„Izglītība visiem!“');
    expect(call('fullStop', '“Digitālā izglītība.”')).toBe('“Digitālā izglītība.”');
    expect(call('fullStop', '“Skolas, bibliotēkas u. c.”')).toBe('“Skolas, bibliotēkas u. c.”');
    expect(call('fullStop', '“Izglītība…”')).toBe('“Izglītība…”');
    expect(call('fullStop', 'Kā uzlabot izglītību?')).toBe('Kā uzlabot izglītību?');
    // A bracket closes no sentence of the text: the full stop follows it.
    expect(call('fullStop', '“Stratēģiskais satvars (2021–2030)”')).toBe('“Stratēģiskais satvars (2021–2030)”.');
    expect(call('fullStop', 'Tēma (u. c.)')).toBe('Tēma (u. c.).');
  });
});

describe('inc', () => {
  it('numbers list items from 1', () => {
    expect(call('inc', 0)).toBe(1);
    expect(call('inc', 9)).toBe(10);
  });

  it('needs a number', () => {
    expect(() => call('inc', '1')).toThrow('the helper `inc` needs a number, e.g. @index');
  });
});

describe('introduce', () => {
  it('introduces each abbreviation once per report, however often the template calls it', () => {
    const helper = HELPERS.introduce;
    if (!helper) throw new Error('no helper introduce');
    const report = { settings: { quotes: 'curly' }, abbreviations: [{ term: 'Eiropas Savienības', short: 'ES' }], documentDate: '2021-02-15' };
    const options = { hash: {}, data: { root: report } };
    expect(helper('Eiropas Savienības izglītības ministru sanāksme', options)).toBe('Eiropas Savienības (turpmāk\u00A0– ES) izglītības ministru sanāksme');
    expect(helper('Eiropas Savienības izglītības ministru sanāksmē', options)).toBe('Eiropas Savienības izglītības ministru sanāksmē');
    // Another report (another model) starts afresh.
    expect(helper('Eiropas Savienības padome', { hash: {}, data: { root: { ...report } } })).toBe('Eiropas Savienības (turpmāk\u00A0– ES) padome');
  });
});

describe('lowerFirst', () => {
  it('lower-cases the first letter of a role, not of an abbreviation or a name of capitalised words', () => {
    expect(call('lowerFirst', 'Valsts sekretāre')).toBe('valsts sekretāre');
    expect(call('lowerFirst', 'Izglītības un zinātnes ministre')).toBe('izglītības un zinātnes ministre');
    expect(call('lowerFirst', 'ĀM valsts sekretāra vietnieks')).toBe('ĀM valsts sekretāra vietnieks');
    // An abbreviation with a small letter inside (Iekšlietu ministrija's) is one too.
    expect(call('lowerFirst', 'IeM valsts sekretārs')).toBe('IeM valsts sekretārs');
    // The Ministru prezidents, the Ministru kabinets and the Saeima keep their capital.
    expect(call('lowerFirst', 'Ministru prezidenta biedrs')).toBe('Ministru prezidenta biedrs');
    // A role starting with a place's name keeps it: Latvija, Eiropa, Rīga, Baltija.
    expect(call('lowerFirst', 'Latvijas vēstniece Beļģijā')).toBe('Latvijas vēstniece Beļģijā');
    expect(call('lowerFirst', 'Eiropas lietu departamenta direktore')).toBe('Eiropas lietu departamenta direktore');
    expect(call('lowerFirst', 'Rīgas domes priekšsēdētājs')).toBe('Rīgas domes priekšsēdētājs');
    expect(call('lowerFirst', 'Eiropietis')).toBe('eiropietis');
    expect(call('lowerFirst', 'Ministru kabineta locekle')).toBe('Ministru kabineta locekle');
    expect(call('lowerFirst', 'Saeimas deputāte')).toBe('Saeimas deputāte');
    // So do the other institutions of the Satversme; a state secretary is no institution.
    expect(call('lowerFirst', 'Valsts prezidenta padomniece')).toBe('Valsts prezidenta padomniece');
    expect(call('lowerFirst', 'Valsts kontroles padomes locekle')).toBe('Valsts kontroles padomes locekle');
    expect(call('lowerFirst', 'Satversmes tiesas tiesnesis')).toBe('Satversmes tiesas tiesnesis');
    expect(call('lowerFirst', 'Valsts sekretāra vietniece')).toBe('valsts sekretāra vietniece');
    expect(call('lowerFirst', 'Ministre')).toBe('ministre');
    expect(call('lowerFirst', 'Latvijas Republikas vēstnieks')).toBe('Latvijas Republikas vēstnieks');
    expect(call('lowerFirst', 'Ūdens')).toBe('ūdens');
    // An abbreviation as the second word makes no name of the first.
    expect(call('lowerFirst', 'Padomniece ES jautājumos')).toBe('padomniece ES jautājumos');
    // But a place's genitive before one is a name (found by the read-only review: "liepājas SEZ pārvaldnieks").
    expect(call('lowerFirst', 'Liepājas SEZ pārvaldnieks')).toBe('Liepājas SEZ pārvaldnieks');
    expect(call('lowerFirst', 'Mārupes PII vadītāja')).toBe('Mārupes PII vadītāja');
    // Nor a place after a role's nominative: the role is lowered, the place keeps its capital.
    expect(call('lowerFirst', 'Vēstnieks Beļģijā')).toBe('vēstnieks Beļģijā');
    expect(call('lowerFirst', 'Vēstniece Beļģijā')).toBe('vēstniece Beļģijā');
    expect(call('lowerFirst', 'Padomnieks Eiropas Savienības jautājumos')).toBe('padomnieks Eiropas Savienības jautājumos');
    expect(call('lowerFirst', 'Pārstāvis Eiropas Savienībā')).toBe('pārstāvis Eiropas Savienībā');
    expect(call('lowerFirst', 'Vēstnieks-rezidents Beļģijā')).toBe('vēstnieks-rezidents Beļģijā');
    // "Valsts" ends as a role's nominative does, but is the genitive that starts a name (found by the read-only review).
    expect(call('lowerFirst', 'Valsts Kases pārvaldnieks')).toBe('Valsts Kases pārvaldnieks');
  });

  it('has the number of arguments of every helper, and no more, and each example calls its helper with a number it takes', () => {
    expect(Object.keys(HELPER_ARITY).sort()).toEqual(Object.keys(HELPERS).sort());
    for (const [name, [min, max, example]] of Object.entries(HELPER_ARITY)) {
      const call = new RegExp(`^\\{\\{(?:#if \\()?${name} (.*?)\\)?\\}\\}$`).exec(example);
      const count = call?.[1]?.match(/"[^"]*"|\S+/g)?.length ?? -1;
      expect(count >= min && count <= max, `${name}: ${example}`).toBe(true);
    }
  });

  it('names itself when it is called with too many arguments, or given a mapping where it needs text', () => {
    for (const [name, [, max]] of Object.entries(HELPER_ARITY)) {
      const problem = arityProblem(name, max + 1) ?? '';
      expect(problem).toMatch(new RegExp(`^the helper \`${name}\` takes .*, got ${max + 1}$`));
      expect(() => call(name, ...Array<unknown>(max + 1).fill('x')), name).toThrow(new HelperUsageError(problem));
    }
    const mapping = { nominative: 'x' };
    for (const name of ['date', 'dateNumeric', 'dateEn', 'time', 'quote', 'introduce', 'lowerFirst', 'upperFirst']) {
      expect(() => call(name, mapping), name).toThrow(new HelperUsageError(`the helper \`${name}\` needs text, got a mapping: give it one of its fields (nominative)`));
    }
    expect(() => call('join', ['a'], mapping)).toThrow('the helper `join` needs text, got a mapping');
    expect(() => call('ministries', [mapping])).toThrow('the helper `ministries` needs a ministry from the model');
    expect(() => call('ministry', mapping)).toThrow('the helper `ministry` needs a ministry from the model');
    expect(() => call('date', '2021-02-19', 'dative')).toThrow('the helper `date` takes one of nominative, genitive, locative, got dative');
    expect(() => call('quote', 'x', 'de')).toThrow('the helper `quote` takes one of lv, en, got de');
    expect(() => call('clearanceStatus', 'asked')).toThrow('the helper `clearanceStatus` takes one of cleared');
    expect(() => call('clearanceStatus', 'cleared', 'de')).toThrow('the helper `clearanceStatus` takes one of lv, en, got de');
    expect(() => call('inc', 'x')).toThrow('the helper `inc` needs a number');
    expect(() => callWith('date', { year: 'short' }, '2021-02-15', '2021-02-19')).toThrow('the helper `date (year=)` takes one of full, none, this, got short');
    expect(() => callWith('dateNumeric', { until: '10.00' }, '2021-02-15', '2021-02-19')).toThrow('the helper `dateNumeric (until=)` needs a date written YYYY-MM-DD');
    expect(() => call('join', 'a, b')).toThrow(new HelperUsageError('the helper `join` needs a list'));
    expect(() => call('join', ['a'], ['und'])).toThrow('the helper `join` needs text, got a list');
    expect(() => call('ministries', [], 'locative')).toThrow('the helper `ministries` takes one of nominative');
    expect(() => call('ministries', [], 'nominative', ['and'])).toThrow('the helper `ministries` needs text, got a list');
    const noDative = { code: 'AM', nominative: 'Ārlietu ministrija', accusative: 'Ārlietu ministriju', dative: null };
    expect(() => call('ministries', [noDative], 'dative')).toThrow(new HelperUsageError('the helper `ministries`: AM has no dative form in the registry'));
    expect(() => HELPERS['join']?.(['a'], ['und'], { hash: { quote: true }, data: {} })).toThrow('the helper `join` needs text, got a list');
  });

  it('says how many arguments it takes in words, and what it was given in the words of the template messages', () => {
    expect(arityProblem('time', 0)).toBe('the helper `time` takes one argument, got 0');
    expect(arityProblem('eq', 1)).toBe('the helper `eq` takes 2 arguments, got 1');
    expect(arityProblem('date', 3)).toBe('the helper `date` takes 1 or 2 arguments, got 3');
    expect(arityProblem('ministries', 4)).toBe('the helper `ministries` takes 1 to 3 arguments, got 4');
    // A name that is no helper of briefing's is not counted here.
    expect(arityProblem('toString', 5)).toBeUndefined();
    expect(() => call('upperFirst', null)).toThrow(new HelperUsageError('the helper `upperFirst` needs text, got an empty value'));
    expect(() => call('upperFirst', true)).toThrow(new HelperUsageError('the helper `upperFirst` needs text, got true or false'));
    // A date that is none, with no remedy to add.
    expect(() => call('date', '2021-02-30')).toThrow(new HelperUsageError('the helper `date` got `2021-02-30`, which is not a real calendar date'));
  });

  it('offers the nearest choice of a helper, or says to write one of them in quotes', () => {
    const hint = (...args: unknown[]) => {
      try {
        call('date', '2021-02-19', ...args);
      } catch (error) {
        return error instanceof HelperUsageError ? error.hint : String(error);
      }
      return 'no error';
    };
    expect(hint('genetive')).toBe('Did you mean "genitive"? Write the choice in quotes: {{date … "genitive"}}.');
    expect(hint('xyz')).toBe('Write one of them in quotes, e.g. {{date … "nominative"}}.');
    expect(hint(2)).toBe('Write one of them in quotes, e.g. {{date … "nominative"}}.');
  });

  it('keeps the capital of a ministry’s name from the registry, the way the template prints the visa', () => {
    const helper = HELPERS.lowerFirst;
    if (!helper) throw new Error('no helper lowerFirst');
    const ministry = (nominative: string, genitive: string) => ({ code: 'X', nominative, genitive, accusative: `${nominative}u`, dative: null, english: '', abbreviation: null });
    const registry = { IZM: ministry('Izglītības un zinātnes ministrija', 'Izglītības un zinātnes ministrijas'), VK: ministry('Valsts kanceleja', 'Valsts kancelejas') };
    const options = { hash: {}, data: { root: { settings: { quotes: 'curly' }, abbreviations: [], documentDate: '2021-02-15', registry } } };
    expect(helper('Izglītības un zinātnes ministrijas valsts sekretāre', options)).toBe('Izglītības un zinātnes ministrijas valsts sekretāre');
    expect(helper('Valsts kancelejas direktore', options)).toBe('Valsts kancelejas direktore');
    // A minister's title and the state secretary are no names: lower-cased as before.
    expect(helper('Izglītības un zinātnes ministre', options)).toBe('izglītības un zinātnes ministre');
    expect(helper('Valsts sekretāre', options)).toBe('valsts sekretāre');
    // A name form must end where a word ends: "Valsts kancelejasx" is no ministry.
    expect(helper('Valsts kancelejasx direktore', options)).toBe('valsts kancelejasx direktore');
    // A ministry established after the meeting's date is empty (null) in the registry; as the issuer (a warning) its name keeps its capital still.
    const kem = ministry('Klimata un enerģētikas ministrija', 'Klimata un enerģētikas ministrijas');
    const before = { hash: {}, data: { root: { ...options.data.root, registry: { ...registry, KEM: null }, issuingMinistry: kem } } };
    expect(helper('Klimata un enerģētikas ministrijas valsts sekretāre', before)).toBe('Klimata un enerģētikas ministrijas valsts sekretāre');
    expect(helper('Valsts kancelejas direktore', before)).toBe('Valsts kancelejas direktore');

    // A ministry's name the registry does not hold on the meeting's day keeps its capital too: a former name (VARAM's before
    // 2023, from a visa written then), one established later, one not in the registry. A name ends in "ministrijas" after its genitives.
    expect(helper('Vides aizsardzības un reģionālās attīstības ministrijas valsts sekretārs', options)).toBe('Vides aizsardzības un reģionālās attīstības ministrijas valsts sekretārs');
    expect(helper('Klimata un enerģētikas ministrijas valsts sekretāra vietniece', options)).toBe('Klimata un enerģētikas ministrijas valsts sekretāra vietniece');
    expect(helper('Reģionālās attīstības un pašvaldību lietu ministrijas valsts sekretārs', options)).toBe('Reģionālās attīstības un pašvaldību lietu ministrijas valsts sekretārs');
    // A role before the word is no name: its nominative ends otherwise than a genitive.
    expect(helper('Padomnieks ministrijas jautājumos', options)).toBe('padomnieks ministrijas jautājumos');
    expect(helper('Vecākā referente ministrijas departamentā', options)).toBe('vecākā referente ministrijas departamentā');
  });
});

describe('ministry and ministries', () => {
  const am = { code: 'AM', nominative: 'Ārlietu ministrija', genitive: 'Ārlietu ministrijas', accusative: 'Ārlietu ministriju', dative: 'Ārlietu ministrijai', english: 'Ministry of Foreign Affairs', abbreviation: 'ĀM' };
  const lm = { code: 'LM', nominative: 'Labklājības ministrija', genitive: 'Labklājības ministrijas', accusative: 'Labklājības ministriju', dative: 'Labklājības ministrijai', english: 'Ministry of Welfare', abbreviation: 'LM' };

  it('names the ministries empty in the registry when given an empty value (established after the meeting), and asks for a ministry when given anything else', () => {
    const root = (registry: Record<string, unknown>) => ({ hash: {}, data: { root: { settings: { quotes: 'curly' }, abbreviations: [], documentDate: '2021-02-15', meeting: { date: '2021-02-19' }, registry } } });
    const helper = HELPERS.ministry;
    if (!helper) throw new Error('no helper ministry');
    expect(() => helper(null, root({ AM: am, KEM: null }))).toThrow(
      new HelperUsageError(
        'the helper `ministry` got an empty value, not a ministry: KEM is empty in `registry` for a meeting on 2021-02-19, established after it (`established` in the ministries registry). Print such a ministry only when it is there, {{#if registry.KEM}}…{{/if}}, or name the ministry of the time',
      ),
    );
    expect(() => helper(null, root({ KEM: null, VARAM: null }))).toThrow('the helper `ministry` got an empty value, not a ministry: KEM and VARAM are empty in `registry`');
    for (const given of [null, 'AM']) {
      expect(() => helper(given, root({ AM: am })), String(given)).toThrow(new HelperUsageError('the helper `ministry` needs a ministry from the model (e.g. issuingMinistry)'));
      expect(() => helper(given, root({ AM: am, KEM: null })), String(given)).toThrow(given === null ? 'KEM is empty' : 'needs a ministry from the model');
    }
    // Without a report model at the root (one made by hand): no registry to look in.
    expect(() => call('ministry', null)).toThrow(new HelperUsageError('the helper `ministry` needs a ministry from the model (e.g. issuingMinistry)'));
  });

  it('prints each form of a ministry’s name from the registry, the nominative by default', () => {
    expect(call('ministry', am)).toBe('Ārlietu ministrija');
    for (const form of ['nominative', 'genitive', 'accusative', 'dative', 'english', 'abbreviation', 'code'] as const) expect(call('ministry', am, form), form).toBe(am[form]);
    expect(() => call('ministry', { ...am, dative: null }, 'dative')).toThrow(new HelperUsageError('the helper `ministry`: AM has no dative form in the registry'));
    expect(() => call('ministry', am, 'locative')).toThrow('the helper `ministry` takes one of nominative, genitive, accusative, dative, english, abbreviation, code, got locative');
  });

  it('joins the clearing ministries with "un", in the form asked, or another conjunction', () => {
    expect(call('ministries', [am, lm], 'accusative')).toBe('Ārlietu ministriju un Labklājības ministriju');
    expect(call('ministries', [am, lm])).toBe('Ārlietu ministrija un Labklājības ministrija');
    expect(call('ministries', [am, lm], 'english', 'and')).toBe('Ministry of Foreign Affairs and Ministry of Welfare');
    expect(() => call('ministries', am)).toThrow(new HelperUsageError('the helper `ministries` needs a list of ministries (such as clearance.cleared)'));
    expect(() => call('ministries', [am], 'accusative', 'un', 'x')).toThrow('the helper `ministries` takes 1 to 3 arguments, got 4');
  });
});

describe('quote, eq and upperFirst', () => {
  const lowHigh = (...args: unknown[]) => HELPERS['quote']?.(...args, { hash: {}, data: { root: { settings: { quotes: 'low-high' }, abbreviations: [], documentDate: '2021-02-15' } } });

  it('quotes in the project’s style, in “…” for English, and in “…” without a model', () => {
    expect(lowHigh('Skola 2030')).toBe('„Skola 2030“');
    expect(lowHigh('Skola 2030', 'lv')).toBe('„Skola 2030“');
    expect(lowHigh('Skola 2030', 'en')).toBe('“Skola 2030”');
    expect(call('quote', 'Skola 2030')).toBe('“Skola 2030”');
  });

  it('compares, and capitalises the first letter the Latvian way', () => {
    expect(call('eq', 'informal', 'informal')).toBe(true);
    expect(call('eq', 'informal', 'formal')).toBe(false);
    expect(call('upperFirst', 'ārlietu ministrija')).toBe('Ārlietu ministrija');
  });
});

describe('join', () => {
  it('quotes each item with quote=true as `quote` does, in the project’s style, and in English ones with quote="en"', () => {
    const options = (hash: Record<string, unknown>) => ({ hash, data: { root: { settings: { quotes: 'low-high' }, abbreviations: [], documentDate: '2021-02-15' } } });
    const join = HELPERS['join'];
    if (!join) throw new Error('no helper join');
    expect(join(['a', 'b', 'c'], options({}))).toBe('a, b un c');
    expect(join(['a', 'b', 'c'], options({ quote: true }))).toBe('„a“, „b“ un „c“');
    expect(join(['a', 'b'], 'and', options({ quote: 'en' }))).toBe('“a” and “b”');
    expect(join(['a'], options({ quote: true }))).toBe('„a“');
    expect(join(['a', 'b'], options({ quote: 'lv' }))).toBe('„a“ un „b“');
    expect(() => join(['a'], options({ quote: 'de' }))).toThrow('the helper `join` takes quote=true (or quote="lv"), or quote="en" for English quotation marks, got quote="de"');
  });
});
