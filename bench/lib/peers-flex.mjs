// FlexSearch, one of the search peers (see peers-mini.mjs for the shared choices).
import { Document } from 'flexsearch';
import { bigramTokens, docOf } from './tokenize.mjs';

const FIELDS = ['title', 'work_item', 'text'];
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
