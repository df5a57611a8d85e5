//! The JavaScript binding, the only code that touches wasm-bindgen: converts arguments and results of
//! [`Engine`] and turns every [`Error`] into a JS `Error` with a stable `code`. No logic lives here.
//!
//! Conventions for every function:
//! - camelCase JS names; arguments arrive as `JsValue` and are checked here, so a wrong type, a
//!   number where a string belongs or a lone UTF-16 surrogate gives `INVALID_ARGUMENT`, never a
//!   panic or a silent U+FFFD;
//! - results leave through [`to_js`] (records keep the export contract's snake_case keys, missing
//!   values are `null` as in the JSON export);
//! - errors leave through [`to_js_error`], the one place that builds a JS `Error`.
//!
//! The module holds no corpus: `openData` starts the engine from a data directory's catalogue, each
//! verb has a `needsFor…` twin that names the files it lacks, and JavaScript (js/load.js) fetches
//! them and hands them over with `addFile` before it calls the verb. Every function is a one-line
//! call of [`Engine`]. The parser (`addPlan`) and the patterns across plans are compiled only with
//! the `full` feature: the package builds this module twice, and the page loads the larger one only
//! when a reader adds a plan or opens the patterns.

#[cfg(feature = "full")]
use crate::engine::{AddedPlan, PlanMeta, MAX_PLAN_TEXT_BYTES};
use crate::engine::{Engine, MeasuresOptions, MAX_IDS, MAX_ID_BYTES, MAX_OPTION_VALUES};
use crate::error::{Error, ErrorCode};
use crate::model::{Dataset, Measure, Plan, ThemeRef};
use crate::query::{
    self, CompareBy, CompareResult, DiffOptions, DiffResult, FilterOptions, FilterResult, SearchOptions, ThemeMatch,
    ThemeMatrix, ThemeMatrixOptions, MAX_QUERY_CHARS, MAX_TEXT_CHARS,
};
use js_sys::JsString;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

// talc instead of std's dlmalloc: 6.8 kB less module (2.9 kB gzip), same behaviour for our callers.
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

thread_local! {
    static ENGINE: RefCell<Option<Engine>> = const { RefCell::new(None) };
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    fn console_error(message: &str);
}

type JsResult<T> = Result<T, JsValue>;

// ---- the one place errors and values cross to JavaScript ----

/// `new Error(message)` with `name = "PlanCompareError"` and `code = "INVALID_ARGUMENT"` etc.
fn to_js_error(error: Error) -> JsValue {
    let js = js_sys::Error::new(&error.message);
    js.set_name("PlanCompareError");
    // Setting a property on a fresh Error object cannot fail; the result carries nothing to act on.
    let _ = js_sys::Reflect::set(&js, &JsValue::from_str("code"), &JsValue::from_str(error.code.as_str()));
    js.into()
}

/// Serialise a result the way the JSON export does (None → null, maps → plain objects): as JSON
/// text, parsed by the engine's own `JSON.parse`, two crossings for a whole result instead of one per
/// field and string (a page of 100 search hits is thousands of fields).
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, Error> {
    // One buffer for every result: a page of hits is tens of kB, written without regrowing it.
    JSON_TEXT.with_borrow_mut(|buffer| {
        buffer.clear();
        let result = match serde_json::to_writer(&mut *buffer, value) {
            Err(e) => Err(serialize_error(e)),
            Ok(()) => std::str::from_utf8(buffer)
                .ok()
                .and_then(|text| js_sys::JSON::parse(text).ok())
                .ok_or_else(not_converted),
        };
        // Kept for the next call up to a few pages of hits; an export's megabytes (or a failed
        // one's) are given back.
        if buffer.capacity() > 1 << 20 {
            *buffer = Vec::new();
        }
        result
    })
}

thread_local! {
    static JSON_TEXT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

#[inline(never)]
fn not_converted() -> Error {
    Error::new(ErrorCode::Internal, "cannot convert the result".to_string())
}

#[inline(never)]
fn serialize_error(e: serde_json::Error) -> Error {
    Error::new(ErrorCode::Internal, format!("cannot convert the result: {e}"))
}

/// Read an options or metadata object; `name` prefixes the message (`meta: unknown field "id" …`).
fn from_js<T: DeserializeOwned>(name: &str, value: JsValue) -> Result<T, Error> {
    check_object(name, &value, struct_fields::<T>())?;
    serde_wasm_bindgen::from_value(value).map_err(|e| deserialize_error(name, e))
}

/// What [`from_js`] checks before serde reads the object; not generic, so it is compiled once.
#[inline(never)]
fn check_object(name: &str, value: &JsValue, fields: &[&str]) -> Result<(), Error> {
    if !value.is_object() || js_sys::Array::is_array(value) {
        return Err(Error::invalid_argument(format!("{name} must be an object, got {}", describe(value))));
    }
    // serde-wasm-bindgen reads only the fields it knows (a typo such as `{ plna }` would be ignored)
    // and turns lone surrogates in strings into U+FFFD silently: check both here.
    for entry in js_sys::Object::entries(value.unchecked_ref()).iter() {
        let entry: js_sys::Array = entry.unchecked_into();
        let key = entry.get(0).as_string().unwrap_or_default();
        if !fields.contains(&key.as_str()) {
            return Err(Error::invalid_argument(format!(
                "{name}: unknown field `{key}`, expected one of `{}`",
                fields.join("`, `")
            )));
        }
        let field = entry.get(1);
        // Bounded before anything is converted: a million-entry array must not cost seconds.
        if let Some(array) = field.dyn_ref::<js_sys::Array>() {
            if array.length() as usize > MAX_OPTION_VALUES {
                return Err(Error::new(
                    ErrorCode::TooLarge,
                    format!("{name}.{key} has {} values; the limit is {MAX_OPTION_VALUES}", array.length()),
                ));
            }
        }
        check_strings(&format!("{name}.{key}"), &field)?;
    }
    Ok(())
}

#[inline(never)]
fn deserialize_error(name: &str, e: serde_wasm_bindgen::Error) -> Error {
    let message = e.to_string();
    Error::invalid_argument(format!("{name}: {}", message.trim_start_matches("Error: ")))
}

/// Lone surrogates in a string or in an array of strings (options hold nothing deeper; a deeper
/// value is refused by serde for its type, so this need not recurse).
fn check_strings(name: &str, value: &JsValue) -> Result<(), Error> {
    if let Some(text) = value.dyn_ref::<JsString>() {
        return check_utf16(name, text);
    }
    if let Some(array) = value.dyn_ref::<js_sys::Array>() {
        for (i, item) in array.iter().enumerate() {
            if let Some(text) = item.dyn_ref::<JsString>() {
                check_utf16(&format!("{name}[{i}]"), text)?;
            }
        }
    }
    Ok(())
}

/// The field names serde reads for the struct `T` (after renaming), found by asking its
/// `Deserialize` impl once with a deserializer that only records them.
fn struct_fields<T: DeserializeOwned>() -> &'static [&'static str] {
    use serde::de::{self, Visitor};
    struct Probe<'a>(&'a mut &'static [&'static str]);
    impl<'de> de::Deserializer<'de> for Probe<'_> {
        type Error = de::value::Error;
        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
            Err(de::Error::custom("only structs are probed"))
        }
        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Self::Error> {
            *self.0 = fields;
            Err(de::Error::custom("probed"))
        }
        // An externally tagged enum (`{ workItem } | { theme }`): its variants are the keys.
        fn deserialize_enum<V: Visitor<'de>>(
            self,
            _: &'static str,
            variants: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Self::Error> {
            *self.0 = variants;
            Err(de::Error::custom("probed"))
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option
            unit unit_struct newtype_struct seq tuple tuple_struct map identifier ignored_any
        }
    }
    let mut fields: &'static [&'static str] = &[];
    let _probed = T::deserialize(Probe(&mut fields));
    fields
}

/// Like [`from_js`], with `undefined` or `null` meaning the default options.
fn options_from_js<T: DeserializeOwned + Default>(name: &str, value: JsValue) -> Result<T, Error> {
    if value.is_undefined() || value.is_null() {
        Ok(T::default())
    } else {
        from_js(name, value)
    }
}

/// A string argument of at most `max_bytes` UTF-8 bytes, refused before it is copied when longer.
fn string_from_js(name: &str, value: &JsValue, max_bytes: usize) -> Result<String, Error> {
    let text = value
        .dyn_ref::<JsString>()
        .ok_or_else(|| Error::invalid_argument(format!("{name} must be a string, got {}", describe(value))))?;
    // Each UTF-16 unit is at least one UTF-8 byte: a longer string cannot fit.
    if text.length() as usize > max_bytes {
        return Err(too_large(name, text.length() as usize, max_bytes));
    }
    check_utf16(name, text)?;
    let owned = String::from(text);
    if owned.len() > max_bytes {
        return Err(too_large(name, owned.len(), max_bytes));
    }
    Ok(owned)
}

/// A query or free text of at most `max_chars` characters; longer → `QUERY_TOO_LONG`, refused by
/// its UTF-16 length before it is copied (a char is at most two units).
fn text_from_js(name: &str, value: &JsValue, max_chars: usize) -> Result<String, Error> {
    let units = value.dyn_ref::<JsString>().map_or(0, |t| t.length() as usize);
    if units > 2 * max_chars {
        return Err(query::QueryError::QueryTooLong { chars: units, max: max_chars }.into());
    }
    // At most 3 UTF-8 bytes per UTF-16 unit: the byte limit never fires before the core counts chars.
    string_from_js(name, value, 6 * max_chars)
}

/// An array of ids (`compare(planIds, …)`), at most `max` of them.
fn ids_from_js(name: &str, value: &JsValue, max: usize) -> Result<Vec<String>, Error> {
    let array = value.dyn_ref::<js_sys::Array>().ok_or_else(|| {
        Error::invalid_argument(format!("{name} must be an array of strings, got {}", describe(value)))
    })?;
    if array.length() as usize > max {
        return Err(too_large(name, array.length() as usize, max));
    }
    array.iter().enumerate().map(|(i, v)| id_from_js(&format!("{name}[{i}]"), &v)).collect()
}

/// Ids and other short strings.
fn id_from_js(name: &str, value: &JsValue) -> Result<String, Error> {
    string_from_js(name, value, MAX_ID_BYTES)
}

fn too_large(name: &str, size: usize, max_bytes: usize) -> Error {
    Error::new(ErrorCode::TooLarge, format!("{name} is at least {size} bytes of UTF-8; the limit is {max_bytes}"))
}

fn check_utf16(name: &str, text: &JsString) -> Result<(), Error> {
    if text.is_valid_utf16() {
        return Ok(());
    }
    let at = first_lone_surrogate(text);
    Err(Error::invalid_argument(format!(
        "{name} contains a lone UTF-16 surrogate at index {at}; it is not valid Unicode text"
    )))
}

fn first_lone_surrogate(text: &JsString) -> usize {
    let units: Vec<u16> = text.iter().collect();
    char::decode_utf16(units.iter().copied())
        .scan(0usize, |at, r| {
            let here = *at;
            *at += r.as_ref().map_or(1, |c| c.len_utf16());
            Some((here, r.is_err()))
        })
        .find(|(_, bad)| *bad)
        .map_or(0, |(at, _)| at)
}

fn describe(value: &JsValue) -> String {
    if value.is_null() {
        "null".into()
    } else if js_sys::Array::is_array(value) {
        "an array".into()
    } else {
        value.js_typeof().as_string().unwrap_or_else(|| "a value".into())
    }
}

// try_borrow, not borrow: a page could re-enter (say, from a setter it put on Object.prototype that
// our result objects trigger); that must be an error, not a panic.
fn with_engine<T>(f: impl FnOnce(&Engine) -> Result<T, Error>) -> JsResult<T> {
    ENGINE
        .with(|cell| match cell.try_borrow() {
            Ok(engine) => engine.as_ref().map_or_else(|| Err(not_initialised()), f),
            Err(_) => Err(reentered()),
        })
        .map_err(to_js_error)
}

fn with_engine_mut<T>(f: impl FnOnce(&mut Engine) -> Result<T, Error>) -> JsResult<T> {
    ENGINE
        .with(|cell| match cell.try_borrow_mut() {
            Ok(mut engine) => engine.as_mut().map_or_else(|| Err(not_initialised()), f),
            Err(_) => Err(reentered()),
        })
        .map_err(to_js_error)
}

fn reentered() -> Error {
    Error::invalid_argument("plan-compare was called again while a call was still running (from a callback)")
}

fn not_initialised() -> Error {
    Error::new(ErrorCode::NotInitialised, "call `await init()` before any other function")
}

// ---- the API: one line per verb of Engine ----

/// The catalogue's file name from `manifest.json` (decoded by js/load.js with `JSON.parse`: the
/// module carries no JSON parser, 13 kB gzip less; docs/module-size.md), once its format and
/// version are checked. Unknown fields are ignored, as a JSON reader of an older build would.
#[wasm_bindgen(js_name = catalogNamedBy)]
pub fn catalog_named_by(#[wasm_bindgen(unchecked_param_type = "object")] manifest: JsValue) -> JsResult<String> {
    let manifest = serde_wasm_bindgen::from_value(manifest).map_err(|e| {
        let message = e.to_string();
        let message = message.trim_start_matches("Error: ");
        Error::new(ErrorCode::BundleInvalid, format!("{}: {message}", crate::datadir::MANIFEST))
    });
    manifest.and_then(Engine::catalog_named_in).map_err(to_js_error)
}

/// Start from a data directory's catalogue (the file `manifest.json` names). Called by the
/// package's `init()`; calling it again starts over.
#[wasm_bindgen(js_name = openData)]
pub fn open_data(
    #[wasm_bindgen(js_name = catalogFile, unchecked_param_type = "string")] catalog_file: JsValue,
    bytes: &[u8],
) -> JsResult<()> {
    // Last-resort diagnostic: code here is written not to panic, but if it ever does, say so.
    std::panic::set_hook(Box::new(|info| console_error(&format!("plan-compare: internal error (a bug): {info}"))));
    let file = id_from_js("catalogFile", &catalog_file).map_err(to_js_error)?;
    let engine = Engine::open(&file, bytes).map_err(to_js_error)?;
    ENGINE.with(|cell| match cell.try_borrow_mut() {
        Ok(mut slot) => {
            *slot = Some(engine);
            Ok(())
        }
        Err(_) => Err(to_js_error(reentered())),
    })
}

/// Hand over a data file that a `needsFor…` call named.
#[wasm_bindgen(js_name = addFile)]
pub fn add_file(#[wasm_bindgen(unchecked_param_type = "string")] name: JsValue, bytes: &[u8]) -> JsResult<()> {
    let name = id_from_js("name", &name).map_err(to_js_error)?;
    with_engine_mut(|e| e.add_file(&name, bytes))
}

#[wasm_bindgen(js_name = needsForSearch, unchecked_return_type = "string[]")]
pub fn needs_for_search(query: JsValue, options: Option<JsValue>) -> JsResult<JsValue> {
    let (text, options) = search_args(query, options).map_err(to_js_error)?;
    with_engine(|e| to_js(&e.needs_for_search(&text, &options)))
}

#[wasm_bindgen(js_name = needsForFilter, unchecked_return_type = "string[]")]
pub fn needs_for_filter(options: Option<JsValue>) -> JsResult<JsValue> {
    let options: FilterOptions = optional_from_js(options).map_err(to_js_error)?;
    with_engine(|e| to_js(&e.needs_for_filter(&options)))
}

#[wasm_bindgen(js_name = needsForDiff, unchecked_return_type = "string[]")]
pub fn needs_for_diff(
    #[wasm_bindgen(js_name = planA)] plan_a: JsValue,
    #[wasm_bindgen(js_name = planB)] plan_b: JsValue,
) -> JsResult<JsValue> {
    let ids = [id_from_js("planA", &plan_a).map_err(to_js_error)?, id_from_js("planB", &plan_b).map_err(to_js_error)?];
    with_engine(|e| to_js(&e.needs_for_diff(&ids)))
}

#[wasm_bindgen(js_name = needsForCompare, unchecked_return_type = "string[]")]
pub fn needs_for_compare(#[wasm_bindgen(js_name = planIds)] plan_ids: JsValue) -> JsResult<JsValue> {
    let ids = ids_from_js("planIds", &plan_ids, MAX_IDS).map_err(to_js_error)?;
    with_engine(|e| to_js(&e.needs_for_compare(&ids)))
}

#[wasm_bindgen(js_name = needsForMeasures, unchecked_return_type = "string[]")]
pub fn needs_for_measures(options: Option<JsValue>) -> JsResult<JsValue> {
    let options: MeasuresOptions = optional_from_js(options).map_err(to_js_error)?;
    with_engine(|e| to_js(&e.needs_for_measures(&options)))
}

#[wasm_bindgen(js_name = needsForMeasure, unchecked_return_type = "string[]")]
pub fn needs_for_measure(id: JsValue) -> JsResult<JsValue> {
    let id = id_from_js("id", &id).map_err(to_js_error)?;
    with_engine(|e| to_js(&e.needs_for_measure(&id)))
}

#[wasm_bindgen(js_name = needsForThemeMatrix, unchecked_return_type = "string[]")]
pub fn needs_for_theme_matrix() -> JsResult<JsValue> {
    with_engine(|e| to_js(&e.needs_for_theme_matrix()))
}

/// Every file not loaded yet: what the whole-corpus calls need, and "keep all plans offline".
#[wasm_bindgen(js_name = needsForEverything, unchecked_return_type = "string[]")]
pub fn needs_for_everything() -> JsResult<JsValue> {
    with_engine(|e| to_js(&e.needs_for_everything()))
}

/// Every file the catalogue names, loaded or not (`dataFiles()` adds the manifest and catalogue).
#[wasm_bindgen(js_name = dataFileNames, unchecked_return_type = "string[]")]
pub fn data_file_names() -> JsResult<JsValue> {
    with_engine(|e| to_js(&e.data_files()))
}

/// Every plan: the data directory's in catalogue order, then plans added with `addPlan`.
#[wasm_bindgen(unchecked_return_type = "Plan[]")]
pub fn plans() -> JsResult<JsValue> {
    with_engine(|e| to_js::<[Plan]>(e.plans()))
}

/// The theme taxonomy.
#[wasm_bindgen(unchecked_return_type = "ThemeRef[]")]
pub fn themes() -> JsResult<JsValue> {
    with_engine(|e| to_js::<[ThemeRef]>(e.themes()))
}

/// Measures in document order: all, or `{ plan }`'s. Unknown plan → `UNKNOWN_PLAN`.
#[wasm_bindgen(unchecked_return_type = "Measure[]")]
pub fn measures(
    #[wasm_bindgen(unchecked_optional_param_type = "MeasuresOptions")] options: Option<JsValue>,
) -> JsResult<JsValue> {
    let options: MeasuresOptions = optional_from_js(options).map_err(to_js_error)?;
    with_engine(|e| to_js::<[&Measure]>(&e.measures(&options)?))
}

/// One measure by id. Unknown id → `UNKNOWN_MEASURE`.
#[wasm_bindgen(unchecked_return_type = "Measure")]
pub fn measure(#[wasm_bindgen(unchecked_param_type = "string")] id: JsValue) -> JsResult<JsValue> {
    let id = id_from_js("id", &id).map_err(to_js_error)?;
    with_engine(|e| to_js(e.measure(&id)?))
}

/// Parse a reader's own plan text (at most 2 MiB of UTF-8) and keep it beside the directory's plans.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = addPlan, unchecked_return_type = "AddedPlan")]
pub fn add_plan(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_param_type = "PlanMeta")] meta: JsValue,
) -> JsResult<JsValue> {
    let text = string_from_js("text", &text, MAX_PLAN_TEXT_BYTES).map_err(to_js_error)?;
    let meta: PlanMeta = from_js("meta", meta).map_err(to_js_error)?;
    with_engine_mut(|e| to_js::<AddedPlan>(&e.add_plan(&text, &meta)?))
}

/// Hand the parser its gazetteer (the package's regions.tsv), which js/load.js fetches before the
/// first `addPlan`: the module does not carry it, so that pages which never parse do not load it.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = useGazetteer)]
pub fn use_gazetteer(#[wasm_bindgen(unchecked_param_type = "string")] text: JsValue) -> JsResult<()> {
    let text = string_from_js("text", &text, crate::parse::regions::MAX_BYTES).map_err(to_js_error)?;
    crate::parse::regions::load(text).map_err(to_js_error)
}

/// Forget a plan added with `addPlan`. The directory's plans → `INVALID_ARGUMENT`; unknown → `UNKNOWN_PLAN`.
#[wasm_bindgen(js_name = removePlan)]
pub fn remove_plan(#[wasm_bindgen(unchecked_param_type = "string")] id: JsValue) -> JsResult<()> {
    let id = id_from_js("id", &id).map_err(to_js_error)?;
    #[cfg(feature = "full")]
    return with_engine_mut(|e| e.remove_plan(&id));
    // Without the parser no plan was added: every id is unknown or the directory's, and the index
    // removal code stays out of the small module (5 kB).
    #[cfg(not(feature = "full"))]
    with_engine(|e| {
        e.check_removable(&id)?;
        Err(Error::new(ErrorCode::Internal, format!("plan {id:?} counts as added, but this module adds none")))
    })
}

/// The whole dataset (the directory's and added plans) in the shape of `plan-compare export --format json`.
#[wasm_bindgen(js_name = exportData, unchecked_return_type = "Dataset")]
pub fn export_data() -> JsResult<JsValue> {
    with_engine(|e| to_js::<Dataset>(&e.whole()?.dataset))
}

/// Measures selected by plan, region, level, year, kind, focus, work item, agency, theme and words:
/// the page's records and facet counts over the whole selection.
#[wasm_bindgen(unchecked_return_type = "FilterResult")]
pub fn filter(
    #[wasm_bindgen(unchecked_optional_param_type = "FilterOptions")] options: Option<JsValue>,
) -> JsResult<JsValue> {
    let options: FilterOptions = optional_from_js(options).map_err(to_js_error)?;
    with_engine_mut(|e| to_js::<FilterResult>(&e.filter(&options)?))
}

/// Ranked measures for a Chinese or English query, highlights in UTF-16 code units, sent in arrays
/// ([`SearchRows`](crate::query::search::SearchRows)) and without records: `js/load.js` keeps the
/// records it was sent, asks `recordsAt` for the others, and makes the result's objects.
#[wasm_bindgen(
    unchecked_return_type = "Omit<SearchResult, 'phrases' | 'hits' | 'plans' | 'facets'> & { phrases: [text: string, weight: number, from: string][]; hits: [plan: number, score: number, highlights: number[], titleHighlights: number[], position: number][]; hitPlans: [plan: string, planLabel: string][]; plans: [plan: string, score: number, count: number, share: number][]; facets: Record<keyof Facets, [value: string, count: number][]> }"
)]
pub fn search(
    #[wasm_bindgen(unchecked_param_type = "string")] query: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "SearchOptions")] options: Option<JsValue>,
) -> JsResult<JsValue> {
    let (text, options) = search_args(query, options).map_err(to_js_error)?;
    with_engine_mut(|e| match e.search_page(&text, &options)?.rows(e.corpus()) {
        Some(page) => to_js(&page),
        None => Err(Error::new(ErrorCode::Internal, "a search's page names measures its corpus lacks")),
    })
}

/// The records at these positions of the corpus, as a search's hits name them.
#[wasm_bindgen(js_name = recordsAt, unchecked_return_type = "Measure[]")]
pub fn records_at(positions: &[u32]) -> JsResult<JsValue> {
    with_engine(|e| to_js::<[&Measure]>(&e.records_at(positions)?))
}

/// Themes a free text touches, best first.
#[wasm_bindgen(js_name = matchThemes, unchecked_return_type = "ThemeMatch[]")]
pub fn match_themes(#[wasm_bindgen(unchecked_param_type = "string")] text: JsValue) -> JsResult<JsValue> {
    let text = text_from_js("text", &text, MAX_TEXT_CHARS).map_err(to_js_error)?;
    with_engine(|e| to_js::<[ThemeMatch]>(&e.match_themes(&text)?))
}

/// Plans × themes: measures tagged, share of the plan, keyword score.
#[wasm_bindgen(js_name = themeMatrix, unchecked_return_type = "ThemeMatrix")]
pub fn theme_matrix(
    #[wasm_bindgen(unchecked_optional_param_type = "ThemeMatrixOptions")] options: Option<JsValue>,
) -> JsResult<JsValue> {
    let options: ThemeMatrixOptions = optional_from_js(options).map_err(to_js_error)?;
    with_engine_mut(|e| to_js::<ThemeMatrix>(&e.theme_matrix(&options)?))
}

/// Two plans aligned measure by measure, with inline changes, departments and targets compared.
#[wasm_bindgen(unchecked_return_type = "DiffResult")]
pub fn diff(
    #[wasm_bindgen(js_name = planA, unchecked_param_type = "string")] plan_a: JsValue,
    #[wasm_bindgen(js_name = planB, unchecked_param_type = "string")] plan_b: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "DiffOptions")] options: Option<JsValue>,
) -> JsResult<JsValue> {
    let plan_a = id_from_js("planA", &plan_a).map_err(to_js_error)?;
    let plan_b = id_from_js("planB", &plan_b).map_err(to_js_error)?;
    let options: DiffOptions = optional_from_js(options).map_err(to_js_error)?;
    with_engine_mut(|e| to_js::<DiffResult>(&e.diff(&plan_a, &plan_b, &options)?))
}

/// One row per plan with its measures on one work item (`{ workItem }`) or theme (`{ theme }`).
#[wasm_bindgen(unchecked_return_type = "CompareResult")]
pub fn compare(
    #[wasm_bindgen(js_name = planIds, unchecked_param_type = "string[]")] plan_ids: JsValue,
    #[wasm_bindgen(unchecked_param_type = "CompareBy")] by: JsValue,
) -> JsResult<JsValue> {
    let plan_ids = ids_from_js("planIds", &plan_ids, MAX_IDS).map_err(to_js_error)?;
    let by: CompareBy = from_js("by", by).map_err(to_js_error)?;
    with_engine_mut(|e| to_js::<CompareResult>(&e.compare(&plan_ids, &by)?))
}

// ---- patterns across plans (the `full` module; they read the whole corpus) ----

/// Plans × plans: share of each plan's measure text found in the other, rows clustered.
#[cfg(feature = "full")]
#[wasm_bindgen(unchecked_return_type = "SimilarityResult")]
pub fn similarity(
    #[wasm_bindgen(unchecked_optional_param_type = "SimilarityOptions")] options: Option<JsValue>,
) -> JsResult<JsValue> {
    let options: query::SimilarityOptions = optional_from_js(options).map_err(to_js_error)?;
    with_engine(|e| to_js::<query::SimilarityResult>(&e.similarity(&options)?))
}

/// The passages two plans share (evidence), or for one plan its own-text share and nearest plans.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = sharedPassages, unchecked_return_type = "SharedPassagesResult")]
pub fn shared_passages(
    #[wasm_bindgen(js_name = planA, unchecked_param_type = "string")] plan_a: JsValue,
    #[wasm_bindgen(js_name = planB, unchecked_optional_param_type = "string | null")] plan_b: Option<JsValue>,
    #[wasm_bindgen(unchecked_optional_param_type = "PassagesOptions")] options: Option<JsValue>,
) -> JsResult<JsValue> {
    let plan_a = id_from_js("planA", &plan_a).map_err(to_js_error)?;
    let plan_b = match plan_b {
        Some(b) if !b.is_undefined() && !b.is_null() => Some(id_from_js("planB", &b).map_err(to_js_error)?),
        _ => None,
    };
    let options: query::PassagesOptions = optional_from_js(options).map_err(to_js_error)?;
    with_engine(|e| to_js::<query::SharedPassagesResult>(&e.shared_passages(&plan_a, plan_b.as_deref(), &options)?))
}

/// The provincial tables × the national template's work items: kept, dropped, added.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = templateCoverage, unchecked_return_type = "TemplateCoverage")]
pub fn template_coverage(
    #[wasm_bindgen(unchecked_optional_param_type = "TemplateCoverageOptions")] options: Option<JsValue>,
) -> JsResult<JsValue> {
    let options: query::TemplateCoverageOptions = optional_from_js(options).map_err(to_js_error)?;
    with_engine(|e| to_js::<query::TemplateCoverage>(&e.template_coverage(&options)?))
}

/// Quantitative commitments printed in measures, per plan, beside the plans' targets.
#[cfg(feature = "full")]
#[wasm_bindgen(unchecked_return_type = "IndicatorsResult")]
pub fn indicators(
    #[wasm_bindgen(unchecked_optional_param_type = "IndicatorsOptions")] options: Option<JsValue>,
) -> JsResult<JsValue> {
    let options: query::IndicatorsOptions = optional_from_js(options).map_err(to_js_error)?;
    with_engine(|e| to_js::<query::IndicatorsResult>(&e.indicators(&options)?))
}

// ---- argument helpers shared by a verb and its needsFor twin ----

fn optional_from_js<T: DeserializeOwned + Default>(options: Option<JsValue>) -> Result<T, Error> {
    options_from_js("options", options.unwrap_or(JsValue::UNDEFINED))
}

fn search_args(query: JsValue, options: Option<JsValue>) -> Result<(String, SearchOptions), Error> {
    Ok((text_from_js("query", &query, MAX_QUERY_CHARS)?, optional_from_js(options)?))
}
