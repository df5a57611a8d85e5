// Bytes of a text in GB18030 or Big5, for the tests of opening saved files: Node decodes both but
// encodes neither, so each character's bytes are found by decoding every two-byte sequence.
const tables = new Map();

function table(label) {
  if (tables.has(label)) return tables.get(label);
  const decoder = new TextDecoder(label, { fatal: true });
  const bytes = new Map();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      try {
        const c = decoder.decode(Uint8Array.of(lead, trail));
        if ([...c].length === 1 && !bytes.has(c)) bytes.set(c, [lead, trail]);
      } catch {
        // not a character in this encoding
      }
    }
  }
  tables.set(label, bytes);
  return bytes;
}

/** `text` encoded in `label` ('gb18030' or 'big5'); ASCII as itself. Throws on a character it lacks. */
export function encode(text, label) {
  const bytes = table(label);
  const out = [];
  for (const c of text) {
    if (c.codePointAt(0) < 0x80) out.push(c.codePointAt(0));
    else if (bytes.has(c)) out.push(...bytes.get(c));
    else throw new Error(`${c} has no two-byte form in ${label}`);
  }
  return Uint8Array.from(out);
}
