// A plan file the reader opens (the own-plan view): decoded in the encoding it was saved in (UTF-8;
// UTF-16 by its byte-order mark; GB18030/GBK or Big5, as Chinese offices and sites still save them),
// and a saved web page read as the text it shows, one line per paragraph or table row with tabs
// between cells. The same rules as `plan-compare parse FILE` (src/read.rs), with the browser's own
// decoders and HTML parser. Nothing is sent anywhere.

/** The largest file read (a plan's text is a few hundred kilobytes). */
const MAX_FILE_BYTES = 8 * 1024 * 1024;
/** Names that say a file is a web page. */
const PAGE_NAME = /\.(html?|shtml|xhtml)$/i;

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
  let out = '';
  let line = false; // a line break is owed before the next text
  let space = null; // a space is owed; true when it stood for a line break of the source
  const trimEnd = () => {
    while (out.endsWith(' ')) out = out.slice(0, -1);
  };
  const breakLine = () => { line = true; space = null; };
  const row = () => {
    line = false;
    space = null;
    trimEnd();
    if (out && !out.endsWith('\n')) out += '\n';
  };
  const put = (c) => {
    if (line) {
      if (out && !out.endsWith('\n')) out += '\n';
      line = false;
    } else if (space != null) {
      const last = out.at(-1);
      const betweenChinese = space && last && CHINESE.test(last) && CHINESE.test(c);
      if (last && last !== '\n' && last !== '\t' && !betweenChinese) out += ' ';
    }
    space = null;
    out += c;
  };
  const text = (s, pre) => {
    for (const c of s) {
      if (pre && c === '\n') breakLine();
      // A full-width space is a character of Chinese text (an indent), not spacing.
      else if (/\s/.test(c) && c !== '\u3000') space = space || c === '\n' || c === '\r';
      else put(c);
    }
  };
  const walk = (node, pre) => {
    for (const n of node.childNodes) {
      if (n.nodeType === 3) text(n.data, pre);
      if (n.nodeType !== 1) continue;
      const name = n.localName;
      if (HIDDEN.has(name)) continue;
      if (name === 'td' || name === 'th') {
        const first = !n.previousElementSibling;
        if (first) row();
        else {
          line = false;
          space = null;
          trimEnd();
          out += '\t';
        }
        walk(n, pre);
        continue;
      }
      if (name === 'tr') row();
      else if (BLOCKS.has(name)) breakLine();
      walk(n, pre || name === 'pre');
      if (BLOCKS.has(name)) breakLine();
    }
  };
  walk(doc.body ?? doc.documentElement ?? doc, false);
  out = out.replace(/[ \t\n]+$/, '');
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
  // No text has NUL bytes outside UTF-16; a PDF, a Word file or an image does.
  if (!(bytes[0] === 0xff && bytes[1] === 0xfe) && !(bytes[0] === 0xfe && bytes[1] === 0xff) && bytes.includes(0)) {
    throw refusal('fileNotText', 'not a text file (a PDF or Word file? save it as text or as a web page first)');
  }
  const { text, encoding } = decodeBytes(bytes);
  const page = PAGE_NAME.test(file.name ?? '') || opensAsPage(text);
  if (!page) return { text, encoding, page };
  const doc = new DOMParser().parseFromString(withoutStyles(text), 'text/html');
  return { text: pageText(doc), encoding, page };
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
