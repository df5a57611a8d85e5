// A plan file the reader opens (the own-plan view): decoded in the encoding it was saved in (UTF-8;
// UTF-16 by its byte-order mark; GB18030/GBK or Big5, as Chinese offices and sites still save them),
// and a saved web page read as the text it shows, one line per paragraph or table row with tabs
// between cells. The same rules as `plan-compare parse FILE` (src/read.rs), with the browser's own
// decoders and HTML parser. A Word document (.docx) is read the same way from its XML: paragraphs,
// table rows with tabs between cells, and the numbers Word puts before list paragraphs
// (src/read/docx.rs). A PDF is read by pdf.js (fetched from this site the first time one is opened):
// one line per printed line, as pdftotext gives it, which the parser reads as it reads any text
// cut into lines (a paragraph's wrapped lines joined, page numbers dropped), and a table drawn with
// borders one line per row, its cells between tabs. Nothing is sent anywhere.

/** The largest file read (a plan's text is a few hundred kilobytes). */
const MAX_FILE_BYTES = 8 * 1024 * 1024;
/** Names that say a file is a web page. */
const PAGE_NAME = /\.(html?|shtml|xhtml)$/i;
/** Where the page keeps pdf.js (scripts/page-files.sh copies it from the pdfjs-dist package). */
const PDFJS = new URL('../vendor/pdfjs/', import.meta.url);
/** The most a .docx part may inflate to: a plan's XML is a few megabytes; more is a zip bomb. */
const MAX_PART_BYTES = 64 * 1024 * 1024;

/** The longest text of a merged cell read again in the rows it covers (src/read.rs, MAX_REPEATED_CHARS). */
const MAX_REPEATED_CHARS = 200;
/** The most text a document's merged cells are read again as, in all (src/read.rs, MAX_REPEATED_TOTAL, in UTF-8 bytes there). */
const MAX_REPEATED_TOTAL = 4 << 20;
/** Most merged cells a web page's table reads again at once (src/read.rs, MAX_SPANS). */
const MAX_SPANS = 64;
/** Whether a merged cell's `text` may be read again after `repeated` characters were. */
const withinBudget = (repeated, text) => repeated + text.length <= MAX_REPEATED_TOTAL;
/** Whether a merged cell's text is read again in each row it covers: a data table's cell, not a
 * layout table's (long, or holding a table of its own). */
const repeatable = (text) => !text.includes('\t') && [...text].length <= MAX_REPEATED_CHARS;

/**
 * Decode a file's bytes: UTF-16 by its byte-order mark; UTF-8 when the bytes are, or nearly (a text
 * cut inside a character); otherwise the charset a web page declares, else GB18030 or Big5, whichever
 * reads as Chinese text (its full-width punctuation). Returns `{ text, encoding }`; `encoding` is
 * null for UTF-8. Never throws on any bytes.
 */
export function decodeBytes(bytes) {
  const decode = (label, from = 0) => new TextDecoder(label, { ignoreBOM: true }).decode(bytes.subarray(from));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decode('utf-16le', 2), encoding: 'UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decode('utf-16be', 2), encoding: 'UTF-16BE' };
  const utf8 = decode('utf-8');
  // A few bad bytes among many UTF-8 characters are damage, not another encoding (read as UTF-8, a
  // GBK text has a bad sequence for nearly every character).
  const bad = (utf8.match(/\uFFFD+/g) ?? []).length;
  const wide = (utf8.match(/[^\x00-\x7F\uFFFD]/gu) ?? []).length;
  if (bad === 0 || (wide > 0 && bad <= 1 + Math.floor(wide / 50))) return { text: utf8, encoding: null };
  const declared = declaredCharset(bytes);
  if (declared && declared !== 'utf-8') return { text: decode(declared), encoding: declared.toUpperCase() };
  const guesses = ['gb18030', 'big5'].map((label) => ({ label, text: decode(label) }));
  const chinese = (text) => (text.match(/[，。、；：“”（）]/g) ?? []).length - (text.match(/\uFFFD/g) ?? []).length;
  const best = guesses.reduce((a, b) => (chinese(b.text) > chinese(a.text) ? b : a));
  return { text: best.text, encoding: best.label === 'gb18030' ? 'GB18030' : 'Big5' };
}

/** The charset a web page declares in its first kilobytes, as the browser's decoder names it. */
function declaredCharset(bytes) {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096)).toLowerCase();
  const label = head.match(/charset\s*=\s*["']?\s*([\w.:-]+)/)?.[1];
  if (!label) return null;
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null; // a label no decoder knows: guess as for an undeclared page
  }
}

/** Whether a text opens as a web page's source (`<!DOCTYPE html`, `<html`, after an XML declaration). */
export function opensAsPage(text) {
  const start = text.replace(/^\uFEFF?\s*(<\?xml[\s\S]*?\?>\s*)?/, '').slice(0, 14).toLowerCase();
  return start.startsWith('<!doctype html') || start.startsWith('<html');
}

/** Elements whose content a reader never sees as text. */
const HIDDEN = new Set(['head', 'script', 'style', 'x-style', 'noscript', 'template', 'title', 'select', 'option', 'textarea', 'svg',
  'object', 'iframe']);
/** Elements that start and end a line of text (a paragraph, a heading, a list item, a row). */
const BLOCKS = new Set(['address', 'article', 'aside', 'blockquote', 'body', 'br', 'caption', 'center', 'dd', 'div', 'dl',
  'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'html',
  'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul']);
const CHINESE = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/;

/**
 * The text a parsed web page (a `Document`) shows: one line per block, a row's cells separated by
 * tabs (an empty cell too, so that columns stay in place), runs of spaces as one space and none for a
 * source line break between two Chinese characters; hidden parts and form controls left out.
 */
export function pageText(doc) {
  // The text is kept in pieces, with its last character at hand: a string grown a character at a
  // time and read at its end is copied whole at each read, which made a page of many cells slow.
  const parts = [];
  let last = ''; // the last character written
  const captures = []; // merged cells being read: their text, filled as it is written
  const write = (piece) => {
    if (!piece) return;
    parts.push(piece);
    last = piece.at(-1);
    for (const capture of captures) capture.text += piece;
  };
  let line = false; // a line break is owed before the next text
  let space = null; // a space is owed; true when it stood for a line break of the source
  const trimEnd = () => {
    while (last === ' ') {
      const piece = parts.pop().replace(/ +$/, '');
      if (piece) parts.push(piece);
      last = parts.at(-1)?.at(-1) ?? '';
    }
  };
  const breakLine = () => { line = true; space = null; };
  const row = () => {
    line = false;
    space = null;
    trimEnd();
    if (parts.length && last !== '\n') write('\n');
  };
  const put = (c) => {
    if (line) {
      if (parts.length && last !== '\n') write('\n');
      line = false;
    } else if (space != null) {
      const betweenChinese = space && last && CHINESE.test(last) && CHINESE.test(c);
      if (last && last !== '\n' && last !== '\t' && !betweenChinese) write(' ');
    }
    space = null;
    write(c);
  };
  const text = (s, pre) => {
    for (const c of s) {
      if (pre && c === '\n') breakLine();
      // A full-width space is a character of Chinese text (an indent), not spacing.
      else if (/\s/.test(c) && c !== '\u3000') space = space || c === '\n' || c === '\r';
      else put(c);
    }
  };
  const cell = (first) => {
    if (first) row();
    else {
      line = false;
      space = null;
      trimEnd();
      write('\t');
    }
  };
  // A cell spanning rows (`rowspan`) is written once; each row below that it covers reads it again
  // at its column, as a reader of the table sees it (a number, a category, two tasks' departments).
  const spans = new Map(); // per table: cells of rows above that reach down, { column, width, rows, text }
  let repeated = 0; // length of the merged cells' text read again so far
  const tableRow = (tr, pre) => {
    const table = tr.closest('table') ?? tr.parentNode;
    const reaching = spans.get(table) ?? [];
    const starting = [];
    let cells = 0;
    let column = 0;
    // Write the cells reaching down from above that stand at the current column, one after another,
    // or (`toEnd`, when the row ends) all those from it on.
    const spanned = (toEnd) => {
      const next = () => reaching.find((r) => r.column === column || (toEnd && r.column > column));
      for (let s = next(); s; s = next()) {
        cell(cells++ === 0);
        if (withinBudget(repeated, s.text)) {
          repeated += s.text.length;
          for (const c of s.text) put(c);
        }
        column = s.column + s.width;
      }
    };
    row();
    for (const n of tr.childNodes) {
      if (n.nodeType === 1 && (n.localName === 'td' || n.localName === 'th')) {
        spanned(false);
        cell(cells++ === 0);
        const [width, rows] = [Math.min(Math.max(n.colSpan || 1, 1), 1000), Math.min(Math.max(n.rowSpan || 1, 1), 65534)];
        const capture = { text: '' };
        if (rows > 1) captures.push(capture);
        walk(n, pre);
        if (rows > 1) captures.pop();
        const copy = capture.text.replace(/\n/g, '').trim();
        if (rows > 1 && repeatable(copy) && reaching.length + starting.length < MAX_SPANS) starting.push({ column, width, rows: rows - 1, text: copy });
        column += width;
      } else visit(n, pre);
    }
    spanned(true);
    const below = reaching.map((s) => ({ ...s, rows: s.rows - 1 })).filter((s) => s.rows > 0);
    spans.set(table, [...below, ...starting].sort((a, b) => a.column - b.column));
  };
  const walk = (node, pre) => {
    for (const n of node.childNodes) visit(n, pre);
  };
  const visit = (n, pre) => {
    if (n.nodeType === 3) text(n.data, pre);
    if (n.nodeType !== 1) return;
    const name = n.localName;
    if (HIDDEN.has(name)) return;
    if (name === 'td' || name === 'th') {
      // A cell outside any row still begins a row of one.
      cell(!n.previousElementSibling);
      walk(n, pre);
    } else if (name === 'tr') {
      tableRow(n, pre);
      breakLine();
    } else {
      if (BLOCKS.has(name)) breakLine();
      walk(n, pre || name === 'pre');
      if (BLOCKS.has(name)) breakLine();
    }
  };
  walk(doc.body ?? doc.documentElement ?? doc, false);
  const out = parts.join('').replace(/[ \t\n]+$/, '');
  return out ? `${out}\n` : '';
}

/**
 * Read a `File` the reader chose: `{ text, encoding, page }` (`encoding` null for UTF-8, `page` true
 * when it was read as a web page's shown text).
 */
export async function readPlanFile(file) {
  // A plan is at most a few hundred kilobytes; addPlan takes 2 MiB of text.
  if (file.size > MAX_FILE_BYTES) throw refusal('fileTooLarge', `${Math.round(file.size / 1048576)} MB is too large for a plan's text (at most 8 MB)`);
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (isZip(bytes)) return { text: await docxText(bytes), encoding: null, page: false, docx: true };
  if (isPdf(bytes)) return { text: await pdfText(bytes), encoding: null, page: false, pdf: true };
  // No text has NUL bytes outside UTF-16; a Word 97–2003 file or an image does.
  if (!(bytes[0] === 0xff && bytes[1] === 0xfe) && !(bytes[0] === 0xfe && bytes[1] === 0xff) && bytes.includes(0)) {
    throw refusal('fileNotText', 'not a text file (an old .doc file? save it as .docx, as text or as a web page first)');
  }
  const { text, encoding } = decodeBytes(bytes);
  const page = PAGE_NAME.test(file.name ?? '') || opensAsPage(text);
  if (!page) return { text, encoding, page };
  const doc = new DOMParser().parseFromString(withoutStyles(text), 'text/html');
  return { text: pageText(doc), encoding, page };
}

/** Whether bytes are a PDF: its header, which readers look for in the first kilobyte. */
function isPdf(bytes) {
  const head = bytes.subarray(0, 1024);
  return head.findIndex((b, i) => b === 0x25 && head[i + 1] === 0x50 && head[i + 2] === 0x44 && head[i + 3] === 0x46 && head[i + 4] === 0x2d) >= 0;
}

/**
 * A PDF's text, page after page, one line per printed line ([`pdfLines`]). Refused: when pdf.js
 * cannot be loaded (offline before any PDF was opened; `pdfUnavailable`), a PDF that
 * pdf.js cannot open (`fileDamaged`), one locked by a password (`pdfLocked`), one whose pages hold no
 * text, such as a scan (`pdfNoText`).
 */
async function pdfText(bytes) {
  let pdfjs;
  try {
    pdfjs = await import(new URL('pdf.min.mjs', PDFJS).href);
  } catch (e) {
    throw refusal('pdfUnavailable', `the PDF reader could not be loaded (${e?.message ?? e})`);
  }
  pdfjs.GlobalWorkerOptions.workerSrc = new URL('pdf.worker.min.mjs', PDFJS).href;
  return pdfDocumentText(pdfjs, bytes, new URL('cmaps/', PDFJS).href);
}

/**
 * A PDF's text read by the pdf.js module `pdfjs` (its worker set), with the character maps at
 * `cMapUrl`: the page's reader, and `scripts/pdf-text.mjs`'s in Node, so that `plan-compare parse`
 * reads a PDF's text as the page does. Refusals as [`pdfText`]'s, but `pdfUnavailable`.
 */
export async function pdfDocumentText(pdfjs, bytes, cMapUrl) {
  // Text only: no fonts are drawn (so none is loaded or compiled with eval); the character maps
  // still turn the codes of a font that is not embedded (STSong-Light …) into characters.
  const task = pdfjs.getDocument({ data: bytes, cMapUrl, cMapPacked: true, disableFontFace: true,
    isEvalSupported: false, useSystemFonts: false, verbosity: 0 });
  let doc;
  try {
    doc = await task.promise;
  } catch (e) {
    if (e?.name === 'PasswordException') throw refusal('pdfLocked', 'the PDF is locked by a password');
    throw refusal('fileDamaged', `the file is damaged or is not a PDF (${e?.message ?? e})`);
  }
  try {
    const pages = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [content, operators] = await Promise.all([page.getTextContent(), page.getOperatorList()]);
      pages.push(pdfLines(content.items, pdfRules(operators, pdfjs.OPS)));
      page.cleanup();
    }
    const lines = joinPages(pages);
    if (!lines.length) throw refusal('pdfNoText', 'the PDF holds no text (a scanned image?): its words cannot be read');
    return `${lines.join('\n')}\n`;
  } catch (e) {
    if (e?.code === 'pdfNoText') throw e;
    throw refusal('fileDamaged', `the file is damaged (${e?.message ?? e})`);
  } finally {
    task.destroy();
  }
}

/**
 * The lines of one PDF page from pdf.js's text items (`str`, `transform`, `width`, `hasEOL`): a new
 * line where pdf.js ends one or the baseline moves by half a character's height or more, a tab
 * where a gap of more than two characters parts two items of one line (a table's cells). Lines
 * without any text are left out. A table the page draws with borders (`rules`, from [`pdfRules`])
 * comes as one line per row, its cells between tabs, each cell's wrapped lines joined: printed, a
 * row's cells wrap and are centred each on its own, so that their lines interleave.
 */
export function pdfLines(items, rules = null) {
  const tables = ruledTables(rules);
  const lines = [];
  let line = '';
  let baseline = null; // the baseline (y) of the line being read, and where its last text ends (x)
  let end = null;
  let size = 0;
  const flush = () => {
    const text = line.trim();
    if (text) lines.push(text);
    line = '';
    end = null;
  };
  const written = new Set();
  for (const item of items) {
    if (typeof item?.str !== 'string') continue; // marked content
    const { x, y, height } = placed(item);
    const table = item.str.trim() ? tables.find((t) => t.holds(x, y, height)) : null;
    if (table) {
      // The whole table where its first text is, in the order the page writes it.
      if (!written.has(table)) {
        flush();
        lines.push(...table.rows(items));
        written.add(table);
      }
      baseline = null;
      continue;
    }
    if (item.str.trim()) {
      const em = Math.max(height, size);
      if (baseline !== null && Math.abs(y - baseline) >= em / 2) flush();
      else if (end !== null && x - end > 2 * em) line = `${line.trimEnd()}\t`;
      line += item.str;
      [baseline, end, size] = [y, x + (Number(item.width) || 0), height];
    } else if (line) {
      line += item.str;
    }
    if (item.hasEOL) flush();
  }
  flush();
  return lines;
}

/** The longest line read as a page's running head or foot (a page number, a short title) around a table cut by the page. */
const FURNITURE_CHARS = 30;

/**
 * The lines of a PDF's pages ([`pdfLines`]) as one text, with a table row that a page break cut in
 * two joined again, cell by cell: word processors let a row run on to the next page, where its rest
 * comes as a row of its own (under the header, when it is repeated) with nothing in its first cell,
 * the number having been printed above. Only a row that ends its page's table, with at most a page
 * number or a running head between the two parts.
 */
export function joinPages(pages) {
  const lines = [];
  const rows = new Set(); // rows read on earlier pages: a header repeated on each page is one of them
  let cut = -1; // where in `lines` the row is that the last page's table ended with, if nothing but furniture followed it
  const furniture = (some) => some.length <= 2 && some.every((line) => [...line].length <= FURNITURE_CHARS);
  for (const page of pages) {
    const printed = [...page];
    const first = printed.findIndex((line) => line.includes('\t'));
    let next = first;
    while (next >= 0 && next < printed.length && rows.has(printed[next])) next++;
    const rest = next >= 0 ? printed[next] : undefined;
    let joined = false;
    if (cut >= 0 && first >= 0 && furniture(printed.slice(0, first)) && rest?.startsWith('\t')) {
      const above = lines[cut].split('\t');
      const below = rest.split('\t');
      if (above.length === below.length) {
        lines[cut] = above.map((cell, j) => joinWrapped([cell, below[j]].filter(Boolean))).join('\t');
        printed.splice(next, 1);
        joined = true;
      }
    }
    const last = printed.findLastIndex((line, k) => line.includes('\t') && !(joined && k < next));
    if (last >= 0) cut = furniture(printed.slice(last + 1)) ? lines.length + last : -1;
    else if (!joined || !furniture(printed.slice(next))) cut = -1; // else the row runs on over a third page
    printed.filter((line) => line.includes('\t')).forEach((line) => rows.add(line));
    lines.push(...printed);
  }
  return lines;
}

/** Where a pdf.js text item starts (`x`, its baseline `y`) and its characters' height, from its `transform`. */
function placed(item) {
  const [a = 0, b = 0, , , x = 0, y = 0] = Array.isArray(item.transform) ? item.transform : [];
  return { x, y, height: Math.hypot(a, b) || Number(item.height) || 0 };
}

/** How far apart, in points, two borders may be drawn and still be one (a cell's border is drawn once per cell). */
const RULE_SLACK = 1.5;
/** The thickest bar read as a border (Word and browsers fill borders as thin rectangles), in points. */
const RULE_WIDTH = 3;
/** The shortest border, in points. */
const RULE_LENGTH = 4;
/** More straight strokes of either kind than this on a page are a drawing (a map, a chart), not a table's borders. */
const MAX_RULES = 2000;

/**
 * The borders a page draws, from pdf.js's operator list (`page.getOperatorList()`, with pdf.js's
 * `OPS`): straight stroked segments and filled thin bars, level (`across`: `{ y, x0, x1 }`) or
 * upright (`down`: `{ x, y0, y1 }`), in the page's space (the text items' own), through every
 * transform in force. Curves, clips and shaded areas are not borders.
 */
export function pdfRules({ fnArray = [], argsArray = [] } = {}, OPS = {}) {
  const across = [];
  const down = [];
  const stack = [];
  let ctm = [1, 0, 0, 1, 0, 0];
  const at = (x, y) => [ctm[0] * x + ctm[2] * y + ctm[4], ctm[1] * x + ctm[3] * y + ctm[5]];
  const concat = (m) => {
    if (Array.isArray(m) || ArrayBuffer.isView(m)) ctm = multiply(m, ctm);
  };
  const segment = ([x0, y0], [x1, y1]) => {
    if (Math.abs(y1 - y0) < 0.5 && Math.abs(x1 - x0) >= RULE_LENGTH) across.push({ y: (y0 + y1) / 2, x0: Math.min(x0, x1), x1: Math.max(x0, x1) });
    else if (Math.abs(x1 - x0) < 0.5 && Math.abs(y1 - y0) >= RULE_LENGTH) down.push({ x: (x0 + x1) / 2, y0: Math.min(y0, y1), y1: Math.max(y0, y1) });
  };
  const bar = (points) => {
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    if (y1 - y0 <= RULE_WIDTH && x1 - x0 >= RULE_LENGTH) across.push({ y: (y0 + y1) / 2, x0, x1 });
    else if (x1 - x0 <= RULE_WIDTH && y1 - y0 >= RULE_LENGTH) down.push({ x: (x0 + x1) / 2, y0, y1 });
  };
  const strokes = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const fills = new Set([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) concat(args);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      concat(args?.[0]);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.constructPath && (strokes.has(args?.[0]) || fills.has(args?.[0]))) {
      for (const points of subpaths(args?.[1]?.[0], at)) {
        if (strokes.has(args[0])) points.slice(1).forEach((p, k) => segment(points[k], p));
        if (fills.has(args[0]) && points.length > 2) bar(points);
      }
    }
  }
  return { across, down };
}

/** `m` then `n` (PDF's matrices `[a, b, c, d, e, f]`). */
function multiply(m, n) {
  return [m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3], m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5]];
}

/**
 * The straight subpaths of pdf.js's path data (`DrawOPS`: 0 move, 1 line, 2 curve, 3 quadratic
 * curve, 4 close; each followed by its coordinates), as lists of points through `at`; a closed one
 * ends where it began. A subpath with a curve is left out.
 */
function subpaths(data, at) {
  const out = [];
  if (!data || typeof data.length !== 'number') return out;
  let points = [];
  let straight = true;
  const end = () => {
    if (straight && points.length > 1) out.push(points);
    points = [];
    straight = true;
  };
  for (let i = 0; i < data.length; ) {
    const op = data[i];
    if (op === 0 && i + 2 < data.length) {
      end();
      points.push(at(data[i + 1], data[i + 2]));
      i += 3;
    } else if (op === 1 && i + 2 < data.length) {
      points.push(at(data[i + 1], data[i + 2]));
      i += 3;
    } else if (op === 2 || op === 3) {
      straight = false;
      i += op === 2 ? 7 : 5;
    } else if (op === 4) {
      if (points.length) points.push(points[0]);
      end();
      i += 1;
    } else break; // not pdf.js's path data
  }
  end();
  return out;
}

/** Values within RULE_SLACK of each other as one, sorted. */
function positions(values) {
  const out = [];
  for (const v of [...values].sort((p, q) => p - q)) {
    if (out.length && v - out[out.length - 1] <= RULE_SLACK) continue;
    out.push(v);
  }
  return out;
}

/**
 * The tables that `rules` draw: borders that cross or meet, with at least two columns somewhere.
 * Each holds a text item drawn inside it (`holds`) and reads its rows (`rows`).
 */
function ruledTables(rules) {
  const across = Array.isArray(rules?.across) ? rules.across : [];
  const down = Array.isArray(rules?.down) ? rules.down : [];
  if (!across.length || !down.length || across.length > MAX_RULES || down.length > MAX_RULES) return [];
  // Borders that touch form one table (union–find; indices: the level ones, then the upright ones).
  const parent = [...across, ...down].map((_, i) => i);
  const root = (i) => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  across.forEach((h, i) => {
    down.forEach((v, j) => {
      const meet = v.x >= h.x0 - RULE_SLACK && v.x <= h.x1 + RULE_SLACK && h.y >= v.y0 - RULE_SLACK && h.y <= v.y1 + RULE_SLACK;
      if (meet) parent[root(i)] = root(across.length + j);
    });
  });
  const groups = new Map();
  const group = (i) => groups.get(root(i)) ?? groups.set(root(i), { across: [], down: [] }).get(root(i));
  across.forEach((h, i) => group(i).across.push(h));
  down.forEach((v, j) => group(across.length + j).down.push(v));
  const tables = [];
  for (const group of groups.values()) {
    const table = ruledTable(group);
    if (table) tables.push(table);
  }
  return tables;
}

/** One table's rows and cells from its borders, or null when they do not part two columns of a row. */
function ruledTable({ across, down }) {
  const ys = positions(across.map((h) => h.y)).reverse(); // top to bottom
  if (ys.length < 2) return null;
  // A row's columns are parted by the upright borders that cross its middle (a merged cell has none).
  const bands = [];
  for (let k = 0; k + 1 < ys.length; k++) {
    const [top, bottom] = [ys[k], ys[k + 1]];
    const middle = (top + bottom) / 2;
    const xs = positions(down.filter((v) => v.y0 - RULE_SLACK <= middle && v.y1 + RULE_SLACK >= middle).map((v) => v.x));
    if (xs.length >= 2) bands.push({ top, bottom, xs });
  }
  if (!bands.some((b) => b.xs.length >= 3)) return null;
  const left = Math.min(...bands.map((b) => b.xs[0]));
  const right = Math.max(...bands.map((b) => b.xs[b.xs.length - 1]));
  // Where a glyph sits: a third of its height above its baseline, half its first character in.
  const place = (x, y, height) => [x + height / 2, y + height / 3];
  const cellOf = (x, y, height) => {
    const [px, py] = place(x, y, height);
    const row = bands.findIndex((b) => py <= b.top && py >= b.bottom);
    if (row < 0) return null;
    const column = bands[row].xs.findIndex((cx, j) => j + 1 < bands[row].xs.length && px >= cx && px <= bands[row].xs[j + 1]);
    return column < 0 ? null : [row, column];
  };
  return {
    holds: (x, y, height) => {
      const [px, py] = place(x, y, height);
      return px >= left && px <= right && py <= ys[0] && py >= ys[ys.length - 1] && cellOf(x, y, height) !== null;
    },
    rows: (items) => {
      const held = bands.map((b) => b.xs.slice(1).map(() => []));
      for (const item of items) {
        if (typeof item?.str !== 'string' || !item.str.trim()) continue;
        const { x, y, height } = placed(item);
        const at = cellOf(x, y, height);
        if (at) held[at[0]][at[1]].push({ ...item, hasEOL: false });
      }
      const texts = held.map((row) => row.map((cell) => joinWrapped(pdfLines(cell))));
      // A cell merged over rows (no border above it) is printed once, in whichever row its middle
      // falls: every row it spans gets its text, as each of its rows is read under it (a number, a
      // category, the departments of two tasks).
      const runs = bands.map((b, k) => b.xs.slice(1).map((x1, j) => [k, j]));
      bands.forEach((band, k) => {
        const above = bands[k - 1];
        if (!above || Math.abs(above.bottom - band.top) > RULE_SLACK) return;
        band.xs.slice(1).forEach((x1, j) => {
          const x0 = band.xs[j];
          const i = above.xs.findIndex((x, m) => Math.abs(x - x0) <= RULE_SLACK && Math.abs(above.xs[m + 1] - x1) <= RULE_SLACK);
          const closed = across.some((h) => Math.abs(h.y - band.top) <= RULE_SLACK && h.x0 - RULE_SLACK <= (x0 + x1) / 2 && h.x1 + RULE_SLACK >= (x0 + x1) / 2);
          if (i >= 0 && !closed) runs[k][j] = runs[k - 1][i];
        });
      });
      const merged = new Map();
      runs.forEach((row, k) => row.forEach(([r, c], j) => merged.set(`${r},${c}`, (merged.get(`${r},${c}`) ?? '') + texts[k][j])));
      return runs
        .map((row) => row.map(([r, c]) => merged.get(`${r},${c}`)))
        .filter((row, k) => texts[k].some((cell) => cell))
        .map((row) => row.join('\t'));
    },
  };
}

/** A cell's printed lines as the one paragraph they wrap: joined without a space, except between two Latin words or numbers. */
function joinWrapped(lines) {
  const join = (text, next) => (/[A-Za-z0-9]$/.test(text) && /^[A-Za-z0-9]/.test(next) ? `${text} ${next}` : text + next);
  return lines.map((line) => line.replace(/\t/g, ' ')).reduce(join, '');
}

/** Whether bytes open as a zip archive (a .docx is one; so are .xlsx, .odt and .zip). */
const isZip = (bytes) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/**
 * One file of a zip archive, inflated (`null` when the archive has no such file). Reads the central
 * directory, as every unzip does: a local header's sizes may be left zero. Throws `fileDamaged` on an
 * archive cut short or otherwise unreadable, `fileTooLarge` on a part inflating past MAX_PART_BYTES.
 */
export async function zipEntry(bytes, name) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const damaged = (why) => refusal('fileDamaged', `the file is damaged or not a Word document (${why})`);
  const u16 = (at) => view.getUint16(at, true);
  const u32 = (at) => view.getUint32(at, true);
  // The end-of-central-directory record: 22 bytes and a comment of at most 65,535.
  let end = -1;
  for (let at = bytes.length - 22; at >= 0 && at >= bytes.length - 22 - 65535; at--) {
    if (u32(at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) throw damaged('no zip directory');
  const count = u16(end + 10);
  let at = u32(end + 16);
  const wanted = new TextEncoder().encode(name);
  try {
    for (let k = 0; k < count; k++) {
      if (u32(at) !== 0x02014b50) throw damaged('a broken zip directory');
      const [flags, method, size, nameLength] = [u16(at + 8), u16(at + 10), u32(at + 20), u16(at + 28)];
      const next = at + 46 + nameLength + u16(at + 30) + u16(at + 32);
      const entryName = bytes.subarray(at + 46, at + 46 + nameLength);
      if (entryName.length === wanted.length && entryName.every((b, i) => b === wanted[i])) {
        if (flags & 1) throw damaged('encrypted');
        const local = u32(at + 42);
        if (u32(local) !== 0x04034b50) throw damaged('a broken zip entry');
        const start = local + 30 + u16(local + 26) + u16(local + 28);
        if (start + size > bytes.length) throw damaged('cut short');
        const data = bytes.subarray(start, start + size);
        if (method === 0) return data;
        if (method !== 8) throw damaged(`compression method ${method}`);
        return await inflate(data);
      }
      at = next;
    }
  } catch (e) {
    if (e instanceof RangeError) throw damaged('cut short');
    throw e;
  }
  return null;
}

/** Deflated bytes inflated by the browser's own `DecompressionStream`, refused past MAX_PART_BYTES. */
async function inflate(data) {
  const reader = new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const chunks = [];
  let length = 0;
  try {
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      length += r.value.length;
      if (length > MAX_PART_BYTES) {
        reader.cancel().catch(() => {});
        throw refusal('fileTooLarge', 'a part of this file inflates to more than 64 MB');
      }
      chunks.push(r.value);
    }
  } catch (e) {
    if (e.code === 'fileTooLarge') throw e;
    throw refusal('fileDamaged', `the file is damaged or not a Word document (${e.message})`);
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** A .docx's text: its body (word/document.xml), numbered as Word numbers it (word/numbering.xml). */
async function docxText(bytes) {
  const body = await zipEntry(bytes, 'word/document.xml');
  if (!body) throw refusal('fileNotText', 'not a Word (.docx) document: no word/document.xml in it');
  const [numbering, styles] = await Promise.all([zipEntry(bytes, 'word/numbering.xml'), zipEntry(bytes, 'word/styles.xml')]);
  const xml = (b) => new DOMParser().parseFromString(new TextDecoder().decode(b), 'application/xml');
  const doc = xml(body);
  if (doc.getElementsByTagName('parsererror').length) throw refusal('fileDamaged', 'the file is damaged (its document.xml is not XML)');
  return wordText(doc, numbering ? listNumbers(xml(numbering), styles ? xml(styles) : null) : () => '');
}

/** Children of an XML element with a given local name (Word's XML is all in the `w:` namespace). */
const kids = (el, name) => [...(el?.children ?? [])].filter((c) => c.localName === name);
const kid = (el, name) => kids(el, name)[0] ?? null;
/** A `w:` attribute (`w:val` unless named). */
const attr = (el, name = 'val') => el?.getAttributeNS(el.namespaceURI, name) ?? el?.getAttribute(`w:${name}`) ?? null;
const val = (el) => attr(el);
/** A whole number as Word writes one (`3`), else null: what Rust's `parse::<u32>` takes. */
const count = (v) => (v != null && /^\s*\d+\s*$/.test(v) && Number(v) <= 0xffffffff ? Number(v) : null);

/**
 * The text of a Word document's body (`document.xml` parsed): one line per paragraph, a table row's
 * cells separated by tabs (an empty cell too; a cell's own paragraphs on lines of their own), as
 * `pageText` reads a web page; `number(p)` gives a list paragraph's number. Deleted text, field codes
 * and the drawings' fallback copies are left out; empty paragraphs give no line.
 */
export function wordText(doc, number) {
  const lines = [];
  let line = '';
  let repeated = 0; // length of the merged cells' text read again so far
  const endLine = () => {
    const t = line.replace(/[ \t]+$/, '');
    if (t.trim()) lines.push(t);
    line = '';
  };
  const inline = (el, depth) => {
    if (depth > MAX_DEPTH) return;
    for (const c of el.children) {
      const name = c.localName;
      if (name === 't') line += c.textContent;
      else if (name === 'tab') line += ' ';
      else if (name === 'br' || name === 'cr') endLine();
      else if (name === 'noBreakHyphen') line += '-';
      else if (name === 'p') paragraph(c, depth); // a text box's paragraphs
      else if (!SKIPPED.has(name)) inline(c, depth + 1);
    }
  };
  const paragraph = (p, depth) => {
    endLine();
    line = number(p);
    inline(p, depth + 1);
    endLine();
  };
  const cell = (tc, depth) => {
    let first = true;
    for (const c of tc.children) {
      if (c.localName === 'tbl') table(c, depth + 1);
      if (c.localName !== 'p') continue;
      if (!first) {
        // A cell's next paragraph: a line of its own, as a <p> inside a web page's <td>.
        lines.push(line.replace(/ +$/, ''));
        line = '';
      }
      first = false;
      line += number(c);
      inline(c, depth + 1);
    }
  };
  const table = (tbl, depth) => {
    if (depth > MAX_DEPTH) return;
    // The text of the cell that starts a vertical merge, by the grid column it starts at: the cells
    // it spans below are empty in the file (`<w:vMerge/>`) and read as holding it, so that each row
    // it covers is whole (a number, a category, two tasks' departments).
    const merged = [];
    for (const tr of kids(tbl, 'tr')) {
      endLine();
      let column = gridCount(val(kid(kid(tr, 'trPr'), 'gridBefore')));
      merged.fill(null, 0, column); // columns a row leaves out end the merges in them
      kids(tr, 'tc').forEach((tc, k) => {
        if (k > 0) line = `${line.replace(/ +$/, '')}\t`;
        const properties = kid(tc, 'tcPr');
        const span = Math.max(1, gridCount(val(kid(properties, 'gridSpan'))));
        const vmerge = kid(properties, 'vMerge') ? (val(kid(properties, 'vMerge')) ?? 'continue') : null;
        if (vmerge && vmerge !== 'restart' && merged[column] != null) {
          if (withinBudget(repeated, merged[column])) {
            repeated += merged[column].length;
            line += merged[column];
          }
          column += span;
          return;
        }
        const start = [lines.length, line.length];
        cell(tc, depth);
        if (column < MAX_GRID_COLUMNS) merged[column] = vmerge === 'restart' && repeatable(cellText(start)) ? cellText(start) : null;
        merged.fill(null, column + 1, Math.min(column + span, MAX_GRID_COLUMNS));
        column += span;
      });
      // A row keeps its tabs, those of empty last cells too, so that columns stay in place.
      if (line.trim()) lines.push(line.replace(/ +$/, ''));
      line = '';
    }
  };
  /** What a cell wrote since `start` (lines done, length of the line then), its lines joined. */
  const cellText = ([done, at]) => [...lines.slice(done), line].map((part, i) => (i === 0 ? part.slice(at) : part)).join('').trim();
  const block = (el, depth) => {
    if (depth > MAX_DEPTH) return;
    for (const c of el.children) {
      if (c.localName === 'p') paragraph(c, depth);
      else if (c.localName === 'tbl') table(c, depth);
      else if (c.localName !== 'sectPr') block(c, depth + 1); // content controls (sdt) hold paragraphs too
    }
  };
  const body = doc.getElementsByTagNameNS('*', 'body')[0] ?? doc.documentElement;
  if (body) block(body, 0);
  endLine();
  const out = lines.join('\n').replace(/[ \t\n]+$/, '');
  return out ? `${out}\n` : '';
}

/** Elements nested deeper than this are left out (Word nests a few dozen; a hostile file, more). */
const MAX_DEPTH = 256;
/** Most grid columns a row is read across (Word's limit is 63; a hostile file may claim millions). */
const MAX_GRID_COLUMNS = 1024;
/** A count of grid columns (`gridSpan`, `gridBefore`): 0 when absent or unreadable, at most MAX_GRID_COLUMNS. */
const gridCount = (v) => Math.min(count(v) ?? 0, MAX_GRID_COLUMNS);
/** Parts of a paragraph with no text a reader sees: deleted runs, field codes, the fallback copy of
 * a drawing, properties. */
const SKIPPED = new Set(['del', 'delText', 'instrText', 'Fallback', 'pPr', 'rPr']);

/**
 * A function giving a list paragraph its number as Word prints it (`一、`, `（三）`, `1.2`, `①`), from
 * `numbering.xml`: each list level's format, its text (`（%1）`) and start; counters kept per
 * abstract list, a level restarting the levels below it, a list's start override used once. A
 * paragraph is in a list by its own `numPr` or by its style's (`styles.xml`: headings numbered
 * 第一章 / 一、 through 标题 1, 标题 2). Bullets give nothing.
 */
export function listNumbers(numbering, styles = null) {
  const levels = new Map(); // abstractNumId → ilvl → { start, format, text, style }
  for (const a of numbering.getElementsByTagNameNS('*', 'abstractNum')) {
    const byLevel = new Map();
    for (const l of kids(a, 'lvl')) {
      if (count(attr(l, 'ilvl')) == null) continue;
      byLevel.set(count(attr(l, 'ilvl')), { start: count(val(kid(l, 'start'))) ?? 1, format: val(kid(l, 'numFmt')) ?? 'decimal',
        text: val(kid(l, 'lvlText')) ?? '', style: val(kid(l, 'pStyle')) });
    }
    levels.set(attr(a, 'abstractNumId'), byLevel);
  }
  const lists = new Map(); // numId → { abstract, starts: ilvl → start override }
  for (const n of numbering.getElementsByTagNameNS('*', 'num')) {
    const starts = new Map(kids(n, 'lvlOverride')
      .map((o) => [count(attr(o, 'ilvl')), count(val(kid(o, 'startOverride')))]).filter(([l, n]) => l != null && n != null));
    lists.set(attr(n, 'numId'), { abstract: val(kid(n, 'abstractNumId')), starts });
  }
  const styleLists = styleNumbering(styles);
  const counters = new Map(); // abstractNumId → counts by level
  const overrides = new Map(); // numId → start overrides not yet used (each applies once)
  return (p) => {
    const pPr = kid(p, 'pPr');
    const own = kid(pPr, 'numPr');
    const style = val(kid(pPr, 'pStyle'));
    const styled = styleLists.get(style);
    const numId = val(kid(own, 'numId')) ?? styled?.numId;
    const list = lists.get(numId);
    const byLevel = list && levels.get(list.abstract);
    if (!byLevel) return '';
    // A style's level: its own ilvl, else the level that names the style.
    const styleLevel = () => styled?.ilvl ?? [...byLevel].find(([, l]) => style != null && l.style === style)?.[0] ?? 0;
    const ilvl = count(val(kid(own, 'ilvl'))) ?? styleLevel();
    const level = byLevel.get(ilvl);
    if (!level) return '';
    const counts = counters.get(list.abstract) ?? [];
    counters.set(list.abstract, counts);
    if (!overrides.has(numId)) overrides.set(numId, new Map(list.starts));
    const restart = overrides.get(numId).get(ilvl);
    overrides.get(numId).delete(ilvl);
    if (restart != null) counts[ilvl] = restart - 1;
    counts[ilvl] = (counts[ilvl] ?? level.start - 1) + 1;
    counts.length = ilvl + 1; // the levels below restart
    if (level.format === 'bullet' || level.format === 'none') return '';
    return level.text.replace(/%([1-9])/g, (_, k) => {
      const l = Number(k) - 1;
      const at = byLevel.get(l);
      return formatNumber(counts[l] ?? at?.start ?? 1, at?.format ?? 'decimal');
    });
  };
}

/** styleId → { numId, ilvl } for the paragraph styles that number (their own numPr, or a style they
 * are based on). */
function styleNumbering(styles) {
  const own = new Map(); // styleId → { numId, ilvl, basedOn }
  for (const st of styles?.getElementsByTagNameNS('*', 'style') ?? []) {
    const numPr = kid(kid(st, 'pPr'), 'numPr');
    const ilvl = val(kid(numPr, 'ilvl'));
    own.set(attr(st, 'styleId'), { numId: val(kid(numPr, 'numId')), ilvl: count(ilvl), basedOn: val(kid(st, 'basedOn')) });
  }
  const found = new Map();
  for (const id of own.keys()) {
    let st = own.get(id);
    for (let depth = 0; st && st.numId == null && depth < 10; depth++) st = own.get(st.basedOn);
    if (st?.numId != null && st.numId !== '0') found.set(id, { numId: st.numId, ilvl: st.ilvl });
  }
  return found;
}

const CHINESE_DIGITS = '〇一二三四五六七八九';

/** A list number in one of Word's formats (the decimal digits for a format not named here). */
export function formatNumber(n, format) {
  const chinese = (k) => {
    if (k < 10) return CHINESE_DIGITS[k];
    if (k < 100) return `${k >= 20 ? CHINESE_DIGITS[Math.floor(k / 10)] : ''}十${k % 10 ? CHINESE_DIGITS[k % 10] : ''}`;
    return String(k);
  };
  const letters = (k) => (k > 0 ? letters(Math.floor((k - 1) / 26)) + String.fromCharCode(97 + ((k - 1) % 26)) : '');
  const roman = (k) => [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']]
    .reduce((out, [v, r]) => { while (k >= v) { out += r; k -= v; } return out; }, '');
  switch (format) {
    case 'chineseCounting': case 'chineseCountingThousand': case 'taiwaneseCounting': case 'taiwaneseCountingThousand':
    case 'japaneseCounting': case 'ideographDigital':
      return format === 'ideographDigital' ? [...String(n)].map((d) => CHINESE_DIGITS[d]).join('') : chinese(n);
    case 'chineseLegalSimplified': return [...chinese(n)].map((c) => '零壹贰叁肆伍陆柒捌玖拾'['〇一二三四五六七八九十'.indexOf(c)] ?? c).join('');
    case 'ideographTraditional': return n >= 1 && n <= 10 ? '甲乙丙丁戊己庚辛壬癸'[n - 1] : String(n);
    case 'decimalEnclosedCircle': case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : String(n);
    case 'decimalEnclosedFullstop': return n >= 1 && n <= 20 ? String.fromCodePoint(0x2488 + n - 1) : `${n}.`;
    case 'decimalEnclosedParen': return n >= 1 && n <= 20 ? String.fromCodePoint(0x2474 + n - 1) : `(${n})`;
    case 'decimalZero': return String(n).padStart(2, '0');
    case 'lowerLetter': return letters(n);
    case 'upperLetter': return letters(n).toUpperCase();
    // Roman numerals past 3999 would need a bar over them (and a hostile start, megabytes).
    case 'lowerRoman': return n < 4000 ? roman(n) : String(n);
    case 'upperRoman': return n < 4000 ? roman(n).toUpperCase() : String(n);
    default: return String(n);
  }
}

/** An `Error` whose `code` names the page's message for it (www/js/i18n.js). */
function refusal(code, message) {
  return Object.assign(new Error(message), { code });
}

/**
 * A page's source with its styles renamed inside tags (`<style>` → `<x-style>`, `style=` →
 * `data-style=`): the parsed document is never shown, and the page's Content Security Policy would
 * report each inline style it holds (Word's saved pages have one per paragraph).
 */
export function withoutStyles(html) {
  return html.replace(/<\/?[a-z][^>]*>/gi, (tag) =>
    tag.replace(/^<(\/?)style\b/i, '<$1x-style').replace(/(\s)style(\s*=)/gi, '$1data-style$2'));
}
