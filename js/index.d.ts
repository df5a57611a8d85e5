// Types of plan-compare. Record and option types are generated from the Rust definitions
// (plan_compare.d.ts); this file declares the functions (async where they may fetch data), init()
// and the error type.

import type {
  AddedPlan, CompareBy, CompareResult, Dataset, DiffOptions, DiffResult, FilterOptions, FilterResult,
  IndicatorsOptions, IndicatorsResult, Measure, MeasuresOptions, PassagesOptions, Plan, PlanMeta,
  SearchOptions, SearchResult, SharedPassagesResult, SimilarityOptions, SimilarityResult, TemplateCoverage,
  TemplateCoverageOptions, ThemeMatch, ThemeMatrix, ThemeMatrixOptions, ThemeRef,
} from './plan_compare.js';

export type {
  AddedPlan,
  AlignedBy,
  Change,
  CompareBy,
  CompareResult,
  CompareRow,
  Dataset,
  Department,
  Diagnostic,
  DiagnosticCode,
  DiffOptions,
  DiffPair,
  DiffResult,
  FacetCount,
  Facets,
  FilterOptions,
  FilterResult,
  Kind,
  Level,
  MatrixCell,
  Measure,
  MeasuresOptions,
  Op,
  Passage,
  Plan,
  PlanMeta,
  PlanScore,
  QueryPhrase,
  Role,
  SearchHit,
  SearchOptions,
  SearchResult,
  SetCompare,
  Target,
  TargetCompare,
  TargetPair,
  ThemeMatch,
  ThemeMatrix,
  ThemeMatrixOptions,
  ThemeRef,
  Unassigned,
  AddedItem,
  CoverageCell,
  Field,
  FocusArea,
  Indicator,
  IndicatorPlan,
  IndicatorsOptions,
  IndicatorsResult,
  Merge,
  NearPlan,
  PassageSide,
  PassagesOptions,
  PlanCoverage,
  SharedPassage,
  SharedPassagesResult,
  SharedWorkItem,
  SimilarPair,
  SimilarityBy,
  SimilarityOptions,
  SimilarityPlan,
  SimilarityResult,
  TemplateCoverage,
  TemplateCoverageOptions,
  TemplateItem,
  UnitCount,
  UnitTotal,
} from './plan_compare.js';
export interface InitOptions {
  /**
   * The data directory (built with `plan-compare build`): a URL in browsers, a path or URL in Node.
   * Defaults to the seeds' directory shipped in the package (`data/` next to its JavaScript).
   */
  data?: string | URL;
  /** Where the small module comes from; defaults to the file next to the package's JavaScript. */
  wasm?: string | URL | Request | Response | BufferSource | WebAssembly.Module | Promise<BufferSource | Response>;
  /** Where the full module (parser, patterns) comes from, when a call first needs it. */
  fullWasm?: string | URL | Request | Response | BufferSource | WebAssembly.Module | Promise<BufferSource | Response>;
}

/** Load the small module and the data directory's catalogue; await it once before calling anything else. */
export function init(options?: InitOptions): Promise<void>;

// Read only the catalogue (or the reader's own plans): synchronous.
export function plans(): Plan[];
export function themes(): ThemeRef[];
export function matchThemes(text: string): ThemeMatch[];
export function removePlan(id: string): void;

// May fetch data files first.
export function measures(options?: MeasuresOptions): Promise<Measure[]>;
export function measure(id: string): Promise<Measure>;
export function exportData(): Promise<Dataset>;
export function filter(options?: FilterOptions): Promise<FilterResult>;
export function search(query: string, options?: SearchOptions): Promise<SearchResult>;
export function themeMatrix(options?: ThemeMatrixOptions): Promise<ThemeMatrix>;
export function diff(planA: string, planB: string, options?: DiffOptions): Promise<DiffResult>;
export function compare(planIds: string[], by: CompareBy): Promise<CompareResult>;

// Load the full module (parser, patterns) first, once.
export function addPlan(text: string, meta: PlanMeta): Promise<AddedPlan>;
export function similarity(options?: SimilarityOptions): Promise<SimilarityResult>;
export function sharedPassages(planA: string, planB?: string | null, options?: PassagesOptions): Promise<SharedPassagesResult>;
export function templateCoverage(options?: TemplateCoverageOptions): Promise<TemplateCoverage>;
export function indicators(options?: IndicatorsOptions): Promise<IndicatorsResult>;

/** The data's version (its catalogue's content hash): cite it beside a measure so a reader can tell whether the text changed. */
export function dataVersion(): string;
/** Where every file of the data directory is (URLs in browsers, paths in Node), fetched or not. */
export function dataFiles(): Promise<string[]>;
/** Fetch every data file now, so that nothing needs the network afterwards. */
export function loadAll(onProgress?: (progress: { done: number; total: number }) => void): Promise<void>;

/** Stable codes of {@link PlanCompareError}. */
export type ErrorCode =
  | 'INVALID_ARGUMENT'
  | 'UNKNOWN_PLAN'
  | 'UNKNOWN_MEASURE'
  | 'TOO_LARGE'
  | 'NOT_INITIALISED'
  | 'PARSE_FAILED'
  | 'BUNDLE_INVALID'
  | 'INTERNAL'
  | 'UNKNOWN_THEME'
  | 'QUERY_TOO_LONG'
  | 'EMPTY_QUERY'
  | 'DATA_UNAVAILABLE';

/** What every function throws on bad input: an `Error` with `name` PlanCompareError and a `code`. */
export interface PlanCompareError extends Error {
  name: 'PlanCompareError';
  code: ErrorCode;
}

export function isPlanCompareError(error: unknown): error is PlanCompareError;
