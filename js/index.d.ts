// Types of plan-compare. Record and option types are generated from the Rust definitions
// (plan_compare.d.ts); this file adds init() and the error type.

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
export {
  addPlan,
  compare,
  diff,
  exportData,
  filter,
  matchThemes,
  measure,
  measures,
  plans,
  removePlan,
  search,
  themeMatrix,
  themes,
  similarity,
  sharedPassages,
  templateCoverage,
  indicators,
} from './plan_compare.js';

export interface InitOptions {
  /** Where the .wasm comes from; defaults to the file next to the package's JavaScript. */
  wasm?: string | URL | Request | Response | BufferSource | WebAssembly.Module | Promise<BufferSource | Response>;
}

/** Load the module and decode the bundled corpus; await it once before calling anything else. */
export function init(options?: InitOptions): Promise<void>;

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
  | 'EMPTY_QUERY';

/** What every function throws on bad input: an `Error` with `name` PlanCompareError and a `code`. */
export interface PlanCompareError extends Error {
  name: 'PlanCompareError';
  code: ErrorCode;
}

export function isPlanCompareError(error: unknown): error is PlanCompareError;
