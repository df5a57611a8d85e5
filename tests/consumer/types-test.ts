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
  dataFiles,
  dataVersion,
  indicators,
  loadAll,
  sharedPassages,
  similarity,
  templateCoverage,
  type IndicatorsResult,
  type SharedPassagesResult,
  type SimilarityResult,
  type TemplateCoverage,
} from 'plan-compare';

const started: Promise<void> = init();
await started;
await init({ wasm: new URL('https://example.org/plan_compare_bg.wasm') });
await init({ data: '/plan-compare-data/' });
await init({ data: new URL('https://example.org/data/'), fullWasm: new URL('https://example.org/full.wasm') });

const all: Plan[] = plans();
const code: string | null = all[0].region_code;
const level: 'national' | 'province' | 'city' | 'district' = all[0].level;
const firstYear: number | null = all[0].year_start; // null where a document states no year
const lines: [number, number] = (await measures())[0].lines;
const one: Measure = await measure((await measures({ plan: all[0].id }))[0].id);
const focus: number | null = one.focus_no;
const list: ThemeRef[] = themes();
const meta: PlanMeta = { region: '深圳市', level: 'city', yearStart: 2019, kind: 'action plan' };
const untold: PlanMeta = {}; // the text tells region, level, kind and years
const added: AddedPlan = await addPlan('（一）加强保护。', meta);
const count: number = added.measureCount;
const nothing: void = removePlan(added.plans[0].id);
const data: Dataset = await exportData();

const filtered: FilterResult = await filter({ regions: ['北京市'], themes: ['pledge-financing'] });
const total: number = filtered.total;
const items: Measure[] = (await filter()).items;
const labels: string[] = (await filter()).planLabels;
const hitRecord: Measure = (await search('专利')).hits[0].measure;
const options: FilterOptions = { plans: ['beijing-2018'], limit: 10, offset: 0 };
const found: SearchResult = await search('专利质押', { limit: 5, plans: ['beijing-2018'] });
const span: number = found.hits[0].highlights[0][0];
const matched: ThemeMatch[] = matchThemes('推进专利质押融资');
const matrix: ThemeMatrix = await themeMatrix({ plans: ['beijing-2018'] });
const diffed: DiffResult = await diff('beijing-2018', 'tianjin-2018', { threshold: 0.5, noChanges: true });
const byTheme: CompareResult = await compare(['beijing-2018'], { theme: 'pledge-financing' });
const byItem: CompareResult = await compare(['beijing-2018'], { workItem: '专利质押' });
const pending: Promise<SearchResult> = search('专利');
const sim: SimilarityResult = await similarity({ plans: ['beijing-2018', 'tianjin-2018'] });
const shared: SharedPassagesResult = await sharedPassages('beijing-2018', null, { limit: 5 });
const coverage: TemplateCoverage = await templateCoverage();
const promised: IndicatorsResult = await indicators({ theme: 'pledge-financing' });
const version: string = dataVersion();
const files: string[] = await dataFiles();
await loadAll();
await loadAll(({ done, total: all }) => console.log(`${done}/${all}`));

try {
  await measure('nope');
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
// @ts-expect-error: a region is a string
const numbered: PlanMeta = { region: 7 };
// @ts-expect-error: options have no `plna`
measures({ plna: 'x' });
// @ts-expect-error: ids are strings
await measure(42);
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
// @ts-expect-error: items are the measures' records, not ids
const itemIds: string[] = filtered.items;
// @ts-expect-error: filter() answers with a promise, not the result
const notAwaited: FilterResult = filter();
// @ts-expect-error: a promise has no `pairs`: await diff() first
diff('beijing-2018', 'tianjin-2018').pairs;
// @ts-expect-error: measure() answers with a promise
const notAwaitedMeasure: Measure = measure('beijing-2018-001');
// @ts-expect-error: addPlan() answers with a promise
const notAwaitedAdd: AddedPlan = addPlan('（一）加强保护。', meta);
// @ts-expect-error: plans() is synchronous, not a promise
const plansLater: Promise<Plan[]> = plans();
// @ts-expect-error: dataVersion() is a string now, not a promise
const versionLater: Promise<string> = dataVersion();
// @ts-expect-error: the data directory is a string or a URL
await init({ data: 42 });
// @ts-expect-error: init has no `bundle` option
await init({ bundle: '/data/bundle.bin' });
// @ts-expect-error: progress is { done, total }
await loadAll((progress: { loaded: number }) => progress.loaded);
// @ts-expect-error: dataFiles() answers with a promise of a list
const filesNow: string[] = dataFiles();

void [filtered, total, items, labels, hitRecord, options, found, span, matched, matrix, diffed, byTheme, byItem, totalText];
void [pending, sim, shared, coverage, promised, version, files, notAwaited, notAwaitedMeasure, notAwaitedAdd];
void [plansLater, versionLater, filesNow, itemIds];
void [code, level, lines, focus, list, count, nothing, data, town, numbered, untold, wrong, docNumber, badCode];
