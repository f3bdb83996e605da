import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ListItem, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/commands/build.js';
import { docxParts, paragraphTexts, part } from '../helpers/docx.js';
import { EXAMPLE_MEETING, exampleFile, exampleProject } from '../helpers/project.js';

const POSITION = 'positions/educ/equity-reforms.yaml';

// Speaking points as a minister's office writes them: a year, a dash, a number, a hash at the start.
const POINTS = ['2021. gadā Latvija ieguldīja vairāk.', '- ne saraksts', '1) ne apakšpunkts', '# ne virsraksts', '+ ne saraksts'];

/** The items of the Markdown's lists, each as the text a Markdown reader shows, and whether it holds more than one paragraph's text. */
function listItems(markdown: string): { text: string; blocks: string[] }[] {
  const tree: Root = unified().use(remarkParse).use(remarkGfm).parse(markdown);
  const items: ListItem[] = [];
  for (const node of tree.children) if (node.type === 'list') items.push(...node.children);
  return items.map((item) => ({ text: toString(item), blocks: item.children.map((child) => child.type) }));
}

async function built(template: string): Promise<{ markdown: string; paragraphs: string[] }> {
  const points = POINTS.map((point) => `  - ${JSON.stringify(point)}`).join('\n');
  const dir = exampleProject({
    [POSITION]: `${exampleFile(POSITION).replace(/\n# Short points[\s\S]*$/, '\n')}\nspeaking_points:\n${points}\nspeaking_points_en:\n${points}\n`,
  });
  const result = await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: false, formats: ['md', 'docx'], template });
  const [md = '', docx = ''] = result.meetings[0]?.outputs ?? [];
  return { markdown: readFileSync(join(dir, md), 'utf8'), paragraphs: paragraphTexts(part(docxParts(readFileSync(join(dir, docx))), 'word/document.xml')) };
}

describe('a plain text printed at the start of a list item', () => {
  it.each(['speaking-points.lv', 'speaking-points.en', 'informative-report.en'])('%s prints each speaking point as written, one paragraph of its item, in the .md and the DOCX', async (template) => {
    const { markdown, paragraphs } = await built(template);
    for (const point of POINTS) {
      expect(listItems(markdown), point).toContainEqual({ text: point, blocks: ['paragraph'] });
      expect(paragraphs, point).toContain(point);
    }
  });
});
