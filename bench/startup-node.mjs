// One cold start in a fresh Node process: import the engine, load its data, answer a first query.
// Prints {"ms": import-to-answer}. Usage: node bench/startup-node.mjs plan-compare|jieba-wasm|minisearch|flexsearch
// plan-compare takes [--data DIR] [--diff A,B | QUERY] (default: search 地理标志 on the package's data).
import { readFile } from 'node:fs/promises';
const [engine, ...rest] = process.argv.slice(2);
const t0 = performance.now();
let answer;
if (engine === 'plan-compare') {
  const at = rest.indexOf('--data');
  const data = at >= 0 ? rest.splice(at, 2)[1] : undefined;
  const pc = await import(new URL('../pkg/node.js', import.meta.url));
  await pc.init(data ? { data } : {});
  if (rest[0] === '--diff') answer = await pc.diff(...rest[1].split(','));
  else answer = await pc.search(rest[0] ?? '地理标志', { limit: 10 });
} else if (engine === 'jieba-wasm') {
  const jieba = await import('jieba-wasm');
  answer = jieba.cut('推进知识产权质押融资和地理标志保护', true);
} else if (engine === 'minisearch') {
  const { loadMini, searchMini } = await import('./lib/peers-mini.mjs');
  answer = searchMini(loadMini(await readFile(new URL('./out/minisearch-index.json', import.meta.url), 'utf8')), '地理标志', 10);
} else if (engine === 'flexsearch') {
  const { loadFlex, searchFlex } = await import('./lib/peers-flex.mjs');
  const flex = await loadFlex(JSON.parse(await readFile(new URL('./out/flexsearch-index.json', import.meta.url), 'utf8')));
  answer = searchFlex(flex, '地理标志', 10);
} else throw new Error(`unknown engine ${engine}`);
const ms = performance.now() - t0;
if (!answer) throw new Error('no answer');
console.log(JSON.stringify({ ms }));
