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
