// Pure text helpers shared by the views: offsets, CSV, citations. No DOM, no package import.

/**
 * Convert half-open spans counted in Unicode scalar values (Rust `char`s, what the query core
 * reports) into UTF-16 offsets (what JS string slicing uses). Out-of-range ends are clamped and
 * malformed spans dropped, so a bad span can never throw or cut a surrogate pair in half.
 */
export function scalarSpansToUtf16(text, spans) {
  const starts = [0]; // starts[i] = UTF-16 offset of scalar i; last entry = text.length
  for (const ch of text) starts.push(starts[starts.length - 1] + ch.length);
  const n = starts.length - 1;
  const out = [];
  for (const span of spans ?? []) {
    if (!Array.isArray(span) || span.length !== 2) continue;
    const a = Math.max(0, Math.min(n, span[0] | 0));
    const b = Math.max(0, Math.min(n, span[1] | 0));
    if (b > a) out.push([starts[a], starts[b]]);
  }
  return out.sort((x, y) => x[0] - y[0]);
}

/** Split `text` into [{ text, mark }] pieces along sorted, non-overlapping UTF-16 spans. */
export function pieces(text, spans) {
  const out = [];
  let at = 0;
  for (const [a, b] of spans) {
    if (a < at) continue;
    if (a > at) out.push({ text: text.slice(at, a), mark: false });
    out.push({ text: text.slice(a, b), mark: true });
    at = b;
  }
  if (at < text.length) out.push({ text: text.slice(at), mark: false });
  return out;
}

/** One CSV field: quoted when it holds a comma, quote or line break; formula starts neutralised. */
function field(value) {
  let s = value == null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`; // spreadsheet formula injection
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV text with a UTF-8 byte-order mark (so spreadsheet programs read the Chinese), CRLF lines. */
export function toCsv(header, rows) {
  return '\ufeff' + [header, ...rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}

/** The exact source of a measure: plan title, document number, seed file and line span. */
export function citation(measure, plan) {
  const doc = plan?.doc_number ? `，${plan.doc_number}` : '';
  const no = measure.no != null ? `，第${measure.no}项` : '';
  const [first, last] = measure.lines ?? [];
  const lines = first === last ? `line ${first}` : `lines ${first}–${last}`;
  return `${plan?.region ?? ''}《${plan?.title ?? measure.plan}》${doc}${no}. Source: ${plan?.source ?? '?'}, ${lines} (measure ${measure.id})`;
}
