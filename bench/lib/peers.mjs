// The search peers, set up the same way everywhere: MiniSearch and FlexSearch over the same fields as
// plan-compare (title, work item, text), with the bigram tokenizer of corpus.mjs for Chinese.
import MiniSearch from 'minisearch';
import { Document } from 'flexsearch';
import { bigramTokens, docOf } from './tokenize.mjs';

const FIELDS = ['title', 'work_item', 'text'];
export const miniOptions = {
  fields: FIELDS,
  idField: 'id',
  tokenize: (s) => bigramTokens(s),
  processTerm: (t) => t, // bigramTokens already lower-cases Latin words
  searchOptions: { boost: { title: 2, work_item: 1, text: 1 }, combineWith: 'OR' },
};
export function buildMini(measures) {
  const mini = new MiniSearch(miniOptions);
  mini.addAll(measures.map(docOf));
  return mini;
}
export function loadMini(json) {
  return MiniSearch.loadJSON(json, miniOptions);
}
export function searchMini(mini, query, limit = 100) {
  return mini.search(query).slice(0, limit).map((r) => r.id);
}

const flexOptions = () => ({ document: { id: 'id', index: FIELDS }, encode: (s) => bigramTokens(s), tokenize: 'strict' });
export function buildFlex(measures) {
  const flex = new Document(flexOptions());
  for (const m of measures) flex.add(docOf(m));
  return flex;
}
export async function exportFlex(flex) {
  const parts = {};
  await flex.export((key, data) => { parts[key] = data; });
  return parts;
}
export async function loadFlex(parts) {
  const flex = new Document(flexOptions());
  for (const [key, data] of Object.entries(parts)) await flex.import(key, data);
  return flex;
}
// suggest: a measure need not contain every bigram of the query (else 质押融资 misses 质押贷款).
export function searchFlex(flex, query, limit = 100) {
  return flex.search(query, { merge: true, suggest: true, limit }).map((r) => r.id);
}
