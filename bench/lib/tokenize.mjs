// Browser-safe helpers shared by Node and the Chromium pages.

/** What the peers index for one measure: the same fields plan-compare searches. */
export function docOf(m) {
  return { id: m.id, title: m.title ?? '', work_item: m.work_item ?? '', text: m.text ?? '' };
}

// ---- tokenizer for the JS search peers ----
// MiniSearch and FlexSearch split on spaces and punctuation, so an unsegmented Chinese sentence would be
// one token. We give them the common dictionary-free choice for CJK: overlapping character bigrams of
// every run of Han characters (a lone Han character stays a unigram), plus lower-cased Latin/digit words.
const HAN = /\p{Script=Han}+/gu;
const LATIN = /[\p{L}\p{N}]+/gu;
export function bigramTokens(text) {
  const tokens = [];
  for (const run of String(text).match(HAN) ?? []) {
    const chars = Array.from(run);
    if (chars.length === 1) tokens.push(run);
    for (let i = 0; i + 1 < chars.length; i++) tokens.push(chars[i] + chars[i + 1]);
  }
  for (const word of String(text).replace(HAN, ' ').match(LATIN) ?? []) tokens.push(word.toLowerCase());
  return tokens;
}

