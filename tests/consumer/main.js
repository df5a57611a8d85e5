// A bundled page using the installed package the way an app would.
import { init, plans, measures, measure, filter, search, diff } from 'plan-compare';

const results = {};
try {
  await init();
  const all = plans();
  results.planCount = all.length;
  const first = measures({ plan: all[1].id })[0];
  results.roundTrip = measure(first.id).id === first.id;
  results.filterTotal = filter({ plans: ['beijing-2018'] }).total;
  results.searchTop = measure(search('专利质押').hits[0].id).text;
  results.diffPairs = diff('beijing-2018', 'tianjin-2018').pairs.length;
  try {
    measure('nope');
  } catch (error) {
    results.errorCode = error.code;
  }
  document.getElementById('out').textContent = JSON.stringify(results);
} catch (error) {
  results.crash = `${error.name}: ${error.message}`;
}
window.__results = results;
window.__done = true;
