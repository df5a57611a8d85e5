//! `plan-compare audit`: every parsed record that looks wrong, with its seed lines, set against a file
//! of findings that were read against the seed and are right as printed (`data/audit-explained.toml`).
//!
//! Each check is a small pure function over one record (or one unit of a table seed) that says what
//! looks wrong and quotes the offending text. The checks know what records of these documents look
//! like (template work items, lists of bodies, sentences that end); they do not know the parser's
//! rules, so they can catch its mistakes. Counts per table unit are made from the seed text alone.

use crate::agency::{canonical_agency, looks_like_body, OTHER};
use crate::dataset::Build;
use crate::model::{Measure, Passage, Plan};
use crate::parse::departments::balanced;
use crate::parse::lines::{is_page_number, normalise, split_lines, width, Line};
use crate::parse::{regions, template, DiagnosticCode};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// The explanations shipped with the seeds.
pub const EXPLAINED_TOML: &str = include_str!("../data/audit-explained.toml");

/// Every check, with what it looks for (ids are stable: explanations and CI refer to them).
pub const CHECKS: &[(&str, &str)] = &[
    ("no_text", "a measure without text"),
    ("no_department", "a measure without departments in a plan whose measures name them"),
    ("department_fragment", "a department name cut mid-word, with role words, brackets left open or a bare word"),
    ("department_glued", "a department name run together with a work item, a measure or another body"),
    ("department_unknown", "a department name that is no known type of body and does not end like one"),
    ("work_item_fragment", "a work item that is a piece of a template work item or a few characters"),
    ("work_item_measure_like", "a work item that reads like a measure (several sentences, or very long)"),
    ("work_item_merged", "a work item that holds two template items, or a template item and more"),
    ("text_holds_work_item", "a measure text that begins with a template work item"),
    ("text_holds_department", "a measure text that ends with a list of bodies or carries role labels"),
    ("text_unfinished", "a measure text that stops mid-sentence"),
    ("record_spans_rows", "a table record whose seed lines hold several closed department cells"),
    ("row_count", "a table unit whose records and department cells (counted in the seed) disagree"),
    ("duplicate", "two records of a plan with the same work item and text"),
    ("passage_like_measure", "a passage headed like a task (加强…, 推进…), not a measure"),
    ("unassigned_line", "a seed line no record took"),
    ("diagnostic", "a problem the parser reported"),
];

/// One record that looks wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub check: &'static str,
    pub plan: String,
    /// The measure concerned, if the finding is about one.
    pub measure: Option<String>,
    pub source: String,
    /// First and last seed line (1-based) the finding concerns.
    pub lines: [u32; 2],
    pub message: String,
}

/// A finding that is right as printed: the document really is so.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Explanation {
    pub check: String,
    /// Matches a finding about this measure id.
    #[serde(default)]
    pub measure: Option<String>,
    /// Matches a finding of this plan.
    #[serde(default)]
    pub plan: Option<String>,
    /// Matches a finding whose lines include this seed line (ids shift as the parser changes; seed
    /// lines do not).
    #[serde(default)]
    pub line: Option<u32>,
    /// Matches a finding of this seed (default: any).
    #[serde(default)]
    pub source: Option<String>,
    /// Matches a finding whose message contains this text.
    #[serde(default)]
    pub quote: Option<String>,
    /// Why the finding is right, as read in the seed.
    pub reason: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExplanationFile {
    #[serde(default)]
    explained: Vec<Explanation>,
}

/// Read an explanation file; every entry names a known check, something to match and a reason.
pub fn parse_explanations(text: &str) -> Result<Vec<Explanation>, String> {
    let file: ExplanationFile = toml::from_str(text).map_err(|e| format!("explanation file: {e}"))?;
    for (k, e) in file.explained.iter().enumerate() {
        let at = format!("explanation {} ({})", k + 1, e.check);
        if !CHECKS.iter().any(|(id, _)| *id == e.check) {
            return Err(format!("{at}: unknown check"));
        }
        if e.measure.is_none() && e.line.is_none() && e.plan.is_none() {
            return Err(format!("{at}: give a measure, a line or a plan to match"));
        }
        if e.reason.trim().is_empty() {
            return Err(format!("{at}: give the reason"));
        }
    }
    Ok(file.explained)
}

impl Explanation {
    pub fn matches(&self, f: &Finding) -> bool {
        self.check == f.check
            && self.measure.as_ref().is_none_or(|m| f.measure.as_ref() == Some(m))
            && self.plan.as_ref().is_none_or(|p| *p == f.plan)
            && self.line.is_none_or(|l| f.lines[0] <= l && l <= f.lines[1])
            && self.source.as_ref().is_none_or(|s| *s == f.source)
            && self.quote.as_ref().is_none_or(|q| f.message.contains(q.as_str()))
    }
}

/// Findings with the explanation each matched (its index), and the explanations no finding matched.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub findings: Vec<(Finding, Option<usize>)>,
    pub stale: Vec<usize>,
}

/// Found / explained / unexplained per check, in the order of [`CHECKS`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CheckCount {
    pub check: &'static str,
    pub found: usize,
    pub explained: usize,
    pub unexplained: usize,
}

impl Report {
    pub fn unexplained(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|(_, e)| e.is_none()).map(|(f, _)| f)
    }

    pub fn summary(&self) -> Vec<CheckCount> {
        CHECKS
            .iter()
            .map(|(id, _)| {
                let of: Vec<_> = self.findings.iter().filter(|(f, _)| f.check == *id).collect();
                let explained = of.iter().filter(|(_, e)| e.is_some()).count();
                CheckCount { check: id, found: of.len(), explained, unexplained: of.len() - explained }
            })
            .collect()
    }
}

/// Set findings against explanations: each finding takes the first explanation that matches it.
pub fn reconcile(findings: Vec<Finding>, explanations: &[Explanation]) -> Report {
    let mut used = vec![false; explanations.len()];
    let findings = findings
        .into_iter()
        .map(|f| {
            let hit = explanations.iter().position(|e| e.matches(&f));
            if let Some(k) = hit {
                used[k] = true;
            }
            (f, hit)
        })
        .collect();
    let stale = used.iter().enumerate().filter(|(_, u)| !**u).map(|(k, _)| k).collect();
    Report { findings, stale }
}

/// Run every check over a parsed corpus. `sources` gives the text of each source (path, text), for
/// the counts made from the seed itself.
pub fn audit(build: &Build, sources: &[(&str, &str)]) -> Vec<Finding> {
    let data = &build.dataset;
    let mut out = Vec::new();
    let vocabulary = department_vocabulary(&data.measures);
    let plans: HashMap<&str, &Plan> = data.plans.iter().map(|p| (p.id.as_str(), p)).collect();
    let source_of = |plan: &str| plans.get(plan).map(|p| p.source.clone()).unwrap_or_default();

    for plan in &data.plans {
        let measures: Vec<&Measure> = data.measures.iter().filter(|m| m.plan == plan.id).collect();
        let with_departments = measures.iter().filter(|m| !m.departments.is_empty()).count();
        let names_departments = with_departments * 2 >= measures.len() && with_departments > 0;
        let repeated: HashMap<String, String> = duplicates(&measures).into_iter().collect();
        for m in &measures {
            let mut add = |check: &'static str, message: String| {
                out.push(Finding {
                    check,
                    plan: plan.id.clone(),
                    measure: Some(m.id.clone()),
                    source: plan.source.clone(),
                    lines: m.lines,
                    message,
                });
            };
            if let Some(msg) = no_text(m) {
                add("no_text", msg);
            }
            if names_departments && m.departments.is_empty() {
                add("no_department", format!("no department; text {}", quote_end(m.text.as_deref().unwrap_or(""), 30)));
            }
            for d in &m.departments {
                if let Some((check, msg)) = department_problem(&d.name, &vocabulary) {
                    add(check, msg);
                }
            }
            if let Some(work) = &m.work_item {
                if let Some((check, msg)) = work_item_problem(work) {
                    add(check, msg);
                }
            }
            if let Some(text) = &m.text {
                if let Some(msg) = text_holds_work_item(text, m.work_item.as_deref()) {
                    add("text_holds_work_item", msg);
                }
                if let Some(msg) = text_holds_department(text) {
                    add("text_holds_department", msg);
                }
                if let Some(msg) = text_unfinished(text) {
                    add("text_unfinished", msg);
                }
            }
            if let Some(msg) = repeated.get(&m.id) {
                add("duplicate", msg.clone());
            }
        }
    }
    out.extend(table_counts(data, sources));
    for p in &data.passages {
        if let Some(msg) = passage_like_measure(p) {
            out.push(Finding {
                check: "passage_like_measure",
                plan: p.plan.clone(),
                measure: None,
                source: source_of(&p.plan),
                lines: p.lines,
                message: msg,
            });
        }
    }
    for u in &data.unassigned {
        let plan = plan_at(data, &u.source, u.line).unwrap_or_default();
        out.push(Finding {
            check: "unassigned_line",
            plan,
            measure: None,
            source: u.source.clone(),
            lines: [u.line, u.line],
            message: format!("unassigned: {}", quote(&u.text, 40)),
        });
    }
    // Department and row diagnostics repeat what department_unknown and no_department find,
    // which carry their explanations; they are for readers of `parse` and `addPlan`.
    let repeated = [DiagnosticCode::UnknownDepartment, DiagnosticCode::IncompleteRow];
    for d in build.diagnostics.iter().filter(|d| !repeated.contains(&d.code)) {
        out.push(Finding {
            check: "diagnostic",
            plan: plan_at(data, &d.source, d.line).unwrap_or_default(),
            measure: None,
            source: d.source.clone(),
            lines: [d.line, d.line],
            message: d.message.clone(),
        });
    }
    out
}

/// The plan whose measures surround a seed line (for findings that are not about a record).
fn plan_at(data: &crate::model::Dataset, source: &str, line: u32) -> Option<String> {
    let plans: Vec<&Plan> = data.plans.iter().filter(|p| p.source == source).collect();
    plans
        .iter()
        .filter_map(|p| {
            let first = data.measures.iter().filter(|m| m.plan == p.id).map(|m| m.lines[0]).min()?;
            (first <= line).then_some((first, p.id.clone()))
        })
        .max()
        .map(|(_, id)| id)
        .or_else(|| plans.first().map(|p| p.id.clone()))
}

/// `“…last words”`: the end of a text, where a cut shows.
fn quote_end(s: &str, n: usize) -> String {
    let chars: Vec<char> = s.chars().collect();
    if chars.len() <= n {
        format!("“{s}”")
    } else {
        format!("“…{}”", chars[chars.len() - n..].iter().collect::<String>())
    }
}

/// `“first words…”`.
fn quote(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        format!("“{s}”")
    } else {
        format!("“{}…”", s.chars().take(n).collect::<String>())
    }
}

// ---- measures -----------------------------------------------------------------------------------

fn no_text(m: &Measure) -> Option<String> {
    let empty = m.text.as_deref().is_none_or(|t| t.trim().is_empty());
    empty.then(|| match (&m.work_item, &m.title) {
        (Some(w), _) => format!("no text; work item {}", quote(w, 30)),
        (None, Some(t)) => format!("no text; title {}", quote(t, 30)),
        (None, None) => "no text, no title, no work item".to_string(),
    })
}

/// Verbs that open a task: a name or passage heading that begins with one is a sentence.
const ACTION_VERBS: &[&str] = &[
    "推进",
    "推动",
    "加大",
    "加强",
    "加快",
    "鼓励",
    "建立",
    "探索",
    "支持",
    "开展",
    "落实",
    "完善",
    "实施",
    "提升",
    "促进",
    "做好",
    "深化",
    "健全",
    "引导",
    "积极",
    "进一步",
    "继续",
    "强化",
    "培育",
    "打造",
    "深入",
    "大力",
    "将",
];

const ROLE_MARKS: &[&str] =
    &["牵头", "配合", "负责", "会同", "参与", "协助", "责任部门", "责任单位", "牵头部门", "配合部门", "：", ":"];

/// How often each department name occurs in the corpus, to tell a fragment from a name.
fn department_vocabulary(measures: &[Measure]) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for d in measures.iter().flat_map(|m| &m.departments) {
        *out.entry(d.name.clone()).or_insert(0) += 1;
    }
    out
}

fn department_problem(name: &str, vocabulary: &BTreeMap<String, usize>) -> Option<(&'static str, String)> {
    if let Some(why) = department_fragment(name, vocabulary) {
        return Some(("department_fragment", format!("department {}: {why}", quote(name, 40))));
    }
    if let Some(why) = department_glued(name) {
        return Some(("department_glued", format!("department {}: {why}", quote(name, 40))));
    }
    (canonical_agency(name) == OTHER && !ends_like_body(name))
        .then(|| ("department_unknown", format!("department {}: no known body", quote(name, 40))))
}

/// A head before a name that is a word of its own: a region, a level, or a body the name belongs to.
fn is_boundary(head: &str) -> bool {
    let h = head.trim_end_matches(['（', '(']);
    h.ends_with(['省', '市', '区', '县', '州', '旗', '盟', '师', '团'])
        || ["国家", "中国", "驻"].iter().any(|w| h.ends_with(w))
        || regions::provinces().any(|r| h.ends_with(r.short))
        || looks_like_body(h)
}

fn department_fragment(name: &str, vocabulary: &BTreeMap<String, usize>) -> Option<String> {
    let n = name.chars().count();
    if n <= 1 {
        return Some("a single character".into());
    }
    if ["单位", "部门", "机构", "各设区"].contains(&name) {
        return Some("a bare word, not a body".into());
    }
    if !balanced(name) {
        return Some("brackets left open".into());
    }
    if name.starts_with(['）', ')', '、', '，', ',', '：', ':', '；', '。'])
        || name.ends_with(['（', '(', '、', '，', ','])
    {
        return Some("cut at a separator".into());
    }
    if let Some(w) = ROLE_MARKS.iter().find(|w| name.contains(*w)) {
        return Some(format!("role word {w} left in the name"));
    }
    if ["合部门", "部门", "门", "头", "合"].iter().any(|w| name.starts_with(w)) && !looks_like_body(name) {
        return Some("begins with the rest of a role word".into());
    }
    if name.ends_with(['配', '及', '和', '与', '等']) {
        return Some("ends mid-list".into());
    }
    if name.contains(['。', '；']) || n > 30 {
        return Some("a sentence, not a name".into());
    }
    // A rare name that is the end of a longer one, cut where no word ends (识产权局 of 知识产权局).
    if vocabulary.get(name).copied().unwrap_or(0) <= 1 && canonical_agency(name) == OTHER {
        let longer = vocabulary.keys().filter(|k| k.len() > name.len() && k.ends_with(name)).find(|k| {
            let head = &k[..k.len() - name.len()];
            !is_boundary(head)
        });
        if let Some(k) = longer {
            return Some(format!("begins mid-word (cf. {k})"));
        }
    }
    if !cell_body(name) {
        // 厦门 of 厦门海关, 市科协 of 市科协工信委 are names of their own: the rest is a body.
        let cut =
            |k: &&String| k.len() > name.len() && k.starts_with(name) && canonical_agency(&k[name.len()..]) == OTHER;
        if let Some(k) = vocabulary.keys().find(cut) {
            return Some(format!("ends mid-word (cf. {k})"));
        }
    }
    None
}

/// A department name that runs on into a task (郑州海关加大国家展会) or into a second body of another
/// type (工商局版权局); sub-units (执法处, 代办处) and collectives (各成员单位) belong to the name.
fn department_glued(name: &str) -> Option<String> {
    if !looks_like_body(name) {
        if let Some(v) = ACTION_VERBS.iter().find(|v| name.starts_with(*v)) {
            return Some(format!("begins with {v}: a sentence"));
        }
    }
    let chars: Vec<char> = name.chars().collect();
    for k in 3..chars.len().saturating_sub(1) {
        let head: String = chars[..k].iter().collect();
        let rest: String = chars[k..].iter().collect();
        if !looks_like_body(&head) || head.ends_with(['省', '市', '区', '县', '州']) || rest.starts_with(['（', '('])
        {
            continue;
        }
        if let Some(v) = ACTION_VERBS.iter().find(|v| rest.starts_with(*v)) {
            return Some(format!("{head} followed by {v}…: a work item or measure"));
        }
        let (a, b) = (canonical_agency(&head), canonical_agency(&rest));
        let own = [OTHER, "地方政府", "有关部门（泛指）"];
        // An office of the body (奖励（金融）办, 执法处, 信息中心) belongs to its name.
        let sub_unit = ["办", "处", "科", "室", "中心", "站", "所", "队"].iter().any(|e| rest.ends_with(e));
        if rest.chars().count() >= 3
            && !sub_unit
            && looks_like_body(&rest)
            && !own.contains(&a)
            && !own.contains(&b)
            && a != b
        {
            return Some(format!("two bodies run together: {head} | {rest}"));
        }
    }
    None
}

/// The template item a text is (ignoring punctuation), with 其他： optional before the catch-all.
fn is_template_item(text: &str) -> bool {
    template::work_item_match(text, false).is_some()
        || template::key(template::OTHER_WORK).ends_with(&template::key(text))
            && template::key(text).starts_with("未列入")
}

fn work_item_problem(work: &str) -> Option<(&'static str, String)> {
    if is_template_item(work) {
        return None;
    }
    let k = template::key(work);
    let n = k.chars().count();
    let q = quote(work, 40);
    let t = normalise(work);
    if n <= 4 {
        return Some(("work_item_fragment", format!("work item {q}: {n} characters")));
    }
    if t.starts_with(|c: char| "，、,：:；;。）)".contains(c)) {
        return Some(("work_item_fragment", format!("work item {q} begins at a separator")));
    }
    let inner_stop = t.trim_end_matches(['。', '；']).contains(['。', '；', ';']);
    let templates: Vec<String> = template::WORK_ITEMS.iter().map(|(_, w)| template::key(w)).collect();
    let contained: Vec<&String> = templates.iter().filter(|w| k.contains(w.as_str())).collect();
    if contained.len() >= 2 {
        return Some(("work_item_merged", format!("work item {q} holds two template items")));
    }
    if let Some(w) = contained.first().filter(|w| n >= w.chars().count() + 8) {
        return Some(("work_item_merged", format!("work item {q} holds the template item “{w}” and more")));
    }
    if inner_stop || n > 60 {
        return Some(("work_item_measure_like", format!("work item {q} reads like a measure")));
    }
    if let Some(w) = templates.iter().find(|w| w.len() > k.len() && w.ends_with(&k)) {
        return Some(("work_item_fragment", format!("work item {q} is the end of the template item “{w}”")));
    }
    if let Some((_, w)) = template::work_item_match(work, true) {
        return Some(("work_item_fragment", format!("work item {q} is the beginning of the template item “{w}”")));
    }
    None
}

/// A sentence of a measure text that begins with a whole template work item (not the record's own)
/// run on into more words without a stop: the next row's work-item cell read into the measure
/// (…。鼓励各地引进高端知识产权人才引进京津高端人才。). A measure that merely uses the template's
/// words (加大宣传力度，…) has punctuation after them.
fn text_holds_work_item(text: &str, own: Option<&str>) -> Option<String> {
    let own = own.map(template::key).unwrap_or_default();
    for sentence in normalise(text).split(['。', '；']) {
        let k = template::key(sentence);
        for (_, item) in template::WORK_ITEMS {
            let wk = template::key(item);
            if wk.chars().count() < 6 || wk == own || !k.starts_with(&wk) {
                continue;
            }
            if let Some(next) = char_after_key_prefix(sentence, wk.chars().count()) {
                if !is_punctuation(next) {
                    return Some(format!("text holds the template item “{item}” run on into {}", quote(sentence, 40)));
                }
            }
        }
    }
    None
}

fn is_punctuation(c: char) -> bool {
    "，、,：:“”\"'‘’（）()。；;！？!?…—《》".contains(c)
}

/// The character of `s` after its first `n` characters that count in [`template::key`].
fn char_after_key_prefix(s: &str, n: usize) -> Option<char> {
    let mut counted = 0;
    let mut chars = s.chars();
    while counted < n {
        let c = chars.next()?;
        if !c.is_whitespace() && !is_punctuation(c) {
            counted += 1;
        }
    }
    chars.next()
}

/// Split a list of bodies at its separators.
fn list_parts(s: &str) -> Vec<&str> {
    s.split(['、', '，', ',', '；', ';']).filter(|p| !p.is_empty()).collect()
}

/// Is `s` a short list of bodies (市知识产权局、市工商局)?
fn is_body_list(s: &str) -> bool {
    let parts = list_parts(s);
    !parts.is_empty()
        && s.chars().count() <= 40
        && parts.iter().all(|p| p.chars().count() <= 16 && cell_body(p) && canonical_agency(p) != OTHER)
}

fn text_holds_department(text: &str) -> Option<String> {
    let t = normalise(text);
    for label in ["配合部门", "责任部门", "牵头部门", "牵头单位", "责任单位", "配合单位"] {
        if t.contains(label) {
            return Some(format!("text holds the label {label}: {}", quote_end(&t, 40)));
        }
    }
    let core = t.trim_end_matches(['）', ')']);
    if t.len() != core.len() && ["牵头", "负责", "配合"].iter().any(|w| core.ends_with(w)) {
        return Some(format!("text ends with a department clause: {}", quote_end(&t, 30)));
    }
    // A text that does not end its last sentence: what follows the last stop may be a department
    // cell glued on (…开展专项执法行动。市知识产权局、市工商局), or the whole text a department cell.
    if t.ends_with(['。', '；', '！', '？']) {
        return None;
    }
    let tail = t.rsplit(['。', '；', '！', '？']).next().unwrap_or("");
    is_body_list(tail).then(|| format!("text ends with a list of bodies: “{tail}”"))
}

/// Characters a sentence does not end on.
const OPEN_ENDINGS: &str = "的和与及等、，,：:在对为将把向从以并或之其";

fn text_unfinished(text: &str) -> Option<String> {
    let t = normalise(text);
    let last = t.chars().last()?;
    if "。；！？!?;.…）)」”’』》】".contains(last) {
        return None;
    }
    let has_stop = t.contains(['。', '；', '！', '？']);
    let numbered = ["1.", "1、", "（1）", "(1)", "①"].iter().any(|m| t.contains(m));
    // A cell written as a phrase or a list (成果形式 columns) needs no full stop.
    if (!has_stop || numbered) && t.chars().count() <= 60 && !OPEN_ENDINGS.contains(last) {
        return None;
    }
    Some(format!("text stops mid-sentence: {}", quote_end(&t, 30)))
}

/// Records of one plan that repeat an earlier record's work item and text: (id, message).
fn duplicates(measures: &[&Measure]) -> Vec<(String, String)> {
    let mut first: HashMap<(Option<&str>, &str), &str> = HashMap::new();
    let mut out = Vec::new();
    for m in measures {
        let Some(text) = m.text.as_deref().filter(|t| !t.is_empty()) else { continue };
        match first.get(&(m.work_item.as_deref(), text)) {
            Some(earlier) => {
                out.push((m.id.clone(), format!("same work item and text as {earlier}: {}", quote(text, 30))))
            }
            None => {
                first.insert((m.work_item.as_deref(), text), &m.id);
            }
        }
    }
    out
}

/// Headings of narrative sections, whose passages are prose by design.
const NARRATIVE_HEADINGS: &[&str] =
    &["指导思想", "基本原则", "工作原则", "发展目标", "目标要求", "发展基础", "面临的挑战", "形势与机遇"];

fn passage_like_measure(p: &Passage) -> Option<String> {
    let heading = p.heading.as_deref()?;
    if NARRATIVE_HEADINGS.contains(&heading) {
        return None;
    }
    let verb = ACTION_VERBS.iter().find(|v| heading.starts_with(*v))?;
    Some(format!("passage under “{heading}” (begins with {verb}) reads like a task: {}", quote(&p.text, 30)))
}

// ---- counts per unit of a table seed ------------------------------------------------------------

/// Words of the repeated table header, which carries no content.
const HEADER_WORDS: &[&str] = &[
    "序号",
    "工作重点",
    "重点工作",
    "工作内容",
    "具体举措及成果形式",
    "具体措施及成果形式",
    "具体措施和成果形式",
    "具体举措和成果形式",
    "具体任务及成果形式",
    "具体举措及",
    "具体措施及",
    "具体举措",
    "具体措施",
    "具体任务",
    "成果形式",
    "责任部门",
    "责任单位",
    "牵头单位",
    "序",
    "号",
];

fn is_header(text: &str) -> bool {
    let mut rest = normalise(text);
    while !rest.is_empty() {
        match HEADER_WORDS.iter().find(|w| rest.starts_with(*w)) {
            Some(w) => rest = rest[w.len()..].to_string(),
            None => return false,
        }
    }
    true
}

/// A body's name for counting cells: ends like one, and is not a word such as 布局 that ends in 局.
fn cell_body(p: &str) -> bool {
    ends_like_body(p)
        && !["布局", "格局", "全局", "大局", "结局", "开局"].iter().any(|w| p.ends_with(w))
        && !ACTION_VERBS.iter().any(|v| p.starts_with(v))
}

/// Does a name end like a body? [`looks_like_body`], and the endings it leaves out: 科协, 妇联, 工商联,
/// meetings that act as bodies (厅际联席会议) and bases (知识产权培训基地).
fn ends_like_body(p: &str) -> bool {
    looks_like_body(p)
        || ["科协", "律协", "妇联", "工商联", "侨联", "文联", "残联", "会议", "基地"].iter().any(|w| p.ends_with(w))
}

/// Pieces of role words a department cell is cut into (市知识产权局 配 / 合部门：…).
const ROLE_PIECES: &[&str] = &["配", "配合", "配合部", "合部门", "门", "责任部", "牵头部", "牵头", "负责", "会同"];

/// Is a piece (part of) a department cell: short, no sentence, each complete part a body, a role
/// word or a short name (石家庄)? Whether the cell is complete is [`cell_closed`]'s question.
fn department_piece(piece: &str) -> bool {
    // A list closed with 等。 (省工商局、知识产权局、版权局等。).
    let t = normalise(piece);
    let t = match t.strip_suffix("等。") {
        Some(list) if list.rsplit(['、', '，']).next().is_some_and(cell_body) => format!("{list}等"),
        _ => t,
    };
    if t.is_empty() || width(&t) > 16.0 || t.contains(['。', '；']) || other_column(&t) {
        return false;
    }
    if template::key(&t).chars().count() >= 4
        && (template::work_item_match(&t, true).is_some() || template::work_item_match(&t, false).is_some())
    {
        return false;
    }
    let t = t.replace("配合部门：", "、").replace("责任部门：", "、").replace("牵头部门：", "、");
    let parts: Vec<&str> = t.split(['、', '，', ',', '：']).collect();
    let role = |p: &str| ROLE_MARKS.iter().any(|w| p.contains(w)) || ROLE_PIECES.contains(&p);
    // Cells of other columns: a task (推进…), the catch-all work item (其他：…).
    if t.starts_with("其他") || parts.iter().any(|p| ACTION_VERBS.iter().any(|v| p.starts_with(v))) {
        return false;
    }
    let complete = &parts[..parts.len().saturating_sub(1)];
    complete.iter().all(|p| p.is_empty() || cell_body(p) || role(p) || p.chars().count() <= 4)
}

/// The cells of a line: pieces separated by spaces, except spaces next to ASCII text (开展 3—5个),
/// which lie inside a cell.
fn line_pieces(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut gap = false;
    for c in text.chars() {
        if c.is_whitespace() {
            gap = true;
            continue;
        }
        if gap {
            let before = current.chars().last();
            let inside = before.is_some_and(|b| b.is_ascii_alphanumeric()) || c.is_ascii_alphanumeric();
            if !inside && !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            gap = false;
        }
        current.push(c);
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// Text that belongs to another column: a focus number or focus area, a template work item, a task.
fn other_column(t: &str) -> bool {
    let number = t.trim_end_matches(['.', '、', '．']);
    if !number.is_empty() && number.chars().all(|c| c.is_ascii_digit()) {
        return true;
    }
    // A focus number printed before the focus text (2 实施严格的知).
    let t = t.trim_start_matches(|c: char| c.is_ascii_digit() || ".、．".contains(c)).trim_start();
    let k = template::key(t);
    // The middle of a template work item broken over lines (联盟等加强与国外相关组).
    if k.chars().count() >= 6 && template::WORK_ITEMS.iter().any(|(_, w)| template::key(w).contains(&k)) {
        return true;
    }
    k.chars().count() >= 4
        && (template::focus_of_text(t, true).is_some()
            || template::work_item_match(t, true).is_some()
            || template::work_item_match(t, false).is_some())
        || ACTION_VERBS.iter().any(|v| t.starts_with(v))
}

/// Does a line begin a row: a focus number or area, or the beginning of a template work item?
fn starts_row(t: &str) -> bool {
    let number = t.trim_end_matches(['.', '、', '．']);
    let t = t.trim_start_matches(|c: char| c.is_ascii_digit() || ".、．".contains(c)).trim_start();
    !number.is_empty() && number.chars().all(|c| c.is_ascii_digit())
        || template::key(t).chars().count() >= 4
            && (template::focus_of_text(t, true).is_some()
                || template::work_item_match(t, true).is_some()
                || template::work_item_match(t, false).is_some())
}

/// Can a department cell begin with this text: it names a body, or begins like a name (省知…, 责任部门：…)?
fn cell_start(text: &str) -> bool {
    cell_named(text)
        || ["省", "市", "区", "县", "自治区", "各", "国家", "责任部门", "牵头", "配合部门"]
            .iter()
            .any(|w| text.starts_with(w))
}

/// A narrow line that begins a department cell written as a sentence (质监局提供标准化…).
fn sentence_cell_start(t: &str) -> bool {
    let chars: Vec<char> = t.chars().collect();
    width(t) <= 10.0
        && (2..chars.len()).any(|k| {
            let head: String = chars[..k].iter().collect();
            let rest: String = chars[k..].iter().collect();
            // A verb with an object (质监局提供标准化), not a role word closing a list (省局会同).
            cell_body(&head)
                && ["提供", "负责", "指导", "做好"].iter().any(|v| rest.starts_with(v) && rest.chars().count() >= 4)
        })
}

/// A part of a department cell without the role words and their pieces around it (商务委牵头 → 商务委).
fn strip_role_pieces(p: &str) -> &str {
    let mut p = p.trim_end_matches('等');
    for w in ["牵头", "配合", "负责", "会同", "牵", "配"] {
        p = p.trim_end_matches(w);
    }
    for w in ["合部门", "部门", "头", "合", "门", "："] {
        p = p.trim_start_matches(w);
    }
    p
}

/// Is the text so far of a department cell complete: its last name ends like a body, not with a
/// separator, a role word or half a name (知识产权局、厅 / 际联席会议…)?
fn cell_closed(text: &str) -> bool {
    let text = text.strip_suffix('。').unwrap_or(text);
    let parts: Vec<&str> = text.split(['、', '，', ',', '：']).collect();
    let Some(last) = parts.last() else { return false };
    if ROLE_PIECES.contains(last) {
        return false;
    }
    let mut name = last.trim_end_matches('等');
    for w in ["牵头", "负责", "配合", "会同"] {
        name = name.trim_end_matches(w);
    }
    let half = parts.len() > 1 && name.chars().count() <= 1;
    !half && balanced(text) && cell_body(name)
}

/// Does the text of a department cell name a body at all?
fn cell_named(text: &str) -> bool {
    text.split(['、', '，', ',', '；', ';', '（', '(', '）', ')'])
        .any(|p| !p.is_empty() && cell_body(strip_role_pieces(p)))
}

/// An open department cell: its first and last line and its text so far.
struct OpenCell {
    start: u32,
    last: u32,
    text: String,
}

/// The department cells of a stretch of seed lines, as line ranges. Cells are read from the last
/// pieces of lines; a cell whose text ends open (、, 省知, 配) goes on on the next content line.
pub fn department_cells(lines: &[Line]) -> Vec<[u32; 2]> {
    let mut cells: Vec<([u32; 2], String)> = Vec::new();
    let mut open: Option<OpenCell> = None;
    // The last content line closed a cell.
    let mut closed_run = false;
    // A cell cut off by other content (a measure's tail printed mid-cell): its index, so that its
    // rest (… / 监管委配合) is not counted again.
    let mut resume: Option<usize> = None;
    // A department cell written as a sentence over narrow lines, until a line ends it with 。.
    let mut sentence: Option<u32> = None;
    // The measure beside the last cell was cut mid-sentence: after a page break its tail and the
    // rest of the same department cell follow (…专 省知识产权局 / header / 利质押…。 / 省政府金融办…).
    let mut measure_open = false;
    let mut pending: Option<usize> = None;
    let mut broke = false;
    for l in lines {
        if l.text.is_empty() {
            continue;
        }
        if is_page_number(&l.text) || is_header(&l.text) {
            broke = pending.is_some();
            continue;
        }
        let t = normalise(&l.text);
        if let Some(start) = sentence {
            if width(&t) <= 10.0 && !other_column(&t) {
                if t.ends_with('。') {
                    cells.push(([start, l.no], String::new()));
                    sentence = None;
                }
                continue;
            }
            sentence = None;
        }
        if open.is_none() && sentence_cell_start(&t) {
            sentence = Some(l.no);
            closed_run = false;
            continue;
        }
        let mut pieces = line_pieces(&l.text);
        let printed = pieces.len();
        // The next row's work item printed after a department cell on the same line.
        while pieces.len() > 1 && pieces.last().is_some_and(|p| starts_row(&normalise(p))) {
            pieces.pop();
        }
        // The trailing pieces that can belong to a department cell.
        let mut tail: Vec<&str> = Vec::new();
        for p in pieces.iter().rev() {
            let joined = std::iter::once(p.as_str()).chain(tail.iter().copied()).collect::<Vec<_>>().join("、");
            if department_piece(&joined) {
                tail.insert(0, p.as_str());
            } else {
                break;
            }
        }
        let tail_text = tail.concat();
        let whole = !tail.is_empty() && tail.len() == printed;
        // How the rest of a cut cell begins: half a name (保局、…, 门：…), an open bracket, or a name.
        let half_start = tail_text.split(['、', '，', ',', '：']).next().is_some_and(|p| p.chars().count() <= 2);
        let plausible_rest = half_start || !balanced(&tail_text) || cell_start(&tail_text);
        let first = pieces.first().map(|p| normalise(p)).unwrap_or_default();
        if starts_row(&first) {
            pending = None;
        }
        if let Some(other) = pieces.len().checked_sub(tail.len() + 1).and_then(|k| pieces.get(k)) {
            let o = normalise(other);
            if !other_column(&o) {
                // A new measure paragraph after the cut one ended: the cell is not continued.
                if !measure_open && broke {
                    pending = None;
                }
                measure_open = !o.ends_with(['。', '；']);
            }
        }
        if let (Some(k), true, false) = (pending, broke, tail.is_empty()) {
            if open.is_none() && cell_start(&tail_text) {
                resume = Some(k);
            }
        }
        if cell_start(&tail_text) {
            pending = None;
            broke = false;
        }
        if let Some(mut cell) = open.take() {
            // A short line (识产权局管理 / 处) or a department tail goes on with the open cell, also
            // on a line that carries other columns' tails (度 策。 工商局、省新…).
            let short = tail.is_empty() && width(&t) <= 8.0 && !t.contains(['。', '；']) && !other_column(&t);
            if whole || short || !tail.is_empty() {
                cell.text.push_str(if short { &t } else { &tail_text });
                cell.last = l.no;
                if cell_closed(&cell.text) {
                    if cell_named(&cell.text) {
                        cells.push(([cell.start, cell.last], cell.text));
                        pending = measure_open.then(|| cells.len() - 1);
                    }
                    closed_run = true;
                } else {
                    open = Some(cell);
                }
                continue;
            }
            // Other content: the open cell ended on its last line.
            if cell_named(&cell.text) {
                cells.push(([cell.start, cell.last], cell.text));
                resume = Some(cells.len() - 1);
            }
            closed_run = false;
        }
        if starts_row(&first) {
            resume = None;
        }
        if tail.is_empty() {
            closed_run = false;
            continue;
        }
        // The rest of a cell that was cut off, or a line after a closed cell that is all
        // department text (a cell separated only by line breaks, 省知识产权局 / 代办处、…).
        // After a closed cell, only a line that begins with half a name (保局、…, 门：…) or names a
        // body goes on with it: a line such as 广泛开展知识产权普及教育 is the next row's.
        let reopen = match resume {
            Some(k) if plausible_rest => {
                resume = None;
                Some(k)
            }
            Some(_) => None,
            None if closed_run && whole && (half_start || !balanced(&tail_text) || cell_named(&tail_text)) => {
                cells.len().checked_sub(1)
            }
            None => None,
        };
        // A narrow line of its own that names the start of a body (知识产权战略实施 / 领导小组…).
        let own_line = whole && tail_text.starts_with("知识产权");
        if reopen.is_none() && !cell_start(&tail_text) && !own_line {
            closed_run = false;
            continue;
        }
        let mut cell = match reopen.filter(|k| *k + 1 == cells.len()) {
            Some(_) => {
                let (range, text) = cells.pop().unwrap_or(([l.no, l.no], String::new()));
                OpenCell { start: range[0], last: l.no, text: text + &tail_text }
            }
            None => OpenCell { start: l.no, last: l.no, text: tail_text },
        };
        cell.last = l.no;
        if cell_closed(&cell.text) {
            if cell_named(&cell.text) {
                cells.push(([cell.start, cell.last], cell.text));
                pending = measure_open.then(|| cells.len() - 1);
                closed_run = true;
            } else {
                closed_run = false;
            }
        } else {
            open = Some(cell);
            closed_run = false;
        }
    }
    if let Some(cell) = open {
        if cell_named(&cell.text) {
            cells.push(([cell.start, cell.last], cell.text));
        }
    }
    cells.into_iter().map(|(range, _)| range).collect()
}

/// For each plan read from a table (its records have work items), compare its records with the
/// department cells counted in its seed lines, and find records holding several cells.
fn table_counts(data: &crate::model::Dataset, sources: &[(&str, &str)]) -> Vec<Finding> {
    let mut out = Vec::new();
    for (path, text) in sources {
        let plans: Vec<&Plan> = data.plans.iter().filter(|p| p.source == *path).collect();
        let mut starts: Vec<(u32, &Plan)> = plans
            .iter()
            .filter_map(|p| {
                let ms: Vec<&Measure> = data.measures.iter().filter(|m| m.plan == p.id).collect();
                let table = ms.iter().filter(|m| m.work_item.is_some()).count() * 2 > ms.len();
                let first = ms.iter().map(|m| m.lines[0]).min()?;
                table.then_some((first, *p))
            })
            .collect();
        if starts.is_empty() {
            continue;
        }
        starts.sort_by_key(|(l, _)| *l);
        let lines = split_lines(text);
        for (k, (first, plan)) in starts.iter().enumerate() {
            let end = starts.get(k + 1).map(|s| s.0 - 1).unwrap_or(lines.len() as u32);
            let stretch = lines.get(*first as usize - 1..end as usize).unwrap_or(&[]);
            let cells = department_cells(stretch);
            let ms: Vec<&Measure> = data.measures.iter().filter(|m| m.plan == plan.id).collect();
            if cells.len() != ms.len() {
                out.push(Finding {
                    check: "row_count",
                    plan: plan.id.clone(),
                    measure: None,
                    source: path.to_string(),
                    lines: [*first, end],
                    message: format!("{} records, {} department cells in the seed lines", ms.len(), cells.len()),
                });
            }
            for m in ms {
                let inside: Vec<&[u32; 2]> =
                    cells.iter().filter(|c| m.lines[0] <= c[0] && c[1] <= m.lines[1]).collect();
                if inside.len() >= 2 {
                    let at: Vec<String> = inside.iter().map(|c| format!("{}-{}", c[0], c[1])).collect();
                    out.push(Finding {
                        check: "record_spans_rows",
                        plan: plan.id.clone(),
                        measure: Some(m.id.clone()),
                        source: path.to_string(),
                        lines: m.lines,
                        message: format!("{} department cells (lines {}) in one record", inside.len(), at.join(", ")),
                    });
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Department;

    fn measure(work: Option<&str>, text: Option<&str>, departments: &[&str]) -> Measure {
        Measure {
            id: "x-2018-001".into(),
            plan: "x-2018".into(),
            no: None,
            chapter: String::new(),
            focus_no: None,
            work_item: work.map(str::to_string),
            title: None,
            text: text.map(str::to_string),
            departments: departments
                .iter()
                .map(|n| Department { name: n.to_string(), role: None, agency: canonical_agency(n).to_string() })
                .collect(),
            themes: Vec::new(),
            lines: [1, 2],
        }
    }

    fn vocab(names: &[&str]) -> BTreeMap<String, usize> {
        let mut v = BTreeMap::new();
        for n in names {
            *v.entry(n.to_string()).or_insert(0) += 1;
        }
        v
    }

    #[test]
    fn text_missing_is_found() {
        assert!(no_text(&measure(Some("商标富农工作"), None, &["省工商局"])).is_some());
        assert!(no_text(&measure(Some("商标富农工作"), Some(" "), &[])).is_some());
        assert!(no_text(&measure(None, Some("开展评选工作。"), &[])).is_none());
    }

    #[test]
    fn department_fragments() {
        let v = vocab(&[
            "知识产权局",
            "知识产权局",
            "识产权局",
            "省知识产权局",
            "市工商局",
            "工商局",
            "省知",
            "北京海关",
            "海关",
        ]);
        for bad in ["委", "省知", "识产权局", "合部门：市工商局", "局）、人力资源社会保障局", "市知识产权局配", "单位"]
        {
            assert!(department_fragment(bad, &v).is_some(), "{bad}");
        }
        for good in ["工商局", "省知识产权局", "海关", "省知识产权局执法处（维权信息中心）", "新闻出版广电局（版权局）"]
        {
            assert_eq!(department_fragment(good, &v), None, "{good}");
        }
    }

    #[test]
    fn departments_glued_to_tasks_or_bodies() {
        for bad in
            ["郑州海关加大国家展会", "工商局版权局", "省农业厅海关广东分署", "将“拒不执行已生效的专利侵权行为行政"]
        {
            assert!(department_glued(bad).is_some(), "{bad}");
        }
        for good in [
            "省知识产权局执法处（维权信息中心）",
            "市政府办公厅",
            "南宁高新区管委会",
            "崂山区科技创新委员会",
            "省知识产权局代办处",
            "市投资促进局",
            "省知识产权工作领导小组成员单位",
            "省知识产权局奖励（金融）办",
        ] {
            assert_eq!(department_glued(good), None, "{good}");
        }
    }

    #[test]
    fn unknown_bodies() {
        let v = vocab(&[]);
        assert_eq!(department_problem("证明材料", &v).map(|p| p.0), Some("department_unknown"));
        assert_eq!(department_problem("市知识产权局", &v), None);
        assert_eq!(department_problem("某某协作中心", &v), None);
        assert_eq!(department_problem("自治区知识产权厅际联席会议", &v), None);
        assert_eq!(department_problem("知识产权培训基地", &v), None);
    }

    #[test]
    fn work_items_that_are_not_plausible() {
        let check = |w: &str| work_item_problem(w).map(|p| p.0);
        assert_eq!(check("项目。"), Some("work_item_fragment"));
        assert_eq!(check("全知识产权转移转化机构"), Some("work_item_fragment"));
        assert_eq!(check("加强国内外知名地理标志"), Some("work_item_fragment"));
        assert_eq!(check("广泛开展知识产权普及型教育；加强知识产权公益宣传和咨询服务"), Some("work_item_merged"));
        assert_eq!(check("开展知识产权培训。组织企业参加专利代理人考试。"), Some("work_item_measure_like"));
        // Template wording (punctuation aside), the catch-all without its label, and own items.
        assert_eq!(check("按国家有关规定设置知识产权奖励项目"), None);
        assert_eq!(check("未列入但地方开展的创新性工作"), None);
        assert_eq!(check("加强版权交易平台建设"), None);
        assert_eq!(check("持续推进全省执法维权体系建设。"), None);
    }

    #[test]
    fn text_with_a_work_item_or_a_department() {
        let next_row = "实施人才培养工程。鼓励各地引进高端知识产权人才引进京津高端人才。";
        assert!(text_holds_work_item(next_row, Some("鼓励我国知识产权人才获得海外相应资格证书")).is_some());
        // The template's words used in the measure, or the record's own item repeated.
        assert!(text_holds_work_item("加大宣传力度，营造良好社会氛围。", Some("加强海关知识产权保护")).is_none());
        assert!(text_holds_work_item("加强海关知识产权保护制度建设。", Some("加强海关知识产权保护")).is_none());
        assert!(text_holds_department("开展专项执法行动。市知识产权局、市工商局").is_some());
        assert!(text_holds_department("开展专项执法行动。市知识产权局配合部门：市工商局").is_some());
        assert!(text_holds_department("开展专项执法行动（省知识产权局牵头）").is_some());
        assert!(text_holds_department("开展专项执法行动。").is_none());
        assert!(text_holds_department("开展专项执法行动，推进市知识产权局、市工商局协作。").is_none());
        assert!(text_holds_department("服务产业发展。探索建立西安知识产权保护中心。").is_none());
    }

    #[test]
    fn unfinished_sentences() {
        assert!(text_unfinished("着力推进保护中心建设工作。完成保护中心方案的制").is_some());
        assert!(text_unfinished("产品的").is_some());
        assert!(text_unfinished("着力推进保护中心建设工作。").is_none());
        assert!(text_unfinished("开通“绿色通道”").is_none());
        // A phrase or a list cell needs no full stop.
        assert!(text_unfinished("继续抓好国家知识产权示范和优势企业培育工作").is_none());
    }

    #[test]
    fn duplicates_and_passages() {
        let a = measure(Some("加大宣传力度"), Some("开展宣传周活动。"), &[]);
        let mut b = a.clone();
        b.id = "x-2018-002".into();
        b.text = Some("开展培训。".into());
        let mut c = a.clone();
        c.id = "x-2018-003".into();
        let found = duplicates(&[&a, &b, &c]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "x-2018-003");
        assert!(found[0].1.contains("x-2018-001"));
        assert!(duplicates(&[&a, &b]).is_empty());
        let p =
            |h: &str| Passage {
                plan: "x".into(), heading: Some(h.into()), text: "各级政府要…".into(), lines: [1, 1]
            };
        assert!(passage_like_measure(&p("加强组织领导")).is_some());
        assert!(passage_like_measure(&p("指导思想")).is_none());
        assert!(passage_like_measure(&p("坚持改革创新")).is_none());
    }

    #[test]
    fn department_cells_are_counted_from_lines() {
        let text = "探索开展知识产权综合管\n理改革试点 完善机制。\n市知识产权局 配\n合部门：市工商局、\n\n市高院\n\
                    知识产权服务业集聚区建\n设 一是加强建设。\n 序号 工作重点 工作内容 具体举措及成果形式 责任部门 \n二是推进开放。 市知识产权局、市\n发改委\n\
                    重大经济活动知识产权评\n议 开展评议工作。\n市知识产权局";
        let cells = department_cells(&split_lines(text));
        assert_eq!(cells, vec![[3, 6], [10, 11], [14, 14]]);
        // A measure line that happens to end with a body is too wide to be a department cell.
        let wide = split_lines("推进知识产权领域信息共享，建立收集假冒产品来源地信息工作机制，会同市知识产权局");
        assert!(department_cells(&wide).is_empty());
    }

    #[test]
    fn explanations_match_and_go_stale() {
        let f = Finding {
            check: "no_text",
            plan: "x-2018".into(),
            measure: Some("x-2018-001".into()),
            source: "s".into(),
            lines: [10, 14],
            message: "no text; work item “商标富农工作”".into(),
        };
        let toml = "[[explained]]\ncheck = \"no_text\"\nline = 12\nquote = \"商标富农\"\nreason = \"empty cell\"\n\
                    [[explained]]\ncheck = \"no_text\"\nline = 30\nreason = \"elsewhere\"\n";
        let e = parse_explanations(toml).unwrap();
        let report = reconcile(vec![f], &e);
        assert_eq!(report.findings[0].1, Some(0));
        assert_eq!(report.stale, vec![1]);
        assert_eq!(report.unexplained().count(), 0);
        assert!(parse_explanations("[[explained]]\ncheck = \"nope\"\nline = 1\nreason = \"r\"\n").is_err());
        assert!(parse_explanations("[[explained]]\ncheck = \"no_text\"\nreason = \"r\"\n").is_err());
    }
}
