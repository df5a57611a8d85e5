// Word documents (.docx) for the tests, built here: a zip archive of the XML parts a .docx needs
// (Node has zlib but no zip writer). Each part is deflated, as Word saves them, unless `stored`.
import zlib from 'node:zlib';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A .docx whose body is `body` (w: elements) and, if given, whose numbering.xml holds `numbering`
 * and styles.xml `styles`. */
export function docx(body, { numbering = null, styles = null, stored = false } = {}) {
  const parts = [
    ['[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'],
    ['word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${body}<w:sectPr/></w:body></w:document>`],
  ];
  if (numbering) parts.push(['word/numbering.xml', `<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="${W}">${numbering}</w:numbering>`]);
  if (styles) parts.push(['word/styles.xml', `<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="${W}">${styles}</w:styles>`]);
  return zip(parts.map(([name, text]) => [name, Buffer.from(text)]), stored);
}

/** A zip archive of `[name, bytes]` files. */
export function zip(files, stored = false) {
  const locals = [];
  const central = [];
  let offset = 0;
  for (const [name, bytes] of files) {
    const data = stored ? bytes : zlib.deflateRawSync(bytes);
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(stored ? 0 : 8, 8);
    local.writeUInt32LE(zlib.crc32(bytes), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(bytes.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(stored ? 0 : 8, 10);
    entry.writeUInt32LE(zlib.crc32(bytes), 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(bytes.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    central.push(entry, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/** A paragraph: its text, and the list (numId) and level it is numbered in, if any. */
export const p = (text, numId = null, ilvl = 0) =>
  `<w:p>${numId == null ? '' : `<w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr></w:pPr>`}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

/** A table of rows of cells; a cell is a text or a list of paragraphs' texts. */
export const table = (rows) => `<w:tbl>${rows.map((cells) => `<w:tr>${cells.map((c) =>
  `<w:tc>${(Array.isArray(c) ? c : [c]).map((t) => p(t)).join('')}</w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`;
