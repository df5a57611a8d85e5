// Pure text helpers shared by the views: offsets, CSV, citations. No DOM, no package import.

/**
 * Half-open UTF-16 spans (what the binding reports) made safe to slice with: malformed ones dropped,
 * ends clamped to the text, sorted, and never cutting a surrogate pair in half.
 */
export function checkSpans(text, spans) {
  const out = [];
  const n = text.length;
  const inPair = (i) => i > 0 && i < n && /[\uDC00-\uDFFF]/.test(text[i]) && /[\uD800-\uDBFF]/.test(text[i - 1]);
  for (const span of Array.isArray(spans) ? spans : []) {
    if (!Array.isArray(span) || span.length !== 2 || !span.every(Number.isInteger)) continue;
    let [a, b] = span.map((x) => Math.max(0, Math.min(n, x)));
    if (inPair(a)) a -= 1;
    if (inPair(b)) b += 1;
    if (b > a) out.push([a, b]);
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

/**
 * A citation of one measure in the reader's language: issuing region, plan title, document number,
 * year, measure number, seed file and lines, data version and the permalink (when given).
 */
export function citation(measure, plan, { lang = 'zh', url = '', version = '' } = {}) {
  const [first, last] = measure.lines ?? [];
  const years = plan ? (plan.year_start === plan.year_end ? `${plan.year_start}` : `${plan.year_start}–${plan.year_end}`) : '';
  const title = plan?.title ?? measure.plan;
  if (lang === 'en') {
    const parts = [
      `${plan?.region_en ?? plan?.region ?? ''} (${plan?.region ?? ''}), “${title}”`,
      plan?.doc_number ? `doc. no. ${plan.doc_number}` : null,
      years || null,
      measure.no != null ? `item ${measure.no}` : null,
      `measure ${measure.id}`,
    ].filter(Boolean);
    const lines = first === last ? `line ${first}` : `lines ${first}–${last}`;
    return `${parts.join(', ')}. Source: ${plan?.source ?? '?'}, ${lines}.${version ? ` Data version ${version}.` : ''}${url ? ` ${url}` : ''}`;
  }
  const doc = plan?.doc_number ? `（${plan.doc_number}）` : '';
  const no = measure.no != null ? `第${measure.no}项，` : '';
  const lines = first === last ? `第${first}行` : `第${first}–${last}行`;
  return `${plan?.region ?? ''}《${title}》${doc}，${years}年，${no}措施 ${measure.id}。来源：${plan?.source ?? '?'}，${lines}。${version ? `数据版本 ${version}。` : ''}${url ? `链接：${url}` : ''}`;
}
