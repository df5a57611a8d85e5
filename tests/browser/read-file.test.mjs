// Decoding a saved plan file in the page (www/js/read-file.js), in Node: the encodings Chinese texts
// are saved in, and the cases where the bytes are nearly UTF-8; a Word file's zip archive and its list
// numbers; a PDF page's lines from pdf.js's text items, and a whole PDF read by scripts/pdf-text.mjs
// (the same reader, in Node, for `plan-compare parse`). Web pages' and Word documents' text need a
// browser's DOMParser, and PDFs in the page the browser's pdf.js: see own-plan.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeBytes, opensAsPage, withoutStyles, readPlanFile, zipEntry, formatNumber, pdfLines, pdfRules, joinPages } from '../../www/js/read-file.js';
import { encode } from './legacy-bytes.mjs';
import { zip } from './docx-bytes.mjs';
import { pdf, workPointsPdf, taskTablePdf } from './pdf-bytes.mjs';
import { planText } from '../js/plan-text.mjs';

const utf8 = (s) => new TextEncoder().encode(s);

test('UTF-8 is read as it is, a byte-order mark kept as the parser reads it', () => {
  assert.deepEqual(decodeBytes(utf8(planText)), { text: planText, encoding: null });
  assert.deepEqual(decodeBytes(utf8(`\uFEFF${planText}`)), { text: `\uFEFF${planText}`, encoding: null });
});

test('a text cut inside a character is still UTF-8, with one replacement character', () => {
  const bytes = utf8(planText).subarray(0, utf8(planText).length - 2 - 1); // cut inside `）\n`
  const { text, encoding } = decodeBytes(bytes);
  assert.equal(encoding, null);
  assert.ok(text.startsWith('深圳市2019年知识产权工作要点'));
  assert.equal(text.match(/\uFFFD/g).length, 1);
});

test('GB18030 and Big5 are told apart by what reads as Chinese text', () => {
  assert.deepEqual(decodeBytes(encode(planText, 'gb18030')), { text: planText, encoding: 'GB18030' });
  const traditional = '臺北市智慧財產權工作計畫\n一、強化保護\n（一）加強執法，擴大宣傳。（經濟部負責）\n';
  assert.deepEqual(decodeBytes(encode(traditional, 'big5')), { text: traditional, encoding: 'Big5' });
});

test('UTF-16 is read by its byte-order mark, in either byte order', () => {
  const units = [...planText].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]);
  assert.deepEqual(decodeBytes(Uint8Array.from([0xff, 0xfe, ...units])), { text: planText, encoding: 'UTF-16LE' });
  const big = [];
  for (let i = 0; i < units.length; i += 2) big.push(units[i + 1], units[i]);
  assert.deepEqual(decodeBytes(Uint8Array.from([0xfe, 0xff, ...big])), { text: planText, encoding: 'UTF-16BE' });
});

test('a page\'s declared charset is used; a label no decoder knows falls back to guessing', () => {
  const page = (charset) => `<html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}"></head><body><p>${planText}</p></body></html>`;
  const gbk = decodeBytes(encode(page('gb2312'), 'gb18030'));
  assert.equal(gbk.encoding, 'GBK');
  assert.ok(gbk.text.includes(planText));
  const unknown = decodeBytes(encode(page('x-no-such'), 'gb18030'));
  assert.equal(unknown.encoding, 'GB18030');
  assert.ok(unknown.text.includes(planText));
});

test('any bytes decode without throwing', () => {
  for (const bytes of [new Uint8Array(), Uint8Array.of(0xff), Uint8Array.of(0xfe, 0xff, 0xd8), Uint8Array.of(0x80, 0x80, 0x80, 0x41)]) {
    assert.equal(typeof decodeBytes(bytes).text, 'string');
  }
});

test('a text opens as a page after a byte-order mark, blank space or an XML declaration', () => {
  assert.ok(opensAsPage('<!DOCTYPE html><p>x'));
  assert.ok(opensAsPage('\uFEFF  \n<HTML lang="zh">'));
  assert.ok(opensAsPage('<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'));
  assert.ok(!opensAsPage('深圳市2019年知识产权工作要点\n<p>'));
  assert.ok(!opensAsPage(''));
});

test('styles are renamed inside tags only, so that parsing a page reports no inline style', () => {
  assert.equal(withoutStyles('<STYLE>p{}</STYLE><p class="a" style="x">style=1</p><td\nstyle = "y">'),
    '<x-style>p{}</x-style><p class="a" data-style="x">style=1</p><td\ndata-style = "y">');
});

test('a file that is no text, or far too large, is refused with a message, not read as garbage', async () => {
  const doc = new File([Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])], 'plan.doc');
  await assert.rejects(readPlanFile(doc), { code: 'fileNotText', message: /not a text file \(an old \.doc file\?/ });
  const huge = new File([new Uint8Array(9 * 1024 * 1024)], 'big.txt');
  await assert.rejects(readPlanFile(huge), { code: 'fileTooLarge', message: /too large/ });
  const text = await readPlanFile(new File([encode(planText, 'gb18030')], 'plan.txt'));
  assert.deepEqual(text, { text: planText, encoding: 'GB18030', page: false });
});

test('a file is taken out of a zip archive, stored or deflated, by its name', async () => {
  const text = new TextEncoder().encode(`<w:t>${planText}</w:t>`);
  for (const stored of [false, true]) {
    const archive = zip([['[Content_Types].xml', new Uint8Array(3)], ['word/document.xml', text]], stored);
    assert.deepEqual(await zipEntry(archive, 'word/document.xml'), text);
    assert.equal(await zipEntry(archive, 'word/numbering.xml'), null);
  }
});

test('a damaged archive, a zip that is no Word file and a zip bomb are refused with their codes', async () => {
  const archive = zip([['word/document.xml', new TextEncoder().encode(planText)]]);
  // Cut anywhere: no directory, a directory pointing past the end, or a cut entry; never a throw of another kind.
  for (const cut of [10, 60, archive.length - 30, archive.length - 1]) {
    await assert.rejects(zipEntry(archive.subarray(0, cut), 'word/document.xml'), { code: 'fileDamaged' });
  }
  const sheet = new File([zip([['xl/workbook.xml', new Uint8Array(4)]])], 'table.xlsx');
  await assert.rejects(readPlanFile(sheet), { code: 'fileNotText', message: /no word\/document\.xml/ });
  const bomb = zip([['word/document.xml', new Uint8Array(65 * 1024 * 1024)]]);
  assert.ok(bomb.length < 100_000);
  await assert.rejects(readPlanFile(new File([bomb], 'plan.docx')), { code: 'fileTooLarge' });
  const garbage = zip([['word/document.xml', new TextEncoder().encode(planText)]], true);
  const directory = new DataView(garbage.buffer).getUint32(garbage.length - 22 + 16, true);
  garbage[8] = garbage[directory + 10] = 8; // says deflated (local header and directory), holds plain text
  await assert.rejects(zipEntry(garbage, 'word/document.xml'), { code: 'fileDamaged' });
});

test('list numbers are printed in the formats Chinese documents use', () => {
  const cases = [[1, 'chineseCounting', '一'], [10, 'chineseCounting', '十'], [12, 'chineseCountingThousand', '十二'],
    [20, 'chineseCounting', '二十'], [35, 'chineseCounting', '三十五'], [3, 'decimalEnclosedCircle', '③'],
    [2, 'decimalEnclosedParen', '⑵'], [4, 'decimalEnclosedFullstop', '⒋'], [11, 'chineseLegalSimplified', '拾壹'],
    [3, 'ideographTraditional', '丙'], [102, 'ideographDigital', '一〇二'], [7, 'decimal', '7'], [4, 'upperRoman', 'IV'],
    [28, 'lowerLetter', 'ab'], [5, 'decimalZero', '05'], [9, 'someNewFormat', '9'], [4e9, 'upperRoman', '4000000000']];
  for (const [n, format, printed] of cases) assert.equal(formatNumber(n, format), printed, `${n} as ${format}`);
});

test('a PDF page\'s text items become its printed lines: baselines, line ends, wide gaps as tabs', () => {
  // pdf.js's items: `transform` [size, 0, 0, size, x, y], `width` in the page's units, `hasEOL` where
  // it saw a line end; whitespace items where it saw a gap.
  const item = (str, x, y, { size = 12, width = str.length * size, hasEOL = false } = {}) =>
    ({ str, transform: [size, 0, 0, size, x, y], width, height: size, hasEOL });
  const lines = pdfLines([
    item('（一）提升专利质量。推动高价值', 96, 770), item('发明专利', 96 + 15 * 12, 770),
    item('培育。', 72, 748),
    // A superscript raised by a third of the size stays on its line.
    item('注', 72, 726), item('1', 84, 730, { size: 7 }), item('见附件', 91, 726, { hasEOL: true }),
    // A run of items on one baseline, then the same after pdf.js's own end of line.
    item('序号', 72, 704), item(' ', 96, 704, { width: 3 }), item('重点任务', 222, 704), item('牵头单位', 372, 704),
    { type: 'beginMarkedContent' }, item('', 0, 0, { hasEOL: true }), item('   ', 72, 682),
    item('— 1 —', 280, 50),
  ]);
  assert.deepEqual(lines, ['（一）提升专利质量。推动高价值发明专利', '培育。', '注1见附件', '序号\t重点任务\t牵头单位', '— 1 —']);
  assert.deepEqual(pdfLines([]), []);
  assert.deepEqual(pdfLines([null, { str: 3 }, { str: '孤', transform: 'x' }]), ['孤']);
});

test('a table row cut by a page break is joined again, cell by cell, under the header repeated on the next page', () => {
  const header = '序号\t重点任务\t责任单位';
  const pages = [
    ['2024年工作任务分工表', header, '1\t加强专利转化运用。\t市知识产权局', '2\t推动知识产权与产业深度\t市知识产权局牵头，市', '— 1 —'],
    [header, '\t融合发展。\t科技局配合', '3\t完善公共服务体系，提升\t市市场监管局', '— 2 —'],
    // A row running over a whole page, then on again.
    [header, '\t知识产权综合实力，建设\t', '— 3 —'],
    [header, '\t一批服务平台。\t', '4\tPatent\tIP office'],
    // The next page's first row starts its own number: nothing to join; nor after prose.
    ['5\tpools\tmore'], ['一段正文。', '更多正文，超过三十个字的一整行文字，说明表格已经结束了不再续接。'], ['\t续\t'],
  ];
  assert.deepEqual(joinPages(pages), [
    '2024年工作任务分工表', header, '1\t加强专利转化运用。\t市知识产权局', '2\t推动知识产权与产业深度融合发展。\t市知识产权局牵头，市科技局配合', '— 1 —',
    header, '3\t完善公共服务体系，提升知识产权综合实力，建设一批服务平台。\t市市场监管局', '— 2 —',
    header, '— 3 —',
    header, '4\tPatent\tIP office',
    '5\tpools\tmore', '一段正文。', '更多正文，超过三十个字的一整行文字，说明表格已经结束了不再续接。', '\t续\t',
  ]);
  assert.deepEqual(joinPages([]), []);
  assert.deepEqual(joinPages([['a'], [], ['\tb']]), ['a', '\tb']);
});

test('a PDF page\'s borders are read from its drawing operators, through the transforms in force', () => {
  // pdf.js's operator list: `constructPath` with [paint op, [path data], bounds]; path data is
  // DrawOPS (0 move, 1 line, 2 curve, 4 close) and coordinates.
  const OPS = { save: 10, restore: 11, transform: 12, constructPath: 91, stroke: 20, fill: 22, endPath: 28, paintFormXObjectBegin: 74, paintFormXObjectEnd: 75 };
  const path = (paint, ...data) => [OPS.constructPath, [paint, [Float32Array.from(data)], null]];
  const ops = [
    [OPS.save], [OPS.transform, [0.5, 0, 0, 0.5, 0, 0]],
    path(OPS.stroke, 0, 144, 1400, 1, 1040, 1400), // a level line, at half scale
    path(OPS.stroke, 0, 144, 1400, 2, 150, 1450, 160, 1450, 170, 1400), // a curve: not a border
    [OPS.restore],
    path(OPS.fill, 0, 72, 600, 1, 72.5, 600, 1, 72.5, 700, 1, 72, 700, 4), // an upright bar
    path(OPS.fill, 0, 72, 600, 1, 200, 600, 1, 200, 700, 1, 72, 700, 4), // a shaded area
    path(OPS.endPath, 0, 0, 0, 1, 500, 0), // a clip
    [OPS.paintFormXObjectBegin, [[1, 0, 0, 1, 100, 10], null]],
    path(OPS.stroke, 0, 0, 0, 1, 0, 50, 4), // closed: up and back down
    [OPS.paintFormXObjectEnd],
    path(OPS.stroke, 0, 10, 10, 1, 12, 11), // too short
    [OPS.constructPath, [OPS.stroke, [null], null]], [OPS.constructPath, null], [OPS.restore],
  ];
  const rules = pdfRules({ fnArray: ops.map((o) => o[0]), argsArray: ops.map((o) => o[1]) }, OPS);
  assert.deepEqual(rules.across, [{ y: 700, x0: 72, x1: 520 }]);
  assert.deepEqual(rules.down, [{ x: 72.25, y0: 600, y1: 700 }, { x: 100, y0: 10, y1: 60 }, { x: 100, y0: 10, y1: 60 }]);
  assert.deepEqual(pdfRules(), { across: [], down: [] });
  assert.deepEqual(pdfRules({ fnArray: [91], argsArray: [[20, [[0, 1, 1, 'x']]]] }, OPS), { across: [], down: [] });
});

test('a table drawn with borders comes as one line per row, its wrapped cells joined and merged cells given to each row', () => {
  const item = (str, x, y, { size = 12 } = {}) => ({ str, transform: [size, 0, 0, size, x, y], width: str.length * size, height: size });
  const across = (y, x0 = 72, x1 = 520) => ({ y, x0, x1 });
  const down = (x, y0, y1) => ({ x, y0, y1 });
  // Columns at 72 | 110 | 370 | 520; rows 700–680 (header), 680–636, 636–614, 614–592. The last
  // column's cell is merged over the last two rows: no border parts it at 614.
  const rules = {
    across: [across(700), across(680), across(636), across(614, 72, 370), across(592)],
    down: [down(72, 592, 700), down(110, 592, 700), down(370, 592, 700), down(520, 592, 700)],
  };
  const lines = pdfLines([
    item('重点任务分工表', 220, 730),
    item('序号', 76, 686), item('重点任务', 200, 686), item('责任单位', 420, 686),
    // The number centred between the task's two printed lines; the department's lines beside them.
    item('深入实施专利转化运用专项行动，推动高校和', 114, 666), item('市知识产权局、', 374, 666),
    item('1', 86, 654),
    item('科研机构存量专利盘活。', 114, 648), item('市教育局', 374, 648),
    item('2', 86, 621), item('加强地理标志保护。', 114, 621),
    item('市市场监管局', 374, 607),
    item('3', 86, 599), item('开展规范化市场培育。', 114, 599),
    item('以上任务按职责分工落实。', 72, 560),
  ], rules);
  assert.deepEqual(lines, [
    '重点任务分工表',
    '序号\t重点任务\t责任单位',
    '1\t深入实施专利转化运用专项行动，推动高校和科研机构存量专利盘活。\t市知识产权局、市教育局',
    '2\t加强地理标志保护。\t市市场监管局',
    '3\t开展规范化市场培育。\t市市场监管局',
    '以上任务按职责分工落实。',
  ]);
  // Latin words and numbers wrapped in a cell keep their space.
  const wrapped = pdfLines([item('Patent', 114, 666), item('pools', 114, 648), item('2025', 374, 666), item('年', 374, 648)], rules);
  assert.deepEqual(wrapped, ['\tPatent pools\t2025年']);
  // A framed note (two borders down, one column) is no table: its lines stay lines.
  const box = { across: [across(700), across(640)], down: [down(72, 640, 700), down(520, 640, 700)] };
  assert.deepEqual(pdfLines([item('注：', 76, 686), item('数据截至2020年底。', 76, 666)], box), ['注：', '数据截至2020年底。']);
  // Thousands of strokes are a drawing (a map's grid), not borders: its text stays lines.
  const grid = { across: Array.from({ length: 2001 }, (_, k) => across(700 - k * 0.05)), down: rules.down };
  assert.deepEqual(pdfLines([item('1', 86, 654), item('加强保护。', 130, 654)], grid), ['1\t加强保护。']);
});

test('scripts/pdf-text.mjs gives a PDF\'s text as the page reads it, and refuses what the page refuses', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'pdf-text-'));
  const script = fileURLToPath(new URL('../../scripts/pdf-text.mjs', import.meta.url));
  const run = (...args) => new Promise((resolve) => {
    execFile(process.execPath, [script, ...args], (error, stdout, stderr) => resolve({ code: error?.code ?? 0, stdout, stderr }));
  });
  const read = async (name, bytes) => {
    await writeFile(path.join(dir, name), bytes);
    return run(path.join(dir, name));
  };
  try {
    // The texts own-plan.test.mjs expects of the page: wrapped lines and page numbers as printed
    // (the parser joins and drops them), a bordered table one line per row.
    assert.deepEqual(await read('plan.pdf', workPointsPdf.bytes), { code: 0, stdout: workPointsPdf.text, stderr: '' });
    assert.deepEqual(await read('table.pdf', taskTablePdf.bytes), { code: 0, stdout: taskTablePdf.text, stderr: '' });
    // A scan, a cut file and no file: exit 1, the reader's reason on stderr, nothing on stdout.
    const scan = await read('scan.pdf', pdf([[]]));
    assert.equal(scan.code, 1);
    assert.equal(scan.stdout, '');
    assert.match(scan.stderr, /scan\.pdf: the PDF holds no text \(a scanned image\?\).*\(pdfNoText\)\n$/);
    const cut = await read('cut.pdf', workPointsPdf.bytes.subarray(0, 300));
    assert.deepEqual([cut.code, cut.stdout], [1, '']);
    assert.match(cut.stderr, /cut\.pdf: the file is damaged.*\(fileDamaged\)\n$/);
    assert.equal((await run(path.join(dir, 'none.pdf'))).code, 1);
    // A wrong command line: its usage, exit 2.
    for (const args of [[], ['a.pdf', 'b.pdf'], ['--help']]) {
      const usage = await run(...args);
      assert.deepEqual([usage.code, usage.stdout], [2, '']);
      assert.match(usage.stderr, /^usage: node scripts\/pdf-text\.mjs FILE\.pdf/);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
