import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { conversionFolders, immutable, stopIn } from '../helpers/conversion-folders.js';

// In a file of its own: a stop marks this process as stopping, after which no conversion starts.
it('a stop (Ctrl-C) removes every conversion folder of the process, though the first it comes to cannot be emptied', (context) => {
  const { tmp, folders } = conversionFolders(['a', 'b', 'c', 'd']);
  // The first in the order the folder is listed, as the stop lists it: one try for them all stopped there.
  const [first, ...rest] = folders;
  const held = join(tmp, first ?? '', 'report.docx');
  if (!immutable(held, true)) context.skip();
  stopIn(tmp, held);
  expect(rest).toHaveLength(3);
  expect(rest.filter((name) => existsSync(join(tmp, name)))).toEqual([]);
  expect(existsSync(held)).toBe(true);
});
