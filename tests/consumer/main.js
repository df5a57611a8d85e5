// A bundled page using the installed package the way an app would.
import { init, plans, measures, measure, filter, search, diff, dataVersion } from 'plan-compare';
const results = {};
try {
  // `?data=` lets the test point the page at a data directory of its choice (else the default).
  const data = new URLSearchParams(location.search).get('data') ?? undefined;
  await init(data ? { data } : undefined);
  const all = plans();
  results.planCount = all.length;
  results.dataVersion = dataVersion();
  const first = (await measures({ plan: all[1].id }))[0];
  results.roundTrip = (await measure(first.id)).id === first.id;
  results.filterTotal = (await filter({ plans: ['beijing-2018'] })).total;
  results.searchTop = (await measure((await search('专利质押')).hits[0].id)).text;
  results.diffPairs = (await diff('beijing-2018', 'tianjin-2018')).pairs.length;
  try {
    await measure('nope');
  } catch (error) {
    results.errorCode = error.code;
  }
} catch (error) {
  results.crash = `${error.name}: ${error.message}`;
  results.crashCode = error.code;
}
document.getElementById('out').textContent = JSON.stringify(results);
window.__results = results;
window.__done = true;
