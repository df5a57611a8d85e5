// Judging helper: show every measure whose own words (title + text; the 003 work item only when the
// row's 具体举措 cell is empty) contain any of the keyword variants, so relevance can be decided by
// reading the text. Usage: node bench/judge.mjs [--wi] [--ids] 专利质押 质押融资 pledge ...
//   --wi   also match the 003 template work item (shown after ｜)
//   --ids  print ids only
// Needs bench/out/export.json (bash bench/run.sh writes it, or
// `target/debug/plan-compare export --format json > bench/out/export.json`).
import { loadExport } from './lib/corpus.mjs';

export function ownWords(m, withWorkItem = false) {
  const own = [m.title, m.text].filter(Boolean).join('。');
  if (withWorkItem || !own) return [own, m.work_item].filter(Boolean).join('｜');
  return own;
}

export function candidates(data, variants, withWorkItem = false) {
  const vs = variants.map((v) => v.toLowerCase());
  return data.measures.filter((m) => {
    const hay = ownWords(m, withWorkItem).toLowerCase();
    return vs.some((v) => hay.includes(v));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let args = process.argv.slice(2);
  const flag = (f) => (args.includes(f) ? ((args = args.filter((a) => a !== f)), true) : false);
  const wi = flag('--wi');
  const idsOnly = flag('--ids');
  const data = loadExport();
  const found = candidates(data, args, wi);
  for (const m of found) {
    if (idsOnly) { console.log(m.id); continue; }
    const hay = ownWords(m, wi);
    const at = Math.max(0, ...args.map((v) => hay.toLowerCase().indexOf(v.toLowerCase())).filter((i) => i >= 0).slice(0, 1));
    const snippet = hay.length > 160 ? hay.slice(Math.max(0, at - 60), at + 100) : hay;
    console.log(`${m.id} ${snippet.replace(/\s+/g, '')}`);
  }
  console.error(`${found.length} candidates`);
}
