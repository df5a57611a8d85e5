// The page's pure text helpers (www/js/text.js), in Node: highlight spans, CSV, citations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkSpans, pieces, toCsv, citation } from '../../www/js/text.js';

test('UTF-16 spans slice the right characters, also after characters outside the BMP', () => {
  const text = '𠀀专利质押融资'; // U+20000 is two UTF-16 units
  const spans = checkSpans(text, [[4, 6]]);
  assert.equal(text.slice(...spans[0]), '质押');
  assert.deepEqual(pieces(text, spans).map((p) => [p.text, p.mark]), [['𠀀专利', false], ['质押', true], ['融资', false]]);
});

test('bad spans are clamped or dropped, never thrown on, and never split a surrogate pair', () => {
  assert.deepEqual(checkSpans('abc', [[2, 99], [5, 1], 'x', [-4, 1], [0.5, 2]]), [[0, 1], [2, 3]]);
  assert.deepEqual(checkSpans('', undefined), []);
  assert.deepEqual(checkSpans('a𠀀b', [[2, 3]]), [[1, 3]]);
});

test('CSV has a BOM, CRLF lines, quoted fields and no formula starts', () => {
  const csv = toCsv(['a', 'b'], [['质押,融资', 'say "hi"'], ['=1+1', null]]);
  assert.ok(csv.startsWith('\ufeffa,b\r\n'));
  assert.ok(csv.includes('"质押,融资","say ""hi"""\r\n'));
  assert.ok(csv.includes("'=1+1,\r\n"));
});

test('a citation names the region, title, document number, year, item, seed file, lines, version and link', () => {
  const plan = { region: '广东省', region_en: 'Guangdong', title: '2016年工作要点', doc_number: '粤府知办〔2016〕17号', source: 'seeds/x.txt', year_start: 2016, year_end: 2016 };
  const m = { id: 'guangdong-2016-001', plan: 'guangdong-2016', no: 1, lines: [12, 14] };
  const opts = { url: 'https://example.org/#explore?m=guangdong-2016-001&v=0123abcd', version: '89abcdef' };
  assert.equal(citation(m, plan, { ...opts, lang: 'zh' }),
    '广东省《2016年工作要点》（粤府知办〔2016〕17号），2016年，第1项，措施 guangdong-2016-001。来源：seeds/x.txt，第12–14行。数据版本 89abcdef。链接：https://example.org/#explore?m=guangdong-2016-001&v=0123abcd');
  assert.equal(citation(m, plan, { ...opts, lang: 'en' }),
    'Guangdong (广东省), “2016年工作要点”, doc. no. 粤府知办〔2016〕17号, 2016, item 1, measure guangdong-2016-001. Source: seeds/x.txt, lines 12–14. Data version 89abcdef. https://example.org/#explore?m=guangdong-2016-001&v=0123abcd');
  // A one-line measure without a number or document number.
  const bare = citation({ ...m, no: null, lines: [7, 7] }, { ...plan, doc_number: null }, { lang: 'en' });
  assert.equal(bare, 'Guangdong (广东省), “2016年工作要点”, 2016, measure guangdong-2016-001. Source: seeds/x.txt, line 7.');
});
