// Generates the Pagefind site: one HTML page per plan (lang zh-CN), each measure a heading whose id is
// the measure id, so Pagefind's sub-results point at measures. Then runs the Pagefind CLI from npm
// (its binary comes in @pagefind/linux-x64 from the registry; nothing is downloaded at run time).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { bench, loadExport, out } from './lib/corpus.mjs';

const esc = (s) => String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const data = loadExport(process.argv[2]);
const site = process.argv[3] ?? join(out, 'site');
rmSync(site, { recursive: true, force: true });
for (const p of data.plans) {
  const ms = data.measures.filter((m) => m.plan === p.id);
  const body = ms
    .map((m) => `<section><h3 id="${esc(m.id)}">${esc(m.title ?? m.work_item ?? m.id)}</h3>` +
      (m.title && m.work_item ? `<p>${esc(m.work_item)}</p>` : '') + `<p>${esc(m.text)}</p></section>`)
    .join('\n');
  mkdirSync(join(site, p.id), { recursive: true });
  writeFileSync(join(site, p.id, 'index.html'),
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(p.title)}</title></head>` +
    `<body><main data-pagefind-body><h1>${esc(p.title)}</h1>\n${body}\n</main></body></html>\n`);
}
const t = performance.now();
execFileSync(join(bench, 'node_modules/.bin/pagefind'), ['--site', site, '--output-subdir', 'pagefind', '--quiet'], { stdio: 'inherit' });
const ms = performance.now() - t;
const du = (args) => execFileSync('du', args, { encoding: 'utf8' }).split('\t')[0] * 1;
const stats = { ms, plans: data.plans.length, measures: data.measures.length,
  bytes: du(['-sb', join(site, 'pagefind')]), files: Number(execFileSync('sh', ['-c', `find '${join(site, 'pagefind')}' -type f | wc -l`], { encoding: 'utf8' })) };
writeFileSync(join(site, '..', `${process.argv[3] ? 'site' : 'pagefind'}-build.json`), JSON.stringify(stats));
console.log(`pagefind index: ${ms.toFixed(0)} ms`);
