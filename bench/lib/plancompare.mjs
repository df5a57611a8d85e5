// plan-compare's search as the bench calls it: the ids of the hits, best first.
export function hitIds(result) {
  return (result?.hits ?? []).map((h) => h.id);
}
export async function searchIds(pc, query, limit = 100) {
  return hitIds(await pc.search(query, { limit }));
}
