// PDFs for the tests, built here as Chinese offices' PDFs are often made: the text in STSong-Light,
// a font every PDF reader knows and the file does not embed, its characters written as UCS-2 codes
// (encoding UniGB-UCS2-H) — so a reader needs the character maps to read them. Each line is drawn
// at its own place on the page, as a word processor prints a wrapped paragraph.

const FONT = [
  '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [4 0 R] >>',
  '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 5 0 R /DW 1000 >>',
  '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
];

/** A line's text as UCS-2 codes in hex (characters of the Basic Multilingual Plane only). */
const ucs2 = (text) => [...text].map((c) => c.codePointAt(0).toString(16).padStart(4, '0')).join('');

/**
 * A PDF of A4 pages, one per element of `pages`: each a list of lines, drawn 22 points apart from
 * the top, at 12 points; a line `{ text, x }` starts `x` points from the left edge (72 by default),
 * `{ text, at: [x, y] }` at that point. A page's last line is drawn at the foot when `footer` is set
 * (a page number). `cells` lines (`{ cells: [...] }`) put their texts 150 points apart, as a table's
 * columns. `{ draw }` adds path operators to the page, drawn before its text (a table's borders).
 */
export function pdf(pages, { footer = false } = {}) {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', null, ...FONT];
  const kids = [];
  for (const lines of pages) {
    const paths = lines.filter((line) => line?.draw).map((line) => line.draw);
    const ops = [...paths, 'BT', '/F1 12 Tf'];
    lines.filter((line) => !line?.draw).forEach((line, k, shown) => {
      const { text = '', x = 72, cells = null, at = null } = typeof line === 'string' ? { text: line } : line;
      const y = footer && k === shown.length - 1 ? 50 : 770 - 22 * k;
      const [left, baseline] = at ?? [x, y];
      for (const [i, part] of (cells ?? [text]).entries()) ops.push(`1 0 0 1 ${left + 150 * i} ${baseline} Tm <${ucs2(part)}> Tj`);
    });
    ops.push('ET');
    const content = ops.join('\n');
    objects.push(`<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}\nendstream`);
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${objects.length} 0 R >>`);
    kids.push(`${objects.length} 0 R`);
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${kids.length} >>`;
  let out = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const at = Buffer.byteLength(out);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A plan's PDF (`bytes`) and its `text` as the page's reader and scripts/pdf-text.mjs give it:
 * every printed line in order, the cells of a row parted by tabs. */
export const workPointsPdf = (() => {
  // Two pages of a plan as an office prints it: a centred title, items wrapping over printed lines,
  // a department clause split by a line end, page numbers at the foot, a table row of three cells.
  const pages = [
    [{ text: '2024年深圳市知识产权工作要点', x: 150 }, '一、加强知识产权创造',
      { text: '（一）提升专利质量。深入实施专利质量提升工程，推动高价值发明专利', x: 96 },
      '培育，到2024年底，全市每万人口高价值发明专利拥有量达到15件。（市', '知识产权局牵头，市科技局配合）',
      { text: '（二）推进商标品牌建设。实施商标品牌战略，培育一批知名品牌。', x: 96 }, { text: '— 1 —', x: 280 }],
    ['二、强化知识产权保护', { text: '（三）加强行政执法。开展知识产权执法专项行动，严厉打击侵权假冒行为。', x: 96 },
      '（市市场监管局负责）', { cells: ['序号', '重点任务', '牵头单位'] }, { text: '— 2 —', x: 280 }],
  ];
  const lines = pages.flat().map((l) => (typeof l === 'string' ? l : l.text ?? l.cells.join('\t')));
  return { bytes: pdf(pages, { footer: true }), text: `${lines.join('\n')}\n` };
})();

/** A task-division table drawn with borders (`bytes`) and its `text`: one line per row, wrapped
 * and merged cells included. */
export const taskTablePdf = (() => {
  // A task-division table as word processors print one: level borders stroked at half scale (a
  // `cm` in force, as LibreOffice writes them), upright ones filled as thin bars (as Word does);
  // the number centred between a task's two printed lines; the last two rows share one department
  // cell (no border parts it), printed once.
  const level = [700, 680, 636, 592].map((y) => `${144} ${2 * y} m ${1040} ${2 * y} l S`).join(' ');
  const borders = `q 0.5 0 0 0.5 0 0 cm 1 w ${level} 144 1228 m 740 1228 l S Q ${[72, 110, 370, 520].map((x) => `${x} 592 0.5 108 re f`).join(' ')}`;
  const drawn = [{ draw: borders },
    { text: '附件', at: [72, 760] }, { text: '2024年深圳市知识产权工作重点任务分工表', at: [150, 730] },
    { text: '序号', at: [76, 686] }, { text: '重点任务', at: [200, 686] }, { text: '责任单位', at: [420, 686] },
    { text: '深入实施专利转化运用专项行动，推动高校和', at: [114, 666] }, { text: '市知识产权局牵头，', at: [374, 666] },
    { text: '1', at: [86, 654] },
    { text: '科研机构存量专利盘活。', at: [114, 648] }, { text: '市教育局配合', at: [374, 648] },
    { text: '2', at: [86, 621] }, { text: '加强地理标志保护。', at: [114, 621] },
    { text: '市市场监管局', at: [374, 607] },
    { text: '3', at: [86, 599] }, { text: '开展规范化市场培育。', at: [114, 599] },
    { text: '以上任务由各责任单位按职责分工落实。', at: [72, 560] }];
  return {
    bytes: pdf([drawn]),
    text: ['附件', '2024年深圳市知识产权工作重点任务分工表', '序号\t重点任务\t责任单位',
      '1\t深入实施专利转化运用专项行动，推动高校和科研机构存量专利盘活。\t市知识产权局牵头，市教育局配合',
      '2\t加强地理标志保护。\t市市场监管局', '3\t开展规范化市场培育。\t市市场监管局', '以上任务由各责任单位按职责分工落实。', ''].join('\n'),
  };
})();
