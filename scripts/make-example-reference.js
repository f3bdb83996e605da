// Makes examples/ministry-style/izm-reference.docx, the reference DOCX of the second example
// project: the starter `briefing reference-docx` writes, changed as a ministry would change it
// in Word — headings in a sans-serif font and dark blue, the questions in bold, a wider top
// margin and a letterhead in the first page's header. Written from code so that anyone can
// make the same file again: `npm run example-reference`.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// An optional argument writes elsewhere (the test that checks the committed file is current uses it).
const target = process.argv[2] ?? join(root, 'examples/ministry-style/izm-reference.docx');
const starter = execFileSync(process.execPath, [join(root, 'bin/briefing.js'), 'reference-docx']);
const parts = unzipSync(new Uint8Array(starter));
const read = (name) => strFromU8(parts[name]);
const write = (name, text) => {
  parts[name] = strToU8(text);
};

const HEADING_FONT = '<w:rFonts w:ascii="Arial" w:cs="Arial" w:eastAsia="Arial" w:hAnsi="Arial"/>';
const BLUE = '1F3864';

/** Replaces the run properties of one style through `change`. */
function restyle(styles, id, change) {
  const pattern = new RegExp(`(<w:style [^>]*w:styleId="${id}"[^>]*>)([\\s\\S]*?)(</w:style>)`);
  if (!pattern.test(styles)) throw new Error(`the starter has no style ${id}`);
  return styles.replace(pattern, (_, open, body, close) => open + change(body) + close);
}

let styles = read('word/styles.xml');
for (const id of ['Title', 'Heading2']) {
  styles = restyle(styles, id, (body) =>
    body.replace(/<w:rFonts [^>]*\/>/, HEADING_FONT).replace(/<w:color w:val="[0-9A-F]+"\/>/, `<w:color w:val="${BLUE}"/>`),
  );
}
styles = restyle(styles, 'Title', (body) => body.replace(/<w:sz w:val="\d+"\/><w:szCs w:val="\d+"\/>/, '<w:sz w:val="28"/><w:szCs w:val="28"/>'));
styles = restyle(styles, 'BriefingQuestion', (body) => body.replace('<w:qFormat/>', '<w:qFormat/><w:rPr><w:b/><w:bCs/></w:rPr>'));
write('word/styles.xml', styles);

// A top margin of 30 mm leaves room for the letterhead.
let document = read('word/document.xml');
document = document.replace(/<w:pgMar w:top="\d+"/, '<w:pgMar w:top="1701"');
write('word/document.xml', document);

// The letterhead: the first page's header (the section has a distinct first page).
const firstId = /<w:headerReference w:type="first" r:id="([^"]+)"/.exec(document)[1];
const firstHeader = new RegExp(`Id="${firstId}"[^>]*Target="([^"]+)"`).exec(read('word/_rels/document.xml.rels'))[1];
const line = (text, size, extra = '') =>
  `<w:p><w:pPr><w:pStyle w:val="Header"/>${extra}<w:jc w:val="center"/></w:pPr>` +
  `<w:r><w:rPr>${HEADING_FONT}<w:b/><w:color w:val="${BLUE}"/><w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const rule = '<w:pBdr><w:bottom w:val="single" w:sz="12" w:space="4" w:color="1F3864"/></w:pBdr><w:spacing w:after="240"/>';
let header = read(`word/${firstHeader}`);
header = header.replace(/<w:p>[\s\S]*<\/w:p>/, line('LATVIJAS REPUBLIKAS', 20) + line('IZGLĪTĪBAS UN ZINĀTNES MINISTRIJA', 28) + line('Valņu iela 2, Rīga, LV-1050', 18, rule));
write(`word/${firstHeader}`, header);

const bytes = zipSync(parts, { level: 6, mtime: new Date(1980, 0, 1, 12, 0, 0) });
writeFileSync(target, bytes);
console.log(process.argv[2] ?? 'examples/ministry-style/izm-reference.docx');
