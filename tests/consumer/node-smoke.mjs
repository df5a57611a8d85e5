// Plain Node importing the installed package by name (resolves to its node.js entry).
import { init, plans, measures, measure, filter, search, diff, dataVersion, dataFiles } from 'plan-compare';
await init();
const all = plans();
const first = (await measures({ plan: all[1].id }))[0];
let errorCode;
try {
  await measure('nope');
} catch (error) {
  errorCode = error.code;
}
console.log(JSON.stringify({
  planCount: all.length,
  roundTrip: (await measure(first.id)).id === first.id,
  errorCode,
  filterTotal: (await filter({ plans: ['beijing-2018'] })).total,
  searchTop: (await measure((await search('专利质押')).hits[0].id)).text,
  diffPairs: (await diff('beijing-2018', 'tianjin-2018')).pairs.length,
  dataVersion: dataVersion(),
  dataFiles: (await dataFiles()).length,
}));
