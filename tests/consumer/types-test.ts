// Type test of the published package: correct uses compile, and each @ts-expect-error line must fail.
import {
  addPlan,
  compare,
  diff,
  filter,
  matchThemes,
  search,
  themeMatrix,
  type CompareResult,
  type DiffResult,
  type FilterOptions,
  type FilterResult,
  type SearchResult,
  type ThemeMatch,
  type ThemeMatrix,
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
const level: 'national' | 'province' | 'city' | 'district' = all[0].level;
const firstYear: number | null = all[0].year_start; // null where a document states no year
const lines: [number, number] = measures()[0].lines;
const one: Measure = measure(measures({ plan: all[0].id })[0].id);
const focus: number | null = one.focus_no;
const list: ThemeRef[] = themes();
const meta: PlanMeta = { region: '深圳市', level: 'city', yearStart: 2019, kind: 'action plan' };
const added: AddedPlan = addPlan('（一）加强保护。', meta);
const count: number = added.measureCount;
const nothing: void = removePlan(added.plans[0].id);
const data: Dataset = exportData();

const filtered: FilterResult = filter({ regions: ['北京市'], themes: ['pledge-financing'] });
const total: number = filtered.total;
const ids: string[] = filter().items;
const options: FilterOptions = { plans: ['beijing-2018'], limit: 10, offset: 0 };
const found: SearchResult = search('专利质押', { limit: 5, plans: ['beijing-2018'] });
const span: number = found.hits[0].highlights[0][0];
const matched: ThemeMatch[] = matchThemes('推进专利质押融资');
const matrix: ThemeMatrix = themeMatrix({ plans: ['beijing-2018'] });
const diffed: DiffResult = diff('beijing-2018', 'tianjin-2018', { threshold: 0.5, noChanges: true });
const byTheme: CompareResult = compare(['beijing-2018'], { theme: 'pledge-financing' });
const byItem: CompareResult = compare(['beijing-2018'], { workItem: '专利质押' });

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
// @ts-expect-error: level is national, province, city or district
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

// @ts-expect-error: filter options have no `region` (it is `regions`)
filter({ region: ['北京市'] });
// @ts-expect-error: regions is a list
filter({ regions: '北京市' });
// @ts-expect-error: limit is a number
filter({ limit: '10' });
// @ts-expect-error: the query is a string
search(42);
// @ts-expect-error: search options have no `limt`
search('专利', { limt: 5 });
// @ts-expect-error: matchThemes takes text
matchThemes(['专利']);
// @ts-expect-error: themeMatrix options have no `rows`
themeMatrix({ rows: [] });
// @ts-expect-error: diff needs two plan ids
diff('beijing-2018');
// @ts-expect-error: threshold is a number
diff('beijing-2018', 'tianjin-2018', { threshold: 'high' });
// @ts-expect-error: compare by workItem or theme
compare(['beijing-2018'], { region: '北京市' });
// @ts-expect-error: plan ids are a list
compare('beijing-2018', { theme: 'pledge-financing' });
// @ts-expect-error: total is a number
const totalText: string = filtered.total;

void [filtered, total, ids, options, found, span, matched, matrix, diffed, byTheme, byItem, totalText];
void [code, level, lines, focus, list, count, nothing, data, town, noRegion, wrong, docNumber, badCode];
