// Type test of the published package: correct uses compile, and each @ts-expect-error line must fail.
import {
  addPlan,
  exportData,
  init,
  isPlanCompareError,
  measure,
  measures,
  plans,
  removePlan,
  themes,
  type AddedPlan,
  type Dataset,
  type ErrorCode,
  type Measure,
  type Plan,
  type PlanMeta,
  type ThemeRef,
} from 'plan-compare';

await init();
await init({ wasm: new URL('https://example.org/plan_compare_bg.wasm') });

const all: Plan[] = plans();
const code: string | null = all[0].region_code;
const level: 'province' | 'city' | 'district' = all[0].level;
const lines: [number, number] = measures()[0].lines;
const one: Measure = measure(measures({ plan: all[0].id })[0].id);
const focus: number | null = one.focus_no;
const list: ThemeRef[] = themes();
const meta: PlanMeta = { region: '深圳市', level: 'city', yearStart: 2019, kind: 'action plan' };
const added: AddedPlan = addPlan('（一）加强保护。', meta);
const count: number = added.measureCount;
const nothing: void = removePlan(added.plans[0].id);
const data: Dataset = exportData();

try {
  measure('nope');
} catch (error) {
  if (isPlanCompareError(error)) {
    const c: ErrorCode = error.code;
    void c;
  }
}

// @ts-expect-error: records keep the export's snake_case keys
all[0].regionCode;
// @ts-expect-error: level is province, city or district
const town: PlanMeta = { region: 'x', level: 'town' };
// @ts-expect-error: region is required
const noRegion: PlanMeta = { level: 'city' };
// @ts-expect-error: options have no `plna`
measures({ plna: 'x' });
// @ts-expect-error: ids are strings
measure(42);
// @ts-expect-error: measureCount is a number
const wrong: string = added.measureCount;
// @ts-expect-error: doc_number may be null
const docNumber: string = all[0].doc_number;
// @ts-expect-error: not an error code
const badCode: ErrorCode = 'OOPS';

void [code, level, lines, focus, list, count, nothing, data, town, noRegion, wrong, docNumber, badCode];
