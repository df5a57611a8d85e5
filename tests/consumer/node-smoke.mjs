// Plain Node importing the installed package by name (resolves to its node.js entry).
import { init, plans, measures, measure } from 'plan-compare';

await init();
const all = plans();
const first = measures({ plan: all[1].id })[0];
let errorCode;
try {
  measure('nope');
} catch (error) {
  errorCode = error.code;
}
console.log(JSON.stringify({ planCount: all.length, roundTrip: measure(first.id).id === first.id, errorCode }));
