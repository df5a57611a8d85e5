// DOM helpers. Data is only ever inserted as text (textContent / text nodes), never parsed as HTML.

/** h('p', { class: 'x', onclick }, 'text', child, [more]) → element. */
export function h(tag, attrs = {}, ...children) {
  const svg = ['svg', 'rect', 'text', 'g', 'line', 'title'].includes(tag);
  const el = svg ? document.createElementNS('http://www.w3.org/2000/svg', tag) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v == null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'style') Object.assign(el.style, v); // CSSOM, allowed under a strict CSP
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, ...children);
  return el;
}

export function append(el, ...children) {
  for (const c of children.flat(Infinity)) {
    if (c == null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** Text with marked pieces ([{ text, mark }]) → a span of text nodes and <mark>s. */
export const marked = (parts, cls) =>
  h('span', { class: cls }, parts.map((p) => (p.mark ? h('mark', {}, p.text) : p.text)));

/** Offer `text` as a file download (no request leaves the page: a blob URL). */
export function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A <select> with a label; options are [value, label]; '' means "any". */
export function select(id, label, options, value, onchange, anyLabel) {
  return h('label', { class: 'field', for: id }, h('span', {}, label),
    h('select', { id, onchange: (e) => onchange(e.target.value) },
      anyLabel != null ? h('option', { value: '' }, anyLabel) : null,
      options.map(([v, l]) => h('option', { value: v, selected: String(v) === String(value ?? '') }, l))));
}
