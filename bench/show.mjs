// Judging helper: print measures in full. Usage: node bench/show.mjs id [id ...]
import { loadExport } from './lib/corpus.mjs';
const data = loadExport();
const by = new Map(data.measures.map((m) => [m.id, m]));
for (const id of process.argv.slice(2)) {
  const m = by.get(id);
  console.log(m ? `${id} ${m.title ?? ''}｜${m.work_item ?? ''}｜${m.text ?? ''}` : `${id}: no such measure`);
}
