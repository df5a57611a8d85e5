// What both embeds (the <plan-compare> element and embed.html in an iframe) read besides the view's
// state: how many results the summary shows, its height, and a colour scheme that beats the reader's.

/** Attributes / parameters that carry the view's state (checked by state.js). */
export const DATA_ATTRIBUTES = ['plans', 'theme', 'lang', 'q', 'region', 'level', 'year', 'focus', 'agency', 'sort', 'at', 'color', 'item'];
export const SCHEMES = ['light', 'dark'];

const int = (v, lo, hi) => (/^\d{1,5}$/.test(v ?? '') && +v >= lo && +v <= hi ? +v : undefined);

/**
 * { limit, height, scheme } from an attribute / parameter getter. `theme="dark"` or `"light"` is the
 * colour scheme (no data theme has those ids); any other `theme` is a data theme.
 */
export function embedOptions(get) {
  const theme = get('theme');
  return {
    limit: int(get('limit'), 1, 50),
    height: int(get('height'), 120, 5000),
    scheme: SCHEMES.includes(theme) ? theme : undefined,
  };
}
