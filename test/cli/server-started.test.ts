import { afterEach, expect, test } from 'vitest';
import { startedAt } from '../../src/cli/server-command.js';

const zone = process.env['TZ'];
afterEach(() => {
  if (zone === undefined) delete process.env['TZ'];
  else process.env['TZ'] = zone;
});

test('server status gives a server started today its clock time, and one left running since an earlier day the day too, on the local clock', () => {
  process.env['TZ'] = 'Europe/Riga';
  // 22:30 UTC is 00:30 of the next day in Riga (winter, UTC+2).
  const started = Date.parse('2026-12-05T22:30:00Z');
  expect(startedAt(started, '2026-12-06')).toBe('00:30');
  expect(startedAt(started, '2026-12-07')).toBe('2026-12-06 00:30');
  process.env['TZ'] = 'UTC';
  expect(startedAt(started, '2026-12-05')).toBe('22:30');
});
