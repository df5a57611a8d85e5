// plan-compare's query functions as the bench calls them, tolerant of the binding not existing yet
// (rows then say "not bound") and of the result shapes (an array, or an object carrying one).
export function bound(pc, name) {
  return typeof pc[name] === 'function';
}
export function hitIds(result) {
  const list = Array.isArray(result) ? result : result?.items ?? result?.hits ?? result?.results ?? [];
  return list.map((x) => (typeof x === 'string' ? x : x.id ?? x.measure?.id ?? x.measure));
}
export function searchIds(pc, query, limit = 100) {
  return hitIds(pc.search(query, { limit }));
}
