// MiniSearch, one of the search peers, set up the same way everywhere: MiniSearch and FlexSearch over the same fields as
// plan-compare (title, work item, text), with the bigram tokenizer of corpus.mjs for Chinese.
import MiniSearch from 'minisearch';
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

