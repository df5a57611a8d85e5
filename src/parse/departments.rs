//! Split a department clause into names with roles: `(X牵头，Y、Z配合)`, `X配合部门：Y`,
//! `X会同Y`, `X等各有关部门负责`, plain lists, and clauses written as sentences.

use crate::agency::{canonical_agency, looks_like_body};
use crate::model::{Department, Role};

/// Role words that close a group of names, and the role they give.
const ROLE_WORDS: &[(&str, Role)] = &[
    ("牵头", Role::Lead),
    ("负责", Role::Lead),
    ("主办", Role::Lead),
    // 各市州人民政府落实 / 组织实施: the bodies that carry the task out where they are.
    ("组织实施", Role::Lead),
    ("落实", Role::Lead),
    ("配合", Role::Support),
    ("参与", Role::Support),
    ("协助", Role::Support),
    ("协办", Role::Support),
];

/// Labels that open a group: `责任部门：X`, `配合部门：Y`.
const LABELS: &[(&str, Role)] = &[
    ("责任部门：", Role::Lead),
    ("责任单位：", Role::Lead),
    ("牵头部门：", Role::Lead),
    ("牵头单位：", Role::Lead),
    ("主责部门：", Role::Lead),
    // A bureau's ledger names its own sections: 牵头科室（单位）：计划科、…
    ("牵头科室（单位）：", Role::Lead),
    ("牵头科室(单位)：", Role::Lead),
    ("牵头科室：", Role::Lead),
    ("责任科室：", Role::Lead),
    ("牵头处室：", Role::Lead),
    ("责任处室：", Role::Lead),
    ("配合科室：", Role::Support),
    ("配合处室：", Role::Support),
    ("配合部门：", Role::Support),
    ("配合单位：", Role::Support),
    ("协办单位：", Role::Support),
    ("参与部门：", Role::Support),
    // A cell that labels its roles with the role word alone: 牵头：X；配合：Y.
    ("牵头：", Role::Lead),
    ("配合：", Role::Support),
    ("协办：", Role::Support),
];

/// Labels of the official in charge (`责任领导：李某`), a person and no body: the name under one
/// is dropped up to the next label.
const OFFICIAL_LABELS: &[&str] = &["责任领导：", "分管领导：", "牵头领导：", "责任人："];

/// The clause without the officials it names (`责任领导：李某；牵头科室：计划科` as
/// `牵头科室：计划科`): each official label's text runs to the next department label.
fn without_officials(clause: &str) -> String {
    let mut out = clause.to_string();
    while let Some(at) = OFFICIAL_LABELS.iter().filter_map(|l| out.find(l)).min() {
        let rest = &out[at..];
        let skip = OFFICIAL_LABELS.iter().find(|l| rest.starts_with(**l)).map_or(0, |l| l.len());
        let end = LABELS.iter().filter_map(|(l, _)| rest[skip..].find(l)).min().map_or(out.len(), |e| at + skip + e);
        out.replace_range(at..end, "");
    }
    out
}

/// Notes a division plan prints inside a clause to say that the body it lists first leads and
/// the others support (`（省编办、省科技厅负责。列第一位者为牵头部门，下同）`), as the 分工方案 of
/// the State Council and of provinces do.
const FIRST_LEADS_NOTES: &[&str] = &[
    "列第一位者为牵头部门",
    "列第一位者为牵头单位",
    "列第一位的为牵头部门",
    "列第一位的为牵头单位",
    "排在第一位的为牵头部门",
    "排在第一位的为牵头单位",
    "排在第一位的部门为牵头部门",
    "排在第一位的单位为牵头单位",
    "排名第一的为牵头部门",
    "排名第一的为牵头单位",
];

/// Where such a note stands at the end of a clause, before its closing bracket: (start, end,
/// whether it holds for the clauses after it too, `下同`). The start takes the stop before it.
pub(crate) fn first_leads_note(text: &str) -> Option<(usize, usize, bool)> {
    let (at, note) = FIRST_LEADS_NOTES.iter().find_map(|n| text.find(n).map(|at| (at, *n)))?;
    let start = text[..at].trim_end_matches(['。', '，', ',', '；', ';']).len();
    let mut end = at + note.len();
    let rest = &text[end..];
    let same_below = ["，下同", ",下同", "；下同", "。下同", "下同"].iter().find(|w| rest.starts_with(**w));
    if let Some(w) = same_below {
        end += w.len();
    }
    end += text[end..].len() - text[end..].trim_start_matches('。').len();
    // Only the note that closes its clause: the bracket ends right after it.
    text[end..].starts_with(['）', ')']).then_some((start, end, same_below.is_some()))
}

/// Does a line carry such a note for the clauses below it too (`…列第一位者为牵头部门，下同）`)?
pub(crate) fn first_leads_below(text: &str) -> bool {
    FIRST_LEADS_NOTES.iter().any(|n| {
        text.split_once(n)
            .is_some_and(|(_, rest)| rest.starts_with(['，', ',', '；', '。', '下']) && rest.contains("下同"))
    })
}

/// Bodies a clause lists all as leads, read under such a note: the first leads, the others support.
pub(crate) fn first_listed_leads(departments: &mut [Department]) {
    if departments.len() >= 2 && departments.iter().all(|d| d.role == Some(Role::Lead)) {
        for d in &mut departments[1..] {
            d.role = Some(Role::Support);
        }
    }
}

/// Labels of a deadline after a department clause.
const TIME_LABELS: &[&str] =
    &["完成时限：", "完成时间：", "完成期限：", "时间节点：", "时间安排：", "时间进度：", "时限："];

/// A clause without the deadline printed after its names, also after a stop of its own
/// (`（责任单位：…按职责分工负责。完成时限：持续推进）`, Liaoning 2024), either colon's width.
pub(crate) fn before_deadline(clause: &str) -> &str {
    let at = TIME_LABELS
        .iter()
        .flat_map(|l| [l.to_string(), l.replace('：', ":")])
        .filter_map(|l| clause.find(l.as_str()))
        .min();
    match at {
        Some(at) => clause[..at].trim_end_matches(['。', '；', ';', '，', ',', ' ']),
        None => clause,
    }
}

/// Parse a department clause. `default_role` is the role of names when the clause tells no roles
/// apart: lead for documents whose clauses name the bodies in charge (000, 002), null for table
/// cells of 003. The clause may still carry its brackets and whitespace.
pub fn parse_departments(clause: &str, default_role: Option<Role>) -> Vec<Department> {
    let clause: String = clause.chars().filter(|c| !c.is_whitespace()).collect();
    let clause = strip_brackets(&clause);
    let clause = clause.replace(':', "：").replace(',', "，").replace(';', "；");
    // A deadline printed after the names (责任单位：X 完成时限：2023年底前) is no name: like a
    // table's time column it belongs to no record field.
    let clause = match TIME_LABELS.iter().filter_map(|l| clause.find(l)).min() {
        Some(at) => clause[..at].to_string(),
        None => clause,
    };
    let clause = without_officials(&clause);
    // 局内：/局外： sort names without giving roles; 按职责分工 qualifies the role word after it.
    let clause = clause.replace("局内：", "、").replace("局外：", "、");
    // A role marked after a name in brackets: 县金融办（牵头）、县市场监管局.
    let clause = ["（牵头）", "(牵头)", "（配合）", "(配合)"]
        .iter()
        .fold(clause, |c, m| c.replace(m, m.trim_matches(['（', '(', '）', ')'])));
    // 牵头负责 is one role word: X牵头负责、Y配合 is X牵头、Y配合. X、Y分工负责: the bodies share the
    // task out among them, each in charge of its part.
    let clause = clause
        .replace("按职责分工", "")
        .replace("按职责", "")
        .replace("分别负责", "负责")
        .replace("分工负责", "负责")
        .replace("牵头负责", "牵头");
    let clause = clause.trim_start_matches(['、', '；', '，']).trim_end_matches(['。', '；', '，', '、']);
    let clause = without_own_scope(clause);
    let clause = with_shared_suffix(&clause);
    let clause = clause.as_str();
    if clause.is_empty() {
        return Vec::new();
    }
    if is_sentence(clause) {
        return sentence_names(clause);
    }
    let groups = role_groups(clause);
    let any_role = groups.iter().any(|(_, role)| role.is_some());
    let mut out: Vec<Department> = Vec::new();
    for (text, role) in groups {
        let role = match role {
            Some(r) => Some(r),
            None if any_role => Some(Role::Lead),
            None => default_role,
        };
        // A time in the list (X负责，2023年6月底前完成) is a deadline, no name.
        for name in split_names(&text).into_iter().filter(|n| !is_time(n)) {
            if !out.iter().any(|d| d.name == name && d.role == role) {
                out.push(Department { agency: canonical_agency(&name).to_string(), name, role });
            }
        }
    }
    out
}

/// A role word qualified by the scope each body keeps (`X、Y负责各自领域工作`, `X、Y牵头各自
///职责范围内的工作`): the words from 各自 to the next separator say what each does, not who, so
/// the clause is the list with its role word.
fn without_own_scope(clause: &str) -> String {
    let mut out = String::with_capacity(clause.len());
    let mut rest = clause;
    // The earliest role word left, and the text after it.
    let next = |t: &str| ROLE_WORDS.iter().filter_map(|(w, _)| t.find(w).map(|i| i + w.len())).min();
    while let Some(after) = next(rest) {
        out.push_str(&rest[..after]);
        rest = &rest[after..];
        if rest.starts_with("各自") {
            rest = &rest[rest.find(['，', '；']).unwrap_or(rest.len())..];
        }
    }
    out.push_str(rest);
    out
}

/// A list whose bodies share the last one's level and ending, printed once (`市知识产权、工商、
/// 版权局` is 市知识产权局、市工商局、市版权局), written out in full; other text as it is.
pub fn with_shared_suffix(clause: &str) -> String {
    let separators = ['，', '；', ',', ';'];
    clause
        .split_inclusive(separators)
        .map(|part| {
            let list = part.trim_end_matches(separators);
            expand_list(list) + &part[list.len()..]
        })
        .collect()
}

/// One 、 list of [`with_shared_suffix`].
fn expand_list(part: &str) -> String {
    let items: Vec<&str> = part.split('、').collect();
    let Some((last, heads)) = items.split_last() else { return part.to_string() };
    // The ending the last body closes with, before any role word (…版权局负责).
    let bare = ROLE_WORDS.iter().find_map(|(w, _)| last.strip_suffix(w)).unwrap_or(last);
    let ending = bare.chars().next_back().filter(|c| "局委厅办".contains(*c));
    let level = heads.first().and_then(|h| h.chars().next()).filter(|c| "省市区县".contains(*c));
    // A head with a role word (省国资委牵头、省科技厅配合) is a body with its role, not a stem.
    let short = |h: &str| {
        (2..=6).contains(&h.chars().count())
            && h.chars().all(crate::index::is_han)
            && !ROLE_WORDS.iter().any(|(w, _)| h.contains(w))
    };
    let (Some(ending), Some(level)) = (ending, level) else { return part.to_string() };
    if heads.is_empty() || !heads.iter().all(|h| short(h) && !looks_like_body(h)) {
        return part.to_string();
    }
    let with_level = |h: &str| if h.starts_with(level) { h.to_string() } else { format!("{level}{h}") };
    let mut names: Vec<String> = heads.iter().map(|h| format!("{}{ending}", with_level(h))).collect();
    names.push(with_level(last));
    names.join("、")
}

/// Words that say when, not who: `2023年底前`, `6月底`, `持续推进`.
fn is_time(name: &str) -> bool {
    let dated = name.chars().any(|c| c.is_ascii_digit()) && name.contains(['年', '月']);
    dated || ["前", "底", "完成", "持续推进", "长期坚持", "持续开展", "常态化推进"].iter().any(|w| name.ends_with(w))
}

/// Remove one pair of enclosing brackets, full-width or ASCII.
/// Brackets that never nest inside a department clause (`〔市市场监管局负责〕`, `[牵头单位:省市场监管局]`),
/// unlike round ones, which a clause's names may hold.
pub(crate) const CLAUSE_BRACKETS: [(char, char); 4] = [('〔', '〕'), ('【', '】'), ('[', ']'), ('［', '］')];

/// Round brackets of either width, mixed as documents mix them.
const ROUND_BRACKETS: [(char, char); 4] = [('（', '）'), ('(', ')'), ('（', ')'), ('(', '）')];

fn strip_brackets(s: &str) -> &str {
    let s = s.trim();
    for (open, close) in ROUND_BRACKETS.into_iter().chain(CLAUSE_BRACKETS) {
        if let Some(inner) = s.strip_prefix(open).and_then(|t| t.strip_suffix(close)) {
            if balanced(inner) {
                return inner;
            }
        }
    }
    s
}

/// Are the brackets of `s` (either width) balanced? (Also whether stripping an outer pair was right.)
pub(crate) fn balanced(s: &str) -> bool {
    let mut depth = 0i32;
    for c in s.chars() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => {
                depth -= 1;
                if depth < 0 {
                    return false;
                }
            }
            _ => {}
        }
    }
    depth == 0
}

/// A clause written as prose (`质监局提供…指导，农业部门负责安全质量监管…`) rather than a list.
fn is_sentence(clause: &str) -> bool {
    if clause.contains('。') {
        return true;
    }
    // A role word followed by more words, not by a separator, is a verb in a sentence.
    top_level_parts(clause, &['，', '；']).iter().any(|part| {
        ROLE_WORDS.iter().any(|(w, _)| {
            part.match_indices(w).any(|(i, _)| {
                let rest = &part[i + w.len()..];
                !rest.is_empty()
                    && !rest.starts_with(['、', '，', '：'])
                    && !rest.starts_with("部门")
                    && !rest.starts_with("单位")
                    && !rest.starts_with("科室")
                    && !rest.starts_with("处室")
            })
        })
    }) || clause.chars().count() > 60 && !clause.contains('、')
}

/// Names from a sentence: the body each clause begins with, without a role (the sentence
/// describes duties rather than lead and support).
fn sentence_names(clause: &str) -> Vec<Department> {
    let mut out: Vec<Department> = Vec::new();
    for part in top_level_parts(clause, &['，', '；', '。']) {
        if let Some(name) = leading_body(&part) {
            if !out.iter().any(|d| d.name == name) {
                out.push(Department { agency: canonical_agency(&name).to_string(), name, role: None });
            }
        }
    }
    out
}

/// The shortest prefix of a clause that ends like a body and is followed by a verb.
fn leading_body(part: &str) -> Option<String> {
    let chars: Vec<char> = part.chars().collect();
    for end in 2..=chars.len().min(16) {
        let prefix: String = chars[..end].iter().collect();
        let rest: String = chars[end..].iter().collect();
        let is_verb = ROLE_WORDS.iter().any(|(w, _)| rest.starts_with(w))
            || ["提供", "做好", "开展", "加强", "指导", "组织"].iter().any(|v| rest.starts_with(v));
        if looks_like_body(&prefix) && is_verb {
            return Some(prefix);
        }
    }
    None
}

/// Split a clause into groups of names that share a role.
fn role_groups(clause: &str) -> Vec<(String, Option<Role>)> {
    // Labelled form: 责任部门：X 配合部门：Y.
    if let Some(groups) = labelled_groups(clause) {
        return groups;
    }
    // X会同Y: X leads, Y supports. The role word closing it (X会同Y负责) is the whole
    // clause's: it says that X, with Y's help, is in charge, not that Y leads as well.
    if let Some(i) = clause.find("会同") {
        let (lead, support) = (&clause[..i], &clause[i + "会同".len()..]);
        let support = ROLE_WORDS
            .iter()
            .filter(|(_, role)| *role == Role::Lead)
            .find_map(|(w, _)| support.strip_suffix(w))
            .unwrap_or(support);
        let mut groups = role_groups(lead);
        for g in &mut groups {
            if g.1.is_none() {
                g.1 = Some(Role::Lead);
            }
        }
        let mut rest = role_groups(support);
        for g in &mut rest {
            if g.1.is_none() {
                g.1 = Some(Role::Support);
            }
        }
        groups.extend(rest);
        return groups;
    }
    // Role words close groups: X牵头，Y、Z配合 / X牵头、Y配合.
    let mut groups = Vec::new();
    let mut current = String::new();
    let mut depth = 0;
    let mut rest = clause;
    while let Some(c) = rest.chars().next() {
        if depth == 0 {
            if let Some((w, role)) = ROLE_WORDS.iter().find(|(w, _)| rest.starts_with(w)) {
                let after = &rest[w.len()..];
                if after.is_empty() || after.starts_with(['，', '、', '；']) {
                    groups.push((std::mem::take(&mut current), Some(*role)));
                    rest = after.trim_start_matches(['，', '、', '；']);
                    continue;
                }
            }
            if c == '；' || c == '，' {
                // A leading unmarked list closed by a comma stands alone (X，Y配合: X leads);
                // after a role word, a comma keeps two unmarked lists in one group.
                if groups.is_empty() && !current.is_empty() {
                    groups.push((std::mem::take(&mut current), None));
                } else {
                    current.push('、');
                }
                rest = &rest[c.len_utf8()..];
                continue;
            }
        }
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth -= 1,
            _ => {}
        }
        current.push(c);
        rest = &rest[c.len_utf8()..];
    }
    if !current.trim_matches('、').is_empty() {
        groups.push((current, None));
    }
    groups
}

fn labelled_groups(clause: &str) -> Option<Vec<(String, Option<Role>)>> {
    let mut marks: Vec<(usize, &str, Role)> = LABELS
        .iter()
        .flat_map(|(label, role)| clause.match_indices(label).map(move |(i, _)| (i, *label, *role)))
        .collect();
    if marks.is_empty() {
        return None;
    }
    marks.sort_by_key(|m| m.0);
    // Beside a 牵头 label, 责任单位 names the bodies that carry the task with the lead (as a
    // 责任单位 column beside a 牵头单位 one does): 牵头单位：X；责任单位：Y.
    if marks.iter().any(|m| m.1.starts_with("牵头")) {
        for m in marks.iter_mut().filter(|m| m.1.starts_with("责任")) {
            m.2 = Role::Support;
        }
    }
    let mut groups = Vec::new();
    let head = &clause[..marks[0].0];
    if !head.trim_matches(['，', '、', '；']).is_empty() {
        groups.push((head.to_string(), Some(Role::Lead)));
    }
    for (k, (start, label, role)) in marks.iter().enumerate() {
        let end = marks.get(k + 1).map(|m| m.0).unwrap_or(clause.len());
        // 责任单位：X、Y负责 — the role word repeats the label's role.
        let mut text = clause[start + label.len()..end].trim_end_matches(['，', '；', '、']);
        if let Some((w, _)) = ROLE_WORDS.iter().find(|(w, _)| text.ends_with(w)) {
            text = &text[..text.len() - w.len()];
        }
        // 责任单位：X牵头、Y — a role word inside the list marks X; the others keep the label's role.
        for (names, marked) in role_groups(text) {
            groups.push((names, marked.or(Some(*role))));
        }
    }
    Some(groups)
}

/// Split a list of names on 、，； and on 及/和 between two bodies; handle 等.
fn split_names(list: &str) -> Vec<String> {
    let mut names = Vec::new();
    for part in top_level_parts(list, &['、', '，', '；', '/', '／']) {
        for name in split_conjunction(&part) {
            // X等各有关部门 → X, 各有关部门; X等 → X; a bare 等 / 等部门 is dropped. 等 inside
            // a name (高等院校) is not a list marker.
            let split_at = ["等各", "等有关", "等相关", "等部门", "等单位"]
                .iter()
                .filter_map(|m| name.find(m))
                .min()
                .or_else(|| name.strip_suffix('等').map(|h| h.len()))
                .or_else(|| collective_after_deng(&name));
            match split_at {
                Some(i) => {
                    let (head, tail) = (name[..i].trim(), name[i + '等'.len_utf8()..].trim());
                    if !head.is_empty() {
                        names.push(head.to_string());
                    }
                    if !tail.is_empty() && tail != "部门" && tail != "单位" {
                        names.push(tail.to_string());
                    }
                }
                None => names.push(name),
            }
        }
    }
    names.retain(|n| !n.is_empty());
    names
}

/// `版权局等知识产权相关部门`: a body, 等, then a collective of bodies (…部门, …单位, …机构) is two
/// names, split at that 等 (the 等 of 高等院校 follows no body).
fn collective_after_deng(name: &str) -> Option<usize> {
    let collective = ["部门", "单位", "机构"].iter().any(|e| name.ends_with(e));
    name.match_indices('等').map(|(i, _)| i).find(|&i| collective && looks_like_body(&name[..i]))
}

/// `A及B` and `A和B` name two bodies when both halves end like one.
fn split_conjunction(name: &str) -> Vec<String> {
    for conj in ["及", "和"] {
        for (i, _) in name.match_indices(conj) {
            let (a, b) = (&name[..i], &name[i + conj.len()..]);
            if a.chars().count() >= 2 && looks_like_body(a) && looks_like_body(b) && b.chars().count() >= 3 {
                let mut out = vec![a.to_string()];
                out.extend(split_conjunction(b));
                return out;
            }
        }
    }
    // Two bodies printed without a separator: 省知识产权局省工商局.
    for prefix in ["省", "市"] {
        for (i, _) in name.match_indices(prefix).filter(|(i, _)| *i > 0) {
            let (a, b) = (&name[..i], &name[i..]);
            // A place before 市/省 names one body with it (各设区市政府), not two.
            let place = a.ends_with(['区', '市', '县', '州', '盟', '省']);
            let bodies = looks_like_body(a) && looks_like_body(b);
            if a.chars().count() >= 3 && !place && bodies && b.chars().count() >= 3 {
                let mut out = vec![a.to_string()];
                out.extend(split_conjunction(b));
                return out;
            }
        }
    }
    vec![name.to_string()]
}

/// Split on separators that are not inside brackets.
fn top_level_parts(s: &str, seps: &[char]) -> Vec<String> {
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut depth = 0;
    for c in s.chars() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth -= 1,
            _ => {}
        }
        if depth == 0 && seps.contains(&c) {
            parts.push(std::mem::take(&mut current));
        } else {
            current.push(c);
        }
    }
    parts.push(current);
    parts.into_iter().map(|p| p.trim().to_string()).filter(|p| !p.is_empty()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(clause: &str, default: Option<Role>) -> Vec<(String, Option<Role>)> {
        parse_departments(clause, default).into_iter().map(|d| (d.name, d.role)).collect()
    }

    fn n(name: &str, role: Option<Role>) -> (String, Option<Role>) {
        (name.to_string(), role)
    }

    #[test]
    fn roles_labelled_by_the_role_word_alone() {
        assert_eq!(
            names("牵头：自治区市场监管局；配合：自治区财政厅、自治区发展改革委", None),
            vec![
                n("自治区市场监管局", Some(Role::Lead)),
                n("自治区财政厅", Some(Role::Support)),
                n("自治区发展改革委", Some(Role::Support))
            ]
        );
    }

    #[test]
    fn bodies_that_carry_a_task_out() {
        let lead = Some(Role::Lead);
        assert_eq!(
            names("（省人力资源社会保障厅、省知识产权局按职责分工负责，各市州人民政府落实）", lead),
            vec![n("省人力资源社会保障厅", lead), n("省知识产权局", lead), n("各市州人民政府", lead)]
        );
        assert_eq!(
            names("省市场监管局牵头，各县（市、区）人民政府组织实施", lead),
            vec![n("省市场监管局", lead), n("各县（市、区）人民政府", lead)]
        );
    }

    #[test]
    fn role_word_with_each_bodys_own_scope() {
        // Guizhou 2009: the words after 负责 say each body's field, not who.
        let lead = Some(Role::Lead);
        assert_eq!(
            names("（省工商局、省质监局负责各自领域工作）", lead),
            vec![n("省工商局", lead), n("省质监局", lead)]
        );
        assert_eq!(
            names("市科技局、市市场监管局牵头各自职责范围内的工作，市财政局配合", lead),
            vec![n("市科技局", lead), n("市市场监管局", lead), n("市财政局", Some(Role::Support))]
        );
    }

    const L: Option<Role> = Some(Role::Lead);
    const S: Option<Role> = Some(Role::Support);

    #[test]
    fn plain_list_takes_default_role() {
        assert_eq!(names("（区工商局、经促局）", L), vec![n("区工商局", L), n("经促局", L)]);
        assert_eq!(names("市知识产权局、市\n发改委", None), vec![n("市知识产权局", None), n("市发改委", None)]);
    }

    #[test]
    fn bodies_sharing_an_ending_printed_once() {
        let bureaus = vec![n("市知识产权局", L), n("市工商局", L), n("市版权局", L)];
        assert_eq!(names("（市知识产权、工商、版权局）", L), bureaus);
        let mut with_commission = bureaus.clone();
        with_commission.extend([n("市经信委", L), n("国资委", L)]);
        assert_eq!(names("(市知识产权、工商、版权局,市经信委、国资委)", L), with_commission);
        assert_eq!(names("省发展改革、财政厅负责", None), vec![n("省发展改革厅", L), n("省财政厅", L)]);
        assert_eq!(names("（省国资委牵头、省科技厅配合）", L), vec![n("省国资委", L), n("省科技厅", S)]);
        // Bodies named in full are left as they are.
        assert_eq!(names("（区工商局、经促局）", L), vec![n("区工商局", L), n("经促局", L)]);
    }

    #[test]
    fn a_ledgers_official_is_no_body_and_its_sections_lead() {
        assert_eq!(
            names("责任领导：李建雄；牵头科室(单位)：计划科、科技资源统筹中心基建办完成时限：2018年12月", None),
            vec![n("计划科", L), n("科技资源统筹中心基建办", L)]
        );
        assert_eq!(names("牵头科室：法规科；配合科室：办公室", None), vec![n("法规科", L), n("办公室", S)]);
        assert_eq!(names("责任领导：李建雄", None), vec![]);
    }

    #[test]
    fn a_deadline_after_the_names_is_no_name() {
        assert_eq!(
            names("责任单位：市市场监管局、市委编办完成时限：2023年底前", L),
            vec![n("市市场监管局", L), n("市委编办", L)]
        );
        assert_eq!(
            names("配合单位：市财政局、市金融办时间节点:2024年6月", S),
            vec![n("市财政局", S), n("市金融办", S)]
        );
    }

    #[test]
    fn lead_marked_by_qiantou_fuze_or_brackets() {
        assert_eq!(names("(市委网信办牵头负责、市公安局配合)", L), vec![n("市委网信办", L), n("市公安局", S)]);
        assert_eq!(
            names("(市委网信办牵头负责,市公安局、市文旅局按职责分工负责)", L),
            vec![n("市委网信办", L), n("市公安局", L), n("市文旅局", L)]
        );
        assert_eq!(names("(新闻出版广电总局牵头负责)", None), vec![n("新闻出版广电总局", L)]);
        assert_eq!(
            names("(知识产权保护处牵头,各区知识产权局、临港新片区市场监管局分工负责;持续推进)", L),
            vec![n("知识产权保护处", L), n("各区知识产权局", L), n("临港新片区市场监管局", L)]
        );
        assert_eq!(names("责任单位：县金融办(牵头)、县市场监管局", L), vec![n("县金融办", L), n("县市场监管局", L)]);
    }

    #[test]
    fn a_note_that_the_first_body_leads() {
        // Hainan 2017: the note closes the clause, and holds for the clauses below (下同).
        let t = "建立体系。（省编办、省科技厅负责。列第一位者为牵头部门，下同）";
        let (start, end, below) = first_leads_note(t).unwrap();
        assert_eq!(format!("{}{}", &t[..start], &t[end..]), "建立体系。（省编办、省科技厅负责）");
        assert!(below);
        let (_, _, below) = first_leads_note("（甲局、乙局负责，排在第一位的为牵头单位）").unwrap();
        assert!(!below);
        // A note not closing its clause, or none, is no note.
        assert!(first_leads_note("列第一位者为牵头部门的要加强统筹。").is_none());
        assert!(first_leads_note("（省编办、省科技厅负责）").is_none());
        assert!(first_leads_below("…各市县政府负责。列第一位者为牵头部门,下同)"));
        assert!(!first_leads_below("（甲局、乙局负责，排在第一位的为牵头单位）"));
        let mut d = parse_departments("省编办、省科技厅、省工商局负责", Some(Role::Lead));
        first_listed_leads(&mut d);
        let roles: Vec<_> = d.iter().map(|d| d.role).collect();
        assert_eq!(roles, [Some(Role::Lead), Some(Role::Support), Some(Role::Support)]);
        // Roles the clause tells itself are kept.
        let mut d = parse_departments("甲局牵头，乙局、丙局配合", Some(Role::Lead));
        first_listed_leads(&mut d);
        assert_eq!(d.iter().filter(|d| d.role == Some(Role::Lead)).count(), 1);
    }

    #[test]
    fn a_deadline_after_the_clauses_stop_is_cut_off() {
        assert_eq!(before_deadline("责任单位:省知识产权局牵头。完成时限:持续推进"), "责任单位:省知识产权局牵头");
        assert_eq!(before_deadline("省知识产权局牵头"), "省知识产权局牵头");
    }

    #[test]
    fn a_time_in_the_list_is_no_name() {
        assert_eq!(names("(市市场监管局负责,2023年6月底前完成)", L), vec![n("市市场监管局", L)]);
        assert_eq!(names("(市市场监管局负责,持续推进)", L), vec![n("市市场监管局", L)]);
        assert_eq!(names("(市市场监管局,2023年底)", L), vec![n("市市场监管局", L)]);
    }

    #[test]
    fn responsible_bodies_beside_a_lead_label_support_it() {
        assert_eq!(
            names("牵头单位：区发改局；责任单位：立山经济开发区，全区经济运行各专班", L),
            vec![n("区发改局", L), n("立山经济开发区", S), n("全区经济运行各专班", S)]
        );
        // Alone, or beside a 配合 label, 责任单位 names the bodies in charge.
        assert_eq!(
            names("责任单位：县市场监管局；配合单位：县公安局", L),
            vec![n("县市场监管局", L), n("县公安局", S)]
        );
    }

    #[test]
    fn lead_and_support() {
        assert_eq!(names("(省知识产权局牵头，各有关单位配合)", L), vec![n("省知识产权局", L), n("各有关单位", S)]);
        assert_eq!(
            names("（省知识产权局牵头、省公安厅、新闻出版广电局（版权局），海关总署广东分署配合）", L),
            vec![n("省知识产权局", L), n("省公安厅", S), n("新闻出版广电局（版权局）", S), n("海关总署广东分署", S)]
        );
        assert_eq!(
            names("市知识产权局 配合部门：市工商局、市高院", None),
            vec![n("市知识产权局", L), n("市工商局", S), n("市高院", S)]
        );
        assert_eq!(
            names("责任部门：市知识产权局 配合部门：市政府办公厅", None),
            vec![n("市知识产权局", L), n("市政府办公厅", S)]
        );
        assert_eq!(
            names("省发改委、知识产权局会同省有关部门、石家庄", None),
            vec![n("省发改委", L), n("知识产权局", L), n("省有关部门", S), n("石家庄", S)]
        );
        assert_eq!(names("知识产权局，相关部门配合", None), vec![n("知识产权局", L), n("相关部门", S)]);
        assert_eq!(names("（滨海新区人民政府会同有关部门负责）", L), vec![n("滨海新区人民政府", L), n("有关部门", S)]);
    }

    #[test]
    fn deng_and_conjunctions() {
        assert_eq!(
            names("（省工商局、司法厅、知识产权局等各有关部门负责）", L),
            vec![n("省工商局", L), n("司法厅", L), n("知识产权局", L), n("各有关部门", L)]
        );
        assert_eq!(names("工商局、质监局等", None), vec![n("工商局", None), n("质监局", None)]);
        assert_eq!(
            names("市场监管委、版权局等知识产权相关部门", None),
            vec![n("市场监管委", None), n("版权局", None), n("知识产权相关部门", None)]
        );
        assert_eq!(names("高等院校", None), vec![n("高等院校", None)]);
        assert_eq!(
            names("各设区市政府、省直各有关部门", None),
            vec![n("各设区市政府", None), n("省直各有关部门", None)]
        );
        assert_eq!(names("省知识产权局省工商局", None), vec![n("省知识产权局", None), n("省工商局", None)]);
        assert_eq!(
            names("（区打击侵犯知识产权和制售假冒伪劣商品工作领导小组及区知识产权保护相关职能部门）", L),
            vec![n("区打击侵犯知识产权和制售假冒伪劣商品工作领导小组", L), n("区知识产权保护相关职能部门", L)]
        );
    }

    #[test]
    fn bodies_without_role_words_lead() {
        assert_eq!(names("（市知识产权局、市市场监管局）", L), vec![n("市知识产权局", L), n("市市场监管局", L)]);
        assert_eq!(names("（保护司、运用促进司）", L), vec![n("保护司", L), n("运用促进司", L)]);
        assert_eq!(
            names("（局内：保护处、运用处；局外：市市场监管局）", L),
            vec![n("保护处", L), n("运用处", L), n("市市场监管局", L)]
        );
        assert_eq!(
            names("（市场监管总局、农业农村部、知识产权局按职责分工负责）", L),
            vec![n("市场监管总局", L), n("农业农村部", L), n("知识产权局", L)]
        );
        assert_eq!(canonical_agency("运用促进司"), "知识产权局");
    }

    #[test]
    fn sentence_clause_names_bodies_without_roles() {
        assert_eq!(
            names("质监局提供标准化及标准体系建设的知识和指导，农业部门负责安全质量监管监测落实，农科所负责各项栽培技术及技术标准的推广、培训及落实。", None),
            vec![n("质监局", None), n("农业部门", None), n("农科所", None)]
        );
    }
}
