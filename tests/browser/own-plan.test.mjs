// Your own plan: a pasted text is parsed in the page (addPlan) with what the reader gives of its
// region, level, kind and years (the rest read from the text), its measures, unassigned lines and
// diagnostics (translated by code) are shown, and it can be compared with a bundled plan; no request
// carries the text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { session } from './helpers.mjs';
import { planText } from '../js/plan-text.mjs';
import { encode } from './legacy-bytes.mjs';
import { docx, p, table } from './docx-bytes.mjs';
import { pdf, workPointsPdf, taskTablePdf } from './pdf-bytes.mjs';

let s;
let page;
const posts = [];
before(async () => {
  s = await session();
  page = await s.open('index.html#own?lang=zh');
  page.on('request', (r) => r.method() !== 'GET' && posts.push(r.url()));
});
after(async () => {
  await s?.close();
});

test('a pasted plan is parsed into measures with departments, and unassigned lines are listed', async () => {
  const text = `${planText}这一行不属于任何措施（一个未归入的说明）\n`;
  await page.fill('#own-text', text);
  await page.fill('#own-region', '深圳市');
  await page.selectOption('#own-level', 'city');
  // No kind chosen: the parser reads it from the title (工作要点), below.
  assert.equal(await page.inputValue('#own-kind'), '');
  await page.fill('#own-yearStart', '2019');
  await page.click('#own-parse');
  await page.waitForSelector('.own-result');
  const measures = await page.$$eval('.own-result .measure', (els) => els.map((e) => e.textContent));
  assert.equal(measures.length, 3);
  assert.ok(measures[0].includes('开展专利执法专项行动'));
  assert.ok(measures[1].includes('市司法局'));
  assert.match(await page.textContent('.own-result h2'), /深圳市/);
  const headings = await page.$$eval('.own-view h3', (els) => els.map((e) => e.textContent));
  assert.ok(headings.some((h) => /^未归入的行: \d+$/.test(h)), headings.join(' | '));
  assert.ok(headings.some((h) => /^诊断信息: \d+$/.test(h)), headings.join(' | '));
  await s.shot(page, 'own-plan-desktop');
});

test('a work points covers its one year; the kind is shown in the reader\'s language', async () => {
  const heading = await page.textContent('.own-result h2');
  assert.match(heading, /深圳市 2019 ·/);
  assert.equal((await page.textContent('.own-result .own-meta')).trim(), '类型: 工作要点');
});

test('the parsed plan can be compared with a bundled plan (the diff view opens on both)', async () => {
  const id = await page.getAttribute('.own-result', 'data-plan');
  assert.match(id, /^user-\d+$/);
  await page.selectOption(`#own-compare-${id}`, 'guangdong-2016');
  await page.waitForFunction((id) => location.hash.startsWith(`#diff?`) && location.hash.includes(`plans=${id}%2Cguangdong-2016`), id);
  assert.equal(await page.inputValue('#d-a'), id);
  assert.equal(await page.inputValue('#d-b'), 'guangdong-2016');
});

const fiveYearText = `深圳市知识产权“十四五”规划
一、强化知识产权保护
（一）加大执法力度。开展专利执法专项行动。（市市场监管局负责）
（二）推进快速维权。建设知识产权保护中心。（市市场监管局牵头，市司法局配合）
`;

test('with every field left empty, region, level, kind and years are read from the text', async () => {
  await page.goto(`${s.url}index.html#own?lang=zh`);
  await page.fill('#own-text', fiveYearText);
  // (The view keeps what the first test chose: empty every field again.)
  for (const id of ['#own-region', '#own-yearStart', '#own-yearEnd']) await page.fill(id, '');
  for (const id of ['#own-level', '#own-kind']) await page.selectOption(id, '');
  assert.equal(await page.getAttribute('#own-region', 'placeholder'), '从文本中读取');
  assert.equal(await page.$eval('#own-kind option:checked', (o) => o.textContent), '从文本中读取');
  await page.click('#own-parse');
  await page.waitForFunction(() => document.querySelector('.own-result h2')?.textContent.includes('2021–2025'));
  assert.match(await page.textContent('.own-result h2'), /深圳市 2021–2025/);
  assert.equal((await page.textContent('.own-result .own-meta')).trim(), '类型: 五年规划');
  assert.equal((await page.textContent('.own-result .own-level')).trim(), '层级: 市级');
});

test('a five-year plan chosen as one covers five years from its first', async () => {
  await page.selectOption('#own-kind', 'five-year plan');
  await page.fill('#own-yearStart', '2016');
  assert.equal(await page.getAttribute('#own-yearEnd', 'placeholder'), '2020');
  await page.click('#own-parse');
  await page.waitForFunction(() => document.querySelector('.own-result h2')?.textContent.includes('2016–2020'));
  assert.match(await page.textContent('.own-result h2'), /深圳市 2016–2020/);
});

test('years are validated before parsing: an action plan needs its last year, which is not before its first', async () => {
  await page.selectOption('#own-kind', 'action plan');
  await page.fill('#own-yearStart', '2019');
  await page.fill('#own-yearEnd', '');
  await page.click('#own-parse');
  await page.waitForSelector('.own-invalid');
  assert.match(await page.textContent('.own-invalid'), /行动方案通常跨越多年/);
  // Nothing is parsed while the years are wrong: the five-year plan is still the one shown.
  assert.match(await page.textContent('.own-result h2'), /2016–2020/);
  await page.fill('#own-yearEnd', '2018');
  await page.click('#own-parse');
  await page.waitForFunction(() => document.querySelector('.own-invalid')?.textContent.includes('结束年份早于起始年份'));
  await page.fill('#own-yearEnd', '20x2');
  await page.click('#own-parse');
  await page.waitForFunction(() => document.querySelector('.own-invalid')?.textContent.includes('20x2'));
  await page.fill('#own-yearEnd', '2022');
  await page.click('#own-parse');
  await page.waitForFunction(() => document.querySelector('.own-result h2')?.textContent.includes('2019–2022'));
  assert.equal(await page.$('.own-invalid'), null);
  // The reader chose the kind: it stays, whatever the title says.
  assert.equal(await page.inputValue('#own-kind'), 'action plan');
  assert.match(await page.textContent('.own-result h2'), /深圳市 2019–2022/);
  assert.equal((await page.textContent('.own-result .own-meta')).trim(), '类型: 行动方案');
});

test('diagnostics are said in the reader\'s language by their code, with the line; unknown codes in English', async () => {
  // A fresh copy of the page's i18n module (the query keeps it apart from the one the page uses).
  const said = await page.evaluate(async () => {
    const m = await import('./js/i18n.js?diagnostics');
    const out = {};
    for (const lang of ['zh', 'en']) {
      m.setLang(lang);
      out[lang] = {
        noItems: m.diagnosticText({ code: 'no_items', line: 0, message: 'no numbered items found' }),
        region: `${m.diagnosticPlace({ line: 12 })} ${m.diagnosticText({ code: 'unknown_region', line: 12, message: 'x' })}`,
        whole: m.diagnosticPlace({ line: 0 }),
        unknown: m.diagnosticText({ code: 'new_code_from_a_later_parser', line: 3, message: 'an English message' }),
        proto: m.diagnosticText({ code: '__proto__', line: 3, message: 'kept as sent' }),
      };
    }
    return out;
  });
  assert.equal(said.zh.noItems, '未找到编号条目，文本作为段落保留。');
  assert.equal(said.zh.region, '第 12 行 此处开始一个没有标题的表格，无法判断其所属地区。');
  assert.equal(said.zh.whole, '全文');
  assert.equal(said.en.noItems, 'No numbered items were found; the text is kept as passages.');
  assert.equal(said.en.region, 'line 12 A table without a heading starts here; its region could not be told.');
  assert.equal(said.zh.unknown, 'an English message');
  assert.equal(said.en.proto, 'kept as sent');
  // What the page lists carries each diagnostic's code and says it in the page's language.
  const listed = await page.$$eval('.own-view .diagnostics li', (els) => els.map((e) => [e.dataset.code, e.textContent]));
  for (const [code, text] of listed) assert.ok(code && !/^[a-z_]+$/.test(text), `${code}: ${text}`);
});

test('text that holds no measure gives a clear error, not a crash', async () => {
  await page.goto(`${s.url}index.html#own?lang=en`);
  await page.selectOption('#own-kind', 'work points');
  await page.fill('#own-yearStart', '');
  await page.fill('#own-yearEnd', '');
  await page.fill('#own-text', 'hello');
  await page.click('#own-parse');
  await page.waitForSelector('.own-view .notice.error');
  assert.match(await page.textContent('.own-view .notice.error'), /PARSE_FAILED|INVALID_ARGUMENT/);
});

test('a saved text in GBK is opened, decoded and parsed like the pasted one', async () => {
  await page.goto(`${s.url}index.html#own?lang=zh`);
  await page.setInputFiles('#own-file', { name: '工作要点.txt', mimeType: 'text/plain', buffer: Buffer.from(encode(planText, 'gb18030')) });
  await page.waitForSelector('.own-file-note');
  assert.equal(await page.inputValue('#own-text'), planText);
  assert.equal((await page.textContent('.own-file-note')).trim(), '工作要点.txt: 按 GB18030 编码读取');
  assert.equal(await page.$eval('#own-file', (input) => input.files[0]?.name), '工作要点.txt'); // the view re-rendered, the input kept its file
  await page.fill('#own-region', '深圳市');
  await page.fill('#own-yearStart', '2019');
  await page.click('#own-parse');
  await page.waitForSelector('.own-result');
  assert.equal((await page.$$('.own-result .measure')).length, 3);
});

/** numbering.xml's lists: `[abstractNumId, [[numFmt, lvlText], …by level]]`, and nums `[numId, abstractNumId, startOverride of level 0]`. */
const numbering = (abstracts, nums) => abstracts.map(([id, levels]) => `<w:abstractNum w:abstractNumId="${id}">${levels.map(([format, text], ilvl) =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/></w:lvl>`).join('')}</w:abstractNum>`).join('')
  + nums.map(([id, abstract, start]) => `<w:num w:numId="${id}"><w:abstractNumId w:val="${abstract}"/>${start
    ? `<w:lvlOverride w:ilvl="0"><w:startOverride w:val="${start}"/></w:lvlOverride>` : ''}</w:num>`).join('');

test('a Word document is opened with the numbers Word prints, and parsed like the pasted text', async () => {
  // Chapters and items numbered by two lists (一、 and （一）, the items running on across chapters), as
  // offices' templates do; a tracked deletion, which a reader no longer sees.
  const [title, ...lines] = planText.trim().split('\n');
  const bare = lines.map((l) => l.replace(/^[一二三四五六七八九十]+、|^（[一二三四五六七八九十]+）/, ''));
  const deleted = '<w:del w:id="1" w:author="x"><w:r><w:delText>删去的一句。</w:delText></w:r></w:del>';
  const body = [p(title), p(bare[0], 1), p(bare[1], 2), p(bare[2], 2).replace('</w:p>', `${deleted}</w:p>`), p(bare[3], 1), p(bare[4], 2)].join('');
  const file = docx(body, { numbering: numbering([[0, [['chineseCounting', '%1、']]], [1, [['chineseCounting', '（%1）']]]], [[1, 0], [2, 1]]) });
  await page.goto(`${s.url}index.html#own?lang=en`);
  await page.setInputFiles('#own-file', { name: '工作要点.docx', mimeType: 'application/octet-stream', buffer: Buffer.from(file) });
  await page.waitForSelector('.own-file-note');
  assert.equal(await page.inputValue('#own-text'), planText);
  assert.match(await page.textContent('.own-file-note'), /^ 工作要点\.docx: read as a Word document/);
  await page.fill('#own-region', '深圳市');
  await page.fill('#own-yearStart', '2019');
  await page.click('#own-parse');
  await page.waitForSelector('.own-result');
  assert.equal((await page.$$('.own-result .measure')).length, 3);
});

test('a Word document\'s tables, outline numbers, restarted lists, bullets and line breaks read as text lines', async () => {
  const body = [
    p('x', 3), p('x', 3, 1), p('x', 3, 1), p('x', 3), p('x', 3, 1), p('restarted at five', 4), p('a bullet', 5),
    '<w:p><w:r><w:t>one</w:t><w:tab/><w:t>line</w:t><w:br/><w:t>broken</w:t></w:r><w:r><w:instrText> PAGE </w:instrText></w:r></w:p>',
    '<w:p/>',
    table([['序号', '重点任务', '牵头单位'], ['1', ['开展专项执法', '第二段'], '市市场监管局'], ['2', '推进质押融资', '']]),
    p('附件2'),
    table([['3', '最后一行', '']]),
  ].join('');
  const lists = numbering([[0, [['decimal', '%1.'], ['decimal', '%1.%2']]], [1, [['bullet', '']]]], [[3, 0], [4, 0, 5], [5, 1]]);
  const text = await page.evaluate(async ({ url, bytes }) => {
    const { readPlanFile } = await import(url);
    return (await readPlanFile(new File([new Uint8Array(bytes)], 'plan.docx'))).text;
  }, { url: `${s.url}js/read-file.js`, bytes: [...docx(body, { numbering: lists })] });
  // The same document and text as src/read/docx.rs's test: the page and `plan-compare parse` read alike.
  assert.equal(text, ['1.x', '1.1x', '1.2x', '2.x', '2.1x', '5.restarted at five', 'a bullet', 'one line', 'broken',
    '序号\t重点任务\t牵头单位', '1\t开展专项执法', '第二段\t市市场监管局', '2\t推进质押融资\t', '附件2', '3\t最后一行', ''].join('\n'));
});

test('a Word document\'s cell merged down over rows is read in each row it covers, as `plan-compare parse` reads it', async () => {
  const tc = (props, paragraphs) => `<w:tc><w:tcPr>${props}</w:tcPr>${paragraphs.map((t) => p(t)).join('')}</w:tc>`;
  const tr = (pr, cells) => `<w:tr><w:trPr>${pr}</w:trPr>${cells.join('')}</w:tr>`;
  const restart = '<w:vMerge w:val="restart"/>';
  const body = `<w:tbl>${[
    tr('', [tc('', ['序号']), tc('<w:gridSpan w:val="2"/>', ['重点任务']), tc('', ['责任单位'])]),
    tr('', [tc(restart, ['3']), tc('', ['开展']), tc('', ['市场培育']), tc(restart, ['市市场监管局、', '市商务局'])]),
    tr('', [tc('<w:vMerge/>', []), tc('', ['完善']), tc('', ['纠纷化解']), tc('<w:vMerge w:val="continue"/>', [])]),
    tr('<w:gridBefore w:val="1"/>', [tc('<w:gridSpan w:val="2"/>', ['加强宣传']), tc('<w:vMerge/>', [])]),
    tr('', [tc('<w:vMerge/>', []), tc('', ['新行']), tc('', ['x']), tc('', ['市司法局'])]),
  ].join('')}</w:tbl>`;
  const text = await page.evaluate(async ({ url, bytes }) => {
    const { readPlanFile } = await import(url);
    return (await readPlanFile(new File([new Uint8Array(bytes)], 'plan.docx'))).text;
  }, { url: `${s.url}js/read-file.js`, bytes: [...docx(body)] });
  // The same document and text as src/read/docx.rs's test.
  assert.equal(text, ['序号\t重点任务\t责任单位', '3\t开展\t市场培育\t市市场监管局、', '市商务局', '3\t完善\t纠纷化解\t市市场监管局、市商务局',
    '加强宣传\t市市场监管局、市商务局', '\t新行\tx\t市司法局', ''].join('\n'));
});

test('a Word document\'s headings numbered through their style, and a list restarted by an override', async () => {
  // The same document and text as src/read/docx.rs's test.
  const styles = '<w:style w:styleId="H0"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style><w:style w:styleId="H1"><w:basedOn w:val="H0"/></w:style>';
  const lists = '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:pStyle w:val="H1"/></w:lvl>'
    + '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedParen"/><w:lvlText w:val="%1.%2"/></w:lvl></w:abstractNum>'
    + '<w:num w:numId="1"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num>';
  const heading = (t) => `<w:p><w:pPr><w:pStyle w:val="H1"/></w:pPr><w:r><w:t>${t}</w:t></w:r></w:p>`;
  const body = [heading('加强保护'), p('开展执法', 1, 1), p('完善机制', 1, 1), heading('促进运用'), p('推进融资', 1, 1)].join('');
  const text = await page.evaluate(async ({ url, bytes }) => {
    const { readPlanFile } = await import(url);
    return (await readPlanFile(new File([new Uint8Array(bytes)], 'plan.docx'))).text;
  }, { url: `${s.url}js/read-file.js`, bytes: [...docx(body, { numbering: lists, styles })] });
  assert.equal(text, '三、加强保护\n三.⑴开展执法\n三.⑵完善机制\n四、促进运用\n四.⑴推进融资\n');
});

test('a saved web page is read as the text it shows: lines per paragraph, rows with tabs, no script', async () => {
  // As government sites print a document: a path, the portal's fields in a table, then the text.
  const [title, ...items] = planText.trim().split('\n');
  const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>网站标题</title>
<style>p { color: red }</style><script>document.write('<p>脚本</p>')</script></head>
<body><div class="nav">首页 &gt; 政策文件</div>
<table><tr><th>索引号</th><td>11440300/2019-00123</td><th>分类</th><td></td></tr>
<tr><th>发布机构</th><td>深圳市
  市场监督管理局</td><th>发文日期</th><td>2019-03-01</td></tr></table>
<h1>${title}</h1>
${items.map((line) => `<p class="MsoNormal" style="text-indent:2em">${line}<o:p></o:p></p>`).join('\n')}
<select><option>选项</option></select></body></html>`;
  await page.goto(`${s.url}index.html#own?lang=en`);
  await page.setInputFiles('#own-file', { name: 'plan.html', mimeType: 'text/html', buffer: Buffer.from(html) });
  await page.waitForSelector('.own-file-note');
  const fields = '索引号\t11440300/2019-00123\t分类\t\n发布机构\t深圳市市场监督管理局\t发文日期\t2019-03-01\n';
  assert.equal(await page.inputValue('#own-text'), `首页 > 政策文件\n${fields}${planText}`);
  assert.match(await page.textContent('.own-file-note'), /^ plan\.html: read as a web page/);
  await page.fill('#own-region', '深圳市');
  await page.fill('#own-yearStart', '2019');
  await page.click('#own-parse');
  await page.waitForSelector('.own-result');
  assert.equal((await page.$$('.own-result .measure')).length, 3);
});

test('a web page\'s cell spanning rows is read in each row it covers, as `plan-compare parse` reads it', async () => {
  const html = '<table><tr><th rowspan=2>类别</th><th rowspan=2>指标</th><th colspan=2>目标值</th><th rowspan=2>属性</th>'
    + '<tr><th>2020年</th><th>2025年</th></table>'
    + '<table><tr><th>序号</th><th colspan=2>重点任务</th><th>责任单位</th></tr>'
    + '<tr><td rowspan="2">3</td><td>开展</td><td>市场培育</td><td rowspan=3><p>市市场监管局、</p><p>市商务局</p></td></tr>'
    + '<tr><td>完善</td><td>纠纷化解</td></tr>'
    + '<tr><td colspan="3px">加强宣传</td>'
    + '<tr></tr>'
    + '<tr><td>4<td rowspan=0>x<td>y</table><p>完</p>';
  const text = await page.evaluate(async ({ url, html }) => {
    const { readPlanFile } = await import(url);
    return (await readPlanFile(new File([html], 'plan.html'))).text;
  }, { url: `${s.url}js/read-file.js`, html });
  // The same page and text as src/read.rs's test.
  const body = '正文'.repeat(101);
  const layout = await page.evaluate(async ({ url, html }) => {
    const { readPlanFile } = await import(url);
    return (await readPlanFile(new File([html], 'plan.html'))).text;
  }, { url: `${s.url}js/read-file.js`, html: `<table><tr><td rowspan=2>${body}</td><td>菜单</td></tr><tr><td>页脚</td></tr></table>` });
  assert.equal(layout, `${body}\t菜单\n页脚\n`, 'a layout table\'s merged cell (a page\'s body beside its menu) is not read again');
  // A hostile page (src/read.rs's test): 100 cells of 200 characters spanning 20,000 rows are read
  // again 64 at most, and 4 Mi characters in all.
  const hostile = await page.evaluate(async ({ url, html }) => {
    const { readPlanFile } = await import(url);
    const read = (await readPlanFile(new File([html], 'plan.html'))).text;
    return { length: read.length, first: read.indexOf('\n'), cells: read.split('\n')[1].split('\t').length };
  }, { url: `${s.url}js/read-file.js`, html: `<table><tr>${`<td rowspan=65534>${'字'.repeat(200)}</td>`.repeat(100)}</tr>${'<tr>'.repeat(20000)}</table>` });
  assert.equal(hostile.cells, 64);
  assert.ok(hostile.length <= hostile.first + (4 << 20) + 64 * 20000 + 20000, `${hostile.length} characters`);
  assert.equal(text, ['类别\t指标\t目标值\t属性', '类别\t指标\t2020年\t2025年\t属性', '序号\t重点任务\t责任单位', '3\t开展\t市场培育\t', '市市场监管局、', '市商务局', '3\t完善\t纠纷化解\t市市场监管局、市商务局',
    '加强宣传\t市市场监管局、市商务局', '4\tx\ty', '完', ''].join('\n'));
});

test('a PDF is read line by line as printed: wrapped lines joined by the parser, page numbers dropped', async () => {
  await page.goto(`${s.url}index.html#own?lang=en`);
  await page.setInputFiles('#own-file', { name: '工作要点.pdf', mimeType: 'application/pdf', buffer: workPointsPdf.bytes });
  // pdf.js is fetched now (the first PDF), then reads the file in its worker.
  await page.waitForFunction(() => document.querySelector('.own-file-note')?.textContent.includes('工作要点.pdf'));
  assert.equal(await page.inputValue('#own-text'), workPointsPdf.text);
  assert.match(await page.textContent('.own-file-note'), /^ 工作要点\.pdf: read as a PDF/);
  await page.fill('#own-region', '深圳市');
  await page.click('#own-parse');
  await page.waitForSelector('.own-result');
  const measures = await page.$$eval('.own-result .measure', (els) => els.map((e) => e.textContent));
  assert.equal(measures.length, 3, measures.join('\n'));
  assert.ok(measures[0].includes('推动高价值发明专利培育'), measures[0]);
  assert.ok(measures[0].includes('市知识产权局') && measures[0].includes('市科技局'), measures[0]);
  assert.ok(!measures.some((m) => /— [12] —/.test(m)), measures.join('\n'));
});

test('a PDF\'s table drawn with borders is read row by row, wrapped and merged cells included', async () => {
  await page.goto(`${s.url}index.html#own?lang=en`);
  await page.setInputFiles('#own-file', { name: '分工表.pdf', mimeType: 'application/pdf', buffer: taskTablePdf.bytes });
  await page.waitForFunction(() => document.querySelector('.own-file-note')?.textContent.includes('分工表.pdf'));
  assert.equal(await page.inputValue('#own-text'), taskTablePdf.text);
  await page.click('#own-parse');
  await page.waitForSelector('.own-result');
  const measures = await page.$$eval('.own-result .measure', (els) => els.map((e) => e.textContent));
  assert.equal(measures.length, 3, measures.join('\n'));
  assert.ok(measures[0].includes('科研机构存量专利盘活') && measures[0].includes('市教育局'), measures[0]);
  assert.ok(measures[2].includes('开展规范化市场培育') && measures[2].includes('市市场监管局'), measures[2]);
});

test('a PDF opened offline before pdf.js was ever loaded is refused as such, not as a damaged file', async () => {
  // Its own browser: the failed requests of this page are the point, not console noise of the others.
  const offline = await session();
  try {
    const own = await offline.open('index.html#own?lang=en');
    offline.stopServer();
    await own.setInputFiles('#own-file', { name: 'plan.pdf', mimeType: 'application/pdf', buffer: pdf([['（一）提升专利质量。']]) });
    await own.waitForFunction(() => document.querySelector('.own-file-note')?.textContent.includes('plan.pdf'));
    assert.equal((await own.textContent('.own-file-note')).trim(), 'Could not read plan.pdf: the PDF reader could not be loaded (offline?)');
  } finally {
    await offline.close();
  }
});

test('an unreadable file is refused in the reader\'s language, and the text field keeps what it had', async () => {
  await page.goto(`${s.url}index.html#own?lang=zh`);
  await page.fill('#own-text', planText);
  const refused = async (name, bytes) => {
    await page.setInputFiles('#own-file', { name, mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });
    await page.waitForFunction((n) => document.querySelector('.own-file-note')?.textContent.includes(n), name);
    assert.equal(await page.inputValue('#own-text'), planText);
    return (await page.textContent('.own-file-note')).trim();
  };
  // A Word 97–2003 file (a compound file: its signature, then sectors with NUL bytes).
  assert.equal(await refused('plan.doc', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]),
    '无法读取 plan.doc：不是文本文件（旧版 .doc 文件请先另存为 .docx、文本或网页）');
  // A PDF cut after its first kilobyte, and one whose only page is an image (a scan: no text).
  const whole = pdf([['（一）提升专利质量。']]);
  assert.equal(await refused('cut.pdf', whole.subarray(0, 300)), '无法读取 cut.pdf：文件已损坏，或不是其名称所示的格式');
  assert.equal(await refused('scan.pdf', pdf([[]])), '无法读取 scan.pdf：PDF 中没有文字（扫描件？），无法读取其内容');
});

test('nothing was sent anywhere and the console stayed empty', async () => {
  assert.deepEqual(posts, []);
  assert.deepEqual(s.foreign, []);
  assert.deepEqual(s.console, []);
});
