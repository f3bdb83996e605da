import { describe, expect, it } from 'vitest';
import { HELPERS, HelperUsageError } from '../../src/render/helpers.js';

/** Calls a helper as Handlebars does: positional arguments, then an options object. */
function call(name: string, ...args: unknown[]): unknown {
  const helper = HELPERS[name];
  if (!helper) throw new Error(`no helper ${name}`);
  return helper(...args, { hash: {}, data: {} });
}

describe('clearanceStatus', () => {
  it('says each state in Latvian by default and in English on request', () => {
    expect(call('clearanceStatus', 'pending')).toBe('atbilde vēl nav saņemta');
    expect(call('clearanceStatus', 'pending', 'en')).toBe('no answer yet');
    expect(call('clearanceStatus', 'not recorded', 'en')).toBe('not asked');
    expect(call('clearanceStatus', 'withdrawn', 'lv')).toBe('saskaņojums atsaukts');
  });

  it('rejects an unknown language', () => {
    expect(() => call('clearanceStatus', 'cleared', 'de')).toThrow(HelperUsageError);
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
