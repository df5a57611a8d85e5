// Plain Node importing the installed package by name (resolves to its node.js entry).
import { init, plans, measures, measure, filter, search, diff } from 'plan-compare';

await init();
const all = plans();
const first = measures({ plan: all[1].id })[0];
let errorCode;
try {
  measure('nope');
} catch (error) {
  errorCode = error.code;
}
console.log(JSON.stringify({
  planCount: all.length,
  roundTrip: measure(first.id).id === first.id,
  errorCode,
  filterTotal: filter({ plans: ['beijing-2018'] }).total,
  searchTop: measure(search('专利质押').hits[0].id).text,
  diffPairs: diff('beijing-2018', 'tianjin-2018').pairs.length,
}));
