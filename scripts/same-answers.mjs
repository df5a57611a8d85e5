// Do two builds of the package answer alike? For size work (docs/module-size.md): a change that only
// makes the module smaller must not change one answer.
//   node scripts/same-answers.mjs /path/to/pkg-before /path/to/pkg-after
// Each directory holds a package as scripts/build-package.sh lays it out (node.js, the modules, data/).
import { planText, planMeta } from '../tests/js/plan-text.mjs';

const [a, b] = await Promise.all(process.argv.slice(2, 4).map((dir) => import(`${dir}/node.js`)));
await Promise.all([a.init(), b.init()]);
const plans = a.plans().map((p) => p.id);
const queries = ['专利质押融资', '知识产权保护', 'patent pledge financing', '商标', '人才培养', '地理标志', 'trademark', '海外维权'];
const calls = [
  ['plans'], ['themes'], ['matchThemes', '加强知识产权保护，完善专利质押融资'],
  ...queries.map((q) => ['search', q]), ['search', '专利', { limit: 50 }],
  ['filter', {}], ['filter', { regions: ['北京市'] }], ['filter', { levels: ['province'], limit: 100 }],
  ['filter', { themes: ['ip-finance'] }], ['themeMatrix'], ['measures', { plan: plans[0] }],
  ['compare', plans.slice(0, 3), { theme: 'ip-finance' }],
  ...plans.slice(1).map((id, i) => ['diff', plans[i], id]),
  // The full module from here on (loaded by the first of these calls).
  ['addPlan', planText, planMeta], ['similarity'], ['indicators'], ['templateCoverage'],
  ['sharedPassages', plans[0], plans[1]], ['sharedPassages', plans[2]], ['search', '质押融资'], ['filter', {}],
];
let same = 0;
for (const [name, ...args] of calls) {
  const run = async (pc) => {
    try {
      return JSON.stringify(await pc[name](...args));
    } catch (e) {
      return `${e.code}: ${e.message}`;
    }
  };
  const [x, y] = [await run(a), await run(b)];
  if (x === y) same++;
  else console.log('DIFFERENT', name, JSON.stringify(args).slice(0, 80), '\n  ', x.slice(0, 200), '\n  ', y.slice(0, 200));
}
console.log(`${same}/${calls.length} calls give the same answer`);
process.exitCode = same === calls.length ? 0 : 1;
