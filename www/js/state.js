// The page state, kept in the URL hash (#view?key=value&…) so every view is a permalink. Every
// value read from a URL (or an embed attribute) is checked against the data; bad ones are dropped
// and reported, never trusted.
import * as api from './api.js';
import { LANGS } from './i18n.js';

export const VIEWS = ['explore', 'themes', 'diff', 'patterns', 'own'];
const KEYS = ['lang', 'plans', 'region', 'level', 'year', 'focus', 'agency', 'theme', 'q', 'sort', 'at', 'color', 'item', 'm', 'v',
  'unit'];
const LEVELS = ['national', 'province', 'city', 'district'];

const isPlan = (id) => api.plan(id) !== undefined;
const isTheme = (id) => api.theme(id) !== undefined;
const checks = {
  lang: (v) => LANGS.includes(v),
  region: (v) => api.plans().some((p) => p.region === v),
  level: (v) => LEVELS.includes(v),
  year: (v) => /^\d{4}$/.test(v) && api.plans().some((p) => p.year_start <= +v && +v <= p.year_end),
  focus: (v) => /^[1-6]$/.test(v),
  agency: (v) => v.length <= 40 && /^[\p{Script=Han}/A-Za-z ]+$/u.test(v),
  theme: isTheme,
  q: (v) => v.length <= 200,
  sort: (v) => v === 'plan' || isTheme(v),
  at: isPlan,
  color: (v) => v === 'share' || v === 'score',
  item: (v) => v.length <= 200,
  // A cited measure and the fingerprint of its text: checked for shape only, so that a link to a
  // measure the data no longer has can say so (permalink.js).
  m: (v) => /^[a-z0-9][a-z0-9-]{0,99}$/.test(v),
  v: (v) => /^[0-9a-f]{8}$/.test(v),
  unit: (v) => v.length <= 12 && /^[\p{Script=Han}%‰]+$/u.test(v),
};

/** Validate raw { key: string } pairs into a state; returns { state, rejected: [key] }. */
export function validate(view, raw) {
  const state = { view: VIEWS.includes(view) ? view : 'explore' };
  const rejected = view && !VIEWS.includes(view) ? ['view'] : [];
  for (const [key, value] of Object.entries(raw)) {
    if (value == null || value === '') continue;
    const v = String(value).trim();
    if (key === 'plans') {
      const ids = v.split(',').map((s) => s.trim()).filter(Boolean);
      const good = ids.filter(isPlan).slice(0, 40);
      if (good.length !== ids.length) rejected.push('plans');
      if (good.length) state.plans = good;
    } else if (KEYS.includes(key) && checks[key](v)) {
      state[key] = v;
    } else {
      rejected.push(key);
    }
  }
  return { state, rejected };
}

/** A hash's view and query, unchecked: "#diff?plans=a,b" → ["diff", "plans=a,b"]. */
const partsOf = (hash) => hash.replace(/^#\/?/, '').split('?');

/** The view a hash names, unchecked (before the data is here to check the rest). */
export const viewIn = (hash) => partsOf(hash)[0];

/** Read the state from a hash such as "#diff?plans=a,b&lang=en". */
export function fromHash(hash) {
  const [view, query = ''] = partsOf(hash);
  return validate(decodeURIComponent(view || 'explore'), Object.fromEntries(new URLSearchParams(query)));
}

/** Read the state from query parameters (embed.html?view=diff&plans=…). */
export function fromSearch(search) {
  const params = Object.fromEntries(new URLSearchParams(search));
  const { view, ...rest } = params;
  return validate(view ?? 'explore', rest);
}

export function toQuery(state) {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const v = state[key];
    if (v == null || v === '' || (Array.isArray(v) && !v.length)) continue;
    params.set(key, Array.isArray(v) ? v.join(',') : v);
  }
  return params.toString();
}

export function toHash(state) {
  const q = toQuery(state);
  return `#${state.view}${q ? `?${q}` : ''}`;
}
