//! Stage 2–3 for prose documents: numbered items under headings (000, 001, 002, 004 and plans
//! that readers paste).
//!
//! The measures of a document are its longest run of consecutively numbered items at one level
//! (`（一）…（三十）` in 000, `1.…160.` in 002); headings above that level name their chapters;
//! numbered lists elsewhere (challenges, principles) and unnumbered prose become passages.

use super::departments::{first_leads_below, first_leads_note, first_listed_leads, parse_departments, CLAUSE_BRACKETS};
use super::lines::{
    bare_page_label, has_date, is_comment_channel, is_company_name, is_contact_line, is_hotline, is_page_furniture,
    is_page_number, normalise, width, Line,
};
use super::targets;
use super::{
    Diagnostic, DiagnosticCode, DocumentDraft, DocumentInfo, Ledger, MeasureDraft, PassageDraft, PlanDraft, Use,
};
use crate::agency::looks_like_body;
use crate::model::{Department, Role, Unassigned};

/// Numbering levels, outermost first: the headings printed with 第 (`第一部分` part, `第一章`
/// chapter, `第一节` section, as municipal and district 规划 print them), then `一、` chapter,
/// `（一）` section, `1.` item, `（1）` sub-item. A document uses those it needs: 第一章 over 一、
/// (成都, 绵阳) or 第一章 over 第一节 over 一、 (璧山); each heading is kept at its own depth, so a
/// measure's chapter is the nearest heading above it, whatever the document calls it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Depth {
    Part = 1,
    TitledChapter = 2,
    TitledSection = 3,
    Chapter = 4,
    Section = 5,
    Item = 6,
    Sub = 7,
}

/// Headings in force, indexed by [`Depth`] (index 0 unused).
type Chapters = [Option<String>; 8];

/// A numbered line: its depth, number and the text after the number.
#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    pub depth: Depth,
    pub number: u32,
    pub rest: String,
}

/// Lines that open with 一是, 二是, 三是… in turn (two at least, from 一是), as items.
fn enumerated_lines(lines: &[Line], content: &[usize]) -> Vec<(usize, Marker)> {
    let mut out: Vec<(usize, Marker)> = Vec::new();
    for &i in content {
        let Some((number, rest)) = cn_numbered(lines[i].text.trim_start(), '是') else { continue };
        if number as usize == out.len() + 1 && !rest.trim().is_empty() {
            out.push((i, Marker { depth: Depth::Item, number, rest: rest.trim().to_string() }));
        }
    }
    if out.len() >= 2 {
        out
    } else {
        Vec::new()
    }
}

/// A paragraph that opens with 一是 and runs its next points on in turn (`…。二是…；三是…`), as
/// news reports list what was done, or that runs bracketed points on after a lead-in
/// (`…范围和标准如下：（一）…；（二）…`, as a page flattens a policy's list): the lines with each
/// point on a line of its own (the line number kept), or None where no paragraph does so.
fn split_run_on_points(lines: &[Line], content: &[usize]) -> Option<Vec<Line>> {
    // How the point numbered n opens: `二是`, or `（二）` / `(二)`.
    let heads = |n: &str, bracketed: bool| -> Vec<String> {
        if bracketed {
            vec![format!("（{n}）"), format!("({n})")]
        } else {
            vec![format!("{n}是")]
        }
    };
    // Where the points after the first open, each after one of `stops`.
    let cuts_after = |t: &str, bracketed: bool, stops: &[&str]| -> Vec<usize> {
        let mut at = Vec::new();
        let mut from = 0;
        // The points after the first, 二 to 十五.
        for n in (2..=15).filter_map(cn_in_words) {
            let heads = heads(&n, bracketed);
            let next = stops.iter().flat_map(|p| heads.iter().map(move |h| (p, h))).filter_map(|(p, h)| {
                let point = format!("{p}{h}");
                t.get(from..)?.find(&point).map(|k| from + k + p.len())
            });
            match next.min() {
                Some(k) => {
                    at.push(k);
                    from = k;
                }
                None => break,
            }
        }
        at
    };
    let cuts = |t: &str, bracketed: bool| cuts_after(t, bracketed, &["。", "；", ";"]);
    // Or a lead-in that announces the points as work to do (…具体做好如下三项工作：一是…；二是…),
    // or bracketed points after one that announces a list (…标准如下：（一）…), the brackets being
    // the list's own numbers however the page ran them on: the lead-in stays a line of its own
    // before the first point. A paragraph that lists a document's features (…有几个突出特点。
    // 一是层次高…) is no list of tasks.
    let lead_in = |t: &str, bracketed: bool| -> Option<usize> {
        // A report that names the tasks may go on after a comma or a full stop as well
        // (《实施方案》明确了四项重点任务，一是…); bracketed points follow a colon only.
        let ends: &[&str] = if bracketed { &["：", ":"] } else { &["：", ":", "，", ",", "。"] };
        let at = ends
            .iter()
            .flat_map(|c| heads("一", bracketed).into_iter().map(move |h| (c, h)))
            .filter_map(|(c, h)| t.find(&format!("{c}{h}")).map(|k| k + c.len()))
            .min()?;
        // The lead-in ends by naming what it lists (如下三项工作：); one that names requirements
        // (…工作提出三点要求：) or features is a speech's or a report's, not a plan's work.
        let lead = t.get(..at)?.trim_end_matches(['：', ':', '，', ',', '。']);
        let announces_a_list = bracketed && lead.ends_with("如下");
        // A report may count the plan's contents instead (重点包括以下九项内容：一是…).
        // Or a campaign's report the fields it will clean up (…开展重点整治：一是…).
        let tasks = ["工作", "任务", "措施", "举措", "项内容", "重点整治"].iter().any(|w| lead.ends_with(w));
        (announces_a_list || tasks).then_some(at)
    };
    // Each run-on paragraph with where it is cut, found once.
    let runs: Vec<(usize, Vec<usize>)> = content
        .iter()
        .filter_map(|&i| {
            let t = &lines[i].text;
            if t.trim_start().starts_with("一是") {
                return Some((i, cuts(t, false)));
            }
            let (at, bracketed) = [false, true].into_iter().find_map(|b| lead_in(t, b).map(|at| (at, b)))?;
            let rest = cuts(t, bracketed);
            // Points run on with commas (确定以下四项重点任务：一是…，二是…，三是…，四是…。) are cut
            // only where the lead-in counts as many as there are: a comma before 二是 is otherwise
            // inside one point's sentence as often as between two.
            let rest = match rest.is_empty() && !bracketed {
                true => Some(cuts_after(t, false, &["，", ","]))
                    .filter(|commas| t.get(..at).and_then(count_announced) == Some(commas.len() + 1))
                    .unwrap_or_default(),
                false => rest,
            };
            (!rest.is_empty()).then(|| (i, std::iter::once(at).chain(rest).collect()))
        })
        .filter(|(_, at)| !at.is_empty())
        .collect();
    if runs.is_empty() {
        return None;
    }
    let mut out = Vec::with_capacity(lines.len());
    for (i, line) in lines.iter().enumerate() {
        let Some((_, at)) = runs.iter().find(|(r, _)| *r == i) else {
            out.push(line.clone());
            continue;
        };
        let mut start = 0;
        for &k in at.iter().chain(std::iter::once(&line.text.len())) {
            let part = line.text.get(start..k).unwrap_or_default().trim();
            if !part.is_empty() {
                out.push(Line { no: line.no, text: part.to_string() });
            }
            start = k;
        }
    }
    Some(out)
}

/// How many points a lead-in announces (以下四项重点任务, 3项措施), if it counts them: the number,
/// in Chinese numerals or digits, right before the last 项 it prints, from two to fifteen.
fn count_announced(lead: &str) -> Option<usize> {
    let (before, _) = lead.rsplit_once('项')?;
    let cn = before.trim_end_matches(is_cn_digit);
    let digits = before.trim_end_matches(|c: char| c.is_ascii_digit());
    let n = match (cn.len() < before.len(), digits.len() < before.len()) {
        (true, _) => cn_number(&before[cn.len()..])?,
        (_, true) => before[digits.len()..].parse().ok()?,
        _ => return None,
    };
    (2..=15).contains(&n).then_some(n as usize)
}

/// Read a numbering prefix: `一、`, `（一）` / `(一)`, `1.` / `1．` / `1、`.
pub fn marker(text: &str) -> Option<Marker> {
    let t = text.trim_start();
    if let Some(m) = titled_heading(t) {
        return Some(m);
    }
    if let Some(m) = article(t) {
        return Some(m);
    }
    if let Some(m) = enclosed_number(t) {
        return Some(m);
    }
    if let Some(after_open) = t.strip_prefix(['（', '(']) {
        let after_open = after_open.trim_start();
        let digits: String = after_open.chars().take_while(|c| is_cn_digit(*c)).collect();
        if !digits.is_empty() {
            let after = after_open[digits.len()..].trim_start();
            if let Some(rest) = after.strip_prefix(['）', ')']) {
                return Some(Marker {
                    depth: Depth::Section,
                    number: cn_number(&digits)?,
                    rest: rest.trim().to_string(),
                });
            }
        }
        // （1） / (1): a sub-item.
        let digits: String = after_open.chars().take_while(|c| c.is_ascii_digit()).collect();
        if !digits.is_empty() && digits.len() <= 3 {
            if let Some(rest) = after_open[digits.len()..].trim_start().strip_prefix(['）', ')']) {
                let number = digits.parse().ok()?;
                return Some(Marker { depth: Depth::Sub, number, rest: rest.trim().to_string() });
            }
        }
        return None;
    }
    if t.starts_with(is_cn_digit) {
        let (number, rest) = cn_numbered(t, '、')?;
        return Some(Marker { depth: Depth::Chapter, number, rest: rest.trim().to_string() });
    }
    if let Some(m) = outline_number(t) {
        return Some(m);
    }
    let digits: String = t.chars().take_while(|c| c.is_ascii_digit()).collect();
    if !digits.is_empty() && digits.len() <= 3 {
        let rest = &t[digits.len()..];
        let rest_trim = rest.trim_start();
        if let Some(after) = rest_trim.strip_prefix(['.', '．', '、']) {
            if !after.starts_with(|c: char| c.is_ascii_digit()) {
                return Some(Marker {
                    depth: Depth::Item,
                    number: digits.parse().ok()?,
                    rest: after.trim().to_string(),
                });
            }
        }
    }
    None
}

/// Which markers number a list of places (a 名单 of cities or districts a notice names): runs of
/// three or more in turn at one depth whose every line is a place's name alone, as the gazetteer
/// knows it. No task is a bare place.
fn places_listed(markers: &[(usize, Marker)]) -> Vec<bool> {
    let bare_place = |m: &Marker| {
        let t = normalise(&m.rest);
        t.chars().count() <= 20
            && t.chars().all(|c| c.is_alphanumeric())
            && super::regions::find(&t).is_some_and(|r| t.ends_with(r.name))
    };
    let mut listed = vec![false; markers.len()];
    let mut start = 0;
    while start < markers.len() {
        let mut end = start;
        while end < markers.len()
            && bare_place(&markers[end].1)
            && (end == start
                || markers[end].1.depth == markers[start].1.depth
                    && markers[end].1.number == markers[end - 1].1.number + 1)
        {
            end += 1;
        }
        if end - start >= 3 {
            listed[start..end].iter_mut().for_each(|l| *l = true);
        }
        start = end.max(start + 1);
    }
    listed
}

/// A decimal outline number as word processors print a heading's (`1.1 国家政策导向`, `2.1.3
/// 维权成本高`): two parts a section, three an item, four a sub-item, the last part its number.
/// Only before words: a figure opening a wrapped line (`1.5亿元`, `2.4件`) or a table's cell
/// (`5.2`) is no number of a heading.
fn outline_number(t: &str) -> Option<Marker> {
    let mut parts: Vec<u32> = Vec::new();
    let mut rest = t;
    loop {
        let digits = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
        if digits == 0 || digits > 2 {
            return None;
        }
        parts.push(rest[..digits].parse().ok()?);
        // No outline goes deeper than four parts: a longer run (1.1.1.1.1…) is read no further.
        if parts.len() > 4 {
            return None;
        }
        rest = &rest[digits..];
        match rest.strip_prefix(['.', '．']) {
            Some(after) if after.starts_with(|c: char| c.is_ascii_digit()) => rest = after,
            _ => break,
        }
    }
    let depth = match parts.len() {
        2 => Depth::Section,
        3 => Depth::Item,
        4 => Depth::Sub,
        _ => return None,
    };
    // A closing dot or 、 may follow the number (`1.1. 总体目标`), then spaces.
    let rest = rest.strip_prefix(['.', '．', '、']).unwrap_or(rest).trim_start_matches([' ', '\u{3000}', '\t']);
    let first = rest.chars().next()?;
    let is_word = ('\u{4e00}'..='\u{9fff}').contains(&first)
        && !"万亿千百个件家项倍元年月日次人所座条部台户亩吨米克辆篇册批届场秒株份张余左".contains(first);
    if parts[0] == 0 || !is_word || rest.chars().count() < 2 {
        return None;
    }
    Some(Marker { depth, number: *parts.last()?, rest: rest.trim().to_string() })
}

/// A number printed as one character, as older word processors typed them: `㈠` for （一）, `⑴`
/// for （1）.
fn enclosed_number(t: &str) -> Option<Marker> {
    let c = t.chars().next()?;
    let (depth, first) = match c {
        '㈠'..='㈩' => (Depth::Section, '㈠'),
        '⑴'..='⒇' => (Depth::Sub, '⑴'),
        _ => return None,
    };
    let number = u32::from(c) - u32::from(first) + 1;
    Some(Marker { depth, number, rest: t[c.len_utf8()..].trim().to_string() })
}

/// A heading numbered with 第: `第一章 规划背景`, `第二节　发展目标`, `第三部分 重点任务` (the
/// number in Chinese numerals or digits). Only a heading's shape: a few words after the number, no
/// sentence (`第一章规定的…。` is text) after the number.
fn titled_heading(t: &str) -> Option<Marker> {
    let (number, rest) = ordinal(t)?;
    let (depth, rest) = if let Some(r) = rest.strip_prefix('章') {
        (Depth::TitledChapter, r)
    } else if let Some(r) = rest.strip_prefix('节') {
        (Depth::TitledSection, r)
    } else if let Some(r) = rest.strip_prefix("部分") {
        (Depth::Part, r)
    } else {
        return None;
    };
    let rest = rest.trim_start_matches([' ', '\u{3000}', '\t', '：', ':', '、', '.', '．']).trim();
    let words = normalise(rest);
    let body = words.trim_end_matches('。');
    if body.chars().count() > 40 || body.contains(['。', '；', ';']) {
        return None;
    }
    Some(Marker { depth, number, rest: rest.to_string() })
}

/// An article numbered with 第…条, as measures (若干措施) and rules (办法) number theirs: `第三条
/// 支持高价值专利培育。…`, `第一条  评奖宗旨`. An article is the outermost unit under the
/// document's 第…章, and its own （一） and 1. are under it, as 一、 holds them: so it is read at
/// the depth of 一、. A citation that a wrapped line opens with (`第六十五条的规定`, `第三条、第四条`)
/// is text.
fn article(t: &str) -> Option<Marker> {
    let (number, rest) = ordinal(t)?;
    let rest = rest.strip_prefix('条')?;
    let first = rest.chars().next()?;
    if "的之规至、，,。；和及或与款项中所（(第".contains(first) {
        return None;
    }
    let rest = rest.trim_start_matches([' ', '\u{3000}', '\t', '：', ':', '.', '．']).trim();
    (!rest.is_empty()).then(|| Marker { depth: Depth::Chapter, number, rest: rest.to_string() })
}

/// The number a `第` opens `t` with, in digits or Chinese numerals (`第三`, `第12`), and what follows
/// it (章, 节, 部分, 条 …).
fn ordinal(t: &str) -> Option<(u32, &str)> {
    let after = t.strip_prefix('第')?;
    let digits = after.find(|c: char| !(is_cn_digit(c) || c.is_ascii_digit())).unwrap_or(after.len());
    if digits == 0 {
        return None;
    }
    let number = match after[..digits].parse::<u32>() {
        Ok(n) => n,
        Err(_) => cn_number(&after[..digits])?,
    };
    Some((number, &after[digits..]))
}

/// The number in Chinese numerals `t` opens with and the text after `sep` right behind it
/// (`一、强化…`, `二是提升…`).
fn cn_numbered(t: &str, sep: char) -> Option<(u32, &str)> {
    let digits = t.find(|c: char| !is_cn_digit(c)).unwrap_or(t.len());
    let rest = t[digits..].strip_prefix(sep)?;
    Some((cn_number(&t[..digits])?, rest))
}

/// A digit of a number written in Chinese numerals (一 … 十).
pub(crate) fn is_cn_digit(c: char) -> bool {
    "一二三四五六七八九十".contains(c)
}

/// 一 → 1, 十四 → 14, 二十一 → 21, 三十 → 30.
pub fn cn_number(s: &str) -> Option<u32> {
    let digit = |c: char| "一二三四五六七八九".find(c).map(|i| (i / 3) as u32 + 1);
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        [c] if *c == '十' => Some(10),
        [c] => digit(*c),
        ['十', u] => Some(10 + digit(*u)?),
        [t, '十'] => Some(digit(*t)? * 10),
        [t, '十', u] => Some(digit(*t)? * 10 + digit(*u)?),
        _ => None,
    }
}

/// Words that end a document title.
const TITLE_ENDINGS: &[&str] = &[
    "要点",
    "规划",
    "方案",
    "计划",
    "意见",
    "纲要",
    "办法",
    "措施",
    "通知",
    "分工",
    "指引",
    "指南",
    "清单",
    "安排",
    "工作任务",
    // 天津市…体系建设工作举措, 安徽省贯彻落实〈…〉重点举措: measures under another word.
    "举措",
    "细则",
    // 实施…战略纲要任务分解: the tasks of a plan shared out among its bodies.
    "任务分解",
];

/// A line holding only a list's bullet (`-`, `•`), as a page prints an empty entry of its list of
/// record fields: no words, and no heading of what follows it.
fn is_bare_bullet(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty() && t.chars().count() <= 3 && t.chars().all(|c| "-－–•·●*".contains(c))
}

/// Mark line `i` as the web page's (or a notice's contact block), not the document's, and say so:
/// `{why}: {the line}`.
fn skip_as_furniture(
    status: &mut [Option<Use>],
    diagnostics: &mut Vec<Diagnostic>,
    source: &str,
    lines: &[Line],
    i: usize,
    why: &str,
) {
    status[i] = Some(Use::Noise);
    let text = normalise(&lines[i].text);
    diagnostics.push(Diagnostic::new(source, lines[i].no, DiagnosticCode::PageFurniture, format!("{why}: {text}")));
}

/// Parse a prose document into one plan.
pub fn parse(info: &DocumentInfo, lines: &[Line]) -> DocumentDraft {
    let (marks_joined, mark_joins) = join_split_marks(lines);
    let glued = split_run_in_headings(&split_glued_lines(&split_spaced_notice(&marks_joined)));
    let (glued, joins) = join_bare_headings(glued);
    let lines: &[Line] = &glued;
    let source = info.source.as_str();
    let mut ledger = Ledger::default();
    let mut diagnostics = Vec::new();
    let mut page_doc_number: Option<String> = None;
    let mut status: Vec<Option<Use>> = vec![None; lines.len()];

    // Stage 1 results: blank lines, page numbers and the running headers beside them carry nothing.
    let headers = running_headers(lines);
    for (i, line) in lines.iter().enumerate() {
        if line.text.is_empty() {
            status[i] = Some(Use::Blank);
        } else if is_page_number(&line.text) || headers.contains(&i) || is_bare_bullet(&line.text) {
            status[i] = Some(Use::Noise);
        } else {
            // The web page around the document, or a notice's contact details: skipped, and said.
            let furniture =
                is_page_furniture(&line.text) || marker(&line.text).map(|m| is_link_entry(&m.rest)).unwrap_or(false);
            let contact = is_contact_line(&line.text) || is_comment_channel(&line.text);
            let what = match (furniture, contact, is_record_slip(&line.text)) {
                (true, _, _) => "web page furniture",
                (false, true, _) => "a notice's contact details",
                (false, false, true) => "a notice's record slip",
                (false, false, false) => continue,
            };
            if furniture {
                // The page's publication data may give the document number (发文字号：粤知〔2019〕12号).
                page_doc_number = page_doc_number
                    .or_else(|| doc_number_field(&line.text))
                    .or_else(|| find_doc_number(&normalise(&line.text)));
            }
            skip_as_furniture(&mut status, &mut diagnostics, source, lines, i, &format!("{what} skipped"));
        }
    }
    // The lines said to be furniture, looked up once each (not through every diagnostic for
    // every line, which made thousands of them quadratic).
    let mut furniture: std::collections::HashSet<u32> =
        diagnostics.iter().filter(|d| d.code == DiagnosticCode::PageFurniture).map(|d| d.line).collect();
    // A page's record printed a label a line and its value under it (静海 2022, 乐清 2022).
    for i in record_field_lines(lines, &status, &furniture) {
        page_doc_number = page_doc_number.or_else(|| find_doc_number(&normalise(&lines[i].text)));
        let why = "web page furniture skipped (a field of the page's record, a line each)";
        skip_as_furniture(&mut status, &mut diagnostics, source, lines, i, why);
        furniture.insert(lines[i].no);
    }
    // A short `label: value` line inside the page's block of publication data (杭州 2021:
    // 发布单位 / 责任部门：办公室 / 公开形式) is one more of its fields, whatever its label.
    for i in 0..lines.len() {
        if status[i].is_some() || !is_field_line(&lines[i].text) {
            continue;
        }
        let is_furniture = |j: usize| status[j] == Some(Use::Noise) && furniture.contains(&lines[j].no);
        let above = (0..i).rev().find(|&j| status[j] != Some(Use::Blank));
        let below = (i + 1..lines.len()).find(|&j| status[j] != Some(Use::Blank));
        if above.is_some_and(is_furniture) && below.is_some_and(is_furniture) {
            let why = "web page furniture skipped (a field among the page's data)";
            skip_as_furniture(&mut status, &mut diagnostics, source, lines, i, why);
            furniture.insert(lines[i].no);
        }
    }
    // A company's name alone beside a site's hotline (全国服务热线:… / 成都…咨询有限公司) is the
    // site's top bar, not the plan's; a department cell naming a company has no hotline beside it.
    for i in 0..lines.len() {
        if status[i].is_some() || !is_company_name(&lines[i].text) {
            continue;
        }
        let near = |r: &mut dyn Iterator<Item = usize>| r.take(3).find(|&j| status[j] != Some(Use::Blank));
        let hotline = |j: Option<usize>| j.is_some_and(|j| is_hotline(&normalise(&lines[j].text)));
        if hotline(near(&mut (0..i).rev())) || hotline(near(&mut (i + 1..lines.len()))) {
            let why = "web page furniture skipped (the site's company)";
            skip_as_furniture(&mut status, &mut diagnostics, source, lines, i, why);
        }
    }
    // A news page's box for attached files with none in it (附件： as the text's last line): no
    // attachment follows, so the label is the page's, not the document's.
    if let Some(last) = (0..lines.len()).rev().find(|&j| status[j] != Some(Use::Blank)) {
        if status[last].is_none() && is_attachment_label(&normalise(&lines[last].text)) {
            let why = "web page furniture skipped (an attachment label with nothing after it)";
            skip_as_furniture(&mut status, &mut diagnostics, source, lines, last, why);
        }
    }
    // Page debris by the document's first lines: the channel's name printed again under the
    // breadcrumb that ends in it (首页>政务公开>政策文件 / 政策文件), and a gazette's issue alone on
    // the text's first line (第二期).
    let filled: Vec<usize> = (0..lines.len()).filter(|&j| status[j] != Some(Use::Blank)).collect();
    for (k, &i) in filled.iter().enumerate() {
        if status[i].is_some() {
            continue;
        }
        let t = normalise(&lines[i].text);
        let crumb = k.checked_sub(1).map(|p| filled[p]).filter(|&p| status[p] == Some(Use::Noise)).and_then(|p| {
            let above = normalise(&lines[p].text);
            let last = above.rsplit(['>', '＞', '»', '›']).next().unwrap_or_default().to_string();
            (last.len() < above.len()).then_some(last)
        });
        let repeated = crumb.is_some_and(|c| c == t) && (2..=8).contains(&t.chars().count());
        if repeated || k == 0 && is_gazette_issue(&t) {
            let why = "web page furniture skipped (the channel or the issue over the document)";
            skip_as_furniture(&mut status, &mut diagnostics, source, lines, i, why);
        }
    }
    // A joint notice gives one contact per body (联系方式： / 国家知识产权局运用促进司 / 联系人：… /
    // 邮箱：… / 中国银保监会法规部 / 联系人：…): the office's name between two contact lines is
    // one more of them, not a line of the plan (nor half of the title printed below the block).
    for i in 0..lines.len() {
        let t = normalise(&lines[i].text);
        if status[i].is_some() || t.chars().count() > 30 || t.contains(['。', '；', '，']) {
            continue;
        }
        let is_contact = |j: usize| status[j] == Some(Use::Noise) && is_contact_line(&lines[j].text);
        let above = (0..i).rev().find(|&j| status[j] != Some(Use::Blank));
        let below = (i + 1..lines.len()).find(|&j| status[j] != Some(Use::Blank));
        if above.is_some_and(is_contact) && below.is_some_and(is_contact) {
            let why = "a notice's contact details skipped (the office to call)";
            skip_as_furniture(&mut status, &mut diagnostics, source, lines, i, why);
        }
    }
    // A table of contents (目录 over the chapters' headings, with or without page numbers): its
    // numbered lines are no items and head nothing; one passage, said.
    let toc = table_of_contents(lines, &mut status);
    if let Some((at, _)) = &toc {
        diagnostics.push(Diagnostic::new(
            source,
            lines[*at].no,
            DiagnosticCode::NumberedNotItem,
            "table of contents (目录): its headings are not items; kept as a passage",
        ));
    }
    // A report on last year's work printed before the plan (…印发2022年工作总结和2023年工作要点
    // 的通知): its numbered paragraphs are not the plan's items.
    let report = report_before_plan(lines, &status);
    let in_report = |i: usize| report.as_ref().is_some_and(|r| r.contains(&i));
    let content: Vec<usize> = (0..lines.len()).filter(|&i| status[i].is_none() && !in_report(i)).collect();
    // A plan sent as the attachment of a notice that numbers lines of its own: the plan's
    // items are after 附件.
    let attachment = attachment_start(lines, &content);
    let notice_markers =
        attachment.map_or(0, |a| content.iter().filter(|&&i| i < a && marker(&lines[i].text).is_some()).count());
    let markers: Vec<(usize, Marker)> = content
        .iter()
        .filter(|&&i| attachment.is_none_or(|a| i > a))
        .filter_map(|&i| marker(&lines[i].text).map(|m| (i, m)))
        .collect();
    if let (Some(a), true) = (attachment, notice_markers > 0) {
        diagnostics.push(Diagnostic::new(
            source,
            lines[a].no,
            DiagnosticCode::NumberedNotItem,
            format!("{notice_markers} numbered lines of the notice before the attachment are not items of the plan; kept as passages"),
        ));
    }
    // A site's numbered menu before the document's title line (a law database's product list):
    // page furniture, and said; the document starts at its title.
    let markers = match menu_before_title(lines, &content, &markers) {
        Some((from, title)) => {
            for &i in content.iter().filter(|&&i| i >= from && i < title) {
                skip_as_furniture(
                    &mut status,
                    &mut diagnostics,
                    source,
                    lines,
                    i,
                    "site menu before the title skipped",
                );
            }
            markers.into_iter().filter(|(i, _)| *i > title).collect()
        }
        None => markers,
    };
    let content: Vec<usize> = content.into_iter().filter(|&i| status[i].is_none()).collect();
    // Without any numbering, lines that open 一是…, 二是… in turn are the items (a summary of a
    // year's work points). Only then: a wrapped line may start with 二是 by chance.
    let markers = if markers.is_empty() { enumerated_lines(lines, &content) } else { markers };
    // A news report may run 一是…。二是…。三是… on in one paragraph: each point on a line of its
    // own, the text is read again.
    if markers.is_empty() {
        if let Some(split) = split_run_on_points(lines, &content) {
            return parse(info, &split);
        }
    }

    // A heading printed twice (bold), the first copy cut short, is a duplicate of the next.
    let mut duplicate = vec![false; lines.len()];
    for pair in markers.windows(2) {
        let ((i, a), (_, b)) = (&pair[0], &pair[1]);
        let (ra, rb) = (normalise(&a.rest), normalise(&b.rest));
        if a.depth == b.depth && a.number == b.number && !ra.is_empty() && rb.starts_with(&ra) && ra.len() < rb.len() {
            duplicate[*i] = true;
            status[*i] = Some(Use::Noise);
        }
    }
    let markers: Vec<(usize, Marker)> = markers.into_iter().filter(|(i, _)| !duplicate[*i]).collect();
    // A notice's list of the places it names (示范区建设城市名单: 1.北京市海淀区 2.河北省石家庄市 …)
    // numbers places, not tasks: its lines are the notice's prose.
    // Kept as one passage where it stands, read by nothing else (not as headings over the prose
    // after it).
    let listed = places_listed(&markers);
    let place_list: Vec<usize> = markers.iter().zip(&listed).filter(|(_, l)| **l).map(|((i, _), _)| *i).collect();
    for &i in &place_list {
        status[i] = Some(Use::Passage);
    }
    let markers: Vec<(usize, Marker)> =
        markers.into_iter().zip(listed).filter(|(_, listed)| !listed).map(|(m, _)| m).collect();

    let paragraph_mode = is_paragraph_mode(lines, &content);
    let wrap = wrap_width(lines, &content);
    let heading_like: Vec<bool> =
        markers.iter().map(|(i, m)| is_heading_like(lines, &status, *i, m, paragraph_mode, wrap)).collect();

    // The measures are the longest run of consecutive numbers at one depth, unless that run is
    // made of bare headings (一、… over unnumbered paragraphs): then the paragraphs are the items.
    let mut run = longest_run(&markers);
    let headings_in_run = run.iter().filter(|&&k| heading_like[k]).count();
    if headings_in_run * 2 > run.len() {
        run.clear();
    }
    let measure_depth = run.first().map(|&k| markers[k].1.depth);
    let in_run: Vec<bool> = {
        let mut v = vec![false; markers.len()];
        for &k in &run {
            v[k] = true;
        }
        // Items at the run's depth that carry a body are items too, where the numbering skips a
        // number or starts again under each chapter (一、1. 2. 二、1. 2.).
        if let (Some(&first), Some(&last)) = (run.first(), run.last()) {
            let restarts = restarted_numbering(&markers, measure_depth);
            for k in 0..markers.len() {
                let inside = (first..=last).contains(&k);
                if Some(markers[k].1.depth) == measure_depth && !heading_like[k] && (inside || restarts[k]) {
                    v[k] = true;
                }
            }
        }
        v
    };

    let mut plan = PlanDraft { region: info.region.clone().unwrap_or_default(), ..Default::default() };
    // Without any numbering, short unpunctuated lines over paragraphs are the headings.
    let plain_headings: Vec<bool> = if markers.is_empty() {
        let found: Vec<bool> = (0..lines.len()).map(|i| is_plain_heading(lines, &status, i)).collect();
        if found.iter().filter(|h| **h).count() >= 2 {
            found
        } else {
            Vec::new()
        }
    } else {
        Vec::new()
    };
    let first_marker_line =
        markers.first().map(|(i, _)| *i).or_else(|| plain_headings.iter().position(|h| *h)).unwrap_or(lines.len());
    plan.doc_number = page_doc_number;
    if let Some(report) = report {
        keep_report(lines, report, &mut plan, &mut status, &mut diagnostics, source);
    }
    front_matter(info, lines, &content, first_marker_line, &mut plan, &mut status, &mut diagnostics);

    // A targets table is read before the walk, so that its cells do not become prose.
    let mut table_targets = targets::from_table(lines, &mut status);
    if table_targets.is_empty() {
        table_targets = targets::from_indicator_table(lines, &mut status);
    }

    // Walk the document: headings set the context; run items become measures.
    let mut chapter_by_depth: Chapters = Default::default();
    let mut k = 0;
    let mut passage: Option<(Option<String>, Vec<usize>)> = None;
    let mut i = if run.is_empty() { lines.len() } else { first_marker_line };
    if run.is_empty() {
        let shape = Shape {
            paragraph_mode,
            wrap,
            blank_separates: blank_lines_separate(lines, &content),
            lines_end_sentences: lines_end_sentences(
                lines,
                &content[content.partition_point(|&i| i < first_marker_line)..],
            ),
        };
        paragraph_items(
            source,
            lines,
            &markers,
            &heading_like,
            &plain_headings,
            first_marker_line,
            shape,
            &mut plan,
            &mut status,
            &mut diagnostics,
        );
    }
    while i < lines.len() {
        if status[i].is_some() {
            i += 1;
            continue;
        }
        let is_marker = k < markers.len() && markers[k].0 == i;
        if is_marker {
            let m = markers[k].1.clone();
            // Numbered through the whole document, a preface's or the aims' paragraphs are in
            // the run too: their chapter says what they are.
            let chapter = enclosing_chapter(&chapter_by_depth, m.depth);
            let in_framing_chapter = in_framing_chapter(&chapter_by_depth, m.depth);
            let framing = in_run[k] && (frames_the_plan(&m.rest) || in_framing_chapter);
            let is_measure = in_run[k] && !framing;
            k += 1;
            flush_walked(&mut passage, &chapter_by_depth, measure_depth, lines, &mut plan, &mut status);
            if framing {
                // （一）指导思想。… / （二）主要目标。…: numbered, but the plan's aims, not a task.
                let title = if in_framing_chapter { chapter } else { first_sentence(&m.rest) };
                diagnostics.push(Diagnostic::new(
                    source,
                    lines[i].no,
                    DiagnosticCode::NumberedNotItem,
                    format!("numbered section {} ({title}) frames the plan (background, aims, principles); kept as a passage", m.number),
                ));
                passage = Some((Some(title), vec![i]));
                i += 1;
                continue;
            }
            if is_measure && ends_the_text_bare(last_content_line(lines, &status), i, &m.rest) {
                diagnostics.push(Diagnostic::new(
                    source,
                    lines[i].no,
                    DiagnosticCode::NumberedNotItem,
                    format!("numbered heading {} ends the text with nothing under it (the text may be cut short); kept as a passage", m.number),
                ));
                passage = Some((Some(trim_heading(&m.rest)), vec![i]));
                i += 1;
                continue;
            }
            if is_measure {
                let end =
                    measure_end(lines, &status, &markers, k, i, measure_depth.unwrap_or(Depth::Item), paragraph_mode);
                let chapter = enclosing_chapter(&chapter_by_depth, m.depth);
                let measure = build_measure(&m, lines, &status, i, end, chapter);
                for s in status.iter_mut().take(end + 1).skip(i) {
                    if s.is_none() {
                        *s = Some(Use::Measure);
                    }
                }
                plan.measures.push(measure);
                i = end + 1;
                continue;
            }
            // A short numbered line that heads nothing is a line of its chapter's text, kept as a
            // passage where its targets are read.
            if is_short_heading(&m.rest) && heads_nothing(lines, &status, &markers, k - 1) {
                let chapter = enclosing_chapter(&chapter_by_depth, m.depth);
                diagnostics.push(Diagnostic::new(
                    source,
                    lines[i].no,
                    DiagnosticCode::NumberedNotItem,
                    format!(
                        "numbered line {} heads nothing and is outside the run of items; kept as a passage",
                        m.number
                    ),
                ));
                passage = Some((Some(chapter).filter(|c| !c.is_empty()), vec![i]));
                i += 1;
                continue;
            }
            // A heading (or a numbered line outside the run): it opens a new context.
            let heading = trim_heading(&m.rest);
            if Some(m.depth) < measure_depth || measure_depth.is_none() {
                chapter_by_depth[m.depth as usize] = Some(heading.clone());
                for deeper in chapter_by_depth.iter_mut().skip(m.depth as usize + 1) {
                    *deeper = None;
                }
            }
            if is_short_heading(&m.rest) {
                status[i] = Some(Use::Heading);
                passage = Some((Some(heading), Vec::new()));
            } else {
                // A numbered paragraph outside the run (a challenge, a principle): prose, said.
                passage = Some((enclosing_chapter(&chapter_by_depth, Depth::Item).into(), vec![i]));
                diagnostics.push(Diagnostic::new(
                    source,
                    lines[i].no,
                    DiagnosticCode::NumberedNotItem,
                    format!("numbered paragraph {} is outside the run of items; kept as a passage", m.number),
                ));
            }
            i += 1;
            continue;
        }
        // A box (专栏1 高价值专利培育工程) set into the text: a passage under its own title, to the
        // next numbered line.
        if let Some(title) = box_title(&lines[i].text) {
            flush_walked(&mut passage, &chapter_by_depth, measure_depth, lines, &mut plan, &mut status);
            status[i] = Some(Use::Heading);
            passage = Some((Some(title), Vec::new()));
            i += 1;
            continue;
        }
        // Unnumbered prose: gather into the current passage.
        let heading = passage.as_ref().and_then(|p| p.0.clone());
        let entry = passage.get_or_insert_with(|| (heading, Vec::new()));
        entry.1.push(i);
        if paragraph_mode && ends_sentence(&lines[i].text) {
            let heading = entry.0.clone();
            flush_walked(&mut passage, &chapter_by_depth, measure_depth, lines, &mut plan, &mut status);
            passage = Some((heading, Vec::new()));
        }
        i += 1;
    }
    flush_walked(&mut passage, &chapter_by_depth, measure_depth, lines, &mut plan, &mut status);
    if let Some((at, entries)) = toc {
        let text = normalise(&entries.iter().map(|&i| lines[i].text.as_str()).collect::<Vec<_>>().join(""));
        let first = entries.first().map_or(at, |&i| i);
        let last = entries.last().map_or(at, |&i| i);
        let place = plan.passages.iter().position(|p| p.lines[0] > lines[at].no).unwrap_or(plan.passages.len());
        // Contents printed without their 目录 line start at their first entry and head nothing.
        let heading = (entries.first() != Some(&at)).then(|| normalise(&lines[at].text));
        let lines = [lines[first].no, lines[last].no];
        plan.passages.insert(place, PassageDraft { heading, text, lines, aims: false });
    }

    if let (Some(&first), Some(&last)) = (place_list.first(), place_list.last()) {
        let text = normalise(&place_list.iter().map(|&i| lines[i].text.as_str()).collect::<Vec<_>>().join(""));
        let place = plan.passages.iter().position(|p| p.lines[0] > lines[first].no).unwrap_or(plan.passages.len());
        let lines = [lines[first].no, lines[last].no];
        plan.passages.insert(place, PassageDraft { heading: None, text, lines, aims: false });
    }

    // Targets: a targets table if the document has one, else the sentences of a goals section.
    let span = (plan.year_start.or(info.year_start), plan.year_end.or(info.year_end));
    let one_year = match span {
        (Some(start), Some(end)) if start == end => Some(start),
        _ => None,
    };
    // A table's goal column that names no year (目标值) aims at the plan's last year.
    for t in table_targets.iter_mut().filter(|t| t.year == 0) {
        t.year = span.1.unwrap_or(0);
    }
    // Goals stated in prose beside a table (…同时，到2025年，质押融资金额累计突破100亿元) are
    // goals too; those the table already gives (the same figure, year and indicator) are not
    // given twice.
    let mut found = table_targets;
    for t in targets::from_goal_passages(&plan.passages, one_year) {
        if !found.iter().any(|k| targets::same_goal(k, &t)) {
            found.push(t);
        }
    }
    plan.targets = found;

    // Points printed 一是…, 二是… on lines of their own under a heading ((一)加强行政保护。 /
    // 一是…。 / 二是…。) are numbered so, as 1. 2. would be.
    number_points_in_turn(&mut plan.measures);
    // Titles: only where the document titles its items (most first sentences short, more follows);
    // a paragraph printed without a number among numbered items (一是…；二是…) has none.
    let numbered = plan.measures.iter().any(|m| m.no.is_some());
    let may_be_titled = |m: &MeasureDraft| !numbered || m.no.is_some();
    let items: Vec<&MeasureDraft> = plan.measures.iter().filter(|m| may_be_titled(m)).collect();
    // One paragraph without a number (a news page's one task under its heading) shows nothing of
    // how a document writes its items: its first sentence is as likely its first task.
    let evidence = numbered || items.len() >= 2;
    if evidence && titles_items(&items) {
        for m in plan.measures.iter_mut().filter(|m| m.title.is_none() && may_be_titled(m)) {
            split_title(m);
        }
    }
    // An item that says who does each of its tasks holds one measure per task.
    plan.measures = std::mem::take(&mut plan.measures).into_iter().flat_map(split_tasks).collect();
    // A plan set out body by body (一、省发展改革委 over that body's numbered tasks): a task that
    // names no department of its own is the work of the body its chapter names.
    for m in plan.measures.iter_mut().filter(|m| m.departments.is_empty()) {
        if let Some(bodies) = chapter_bodies(&m.chapter) {
            m.departments = bodies;
        }
    }
    // A division plan that says once that the body listed first leads, for the clauses below as
    // well (列第一位者为牵头部门，下同): each clause after it that lists bodies all in charge is so read.
    if let Some(from) = lines.iter().find(|l| first_leads_below(&l.text)).map(|l| l.no) {
        for m in plan.measures.iter_mut().filter(|m| m.lines[0] > from) {
            first_listed_leads(&mut m.departments);
        }
    }
    if plan.year_start.is_none() {
        plan.year_start = info.year_start;
    }
    // Targets stated inside the items, dated by their sentence or by the plan's stated end year.
    // Items under a chapter named for a year before the plan's (2020 report: 一、2019年主要工作)
    // tell what that year did: their figures are its record, no goals.
    let looks_back = |m: &&MeasureDraft| {
        plan.year_start.is_some_and(|start| year_opening(&m.chapter).is_some_and(|year| year < start))
    };
    let ahead: Vec<MeasureDraft> = plan.measures.iter().filter(|m| !looks_back(m)).cloned().collect();
    let item_targets = targets::from_items(&ahead, plan.year_end.or(plan.year_start));
    for t in item_targets {
        if !plan.targets.iter().any(|k| k.indicator == t.indicator && k.value == t.value) {
            plan.targets.push(t);
        }
    }

    // A record that ends on a heading's number cites the words' line joined to it too.
    for (from, to, _) in &joins {
        let (number, words) = (lines[*from].no, lines[*to].no);
        let cited =
            plan.measures.iter_mut().map(|m| &mut m.lines).chain(plan.passages.iter_mut().map(|p| &mut p.lines));
        for span in cited.filter(|span| span[1] == number) {
            span[1] = words;
        }
    }
    // …and so does one that ends on a line its split marks were joined back into.
    // (The joins are in the order of their lines: a search finds a record's.)
    let mark_join_at = |no: u32| mark_joins.binary_search_by_key(&no, |j| j.0).ok().map(|k| mark_joins[k]);
    let cited = plan.measures.iter_mut().map(|m| &mut m.lines).chain(plan.passages.iter_mut().map(|p| &mut p.lines));
    for span in cited {
        if let Some((_, last)) = mark_join_at(span[1]) {
            span[1] = last;
        }
    }
    let mut unassigned = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let used = match joins.iter().find(|j| j.1 == i) {
            // A heading's words joined to its number's line are cited on their own line, as that
            // line's record took them.
            Some((from, _, words)) => {
                let used = status[*from].unwrap_or(Use::Unassigned);
                ledger.record(source, line.no, words, used);
                used
            }
            None => {
                let used = status[i].unwrap_or_else(|| {
                    unassigned.push(Unassigned { source: source.to_string(), line: line.no, text: line.text.clone() });
                    Use::Unassigned
                });
                let own =
                    joins.iter().find(|j| j.0 == i).and_then(|(_, _, words)| line.text.strip_suffix(words.as_str()));
                ledger.record(source, line.no, own.unwrap_or(&line.text), used);
                used
            }
        };
        // The lines its split marks were joined from are its too: their characters are counted
        // with it, once.
        if let Some((first, last)) = mark_join_at(line.no) {
            for no in first + 1..=last {
                ledger.record(source, no, "", used);
            }
        }
    }
    if plan.measures.is_empty() {
        diagnostics.push(Diagnostic::new(
            source,
            0,
            DiagnosticCode::NoItems,
            "no numbered items found; the text is kept as passages",
        ));
    }
    let has_content = !plan.measures.is_empty() || !plan.passages.is_empty() || !plan.title.is_empty();
    DocumentDraft { plans: if has_content { vec![plan] } else { Vec::new() }, unassigned, diagnostics, ledger }
}

/// The line of the document's title after a site's numbered menu (a law database prints its
/// products' feature lists, `1. 1.助力企业…`, above the text), or None. Only where no title line
/// comes before the first numbered line, the title opens with its place, text follows it, and
/// every line from the first numbered one to the title is a menu's entry: short, no sentence
/// ended (a notice's numbered paragraphs end theirs). Returns where the menu starts (its
/// unnumbered entries just above the first number, `• 索骥案件协同管理平台`, are its own) and the
/// title line.
fn menu_before_title(lines: &[Line], content: &[usize], markers: &[(usize, Marker)]) -> Option<(usize, usize)> {
    let first = markers.first()?.0;
    let titled = |i: usize| {
        let t = normalise(&lines[i].text);
        let t = without_guillemets(&t);
        // The place last: looking it up reads the gazetteer, and most lines are no title's shape.
        let place = || region_in_title(t).is_some_and(|r| r != "全国" && t.starts_with(r.as_str()));
        marker(&lines[i].text).is_none() && is_title_shape(t) && !t.starts_with("关于") && place()
    };
    if content.iter().any(|&i| i < first && titled(i)) {
        return None;
    }
    let title = content.iter().copied().filter(|&i| i > first).find(|&i| titled(i))?;
    let menu: Vec<usize> = content.iter().copied().filter(|&i| i >= first && i < title).collect();
    let entry = |i: usize| {
        let t = normalise(&lines[i].text);
        t.chars().count() <= 40 && !t.contains('。')
    };
    let numbered = markers.iter().filter(|(i, _)| *i < title).count();
    if numbered < 2 || !menu.iter().all(|&i| entry(i)) || !content.iter().any(|&i| i > title) {
        return None;
    }
    let above = content.iter().copied().filter(|&i| i < first).rev().take_while(|&i| entry(i)).last();
    Some((above.unwrap_or(first), title))
}

/// A short line of the shape `label: value` (责任部门：办公室): a label of two to six characters
/// and a short value, no sentence.
/// Is this (normalised) line only a gazette's issue (第二期, 第12期), as a government gazette's page
/// prints it over the document?
fn is_gazette_issue(t: &str) -> bool {
    let Some(n) = t.strip_prefix('第').and_then(|r| r.strip_suffix('期')) else { return false };
    (1..=3).contains(&n.chars().count()) && n.chars().all(|c| c.is_ascii_digit() || is_cn_digit(c))
}

/// The lines of a government page's record whose fields print a label alone on its line and the
/// value on the next (`索   引  号 :` / `11120223000200715W/2022-00078`, `主 题 :` / `综合政务\其他`,
/// `有   效  性 :` / `有效`): the labels and their values, to be skipped as the labels alone are.
/// Only a run of at least three labels, two of them the page's own (索引号, 发布机构 …): a plan's
/// `主题：` stays. A label the page list does not know is taken only with a known label after it
/// (not the notice's addressees, `各商业银行:`, that follow the record); a value separated from
/// its label by a blank line only with a label after it; a value that reads as a document's title
/// only under 名称 / 标题 (not the title after a last field left empty).
fn record_field_lines(
    lines: &[Line],
    status: &[Option<Use>],
    furniture: &std::collections::HashSet<u32>,
) -> Vec<usize> {
    let filled: Vec<usize> = (0..lines.len()).filter(|&i| status[i] != Some(Use::Blank)).collect();
    let open = |i: usize| status[i].is_none() || status[i] == Some(Use::Noise) && furniture.contains(&lines[i].no);
    let label = |k: usize| filled.get(k).filter(|&&i| open(i)).and_then(|&i| bare_page_label(&lines[i].text));
    let mut found = Vec::new();
    let mut k = 0;
    while k < filled.len() {
        if label(k).is_none() {
            k += 1;
            continue;
        }
        let (mut members, mut labels, mut known) = (Vec::new(), 0, 0);
        let mut pos = k;
        while let Some(own) = label(pos) {
            let at = filled[pos];
            // The value under this label, if the next line is one.
            let value = filled.get(pos + 1).copied().filter(|&v| {
                let t = normalise(&lines[v].text);
                let titled = t.contains("关于") || TITLE_ENDINGS.iter().any(|e| without_title_suffix(&t).ends_with(e));
                let named = normalise(&lines[at].text).starts_with(['名', '标']);
                label(pos + 1).is_none()
                    && status[v].is_none()
                    && t.chars().count() <= 100
                    && !t.contains('。')
                    && (v == at + 1 || label(pos + 2) == Some(true))
                    && (!titled || named)
            });
            let next = if value.is_some() { pos + 2 } else { pos + 1 };
            if !own && label(next) != Some(true) {
                break;
            }
            members.push(at);
            members.extend(value);
            labels += 1;
            known += usize::from(own);
            pos = next;
        }
        if labels >= 3 && known >= 2 {
            found.extend(members.into_iter().filter(|&i| status[i].is_none()));
        }
        k = pos.max(k + 1);
    }
    found
}

fn is_field_line(text: &str) -> bool {
    let t = normalise(text);
    let Some((label, value)) = t.split_once(['：', ':']) else { return false };
    let n = label.chars().count();
    (2..=6).contains(&n)
        && label.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
        && value.chars().count() <= 20
        && !value.contains(['。', '；', '，'])
}

/// A table of contents: a line 目录 (目 录) and the heading lines under it (numbered headings,
/// lines ending in a page number, 前言 / 附录 / 附件), to the first line of another shape or the
/// first entry printed again (the body's own first heading). Marks the 目录 line a heading and the
/// entries passage text; returns the 目录 line and the entries. None without two entries.
fn table_of_contents(lines: &[Line], status: &mut [Option<Use>]) -> Option<(usize, Vec<usize>)> {
    let Some(at) = (0..lines.len()).find(|&i| status[i].is_none() && normalise(&lines[i].text) == "目录") else {
        return unheaded_contents(lines, status);
    };
    // The entry's heading without a page number printed after it (`第一章 规划背景 5`).
    let entry = |t: &str| -> Option<String> {
        let t = t.trim();
        let (head, page) = match t.rsplit_once(|c: char| c.is_whitespace() || "…．.·-".contains(c)) {
            Some((head, page)) if !page.is_empty() && page.chars().all(|c| c.is_ascii_digit()) => (head, true),
            _ => (t, false),
        };
        let head = normalise(head.trim_end_matches(|c: char| c.is_whitespace() || "…．.·-".contains(c)));
        let unnumbered =
            ["前言", "序言", "附录", "附件", "附表", "结束语", "名词解释"].iter().any(|w| head.starts_with(w));
        let shaped = !head.is_empty() && head.chars().count() <= 40 && !head.contains(['。', '；', ';']);
        let numbered = marker(&head).is_some_and(|m| is_short_heading(&m.rest));
        (shaped && (numbered || page || unnumbered)).then_some(head)
    };
    // A line may hold several entries a space apart (`3.以企业为主体… 4.产学研合作不断深化`).
    let entry = |t: &str| -> Option<String> {
        entry(t).or_else(|| {
            let pieces: Vec<&str> = t.split_whitespace().collect();
            let all = pieces.len() >= 2 && pieces.iter().all(|p| entry(p).is_some());
            all.then(|| entry(pieces[0])).flatten()
        })
    };
    let mut entries: Vec<usize> = Vec::new();
    let mut first: Option<String> = None;
    for i in at + 1..lines.len() {
        if status[i].is_some() {
            continue;
        }
        let Some(head) = entry(&lines[i].text) else { break };
        if first.as_ref() == Some(&head) {
            break;
        }
        first.get_or_insert(head);
        entries.push(i);
    }
    if entries.len() < 2 {
        return None;
    }
    status[at] = Some(Use::Heading);
    for &i in &entries {
        status[i] = Some(Use::Passage);
    }
    Some((at, entries))
}

/// A table of contents printed without its 目录 line (Xianning 2022: the title, then
/// `一、发展基础与机遇挑战.......1`): three or more lines in a row, each a heading run by dot leaders
/// into its page number. Marks them passage text; returns the first and all of them.
fn unheaded_contents(lines: &[Line], status: &mut [Option<Use>]) -> Option<(usize, Vec<usize>)> {
    let leadered = |t: &str| {
        let t = t.trim();
        let head = t.trim_end_matches(|c: char| c.is_ascii_digit()).trim_end();
        let leader = ["...", "…", "···", "．．．", "·····"].iter().any(|l| head.ends_with(l));
        let head = head.trim_end_matches(|c: char| c.is_whitespace() || "…．.·".contains(c));
        head.len() < t.len() && leader && !head.is_empty() && head.chars().count() <= 40 && !head.contains('。')
    };
    let free = |i: usize| status[i].is_none() && !lines[i].text.trim().is_empty();
    let first = (0..lines.len()).find(|&i| free(i) && leadered(&lines[i].text))?;
    let entries: Vec<usize> =
        (first..lines.len()).filter(|&i| free(i)).take_while(|&i| leadered(&lines[i].text)).collect();
    if entries.len() < 3 {
        return None;
    }
    for &i in &entries {
        status[i] = Some(Use::Passage);
    }
    Some((first, entries))
}

/// Titles of the sections that frame a plan (its guiding ideas, principles and aims) rather than
/// assign work; a numbered item with one of them is prose, whatever its number.
const FRAMING_TITLES: &[&str] = &[
    "序言",
    "前言",
    "指导思想",
    "基本原则",
    "工作原则",
    "主要目标",
    "总体目标",
    "工作目标",
    "发展目标",
    "总体要求",
    "目标任务",
    "总体思路",
    "发展思路",
    // A campaign's or programme's plan (…执法年活动方案, …体系建设实施方案) opens with its
    // 基本思路 or 工作思路 and the 绩效目标 it is funded for, as others with 总体思路.
    "基本思路",
    "工作思路",
    "绩效目标",
    "目标要求",
    // Why the document matters (一、重要意义, 充分认识…的重要意义), not what it assigns.
    "重要意义",
    // An event's plan (…宣传周活动方案) says when and under which theme before its tasks.
    "活动主题",
    "活动时间",
    // A notice calling for applications (…合作银行申报工作的通知) says who may apply, on which
    // conditions, when and with which papers; only its steps (评定程序) are work it assigns.
    "申报对象",
    "申报条件",
    "申报时间",
    "申报材料",
    // A regulation's general and supplementary provisions (第一章 总则: purpose, scope,
    // definitions; 附则: when it takes effect).
    "总则",
    "附则",
    // What may go wrong (六、风险评估: 法律风险, 执行风险 …), assessed, not assigned; a task on
    // risks says what to do about them (加强风险防控).
    "风险评估",
    "风险分析",
];

/// Titles of a chapter on the plan's background, after the period it looks back on
/// (`“十二五”发展基础`); a task may end the same way (夯实知识产权发展基础), so these are whole.
const BACKGROUND_TITLES: &[&str] = &[
    "发展基础",
    "工作基础",
    "现实基础",
    "发展环境",
    "基本情况",
    "规划背景",
    // The 十四五 plans on Hebei's model open 一、规划基础 with the last period's record.
    "规划基础",
    "发展背景",
    "编制背景",
    "形势背景",
    "工作总结",
    // 广东 2022: 第一节 “十三五”时期工作成效.
    "工作成效",
];

/// How a chapter of background may end its title: `面临的形势和任务`, `知识产权事业发展回顾`.
const BACKGROUND_ENDINGS: &[&str] = &[
    "发展现状",
    "面临形势",
    "面临的形势",
    // 规划执行情况及发展面临的新形势: the last plan's record and what the new one faces.
    "面临的新形势",
    // 广东 2022: 第一章 “十三五”时期工作成效和“十四五”时期发展形势.
    "发展形势",
    "形势和任务",
    "形势与任务",
    "机遇和挑战",
    "机遇与挑战",
    "挑战和机遇",
    "挑战与机遇",
    // 挑战和发展趋势: what the plan's years will face, not a task.
    "发展趋势",
    "发展回顾",
    "工作回顾",
    "回顾与评价",
    "回顾和评价",
    "现状与形势",
    "现状和形势",
    "取得的成就",
    "取得的成效",
    "主要成就",
    // 杭州 2021: （一）“十三五”时期知识产权工作总体成效 under a chapter named for its slogan.
    "总体成效",
    "主要成效",
    "发展成就",
    "机遇挑战",
    // 贵州 2021: 第一章 战略背景 (as 规划背景, 发展背景, 编制背景 …).
    "背景",
    // 青海省“十三五”知识产权发展概况: the last period's record.
    "发展概况",
    // A year's work report (2026 全国局长会议: 一、“十四五”时期…发展成就和2025年主要工作进展).
    "主要工作进展",
    "主要进展",
    // An explainer's account of how the document was made (二、《制度》制定过程: 文件起草,
    // 征求意见 …), steps already taken, not tasks.
    "制定过程",
    "起草过程",
    "编制过程",
    "出台过程",
];

/// A chapter title on the plan's background, after the period it looks back on (`“十二五”`,
/// `2017年`: a work plan's summary of the year before, 2017年工作总结).
fn is_background(title: &str) -> bool {
    let periods = ["十一五", "十二五", "十三五", "十四五", "“", "”", "\"", "时期", "期间", "年度", "年"];
    let mut t = title;
    loop {
        let year = t.trim_start_matches(|c: char| c.is_ascii_digit());
        match periods.iter().find_map(|p| year.strip_prefix(p)) {
            Some(rest) => t = rest,
            None => break,
        }
    }
    BACKGROUND_TITLES.contains(&t) || BACKGROUND_ENDINGS.iter().any(|e| t.ends_with(e))
}

/// Does a numbered section with this text (its title first) frame the plan rather than set a
/// task: background, aims, principles (`指导思想`, `实施知识产权战略的指导思想：…`, `发展基础`)?
fn frames_the_plan(rest: &str) -> bool {
    let title = first_sentence(rest);
    // …的指导思想 names whose aims; the framing word is what follows the last 的. A news report
    // heads its account of a plan with the document's name first (规划发展目标, 方案总体要求).
    let framing = |part: &str| {
        let part = part.rsplit('的').next().unwrap_or(part);
        let unnamed = SELF_NAMES.iter().find_map(|n| part.strip_prefix(n)).unwrap_or(part);
        let undertaken = UNDERTAKINGS.iter().find_map(|n| part.strip_prefix(n)).unwrap_or(part);
        [part, unnamed, undertaken].iter().any(|t| FRAMING_TITLES.contains(t))
    };
    // An article's title saying what the document is for (第一条 评奖宗旨, 立法目的).
    let purpose = ["宗旨", "目的", "目的和依据", "目的与依据"].iter().any(|e| title.ends_with(e));
    // Who sits on the body a notice sets up (一、领导小组组成人员, 组 长：… 成 员：…).
    let members = ["组成人员", "成员名单"].iter().any(|e| title.ends_with(e));
    // An article stating the principles the work follows (第三条 数据知识产权登记遵循自愿登记、
    // 依法合规…原则。), as a 基本原则 section does.
    let principles = title.contains("遵循") && title.trim_end_matches(['。', '；']).ends_with("原则");
    framing(&title)
        || principles
        || title.split(['和', '与', '、']).all(framing)
        || is_background(&title)
        || speaks_of_itself(&title)
        || purpose
        || members
}

/// What a notice or campaign plan names its framing sections after (二、试点工作原则, 一、专项行动
/// 总体要求, 三、项目申报时间): the undertaking, before the framing title, as a plan's own name may be.
const UNDERTAKINGS: &[&str] = &["试点", "专项行动", "行动", "创建", "项目"];

/// Names a document may call itself by in its own articles (本措施, 本办法 …).
const SELF_NAMES: &[&str] = &["措施", "办法", "意见", "规定", "细则", "方案", "政策", "计划", "规划"];

/// An article about the document itself rather than a task: why it is made (`为…，制定本措施`),
/// what its words mean, whom it covers, who interprets it and when it takes effect (`本措施自
/// 印发之日起施行`, `本办法所称…`, `本措施由市市场监管局负责解释`).
fn speaks_of_itself(sentence: &str) -> bool {
    let names_itself = |t: &str| SELF_NAMES.iter().any(|n| t.starts_with(n));
    let made =
        sentence.rsplit_once("制定本").is_some_and(|(_, after)| names_itself(after) && after.chars().count() <= 4);
    let about = sentence.strip_prefix('本').is_some_and(names_itself)
        && ["施行", "解释", "适用", "所称", "有效期", "执行"].iter().any(|w| sentence.contains(w));
    made || about
}

/// A chapter on how the plan is to be carried out (保障措施, 加强组织保障, 工作要求): its paragraphs
/// are tasks only where they name who does them (as the seeds' 保障措施 are outside their items).
fn is_safeguard(title: &str) -> bool {
    let endings = ["保障措施", "保障机制", "组织保障", "工作保障", "实施保障", "组织实施", "工作要求", "实施要求"];
    title == "保障" || endings.iter().any(|e| title.ends_with(e))
}

/// Is any chapter above `depth` one that frames the plan (a task's number under 一、发展基础 /
/// （一）取得的成就 is still background)?
fn in_framing_chapter(chapters: &Chapters, depth: Depth) -> bool {
    chapters.iter().take(depth as usize).flatten().any(|c| frames_the_plan(c))
}

/// Is a chapter in force one of aims (二、工作目标, （二）具体目标)? Its sub-headings may say what
/// the goals are about (（一）品牌数量明显提高) without the word.
fn states_goals(chapters: &Chapters) -> bool {
    chapters.iter().flatten().any(|c| c.contains("目标"))
}

/// The text up to the first full stop (or all of it), without numbering punctuation.
fn first_sentence(rest: &str) -> String {
    let t = normalise(rest);
    let end = t.find(['。', '：', ':']).unwrap_or(t.len());
    t[..end].trim_end_matches(['；', '，']).to_string()
}

/// A title line without what it may close with in brackets: its years, printed whole or damaged
/// (`工作方案(2022-2025年)`, `推进计划(20222023`), and its version (`办法（征求意见稿）`, `方案（试行）`).
fn without_title_suffix(t: &str) -> &str {
    // Or the year printed bare after the title word (…工作要点2023年, …推进计划2024年度).
    let bare = t.trim_end_matches(['年', '度']);
    let digits = bare.len() - bare.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 4 && bare.len() < t.len() {
        let before = &bare[..bare.len() - 4];
        if TITLE_ENDINGS.iter().any(|e| before.ends_with(e)) {
            return before;
        }
    }
    let Some(open) = t.rfind(['(', '（']) else { return t };
    let inside = t[open..].trim_start_matches(['(', '（']).trim_end_matches([')', '）']);
    let is_years = !inside.is_empty()
        && inside.chars().any(|c| c.is_ascii_digit())
        && inside.chars().all(|c| c.is_ascii_digit() || "-—–－~～年至".contains(c));
    // What a draft or a trial version says of itself: …办法（征求意见稿）, …方案（试行）, dated
    // or not (…评奖办法(2023年修订)).
    let undated = inside.trim_start_matches(|c: char| c.is_ascii_digit()).strip_prefix('年').unwrap_or(inside);
    let is_status = DRAFT_STATUS.contains(&inside) || DRAFT_STATUS.contains(&undated);
    if is_years || is_status {
        without_title_suffix(&t[..open])
    } else {
        t
    }
}

/// A title line a page prints in guillemets (`《武汉市人民政府办公厅关于…的意见》`), without them;
/// a line that only cites a document inside it keeps them.
fn without_guillemets(t: &str) -> &str {
    match t.strip_prefix('《').and_then(|t| t.strip_suffix('》')) {
        Some(inner) if !inner.contains(['《', '》']) => inner,
        _ => t,
    }
}

/// A title line that closes with its own document number in brackets, as law databases and
/// government pages print it (`…关于新时代推进品牌建设的实施意见 (鄂政办发〔2022〕48号)`): the
/// title without it, and the number.
fn split_doc_number(t: &str) -> (&str, Option<&str>) {
    let closed = t.ends_with([')', '）']);
    let number = t.rfind(['(', '（']).filter(|_| closed).and_then(|open| Some((open, as_doc_number(&t[open..])?)));
    match number {
        Some((open, number)) if !t[..open].trim_end().is_empty() => (t[..open].trim_end(), Some(number)),
        _ => (t, None),
    }
}

/// `t` without what it cites in guillemets (`关于贯彻《A、B》的意见` as `关于贯彻的意见`); an
/// unclosed 《 keeps the rest.
fn outside_guillemets(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    let mut rest = t;
    while let Some((before, after)) = rest.split_once('《') {
        out.push_str(before);
        match after.split_once('》') {
            Some((_, next)) => rest = next,
            None => {
                out.push('《');
                rest = after;
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Bracketed words after a title that say which version it is.
const DRAFT_STATUS: &[&str] =
    &["试行", "暂行", "征求意见稿", "公开征求意见稿", "草案", "送审稿", "修订", "修订稿", "讨论稿"];

/// A title without the label of the page's field it is printed in (文章标题: …, as a library
/// records a reprinted article, Heilongjiang 2022).
fn without_title_label(t: &str) -> &str {
    ["文章标题", "标题", "题名"]
        .iter()
        .find_map(|l| t.strip_prefix(l).and_then(|r| r.strip_prefix(['：', ':'])))
        .map_or(t, str::trim_start)
}

/// A (normalised) title's shape: at most 60 characters ending in a title word (…规划, …方案, its
/// years or version after it), and no notice about one (…的通知).
fn is_title_shape(t: &str) -> bool {
    let bare = without_title_suffix(t);
    // A strategy is a plan when it prints the years it covers (四川省专利战略(2011-2020年)); a
    // bare 实施知识产权战略 is a heading.
    let dated_strategy = bare.len() < t.len() && bare.ends_with("战略");
    bare.chars().count() <= 60
        && (TITLE_ENDINGS.iter().any(|e| bare.ends_with(e)) || dated_strategy)
        && !bare.ends_with("通知")
        && !cites_unclosed(t)
}

/// Does a line open a guillemet it does not close (`为贯彻落实《专利转化运用专项行动方案(202`)?
/// Such a line is cut mid-sentence, a wrapped line of text that cites a document, never a title,
/// however it happens to end.
fn cites_unclosed(t: &str) -> bool {
    t.rfind('《').is_some_and(|open| !t[open..].contains('》'))
}

/// What a notice does with the document it sends: issues it, or passes on one a body drew up.
const SENDING_VERBS: &[&str] = &["印发", "转发"];

/// The document a notice sends when its name prints it without guillemets
/// (`抚州市人民政府办公室关于印发抚州市…工作方案的通知`): what stands between 印发 and 的通知, if
/// that is a title. A general office passing on a plan a body of its government drew up sends it
/// the same way (`…办公厅关于转发吉林省…工作推进方案的通知`).
fn issued_without_guillemets(notice: &str) -> Option<String> {
    let (_, rest) = SENDING_VERBS.iter().find_map(|v| notice.split_once(v))?;
    let sent = rest.strip_suffix("的通知")?;
    // Last year's report sent with the plan (关于印发2021年工作总结和2022年工作要点的通知): the
    // plan is the name after the report's.
    let plan = ["总结和", "总结与", "总结及"].iter().find_map(|w| sent.split_once(w)).map(|(_, p)| p);
    let sent = plan.filter(|p| is_title_shape(p)).unwrap_or(sent);
    is_title_shape(sent).then(|| sent.to_string())
}

/// What a notice says as it sends a document (现将《X》印发给你们, or 转发给你们 for one another
/// body made).
const SENDS_TO_READERS: &[&str] = &["印发给你们", "现予印发", "现印发", "转发给你们", "现予转发", "现转发"];

/// What else a notice says of the document it sends (现向社会各界征求意见, 现将有关事项通知如下).
const NOTICE_WORDS: &[&str] = &["征求意见", "通知如下"];

/// Is this (normalised) line the label of an attachment: 附件, 附件：, 附件1?
pub(crate) fn is_attachment_label(t: &str) -> bool {
    t.trim_end_matches([':', '：']).trim_end_matches(|c: char| c.is_ascii_digit()) == "附件"
}

/// The line where a plan sent as an attachment begins (附件： over its title), after a signed
/// notice (…征求意见 … 2022年8月8日): the notice's own numbered lines (where to send comments,
/// whom to call) are then no items of the plan.
fn attachment_start(lines: &[Line], content: &[usize]) -> Option<usize> {
    let text = |k: usize| content.get(k).map(|&i| normalise(&lines[i].text)).unwrap_or_default();
    // Checked in this order, each only where the one before holds: a text of thousands of lines
    // must not normalise every line before each (2,500 items took 4 s).
    let first_notice =
        (0..content.len()).find(|&j| SENDS_TO_READERS.iter().chain(NOTICE_WORDS).any(|w| text(j).contains(w)))?;
    (first_notice + 1..content.len()).find_map(|k| {
        let label = is_attachment_label(&text(k)) && is_date_line(&text(k - 1));
        let titled = || is_title_shape(&text(k + 1)) || is_title_shape(&(text(k + 1) + &text(k + 2)));
        (label && titled()).then_some(content[k])
    })
}

/// A short line without punctuation whose next content line is a paragraph: a heading of a
/// document that numbers nothing (`加强知识产权保护` over its tasks).
fn is_plain_heading(lines: &[Line], status: &[Option<Use>], i: usize) -> bool {
    if status[i].is_some() {
        return false;
    }
    let t = normalise(&lines[i].text);
    let n = t.chars().count();
    let punctuated = t.contains(['。', '，', ',', '；', ';', '：', ':', '《']) || t.ends_with(['）', ')', '”']);
    // A heading has words: a stray mark a page left on a line (`\`) is none.
    if n == 0 || n > 30 || punctuated || !has_words(&t) {
        return false;
    }
    let titled = |t: &str| {
        let t = without_title_suffix(t);
        TITLE_ENDINGS.iter().any(|e| t.ends_with(e))
    };
    if titled(&t) || years_of(&t, None).0.is_some() || is_headline(lines, status, i) {
        return false;
    }
    // The headline printed again further down (an image's caption repeating it, Henan 2022 news)
    // is the page's title still, no heading over the paragraphs after it.
    let again = (i.saturating_sub(20)..i).any(|j| normalise(&lines[j].text) == t && is_headline(lines, status, j));
    if again {
        return false;
    }
    let is_paragraph = |j: usize| {
        let t = normalise(&lines[j].text);
        t.chars().count() > 20 && ends_sentence(&t)
    };
    let content_after = |from: usize| (from + 1..lines.len()).find(|&j| status[j].is_none());
    match content_after(i) {
        Some(j) if is_paragraph(j) => true,
        // A heading over a heading (任务 / 加强知识产权保护), not the first half of a title.
        Some(j) if is_plain_heading_shape(&lines[j].text) && !titled(&normalise(&lines[j].text)) => {
            content_after(j).map(is_paragraph).unwrap_or(false)
        }
        _ => false,
    }
}

/// A news page's headline: the line the page prints its publication data under (`发布时间：
/// 2021-04-29 … 来源：中国报道`, skipped as furniture), the page's title, not a heading over its
/// paragraphs.
fn is_headline(lines: &[Line], status: &[Option<Use>], i: usize) -> bool {
    // The data may take a few lines, its date not on the first (来源：同花顺7x24快讯 / 2024-11-15 09:06:40).
    let data =
        (i + 1..lines.len()).filter(|&j| !lines[j].text.is_empty()).take_while(|&j| status[j] == Some(Use::Noise));
    data.take(3).any(|j| has_date(&normalise(&lines[j].text)))
}

/// Short and unpunctuated, as a heading is (without looking at what follows).
fn is_plain_heading_shape(text: &str) -> bool {
    let t = normalise(text);
    let n = t.chars().count();
    n > 0 && n <= 30 && !t.contains(['。', '，', ',', '；', ';', '：', ':'])
}

/// Where a title starts after spam a mirror site glued before it (`yl6809永利2022年度知识产权工作
/// 要点`): Latin letters run into digits, then a few characters, before the title's own year,
/// place or 关于. None for a title that opens as titles do.
fn junk_before_title(title: &str) -> Option<usize> {
    // A site's label in black brackets before it (【自治区文件】 内蒙古自治区…纲要).
    let label = title.strip_prefix('【').and_then(|rest| rest.split_once('】')).map(|(inside, _)| inside);
    if let Some(inside) = label.filter(|l| (1..=10).contains(&l.chars().count())) {
        let at = '【'.len_utf8() + inside.len() + '】'.len_utf8();
        return (at < title.len()).then_some(at);
    }
    let latin = title.len() - title.trim_start_matches(|c: char| c.is_ascii_alphanumeric()).len();
    let token = &title[..latin];
    if !token.starts_with(|c: char| c.is_ascii_alphabetic()) || !token.contains(|c: char| c.is_ascii_digit()) {
        return None;
    }
    title.char_indices().map(|(i, _)| i).filter(|&i| i >= latin).take(8).find(|&i| {
        let rest = &title[i..];
        let place = region_in_title(rest).is_some_and(|r| rest.starts_with(r.as_str()));
        year_opening(rest).is_some() || rest.starts_with("关于") || place
    })
}

/// Quotation marks, brackets and dashes that a PDF turned into a web page may print on lines of
/// their own, split from the words around them (`根据《…纲要` / `(` / `2021` / `—` / `2035年` / `)`
/// / `》《` / `“` / `十四五` / `”` / `…规划》以及`).
const OPENING_MARKS: &str = "“‘《（(【〔";
const CLOSING_MARKS: &str = "”’》）)】〕";
const SPLIT_DASHES: &str = "—–～~";
/// Stops that may follow a closing mark on its line (`”，`, `）。`).
const STOPS_AFTER_MARKS: &str = "。，、；：,;:";
/// Lines of marks alone a text has at least when its marks were split off (one stray bracket on
/// a line is left be).
const SPLIT_MARK_LINES: usize = 4;

/// Whether a line is only marks split off the words around them ([`OPENING_MARKS`]).
fn is_split_mark(t: &str) -> bool {
    let mark = |c: char| OPENING_MARKS.contains(c) || CLOSING_MARKS.contains(c) || SPLIT_DASHES.contains(c);
    t.chars().any(mark) && t.chars().all(|c| mark(c) || STOPS_AFTER_MARKS.contains(c))
}

/// The lines of a text whose marks were split onto lines of their own ([`OPENING_MARKS`]) joined
/// back: a line of marks that closes (`”`, `)`, `》《`, `—`) to the words before it, the words after
/// a line of marks that ends open or closed (not on a stop) to it, and a line of marks that opens
/// to words that cannot end a heading or a sentence (`…工作成效和` / `“`, `根据《…纲要` / `(`). Only next lines join, so
/// a blank line still parts paragraphs, and a numbered heading stays on its own line. A joined
/// line keeps the first one's number; returned with it, for each, the first and last numbers.
fn join_split_marks(lines: &[Line]) -> (Vec<Line>, Vec<(u32, u32)>) {
    let mut joins: Vec<(u32, u32)> = Vec::new();
    if lines.iter().filter(|l| is_split_mark(&l.text)).count() < SPLIT_MARK_LINES {
        return (lines.to_vec(), joins);
    }
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    let mut pulls = false; // the line before asks for this one
                           // 《 less 》 in the last line out, kept as pieces join it (counting the whole line at each
                           // join would be quadratic in a run of joins).
    let open_in = |t: &str| t.matches('《').count() as isize - t.matches('》').count() as isize;
    let mut open_titles: isize = 0;
    for line in lines {
        let t = line.text.as_str();
        let mark = is_split_mark(t);
        let closes = mark && t.starts_with(|c: char| CLOSING_MARKS.contains(c) || SPLIT_DASHES.contains(c));
        let opens = mark && t.starts_with(|c: char| OPENING_MARKS.contains(c));
        let glue = match out.last() {
            Some(last) if !last.text.is_empty() && !t.is_empty() => {
                // …or that leave a title's guillemet open (`根据《…纲要` / `(`).
                let runs_on = open_titles > 0 || last.text.ends_with(|c: char| "、，,和与及为的".contains(c));
                closes || opens && runs_on || pulls && marker(t).is_none()
            }
            _ => false,
        };
        match out.last_mut().filter(|_| glue) {
            Some(last) => {
                last.text.push_str(t);
                open_titles += open_in(t);
                match joins.last_mut().filter(|j| j.0 == last.no) {
                    Some(j) => j.1 = line.no,
                    None => joins.push((last.no, line.no)),
                }
            }
            None => {
                out.push(line.clone());
                open_titles = open_in(t);
            }
        }
        pulls = mark && !t.ends_with(|c: char| STOPS_AFTER_MARKS.contains(c));
    }
    (out, joins)
}

/// Split a line where a page ran a notice's parts together with spaces (`泰安市人民政府 关于加强…
/// 的实施意见 各县、市、区人民政府,…: 为充分发挥…`): before and after the title, and after the
/// addressees' colon. The pieces keep the line's number; other lines are left alone.
fn split_spaced_notice(lines: &[Line]) -> Vec<Line> {
    // The title, or the notice that sends it by name (成都市人民政府关于印发成都市…实施意见的通知
    // 各区(市)县政府,…: 《成都市…》已经…, a law site's page run into one line).
    let is_title = |f: &str| {
        let f = normalise(f);
        let titled = is_title_shape(&f) || issued_without_guillemets(&f).is_some();
        titled && !without_title_suffix(&f).contains(['，', ',', '。', '：', ':'])
    };
    let mut out = Vec::with_capacity(lines.len());
    for line in lines {
        let text = line.text.as_str();
        let fields: Vec<(usize, &str)> =
            text.split_whitespace().map(|f| (f.as_ptr() as usize - text.as_ptr() as usize, f)).collect();
        let title = fields.iter().position(|(_, f)| is_title(f)).filter(|&k| k + 1 < fields.len());
        let addressees = title.and_then(|k| (k + 1..fields.len()).find(|&j| fields[j].1.ends_with([':', '：'])));
        let (Some(k), Some(to)) = (title, addressees) else {
            out.push(line.clone());
            continue;
        };
        let cuts = [k, k + 1, to + 1].map(|j| fields.get(j).map_or(text.len(), |f| f.0));
        let mut from = 0;
        for cut in cuts.into_iter().chain(std::iter::once(text.len())) {
            let piece = text[from..cut].trim();
            if !piece.is_empty() {
                out.push(Line { no: line.no, text: piece.to_string() });
            }
            from = cut;
        }
    }
    out
}

/// Split a line that holds a whole document run together (a page that lost its line breaks:
/// `…分工一、主要任务(一)高质量推进…1.提升…`) before each number that continues the numbering
/// 一、 → (一) → 1.; the pieces keep the line's number. Other lines are left alone.
fn split_glued_lines(lines: &[Line]) -> Vec<Line> {
    let mut out = Vec::with_capacity(lines.len());
    for line in lines {
        let chars: Vec<char> = line.text.chars().collect();
        if chars.len() < 150 {
            out.push(line.clone());
            continue;
        }
        let mut next = [0u32, 1, 1, 1, 1, 1, 1, 1];
        // The line's own number opens the numbering its pieces go on with (`1、… 2、…`).
        let opening = marker(&line.text);
        if let Some(m) = &opening {
            let d = m.depth as usize;
            next[d] = m.number + 1;
        }
        let mut cuts: Vec<usize> = Vec::new();
        let mut byte = 0;
        // The numbers of a notice's list of attachments (`附件:1.关于… 2.关于…`) name documents.
        let lists_attachments = |byte: usize| {
            let before = line.text[..byte].trim_end();
            before.ends_with(['：', ':']) && before.trim_end_matches(['：', ':']).ends_with("附件")
        };
        for (p, c) in chars.iter().enumerate() {
            // Inside a run of spaces a number reads as from the run's second (`marker` skips them,
            // and a space is before both), so no later one is tried: a line of a million spaces
            // costs no more than one.
            let in_a_run = p > 1 && c.is_whitespace() && chars[p - 1].is_whitespace() && chars[p - 2].is_whitespace();
            if p > 0
                && !in_a_run
                && !chars[p - 1].is_ascii_digit()
                && !is_cn_digit(chars[p - 1])
                && chars[p - 1] != '第'
            {
                if let Some(m) = marker(&line.text[byte..]).filter(|_| !lists_attachments(byte)) {
                    let d = m.depth as usize;
                    let fresh = next[d] == 1 || cuts.is_empty();
                    if m.number == next[d] || m.number == 1 && fresh {
                        cuts.push(byte);
                        next[d] = m.number + 1;
                        for deeper in next.iter_mut().skip(d + 1) {
                            *deeper = 1;
                        }
                    }
                }
            }
            byte += c.len_utf8();
        }
        // A few numbers of different depths, or it is a paragraph that happens to hold 一、.
        let depths: std::collections::BTreeSet<u8> =
            cuts.iter().filter_map(|&b| marker(&line.text[b..]).map(|m| m.depth as u8)).collect();
        // Or a page ran its paragraphs together with a space between them (`…制定本行动方案。
        // 一、指导思想 坚持… 二、工作目标 到2025年，…`): each number opens a paragraph.
        // (A cut falls on the space, as the number is read past it.)
        // So does a line that opens with its number and goes on with the next a space apart
        // (`1、鼓励知识产权高质量创造 ①对…奖励。 2、加强知识产权金融赋能 支持…`).
        let numbered = cuts.len() + usize::from(opening.is_some() && !cuts.is_empty());
        let spaced = numbered >= 2 && cuts.iter().all(|&b| line.text[b..].starts_with(char::is_whitespace));
        if (cuts.len() < 3 || depths.len() < 2) && !spaced {
            out.push(line.clone());
            continue;
        }
        let mut from = 0;
        for cut in cuts.into_iter().chain(std::iter::once(line.text.len())) {
            let piece = line.text[from..cut].trim();
            // A paragraph's heading, a space before its text, is a line of its own.
            let (heading, text) = spaced.then(|| spaced_heading(piece)).flatten().unwrap_or((piece, ""));
            for part in [heading, text] {
                if !part.is_empty() {
                    out.push(Line { no: line.no, text: part.to_string() });
                }
            }
            from = cut;
        }
    }
    out
}

/// A numbered paragraph whose few words of heading stand a space before its text (`2、加强知识产权
/// 金融赋能 支持中小微企业…`, as a page prints a bold heading run into its paragraph): the heading
/// and the text. A heading holds no sentence's marks; a number's own space (`一、 指导思想`) is none.
fn spaced_heading(piece: &str) -> Option<(&str, &str)> {
    let m = marker(piece)?;
    let rest_at = piece.len().checked_sub(m.rest.len())?;
    let (words, text) = piece.get(rest_at..)?.split_once(char::is_whitespace)?;
    let text = text.trim_start();
    let short = (2..=20).contains(&words.chars().count());
    let plain = !words.contains(['。', '，', '；', '：', ',', ';', ':', '（', '(']);
    (short && plain && !text.is_empty()).then(|| (piece[..rest_at + words.len()].trim_end(), text))
}

/// Lines whose framing heading runs into its text with nothing between (`二、主要目标到2015年，…`,
/// as pages that lose line breaks print them) as two lines: the heading, then its text.
fn split_run_in_headings(lines: &[Line]) -> Vec<Line> {
    let mut out = Vec::with_capacity(lines.len());
    for line in lines {
        let split = marker(&line.text).filter(|m| m.depth <= Depth::Section).and_then(|m| {
            let title = FRAMING_TITLES.iter().filter(|t| m.rest.starts_with(**t)).max_by_key(|t| t.len())?;
            let after = &m.rest[title.len()..];
            // 指导思想是… and 主要目标任务 are no heading run into a text.
            let joined = ["是", "为", "和", "与", "及", "任务", "要求", "如下"].iter().any(|w| after.starts_with(w));
            let text = !after.starts_with(|c: char| c.is_ascii_punctuation() || "。，、：；（）“”".contains(c));
            (after.chars().count() >= 8 && text && !joined).then_some(after.len())
        });
        // The text ends the line (lines are trimmed); `get` keeps a cut off a character boundary
        // from ever panicking.
        let halves = split.and_then(|after| {
            let at = line.text.len().checked_sub(after)?;
            Some((line.text.get(..at)?, line.text.get(at..)?))
        });
        match halves {
            Some((heading, text)) => {
                out.push(Line { no: line.no, text: heading.to_string() });
                out.push(Line { no: line.no, text: text.to_string() });
            }
            None => out.push(line.clone()),
        }
    }
    out
}

/// The running headers of a text that went through a PDF: a short line printed again elsewhere
/// (the document's title, a gazette's name) standing right beside a page number (`— 2 —` /
/// `高校和科研机构存量专利盘活工作方案` / text). Each such line, not the other copies (the title
/// itself stays the title). A numbered line is a heading or a contents entry, never a header.
fn running_headers(lines: &[Line]) -> std::collections::HashSet<usize> {
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for line in lines.iter().filter(|l| !l.text.is_empty()) {
        *seen.entry(normalise(&line.text)).or_default() += 1;
    }
    let content: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].text.is_empty()).collect();
    let page_number = |k: Option<&usize>| k.is_some_and(|&j| is_page_number(&lines[j].text));
    let mut out = std::collections::HashSet::new();
    for (k, &i) in content.iter().enumerate() {
        let t = normalise(&lines[i].text);
        let beside_page_number =
            page_number(k.checked_sub(1).and_then(|p| content.get(p))) || page_number(content.get(k + 1));
        let printed_again = seen.get(&t).is_some_and(|&n| n >= 2);
        let short = t.chars().count() <= 40 && !is_page_number(&t) && marker(&t).is_none();
        if beside_page_number && printed_again && short {
            out.insert(i);
        }
    }
    out
}

/// A heading's number printed alone on its line with its words on the next (`第一章` / `总体要求`,
/// `一、` / `发展基础`, as PDFs print a heading the layout split): the two as one line, the number's,
/// and the words' line emptied. Returns the lines and, for each join, (number's line, words' line,
/// the words' own text), so that the ledger still cites the words' line for its words. Item numbers (`1.`)
/// alone are left be: a table may print its numbers in a column of their own.
fn join_bare_headings(lines: Vec<Line>) -> (Vec<Line>, Vec<(usize, usize, String)>) {
    let mut lines = lines;
    let mut joins = Vec::new();
    for i in 0..lines.len() {
        let Some(depth) = marker(&lines[i].text).filter(|m| m.rest.is_empty()).map(|m| m.depth) else { continue };
        if depth > Depth::Section {
            continue;
        }
        let Some(j) = (i + 1..lines.len()).find(|&j| !lines[j].text.is_empty()) else { continue };
        let next = &lines[j].text;
        // A 第X章 heading's words are a title; a sentence below it (an 办法's 第一条…。, its words
        // lost) is the chapter's text. Under 一、 or （一） the whole item may follow.
        let titled = depth < Depth::Chapter;
        let heading_like = !next.contains('。') && next.chars().count() <= 40;
        let takes_words = marker(next).is_none()
            && (!titled || heading_like)
            && !next.contains('\t')
            && !is_page_number(next)
            && !is_page_furniture(next)
            && next.chars().any(crate::index::is_han);
        if takes_words {
            let words = std::mem::take(&mut lines[j].text);
            lines[i].text.push_str(&words);
            joins.push((i, j, words));
        }
    }
    (lines, joins)
}

/// A numbered entry of a site's own list of links: a notice's title, often with its date
/// (`1. 关于开展…的通知 2019-05-01`).
fn is_link_entry(rest: &str) -> bool {
    let t = normalise(rest);
    let notice = ["通知", "公告", "公示", "通报", "决定", "批复", "的函"].iter().any(|e| t.ends_with(e));
    !t.contains('。') && (has_date(&t) && t.chars().count() <= 80 || t.starts_with("关于") && notice)
}

/// How a document lays out its paragraphs.
#[derive(Debug, Clone, Copy)]
struct Shape {
    /// One paragraph per line (web pages, 002, 004) rather than wrapped over short lines (000).
    paragraph_mode: bool,
    /// Width of a full line of wrapped text.
    wrap: f32,
    /// Blank lines mark paragraph breaks (they do not stand between every pair of lines).
    blank_separates: bool,
    /// Short lines that each end a sentence are paragraphs even at the widest line's width.
    lines_end_sentences: bool,
}

/// Width of a full wrapped line: the 90th percentile of the widths of content lines.
fn wrap_width(lines: &[Line], content: &[usize]) -> f32 {
    let mut widths: Vec<f32> = content.iter().map(|&i| width(&lines[i].text)).collect();
    widths.sort_by(|a, b| a.total_cmp(b));
    widths.get(widths.len() * 9 / 10).or(widths.last()).copied().unwrap_or(0.0)
}

/// Do blank lines separate paragraphs? Not when a PDF extraction put one after every line.
fn blank_lines_separate(lines: &[Line], content: &[usize]) -> bool {
    let adjacent = content.windows(2).filter(|w| w[1] == w[0] + 1).count();
    let blanks = lines.iter().filter(|l| l.text.is_empty()).count();
    blanks > 0 && adjacent * 4 >= content.len()
}

/// A numbered line that is only a heading: short, no sentence inside, no department clause,
/// and (in wrapped text) shorter than a full line, so that no body runs on from it.
fn is_heading_like(
    lines: &[Line],
    status: &[Option<Use>],
    i: usize,
    m: &Marker,
    paragraph_mode: bool,
    wrap: f32,
) -> bool {
    let rest = normalise(&m.rest);
    let body = rest.trim_end_matches(['。', '；', '：']);
    if body.chars().count() > 40 || body.contains('。') || trailing_clause(&rest).is_some() {
        return false;
    }
    let next = (i + 1..lines.len()).find(|&j| status[j].is_none());
    if next.map(|j| is_department_line(&lines[j].text)).unwrap_or(false) {
        return false;
    }
    paragraph_mode || width(&lines[i].text) < 0.8 * wrap
}

/// Is line `i` a bare heading (a few words, no sentence in it) with nothing after it? The last
/// line of a text cut short (a web page's first part), never a task.
fn ends_the_text_bare(last_content_line: Option<usize>, i: usize, rest: &str) -> bool {
    last_content_line == Some(i) && is_bare_heading(rest)
}

fn last_content_line(lines: &[Line], status: &[Option<Use>]) -> Option<usize> {
    (0..lines.len()).rev().find(|&j| status[j].is_none())
}

/// A few words with no sentence in them: a heading's shape.
fn is_bare_heading(rest: &str) -> bool {
    let t = normalise(rest);
    !t.is_empty() && t.chars().count() <= 24 && !t.contains(['。', '；', ';', '：', ':'])
}

/// Whether numbered line `k` (an index into `markers`) heads nothing: the next line that carries
/// text is a number at its depth or above, or there is none. Such a line is no heading however short
/// (工作目标's `(一)专利申请量达到1200件。`): as a heading its text would be lost.
fn heads_nothing(lines: &[Line], status: &[Option<Use>], markers: &[(usize, Marker)], k: usize) -> bool {
    let Some((at, m)) = markers.get(k) else { return false };
    match (at + 1..lines.len()).find(|&j| status[j].is_none()) {
        None => true,
        Some(j) => markers.get(k + 1).is_some_and(|(next_at, next)| *next_at == j && next.depth <= m.depth),
    }
}

/// Whether numbered line `k` is the last of a list whose lines head nothing (1.在我国有育种优势；
/// 2.…。 3.有利于保护…。): a sentence numbered next after a sibling that heads nothing is a line
/// of that list too, and the paragraph after it (the notice's closing 请你们…) is not its body.
/// A line whose next is numbered deeper heads those points (8.对举报…的奖励。 over (1)…(3)).
fn ends_a_list(lines: &[Line], status: &[Option<Use>], markers: &[(usize, Marker)], k: usize) -> bool {
    let (Some((at, m)), Some((_, before))) = (markers.get(k), k.checked_sub(1).and_then(|p| markers.get(p))) else {
        return false;
    };
    let next = (at + 1..lines.len()).find(|&j| status[j].is_none());
    let heads_points = markers.get(k + 1).is_some_and(|(next_at, n)| Some(*next_at) == next && n.depth > m.depth);
    let sentence = normalise(&m.rest).ends_with(['。', '；', ';']);
    sentence
        && !heads_points
        && before.depth == m.depth
        && before.number + 1 == m.number
        && heads_nothing(lines, status, markers, k - 1)
}

/// An unnumbered paragraph under a heading, before it is made a measure or a passage.
struct Paragraph {
    /// Index into `markers` of the deepest heading above it.
    heading: Option<usize>,
    chapter: String,
    /// The printed number when the paragraph is a numbered line that is not a heading.
    no: Option<u32>,
    lines: Vec<usize>,
    /// Under a chapter that frames the plan (background, aims), at any depth.
    framed: bool,
    /// Under a chapter of aims (工作目标), at any depth.
    aims: bool,
    /// A notice's closing matter: its list of attachments or its signature date.
    closing: bool,
}

/// A notice's closing line: the list of what it attaches (`附件：《…推荐表》`) or the date it is
/// signed (`二OO三年七月二十二日`), never part of the paragraph above it.
fn closes_the_notice(text: &str) -> bool {
    let t = normalise(text);
    let attachments = t.strip_prefix("附件").is_some_and(|r| r.starts_with(['：', ':']) && r.chars().count() > 1);
    // Its formula of closing (特此通知。), a sentence of the notice, no task.
    let formula = ["特此通知", "特此通告", "特此公告", "特此函告", "特此函复", "特此批复"]
        .iter()
        .any(|f| t.strip_prefix(f).is_some_and(|r| r.is_empty() || r == "。"));
    is_date_line(&t) || formula || attachments && !t.contains('。') && t.chars().count() <= 80
}

/// The body signing a notice on the line over its date (`国家知识产权局办公室` / `2023年12月22日`):
/// the signature, not a paragraph of the last section.
fn signs_the_notice(lines: &[Line], status: &[Option<Use>], i: usize) -> bool {
    let next = (i + 1..lines.len()).find(|&j| status[j].is_none() && !lines[j].text.trim().is_empty());
    is_issuer(&normalise(&lines[i].text)) && next.is_some_and(|j| is_date_line(&normalise(&lines[j].text)))
}

/// Documents whose items are unnumbered paragraphs under 一、/（一） headings: every numbered line
/// is a heading; the paragraphs of the chapters that assign work are the measures. A chapter
/// assigns work when one of its paragraphs closes with a department clause (or, in a document
/// that names no departments, every chapter does); lead-ins ending in ： are prose.
#[allow(clippy::too_many_arguments)]
fn paragraph_items(
    source: &str,
    lines: &[Line],
    markers: &[(usize, Marker)],
    heading_like: &[bool],
    plain_headings: &[bool],
    first_marker_line: usize,
    shape: Shape,
    plan: &mut PlanDraft,
    status: &mut [Option<Use>],
    diagnostics: &mut Vec<Diagnostic>,
) {
    let mut chapter_by_depth: Chapters = Default::default();
    // The heading each chapter of `chapter_by_depth` was read from (as `heading` counts them).
    let mut heading_by_depth: [Option<usize>; 8] = Default::default();
    let mut paragraphs: Vec<Paragraph> = Vec::new();
    let mut open: Option<Paragraph> = None;
    let mut heading: Option<usize> = None;
    let mut k = 0;
    for i in first_marker_line..lines.len() {
        while k < markers.len() && markers[k].0 < i {
            k += 1;
        }
        if status[i].is_some() {
            if shape.blank_separates && lines[i].text.is_empty() {
                paragraphs.extend(open.take());
            }
            continue;
        }
        if plain_headings.get(i).copied().unwrap_or(false) {
            // An unnumbered heading line (a document without numbering): ids past the markers'.
            paragraphs.extend(open.take());
            chapter_by_depth[Depth::Section as usize] = Some(trim_heading(&lines[i].text));
            chapter_by_depth[Depth::Item as usize] = None;
            chapter_by_depth[Depth::Sub as usize] = None;
            status[i] = Some(Use::Heading);
            heading = Some(markers.len() + i);
            heading_by_depth[Depth::Section as usize] = heading;
            heading_by_depth[Depth::Item as usize] = None;
            heading_by_depth[Depth::Sub as usize] = None;
            continue;
        }
        if k < markers.len() && markers[k].0 == i {
            paragraphs.extend(open.take());
            let m = &markers[k].1;
            if heading_like[k] && !heads_nothing(lines, status, markers, k) && !ends_a_list(lines, status, markers, k) {
                chapter_by_depth[m.depth as usize] = Some(trim_heading(&m.rest));
                for deeper in chapter_by_depth.iter_mut().skip(m.depth as usize + 1) {
                    *deeper = None;
                }
                heading_by_depth[m.depth as usize] = Some(k);
                for deeper in heading_by_depth.iter_mut().skip(m.depth as usize + 1) {
                    *deeper = None;
                }
                status[i] = Some(Use::Heading);
                heading = Some(k);
                continue;
            }
            // A numbered line with a body, or one that heads nothing: a paragraph of its own that
            // keeps its number, out of the scope of a heading numbered at its depth or deeper
            // (9. after 8.对举报…的奖励。's points (1)…(3)).
            for deeper in chapter_by_depth.iter_mut().skip(m.depth as usize) {
                *deeper = None;
            }
            // … and out of that heading's scope: a framing heading before it (三、申报材料: over
            // 1、…5、) says nothing of 四、请…报送 (Gansu 2012 notice).
            let at_its_depth =
                heading.is_some_and(|h| heading_by_depth.iter().skip(m.depth as usize).any(|d| *d == Some(h)));
            for deeper in heading_by_depth.iter_mut().skip(m.depth as usize) {
                *deeper = None;
            }
            let scoping = if at_its_depth { heading_by_depth.iter().rev().find_map(|h| *h) } else { heading };
            open = Some(Paragraph {
                heading: scoping,
                chapter: enclosing_chapter(&chapter_by_depth, Depth::Sub),
                no: Some(m.number),
                lines: vec![i],
                framed: in_framing_chapter(&chapter_by_depth, Depth::Sub),
                aims: states_goals(&chapter_by_depth),
                closing: false,
            });
        } else if closes_the_notice(&lines[i].text) || signs_the_notice(lines, status, i) {
            paragraphs.extend(open.take());
            paragraphs.push(Paragraph {
                heading,
                chapter: enclosing_chapter(&chapter_by_depth, Depth::Sub),
                no: None,
                lines: vec![i],
                framed: false,
                aims: false,
                closing: true,
            });
            continue;
        } else if open.is_none() && is_department_line(&lines[i].text) && !paragraphs.is_empty() {
            // A department clause on its own line (责任单位：…) closes the paragraph above it.
            if let Some(last) = paragraphs.last_mut() {
                last.lines.push(i);
            }
            continue;
        } else {
            let p = open.get_or_insert_with(|| Paragraph {
                heading,
                chapter: enclosing_chapter(&chapter_by_depth, Depth::Sub),
                no: None,
                lines: Vec::new(),
                framed: in_framing_chapter(&chapter_by_depth, Depth::Sub),
                aims: states_goals(&chapter_by_depth),
                closing: false,
            });
            p.lines.push(i);
        }
        let text = &lines[i].text;
        let closes = if shape.paragraph_mode {
            ends_sentence(text)
        } else {
            // The clause that may close the paragraph starts within its last few lines.
            let from = open.as_ref().map(|p| p.lines[p.lines.len().saturating_sub(4)]).unwrap_or(i);
            let so_far = joined(lines, status, from, i);
            let short = width(text) < 0.9 * shape.wrap || shape.lines_end_sentences;
            closes_with_departments(&so_far) || ends_sentence(text) && short
        };
        if closes || text.ends_with(['：', ':']) {
            paragraphs.extend(open.take());
        }
    }
    paragraphs.extend(open.take());

    let text_of = |p: &Paragraph| {
        let raw = join_item_lines(p.lines.iter().map(|&i| lines[i].text.as_str()));
        let t = normalise(&raw);
        match p.no.and_then(|_| p.lines.first()).and_then(|&i| marker(&lines[i].text)) {
            Some(m) => normalise(&format!("{}{}", m.rest, &raw[lines[p.lines[0]].text.len()..])),
            None => t,
        }
    };
    let has_clause = |p: &Paragraph| {
        let t = text_of(p);
        trailing_clause(&t).or_else(|| trailing_labelled_clause(&t)).is_some()
    };
    let any_clause = paragraphs.iter().any(&has_clause);
    let working: std::collections::HashSet<Option<usize>> =
        paragraphs.iter().filter(|p| has_clause(p)).map(|p| p.heading).collect();
    // A chapter of aims (工作目标, 2023年知识产权工作目标任务) states goals, not tasks: its paragraphs
    // are prose (their targets are read from it) unless one names who does it.
    let heading_title = |p: &Paragraph| {
        p.heading.and_then(|h| markers.get(h)).map(|(_, m)| first_sentence(&m.rest)).unwrap_or_default()
    };
    // A numbered line that heads nothing may itself be a framing title (一、总体要求).
    let frames = |p: &Paragraph| p.no.is_some() && frames_the_plan(&text_of(p));
    // A chapter on carrying the plan out holds prose, but a point it numbers in the run of the
    // plan's items (八、精心组织实施 / （二十六）强化组织领导。…) is an item as any other.
    let states_aims = |p: &Paragraph| {
        let title = heading_title(p);
        let safeguard = is_safeguard(&title) && p.no.is_none();
        (frames_the_plan(&title) || title.contains("目标") || safeguard || p.framed || frames(p)) && !has_clause(p)
    };
    let last_line = last_content_line(lines, status);
    let cut_short = |p: &Paragraph| match p.lines.as_slice() {
        [i] => p.no.is_some() && ends_the_text_bare(last_line, *i, &text_of(p)),
        _ => false,
    };
    // A list of points numbered 一是, 二是… (a news report's, a summary's) ends with its last point
    // (its body, where the point is a title over it): a paragraph after it goes on with the report
    // (创新试点地区将于今年7月全面启动试点工作。).
    let last_point = markers
        .iter()
        .all(|(i, _)| cn_numbered(lines[*i].text.trim_start(), '是').is_some())
        .then(|| markers.last().map(|(i, _)| *i))
        .flatten();
    let under_last_point = |p: &Paragraph| p.heading.is_some() && p.heading == markers.len().checked_sub(1);
    let after_the_points = |p: &Paragraph| {
        p.no.is_none() && !under_last_point(p) && last_point.is_some_and(|l| p.lines.first() > Some(&l))
    };
    let is_item = |p: &Paragraph| {
        let t = text_of(p);
        let lead_in = t.ends_with(['：', ':']) || p.no.is_none() && announces_what_follows(&t);
        let counted = !any_clause || working.contains(&p.heading);
        !lead_in && !p.closing && !states_aims(p) && !cut_short(p) && !after_the_points(p) && counted
    };
    // Where every heading of the deepest level has one paragraph, heading and paragraph are one
    // numbered item: the heading is its title.
    let items: Vec<&Paragraph> = paragraphs.iter().filter(|p| is_item(p)).collect();
    let mut per_heading: std::collections::BTreeMap<usize, usize> = Default::default();
    for p in &items {
        if let Some(h) = p.heading {
            *per_heading.entry(h).or_default() += 1;
        }
    }
    let depth_of = |h: usize| markers.get(h).map(|m| m.1.depth);
    let deepest = per_heading.keys().filter_map(|h| depth_of(*h)).max();
    let titled_by_heading = !per_heading.is_empty()
        && deepest.map(|d| d >= Depth::Section).unwrap_or(false)
        && items.iter().all(|p| p.no.is_none() && p.heading.map(|h| depth_of(h) == deepest).unwrap_or(false))
        && per_heading.iter().all(|(_, n)| *n == 1);
    let heading_text = |h: usize| match markers.get(h) {
        Some((_, m)) => trim_heading(&m.rest),
        None => lines.get(h - markers.len()).map(|l| trim_heading(&l.text)).unwrap_or_default(),
    };

    for p in &paragraphs {
        if !is_item(p) {
            let text = text_of(p);
            if !text.ends_with(['：', ':']) {
                let why = match (states_aims(p), heading_title(p).contains("目标") || p.aims) {
                    _ if p.closing => "the notice's list of attachments or signature date kept as a passage",
                    _ if p.no.is_none() && announces_what_follows(&text) => {
                        "paragraph that leads into the items below it (从以下方面…) kept as a passage"
                    }
                    _ if after_the_points(p) => "paragraph after the last of the points 一是, 二是… kept as a passage",
                    (true, true) => "paragraph under a chapter of aims kept as a passage (its targets are read from it)",
                    (true, false) => "paragraph under a chapter that frames the plan (background, aims, principles, safeguards) kept as a passage",
                    (false, _) => "paragraph under a heading kept as a passage: its chapter names no department",
                };
                diagnostics.push(Diagnostic::new(source, lines[p.lines[0]].no, DiagnosticCode::ParagraphNotItem, why));
            }
            let heading = p.heading.map(heading_text);
            let mut one = Some((heading, p.lines.clone()));
            let before = plan.passages.len();
            flush_passage(&mut one, lines, plan, status);
            for passage in plan.passages.iter_mut().skip(before) {
                passage.aims = p.aims;
            }
            continue;
        }
        let (first, last) = (p.lines[0], *p.lines.last().unwrap_or(&p.lines[0]));
        let mut body = text_of(p);
        let mut departments = take_departments(&mut body);
        let body = body.replace(CLAUSE_BREAK, "").trim().to_string();
        if departments.is_empty() {
            departments = opening_bodies(&body);
        }
        let mut measure = MeasureDraft {
            no: p.no,
            chapter: p.chapter.clone(),
            text: if body.is_empty() { None } else { Some(body) },
            departments,
            lines: [lines[first].no, lines[last].no],
            ..Default::default()
        };
        if let (true, Some((at, m))) = (titled_by_heading, p.heading.and_then(|h| markers.get(h))) {
            let (at, h) = (*at, p.heading.unwrap_or(0));
            measure.no = Some(m.number);
            measure.title = Some(trim_heading(&m.rest));
            measure.chapter = enclosing_chapter(&chapter_by_depth_at(markers, heading_like, h), m.depth);
            measure.lines[0] = lines[at].no;
            status[at] = Some(Use::Measure);
        }
        for &i in &p.lines {
            status[i] = Some(Use::Measure);
        }
        plan.measures.push(measure);
    }
}

/// Words by which a chapter's opening paragraph points to the items under it (`重点从以下方面
/// 推进示范区建设。`, `具体任务如下。`).
const LEAD_IN_WORDS: &[&str] =
    &["从以下", "做好以下", "以下几", "以下方面", "以下工作", "以下任务", "以下重点", "如下"];

/// Does an unnumbered paragraph end by leading into what follows, as a lead-in ending in a colon
/// does? Only its last sentence counts: a task may cite 如下 earlier.
fn announces_what_follows(text: &str) -> bool {
    let body = text.trim_end_matches(['。', '：', ':']);
    let last = body.rsplit('。').next().unwrap_or(body);
    LEAD_IN_WORDS.iter().any(|w| last.contains(w)) || counts_what_follows(last)
}

/// Does a sentence count the items below it (`围绕以下五个方面内容开展活动`, `做好以下3项工作`)?
/// 以下 and a number, then what is counted; not a limit (`10人以下的企业`).
fn counts_what_follows(sentence: &str) -> bool {
    sentence.match_indices("以下").any(|(at, w)| {
        let after = &sentence[at + w.len()..];
        let count = after.trim_start_matches(|c: char| is_cn_digit(c) || c.is_ascii_digit());
        count.len() < after.len() && ["个", "项", "方面", "类", "条", "大"].iter().any(|u| count.starts_with(u))
    })
}

/// The chapters in force at heading `h` (for items titled by their heading).
fn chapter_by_depth_at(markers: &[(usize, Marker)], heading_like: &[bool], h: usize) -> Chapters {
    let mut chapters: Chapters = Default::default();
    for (k, (_, m)) in markers.iter().enumerate().take(h + 1) {
        if heading_like[k] {
            chapters[m.depth as usize] = Some(trim_heading(&m.rest));
            for deeper in chapters.iter_mut().skip(m.depth as usize + 1) {
                *deeper = None;
            }
        }
    }
    chapters
}

/// Which markers belong to a numbering that starts again at 1 under a shallower heading, every
/// number following the one before (a chapter's own 1. 2. 3.)? One pass, so that a text of
/// thousands of numbers costs no more than reading it.
fn restarted_numbering(markers: &[(usize, Marker)], depth: Option<Depth>) -> Vec<bool> {
    let mut out = vec![false; markers.len()];
    let Some(depth) = depth else { return out };
    let mut expected: Option<u32> = None;
    for (k, (_, m)) in markers.iter().enumerate() {
        if m.depth < depth {
            expected = Some(1);
        } else if m.depth == depth {
            if expected == Some(m.number) {
                out[k] = true;
                expected = Some(m.number + 1);
            } else {
                expected = None;
            }
        }
    }
    out
}

/// Indices (into `markers`) of the longest run 1, 2, 3 … at one depth, in document order.
fn longest_run(markers: &[(usize, Marker)]) -> Vec<usize> {
    let mut best: Vec<usize> = Vec::new();
    for depth in [Depth::Item, Depth::Section, Depth::Chapter, Depth::Sub] {
        let mut current: Vec<usize> = Vec::new();
        for (k, (_, m)) in markers.iter().enumerate() {
            if m.depth != depth {
                continue;
            }
            let next = current.last().map(|&j| markers[j].1.number + 1).unwrap_or(1);
            if m.number == next {
                current.push(k);
            } else if m.number == 1 {
                current = vec![k];
            } else {
                continue;
            }
            if current.len() > best.len() {
                best = current.clone();
            }
        }
    }
    best
}

/// Do (nearly) all unnumbered lines end a sentence or a lead-in? Then no line was wrapped: text
/// wrapped at a width ends most of its lines inside a sentence.
fn lines_end_sentences(lines: &[Line], content: &[usize]) -> bool {
    let text: Vec<&str> = content.iter().map(|&i| lines[i].text.as_str()).filter(|t| marker(t).is_none()).collect();
    let ended = text.iter().filter(|t| ends_sentence(t) || t.trim_end().ends_with(['：', ':'])).count();
    text.len() >= 3 && ended * 10 >= text.len() * 9
}

/// Are paragraphs printed one per line (002, 004), or wrapped over many short lines (000)?
fn is_paragraph_mode(lines: &[Line], content: &[usize]) -> bool {
    let widths: Vec<f32> = content.iter().map(|&i| width(&lines[i].text)).collect();
    if widths.is_empty() {
        return true;
    }
    let long = widths.iter().filter(|w| **w > 45.0).count();
    long * 3 >= widths.len()
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end().ends_with(['。', '！', '？', '；', '”', '）', ')'])
}

/// Last line (index) of the measure that starts at `start`.
fn measure_end(
    lines: &[Line],
    status: &[Option<Use>],
    markers: &[(usize, Marker)],
    next_marker: usize,
    start: usize,
    depth: Depth,
    paragraph_mode: bool,
) -> usize {
    // The next numbered line at the measure's depth or above bounds it.
    let bound = markers[next_marker..].iter().find(|(_, m)| m.depth <= depth).map(|(i, _)| *i).unwrap_or(lines.len());
    let mut end = start;
    // The item's last lines, where a clause closing it would be: read instead of the whole item
    // at every line (an item of thousands of lines was quadratic).
    let mut last_lines = std::collections::VecDeque::from([start]);
    let mut j = start;
    while j + 1 < bound {
        j += 1;
        if status[j].is_some() {
            continue;
        }
        let prev = &lines[end].text;
        let text = &lines[j].text;
        if box_title(text).is_some() {
            break;
        }
        let continues = if paragraph_mode {
            // An item whose first line is only its title (（一）落实区域协同发展战略。) has its
            // body in the paragraph below.
            let title_only = end == start && marker(prev).is_some_and(|m| is_short_heading(&m.rest));
            !ends_sentence(prev) || is_department_line(text) || title_only && marker(text).is_none()
        } else {
            // Wrapped text runs on until the department clause closes the item.
            !closes_with_departments(&joined(lines, status, last_lines[0], end))
        };
        if !continues {
            break;
        }
        end = j;
        last_lines.push_back(j);
        if last_lines.len() > CLAUSE_LINES {
            last_lines.pop_front();
        }
    }
    end
}

/// The most lines a department clause closing an item runs over, wrapped (a list of a dozen
/// bodies takes three or four).
const CLAUSE_LINES: usize = 8;

/// The title of a box set into a plan's text (`专栏1 高价值专利培育工程`, `专栏三：…`), or None.
fn box_title(text: &str) -> Option<String> {
    let t = normalise(text);
    let rest = t.strip_prefix("专栏")?;
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit() || is_cn_digit(c));
    let title = rest.trim_start_matches(['：', ':', '、', '.', '．', ' ']);
    let numbered = rest.len() < t.len() - "专栏".len();
    (numbered && !title.is_empty() && title.chars().count() <= 30 && !title.contains('。')).then(|| title.to_string())
}

fn joined(lines: &[Line], status: &[Option<Use>], from: usize, to: usize) -> String {
    (from..=to).filter(|&i| status[i].is_none()).map(|i| lines[i].text.as_str()).collect::<Vec<_>>().join("")
}

/// A line that is only a department clause, e.g. `(省知识产权局牵头，各有关单位配合)`.
fn is_department_line(text: &str) -> bool {
    let t = normalise(text);
    t.starts_with(['（', '(', '〔', '【', '[', '［']) && trailing_clause(&t).map(|(i, _)| i == 0).unwrap_or(false)
        || trailing_labelled_clause(&t).map(|(i, _)| i == 0).unwrap_or(false)
}

/// Put between an item's text and a department clause on a line of its own when the text ends
/// without a stop (`2.加强商标品牌培育` / `牵头单位：…`): the line break is where the clause opens.
/// Invisible (U+2060), and taken out of the text with the clause.
const CLAUSE_BREAK: char = '\u{2060}';

/// The lines of an item joined, with [`CLAUSE_BREAK`] before a clause line that follows no stop.
fn join_item_lines<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for part in parts {
        let after_text = !out.trim_end().is_empty() && !out.trim_end().ends_with(['。', '；', ';']);
        if after_text && is_department_line(part) {
            out.push(CLAUSE_BREAK);
        }
        out.push_str(part);
    }
    out
}

fn closes_with_departments(text: &str) -> bool {
    trailing_clause(&normalise(text)).is_some()
}

/// The trailing bracketed department clause of a text: (byte offset, clause).
pub fn trailing_clause(text: &str) -> Option<(usize, String)> {
    let t = text.trim_end_matches(['。', ' ']);
    // Some documents bracket the clause with 〔…〕, 【…】 or square brackets (`…。〔市市场监管局负责〕`,
    // `…。[牵头单位:省市场监管局]`): brackets that never nest in a clause, so the last opening one
    // opens it.
    for (open, close) in CLAUSE_BRACKETS {
        if t.ends_with(close) {
            let i = t.rfind(open)?;
            let clause = &t[i..];
            return looks_like_departments(clause).then(|| (i, clause.to_string()));
        }
    }
    if !t.ends_with(['）', ')']) {
        return None;
    }
    let mut depth = 0i32;
    for (i, c) in t.char_indices().rev() {
        match c {
            '）' | ')' => depth += 1,
            '（' | '(' => {
                depth -= 1;
                if depth == 0 {
                    let clause = &t[i..];
                    return looks_like_departments(clause).then(|| (i, clause.to_string()));
                }
            }
            _ => {}
        }
    }
    None
}

/// Labels that open a department clause printed after the text without brackets:
/// `…。责任单位：市知识产权局`, `…。局内：保护处、运用处`.
/// A bureau's own ledger assigns its sections (科室, 处室) and the official in charge, a label a
/// line under the item (`责任领导：…` / `牵头科室（单位）：…` / `完成时限：…`, Yan'an 2018).
const CLAUSE_LABELS: &[&str] = &[
    "责任单位",
    "责任部门",
    "牵头单位",
    "牵头部门",
    "实施单位",
    "承办单位",
    "局内",
    "牵头科室",
    "牵头科室（单位）",
    "牵头科室(单位)",
    "责任科室",
    "牵头处室",
    "责任处室",
    "责任领导",
];

/// The trailing labelled department clause of a text (after the last full stop): (offset, clause).
/// It opens at the first label that follows a stop: the labels of a clause printed one a line
/// (`…。牵头单位：X` / `责任单位：Y`) run together once the lines are joined, and the clause is
/// all of them.
fn trailing_labelled_clause(text: &str) -> Option<(usize, String)> {
    let t = text.trim_end_matches(['。', ' ']);
    let mut labels: Vec<usize> = CLAUSE_LABELS
        .iter()
        .flat_map(|l| [format!("{l}："), format!("{l}:")])
        .flat_map(|label| t.match_indices(label.as_str()).map(|(i, _)| i).collect::<Vec<_>>())
        .collect();
    labels.sort_unstable();
    let opens_clause = |at: usize| {
        let before = &t[..at];
        before.is_empty() || before.ends_with(['。', '；', ';', '（', '(', ' ', CLAUSE_BREAK])
    };
    let at = labels.into_iter().find(|&at| opens_clause(at) && !t[at..].contains('。'))?;
    Some((at, t[at..].to_string()))
}

/// Cut the department clause off the end of a normalised item text and read it. A clause that
/// names no roles names the bodies in charge (lead).
fn take_departments(body: &mut String) -> Vec<Department> {
    // A note that the body listed first leads (…负责。列第一位者为牵头部门，下同) names no body:
    // the clause is read without it, its first body leading.
    if let Some((start, end, _)) = first_leads_note(body) {
        let mut without = body.clone();
        without.replace_range(start..end, "");
        let mut departments = take_departments(&mut without);
        if !departments.is_empty() {
            *body = without;
            first_listed_leads(&mut departments);
        }
        return departments;
    }
    if let Some((at, clause)) = trailing_clause(body).or_else(|| trailing_labelled_clause(body)) {
        // A bracket the text printed before too, naming no role, is part of a name it repeats
        // (…试点城市（城区）、…示范城市（城区）), not the bodies in charge.
        if body[..at].contains(clause.as_str()) && !names_a_role(&clause) {
            return Vec::new();
        }
        // A news article's byline after its closing exclamation (…做出贡献！（知识产权促进科）)
        // names who wrote it, not who is in charge: plans do not exclaim.
        if body[..at].trim_end().ends_with(['！', '!']) && !names_a_role(&clause) {
            return Vec::new();
        }
        // A break between two clause lines (牵头单位：X / 责任单位：Y) separates their groups.
        let departments = parse_departments(&clause.replace(CLAUSE_BREAK, "；"), Some(Role::Lead));
        if !departments.is_empty() {
            body.truncate(at);
            let trimmed = body.trim_end_matches(['（', '(']).len();
            body.truncate(trimmed);
            return departments;
        }
    }
    Vec::new()
}

/// Words that end the bodies opening an item's sentence (`市市场监管局会同市人民银行按照…`): what
/// the bodies do, or how, starts there.
const AFTER_OPENING_BODIES: &[&str] = &[
    "按照", "根据", "依据", "对", "围绕", "组织", "开展", "制定", "建立", "推动", "做好", "研究", "共同", "进行",
    "加强", "指导", "负责", "联合", "统筹", "牵头",
];

/// The bodies an item's sentence opens with when it names them as its subject, one leading
/// and others with it (`书面审核。市市场监管局会同市人民银行按照…进行书面审核`): the one before
/// 会同 leads, the ones after it support. Only where the item has no department clause; only the
/// item's first sentence, or the one after its title; every name must be a body's.
fn opening_bodies(body: &str) -> Vec<Department> {
    let after_title = body.split_once('。').map(|(title, rest)| (title.chars().count() <= 15).then_some(rest));
    let sentences = [Some(body), after_title.flatten()];
    sentences
        .into_iter()
        .flatten()
        .find_map(|s| {
            let (lead, rest) = s.split_once("会同")?;
            let end = AFTER_OPENING_BODIES.iter().filter_map(|w| rest.find(w)).min()?;
            let support = &rest[..end];
            let names = |t: &str| {
                !t.is_empty()
                    && t.chars().count() <= 30
                    && !t.contains(['，', ',', '。', '；', '：', '（', '('])
                    && t.split('、').all(|n| n.chars().count() >= 3 && looks_like_body(n))
            };
            (names(lead) && names(support))
                .then(|| parse_departments(&format!("{lead}会同{support}"), Some(Role::Lead)))
                .filter(|d| !d.is_empty())
        })
        .unwrap_or_default()
}

/// A measure whose text names the bodies in charge of a task and goes on with another
/// (`…违法行为。（州委网信办、州市场监管局按职责分工负责）打击网络侵权盗版，…。`, as national
/// and local 双打 work points print them) as one measure per task: each with its clause's
/// departments, the last with the measure's own; number, title, chapter and lines shared.
fn split_tasks(mut m: MeasureDraft) -> Vec<MeasureDraft> {
    // The text is taken out before the measure is copied for each task: a copy of it per task
    // made a measure of thousands of clauses quadratic.
    let Some(text) = m.text.take() else { return vec![m] };
    let mut tasks = Vec::new();
    let mut rest = text.as_str();
    while let Some((start, end, departments)) = inline_clause(rest) {
        let task = rest[..start].trim();
        if !task.is_empty() {
            tasks.push(MeasureDraft { text: Some(task.to_string()), departments, ..m.clone() });
        }
        rest = &rest[end..];
    }
    if tasks.is_empty() {
        return vec![MeasureDraft { text: Some(text), ..m }];
    }
    let last = rest.trim().to_string();
    if !last.is_empty() {
        tasks.push(MeasureDraft { text: Some(last), ..m });
    }
    tasks
}

/// The first department clause inside a text that ends a sentence and has more text after it:
/// (its start, its end, its departments). Only a clause that names a role (负责, 牵头 …): a
/// bracket after a full stop may also hold a note or a standard's number.
fn inline_clause(text: &str) -> Option<(usize, usize, Vec<Department>)> {
    for (start, c) in text.char_indices() {
        if !matches!(c, '（' | '(') || !text[..start].trim_end().ends_with(['。', '；']) {
            continue;
        }
        let mut depth = 0i32;
        let close = text[start..].char_indices().find_map(|(i, c)| {
            depth += match c {
                '（' | '(' => 1,
                '）' | ')' => -1,
                _ => 0,
            };
            (depth == 0).then_some(start + i + c.len_utf8())
        })?;
        let clause = &text[start..close];
        if !names_a_role(clause) || !looks_like_departments(clause) || text[close..].trim().is_empty() {
            continue;
        }
        let departments = parse_departments(clause, Some(Role::Lead));
        if !departments.is_empty() {
            return Some((start, close, departments));
        }
    }
    None
}

/// Does a clause name a role (牵头, 负责, 配合, 会同)?
fn names_a_role(clause: &str) -> bool {
    ["牵头", "负责", "配合", "会同"].iter().any(|w| clause.contains(w))
}

/// Does a bracketed clause name bodies (局, 厅, 部门 …) or roles (牵头, 负责 …)?
fn looks_like_departments(clause: &str) -> bool {
    let inner: String = clause.chars().skip(1).take(clause.chars().count().saturating_sub(2)).collect();
    let inner = super::departments::before_deadline(&inner);
    if inner.is_empty() || inner.contains('。') {
        return false;
    }
    // A bracket that names what the text will call something (（以下简称单位）) defines a word.
    if ["以下简称", "以下称", "下称", "简称"].iter().any(|w| inner.starts_with(w)) {
        return false;
    }
    let inner = super::departments::with_shared_suffix(&inner);
    let first = inner.split(['、', '，', ',', '；']).next().unwrap_or("");
    names_a_role(&inner) || looks_like_body(first) && first.chars().count() >= 2
}

fn enclosing_chapter(chapters: &Chapters, depth: Depth) -> String {
    (1..depth as usize).rev().find_map(|d| chapters[d].clone()).unwrap_or_default()
}

fn trim_heading(rest: &str) -> String {
    normalise(rest).trim_end_matches(['。', '；', '：', ';', ':']).to_string()
}

/// A heading is a short line without a full stop inside.
fn is_short_heading(rest: &str) -> bool {
    let t = normalise(rest);
    let body = t.trim_end_matches('。');
    body.chars().count() <= 40 && !body.contains('。')
}

fn build_measure(
    m: &Marker,
    lines: &[Line],
    status: &[Option<Use>],
    start: usize,
    end: usize,
    chapter: String,
) -> MeasureDraft {
    // Page numbers, and the running headers and page furniture a page break put inside the item.
    let kept = lines[start + 1..=end]
        .iter()
        .zip(&status[start + 1..=end])
        .filter(|(line, used)| !line.text.is_empty() && !is_page_number(&line.text) && **used != Some(Use::Noise))
        .map(|(line, _)| line.text.as_str());
    let text = join_item_lines(std::iter::once(m.rest.as_str()).chain(kept));
    let mut body = normalise(&text);
    let mut departments = take_departments(&mut body);
    let body = body.replace(CLAUSE_BREAK, "").trim().to_string();
    if departments.is_empty() {
        departments = opening_bodies(&body);
    }
    MeasureDraft {
        no: Some(m.number),
        chapter,
        focus_no: None,
        work_item: None,
        title: None,
        text: if body.is_empty() { None } else { Some(body) },
        departments,
        lines: [lines[start].no, lines[end].no],
    }
}

/// The bodies a chapter heading names when the heading is nothing but their names
/// (`省知识产权工作领导小组办公室`, `省委宣传部、省版权局`), as plans set out by the bodies that carry
/// them print it; a heading that says what to do (`加强知识产权保护`, `建设省级知识产权示范区`) names none.
fn chapter_bodies(chapter: &str) -> Option<Vec<Department>> {
    let t = normalise(chapter);
    if t.is_empty() || t.chars().count() > 30 || t.contains(['，', ',', '。', '；', ';', '：', ':']) {
        return None;
    }
    // Each name is a body of a level of government: 省…, 市…, 自治区…, 县…, 区…, 州…, 盟…,
    // not a place (…市, …县) nor a level (省级…, 市级…).
    let of_a_level = |name: &str| {
        let rest = ["自治区", "省", "市", "县", "区", "州", "盟"].iter().find_map(|p| name.strip_prefix(p));
        rest.is_some_and(|r| !r.is_empty() && !r.starts_with('级'))
    };
    let place = |name: &str| name.ends_with(['省', '市', '县', '区', '州', '盟']);
    let names: Vec<&str> = t.split('、').collect();
    if !names.iter().all(|n| of_a_level(n) && looks_like_body(n) && !place(n)) {
        return None;
    }
    let bodies = parse_departments(&t, Some(Role::Lead));
    (!bodies.is_empty()).then_some(bodies)
}

/// Does the document title its items? Yes when at least four in five first sentences are short
/// and followed by more text.
fn titles_items(measures: &[&MeasureDraft]) -> bool {
    // The last item a web page cuts off mid-sentence (…实践活动成) says nothing of how the
    // document writes its items.
    let cut_off = |m: &MeasureDraft| !m.text.as_deref().unwrap_or("").ends_with(['。', '；', ';', '！', '？']);
    let measures = match measures.split_last() {
        Some((last, rest)) if !rest.is_empty() && cut_off(last) => rest,
        _ => measures,
    };
    if measures.is_empty() {
        return false;
    }
    let titled = measures
        .iter()
        .filter(|m| {
            let t = m.text.as_deref().unwrap_or("");
            match t.find('。') {
                Some(i) => t[..i].chars().count() <= 40 && t[i + '。'.len_utf8()..].chars().count() > 0,
                None => false,
            }
        })
        .count();
    titled * 5 >= measures.len() * 4
}

fn split_title(m: &mut MeasureDraft) {
    let Some(text) = m.text.clone() else { return };
    if let Some(i) = text.find('。') {
        let rest = &text[i + '。'.len_utf8()..];
        if !rest.is_empty() {
            // A point set off by a dash (——完善知识产权法规政策。…) has the words as its title.
            // A reposting site doubles marks before the stop (`…侵權假冒治理,。`): no part of it.
            m.title = Some(text[..i].trim_start_matches(['—', '-']).trim_end_matches([',', '，']).to_string());
            m.text = Some(rest.to_string());
        }
    }
}

/// Measures without a number, one after another under one heading, that open 一是, 二是, 三是…
/// in turn (two at least, from 一是): the point's number is the measure's, and no part of its
/// text. A paragraph that runs its next points on (一是…。二是…) is one measure of several points,
/// and keeps its text as printed.
fn number_points_in_turn(measures: &mut [MeasureDraft]) {
    // A point already numbered by its 一是, 二是 (a short one, read as a line of its own) does
    // not keep its number in its text either.
    for m in measures.iter_mut() {
        let Some(head) = m.no.filter(|_| m.title.is_none()).and_then(cn_in_words).map(|n| format!("{n}是")) else {
            continue;
        };
        let rest = m.text.as_deref().and_then(|t| t.strip_prefix(&head)).map(str::to_string);
        if let Some(rest) = rest.filter(|r| !r.trim().is_empty()) {
            m.text = Some(rest);
        }
    }
    let point = |m: &MeasureDraft| -> Option<(u32, usize)> {
        if m.no.is_some() || m.title.is_some() {
            return None;
        }
        let text = m.text.as_deref()?;
        let (n, rest) = cn_numbered(text, '是')?;
        let next = cn_in_words(n + 1)?;
        let runs_on = ["。", "；", ";"].iter().any(|p| rest.contains(&format!("{p}{next}是")));
        (!rest.is_empty() && !runs_on).then(|| (n, text.len() - rest.len()))
    };
    let mut i = 0;
    while i < measures.len() {
        // The run from i: (measure, its number, where its text begins after the number).
        let mut run: Vec<(usize, u32, usize)> = Vec::new();
        for (k, m) in measures.iter().enumerate().skip(i) {
            let Some((n, cut)) = point(m) else { break };
            let same_heading = run.first().is_none_or(|&(j, _, _)| measures[j].chapter == m.chapter);
            if n as usize != run.len() + 1 || !same_heading {
                break;
            }
            run.push((k, n, cut));
        }
        if run.len() >= 2 {
            for &(k, n, cut) in &run {
                let m = &mut measures[k];
                m.no = Some(n);
                m.text = m.text.as_deref().and_then(|t| t.get(cut..)).map(str::to_string);
            }
        }
        i += run.len().max(1);
    }
}

/// 1 … 99 in Chinese numerals, as a list counts its points (十一是).
fn cn_in_words(n: u32) -> Option<String> {
    const DIGITS: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let digit = |d: u32| DIGITS.get(d as usize).copied();
    match n {
        1..=9 => digit(n).map(str::to_string),
        10..=19 => Some(format!("十{}", digit(n % 10)?)),
        20..=99 => Some(format!("{}十{}", digit(n / 10)?, digit(n % 10)?)),
        _ => None,
    }
}

/// Close what the walk gathered between items: an unnumbered paragraph that closes with a
/// department clause is an item of its own (a task printed without a number), and so is one
/// that lists a chapter's tasks as 一是…；二是… where no number does; the rest is prose.
fn flush_walked(
    passage: &mut Option<(Option<String>, Vec<usize>)>,
    chapters: &Chapters,
    measure_depth: Option<Depth>,
    lines: &[Line],
    plan: &mut PlanDraft,
    status: &mut [Option<Use>],
) {
    if let Some((_, idx)) = passage {
        let idx: Vec<usize> = idx.iter().copied().filter(|&i| status[i].is_none()).collect();
        if let (Some(&first), Some(&last)) = (idx.first(), idx.last()) {
            // A numbered paragraph outside the run of items (a page that opens at item 7 of a
            // section above it, Guangdong's strategy tasks): its number is no part of its text.
            let numbered = marker(&lines[first].text);
            let mut raw: Vec<&str> = idx.iter().map(|&i| lines[i].text.as_str()).collect();
            if let Some(m) = &numbered {
                raw[0] = m.rest.as_str();
            }
            let mut body = normalise(&raw.join(""));
            let departments = take_departments(&mut body);
            let body = body.trim().to_string();
            // Background, aims and safeguards may count their points the same way: no tasks.
            let framed = in_framing_chapter(chapters, Depth::Sub) || chapters.iter().flatten().any(|c| is_safeguard(c));
            let lists_tasks = body.starts_with("一是") && body.contains("二是") && !framed;
            if (!departments.is_empty() || lists_tasks) && !body.is_empty() {
                plan.measures.push(MeasureDraft {
                    no: numbered.map(|m| m.number),
                    chapter: enclosing_chapter(chapters, measure_depth.unwrap_or(Depth::Item)),
                    text: Some(body),
                    departments,
                    lines: [lines[first].no, lines[last].no],
                    ..Default::default()
                });
                for &i in &idx {
                    status[i] = Some(Use::Measure);
                }
                *passage = None;
                return;
            }
        }
    }
    flush_passage(passage, lines, plan, status);
}

/// Close the open passage (if it has lines) and mark its lines.
fn flush_passage(
    passage: &mut Option<(Option<String>, Vec<usize>)>,
    lines: &[Line],
    plan: &mut PlanDraft,
    status: &mut [Option<Use>],
) {
    if let Some((heading, idx)) = passage.take() {
        let idx: Vec<usize> = idx.into_iter().filter(|&i| status[i].is_none()).collect();
        if idx.is_empty() {
            return;
        }
        let text = normalise(&idx.iter().map(|&i| lines[i].text.as_str()).collect::<Vec<_>>().join(""));
        for &i in &idx {
            status[i] = Some(Use::Passage);
        }
        plan.passages.push(PassageDraft {
            heading,
            text,
            lines: [lines[idx[0]].no, lines[*idx.last().unwrap_or(&idx[0])].no],
            aims: false,
        });
    }
}

/// The lines of a report on past work that a plan follows: from a title line ending in 工作总结
/// to the plan's own title line (…工作要点), which the front matter reads then. None without both.
fn report_before_plan(lines: &[Line], status: &[Option<Use>]) -> Option<std::ops::Range<usize>> {
    let free = |i: usize| status[i].is_none() && marker(&lines[i].text).is_none();
    let short = |t: &str| t.chars().count() <= 40 && !t.contains(['。', '，', ',', '：', ':', '、']);
    let report = (0..lines.len()).find(|&i| {
        let t = normalise(&lines[i].text);
        free(i) && short(&t) && t.ends_with("工作总结")
    })?;
    let plan = (report + 1..lines.len()).find(|&i| {
        let t = normalise(&lines[i].text);
        free(i) && short(&t) && TITLE_ENDINGS.iter().any(|e| t.ends_with(e)) && !t.ends_with("通知")
    });
    // A web page that keeps only the start of such a notice stops inside the report: when the
    // notice above says it sends a report and a plan, the report runs to the end of the text.
    let sends_both = || {
        (0..report).any(|i| {
            let t = normalise(&lines[i].text);
            t.contains("总结和") && t.ends_with("的通知")
        })
    };
    match plan {
        Some(plan) => Some(report..plan),
        None if sends_both() => Some(report..lines.len()),
        None => None,
    }
}

/// A report's lines as passages under its title, one per paragraph, and a diagnostic that says so.
fn keep_report(
    lines: &[Line],
    report: std::ops::Range<usize>,
    plan: &mut PlanDraft,
    status: &mut [Option<Use>],
    diagnostics: &mut Vec<Diagnostic>,
    source: &str,
) {
    let title = normalise(&lines[report.start].text);
    diagnostics.push(Diagnostic::new(
        source,
        lines[report.start].no,
        DiagnosticCode::ReportNotPlan,
        format!("a report on past work before the plan, kept as passages: {title}"),
    ));
    status[report.start] = Some(Use::Heading);
    // flush_passage keeps only the lines nothing took (blank lines and page furniture stay so).
    let mut group: Vec<usize> = Vec::new();
    for i in report.skip(1) {
        group.push(i);
        if ends_sentence(&lines[i].text) {
            flush_passage(&mut Some((Some(title.clone()), std::mem::take(&mut group))), lines, plan, status);
        }
    }
    flush_passage(&mut Some((Some(title), group)), lines, plan, status);
}

/// Read title, document number and years from the lines before the first numbered line; the
/// rest of the front matter (notice, addressees, preamble) becomes passages.
fn front_matter(
    info: &DocumentInfo,
    lines: &[Line],
    content: &[usize],
    first_marker: usize,
    plan: &mut PlanDraft,
    status: &mut [Option<Use>],
    diagnostics: &mut Vec<Diagnostic>,
) {
    let front: Vec<usize> = content.iter().copied().filter(|&i| i < first_marker && status[i].is_none()).collect();
    // Document number on a line of its own (粤府知办〔2016〕17号), or with its date (苏政发〔2009〕1号
    // 2009年1月5日).
    for &i in &front {
        // A field of its own on the line wins over the whole line, which would take a label
        // spaced before it into the issuer (`主动公开          明府函〔2022〕69号`); a field with a
        // one-character issuer is a number spaced apart (`粤 知〔2019〕12号`), read whole.
        let Some(whole) = as_doc_number(&normalise(&lines[i].text)).map(str::to_string) else { continue };
        let issuer_of =
            |n: &str| n.find(['〔', '[', '［', '【', '﹝', '(', '（']).map_or(0, |at| n[..at].chars().count());
        let number = doc_number_field(&lines[i].text).filter(|n| issuer_of(n) >= 2).unwrap_or(whole);
        // The number printed again (a portal's record field, then `文号 …` on a line of its own)
        // is the same metadata, no text of the notice.
        if plan.doc_number.is_none() || plan.doc_number.as_deref() == Some(number.as_str()) {
            plan.doc_number = Some(number);
            status[i] = Some(Use::Meta);
        }
    }
    // Or as one field of a longer line (the title, number, date and issuer printed in one row
    // of a page); the line's other text stays where the front matter puts it.
    if plan.doc_number.is_none() {
        plan.doc_number = front.iter().find_map(|&i| doc_number_field(&lines[i].text));
    }
    // Or closing the name of the notice that sends the plan, as a page heads it
    // (…印发《…若干措施》的通知(渝银发〔2025〕58号)): the notice's number is the plan's.
    if plan.doc_number.is_none() {
        plan.doc_number = front.iter().find_map(|&i| {
            let t = normalise(&lines[i].text);
            let (name, number) = split_doc_number(&t);
            let notice = name.ends_with("的通知") && !name.contains(['。', '；']);
            notice.then(|| number.map(str::to_string)).flatten()
        });
    }
    // Or opening the preamble it runs into, where a page flattens the notice's head
    // (普市监公平〔2022〕9号为进一步加强…).
    if plan.doc_number.is_none() {
        plan.doc_number = front.iter().find_map(|&i| number_opening_preamble(&normalise(&lines[i].text)));
    }
    // Or in the note under the title that records how it was issued (（2011年10月9日国家知识产权局
    // 以国知发规字〔2011〕115号印发）): metadata, not text.
    for &i in &front {
        let t = normalise(&lines[i].text);
        let Some((_, number)) = issuance_note(&t) else { continue };
        if plan.doc_number.is_none() || plan.doc_number.as_deref() == Some(number) {
            plan.doc_number = Some(number.to_string());
            status[i] = Some(Use::Meta);
        }
    }
    // Title: the last short line ending in a title word (not a notice about it), joined with
    // the short unpunctuated lines just above it.
    let mut title_lines: Vec<usize> = Vec::new();
    let is_title_line = |t: &str| {
        let t = normalise(t);
        let t = without_guillemets(split_doc_number(&t).0);
        // A list (、，) is a sentence that happens to end in 纲要, not a title; a document the title
        // cites may list (关于贯彻落实市政府《关于实施商标战略、建设品牌强市的实施意见》的实施意见).
        // Nor is a table's column name printed a cell a line (重点任务 / 落实举措 / 责任科室(单位)).
        is_title_shape(t)
            && !outside_guillemets(without_title_suffix(t)).contains(['、', '，', ','])
            && !super::grid::is_column_name(t)
    };
    // The names of the documents the notice sends (现将《…》印发给你们), as normalised.
    let sent_names: Vec<String> = front
        .iter()
        .filter_map(|&i| {
            let t = normalise(&lines[i].text);
            let (name, rest) = t.split_once("现将《")?.1.split_once('》')?;
            SENDING_VERBS.iter().any(|v| rest.starts_with(v)).then(|| name.to_string())
        })
        .collect();
    // A line after one that ends inside a sentence (…的若干意见》(中发〔2015〕8号)、) goes on with
    // that sentence, as a PDF's lines do: a document it cites alone on the line is no title.
    let continues_a_sentence = |pos: usize| {
        pos.checked_sub(1)
            .and_then(|p| front.get(p))
            .is_some_and(|&above| normalise(&lines[above].text).ends_with(['、', '，', ',', '；', ';']))
    };
    let title_at = |pos: usize| {
        let i = front[pos];
        status[i].is_none() && is_title_line(&lines[i].text) && !continues_a_sentence(pos)
    };
    if let Some(pos) = (0..front.len()).rposition(title_at) {
        let mut parts = vec![front[pos]];
        let complete = names_its_subject(&normalise(&lines[front[pos]].text));
        let mut p = pos;
        while p > 0 {
            let prev = front[p - 1];
            let t = normalise(&lines[prev].text);
            let plain = t.chars().count() <= 30
                && !t.contains(['。', '，', '：', '（', '(', '〔', ',', ':'])
                && !t.ends_with("文件")
                && !is_date_line(&t)
                && has_words(&t);
            // A title printed twice (cover and first page) is not two halves of one title.
            let so_far: String = parts.iter().map(|&i| normalise(&lines[i].text)).collect();
            let repeats = is_title_line(&t) && so_far.contains(&t);
            // The bodies a joint plan is named after, on a line above the rest of its name
            // (湖南省人民政府 国家知识产权局 / 共建…实施方案), when the notice sends it so named
            // (现将《湖南省人民政府 国家知识产权局共建…实施方案》印发): the title's first half.
            // Its brackets too (济宁市“十三五”知识产权(专利) / 事业发展规划, Jining 2016): the
            // notice names it whole.
            let sent_whole = sent_names.iter().any(|n| *n == format!("{t}{so_far}"));
            // The notice's name over the title it sends (…关于印发襄阳市知识产权“十四五”规划的通知 /
            // 襄阳市知识产权“十四五”规划): a name of its own, not the title's first half.
            let sends_below =
                issued_without_guillemets(&t).is_some_and(|n| without_guillemets(&n) == without_guillemets(&so_far));
            if sends_below {
                break;
            }
            if sent_whole && (plain || t.chars().count() <= 30) && status[prev].is_none() {
                parts.insert(0, prev);
                p -= 1;
                continue;
            }
            // The body that signs the notice above a whole title (…办公室 / 2024年…推进计划) is no
            // half of it; above a bare 2023年工作要点 it is the title's subject.
            if complete && is_issuer(&t) {
                break;
            }
            // Nor is a row of bodies that sign together (国家知识产权局 教育部 / 科技部 工业和信息化部
            // over 高校和科研机构存量专利盘活工作方案), whether or not a date comes between.
            let fields: Vec<&str> = lines[prev].text.split_whitespace().collect();
            if fields.len() >= 2 && fields.iter().all(|f| f.chars().count() <= 20 && looks_like_body(f)) {
                break;
            }
            // Nor is a page's label (法律效力) above a whole title, or anything above 关于…, or
            // above a title field (文章标题: …).
            let label = t.chars().count() <= 4 && region_in_title(&t).is_none();
            let below = normalise(&lines[front[p]].text);
            if complete && label || below.starts_with("关于") || without_title_label(&below).len() < below.len() {
                break;
            }
            // Nor is a whole title above a whole title with page furniture between: a sharing
            // site's name for the file.
            let apart = lines[prev + 1..front[p]].iter().any(|l| !l.text.trim().is_empty());
            if complete && apart && is_title_line(&t) && names_its_subject(&t) {
                break;
            }
            // A title names its place once: a line opening with the place the lines below open
            // with is another name of the document (a page's 成都市…规划及政策解读 over 成都市… /
            // “十四五”规划), not its first half.
            let place_again =
                region_in_title(&so_far).is_some_and(|r| r != "全国" && so_far.starts_with(&r) && t.starts_with(&r));
            if plain && !repeats && !place_again && status[prev].is_none() {
                parts.insert(0, prev);
                p -= 1;
            } else {
                break;
            }
        }
        // The years on a line of their own under it: 工作指引 / (2024), or with the opening
        // bracket lost (实施方案 / 2022-2035年), as some sites print it), which is put back.
        let mut years_line = None;
        if let Some(&next) = front.get(pos + 1) {
            let t = normalise(&lines[next].text);
            let unopened = t.ends_with([')', '）']) && !t.contains(['(', '（']);
            let t = if unopened { format!("({t}") } else { t };
            if !t.is_empty() && without_title_suffix(&t).is_empty() && status[next].is_none() {
                parts.push(next);
                years_line = Some((next, t));
            }
        }
        let text_of = |i: usize| match &years_line {
            Some((j, t)) if *j == i => t.as_str(),
            _ => lines[i].text.as_str(),
        };
        let printed = normalise(&parts.iter().map(|&i| text_of(i)).collect::<Vec<_>>().join(""));
        let (printed, number) = split_doc_number(without_title_label(&printed));
        plan.title = without_guillemets(printed).to_string();
        if plan.doc_number.is_none() {
            plan.doc_number = number.map(str::to_string);
        }
        // Spam a mirror site glued before the title (yl6809永利2022年度…): cut off, and said.
        if let Some(at) = junk_before_title(&plan.title) {
            diagnostics.push(Diagnostic::new(
                &info.source,
                lines[parts[0]].no,
                DiagnosticCode::PageFurniture,
                format!("site text glued before the title skipped: {}", &plan.title[..at]),
            ));
            plan.title = plan.title[at..].to_string();
        }
        for &i in &parts {
            status[i] = Some(Use::Meta);
        }
        title_lines = parts.clone();
        // A title that names no region takes the one of the body signing above it (a signature
        // date may stand between; the document number is passed over, and a red header's 文件,
        // 常州市人民政府文件 / 常政发〔2010〕182号 / 市政府关于…的意见, is no part of the body's
        // name), or else of the body printed under it (…实施意见 / 连云港市市场监督管理局).
        if plan.region.is_empty() && region_in_title(&plan.title).is_none() {
            // A date in Chinese numerals (二○一一年九月八日) has words of a sort, but is no body.
            let above = front[..p].iter().rev().map(|&i| normalise(&lines[i].text)).find(|t| {
                has_words(t)
                    && !is_date_line(t)
                    && !t.starts_with(['（', '('])
                    && as_doc_number(t).is_none()
                    && !is_attachment_label(t)
            });
            let last = parts.last().copied().unwrap_or(front[pos]);
            let below = || front.iter().find(|&&i| i > last && status[i].is_none()).map(|&i| normalise(&lines[i].text));
            let region_of = |body: &str| Some(body).filter(|t| is_issuer(t)).and_then(region_in_title);
            // Bodies signing together name the lead first: its place is the plan's, not the one
            // of a state bureau's local office signing last (国家金融监督管理总局山西监管局).
            plan.region = region_of_signing_rows(lines, &front[..p])
                .or_else(|| above.as_deref().and_then(|t| region_of(t.strip_suffix("文件").unwrap_or(t))))
                .or_else(|| below().as_deref().and_then(region_of))
                .unwrap_or_default();
        }
        // Cover lines that repeat the title (a cover page) are metadata too; a middle line of
        // the notice's own name run over lines (…关于印发 / 滨海新区知识产权运营服务体系建设 /
        // 实施方案(2020-2023)的通知, or …关于转发 / …) stays with the notice it is part of.
        let text_at = |k: usize| front.get(k).map(|&j| normalise(&lines[j].text)).unwrap_or_default();
        for (k, &i) in front.iter().enumerate() {
            let t = normalise(&lines[i].text);
            let sent_above = k > 0 && SENDING_VERBS.iter().any(|v| text_at(k - 1).ends_with(v));
            let in_notice_name = sent_above || text_at(k + 1).ends_with("的通知");
            if status[i].is_none() && !t.is_empty() && plan.title.contains(&t) && !in_notice_name {
                status[i] = Some(Use::Meta);
            }
        }
    }
    if plan.title.is_empty() {
        // No title line of the document's own: the notice that carries it (…的通知).
        if let Some((above, i, t)) = notice_at(lines, &front, &|j| status[j].is_none()) {
            // 关于印发《X》的通知 names the document X; so does the notice's 现将《X》印发给你们 where
            // its title runs over lines without guillemets (关于印发潜江龙虾…保护 / 示范区…的通知).
            // 关于印发《X》责任分工和推进计划的通知 sends a document made for X: its name is the whole
            // 《X》责任分工和推进计划.
            // Only a notice that sends it (or whose name the page printed from 《 on): 关于分解落实…和
            // 《政府工作报告》2018年重点工作任务的通知
            // names a document it carries out, and is itself the document (Yan'an 2018).
            let named = |t: &str| {
                let (before, _) = t.split_once('《')?;
                (before.is_empty() || SENDING_VERBS.iter().any(|v| before.ends_with(v))).then_some(())?;
                let (x, after) = t.split_once('《').and_then(|(_, rest)| rest.split_once('》'))?;
                let made_for = after.strip_suffix("的通知").filter(|y| {
                    let titled = TITLE_ENDINGS.iter().any(|e| y.ends_with(e)) && !y.ends_with("通知");
                    titled && !y.contains(['《', '》', '。', '，', ',', '、'])
                });
                Some(made_for.map_or_else(|| x.to_string(), |y| format!("《{x}》{y}")))
            };
            // A notice that sends last year's report with the plan (现将《…2022年工作总结》和
            // 《…2023年工作要点》印发给你们) names the plan second.
            let sent = || {
                front.iter().find_map(|&j| {
                    let t = normalise(&lines[j].text);
                    let (_, rest) = t.split_once("现将《")?;
                    let (names, _) = SENDING_VERBS.iter().find_map(|v| rest.split_once(&format!("》{v}")))?;
                    let names: Vec<&str> =
                        names.split('》').map(|n| n.trim_start_matches(['和', '、', '及', '《'])).collect();
                    let plans: Vec<&str> = names.iter().copied().filter(|n| !n.ends_with("总结")).collect();
                    let reports = names.len() - plans.len();
                    match plans[..] {
                        [x] if names.len() == 1 || reports > 0 => Some(x.to_string()),
                        _ => None,
                    }
                })
            };
            // The notice's name may run over lines (关于同意成立…服务站、 / …服务站的通知): `t` is
            // whole, `above` the lines before its last.
            plan.title = named(&t)
                .or_else(sent)
                .or_else(|| issued_without_guillemets(&t))
                .filter(|x| !x.is_empty())
                .unwrap_or_else(|| t.clone());
            // Its first part is the title's where the name itself is the title.
            let whole_name = plan.title == t;
            for j in above.into_iter().filter(|_| whole_name).chain([i]) {
                status[j] = Some(Use::Meta);
            }
        }
    }
    if plan.title.is_empty() {
        // Nor the notice's name (the page prints it only as its own heading): the notice's
        // sentence that opens with the document it sends (《厦门市“十四五”知识产权事业发展规划》已经
        // 市政府常务会议研究同意，现印发给你们).
        plan.title = front.iter().find_map(|&j| sent_by_its_name(&normalise(&lines[j].text))).unwrap_or_default();
    }
    if plan.title.is_empty() {
        plan.title = info.title.clone().unwrap_or_default();
    }
    // A news page's headline reports the plan (洞口县出台知识产权战略实施意见); its lead names
    // the plan in full (…正式出台《洞口县知识产权战略实施意见》), which is the title.
    let reported = reports_a_document(&plan.title);
    if plan.title.is_empty() || reported {
        // No title line (a page that prints the text only): the name the preamble gives the
        // document it makes (特编制《广州市…“十四五”规划》), or a news lead the one it reports
        // (我省日前下发《河南省…实施方案》), with its number where the lead gives one.
        let made = front.iter().map(|&i| normalise(&lines[i].text)).find_map(|t| {
            let name = title_the_preamble_makes(&t)?;
            // Its years (…行动方案(2021-2023年)) are no part of its kind.
            let kind = |t: &str| without_title_suffix(t).chars().rev().take(2).collect::<String>();
            let same_kind = |n: &str| kind(n) == kind(&plan.title);
            (!reported || same_kind(&name))
                .then(|| (number_the_report_gives(&t, &name), region_that_reports(&t, &name), name))
        });
        if let Some((number, region, name)) = made {
            // The lead may say who issued it in a later sentence (中新社…电 …发布《X》… /
            // 中共中央、国务院近日印发《X》).
            let region =
                region.or_else(|| front.iter().find_map(|&i| region_that_reports(&normalise(&lines[i].text), &name)));
            plan.title = name;
            plan.doc_number = plan.doc_number.take().or(number);
            if region_in_title(&plan.title).is_none() && plan.region.is_empty() {
                plan.region = region.unwrap_or_default();
            }
        } else if let Some(name) = reported.then(|| named_in_headline(&plan.title)).flatten() {
            plan.title = name;
        } else if let Some((name, region)) = front
            .iter()
            .take(4)
            .filter(|_| plan.title.is_empty())
            .find_map(|&i| notice_the_lead_reports(&normalise(&lines[i].text)))
        {
            // Or by the notice that sent it, named in full without guillemets (新华社…电 中国政府网
            // 发布国务院办公厅关于印发…工作要点的通知).
            plan.title = name;
            if region_in_title(&plan.title).is_none() && plan.region.is_empty() {
                plan.region = region.unwrap_or_default();
            }
        }
    }
    if plan.title.is_empty() {
        // A page that flattens the text runs the title into the preamble under it
        // (…试点建设工作方案为认真贯彻落实…): the name before the preamble's opening.
        plan.title =
            front.iter().find_map(|&i| title_run_into_preamble(&normalise(&lines[i].text))).unwrap_or_default();
    }
    if plan.title.is_empty() {
        // A speech or work report is headed by who spoke where (…局长申长雨在2023年全国知识产权
        // 局局长会议上的工作报告(摘编)): that headline is its title.
        if let Some(i) =
            front.iter().copied().find(|&i| status[i].is_none() && is_report_headline(&normalise(&lines[i].text)))
        {
            plan.title = normalise(&lines[i].text);
            status[i] = Some(Use::Meta);
        }
    }
    // An explainer's headline names the document it sums up (【摘要】《…工作指引(2020)》要点):
    // the document is the one named.
    if let Some(name) = summed_up(&plan.title) {
        plan.title = name;
    }
    if plan.region.is_empty() {
        plan.region = region_in_title(&plan.title)
            .or_else(|| plan.doc_number.as_deref().and_then(prefecture_of_doc_number))
            .or_else(|| plan.doc_number.as_deref().and_then(|n| province_of_doc_number(n, lines)))
            // The body the note under the title says issued it (（…国家知识产权局以…号印发）).
            .or_else(|| {
                let note = |i: usize| issuance_note(&normalise(&lines[i].text)).map(|(issuer, _)| issuer.to_string());
                front.iter().find_map(|&i| note(i)).and_then(|issuer| region_in_title(&issuer))
            })
            .or_else(|| region_in_notice(lines, &front, plan))
            .or_else(|| issuer_named_in_full(lines, &front))
            // A report of a place's selection (杭州市成功入选…, under its headline or lead) is its news.
            .or_else(|| {
                let lead = front.iter().take(4).filter(|_| plan.title.is_empty());
                lead.map(|&i| normalise(&lines[i].text)).find_map(|t| place_selected(at_most_first(&t, 1200)))
            })
            // Page furniture though they are, a page's record fields say who published it.
            .or_else(|| lines.iter().take(first_marker).find_map(|l| region_of_publisher(&l.text)))
            .or_else(|| region_that_signs_its_kind(&plan.title, lines))
            .or_else(|| front.iter().find_map(|&i| region_that_decides(&normalise(&lines[i].text))))
            .or_else(|| front.first().and_then(|&i| region_of_the_lead_issuer(&normalise(&lines[i].text))))
            .or_else(|| front.iter().find_map(|&i| region_that_signs(&normalise(&lines[i].text))))
            .or_else(|| region_of_its_master_plan(lines, &front))
            .or_else(|| region_that_signs_at_the_end(lines))
            .or_else(|| {
                // The page's first line, or the headline above its publication data where a site's
                // banner comes first.
                let headline = front.iter().copied().find(|&i| is_headline(lines, status, i));
                front
                    .first()
                    .into_iter()
                    .copied()
                    .chain(headline)
                    .find_map(|i| region_of_the_headline_body(&normalise(&lines[i].text)))
            })
            // A news page's source field (（来源：珠海市市场监督管理局）) names the body reporting
            // its own plan, as the record fields name the publisher.
            .or_else(|| lines.iter().take(first_marker).find_map(|l| region_of_source(&l.text)))
            .or_else(|| bare_place(&plan.title, lines))
            .or_else(|| plan.title.is_empty().then(|| zone_in_preamble(lines, &front)).flatten())
            .or_else(|| place_of_the_local_paper(lines, &front, false))
            .or_else(|| province_the_text_calls_itself(lines, '省'))
            .or_else(|| province_the_text_calls_itself(lines, '区'))
            .or_else(|| unit_the_text_calls_itself(lines))
            .or_else(|| {
                // Not counting the page's furniture: a news site's links to its other articles name
                // other places (Gaotai 2018: 相关新闻 / - 2018-03-09张掖市临泽县…).
                let kept: Vec<Line> = lines
                    .iter()
                    .zip(status.iter())
                    .filter(|(_, s)| **s != Some(Use::Noise))
                    .map(|(l, _)| l.clone())
                    .collect();
                plan.title.is_empty().then(|| unit_whose_bodies_act(&kept)).flatten()
            })
            .or_else(|| place_of_the_local_paper(lines, &front, true))
            .or_else(|| plan.title.is_empty().then(|| national_office_report(lines, status)).flatten())
            .unwrap_or_default();
    }
    if !plan.region.is_empty() && super::regions::find(&plan.region).is_none() {
        // A name several places share (宝山区), printed with its city elsewhere (上海市宝山区人民政府).
        if let Some(full) = lines.iter().find_map(|l| named_in_full(&normalise(&l.text), &plan.region)) {
            plan.region = full;
        }
    }
    let (start, end) = match years_of(&plan.title, plan.doc_number.as_deref()) {
        (None, _) => front
            .iter()
            .find_map(|&i| years_in_preamble(&normalise(&lines[i].text)))
            .or_else(|| years_of_its_master_plan(&plan.title, lines, &front))
            .or_else(|| {
                // The period a pilot or campaign runs for, stated in its preamble or in a line of
                // its own (试点期为2022年7月至2024年6月, 行动时间：2023年5月至10月).
                let stated = |i: usize| {
                    // (A blank line states nothing, and looking above it would cost a long run of them.)
                    if lines[i].text.is_empty() {
                        return None;
                    }
                    let t = normalise(&lines[i].text);
                    let own_line = PERIOD_WORDS.iter().any(|w| t.starts_with(w));
                    // Or the first line under a heading that is a period word (二、活动时间).
                    let above = (0..i).rev().find(|&h| !lines[h].text.is_empty());
                    let heading = above.and_then(|h| marker(&normalise(&lines[h].text))).and_then(|m| {
                        let rest = m.rest.trim_end_matches(['：', ':']);
                        PERIOD_WORDS.iter().find(|w| rest == **w)
                    });
                    match heading {
                        Some(w) => stated_period(&format!("{w}：{t}")),
                        // (`front` is in line order.)
                        None => (front.binary_search(&i).is_ok() || own_line).then(|| stated_period(&t)).flatten(),
                    }
                };
                (0..lines.len()).find_map(stated)
            })
            .or_else(|| {
                // A campaign named for its year (“剑网2023”专项行动) that the lead reports, else an
                // activity the notice schedules for a month (决定于2025年6月开展…“服务月”活动), else
                // the year whose work a meeting deploys (部署2025年重点任务).
                let in_front =
                    |read: fn(&str) -> Option<u16>| front.iter().find_map(|&i| read(&normalise(&lines[i].text)));
                let year =
                    in_front(campaign_year).or_else(|| in_front(scheduled_year)).or_else(|| in_front(deployed_year))?;
                Some((Some(year), Some(year)))
            })
            .or_else(|| {
                // A year's work points may open with their year (2018年是…, 2015年下半年，…), or
                // the notice that sends them name it (现将2023年xx州知识产权工作任务…安排如下).
                if info.kind != crate::model::Kind::WorkPoints {
                    return None;
                }
                // A notice's addressees (各省、自治区…知识产权局：) and a page's record fields
                // (文件号 | … | 制发日期 | …) come before its opening paragraph.
                let preface = |t: &str| t.starts_with('各') && t.ends_with(['：', ':']) || t.contains(['|', '｜']);
                let opening = front.iter().find(|&&i| status[i].is_none() && !preface(lines[i].text.trim()));
                let opens = || opening.and_then(|&i| year_opening(&lines[i].text));
                let sent = || front.iter().find_map(|&i| year_the_notice_sends(&normalise(&lines[i].text)));
                let chapter = || year_of_chapters(lines.get(first_marker..).unwrap_or_default());
                let year = opens().or_else(sent).or_else(chapter)?;
                Some((Some(year), Some(year)))
            })
            .or_else(|| {
                // A period the title counts (三年行动计划) runs from the year its notice was
                // signed; a year's work points (…工作要点) signed in its first half are that
                // year's. Signed late in a year, either may start the next: no guess.
                let (year, month) = issue_date(lines, &front)?;
                let points = ["要点", "要點"].iter().any(|w| without_title_suffix(&plan.title).ends_with(w));
                let single = (points && month <= 6).then_some((Some(year), Some(year)));
                single.or_else(|| {
                    let n = years_the_title_counts(&plan.title).filter(|_| month <= 9)?;
                    Some((Some(year), Some(year + n - 1)))
                })
            })
            .or_else(|| {
                // The goals may count the years and date their end (力争通过3年建设，…。到2025年，…):
                // where the span counted back from that end meets the year the notice was signed
                // (or the next, signed late in a year), the plan runs those years.
                let (year, month) = issue_date(lines, &front)?;
                let (n, end) = lines.iter().find_map(|l| span_to_year(&normalise(&l.text)))?;
                let start = end.checked_sub(n - 1)?;
                (start == year || start == year + 1 && month >= 10).then_some((Some(start), Some(end)))
            })
            .unwrap_or_default(),
        years => years,
    };
    plan.year_start = info.year_start.or(start);
    plan.year_end = info.year_end.or(end).or(plan.year_start);
    // Everything else before the first item: passages, one per paragraph.
    let rest: Vec<usize> = front.into_iter().filter(|&i| status[i].is_none()).collect();
    let mut group: Vec<usize> = Vec::new();
    let mut attached = false;
    for i in rest {
        // A record already made between two lines (a table of contents), or the title, parts
        // their paragraphs: the notice and its signature above, the preamble below.
        let parted = group.last().is_some_and(|&g| {
            status[g + 1..i].iter().any(|u| matches!(u, Some(Use::Heading | Use::Passage | Use::Measure)))
                || title_lines.iter().any(|t| (g + 1..i).contains(t))
        });
        if parted {
            let mut p = Some((None, std::mem::take(&mut group)));
            flush_passage(&mut p, lines, plan, status);
        }
        group.push(i);
        // The label of an attachment ends the notice: the plan's preamble follows. So does the
        // signature's date, where the attachment was listed above it (附件: / 某某规划.docx / 某某局 /
        // 2021年5月7日 / 为贯彻落实…).
        let t = normalise(&lines[i].text);
        let label = is_attachment_label(&t);
        let closes = label || attached && is_date_line(&t);
        attached |= label;
        if ends_sentence(&lines[i].text) || lines[i].text.ends_with('：') || closes {
            let mut p = Some((None, std::mem::take(&mut group)));
            flush_passage(&mut p, lines, plan, status);
        }
    }
    let mut p = Some((None, group));
    flush_passage(&mut p, lines, plan, status);
}

/// The lines above the last line of a notice's name (`i`, …的通知) that print its first part:
/// up to two short lines (`free`, nothing else took them) with no sentence's punctuation, the
/// topmost opening the name (`关于同意成立…、`, `某某县市场监督管理局关于`); none when no such
/// line opens it.
fn notice_name_above(lines: &[Line], front: &[usize], i: usize, free: &dyn Fn(usize) -> bool) -> Vec<usize> {
    let Some(pos) = front.iter().position(|&j| j == i) else { return Vec::new() };
    // A name with its 关于 is whole.
    if normalise(&lines[i].text).contains("关于") {
        return Vec::new();
    }
    let mut above = Vec::new();
    for &j in front[..pos].iter().rev().take(2) {
        let t = normalise(&lines[j].text);
        let part = free(j) && t.chars().count() <= 40 && !t.contains(['。', '，', '：', ':', ',']);
        if !part {
            break;
        }
        above.insert(0, j);
        if t.contains("关于") {
            return above;
        }
    }
    Vec::new()
}

/// Words that end the name of a body issuing a document.
const ISSUER_ENDINGS: &[&str] =
    &["办公室", "办公厅", "人民政府", "委员会", "领导小组", "联席会议", "知识产权局", "监督管理局", "总局", "厅", "局"];

/// The region of the body that leads a joint signature printed in rows above a title
/// (`山西省市场监督管理局 山西省高级人民法院` / … / `中国证券监督管理委员会山西监管局` / its date):
/// the rows' first body. None for a signature of one body.
fn region_of_signing_rows(lines: &[Line], above: &[usize]) -> Option<String> {
    let mut lead = None;
    let mut bodies = 0;
    for &i in above.iter().rev() {
        let t = normalise(&lines[i].text);
        if !has_words(&t) || is_date_line(&t) {
            continue;
        }
        let fields: Vec<String> = lines[i].text.split_whitespace().map(normalise).collect();
        let body =
            |f: &String| f.chars().count() <= 30 && !f.contains(['。', '，', '：', ',', ':']) && looks_like_body(f);
        if fields.is_empty() || !fields.iter().all(body) {
            break;
        }
        bodies += fields.len();
        lead = fields.into_iter().next();
    }
    lead.as_deref().filter(|_| bodies >= 2).and_then(region_in_title)
}

/// A (normalised) line that is the name of an issuing body: `国家知识产权强国建设工作部际联席会议办公室`.
fn is_issuer(t: &str) -> bool {
    t.chars().count() <= 30
        && !t.contains(['。', '，', '：', ',', ':'])
        && ISSUER_ENDINGS.iter().any(|e| t.ends_with(e))
}

/// Has a text two words' worth of Chinese, other than a date's 年月日? A separator (`-----`),
/// a date or a date whose digits were lost (`年12月24日`) has not.
fn has_words(t: &str) -> bool {
    t.chars().filter(|&c| crate::index::is_han(c) && !"年月日".contains(c)).count() >= 2
}

/// A (normalised) title line that says what the document is about, not only which kind of
/// document for which year: `2024年知识产权强国建设推进计划` does, `2023年工作要点` does not.
fn names_its_subject(t: &str) -> bool {
    let t = without_title_suffix(t).trim_start_matches(|c: char| c.is_ascii_digit() || "年度《“".contains(c));
    let t = TITLE_ENDINGS.iter().find_map(|e| t.strip_suffix(e)).unwrap_or(t);
    t.trim_end_matches(['工', '作']).trim_end_matches(['年', '度']).chars().count() >= 2
}

/// The document a notice's sentence opens with and sends (`《X规划》已经…同意，现印发给你们`).
fn sent_by_its_name(t: &str) -> Option<String> {
    let (name, after) = t.strip_prefix('《')?.split_once('》')?;
    let sends = SENDS_TO_READERS.iter().any(|w| after.contains(w));
    let titled = TITLE_ENDINGS.iter().any(|e| without_title_suffix(name).ends_with(e));
    (sends && titled && !name.contains(['《', '。'])).then(|| name.to_string())
}

/// A document number inside a line: `粤知〔2019〕12号`, `国知发管字[2019]12号`.
fn find_doc_number(t: &str) -> Option<String> {
    let chars: Vec<char> = t.chars().collect();
    let open = chars.iter().position(|c| matches!(c, '〔' | '[' | '［' | '【' | '﹝'))?;
    let year: String = chars.get(open + 1..open + 5)?.iter().collect();
    let closed = matches!(chars.get(open + 5), Some('〕' | ']' | '］' | '】' | '﹞'));
    if !year.chars().all(|c| c.is_ascii_digit()) || !closed {
        return None;
    }
    let digits = chars[open + 6..].iter().take_while(|c| c.is_ascii_digit()).count();
    if digits == 0 || chars.get(open + 6 + digits) != Some(&'号') {
        return None;
    }
    let start = chars[..open]
        .iter()
        .rposition(|c| !(('\u{4e00}'..='\u{9fff}').contains(c)))
        .map(|p| p + 1)
        .unwrap_or(0)
        .max(open.saturating_sub(12));
    (start < open).then(|| chars[start..open + 7 + digits].iter().collect())
}

/// The note under a title that records how the document was issued, as law collections and
/// government pages print older ones (`（2011年10月9日国家知识产权局以国知发规字〔2011〕115号印发）`):
/// the issuing body and the number.
fn issuance_note(t: &str) -> Option<(&str, &str)> {
    let inner = t.strip_prefix(['（', '('])?.strip_suffix(['）', ')'])?;
    let inner = ["印发", "发布", "颁布"].iter().find_map(|v| inner.strip_suffix(v))?;
    let (head, number) = inner.rsplit_once('以')?;
    // The date it was issued on may open it.
    let issuer = match head.split_once('日') {
        Some((date, rest)) if date.contains('年') && date.contains('月') => rest,
        _ => head,
    };
    let body = is_issuer(issuer) || ["国务院", "中共中央"].iter().any(|b| issuer.starts_with(b));
    (body && is_doc_number(number) && !issuer.contains(['《', '》'])).then_some((issuer, number))
}

/// The document's number where it opens a line and the preamble follows it with no break
/// (`普市监公平〔2022〕9号为进一步…`), or the name of the notice it numbers (`雁政发〔2024〕4号西安市
/// 雁塔区人民政府关于印发《…》的通知`); a number cited later in a sentence is not at its start.
fn number_opening_preamble(t: &str) -> Option<String> {
    let number = find_doc_number(t)?;
    let rest = t.strip_prefix(number.as_str())?;
    let opens = ["为", "根据", "按照", "各"].iter().any(|w| rest.starts_with(w));
    let names_notice = rest.contains("关于") && rest.ends_with("的通知") && !rest.contains(['。', '；']);
    ((opens || names_notice) && is_doc_number(&number)).then_some(number)
}

/// A document number standing as one space-separated field of a line, after a label or before
/// a date (`…的通知 国知战联办〔2018〕24号 2018年12月27日 发布机关:…`, `文号:国科发专〔2017〕145号`);
/// never one cited inside a sentence (`…意见》（国发〔2015〕71号）`). Fields are cut before
/// normalising, which would glue the number to the title before it.
fn doc_number_field(line: &str) -> Option<String> {
    line.split_whitespace().find_map(|field| {
        let field = normalise(field);
        let value = field.rsplit_once(['：', ':']).map_or(field.as_str(), |(_, v)| v);
        // Or before the notice's name: 国办发〔2016〕25号《国务院办公厅关于印发…的通知》.
        let value = value.split_once('《').map_or(value, |(before, _)| before);
        as_doc_number(value).map(str::to_string)
    })
}

/// The document number a normalised text is, alone or followed by its date (`苏政发〔2009〕1号
/// 2009年1月5日`).
fn as_doc_number(t: &str) -> Option<&str> {
    // A law database's record field, as a list entry with its label in brackets (`- 【发布文号】
    // 黔府办发〔2009〕26号`): the number is what follows the label.
    let t = t.trim_start_matches(['-', '－', '•', '·']);
    let t = match t.strip_prefix(['【', '[', '［']).and_then(|r| r.split_once(['】', ']', '］'])) {
        Some((label, number)) if label.ends_with('号') => number,
        _ => t,
    };
    // A page's field label before it, printed without a colon (`发文字号 青政字〔2022〕44号`).
    let t =
        ["发文字号", "文号"].iter().find_map(|l| t.strip_prefix(l)).map_or(t, |r| r.trim_start_matches(['：', ':']));
    // Some notices print it in brackets under the title: （穗府办〔2007〕25号）.
    let number = without_date(t.trim_start_matches(['（', '(']).trim_end_matches(['）', ')']));
    is_doc_number(number).then_some(number)
}

/// The region a title opens with, when the reader names none: a province of the gazetteer, or
/// a place name closed by 省/市/区/县/州 within its first characters (`通州区…`, `2025年徐汇区…`);
/// 国家…, 全国…, 国务院… and 中共中央… are national.
pub(crate) fn region_in_title(title: &str) -> Option<String> {
    // The years before the place may be a range (2022-2023年滨海新区…推进计划).
    let t = title.trim_start_matches(|c: char| c.is_ascii_digit() || "年《“-—–－~～至".contains(c));
    // 2022年度… is the year's too, not the start of a place.
    let t = if t.len() < title.len() { t.strip_prefix('度').unwrap_or(t) } else { t };
    let t = t.strip_prefix("关于").unwrap_or(t);
    // Opinions on doing a thing in a place (关于在滨海高新区建设…的实施意见) name it after 在.
    let t = t.strip_prefix('在').unwrap_or(t);
    // The years' work of carrying out a place's strategy (2011-2012年实施东莞市…纲要工作方案).
    let t = t.strip_prefix("实施").unwrap_or(t);
    // A notice that issues a document (关于印发广州市黄埔区…实施细则的通知) or passes one on
    // (关于转发…) names it next.
    let t = SENDING_VERBS.iter().find_map(|v| t.strip_prefix(v)).unwrap_or(t);
    // A five-year period before the place (“十四五”国家知识产权保护和运用规划) is no part of it.
    let t = FIVE_YEAR_PERIODS.iter().find_map(|p| t.strip_prefix(p.0)).map_or(t, |r| r.trim_start_matches(['”', '"']));
    if ["国家", "全国", "國家", "国务院", "中共中央"].iter().any(|n| t.starts_with(n)) {
        return Some("全国".to_string());
    }
    // A zone named after its city or province (天津经济技术开发区, 武汉东湖新技术开发区) issues its
    // own plans: the zone, as printed, not the place its name opens with.
    if let Some(zone) = zone_at_start(t) {
        return Some(zone);
    }
    // An autonomous prefecture, county or banner by a full name longer than the characters read
    // below (黔东南苗族侗族自治州), with its county-level unit after it.
    if let Some(r) = super::regions::autonomous_at_start(t) {
        let rest = t.strip_prefix(r.name).unwrap_or_default();
        let unit = subunit(rest).filter(|_| r.name.ends_with('州')).unwrap_or_default();
        return Some(format!("{}{unit}", r.name));
    }
    let province = super::regions::provinces().find(|r| t.starts_with(r.name) || t.starts_with(r.short));
    // A city or prefecture named like its province (吉林市, 海南州) is read below, as any city is.
    let named_like_it = |r: &super::regions::Region| {
        !t.starts_with(r.name) && !r.name.ends_with('市') && t[r.short.len()..].starts_with(['市', '州'])
    };
    if let Some(r) = province.filter(|r| !named_like_it(r)) {
        let rest = t.strip_prefix(r.name).or_else(|| t.strip_prefix(r.short)).unwrap_or_default();
        return Some(match subunit(rest) {
            // A municipality's district (上海市徐汇区).
            Some(district) if r.name.ends_with('市') => format!("{}{district}", r.name),
            // A province's city (江苏省南通市), named as the city names itself, with its district.
            Some(city) if city.ends_with('市') => {
                let rest = rest.get(city.len()..).unwrap_or_default();
                city + &subunit(rest).unwrap_or_default()
            }
            _ => r.name.to_string(),
        });
    }
    let chars: Vec<char> = t.chars().take(8).collect();
    let end = chars.iter().skip(2).position(|c| "省市区县州盟旗".contains(*c)).map(|p| p + 2);
    let name: Option<String> = end.map(|end| chars[..=end].iter().collect());
    // A province after the words a title opens with (深入实施甘肃省…行动计划, 中共云南省委 云南省
    // 人民政府关于…), when those words name no place of their own (某某市贯彻江苏省… is 某某市's).
    let province_at = t.char_indices().skip(1).take(12).map(|(i, _)| i).find(|&i| {
        super::regions::provinces()
            .any(|r| t[i..].starts_with(r.name) && name.as_deref().is_none_or(|n| n.len() == i + r.name.len()))
    });
    if let Some(at) = province_at {
        return region_in_title(&t[at..]);
    }
    // An autonomous prefecture by its own short form (克州贯彻落实…, 博州2023年…), which the
    // characters above take for no name.
    if let Some(r) = prefecture_at_start(t) {
        return Some(r.name.to_string());
    }
    let (end, name) = (end?, name?);
    // A title that implements a place's own law or plan (关于贯彻落实《杭州市…条例》的实施意见)
    // names the place inside the guillemets, as a province after such words is read above.
    if let Some(at) = name.find(['《', '〈']) {
        return region_in_title(t[at..].trim_start_matches(['《', '〈']));
    }
    if name.contains("关于") || name.contains("知识") {
        return None;
    }
    // A unit calling itself by its kind (自治州贯彻落实…的工作方案, as 本市 or 全省) names no place.
    if ["自治州", "自治县", "自治区", "自治旗"].contains(&name.as_str()) {
        return None;
    }
    // A name in quotation marks (“三城一区”知识产权行动方案) is a slogan for the areas a plan
    // covers, not a place: titles print places bare.
    if chars.get(end + 1).is_some_and(|c| ['”', '"'].contains(c)) {
        return None;
    }
    // A kind of zone on its own (高新区…工作要点, 自贸区…方案) is no place; a named one
    // (滨海新区, 荆门高新区) is kept.
    if ZONE_WORDS.contains(&name.as_str()) && super::regions::find(&name).is_none() {
        return None;
    }
    // Leagues and banners (锡林郭勒盟, 准格尔旗) only as the gazetteer names them: 旗 also starts
    // words (旗舰).
    if name.ends_with(['盟', '旗']) && super::regions::find(&name).is_none() {
        return None;
    }
    // A city's district, county or county-level city printed after it (南通市通州区).
    let rest: String = t.chars().skip(end + 1).collect();
    let sub = subunit(&rest).filter(|_| name.ends_with(['市', '州', '盟']));
    Some(name + &sub.unwrap_or_default())
}

/// The place of a unit whose notice calls it only by its kind (`自治区市场监管局 知识产权局关于
/// …的通知`): the one of the body signing it with its place's name (`内蒙古自治区市场监督管理局`),
/// of that kind.
fn region_that_signs_its_kind(title: &str, lines: &[Line]) -> Option<String> {
    let (issuer, _) = title.split_once("关于")?;
    let kind = ["自治区", "自治州", "自治县", "自治旗"].into_iter().find(|k| issuer.starts_with(k))?;
    lines.iter().rev().map(|l| normalise(&l.text)).find_map(|t| {
        let region = region_in_title(&t).filter(|_| is_issuer(&t))?;
        (region.ends_with(kind) && super::regions::find(&region).is_some()).then_some(region)
    })
}

/// The autonomous prefecture whose short form opens a document number (博州政发〔2023〕17号: the
/// title of such a plan often calls it only 自治州).
pub(crate) fn prefecture_of_doc_number(number: &str) -> Option<String> {
    let issuer: String = number.chars().take_while(|&c| crate::index::is_han(c)).collect();
    let end = issuer.char_indices().take(4).find(|&(_, c)| c == '州').map(|(i, c)| i + c.len_utf8())?;
    super::regions::prefecture_abbreviated(&issuer[..end]).map(|r| r.name.to_string())
}

/// The one character a province-level government numbers its documents by (黔府发, 苏政办发,
/// 沪府发).
const PROVINCE_CHARACTERS: [(char, &str); 31] = [
    ('京', "北京市"),
    ('津', "天津市"),
    ('冀', "河北省"),
    ('晋', "山西省"),
    ('辽', "辽宁省"),
    ('吉', "吉林省"),
    ('黑', "黑龙江省"),
    ('沪', "上海市"),
    ('苏', "江苏省"),
    ('浙', "浙江省"),
    ('皖', "安徽省"),
    ('闽', "福建省"),
    ('赣', "江西省"),
    ('鲁', "山东省"),
    ('豫', "河南省"),
    ('鄂', "湖北省"),
    ('湘', "湖南省"),
    ('粤', "广东省"),
    ('桂', "广西壮族自治区"),
    ('琼', "海南省"),
    ('渝', "重庆市"),
    ('川', "四川省"),
    ('黔', "贵州省"),
    ('云', "云南省"),
    ('藏', "西藏自治区"),
    ('陕', "陕西省"),
    ('甘', "甘肃省"),
    ('青', "青海省"),
    ('宁', "宁夏回族自治区"),
    ('新', "新疆维吾尔自治区"),
    ('滇', "云南省"),
];

/// How a province's notice opens its list of addressees: the cities under it (a city's own are
/// its districts and counties; 各市直单位 is a city's bodies).
const PROVINCE_ADDRESSEES: &[&str] =
    &["各市、", "各市(", "各市（", "各市人民政府", "各市州", "各地级以上市", "各地级市", "各设区市", "各省辖市"];

/// The province whose government issued a document numbered by its one character (黔府发〔2017〕
/// 31号), as a news page reports it without naming the place (省人民政府印发…, 我省…). Cities use
/// some of the same characters (宁政发 is Nanjing's, 青政发 Qingdao's): a province's only where the
/// text speaks of itself as a province (我省, 全省); a municipality's (京政发, 沪府发) are its own.
pub(crate) fn province_of_doc_number(number: &str, lines: &[Line]) -> Option<String> {
    let mut chars = number.chars();
    let first = chars.next()?;
    if !matches!(chars.next(), Some('府' | '政')) {
        return None;
    }
    let (_, name) = PROVINCE_CHARACTERS.iter().find(|(c, _)| *c == first)?;
    let municipality = name.ends_with('市');
    // Or it is addressed to the province's cities (各市、自治州人民政府, 各设区市人民政府).
    let to_cities = |t: &str| PROVINCE_ADDRESSEES.iter().any(|a| t.trim_start().starts_with(a));
    // Or it names the province's government in full (辽宁省人民政府 signing 辽政发).
    let government = format!("{name}人民政府");
    let a_province = || {
        lines.iter().any(|l| {
            ["我省", "全省", "本省"].iter().any(|w| l.text.contains(w))
                || to_cities(&l.text)
                || l.text.contains(government.as_str())
        })
    };
    (municipality || a_province()).then(|| name.to_string())
}

/// The province (`kind` 省: 我省, 本省, 全省) or autonomous region (区: 我区, 全区, 本区, with 自治区
/// for its bodies) a text without a named issuer speaks as, where it never calls itself another
/// kind of unit as well: the one of its kind it names in full (河南省委省政府, 江苏省知识产权局,
/// 宁夏回族自治区), as a provincial notice addressed to its banks or a report of its work does; else
/// the one it shows acting by its short name (宁夏召开…) and, for a province, the one whose own
/// government it cites or whose capital it names. Two named, or none, give no place.
fn province_the_text_calls_itself(lines: &[Line], kind: char) -> Option<String> {
    let says = |words: &[String]| says_any(lines, words);
    let calls = self_words;
    let others: Vec<String> =
        ['省', '市', '县', '区', '州'].into_iter().filter(|&k| k != kind).flat_map(calls).collect();
    let a_region = kind == '区';
    if !says(&calls(kind)) || says(&others) || a_region && !says(&["自治区".to_string()]) {
        return None;
    }
    let suffix = if a_region { "自治区" } else { "省" };
    let mut named = super::regions::provinces()
        .filter(|p| p.name.ends_with(suffix) && lines.iter().any(|l| l.text.contains(p.name)));
    match (named.next(), named.next()) {
        (Some(one), None) => Some(one.name.to_string()),
        (None, _) if a_region => named_only_short(lines, '区'),
        (None, _) => province_of_its_own_citations(lines)
            .or_else(|| named_only_short(lines, '省'))
            .or_else(|| province_of_its_capital(lines)),
        _ => None,
    }
}

/// The words a text calls itself a unit of a kind by (我省, 全省, 本省 for 省).
fn self_words(kind: char) -> [String; 3] {
    [format!("我{kind}"), format!("全{kind}"), format!("本{kind}")]
}

/// Does any line say any of the words?
fn says_any(lines: &[Line], words: &[String]) -> bool {
    lines.iter().any(|l| words.iter().any(|w| l.text.contains(w.as_str())))
}

/// The province of the one provincial capital a text calling itself 全省 names in full, where it
/// names no province: its meetings sit there (2019年全省知识产权局局长会议在哈尔滨市召开). Two
/// provinces' capitals named give none.
fn province_of_its_capital(lines: &[Line]) -> Option<String> {
    let mut named = super::regions::capitals()
        .filter(|(c, p)| p.name.ends_with('省') && lines.iter().any(|l| l.text.contains(c.name)));
    match (named.next(), named.next()) {
        (Some((_, province)), None) => Some(province.name.to_string()),
        _ => None,
    }
}

/// The one province (`kind` 省) or autonomous region (区) that a text shows acting by its short
/// name alone, the subject of a clause (5月31日，河北组织召开…; 2月22日，宁夏召开…): a paper's or a
/// site's name (甘肃日报, 中国甘肃网) or a brand (浙江制造) is no place acting. Two such, or none,
/// give no place.
fn named_only_short(lines: &[Line], kind: char) -> Option<String> {
    const ACTS: &[&str] = &["召开", "组织", "举行", "印发", "出台", "部署", "启动", "开展", "发布"];
    let as_itself = |t: &str, short: &str| {
        t.match_indices(short).any(|(at, _)| {
            let opens = t[..at].is_empty() || t[..at].ends_with(['，', ',', '。', '日']);
            opens && ACTS.iter().any(|w| t[at + short.len()..].starts_with(w))
        })
    };
    let mut named = super::regions::provinces().filter(|p| {
        p.name.ends_with(kind) && p.short.chars().count() >= 2 && lines.iter().any(|l| as_itself(&l.text, p.short))
    });
    match (named.next(), named.next()) {
        (Some(one), None) => Some(one.name.to_string()),
        _ => None,
    }
}

/// The province whose government a text cites as its own without naming it, by the number the
/// cited document carries (《省人民政府办公厅关于…的实施意见》(黔府办函〔2023〕55号)): a provincial
/// department's plan carrying out its government's. Two provinces so cited give none.
fn province_of_its_own_citations(lines: &[Line]) -> Option<String> {
    let mut found: Option<&str> = None;
    for l in lines {
        let t = normalise(&l.text);
        for (at, _) in t.match_indices("《省") {
            let after = &t[at..];
            let own = ["《省人民政府", "《省政府", "《省委"].iter().any(|w| after.starts_with(w));
            let Some((_, rest)) = after.split_once('》') else { continue };
            let Some(number) = rest.strip_prefix(['(', '（']).and_then(find_doc_number) else { continue };
            let mut chars = number.chars();
            let (Some(first), Some('府' | '政')) = (chars.next(), chars.next()) else { continue };
            let Some((_, name)) = PROVINCE_CHARACTERS.iter().find(|(c, _)| *c == first) else { continue };
            if !own || name.ends_with('市') {
                continue;
            }
            if found.is_some_and(|f| f != *name) {
                return None;
            }
            found = Some(name);
        }
    }
    found.map(str::to_string)
}

/// The county, banner, city or autonomous prefecture a text without a named issuer speaks as (我县,
/// 全县, 本县; 我旗…; 全市…; 我州…, where it never calls itself another kind of unit as well): the one
/// unit of that kind it names in full (马山县知识产权局, 泸州市政协, 迪庆州), as a news report of a
/// place's own work does. Two
/// named, or none, give no place.
fn unit_the_text_calls_itself(lines: &[Line]) -> Option<String> {
    let says = |words: &[String]| says_any(lines, words);
    let calls = self_words;
    let kinds = ['县', '旗', '市', '州', '区'];
    let kind = kinds.into_iter().find(|&k| says(&calls(k)))?;
    let others: Vec<String> =
        ['省', '市', '县', '区', '州', '旗'].into_iter().filter(|&k| k != kind).flat_map(calls).collect();
    // A place ranks itself within a larger one (居全省第三, 在全省率先, 占全省37.5%): that is no unit
    // it speaks as.
    let ranks = |t: &str, at: usize, w: &str| {
        let (before, after) = (&t[..at], &t[at + w.len()..]);
        w.starts_with('全')
            && (["第", "前列", "首", "率先", "领先"].iter().any(|x| after.starts_with(x))
                || ["居", "占", "列"].iter().any(|x| before.ends_with(x)))
    };
    let speaks_as =
        |w: &String| lines.iter().any(|l| l.text.match_indices(w.as_str()).any(|(at, _)| !ranks(&l.text, at, w)));
    if others.iter().any(speaks_as) {
        return None;
    }
    let mut named: Vec<&str> = Vec::new();
    for line in lines {
        let chars: Vec<char> = line.text.chars().collect();
        for (at, _) in chars.iter().enumerate().filter(|(_, &c)| c == kind) {
            // The longest name the gazetteer knows in full that ends here (马山县, 乌拉特后旗), or
            // an autonomous prefecture's as its own texts print it (迪庆州).
            let name = (2..=5).rev().filter(|&k| k <= at).find_map(|k| {
                let name: String = chars[at - k..=at].iter().collect();
                let prefecture = |r: &super::regions::Region| kind == '州' && r.name.ends_with("自治州");
                super::regions::find(&name).filter(|r| r.name == name || prefecture(r)).map(|r| r.name)
            });
            if let Some(name) = name.filter(|n| !named.contains(n)) {
                named.push(name);
            }
        }
    }
    match named[..] {
        [one] => Some(one.to_string()),
        _ => None,
    }
}

/// The city or county (or, with `provinces`, the province) whose paper's dateline opens the lead
/// (中国宁波网讯 …, 宁波日报讯 …, 新江苏·中国江苏网讯 …), when the report speaks as a unit of that
/// kind (我市; a province's 我省 or 全省): the paper's place is the report's.
fn place_of_the_local_paper(lines: &[Line], front: &[usize], provinces: bool) -> Option<String> {
    let t = normalise(&lines[*front.first()?].text);
    let at = ["新闻网讯", "网讯", "日报讯", "晚报讯"].iter().filter_map(|w| t.find(w)).min()?;
    // After the site's brand (新江苏·) and the country's name the paper bears (中国宁波网).
    let head = t[..at].rsplit_once('·').map_or(&t[..at], |(_, rest)| rest);
    let short = head.strip_prefix("中国").unwrap_or(head);
    if !(2..=4).contains(&short.chars().count()) {
        return None;
    }
    let of_level = |r: &&super::regions::Region| {
        let level = r.level();
        r.short == short
            && match provinces {
                true => level == crate::model::Level::Province,
                false => matches!(level, crate::model::Level::City | crate::model::Level::District),
            }
    };
    let region = super::regions::find(short).filter(of_level)?;
    let kind = region.name.chars().last()?;
    let words = match provinces {
        true => vec!["我省".to_string(), "全省".to_string()],
        false => vec![format!("我{kind}")],
    };
    says_any(lines, &words).then(|| region.name.to_string())
}

/// The one city or county a local news page without a title is about, where only its bodies act
/// in the text (廊坊市委书记…, 金乡县市场监督管理局…): the only unit below a province the text names
/// in full, named more than once and at least once as the place of a body. Two units named, or one
/// named once or never as a body's place, give no place.
fn unit_whose_bodies_act(lines: &[Line]) -> Option<String> {
    // Each line normalised once, for the readings below.
    let texts: Vec<Vec<char>> = lines.iter().map(|l| normalise(&l.text).chars().collect()).collect();
    // A province's own news (西藏自治区市场监管局…介绍) only where it names no unit below one.
    let below = unit_whose_bodies_act_named(&texts, false);
    let named = if below.is_empty() { unit_whose_bodies_act_named(&texts, true) } else { below };
    unit_whose_bodies_act_among(&texts, &named)
}

/// The nation, for a report without a title that names no place of its own, where the national
/// office acts in its first lines (国家知识产权局局长…介绍, …在京举行，国家知识产权局专利管理司…
/// 参加了活动): national work. A text that calls a place its own (我市, 全省) or tells of a place
/// selected (…入选) is that place's news.
fn national_office_report(lines: &[Line], status: &[Option<Use>]) -> Option<String> {
    let kept: Vec<String> = lines
        .iter()
        .zip(status.iter())
        .filter(|(_, s)| **s != Some(Use::Noise))
        .map(|(l, _)| normalise(&l.text))
        .collect();
    const LOCAL: [&str; 12] =
        ["我市", "我省", "我县", "我区", "我州", "本市", "本省", "本县", "全市", "全省", "全县", "入选"];
    let local = kept.iter().any(|t| LOCAL.iter().any(|w| t.contains(w)));
    let acts = kept.iter().take(12).any(|t| national_office_acts(t));
    (acts && !local).then(|| "全国".to_string())
}

/// Does a line show the national office acting, as the subject of a clause (`国家知识产权局局长…
/// 介绍`, `…在京举行，国家知识产权局专利管理司…参加了活动`), in either script? A document it
/// issued that a clause cites (`，国家知识产权局《关于…》`) is no act of the text's.
fn national_office_acts(t: &str) -> bool {
    ["国家知识产权局", "國家知識產權局"].iter().any(|office| {
        t.match_indices(office).any(|(at, _)| {
            let opens = t[..at].chars().next_back().is_none_or(|c| "，,。；;）)".contains(c));
            let rest = &t[at + office.len()..];
            let cites = ["《", "关于", "關于", "關於", "印发", "印發", "的"].iter().any(|w| rest.starts_with(w));
            opens && !rest.is_empty() && !cites
        })
    })
}

/// The bodies after a place's name by which a news text shows the place acting (琼中县市场监督管理局
/// 联合…, 海口市人民政府).
const ACTING_BODIES: &[&str] = &["委", "人民政府", "政府", "市场监督管理局", "市场监管局", "知识产权局", "版权局"];

/// [`unit_whose_bodies_act`] among the units `named`, if it is the only one.
fn unit_whose_bodies_act_among(texts: &[Vec<char>], named: &[(&'static str, usize, bool)]) -> Option<String> {
    let [(unit, count, acts)] = named[..] else { return None };
    // Or the unit a headline opens with by its short name (海口入选国家知识产权强市建设试点城市),
    // the text naming it in full.
    let headlined = || {
        let short = super::regions::find(unit).map(|r| r.short).filter(|s| s.chars().count() >= 2);
        let heads: Vec<String> = texts.iter().filter(|t| !t.is_empty()).take(3).map(|t| t.iter().collect()).collect();
        short.is_some_and(|s| heads.iter().any(|t| t.starts_with(s) && !t.contains(['。', '，', ','])))
    };
    if !acts && !headlined() {
        return None;
    }
    // A body of another level named without its place (市知识产权局 on a page about a district) is
    // another actor, most often the page's own publisher: the evidence is no longer single.
    let kind = unit.chars().last()?;
    let bare_other = texts.iter().any(|chars| {
        (0..chars.len()).any(|at| {
            let level = chars[at];
            let placeless = at == 0 || !crate::index::is_han(chars[at - 1]);
            let after: String = chars[at + 1..].iter().take(8).collect();
            "省市县区州".contains(level)
                && level != kind
                && placeless
                && ACTING_BODIES.iter().any(|b| after.starts_with(b))
        })
    });
    (count >= 2 && !bare_other).then(|| unit.to_string())
}

/// The units of the gazetteer `texts` name in full, below a province or provinces, each with how
/// often and whether once as a body's place.
fn unit_whose_bodies_act_named(texts: &[Vec<char>], provinces: bool) -> Vec<(&'static str, usize, bool)> {
    let ends = if provinces { "省市区" } else { "市县区旗" };
    // The provinces' names, matched as characters (not looked up, at every 区 of a long text).
    let names: Vec<(&'static str, Vec<char>)> = match provinces {
        true => super::regions::provinces().map(|r| (r.name, r.name.chars().collect())).collect(),
        false => Vec::new(),
    };
    let mut named: Vec<(&'static str, usize, bool)> = Vec::new();
    for chars in texts {
        for (at, _) in chars.iter().enumerate().filter(|(_, c)| ends.contains(**c)) {
            let province = || names.iter().find(|(_, n)| chars[..=at].ends_with(n)).map(|(name, _)| *name);
            // The shortest name the gazetteer knows in full that ends here (河北省廊坊市 names 廊坊市).
            let unit = if provinces { province() } else { None };
            let unit = unit.or_else(|| {
                (2..=5).filter(|&k| k <= at && !provinces).find_map(|k| {
                    let name: String = chars[at - k..=at].iter().collect();
                    // An autonomous county printed as its place and 县 (琼中县) is named in full too.
                    let in_full = |r: &super::regions::Region| {
                        r.name == name || r.name.contains("自治") && name.strip_suffix(['县', '旗']) == Some(r.short)
                    };
                    let below_a_province = |r: &&super::regions::Region| {
                        in_full(r) && matches!(r.level(), crate::model::Level::City | crate::model::Level::District)
                    };
                    super::regions::find(&name).filter(below_a_province).map(|r| r.name)
                })
            });
            let Some(unit) = unit else { continue };
            let after: String = chars[at + 1..].iter().take(8).collect();
            let body = ACTING_BODIES.iter().any(|b| after.starts_with(b));
            match named.iter_mut().find(|(n, ..)| *n == unit) {
                Some(entry) => {
                    entry.1 += 1;
                    entry.2 |= body;
                }
                None => named.push((unit, 1, body)),
            }
        }
    }
    named
}

/// What a title or an issuer's name says right after the place that opens it: its subject, its
/// year, its body, or 关于 (天津经济技术开发区 / 管理委员会, 克州 / 贯彻落实…).
fn after_a_place(rest: &str) -> bool {
    const NEXT: &[&str] = &[
        "关于",
        "贯彻",
        "落实",
        "实施",
        "推进",
        "加快",
        "深入",
        "全面",
        "管委会",
        "管理委员会",
        "党工委",
        "工委",
        "人民政府",
        "政府",
        "市场监",
        "“",
        "\"",
        "《",
        "（",
        "(",
    ];
    // Or the programme it takes part in, national or its province's (镇江经济技术开发区 / 国家知识产权
    // 强国建设试点园区…, / 江苏省知识产权建设示范(园区)…).
    let programme = rest.starts_with("国家") || super::regions::provinces().any(|r| rest.starts_with(r.name));
    rest.is_empty()
        || programme
        || rest.starts_with(|c: char| c.is_ascii_digit())
        || TOPIC_WORDS.iter().chain(NEXT).any(|w| rest.starts_with(w))
}

/// A zone a text opens with, named after the city, county or province it lies in (天津经济技术
/// 开发区, 上海自贸试验区临港新片区, 中国（上海）自由贸易试验区), as printed: the longest head that ends
/// in a kind of zone and is followed by what a title says next. A kind of zone alone (高新区…) or a
/// head that names no place first is none.
fn zone_at_start(t: &str) -> Option<String> {
    const ZONE_ENDINGS: &[&str] =
        &["新区", "片区", "园区", "开发区", "高新区", "经开区", "保税区", "试验区", "实验区", "示范区", "合作区"];
    let heads = t.char_indices().skip(3).take(20).map(|(i, _)| i).chain(std::iter::once(t.len()));
    let head = heads
        .map(|i| (&t[..i], &t[i..]))
        .take_while(|(head, _)| !head.contains("关于") && !TOPIC_WORDS.iter().any(|w| head.contains(w)))
        .filter(|(head, rest)| ZONE_ENDINGS.iter().any(|z| head.ends_with(z)) && after_a_place(rest))
        .last()?
        .0;
    let named = !ZONE_WORDS.contains(&head) && head.chars().all(|c| crate::index::is_han(c) || "（）()".contains(c));
    let opens_with_place = head.starts_with("中国（")
        || head.starts_with("中国(")
        || head.char_indices().skip(2).take(3).any(|(i, _)| super::regions::find(&head[..i]).is_some());
    (named && opens_with_place).then(|| head.to_string())
}

/// An autonomous prefecture a text opens with by its own short form, its name's first characters
/// and 州 (克州贯彻落实…), followed by what a title says next.
fn prefecture_at_start(t: &str) -> Option<&'static super::regions::Region> {
    t.char_indices().skip(1).take(3).find_map(|(i, c)| {
        let end = i + c.len_utf8();
        let rest = t.get(end..)?;
        (c == '州' && after_a_place(rest)).then(|| super::regions::prefecture_abbreviated(&t[..end])).flatten()
    })
}

/// Kinds of zone a title may open with that name no place by themselves (a zone is run at a
/// county's level: the parse command reads the level from them).
pub const ZONE_WORDS: &[&str] = &[
    "高新区",
    "经开区",
    "开发区",
    "自贸区",
    "示范区",
    "保税区",
    "试验区",
    "实验区",
    "先行区",
    "集聚区",
    "合作区",
    "产业园区",
];

/// What a plan's title is about after its place (天台知识产权…, 天台商标品牌…).
const TOPIC_WORDS: &[&str] = &["知识产权", "专利", "商标", "地理标志", "品牌", "版权"];

/// A county or city a plan names without its 县/市: at the head of its title, followed by what
/// it is about (`天台知识产权强县建设工作方案`), or in its preamble's 结合天台(的)实际. Only when
/// the gazetteer knows one unit by that short name and the text calls itself by the unit's kind
/// (我县, 全县), so that 公安机关… or 结合产业实际 names no place.
fn bare_place(title: &str, lines: &[Line]) -> Option<String> {
    let t = title.trim_start_matches(|c: char| c.is_ascii_digit() || c == '年');
    let heads = t.char_indices().map(|(i, _)| i).skip(2).take(3).filter_map(|at| {
        let (short, rest) = t.split_at(at);
        // A city's national title comes between (西安国家知识产权强市创建工作方案).
        let rest = rest.strip_prefix("国家").unwrap_or(rest);
        TOPIC_WORDS.iter().any(|w| rest.starts_with(w)).then_some(short.to_string())
    });
    let preambles = lines.iter().filter_map(|l| {
        let (_, after) = l.text.split_once("结合")?;
        let (place, _) = after.split_once("实际")?;
        let place = place.strip_suffix('的').unwrap_or(place);
        (2..=4).contains(&place.chars().count()).then(|| place.to_string())
    });
    heads.chain(preambles).find_map(|short| {
        let region =
            super::regions::find(&short).filter(|r| r.short == short && r.level() != crate::model::Level::Province)?;
        let kind = region.name.chars().last()?;
        let calls_itself = ["我", "全", "本"].iter().any(|w| {
            let word = format!("{w}{kind}");
            lines.iter().any(|l| l.text.contains(&word))
        });
        calls_itself.then(|| region.name.to_string())
    })
}

/// The zone an untitled plan's preamble works for (推动威海火炬高技术产业开发区知识产权工作…，结合
/// 高新区实际，制定本工作方案): a named zone right after the verb of the aim, when the preamble
/// calls the text's own place by a kind of zone (结合高新区实际, 立足我区实际), so that a county's
/// plan pushing a zone within it (推动县经开区…) is not taken for the zone's.
fn zone_in_preamble(lines: &[Line], front: &[usize]) -> Option<String> {
    const AIMS: [&str; 5] = ["推动", "推进", "促进", "提升", "加快"];
    front.iter().take(6).map(|&i| normalise(&lines[i].text)).filter(|t| t.contains("制定本")).find_map(|t| {
        let own = ["结合", "立足"].iter().any(|w| {
            t.match_indices(w).any(|(at, _)| {
                let rest = &t[at + w.len()..];
                let (place, _) = rest.split_once("实际").unwrap_or_default();
                let place = place.strip_suffix('的').unwrap_or(place);
                ZONE_WORDS.contains(&place) || ["园区", "我区", "本区"].contains(&place)
            })
        });
        if !own {
            return None;
        }
        AIMS.iter().find_map(|v| {
            t.match_indices(v).find_map(|(at, _)| {
                let rest = &t[at + v.len()..];
                zone_at_start(rest.strip_prefix("我").unwrap_or(rest))
            })
        })
    })
}

/// The place whose economic and social development plan the preamble follows (根据《内蒙古自治区
/// 通辽市国民经济和社会发展第十四个五年规划和2035年远景目标纲要》…，制定本规划): a local plan is made
/// under its own place's. Only when the text calls itself by that place's kind (全市, 我县), so that
/// a district's plan citing its city's outline names no place.
fn region_of_its_master_plan(lines: &[Line], front: &[usize]) -> Option<String> {
    let texts: Vec<String> = front.iter().map(|&i| normalise(&lines[i].text)).collect();
    let region = texts.iter().filter(|t| t.contains("制定本") || t.contains("编制本")).find_map(|t| {
        t.match_indices('《').find_map(|(at, _)| {
            let name = t[at + '《'.len_utf8()..].split('》').next()?;
            let (place, _) = name.split_once("国民经济和社会发展")?;
            let region = region_in_title(place).filter(|r| r == place || place.ends_with(r.as_str()))?;
            super::regions::find(&region).is_some().then_some(region)
        })
    })?;
    let kind = region.chars().last()?;
    let calls_itself = ["我", "全", "本"].iter().any(|w| {
        let word = format!("{w}{kind}");
        lines.iter().any(|l| l.text.contains(&word))
    });
    calls_itself.then_some(region)
}

/// The years of the plan a division of tasks divides (实施黑龙江省知识产权战略纲要任务分解): the
/// term the text prints with that plan's name (《黑龙江省知识产权战略纲要(2010-2020)》), its tasks
/// being the plan's for that term. Only the first 200 front lines are read.
fn years_of_its_master_plan(title: &str, lines: &[Line], front: &[usize]) -> Option<(Option<u16>, Option<u16>)> {
    let body = without_title_suffix(title);
    if !["任务分解", "任务分工", "分工方案"].iter().any(|w| body.ends_with(w)) {
        return None;
    }
    front.iter().take(200).find_map(|&i| {
        let t = normalise(&lines[i].text);
        t.match_indices('《').find_map(|(at, _)| {
            let name = name_opened_at(&t[at + '《'.len_utf8()..])?;
            let stem = without_title_suffix(name);
            if stem.len() == name.len() || stem.chars().count() < 6 || !body.contains(stem) {
                return None;
            }
            match years_of(name, None) {
                (Some(a), Some(b)) if a < b => Some((Some(a), Some(b))),
                _ => None,
            }
        })
    })
}

/// `region` as `text` prints it after its city or province (上海市宝山区), when that names one
/// place of the gazetteer.
fn named_in_full(text: &str, region: &str) -> Option<String> {
    text.match_indices(region).find_map(|(at, _)| {
        let before: Vec<(usize, char)> = text[..at].char_indices().collect();
        // The longest head of up to 9 characters that makes a known name: 上海市 before 海市.
        (2..=before.len().min(9)).rev().find_map(|k| {
            let full = format!("{}{region}", &text[before[before.len() - k].0..at]);
            super::regions::find(&full).map(|_| full)
        })
    })
}

/// The district, county or county-level city a text opens with (通州区, 工业园区, 海门市), if its
/// name is one: a few Chinese characters before 区, 县, 市 or 旗, none of the words that begin
/// what a title says next (市场监督…, 全市, 各区, 知识产权…).
fn subunit(text: &str) -> Option<String> {
    const NOT_NAMES: [&str; 14] =
        ["市", "区", "县", "全", "本", "各", "该", "知识", "产权", "人民", "政府", "委员", "关于", "办公"];
    // An autonomous county or banner, whose name runs longer (恭城瑶族自治县).
    if let Some(r) = super::regions::autonomous_at_start(text).filter(|r| r.level() == crate::model::Level::District) {
        return Some(r.name.to_string());
    }
    let chars: Vec<char> = text.chars().take(5).collect();
    let short = || {
        let end = chars.iter().skip(1).position(|c| "区县市旗".contains(*c))? + 1;
        let name: String = chars.get(..=end)?.iter().collect();
        let named = chars.get(..end)?.iter().all(|&c| crate::index::is_han(c));
        (named && !NOT_NAMES.iter().any(|w| name.starts_with(w) || name.contains(w) && w.chars().count() > 1))
            .then_some(name)
    };
    // Or a longer name the gazetteer has (科尔沁左翼后旗, 达尔罕茂明安联合旗).
    let long = || {
        let ends: Vec<usize> = text.char_indices().skip(5).take(6).map(|(i, c)| i + c.len_utf8()).collect();
        ends.into_iter().rev().map(|end| &text[..end]).find_map(|name| {
            let unit = name.ends_with(['区', '县', '市', '旗']);
            let known = super::regions::find(name).is_some_and(|r| r.name == name);
            (unit && known).then(|| name.to_string())
        })
    };
    short().or_else(long)
}

/// Words of a clause that cites a document it carries out (根据《…》, 为贯彻落实《…》).
const CITING_WORDS: &[&str] = &["贯彻", "落实", "根据", "按照", "依据", "对照", "结合"];

/// The 《name》 a sentence makes its document under (编制《…规划》, 制定《…方案》), or a news
/// report says was issued (出台《…意见》, 下发《…方案》), or a page explaining a policy says was
/// drafted (市市场监督管理局起草了《…纲要》，特作如下解读), if it names a plan; the documents it
/// carries out (贯彻落实《…》) are not it.
fn title_the_preamble_makes(t: &str) -> Option<String> {
    t.match_indices('《').find_map(|(open, _)| {
        // A plan's name first, as it is cheap to read: at most 60 characters, ending in a title word.
        let name = name_opened_at(&t[open + '《'.len_utf8()..])?;
        if !TITLE_ENDINGS.iter().any(|e| without_title_suffix(name).ends_with(e)) {
            return None;
        }
        // What is said of it is read within a sentence or two around it, so that a line of
        // thousands of citations costs no more for each than a short line.
        let after = &t[open + '《'.len_utf8() + name.len()..];
        let after = at_most_first(after.strip_prefix('》').unwrap_or(""), AROUND_A_NAME);
        let before = at_most_last(&t[..open], AROUND_A_NAME);
        let before = before.trim_end_matches('了').trim_end_matches(['特', '本']);
        // A meeting's report of what it studied (会上学习了…以及中共中央办公厅国务院办公厅印发《X》
        // 的通知等文件精神) names a document read, not the one made.
        // 学习了 as done, not 学习贯彻 as a purpose (为深入学习贯彻…，制定《X》).
        let sentence = before.rsplit('。').next().unwrap_or(before);
        let studied = ["学习了", "传达了", "传达学习"].iter().any(|w| sentence.contains(w));
        // A clause that cites a document carries it out (为贯彻落实…印发的《纲要》, 根据…印发《…的通知》).
        let clause = before.rsplit(['，', ',', '。', '；', ';']).next().unwrap_or(before);
        let cites = CITING_WORDS.iter().any(|w| clause.contains(w));
        // 印发实施《X》以来 looks back from a later document, which is not X.
        let looks_back = ["以来", "之后", "后,", "后，"].iter().any(|w| after.starts_with(w));
        let verb = ["编制", "制定", "研究制定", "起草", "印发", "印发实施", "出台", "下发", "发布"]
            .iter()
            .filter(|w| before.ends_with(**w))
            .max_by_key(|w| w.len());
        // A report of the year's work may name a document still to be made (辽宁省将制定《…纲要》,
        // 力争年内出台《…条例》): one task among others, not the document the text is.
        let to_come = verb.is_some_and(|w| {
            let said = &before[..before.len() - w.len()];
            ["将", "拟", "计划", "力争", "年内", "今年", "即将", "准备"].iter().any(|f| said.ends_with(f))
        });
        let makes = verb.is_some() && !to_come && !before.ends_with("贯彻落实") && !studied && !looks_back;
        // A notice is the document itself when it sends none (…关于纵深推进…的通知, not 关于印发《X》
        // 的通知, which X names) and the page reports it rather than carries it out, as a page of its
        // own does (…印发了《…的通知》。为落实《通知》要求，现就…通知如下).
        let carried_out = CITING_WORDS.iter().any(|w| after.contains(&format!("{w}《"))) || after.contains("通知如下");
        let notice_is_it = !SENDING_VERBS.iter().any(|v| name.contains(v)) && !cites && !studied && !carried_out;
        let named = !name.ends_with("通知") || notice_is_it;
        // A news lead may name it by its issuer instead (…联席会议办公室近日印发的《X》在…网站公布):
        // a clause that says it was just made public, not one that cites it.
        // Or says it was issued to the public (于2020年10月16日对外印发的《X》，该方案…).
        let to_the_public = ["对外印发的", "对外发布的"].iter().any(|w| before.ends_with(w));
        let issued_by = ["印发的", "发布的", "出台的", "下发的"].iter().any(|w| before.ends_with(w))
            && !cites
            && (made_public(after) || to_the_public);
        // A standard drafted under that name (研究制定《专利评估指引》国家标准) is work reported, not
        // the document the text is.
        let standard = ["国家标准", "地方标准", "行业标准", "团体标准"].iter().any(|k| after.starts_with(k));
        // One step in a list of those taken (在政策层面，制定发布了《X》；在实施层面，…): a report
        // that tells of X among other work, not of X.
        let one_step = after.starts_with(['；', ';']);
        // One of several documents issued in turn (相继出台《A》、《B》、《C》等…政策措施): a report of
        // that work, not of A.
        let listed = after.trim_start_matches('、').starts_with('《');
        // A place's selection under it (…的通知》，杭州市成功入选…名单) is that place's news.
        let selection = place_selected(after.split('。').next().unwrap_or(after)).is_some();
        (makes || issued_by || issued_after_its_name(after) || briefed_on(before, after))
            .then_some(name)
            .filter(|_| named && !standard && !one_step && !listed && !selection)
            .map(str::to_string)
    })
}

/// The one place a report says was selected (杭州市成功入选…名单, 海口入选…试点城市, 三亚崖州湾科技城
/// 高新区入选…示范园区): the subject of 入选, 获批 or 成功创建 in its clause, a unit named in full or
/// by its short name, or a zone named after its place. A list (海口等72个城市入选) names none.
fn place_selected(t: &str) -> Option<String> {
    const SELECTED: [&str; 3] = ["入选", "获批", "成功创建"];
    SELECTED.iter().find_map(|v| {
        t.match_indices(v).find_map(|(at, _)| {
            let before = &t[..at];
            let before = before.strip_suffix("成功").unwrap_or(before);
            let subject = before.rsplit(['，', ',', '。', '；', ';', '》', '”', '"', '：', ':', ' ']).next()?;
            let subject = ["近日", "日前", "近期"].iter().find_map(|w| subject.strip_prefix(w)).unwrap_or(subject);
            if !(2..=20).contains(&subject.chars().count()) {
                return None;
            }
            if let Some(zone) = zone_at_start(subject).filter(|z| z == subject) {
                return Some(zone);
            }
            // A city named after its province (湖南省株洲市入选…, Zhuzhou 2022 news) is the city.
            let province = subject.find('省').map(|at| at + '省'.len_utf8()).filter(|&at| {
                at < subject.len()
                    && super::regions::find(&subject[..at]).is_some_and(|r| r.level() == crate::model::Level::Province)
            });
            let subject = province.map_or(subject, |at| &subject[at..]);
            let region = super::regions::find(subject)
                .filter(|r| (r.name == subject || r.short == subject) && r.level() != crate::model::Level::National)?;
            Some(region.name.to_string())
        })
    })
}

/// How far before and after a 《name》 a sentence about it is read, in bytes (≈ 400 characters).
const AROUND_A_NAME: usize = 1200;

/// The name a 《 opens (the text after it up to its 》, or to the end of the line if none), if
/// it is at most 60 characters long: no longer name is a plan's.
fn name_opened_at(rest: &str) -> Option<&str> {
    match rest.char_indices().take(61).find(|&(_, c)| c == '》') {
        Some((end, _)) => Some(&rest[..end]),
        None => rest.chars().nth(60).is_none().then_some(rest),
    }
}

/// The last `n` bytes of a text or fewer, from a character's start.
fn at_most_last(t: &str, n: usize) -> &str {
    let mut from = t.len().saturating_sub(n);
    while !t.is_char_boundary(from) {
        from += 1;
    }
    &t[from..]
}

/// The first `n` bytes of a text or fewer, up to a character's end.
fn at_most_first(t: &str, n: usize) -> &str {
    let mut to = n.min(t.len());
    while !t.is_char_boundary(to) {
        to -= 1;
    }
    &t[..to]
}

/// How a preamble opens after its 为: 为贯彻落实…, 为深入实施…, 为进一步加强….
const PREAMBLE_OPENINGS: &[&str] =
    &["贯彻", "深入", "进一步", "加快", "认真", "全面", "落实", "推动", "切实", "扎实", "加强", "充分", "促进", "大力"];

/// A headline naming a speech or a work report by where it was given (`…在2020年全国知识产权局
/// 局长会议上作报告`, `…会议上的讲话(摘要)`): a line of its own, no sentence.
fn is_report_headline(t: &str) -> bool {
    let bare = ["(摘编)", "（摘编）", "(摘要)", "（摘要）", "(节选)", "（节选）"]
        .iter()
        .find_map(|s| t.strip_suffix(s))
        .unwrap_or(t);
    let given = t.find("会议上").is_some_and(|at| at > 0 && t[..at].contains('在'));
    given && ["报告", "讲话"].iter().any(|e| bare.ends_with(e)) && t.chars().count() <= 60 && !t.contains(['。', '，'])
}

/// What an explainer's headline says it gives of a document it names (`《X》要点`, `《X》解读`).
const SUMMARY_WORDS: &[&str] = &["要点", "解读", "摘要", "全文"];

/// The document a headline sums up or explains (`《推动…工作指引(2020)》要点`): X of `《X》` and a
/// summary word, where X is a title. A document made for X (`《X》责任分工方案`) is its own.
fn summed_up(title: &str) -> Option<String> {
    let rest = title.strip_prefix('《')?;
    let (name, after) = rest.split_once('》')?;
    let summary = SUMMARY_WORDS.contains(&after);
    (summary && !name.contains(['《', '》']) && is_title_shape(name)).then(|| name.to_string())
}

/// The title a flattened page runs into the preamble under it, with no break between
/// (`新时代…强区试点建设工作方案为认真贯彻落实…`, `2023年…实施推进计划 为贯彻落实…` once its
/// space is gone): the words before 为 when they end as a title does and hold no sentence's marks.
fn title_run_into_preamble(t: &str) -> Option<String> {
    t.match_indices('为').find_map(|(at, _)| {
        let name = without_guillemets(&t[..at]);
        let after = &t[at + '为'.len_utf8()..];
        let opens = PREAMBLE_OPENINGS.iter().any(|w| after.starts_with(w));
        let titled = TITLE_ENDINGS.iter().any(|e| without_title_suffix(name).ends_with(e)) && !name.ends_with("通知");
        let plain = !name.contains(['。', '，', ',', '：', ':', '；', '《', '》']);
        // A preamble's own words about the document (制定本方案为…) name none.
        let plain = plain && !name.contains("制定") && !TITLE_ENDINGS.iter().any(|e| name.contains(&format!("本{e}")));
        let length = name.chars().count();
        (opens && titled && plain && (6..=60).contains(&length)).then(|| name.to_string())
    })
}

/// The verbs a headline or a lead says a document was issued with (…印发《…》, 《…》正式发布).
const ISSUING_VERBS: &[&str] = &["印发", "发布", "出台", "下发"];

/// A news headline or lead that names the document first and then says it was issued
/// (`《深圳市知识产权“十四五”规划》正式发布`, `近日，《…工作方案（试行）》公布。`); `…印发以来`
/// and `…发布实施后` look back from a later document, and are not it.
fn issued_after_its_name(after: &str) -> bool {
    // The short name the report gives it first (`（下称《发展规划》）已印发`).
    let after = after
        .strip_prefix(['（', '('])
        .filter(|r| ["以下简称", "下称", "简称"].iter().any(|w| r.starts_with(w)))
        .and_then(|r| r.split_once([')', '）']))
        .map_or(after, |(_, rest)| rest);
    let after = ["正式", "日前", "近日"].iter().find_map(|w| after.strip_prefix(w)).unwrap_or(after);
    // Passed by the body that adopts it (`经省政府常务会议审议通过并发布`), then issued or not.
    let clause = after.split(['。', '，', ',', '；', ';']).next().unwrap_or(after);
    if let Some(rest) = after.strip_prefix('经').and_then(|r| r.split_once("审议通过")).map(|(_, rest)| rest) {
        let rest = rest.strip_prefix('并').unwrap_or(rest);
        let rest = ISSUING_VERBS.iter().chain(&["公布"]).find_map(|v| rest.strip_prefix(v)).unwrap_or(rest);
        return !clause.contains('《') && (rest.is_empty() || rest.starts_with(['。', '，', ',', '！', '!', ' ']));
    }
    let after = after.strip_prefix('已').unwrap_or(after);
    // Older reports say 颁布 (《濮阳市知识产权战略纲要》正式颁布实施).
    let Some(rest) = ISSUING_VERBS.iter().chain(&["公布", "颁布"]).find_map(|v| after.strip_prefix(v)) else {
        return false;
    };
    // 《…》正式印发实施: issued to be carried out from now (not 印发实施以来).
    let rest = rest.strip_prefix("实施").unwrap_or(rest);
    rest.is_empty() || rest.starts_with(['。', '，', ',', '！', '!', ' '])
}

/// A press conference held on a document (`新闻发布会，就《X》（以下简称…）相关情况进行发布`): the
/// report is of that document.
fn briefed_on(before: &str, after: &str) -> bool {
    let whole = after;
    let after = after
        .strip_prefix(['（', '('])
        .filter(|r| ["以下简称", "下称", "简称"].iter().any(|w| r.starts_with(w)))
        .and_then(|r| r.split_once([')', '）']))
        .map_or(after, |(_, rest)| rest);
    let short_named = after.len() < whole.len();
    // …介绍了《X》有关情况 as well; or a lead that explains X and names it short for the rest
    // (解读《湖南省…行动计划(2015-2020年)》(以下简称《行动计划》)).
    let briefed = before.ends_with('就') || before.ends_with("介绍");
    briefed && ["相关情况", "有关情况"].iter().any(|w| after.starts_with(w)) || before.ends_with("解读") && short_named
}

/// What a news lead says after a document's name in the same clause when it reports the
/// document made public (`在国家知识产权局网站公布`, `正式发布`).
fn made_public(after: &str) -> bool {
    let clause = after.split(['，', ',', '。', '；', ';', '《']).next().unwrap_or(after);
    ["公布", "发布", "公开"].iter().any(|w| clause.contains(w))
}

/// A title that is a news headline reporting a document (`洞口县出台知识产权战略实施意见`,
/// `我省下发…方案`): a reporting verb after its first words. A notice (关于印发…的通知) is none.
fn reports_a_document(title: &str) -> bool {
    let t = title.trim_start_matches(|c: char| c.is_ascii_digit() || c == '年');
    !t.ends_with("通知")
        && !t.contains('《')
        && ISSUING_VERBS.iter().any(|w| t.find(w).is_some_and(|at| at > 0 && !t[..at].ends_with("关于")))
}

/// The document a headline reports by its full name without guillemets, where no lead names it
/// (`安徽省市场监督管理局印发2020年安徽省…工作要点`): what follows the verb, when it is a title that
/// names its own place. A short name (`洞口县出台知识产权战略实施意见`) leaves the headline as it is,
/// the place being the headline's.
fn named_in_headline(title: &str) -> Option<String> {
    let (at, verb) = ISSUING_VERBS.iter().filter_map(|w| title.find(w).map(|at| (at, *w))).min()?;
    let (body, rest) = (&title[..at], &title[at + verb.len()..]);
    let rest = rest.strip_prefix("实施").unwrap_or(rest);
    let named = !body.is_empty() && !body.ends_with("关于") && is_title_shape(rest);
    (named && region_in_title(rest).is_some()).then(|| rest.to_string())
}

/// The document a news lead reports by the name of the notice that sent it, without guillemets
/// (`中国政府网24日发布国务院办公厅关于印发2013年全国…工作要点的通知。`): the title between 印发 and
/// 的通知, and the nation where the body that published it is the state's (国务院办公厅, 国家…).
fn notice_the_lead_reports(t: &str) -> Option<(String, Option<String>)> {
    let t = at_most_first(t, 600);
    t.match_indices("关于印发").find_map(|(at, w)| {
        let before = t[..at].rsplit(['，', ',', '。', '；', ';', '：', ':']).next().unwrap_or("");
        let (verb_at, verb) = ["发布", "公布", "印发", "下发", "刊发"]
            .iter()
            .filter_map(|v| before.rfind(v).map(|p| (p, *v)))
            .max_by_key(|(p, _)| *p)?;
        let issuer = &before[verb_at + verb.len()..];
        let issuer = issuer.strip_prefix('了').unwrap_or(issuer);
        let plain = |s: &str| !s.contains(['《', '》', '，', ',', '。', '、', ' ']);
        if !(2..=30).contains(&issuer.chars().count()) || !plain(issuer) || !looks_like_body(issuer) {
            return None;
        }
        let rest = &t[at + w.len()..];
        let name = &rest[..rest.find("的通知")?];
        if !is_title_shape(name) || !plain(name) {
            return None;
        }
        let state = ["国务院", "中共中央", "党中央", "国家"].iter().any(|b| issuer.starts_with(b))
            && !issuer.starts_with("国家级")
            && !issuer.contains("人民政府");
        Some((name.to_string(), state.then(|| "全国".to_string())))
    })
}

/// The number of the document a news lead reports, where the lead gives it: in brackets right
/// after its name (`出台《…意见》（永发〔2014〕8号文件）`) or as the file it was issued as in the
/// same sentence (`以洞政发〔2012〕23号文件的形式，正式出台《…》`). Numbers of documents the
/// sentence only cites are not it.
fn number_the_report_gives(t: &str, name: &str) -> Option<String> {
    let (before, after) = around_the_name(t, name)?;
    let bracketed = after.strip_prefix(['（', '(']).and_then(|r| r.split([')', '）']).next());
    // The short name may follow the number in the same brackets (黔府发〔2017〕31号,以下简称“强省意见”).
    let bracketed = bracketed.map(|b| b.split(['，', ',', '；', ';']).next().unwrap_or(b));
    let bracketed = bracketed.map(|b| b.strip_suffix("文件").unwrap_or(b)).filter(|b| is_doc_number(b));
    let issued_as = || {
        before.rsplit_once('以').and_then(|(_, r)| r.split_once("文件")).map(|(n, _)| n).filter(|n| is_doc_number(n))
    };
    bracketed.or_else(issued_as).map(str::to_string)
}

/// The place of the body a news lead says issued the document (`…，永仁县人民政府…出台《…》`):
/// the last government named before its name in the same sentence; the Party centre or the State
/// Council (`中共中央、国务院近日印发《…》`) issue for the whole country.
fn region_that_reports(t: &str, name: &str) -> Option<String> {
    let (before, _) = around_the_name(t, name)?;
    let clause = before.rsplit(['，', ',', '；', '：', ':']).next()?;
    if ["中共中央", "党中央", "国务院"].iter().any(|b| clause.starts_with(b)) {
        return Some("全国".to_string());
    }
    // So do the state's own bodies (国家知识产权局, 国家…部际联席会议办公室), not the places
    // they name (国家知识产权示范城市某市人民政府).
    if clause.starts_with("国家") && !clause.starts_with("国家级") && !clause.contains("人民政府") {
        return Some("全国".to_string());
    }
    // A body named short after the state's body that approved it in the same sentence
    // (经国家知识产权强国建设工作部际联席会议同意，联席会议办公室印发《…》) issues for it.
    let approved =
        before.rsplit(['，', ',', '；']).nth(1).and_then(|c| c.strip_prefix('经')).and_then(|c| c.strip_suffix("同意"));
    let national = |b: &str| ["国务院", "党中央", "国家"].iter().any(|w| b.starts_with(w)) && !b.contains("人民政府");
    if approved.is_some_and(national) && region_in_title(clause).is_none() {
        return Some("全国".to_string());
    }
    let (before, _) = before.rsplit_once("人民政府")?;
    let body = before.rsplit(['，', ',', '、', '；']).next()?;
    region_in_title(body).filter(|r| super::regions::find(r).is_some())
}

/// Where a sentence names a document as `《name》`: the sentence up to the name, and what follows
/// the name.
fn around_the_name<'a>(t: &'a str, name: &str) -> Option<(&'a str, &'a str)> {
    let named = format!("《{name}》");
    let at = t.find(&named)?;
    let start = t[..at].rfind('。').map_or(0, |p| p + '。'.len_utf8());
    Some((&t[start..at], &t[at + named.len()..]))
}

/// Four ASCII digits that are the year of a plan or of what it reports (1980–2100).
fn year_number(digits: &str) -> Option<u16> {
    let year = digits.parse().ok().filter(|_| digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit()))?;
    (1980..=2100).contains(&year).then_some(year)
}

/// The year a paragraph opens with (`2018年是关键之年`, `2015年下半年，…`), not a range's first.
fn year_opening(text: &str) -> Option<u16> {
    let t = normalise(text);
    let year = year_number(t.get(..4)?)?;
    let after = t.get(4..)?.strip_prefix('年')?;
    (!after.starts_with(|c: char| c.is_ascii_digit() || "—-–－~～至".contains(c))).then_some(year)
}

/// The year the chapters of a year's work points open with (`一、2023年知识产权工作目标任务`),
/// passing over a chapter that looks back (`一、2022年工作总结`) to the next one.
fn year_of_chapters(lines: &[Line]) -> Option<u16> {
    lines.iter().filter_map(|l| marker(&l.text).filter(|m| m.depth == Depth::Chapter)).find_map(|m| {
        let looks_back = is_background(&first_sentence(&m.rest));
        year_opening(&m.rest).filter(|_| !looks_back)
    })
}

/// The one year of the work a notice sends (`现将2023年xx州知识产权工作任务和要点安排如下`).
fn year_the_notice_sends(t: &str) -> Option<u16> {
    let (_, sent) = t.split_once("现将")?;
    year_opening(sent.strip_prefix('《').unwrap_or(sent))
}

/// The words that name the time a pilot, campaign or scheme runs for.
const PERIOD_WORDS: &[&str] = &[
    // A pilot's term as the national notice that names the pilots sets it, and the news repeating
    // it (试点示范时限自2022年7月至2025年6月), in either script.
    "试点示范时限",
    "试点时限",
    "試點示範時限",
    "試點時限",
    "试点期",
    "试点时间",
    "试点期限",
    "试点周期",
    "行动时间",
    "活动时间",
    "实施时间",
    "实施期限",
    "实施期",
    "执行期",
    "工作期限",
    "专项行动时间",
];

/// The years of a period a sentence states for the pilot or campaign (`试点期为2022年7月至2024年6月`,
/// `行动时间：2023年5月至10月`, `实施期限为2023—2025年`): a period word, then 为/是/：/自, then a year,
/// up to 至, 到 or a dash and what ends the range (another year, or months of the same year).
fn stated_period(t: &str) -> Option<(Option<u16>, Option<u16>)> {
    // Four digits that are a year: 年 or a range's dash after them.
    let year = |s: &str, then: &[char]| {
        let y = year_number(s.get(..4)?)?;
        s[4..].starts_with(then).then_some(y)
    };
    PERIOD_WORDS.iter().find_map(|w| {
        let (_, after) = t.split_once(w)?;
        // Its own clause only, where the first year may follow a length (为期两年（2022年7月—…）).
        let clause = after.split(['。', '；', ';', '，', ',']).next().unwrap_or(after);
        let (at, start) =
            clause.char_indices().find_map(|(at, _)| Some((at, year(&clause[at..], &['年', '—', '-', '–'])?)))?;
        // The rest of the range, past the first year's months and days (2022年7月1日至…).
        let rest = clause[at + 4..].trim_start_matches(|c: char| c.is_ascii_digit() || "年月日底初起".contains(c));
        let rest = ["至", "到", "—", "-", "–", "～", "~"].iter().find_map(|d| rest.strip_prefix(d))?;
        let end = match year(rest, &['年']) {
            Some(end) if (start..=start + 10).contains(&end) => end,
            Some(_) => return None,
            // Months of the same year (2023年5月至10月).
            None => rest.starts_with(|c: char| c.is_ascii_digit()).then_some(start)?,
        };
        Some((Some(start), Some(end)))
    })
}

/// The years a plan's preamble says it covers, for a title that says none: `明确2021—2022年度
/// 重点任务和工作措施，制定本计划` is 2021–2022. Only the sentence that makes the plan (制定本…).
fn years_in_preamble(t: &str) -> Option<(Option<u16>, Option<u16>)> {
    if !t.contains("制定本") {
        return None;
    }
    // A plan (制定本规划) whose preamble names the period it is for as a time (“十四五”时期，…是…
    // 关键五年), not as the name of a document it cites (根据《“十四五”…规划》).
    if ["制定本规划", "编制本规划"].iter().any(|w| t.contains(w)) {
        let outside = outside_guillemets(t);
        let periods: Vec<(u16, u16)> = FIVE_YEAR_PERIODS
            .iter()
            .filter(|(name, ..)| {
                outside.match_indices(name).any(|(at, _)| {
                    let after = outside[at + name.len()..].trim_start_matches(['”', '"', '’', '\'']);
                    after.starts_with("时期") || after.starts_with("期间")
                })
            })
            .map(|&(_, a, b)| (a, b))
            .collect();
        if let [(a, b)] = periods[..] {
            return Some((Some(a), Some(b)));
        }
    }
    // Or the round of a programme the plan is made for, its years in brackets
    // (推进我市新一轮（2016—2018年）国家知识产权示范城市工作，…制定本方案).
    if let Some(years) = bracketed_period(&outside_guillemets(t)) {
        return Some(years);
    }
    // Or the year that 明确 opens with (明确2015年战略实施重点任务和工作措施).
    let specified = || {
        let (_, after) = t.split_once("明确")?;
        let len: usize =
            after.chars().take_while(|c| c.is_ascii_digit() || "—-–至".contains(*c)).map(char::len_utf8).sum();
        after[len..].starts_with('年').then_some(&after[..len])
    };
    let before = t.split_once("年度").map(|(before, _)| before).or_else(specified)?;
    let year = |s: &str| -> Option<u16> {
        let y: String = s.chars().rev().take(4).collect::<Vec<_>>().into_iter().rev().collect();
        let before = s[..s.len() - y.len()].chars().next_back();
        let y = year_number(&y)?;
        (!before.is_some_and(|c| c.is_ascii_digit())).then_some(y)
    };
    let end = year(before)?;
    let head = &before[..before.len() - 4];
    let start = head.strip_suffix(['—', '-', '–', '至']).and_then(year).filter(|&s| s <= end).unwrap_or(end);
    Some((Some(start), Some(end)))
}

/// The one range of years a preamble prints in brackets (`新一轮（2016—2018年）`), where the
/// bracket does not follow a document's name printed without guillemets (`纲要（2008—2020年）`).
fn bracketed_period(t: &str) -> Option<(Option<u16>, Option<u16>)> {
    let mut found = t.match_indices(['(', '（']).filter_map(|(open, bracket)| {
        let before = &t[..open];
        if TITLE_ENDINGS.iter().any(|e| before.ends_with(e)) {
            return None;
        }
        let inside = t[open + bracket.len()..].split([')', '）']).next()?;
        let (a, b) = inside.strip_suffix('年')?.split_once(['—', '-', '–', '至', '~', '～'])?;
        let (a, b) = (year_number(a)?, year_number(b)?);
        (a < b && b - a <= 15).then_some((Some(a), Some(b)))
    });
    let first = found.next()?;
    found.next().is_none().then_some(first)
}

/// The year and month the notice sending a plan was signed: the first date line before the
/// plan's items (`2021年6月30日`, `二〇二一年六月三十日` as the reading copy writes it).
fn issue_date(lines: &[Line], front: &[usize]) -> Option<(u16, u32)> {
    front.iter().map(|&i| normalise(&lines[i].text)).find_map(|t| {
        if !is_date_line(&t) {
            return None;
        }
        let (year, rest) = t.split_once('年')?;
        let (month, _) = rest.split_once('月')?;
        let year = year_number(year)?;
        let month = month.parse::<u32>().ok().or_else(|| cn_number(month)).filter(|m| (1..=12).contains(m))?;
        Some((year, month))
    })
}

/// The years a paragraph counts for its goals and the year it dates their end by
/// (`力争通过3年建设，…前列。到2025年，…` → (3, 2025); `经过三年的努力` … `至2010年`): the first
/// `通过 / 经过 / 用` N 年, 1 to 10 years, and the first `到 / 至` YYYY 年 after it.
fn span_to_year(t: &str) -> Option<(u16, u16)> {
    let (at, n) = ["通过", "通過", "经过", "經過", "用"].iter().find_map(|w| {
        t.match_indices(w).find_map(|(at, _)| {
            let rest = &t[at + w.len()..];
            let (count, after) = rest.split_once('年')?;
            let n = count.parse::<u16>().ok().or_else(|| cn_number(count).and_then(|n| u16::try_from(n).ok()))?;
            let worded = ["时间", "時間", "努力", "建设", "建設", "的", "左右", "奋斗", "奮鬥"]
                .iter()
                .any(|w| after.starts_with(w));
            ((1..=10).contains(&n) && worded).then_some((at, n))
        })
    })?;
    let rest = &t[at..];
    let end = rest.match_indices(['到', '至']).find_map(|(k, _)| {
        // (到 and 至 are both three bytes long.)
        let digits = &rest[k + '到'.len_utf8()..];
        let year: String = digits.chars().take_while(char::is_ascii_digit).collect();
        (year.len() == 4 && digits[year.len()..].starts_with('年')).then(|| year.parse::<u16>().ok()).flatten()
    })?;
    Some((n, end))
}

/// How many years a title says its plan runs, counted and not dated: 三年行动计划, 两年行动方案,
/// 三年攻坚行动 are 3, 2 and 3.
fn years_the_title_counts(title: &str) -> Option<u16> {
    [("两", 2), ("二", 2), ("三", 3), ("四", 4), ("五", 5)].into_iter().find_map(|(n, years)| {
        let counted = ["行动", "攻坚", "计划", "計劃", "行動"].iter().any(|w| title.contains(&format!("{n}年{w}")));
        counted.then_some(years)
    })
}

/// The region of a plan whose title names none, from the notice that issues it: the body
/// the notice opens with (`国家知识产权局关于印发…的通知`, `惠州市人民政府关于…`), or, for a
/// national document, its number (国办发〔2016〕25号) or its addressees (各省、自治区、直辖市…).
fn region_in_notice(lines: &[Line], front: &[usize], plan: &PlanDraft) -> Option<String> {
    let texts: Vec<String> = front.iter().map(|&i| normalise(&lines[i].text)).collect();
    let notice = notice_name(lines, front);
    // A joint notice names its first body and how many sign (河北省知识产权局等八部门关于印发…).
    let first_of_several = |b: &str| -> String {
        let cut = b.rfind('等').filter(|&at| {
            let count = b[at + '等'.len_utf8()..].trim_end_matches(['部', '门', '委', '单', '位', '家']);
            !count.is_empty()
                && count.chars().all(|c| c.is_ascii_digit() || is_cn_digit(c))
                && b[at..].ends_with(['门', '委', '位', '家'])
        });
        cut.map_or(b, |at| &b[..at]).to_string()
    };
    let issuer = notice
        .as_deref()
        .and_then(|t| t.split_once("关于"))
        .map(|(body, _)| first_of_several(body))
        .filter(|b| is_issuer(b));
    if let Some(region) = issuer.as_deref().and_then(region_in_title) {
        return Some(region);
    }
    let national_number = plan.doc_number.as_deref().is_some_and(|n| n.starts_with(['国', '國']));
    let to_provinces = texts.iter().any(|t| t.starts_with("各省、自治区、直辖市"));
    (national_number || to_provinces).then(|| "全国".to_string())
}

/// The notice's name in the front matter (`…关于印发《…》的通知`) among the lines `free` allows:
/// the lines above its last that print its first part where it runs over lines
/// ([`notice_name_above`], as a PDF prints a long name), its last line, and the whole, normalised.
fn notice_at(lines: &[Line], front: &[usize], free: &dyn Fn(usize) -> bool) -> Option<(Vec<usize>, usize, String)> {
    let ends_a_notice = |t: &str| t.chars().count() <= 80 && t.ends_with("通知") && !t.contains('。');
    let i = front.iter().copied().find(|&i| free(i) && ends_a_notice(&normalise(&lines[i].text)))?;
    let above = notice_name_above(lines, front, i, free);
    let name = above.iter().chain([&i]).map(|&j| normalise(&lines[j].text)).collect();
    Some((above, i, name))
}

/// The notice's name in the front matter, whatever else read its lines ([`notice_at`]).
fn notice_name(lines: &[Line], front: &[usize]) -> Option<String> {
    notice_at(lines, front, &|_| true).map(|(_, _, name)| name)
}

/// The place of a body that issues its notice under its short name (`市知识产权局关于印发…的通知`)
/// where the page or the text names it in full (`来源：天津市知识产权局`, `天津市知识产权局以…`).
fn issuer_named_in_full(lines: &[Line], front: &[usize]) -> Option<String> {
    let notice = notice_name(lines, front)?;
    let (issuer, _) = notice.split_once("关于")?;
    let (level, unit) = ["省", "市"].iter().find_map(|l| issuer.strip_prefix(l).map(|u| (*l, u)))?;
    if !is_issuer(issuer) || unit.chars().count() < 3 || region_in_title(issuer).is_some() {
        return None;
    }
    let named = |t: &str| {
        t.match_indices(issuer).find_map(|(at, _)| {
            // The place before the unit's name: a few characters ending in its level (天津市).
            let end = at + level.len();
            let before: Vec<usize> = t[..at].char_indices().map(|(i, _)| i).collect();
            (1..=before.len().min(6)).rev().find_map(|k| {
                let place = &t[before[before.len() - k]..end];
                super::regions::find(place).filter(|r| r.name == place).map(|r| r.name.to_string())
            })
        })
    };
    lines.iter().find_map(|l| named(&normalise(&l.text)))
}

/// The place of the body a news headline says acted (`濮阳市市场监管局召开2022年度…务虚会`,
/// `某市知识产权局印发…`): the body named before the verb, as the page's subject.
fn region_of_the_headline_body(t: &str) -> Option<String> {
    if t.chars().count() > 60 || t.contains(['。', '，', ',']) {
        return None;
    }
    // Or the body a page's own headline names before 关于 (…市场监督管理局关于《…》的政策解读).
    let verbs = ["召开", "举行", "举办", "印发", "出台", "部署", "推进", "启动", "关于"];
    let at = verbs.iter().filter_map(|v| t.find(v)).min()?;
    let body = &t[..at];
    // Or the place itself, as a headline makes it the subject (芦溪县召开…推进会, 沿滩区推进…),
    // taken as the gazetteer names it: `region_in_title` reads no name of two characters (滑县).
    if super::regions::find(body).is_some_and(|r| r.name == body) {
        return Some(body.to_string());
    }
    Some(body).filter(|b| is_issuer(b)).and_then(region_in_title).filter(|r| super::regions::find(r).is_some())
}

/// The place of the body a page's record fields name as the document's publisher (`发布机构：芜湖市
/// 市场监督管理局`, `发布机构 | 芜湖市人民政府办公室 | 文号 | …`); an empty field names none.
fn region_of_publisher(line: &str) -> Option<String> {
    const LABELS: [&str; 7] = ["发布机构", "发布机关", "发文机关", "发文单位", "发布单位", "颁布部门", "发文机构"];
    LABELS.iter().find_map(|label| region_of_field(line, label, "|｜"))
}

/// The place of the issuing body a line's field names after its `label` (`发布机构：X`, `来源：X`),
/// its value ending at a space or one of `ends`.
fn region_of_field(line: &str, label: &str, ends: &str) -> Option<String> {
    let (_, after) = line.split_once(label)?;
    let value = after.trim_start_matches(|c: char| c.is_whitespace() || "：:|｜".contains(c));
    let body = value.split(|c: char| c.is_whitespace() || ends.contains(c)).next()?;
    Some(body).filter(|b| is_issuer(b)).and_then(region_in_title)
}

/// The place of the local body a news page gives as its source (`（来源：珠海市市场监督管理局）`,
/// `来源：某县人民政府 | 发布时间：…`). A national body is not taken: its site relays the reports
/// of local ones under its own name; nor a newspaper or a site, which are no issuers.
fn region_of_source(line: &str) -> Option<String> {
    // The body's name ends at a bracket too: 省市场监管局(省知识产权局) names one body twice.
    region_of_field(line, "来源", "|｜()（）").filter(|r| r != "全国")
}

/// The place of the body that signs the document at its end, above or beside the date (`芜湖市
/// 知识产权局` / `2021年6月30日`, a `（此件公开发布）` under them passed over); of several bodies
/// signing on one line, the first.
fn region_that_signs_at_the_end(lines: &[Line]) -> Option<String> {
    // The record slip under the signature (抄送：… / …办公室 2020年9月7日印发) is passed over.
    let mut tail = lines.iter().rev().map(|l| l.text.trim()).filter(|t| !t.is_empty() && !is_record_slip(t));
    let mut last = tail.next()?;
    if last.starts_with(['（', '(']) {
        last = tail.next()?;
    }
    let fields: Vec<&str> = last.split_whitespace().collect();
    let date_alone = is_date_line(&normalise(last));
    let signer = match fields.as_slice() {
        // The date on its own line, the body on the line above.
        _ if date_alone => tail.next()?,
        // The body and the date on one line.
        [.., date] if fields.len() >= 2 && is_date_line(&normalise(date)) => last,
        _ => return None,
    };
    let first = normalise(signer.split_whitespace().next()?);
    Some(first).filter(|b| is_issuer(b)).and_then(|b| region_in_title(&b))
}

/// The place a preamble names as the one deciding (`…之际，焦作市决定组织开展…`, `某某省人民政府
/// 决定…`): the clause before 决定 is the place as the gazetteer knows it, or its body; a
/// decision only cited (贯彻落实省委决定) names none.
fn region_that_decides(t: &str) -> Option<String> {
    t.match_indices("决定").find_map(|(at, _)| {
        let clause = t[..at].rsplit(['，', ',', '。', '；', ';']).next()?;
        let region = region_in_title(clause)?;
        let rest = clause.strip_prefix(region.as_str())?;
        let named = super::regions::find(&region).is_some();
        (named && (rest.is_empty() || is_issuer(clause))).then_some(region)
    })
}

/// The year in a campaign's name (`“剑网2023”专项行动`, `“护苗2024”行动`): a short name and the
/// year in quotation marks, then 专项行动 or 行动.
fn campaign_year(t: &str) -> Option<u16> {
    t.match_indices(['“', '"']).find_map(|(open, q)| {
        // The closing mark within the ten characters a name can have, not searched for further.
        let rest = &t[open + q.len()..];
        let (close, c) = rest.char_indices().take(11).find(|&(_, c)| c == '”' || c == '"')?;
        let (name, after) = (&rest[..close], &rest[close + c.len_utf8()..]);
        let campaign = ["专项行动", "行动"].iter().any(|w| after.starts_with(w));
        let cut = name.len().checked_sub(4)?;
        let (words, year) = (name.get(..cut)?, name.get(cut..)?);
        let year = year_number(year)?;
        let named = (2..=6).contains(&words.chars().count()) && words.chars().all(crate::index::is_han);
        (campaign && named).then_some(year)
    })
}

/// The year of an activity a notice schedules for a month of it (`决定于2025年6月开展第三届…活动`,
/// `定于2024年4月20日至26日举办`): 于, the year and its month, and the activity's verb in that clause.
fn scheduled_year(t: &str) -> Option<u16> {
    ["决定于", "定于", "将于", "拟于"].iter().find_map(|w| {
        t.match_indices(w).find_map(|(at, _)| {
            let after = at_most_first(&t[at + w.len()..], AROUND_A_NAME);
            let clause = after.split(['，', ',', '。', '；', ';']).next()?;
            let year = year_number(clause.get(..4)?)?;
            let month =
                clause[4..].strip_prefix('年')?.trim_start_matches(|c: char| c.is_ascii_digit() || is_cn_digit(c));
            let acts = ["开展", "举办", "组织", "启动"].iter().any(|v| clause.contains(v));
            (month.starts_with('月') && acts).then_some(year)
        })
    })
}

/// The year whose work a meeting report deploys (总结2024年工作，…部署2025年重点任务; 研究部署
/// 2024年度知识产权工作重点): the year of the work it plans, as a year's work points have it.
fn deployed_year(t: &str) -> Option<u16> {
    t.match_indices("部署").find_map(|(at, w)| {
        let after = &t[at + w.len()..];
        let year = year_number(after.get(..4)?)?;
        let rest = after[4..].strip_prefix("年度").or_else(|| after[4..].strip_prefix('年'))?;
        let clause = at_most_first(rest, AROUND_A_NAME).split(['，', ',', '。', '；', ';']).next()?;
        ["任务", "工作"].iter().any(|w| clause.contains(w)).then_some(year)
    })
}

/// The place of the body a news lead opens with as issuing a document it names only by its kind
/// (`国家知识产权局日前印发通知，决定开展…`): no 《title》 to take it from.
fn region_of_the_lead_issuer(t: &str) -> Option<String> {
    let clause = t.split(['，', ',', '。', '；', ';']).next()?;
    let (at, verb) = ISSUING_VERBS.iter().filter_map(|v| clause.find(v).map(|at| (at, *v))).min()?;
    let body = ["日前", "近日", "近期"].iter().find_map(|w| clause[..at].strip_suffix(w)).unwrap_or(&clause[..at]);
    let issued = clause[at + verb.len()..].trim_start_matches('了');
    let by_kind = ["通知", "意见", "实施方案", "工作方案", "若干措施"].iter().any(|d| issued == *d);
    (by_kind && is_issuer(body)).then(|| region_in_title(body)).flatten().filter(|r| super::regions::find(r).is_some())
}

/// The place of the body that signs a notice, where a page runs the notice, its signature and
/// the plan into one line (`…认真贯彻落实。湖北省知识产权局2023年2月15日2023年全省…`): the issuer's
/// name closing a sentence right before a full date.
fn region_that_signs(t: &str) -> Option<String> {
    t.char_indices().find_map(|(at, _)| {
        let rest = &t[at..];
        let year = rest.get(..4).filter(|y| y.chars().all(|c| c.is_ascii_digit()))?;
        // 年, at most two digits and 月, the same and 日: twelve bytes are enough to read them.
        let after = at_most_first(rest[year.len()..].strip_prefix('年')?, 12);
        let (month, after) = after.split_once('月')?;
        let (day, _) = after.split_once('日')?;
        let numeric = |s: &str| (1..=2).contains(&s.len()) && s.chars().all(|c| c.is_ascii_digit());
        if !numeric(month) || !numeric(day) || t[..at].ends_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        let body = at_most_last(&t[..at], AROUND_A_NAME).rsplit(['。', '：', ':', '！']).next()?;
        Some(body).filter(|b| !b.is_empty() && is_issuer(b)).and_then(region_in_title)
    })
}

/// A line of an official document's record slip (版记), printed under its signature: who was
/// sent copies (`抄送：温州市市场监督管理局，永嘉县人民政府。`) and which office printed it when
/// (`永嘉县市场监督管理局办公室 2020年9月7日印发`, its last character sometimes drawn twice).
pub(crate) fn is_record_slip(line: &str) -> bool {
    let t = normalise(line);
    let copied = ["抄送", "抄报"].iter().any(|l| t.strip_prefix(l).is_some_and(|r| r.starts_with(['：', ':'])));
    let printed = t
        .trim_end_matches('发')
        .strip_suffix('印')
        .is_some_and(|rest| is_date_line(rest) || without_date(rest) != rest);
    (copied || printed) && t.chars().count() <= 120
}

/// A (normalised) line without the date printed before or after it: `苏政发〔2009〕1号2009年1月5日`
/// is `苏政发〔2009〕1号`.
fn without_date(t: &str) -> &str {
    // Cuts between a digit and anything else: a date is not cut out of a longer number.
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    let cuts = || {
        t.char_indices()
            .map(|(i, _)| i)
            .filter(|&i| i > 0 && !(digit(t[..i].chars().next_back()) && digit(t[i..].chars().next())))
    };
    if let Some(i) = cuts().find(|&i| is_date_line(&t[i..])) {
        return &t[..i];
    }
    cuts().find(|&i| is_date_line(&t[..i])).map_or(t, |i| &t[i..])
}

/// A signature date on a line of its own: 2021年12月27日.
/// `2007年6月30日`, in Chinese numerals as signatures print it (`二○○七年六月三十日`), or both (the
/// reading copy's `2007年六月三十日`: [`super::reading`] writes a year's numerals in digits).
fn is_date_line(t: &str) -> bool {
    let Some(rest) = t.strip_suffix('日') else { return false };
    let parts: Vec<&str> = rest.split(['年', '月']).collect();
    let arabic = |p: &str| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit());
    let year_in_numerals =
        |p: &str| p.chars().count() == 4 && p.chars().all(|c| "〇○零OoО0一二三四五六七八九".contains(c));
    let in_numerals = |p: &str, max: u32| cn_number(p).is_some_and(|n| (1..=max).contains(&n));
    let number = |p: &str, max: u32| p.parse::<u32>().is_ok_and(|n| (1..=max).contains(&n)) || in_numerals(p, max);
    match parts.as_slice() {
        [_, _, _] if parts.iter().all(|p| arabic(p)) => true,
        [y, m, d] => (year_in_numerals(y) || arabic(y) && y.len() == 4) && number(m, 12) && number(d, 31),
        _ => false,
    }
}

fn is_doc_number(t: &str) -> bool {
    // The issuer's abbreviation opens it: Chinese characters up to the bracketed year, never a
    // label or a list mark (-【发布文号】黔府办发〔2009〕26号 is a field holding one).
    let issuer = t.find(['〔', '[', '［', '【', '(', '（', '﹝']).map(|i| &t[..i]);
    // Older pages print the year's brackets in full width, square or black (京政发［2009］12号,
    // 鲁政办发【2009】15号), some sites in small forms (﹝2021﹞).
    let squared = [('〔', '〕'), ('[', ']'), ('［', '］'), ('【', '】'), ('﹝', '﹞')];
    let bracketed =
        squared.iter().any(|&(open, close)| t.contains(open) && t.contains(close)) || year_in_round_brackets(t);
    (bracketed
        && t.ends_with('号')
        && t.chars().count() <= 20
        && issuer.is_some_and(|i| !i.is_empty() && i.chars().all(crate::index::is_han)))
        || numbered_in_its_year(t)
}

/// An announcement's number within its year, without brackets (某某市知识产权局公告2021年第3号,
/// 某某市人民政府令2020年第5号): the issuer's Chinese name, the year, 年第, the number and 号.
fn numbered_in_its_year(t: &str) -> bool {
    let Some(at) = t.find(|c: char| c.is_ascii_digit()) else { return false };
    let (issuer, rest) = t.split_at(at);
    let year_ok = rest.get(..4).is_some_and(|y| y.chars().all(|c| c.is_ascii_digit()));
    let number = rest.get(4..).and_then(|r| r.strip_prefix("年第")).and_then(|r| r.strip_suffix('号'));
    let number_ok = number.is_some_and(|n| {
        !n.is_empty() && n.chars().count() <= 4 && n.chars().all(|c| c.is_ascii_digit() || is_cn_digit(c))
    });
    issuer.chars().count() >= 2
        && issuer.chars().all(crate::index::is_han)
        && ["公告", "通告", "令"].iter().any(|w| issuer.ends_with(w))
        && year_ok
        && number_ok
        && t.chars().count() <= 30
}

/// A reprint's number with round brackets for 〔〕 (甘政办发(2015)77号): the issuer's Chinese
/// abbreviation right before the bracketed year.
fn year_in_round_brackets(t: &str) -> bool {
    let Some(open) = t.find(['(', '（']) else { return false };
    let year: Vec<char> = t[open..].chars().skip(1).take(5).collect();
    open > 0
        && t[..open].chars().all(crate::index::is_han)
        && year.len() == 5
        && year[..4].iter().all(char::is_ascii_digit)
        && matches!(year[4], ')' | '）')
}

/// The five-year plan periods plans name, with their first and last years.
pub(crate) const FIVE_YEAR_PERIODS: &[(&str, u16, u16)] = &[
    ("十一五", 2006, 2010),
    ("十二五", 2011, 2015),
    ("十三五", 2016, 2020),
    ("十四五", 2021, 2025),
    ("十五五", 2026, 2030),
];

/// Does a title that is not a 规划 name the period it carries out (衡水市“十四五”知识产权保护和运用
/// 实施方案, 某区“十四五”知识产权发展行动计划)? Not when a 规划 follows the period (…“十四五”规划
/// 实施年度推进计划 carries out one year of it), when it names a year of its own, nor in a rule or
/// a notice, which run for no period.
fn names_its_period(title: &str, period: &str) -> bool {
    const PERIOD_PLANS: &[&str] =
        &["方案", "计划", "意见", "纲要", "措施", "举措", "清单", "分工", "任务分解", "安排", "工作任务"];
    let Some((_, after)) = title.split_once(period) else { return false };
    let own_year = title.as_bytes().windows(4).any(|w| w.iter().all(u8::is_ascii_digit));
    let t = without_title_suffix(title);
    !after.contains("规划") && !own_year && !title.contains("年度") && PERIOD_PLANS.iter().any(|e| t.ends_with(e))
}

/// Years a title or document number names: 2018 → (2018, 2018); “十三五” → (2016, 2020).
pub fn years_of(title: &str, doc_number: Option<&str>) -> (Option<u16>, Option<u16>) {
    // “十四五”规划 names its period; a yearly plan that carries it out (…规划实施年度推进计划) does not.
    let plan_title = without_title_suffix(title).ends_with("规划") || title.contains("规划》");
    for &(name, a, b) in FIVE_YEAR_PERIODS {
        // So does a plan for the work of the period (“十一五”期间培育认定驰名著名商标工作推进方案).
        let for_the_period =
            title.split(name).skip(1).any(|after| after.trim_start_matches(['”', '"']).starts_with("期间"));
        if title.contains(name) && (plan_title || for_the_period || names_its_period(title, name)) {
            return (Some(a), Some(b));
        }
    }
    let years = |s: &str| -> Vec<u16> {
        let chars: Vec<char> = s.chars().collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i + 4 <= chars.len() {
            let w: String = chars[i..i + 4].iter().collect();
            let before_ok = i == 0 || !chars[i - 1].is_ascii_digit();
            let after_ok = i + 4 == chars.len() || !chars[i + 4].is_ascii_digit();
            if before_ok && after_ok && w.chars().all(|c| c.is_ascii_digit()) {
                out.extend(year_number(&w));
                i += 4;
            } else {
                i += 1;
            }
        }
        out
    };
    // What the title plans, not the report it opens with: 2017年工作总结与2018年工作计划 is 2018.
    let planned = title.rsplit_once("工作总结").map(|(_, after)| after).filter(|after| !years(after).is_empty());
    let mut t = years(planned.unwrap_or(title));
    // A range whose dash was lost (推进计划(20222023): two years glued, the second the later.
    if t.is_empty() {
        let digits: String = title.chars().filter(|c| c.is_ascii_digit()).collect();
        let year = |range| digits.get(range).and_then(year_number);
        if let (8, Some(a), Some(b)) = (digits.len(), year(0..4), year(4..8)) {
            if a < b && b - a <= 10 {
                t = vec![a, b];
            }
        }
    }
    if let (Some(a), Some(b)) = (t.iter().min(), t.iter().max()) {
        return (Some(*a), Some(*b));
    }
    // A document number's year is when the document was issued, not the period it plans for.
    let _ = doc_number;
    (None, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_run_on_in_one_paragraph_are_items() {
        let text = "某省从三个方面发力。\n一是强化统筹。省知识产权局制定方案。二是健全机制。修订资助办法；\
                    三是盘活存量。印发实施方案。\n";
        let d = parsed(text).dataset;
        let read: Vec<(Option<u32>, Option<&str>, Option<&str>)> =
            d.measures.iter().map(|m| (m.no, m.title.as_deref(), m.text.as_deref())).collect();
        assert_eq!(
            read,
            vec![
                (Some(1), Some("强化统筹"), Some("省知识产权局制定方案。")),
                (Some(2), Some("健全机制"), Some("修订资助办法；")),
                (Some(3), Some("盘活存量"), Some("印发实施方案。")),
            ]
        );
        // A paragraph that names its points without running on to the next one is left alone.
        assert!(split_run_on_points(&[Line { no: 1, text: "一是强化统筹，二是健全机制。".into() }], &[0]).is_none());
    }

    #[test]
    fn a_chapter_that_names_bodies_gives_its_tasks_their_departments() {
        let names = |c: &str| chapter_bodies(c).map(|d| d.iter().map(|d| d.name.clone()).collect::<Vec<_>>());
        assert_eq!(names("省知识产权工作领导小组办公室"), Some(vec!["省知识产权工作领导小组办公室".to_string()]));
        assert_eq!(names("省委宣传部、省版权局"), Some(vec!["省委宣传部".to_string(), "省版权局".to_string()]));
        assert_eq!(names("加强知识产权保护"), None);
        assert_eq!(names("建设省级知识产权示范区"), None);
        assert_eq!(names("省级知识产权服务中心"), None);
        assert_eq!(names("成都市"), None);
        assert_eq!(names(""), None);
    }

    #[test]
    fn markers() {
        assert_eq!(marker("一、强化").map(|m| (m.depth, m.number)), Some((Depth::Chapter, 1)));
        assert_eq!(marker("（三十）倡导").map(|m| (m.depth, m.number)), Some((Depth::Section, 30)));
        assert_eq!(marker("(十三)推进").map(|m| (m.depth, m.number)), Some((Depth::Section, 13)));
        assert_eq!(marker("160. 省知识产权局").map(|m| (m.depth, m.number)), Some((Depth::Item, 160)));
        assert_eq!(marker("（12）完善").map(|m| (m.depth, m.number)), Some((Depth::Sub, 12)));
        assert_eq!(marker("(2020)年"), None);
        assert_eq!(marker("2.4件"), None);
        assert_eq!(marker("2018 年工作要点"), None);
        // One character for the number and its brackets (Bayannur 2008: ㈠全市商标注册…; ㈣…).
        let enclosed = marker("㈣全市知名商标到2010年力争达到70件。").map(|m| (m.depth, m.number, m.rest));
        assert_eq!(enclosed, Some((Depth::Section, 4, "全市知名商标到2010年力争达到70件。".to_string())));
        assert_eq!(marker("⑵ 加强培训").map(|m| (m.depth, m.number)), Some((Depth::Sub, 2)));
        // Articles (第…条) are read at the depth of 一、; a citation a wrapped line opens with is text.
        let article = |t: &str| marker(t).map(|m| (m.depth, m.number, m.rest));
        assert_eq!(article("第十二条 商标创造奖励标准:"), Some((Depth::Chapter, 12, "商标创造奖励标准:".to_string())));
        assert_eq!(article("第3条　支持专利转化。"), Some((Depth::Chapter, 3, "支持专利转化。".to_string())));
        for t in ["第六十五条的规定，处以罚款。", "第三条、第四条规定的奖励", "第五条"] {
            assert_eq!(marker(t), None, "{t}");
        }
        // Decimal outline numbers: the parts say the depth, the last one the number.
        let outline = |t: &str| marker(t).map(|m| (m.depth, m.number, m.rest));
        assert_eq!(outline("1.2区域发展需求"), Some((Depth::Section, 2, "区域发展需求".to_string())));
        assert_eq!(outline("2.1.3 维权成本高"), Some((Depth::Item, 3, "维权成本高".to_string())));
        assert_eq!(outline("2.4.2公众意识淡薄"), Some((Depth::Item, 2, "公众意识淡薄".to_string())));
        assert_eq!(outline("3.1.2.4．建立台账"), Some((Depth::Sub, 4, "建立台账".to_string())));
        // Figures and cells are no outline numbers.
        for t in
            ["1.5亿元专利质押融资", "5.2", "2.5倍", "0.5个百分点", "1.2.3.4.5 条", "100.1 万件", "1.2余万件", "3.5左右"]
        {
            assert_eq!(marker(t), None, "{t}");
        }
        // 一是, 二是… lines in turn are items; one alone, or a count that does not start at 一, is none.
        let enumerated = |texts: &[&str]| {
            let lines: Vec<Line> = texts.iter().map(|t| Line { no: 1, text: t.to_string() }).collect();
            let content: Vec<usize> = (0..lines.len()).collect();
            enumerated_lines(&lines, &content).iter().map(|(i, m)| (*i, m.number)).collect::<Vec<_>>()
        };
        assert_eq!(enumerated(&["一是建立机制。", "说明。", "二是提升能力。"]), [(0, 1), (2, 2)]);
        assert!(enumerated(&["一是建立机制，二是提升能力。"]).is_empty());
        assert!(enumerated(&["二是提升能力。", "三是完善制度。"]).is_empty());
        assert_eq!(cn_number("二十一"), Some(21));
        assert_eq!(cn_number("十"), Some(10));
        assert_eq!(cn_number("十四"), Some(14));
    }

    #[test]
    fn a_title_closed_by_its_document_number() {
        let (title, number) =
            split_doc_number("湖北省人民政府办公厅关于新时代推进品牌建设的实施意见(鄂政办发〔2022〕48号)");
        assert_eq!(
            (title, number),
            ("湖北省人民政府办公厅关于新时代推进品牌建设的实施意见", Some("鄂政办发〔2022〕48号"))
        );
        // Brackets that hold no number (years, a version) stay with the title.
        assert_eq!(split_doc_number("工作方案(2022-2025年)"), ("工作方案(2022-2025年)", None));
        assert_eq!(split_doc_number("(鄂政办发〔2022〕48号)"), ("(鄂政办发〔2022〕48号)", None));
        let (title, region) = title_and_region("湖北省人民政府办公厅关于新时代推进品牌建设的实施意见 (鄂政办发〔2022〕48号)\n各市、州、县人民政府:\n品牌是企业竞争力的综合体现。");
        assert_eq!(
            (title.as_str(), region.as_str()),
            ("湖北省人民政府办公厅关于新时代推进品牌建设的实施意见", "湖北省")
        );
    }

    #[test]
    fn a_joint_signature_in_rows_gives_the_region_of_its_lead() {
        let text = "各有关单位:\n现将办法印发,请认真抓好贯彻落实。\n山西省市场监督管理局 山西省高级人民法院\n山西省数据局 中国人民银行山西省分行\n国家金融监督管理总局山西监管局\n2024年6月28日\n数据知识产权登记管理办法(试行)\n第一章 总则\n第一条 为规范数据知识产权登记工作,制定本办法。";
        let (title, region) = title_and_region(text);
        assert_eq!((title.as_str(), region.as_str()), ("数据知识产权登记管理办法(试行)", "山西省"));
    }

    #[test]
    fn a_title_closed_by_a_dated_version() {
        // A version dated inside its brackets closes a title as an undated one does.
        assert!(is_title_shape("中国专利奖评奖办法(2023年修订)"));
        assert_eq!(without_title_suffix("中国专利奖评奖办法(2023年修订)"), "中国专利奖评奖办法");
        assert_eq!(without_title_suffix("某某市知识产权工作方案（试行）"), "某某市知识产权工作方案");
    }

    #[test]
    fn a_bracket_defining_a_word_names_no_department() {
        let mut body = "奖励对象为本县辖区内的企业、事业单位和社会团体(以下简称单位)。".to_string();
        assert!(take_departments(&mut body).is_empty());
        assert_eq!(body, "奖励对象为本县辖区内的企业、事业单位和社会团体(以下简称单位)。");
    }

    #[test]
    fn clauses_in_tortoise_shell_and_lenticular_brackets() {
        let read = |t: &str| {
            let mut body = t.to_string();
            let d = take_departments(&mut body);
            (body, d.iter().map(|d| (d.name.clone(), d.role)).collect::<Vec<_>>())
        };
        let lead = Some(Role::Lead);
        assert_eq!(
            read("培育地理标志证明商标2件。〔市市场监管局、市农业农村局按职责分工负责〕"),
            (
                "培育地理标志证明商标2件。".to_string(),
                vec![("市市场监管局".to_string(), lead), ("市农业农村局".to_string(), lead)]
            )
        );
        assert_eq!(read("开展专项行动。【责任单位：县市场监管局】").1, vec![("县市场监管局".to_string(), lead)]);
        // Square brackets, as a province's 工作要点 closes its tasks (Sichuan 2021).
        assert_eq!(
            read("编制强省纲要。[牵头单位:省市场监管局、省知识产权中心]"),
            (
                "编制强省纲要。".to_string(),
                vec![("省市场监管局".to_string(), lead), ("省知识产权中心".to_string(), lead)]
            )
        );
        assert_eq!(read("见文献[1]").1, vec![]);
        // A year or a note in those brackets is no clause.
        assert_eq!(read("按照国办发〔2023〕").1, vec![]);
        assert_eq!(read("详见附件【打印本页】").1, vec![]);
        // A bracket the text printed before is part of a name (a 办法 of 2014: 称号分别为：国家
        // 知识产权试点城市（城区）、国家知识产权示范城市（城区）).
        let named = "称号分别为：国家知识产权试点城市（城区）、国家知识产权示范城市（城区）。";
        assert_eq!(read(named), (named.to_string(), vec![]));
        assert_eq!(read("开展专项行动。（市知识产权局）").1, vec![("市知识产权局".to_string(), lead)]);
    }

    #[test]
    fn labels_printed_one_a_line_make_one_clause() {
        // 牵头单位 and 责任单位 each on a line under the item run together once joined.
        let mut body =
            "努力实现地区生产总值增长6.2%左右。牵头单位:区发改局责任单位:立山经济开发区,全区经济运行各专班".to_string();
        let departments = take_departments(&mut body);
        assert_eq!(body, "努力实现地区生产总值增长6.2%左右。");
        let got: Vec<(&str, Option<Role>)> = departments.iter().map(|d| (d.name.as_str(), d.role)).collect();
        assert_eq!(
            got,
            [
                ("区发改局", Some(Role::Lead)),
                ("立山经济开发区", Some(Role::Support)),
                ("全区经济运行各专班", Some(Role::Support))
            ]
        );
        // A label inside the last sentence, after no stop, opens no clause.
        assert_eq!(trailing_labelled_clause("各项任务明确牵头单位:由市局统筹"), None);
        // A single label keeps its clause as before.
        let mut body = "开展专项行动。责任单位:县市场监管局、县公安局".to_string();
        assert_eq!(take_departments(&mut body).len(), 2);
        assert_eq!(body, "开展专项行动。");
    }

    #[test]
    fn bodies_opening_an_item() {
        let names = |t: &str| opening_bodies(t).into_iter().map(|d| (d.name, d.role)).collect::<Vec<_>>();
        let (l, s) = (Some(Role::Lead), Some(Role::Support));
        assert_eq!(
            names("书面审核。市市场监管局会同市人民银行按照有关条件,对申报单位进行书面审核。"),
            vec![("市市场监管局".to_string(), l), ("市人民银行".to_string(), s)]
        );
        // Work done with a body, no body before 会同, or words that are no body's: none.
        assert!(names("会同银保监会开展知识产权质押融资入园惠企行动。").is_empty());
        assert!(names("建立会同机制，开展联合执法。").is_empty());
    }

    #[test]
    fn national_office_acting() {
        assert!(national_office_acts("國家知識產權局局長田力普介紹,2012年,…"));
        assert!(national_office_acts("8月26日,…在京舉行,國家知識產權局專利管理司及部分省局相關負責人參加了活動。"));
        assert!(!national_office_acts("根据国家知识产权局《关于…》的要求"));
        assert!(!national_office_acts("，国家知识产权局《关于…》"));
        assert!(!national_office_acts("国家知识产权局"));
    }

    #[test]
    fn issuance_notes_under_titles() {
        let note = "(2011年10月9日国家知识产权局以国知发规字〔2011〕115号印发)";
        assert_eq!(issuance_note(note), Some(("国家知识产权局", "国知发规字〔2011〕115号")));
        assert_eq!(issuance_note("（国务院以国发〔2008〕18号印发）"), Some(("国务院", "国发〔2008〕18号")));
        // A sentence citing a number is no note.
        assert_eq!(issuance_note("(根据《意见》以国发〔2015〕71号印发)"), None);
        assert_eq!(issuance_note("（穗府办〔2007〕25号）"), None);
    }

    #[test]
    fn doc_numbers_inside_lines() {
        assert_eq!(find_doc_number("发文字号：粤知〔2019〕12号"), Some("粤知〔2019〕12号".to_string()));
        assert_eq!(find_doc_number("国知发管字[2019]12号 成文日期"), Some("国知发管字[2019]12号".to_string()));
        assert_eq!(find_doc_number("〔2019〕"), None);
        let flattened = "普市监公平〔2022〕9号为进一步加强对企业商业秘密保护的指导帮扶";
        assert_eq!(number_opening_preamble(flattened).as_deref(), Some("普市监公平〔2022〕9号"));
        assert_eq!(number_opening_preamble("根据《意见》（国发〔2015〕71号）为"), None);
        let notice = "雁政发〔2024〕4号西安市雁塔区人民政府关于印发《雁塔区…工作方案》的通知";
        assert_eq!(number_opening_preamble(notice).as_deref(), Some("雁政发〔2024〕4号"));
        assert_eq!(
            sent_by_its_name(
                "《厦门市“十四五”知识产权事业发展规划》已经第158次市政府常务会议研究同意,现印发给你们,请认真组织实施。"
            )
            .as_deref(),
            Some("厦门市“十四五”知识产权事业发展规划")
        );
        assert_eq!(sent_by_its_name("《条例》规定，现印发给你们。"), None, "no title word: no document's name");
        assert_eq!(
            sent_by_its_name(
                "《镇江经济技术开发区知识产权工作方案(2024—2026)》已经第2次管委会常务会议同意,现印发给你们"
            )
            .as_deref(),
            Some("镇江经济技术开发区知识产权工作方案(2024—2026)"),
            "the years after the title word"
        );
        assert_eq!(doc_number_field("主动公开          明府函〔2022〕69号"), Some("明府函〔2022〕69号".to_string()));
        let row = "关于总结2018年工作的通知 国知战联办〔2018〕24号 2018年12月27日 发布机关:联席会议办公室 |";
        assert_eq!(doc_number_field(row), Some("国知战联办〔2018〕24号".to_string()));
        assert_eq!(
            doc_number_field("发布机构:科技部 文号:国科发专〔2017〕145号"),
            Some("国科发专〔2017〕145号".to_string())
        );
        assert_eq!(doc_number_field("苏政发〔2009〕1号 2009年1月5日"), Some("苏政发〔2009〕1号".to_string()));
        assert_eq!(as_doc_number("（穗府办〔2007〕25号）"), Some("穗府办〔2007〕25号"));
        assert_eq!(as_doc_number("(穗府办〔2007〕25号"), Some("穗府办〔2007〕25号"));
        // Gansu 2015, reprinted with round brackets, in a page's field list.
        assert_eq!(doc_number_field("- 文 号:甘政办发(2015)77号"), Some("甘政办发(2015)77号".to_string()));
        assert_eq!(as_doc_number("甘政办发（2015）77号"), Some("甘政办发（2015）77号"));
        // Full-width square and black brackets of older pages.
        assert_eq!(as_doc_number("京政发［2009］12号"), Some("京政发［2009］12号"));
        assert_eq!(as_doc_number("（鲁政办发【2009】15号）"), Some("鲁政办发【2009】15号"));
        // A field's label before it, as a list entry: the number after it.
        assert_eq!(as_doc_number("-文号:甘政办发(2015)77号"), Some("甘政办发(2015)77号"));
        assert_eq!(as_doc_number("(2015)京知民初字第1号"), None);
        // Guizhou 2009, a law database's record fields as a list.
        assert_eq!(as_doc_number("-【发布文号】黔府办发〔2009〕26号"), Some("黔府办发〔2009〕26号"));
        assert_eq!(as_doc_number("[发文字号]京知局〔2022〕88号"), Some("京知局〔2022〕88号"));
        assert!(!is_doc_number("-【发布文号】黔府办发〔2009〕26号"));
        assert_eq!(as_doc_number("-【发布单位】贵州省"), None);
        // Small-form brackets some sites print (﹝2021﹞).
        assert_eq!(as_doc_number("某政办发﹝2021﹞3号"), Some("某政办发﹝2021﹞3号"));
        assert_eq!(find_doc_number("文号：某政办发﹝2021﹞3号"), Some("某政办发﹝2021﹞3号".to_string()));
        // An announcement or an order numbered within its year.
        assert_eq!(as_doc_number("某某市知识产权局公告2021年第3号"), Some("某某市知识产权局公告2021年第3号"));
        assert_eq!(as_doc_number("某某市人民政府令2020年第五号"), Some("某某市人民政府令2020年第五号"));
        assert_eq!(as_doc_number("2021年第3号"), None);
        assert_eq!(as_doc_number("全市2021年第3号台风预警"), None);
    }

    #[test]
    fn signature_dates_in_numerals() {
        assert!(is_date_line("二○○七年六月三十日"));
        assert!(is_date_line("二〇二三年十二月五日"));
        assert!(is_date_line("2007年6月30日"));
        assert!(is_date_line("2011年十二月三十一日"));
        assert!(!is_date_line("2011年十三月三十一日"));
        assert!(!is_date_line("二○○七年十三月三十日"));
        assert!(!is_date_line("十四五年六月三十日"));
        assert!(!is_date_line("年月日"));
        assert_eq!(without_date("广州市人民政府办公厅二○○七年六月三十日"), "广州市人民政府办公厅");
        // Cited in a sentence: no field of its own.
        assert_eq!(doc_number_field("根据《若干意见》（国发〔2015〕71号）精神，制定本计划。"), None);
        assert_eq!(without_date("苏政发〔2009〕1号2009年1月5日"), "苏政发〔2009〕1号");
        assert_eq!(without_date("2009年1月5日苏政发〔2009〕1号"), "苏政发〔2009〕1号");
        assert_eq!(without_date("苏政发〔2009〕1号2009年1月"), "苏政发〔2009〕1号2009年1月");
        assert_eq!(without_date("2021年12月27日"), "2021年12月27日");
    }

    /// Title and region of a small document read without any metadata given.
    fn title_and_region(text: &str) -> (String, String) {
        let plan = parsed_as(text, crate::model::Level::City, crate::model::Kind::ActionPlan).dataset.plans.remove(0);
        (plan.title, plan.region)
    }

    fn parsed(text: &str) -> crate::parse::ParsedDocument {
        parsed_as(text, crate::model::Level::District, crate::model::Kind::FiveYearPlan)
    }

    #[test]
    fn points_in_turn_under_a_heading_are_numbered() {
        let points = |texts: &[&str]| {
            let mut measures: Vec<MeasureDraft> = texts
                .iter()
                .map(|t| MeasureDraft {
                    chapter: "加强行政保护".into(),
                    text: Some(t.to_string()),
                    ..Default::default()
                })
                .collect();
            number_points_in_turn(&mut measures);
            measures.into_iter().map(|m| (m.no, m.text.unwrap_or_default())).collect::<Vec<_>>()
        };
        assert_eq!(
            points(&["一是开展专项行动。严厉打击侵权。", "二是完善协作机制。"]),
            [(Some(1), "开展专项行动。严厉打击侵权。".to_string()), (Some(2), "完善协作机制。".to_string())]
        );
        // One point alone, or a paragraph running its next points on, keeps its text as printed.
        assert_eq!(points(&["一是开展专项行动。"]), [(None, "一是开展专项行动。".to_string())]);
        let run_on = "一是开展专项行动。二是完善协作机制。";
        assert_eq!(points(&[run_on, run_on]).iter().filter(|(no, _)| no.is_some()).count(), 0);
        assert_eq!(cn_in_words(11).as_deref(), Some("十一"));
        assert_eq!(cn_in_words(20).as_deref(), Some("二十"));
    }

    #[test]
    fn a_pilot_or_campaign_is_dated_by_the_period_it_states() {
        let years = |t: &str| stated_period(t).map(|(a, b)| (a.unwrap_or(0), b.unwrap_or(0)));
        assert_eq!(years("决定开展试点工作，试点期为2022年7月至2024年6月。"), Some((2022, 2024)));
        assert_eq!(years("行动时间：2023年5月至10月"), Some((2023, 2023)));
        assert_eq!(years("实施期限为2023—2025年。"), Some((2023, 2025)));
        assert_eq!(years("试点期限为两年（2021年1月1日—2022年12月31日）"), Some((2021, 2022)));
        // The pilot's term as CNIPA's notice sets it, repeated by news (Haikou 2022, Tieli 2022).
        assert_eq!(years("试点示范时限自2022年7月至2025年6月。"), Some((2022, 2025)));
        assert_eq!(years("鐵力市、五常市被確定為試點縣,試點時限自2022年8月至2025年7月。"), Some((2022, 2025)));
        // A campaign named for its year (剑网2023, Shandong 2014 and national 2023 news; hunt 21c).
        assert_eq!(campaign_year("四部门联合启动打击网络侵权盗版“剑网2023”专项行动,这是…"), Some(2023));
        assert_eq!(campaign_year("开展“护苗2024”行动"), Some(2024));
        assert_eq!(campaign_year("《知识产权强国建设纲要2021》"), None);
        assert_eq!(campaign_year("“剑网”专项行动"), None);
        assert_eq!(
            scheduled_year("市场监管总局决定于2025年6月开展第三届“企业商业秘密保护能力提升服务月”活动。"),
            Some(2025)
        );
        assert_eq!(scheduled_year("定于2024年4月20日至26日举办知识产权宣传周活动"), Some(2024));
        // A deadline (no month), or a month with nothing begun in it, is not the activity's year.
        assert_eq!(scheduled_year("将于2025年底前开展评估"), None);
        // Ningxia 2025, Fujian 2024: the year a work meeting deploys.
        assert_eq!(deployed_year("总结2024年工作,分析当前形势,部署2025年重点任务。"), Some(2025));
        assert_eq!(deployed_year("研究部署2024年度知识产权工作重点,"), Some(2024));
        assert_eq!(deployed_year("贯彻落实省委、省政府决策部署,总结2018年工作"), None);
        assert_eq!(deployed_year("部署2025年3月起开展检查"), None);
        assert_eq!(scheduled_year("将于2025年6月底前完成验收"), None);
        assert_eq!(campaign_year("“十四五2025”规划"), None);
        assert_eq!(campaign_year("“é2023”行动"), None);
        // A length without dates, a start without an end, or no period word: none.
        assert_eq!(years("试点期限三年。"), None);
        assert_eq!(years("行动时间自2023年5月起。"), None);
        assert_eq!(years("2023年5月至10月开展专项行动。"), None);
        let doc = parsed_as(
            "某某省知识产权局关于开展商业秘密保护试点工作的通知\n各市知识产权局：\n为加强商业秘密保护，决定开展试点工作，\
             试点期为2022年7月至2024年6月。现将有关事项通知如下：\n一、试点任务\n（一）健全工作机制。建立联络机制。\n",
            crate::model::Level::Province,
            crate::model::Kind::WorkPoints,
        );
        assert_eq!((doc.dataset.plans[0].year_start, doc.dataset.plans[0].year_end), (2022, 2024));
    }

    #[test]
    fn a_report_headline_titles_the_report() {
        assert!(is_report_headline("国家知识产权局局长申长雨在2020年全国知识产权局局长会议上作报告"));
        assert!(is_report_headline("某局局长在2023年全市知识产权工作会议上的讲话(摘要)"));
        assert!(!is_report_headline("会议上作报告"));
        assert!(!is_report_headline("局长在会议上作报告，部署全年工作。"));
        // Its figures of the year before, under a chapter named for that year, are no goals.
        let doc = parsed_as(
            "国家知识产权局局长在2020年全国知识产权局局长会议上作报告\n一、2019年主要工作\n\
             ——质量效益持续提升。国内每万人口发明专利拥有量达到13.3件,质押融资总额突破1500亿元。\n",
            crate::model::Level::National,
            crate::model::Kind::WorkPoints,
        );
        assert_eq!(doc.dataset.plans[0].year_start, 2020);
        assert!(doc.dataset.targets.is_empty(), "{:?}", doc.dataset.targets);
    }

    /// A small document parsed with nothing known of it but its level and kind.
    fn parsed_as(text: &str, level: crate::model::Level, kind: crate::model::Kind) -> crate::parse::ParsedDocument {
        let info = crate::parse::DocumentInfo {
            source: "t.txt".into(),
            region: None,
            level,
            kind,
            year_start: None,
            year_end: None,
            title: None,
            id: None,
        };
        crate::parse::parse_document(&info, text)
    }

    #[test]
    fn a_notice_name_over_the_title_it_sends_is_no_half_of_it() {
        // Xiangyang 2022: the notice's name printed right over the plan's title.
        let text = "市人民政府办公室关于印发襄阳市知识产权“十四五”规划的通知\n襄阳市知识产权“十四五”规划\n\
                    为贯彻落实党中央决策部署，制定本规划。\n一、主要任务\n1.激发市场主体知识产权创造活力。\n";
        assert_eq!(title_and_region(text).0, "襄阳市知识产权“十四五”规划");
    }

    #[test]
    fn a_notice_under_the_short_name_of_its_body_takes_the_place_it_is_named_in_full() {
        let text = "市知识产权局关于印发2023年工作要点的通知\n各区知识产权局：\n现将《市知识产权局2023年工作要点》\
                    印发给你们。\n2023年2月28日\n一、加强保护\n1.天津市知识产权局加大执法力度。\n";
        assert_eq!(title_and_region(text), ("市知识产权局2023年工作要点".to_string(), "天津市".to_string()));
        let both = text.replace("现将《", "现将《市知识产权局2022年工作总结》和《");
        assert_eq!(title_and_region(&both).0, "市知识产权局2023年工作要点");
        // A body of a place the gazetteer does not know gives none.
        let text = text.replace("天津市", "某某市");
        assert_eq!(title_and_region(&text).1, "");
    }

    #[test]
    fn a_clause_line_under_an_item_without_a_stop() {
        let text = "某某县知识产权强县建设工作方案\n三、重点任务\n（一）加强知识产权创造\n\
                    1.加大专利培育力度。\n责任单位:县市场监管局\n配合单位:县科技局、县工信局\n\
                    2.加强商标品牌培育\n牵头单位:县市场监管局\n配合单位:县农业农村局\n\
                    3.开展地理标志保护\n〔县市场监管局负责〕\n";
        let d = parsed(text).dataset;
        let read: Vec<(Option<String>, Vec<(String, Option<Role>)>)> = d
            .measures
            .iter()
            .map(|m| (m.text.clone(), m.departments.iter().map(|d| (d.name.clone(), d.role)).collect()))
            .collect();
        let (l, s) = (Some(Role::Lead), Some(Role::Support));
        assert_eq!(read[1].0.as_deref(), Some("加强商标品牌培育"));
        assert_eq!(read[1].1, vec![("县市场监管局".to_string(), l), ("县农业农村局".to_string(), s)]);
        assert_eq!(read[2].0.as_deref(), Some("开展地理标志保护"));
        assert_eq!(read[2].1, vec![("县市场监管局".to_string(), l)]);
        assert!(d.measures.iter().all(|m| !m.text.as_deref().unwrap_or("").contains(CLAUSE_BREAK)));
        assert!(d.measures.iter().flat_map(|m| &m.departments).all(|d| !d.name.contains(CLAUSE_BREAK)));
    }

    #[test]
    fn a_field_among_the_page_data_is_furniture() {
        // 杭州 2021: 责任部门：办公室 between the portal's 发布单位 and 公开形式.
        let text = "发布单位: 市市场监督管理局(市知识产权局)\n责任部门: 办公室\n公开形式: 政府网站\n\
                    某某市知识产权工作方案\n一、主要任务\n1.开展专利导航。（市知识产权局负责）\n\
                    责任部门：市知识产权局\n2.开展商标培育。（市市场监管局负责）\n";
        let parsed = parsed(text);
        let skipped: Vec<u32> =
            parsed.diagnostics.iter().filter(|d| d.code == DiagnosticCode::PageFurniture).map(|d| d.line).collect();
        assert_eq!(skipped, vec![1, 3, 2]);
        assert!(is_field_line("责任部门：办公室") && !is_field_line("责任部门：市知识产权局、市科技局，各区政府。"));
    }

    #[test]
    fn a_page_label_is_no_part_of_the_number() {
        // 青岛 2022: `• 发文字号 青政字〔2022〕44号`, the label printed without a colon.
        assert_eq!(as_doc_number("发文字号青政字〔2022〕44号"), Some("青政字〔2022〕44号"));
        assert_eq!(as_doc_number("文号：深市质联〔2016〕18号"), Some("深市质联〔2016〕18号"));
        assert_eq!(as_doc_number("苏政发〔2009〕1号"), Some("苏政发〔2009〕1号"));
    }

    #[test]
    fn background_named_for_its_results() {
        // 杭州 2021: （一）“十三五”时期知识产权工作总体成效 under a chapter named for a slogan.
        for title in ["“十三五”时期知识产权工作总体成效", "主要成效", "发展成就", "发展基础与机遇挑战", "总则"]
        {
            assert!(frames_the_plan(title), "{title}");
        }
        assert!(!frames_the_plan("提升知识产权保护工作成效"));
        // A chapter assessing risks frames the plan; a task on risks does not.
        assert!(frames_the_plan("风险评估"));
        // An explainer's account of how the document was drafted (铜梁区 2021).
        assert!(frames_the_plan("《制度》制定过程"));
        // Articles about the document itself, not tasks.
        assert!(frames_the_plan("本措施自印发之日起施行，由市市场监管局负责解释。"));
        assert!(frames_the_plan("为深入实施知识产权强国战略，结合本区实际，制定本措施。"));
        assert!(frames_the_plan("本办法所称知识产权发展资金是指…。"));
        assert!(!frames_the_plan("本区每年安排1000万元支持专利转化。"));
        assert!(frames_the_plan("评奖宗旨"));
        assert!(frames_the_plan("领导小组组成人员"));
        assert!(!frames_the_plan("优化知识产权人才队伍组成"));
        // A news report on a plan heads its goals with the plan's name (Guangxi 2021).
        assert!(frames_the_plan("规划发展目标"));
        assert!(frames_the_plan("方案总体要求"));
        // A notice calling for projects says when to apply (Quanzhou 2025).
        assert!(frames_the_plan("项目申报时间。请各单位在2025年7月11日前将项目申报简表报市局。"));
        assert!(!frames_the_plan("规划引领产业发展"));
        assert!(!frames_the_plan("制定本市专利转化专项计划实施细则并组织实施。"));
        assert!(!frames_the_plan("加强海外知识产权风险防控"));
    }

    #[test]
    fn headings_numbered_with_di() {
        let read = |t: &str| marker(t).map(|m| (m.depth, m.number, m.rest));
        assert_eq!(read("第一章  规划背景"), Some((Depth::TitledChapter, 1, "规划背景".into())));
        assert_eq!(read("第二节\u{3000}发展目标"), Some((Depth::TitledSection, 2, "发展目标".into())));
        assert_eq!(read("第三部分 重点任务"), Some((Depth::Part, 3, "重点任务".into())));
        assert_eq!(read("第十二章 保障措施"), Some((Depth::TitledChapter, 12, "保障措施".into())));
        assert_eq!(
            read("第4章 加强组织领导，保障规划实施"),
            Some((Depth::TitledChapter, 4, "加强组织领导，保障规划实施".into()))
        );
        // Text that opens with an ordinal is no heading.
        assert_eq!(read("第一章规定的事项由区政府组织实施。各部门按职责分工负责。"), None);
        assert_eq!(read("第一批知识产权试点企业名单"), None);
        assert_eq!(read("第二十五次集体学习"), None);
        assert!(Depth::Part < Depth::TitledChapter && Depth::TitledSection < Depth::Chapter);
    }

    #[test]
    fn marks_split_onto_lines_of_their_own_join_back() {
        // Guangdong 2022 (a PDF made a web page): every quotation mark and bracket a line.
        let lines = crate::parse::lines::split_lines(
            "根据《纲要\n(\n2021\n—\n2035年\n)\n》《\n“\n十四五\n”\n规划》,编制本规划。\n第一章\n“\n十三五\n”\n\
             时期工作成效和\n“\n十四五\n”\n时期发展形势\n“\n十三五\n”\n时期,我省取得成效。",
        );
        let (joined, joins) = join_split_marks(&lines);
        let texts: Vec<&str> = joined.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "根据《纲要(2021—2035年)》《“十四五”规划》,编制本规划。",
                "第一章",
                "“十三五”时期工作成效和“十四五”时期发展形势",
                "“十三五”时期,我省取得成效。"
            ]
        );
        assert_eq!(joins, [(1, 11), (13, 20), (21, 24)]);
        // One bracket on a line of its own is left be.
        let lines = crate::parse::lines::split_lines("一、加强保护\n(\n市知识产权局负责)");
        assert_eq!(join_split_marks(&lines).0, lines);
    }

    #[test]
    fn a_heading_number_alone_takes_the_words_below() {
        // A PDF's text: 第二章 / 主要任务, 第一节 / 强化保护, 一、 / 加强行政执法 … (a blank line may
        // stand between); each heading reads whole, and its words' line is still cited.
        let text = "某某区知识产权“十四五”规划\n第一章\n规划背景\n“十三五”时期，全区专利授权量稳步增长。\n\
                    第二章\n主要任务\n第一节\n\n强化知识产权保护\n\
                    一、加强行政执法。开展专项整治行动。（区市场监管局负责）\n\
                    二、完善纠纷调解。建立调解组织。（区司法局负责）\n第二节\n促进知识产权运用\n一、\n\
                    推进质押融资。扩大融资规模。（区金融办负责）\n";
        let parsed = parsed(text);
        let p = &parsed.dataset;
        let got: Vec<(Option<u32>, &str, [u32; 2])> =
            p.measures.iter().map(|m| (m.no, m.chapter.as_str(), m.lines)).collect();
        assert_eq!(
            got,
            vec![
                (Some(1), "强化知识产权保护", [10, 10]),
                (Some(2), "强化知识产权保护", [11, 11]),
                (Some(1), "促进知识产权运用", [14, 15])
            ]
        );
        assert_eq!(
            (p.measures[2].title.as_deref(), p.measures[2].text.as_deref()),
            (Some("推进质押融资"), Some("扩大融资规模。"))
        );
        let background = p.passages.iter().find(|x| x.text.contains("专利授权量")).unwrap();
        assert_eq!(background.heading.as_deref(), Some("规划背景"));
        // Every line is in the ledger; the words' lines as what their heading's line became.
        let cited: std::collections::HashSet<u32> = parsed.ledger.entries.iter().map(|e| e.1).collect();
        assert_eq!(cited.len(), text.split('\n').count());
        let words = |no: u32| parsed.ledger.entries.iter().find(|e| e.1 == no).map(|e| (e.2, e.3));
        assert_eq!(words(3), Some((4, Use::Heading)));
        assert_eq!(words(2), Some((3, Use::Heading)));
        assert_eq!(words(15), Some((22, Use::Measure)));
        assert_eq!(words(14), Some((2, Use::Measure)));
        assert!(parsed.dataset.unassigned.is_empty());
        // An item's number alone (a table's column of numbers) is left as it is.
        let (lines, joins) =
            join_bare_headings(super::super::lines::split_lines("序号\n1.\n加强保护\n一、\n2.加强运用"));
        assert!(joins.is_empty());
        assert_eq!(lines[1].text, "1.");
        // A 第X章 whose words were lost (融安 2021's 第一章??????) takes no sentence for them.
        let (_, joins) =
            join_bare_headings(super::super::lines::split_lines("第一章\n第一条 为加强保护，制定本办法。"));
        assert!(joins.is_empty());
    }

    #[test]
    fn a_document_cited_alone_on_a_wrapped_line_is_no_title() {
        // A preamble as a PDF prints it: the line breaks fall around one of the documents it cites.
        let text = "2016年实施广东省知识产权战略纲要工作要点\n为贯彻落实《中共中央国务院关于深化体制机制改革加\n\
                    快实施创新驱动发展战略的若干意见》(中发〔2015〕8号)、\n\
                    《国务院关于新形势下加快知识产权强国建设的若干意见》\n\
                    (国发〔2015〕71号)等文件精神，制定本工作要点。\n一、加强保护\n（一）开展执法。（省知识产权局负责）\n";
        assert_eq!(title_and_region(text), ("2016年实施广东省知识产权战略纲要工作要点".into(), "广东省".into()));
        // After a full stop, such a line is a title (a plan sent by a notice that ends above it).
        let sent = "现将有关文件印发给你们，请认真贯彻执行。\n《广东省知识产权战略实施工作要点》\n一、加强保护\n（一）开展执法。（省知识产权局负责）\n";
        assert_eq!(title_and_region(sent).0, "广东省知识产权战略实施工作要点");
    }

    #[test]
    fn a_notice_name_wrapped_inside_its_guillemets_still_names_its_body() {
        // Its body's place is the plan's when the title names none (as a PDF prints the name).
        let text = "广东省知识产权局文件\n粤知〔2018〕153号\n广东省知识产权局关于印发《关于强化知识产权保护推\n\
                    动经济高质量发展的行动方案》的通知\n各地级以上市人民政府：\n现将《关于强化知识产权保护推动\n\
                    经济高质量发展的行动方案》印发给你们，请认真贯彻执行。\n\
                    关于强化知识产权保护推动经济高质量发展的行动方案\n一、加强保护\n（一）开展执法。（省知识产权局负责）\n";
        assert_eq!(
            title_and_region(text),
            ("关于强化知识产权保护推动经济高质量发展的行动方案".into(), "广东省".into())
        );
    }

    #[test]
    fn a_wrapped_line_citing_a_document_is_no_title() {
        // The preamble's first line, cut inside 《…》, under a title printed over two lines.
        let text =
            "湖北省专利产业化\n促进中小企业成长计划实施方案\n为贯彻落实国务院办公厅《专利转化运用专项行动方案(202\n\
                    3-2025年)》要求，制定本方案。\n一、总体要求\n（一）加强统筹。建立机制。（省知识产权局负责）\n";
        assert_eq!(title_and_region(text).0, "湖北省专利产业化促进中小企业成长计划实施方案");
        assert!(!is_title_shape("划和2035年远景目标纲要》《知识产权强国建设纲要(2021"));
        assert!(is_title_shape("关于《知识产权强国建设纲要》的实施方案"));
    }

    #[test]
    fn a_joint_notice_names_the_place_of_its_first_body() {
        let text = "河北省知识产权局等八部门关于印发《高校和科研机构存量专利盘活工作实施方案》的通知\n各有关单位：\n\
                    现将《高校和科研机构存量专利盘活工作实施方案》印发给你们，请遵照执行。\n特此通知。\n";
        assert_eq!(title_and_region(text), ("高校和科研机构存量专利盘活工作实施方案".into(), "河北省".into()));
        let text = text.replace("等八部门", "等8部门");
        assert_eq!(title_and_region(&text).1, "河北省");
        // 等 not before a count of bodies is part of a name, and no issuer's.
        let text = text.replace("河北省知识产权局等8部门", "河北省知识产权局等部门");
        assert_eq!(title_and_region(&text).1, "");
    }

    #[test]
    fn a_row_of_bodies_signing_is_no_half_of_the_title() {
        // 国知发运字〔2024〕5号: eight bodies sign two a line, the title right under them.
        let text = "各有关单位：\n现将《高校和科研机构存量专利盘活工作方案》印发给你们，请遵照执行。\n特此通知。\n\
                    国家知识产权局 教育部\n科技部 工业和信息化部\n国务院国资委 中国科学院\n高校和科研机构存量专利盘活工作方案\n\
                    为贯彻落实…，制定本工作方案。\n一、主要任务\n（一）全面盘点。构建基础库。（国家知识产权局负责）\n";
        assert_eq!(title_and_region(text).0, "高校和科研机构存量专利盘活工作方案");
        let p = parsed(text).dataset;
        assert!(p.passages.iter().any(|x| x.text == "国家知识产权局教育部科技部工业和信息化部国务院国资委中国科学院"));
    }

    #[test]
    fn running_headers_beside_page_numbers_are_no_text() {
        // A title printed at the top of each page after the first, beside the page number.
        let text = "某某市知识产权强市建设工作方案\n为推进强市建设，制定本方案。\n一、重点任务\n\
                    （一）加强保护。开展专项行动，\n- 1 -\n某某市知识产权强市建设工作方案\n严厉打击侵权。（市知识产权局负责）\n\
                    （二）促进运用。开展质押融资。（市金融局负责）\n第 2 页 共 2 页\n";
        let p = parsed(text).dataset;
        assert_eq!(p.plans[0].title, "某某市知识产权强市建设工作方案");
        let texts: Vec<(Option<&str>, Option<&str>)> =
            p.measures.iter().map(|m| (m.title.as_deref(), m.text.as_deref())).collect();
        assert_eq!(
            texts,
            vec![(Some("加强保护"), Some("开展专项行动，严厉打击侵权。")), (Some("促进运用"), Some("开展质押融资。"))]
        );
        assert!(p.passages.iter().all(|x| !x.text.contains('页')));
        assert_eq!(running_headers(&super::super::lines::split_lines(text)).into_iter().collect::<Vec<_>>(), vec![5]);
    }

    #[test]
    fn chapters_and_sections_numbered_with_di_head_what_is_under_them() {
        // 璧山 2022: 第一章 over 第一节 over 一、; a measure's chapter is the nearest heading.
        let text = "某某区知识产权“十四五”规划\n第一章  规划背景\n第一节  “十三五”时期取得的成效\n\
                    “十三五”时期，全区专利授权量稳步增长。\n第二章  主要任务\n第一节  强化知识产权保护\n\
                    一、加强行政执法。开展专项整治行动。（区市场监管局负责）\n\
                    二、完善纠纷调解。建立调解组织。（区司法局负责）\n第二节  促进知识产权运用\n\
                    一、推进质押融资。扩大融资规模。（区金融办负责）\n二、培育示范企业。每年认定一批。（区科技局负责）\n";
        let p = parsed(text).dataset;
        let got: Vec<(Option<u32>, &str)> = p.measures.iter().map(|m| (m.no, m.chapter.as_str())).collect();
        assert_eq!(
            got,
            vec![
                (Some(1), "强化知识产权保护"),
                (Some(2), "强化知识产权保护"),
                (Some(1), "促进知识产权运用"),
                (Some(2), "促进知识产权运用")
            ]
        );
        let background = p.passages.iter().find(|x| x.text.contains("专利授权量")).unwrap();
        assert_eq!(background.heading.as_deref(), Some("“十三五”时期取得的成效"));
        assert!(p.passages.iter().all(|x| !x.text.contains("第一章") && !x.text.contains("第二节")));
        // 成都, 绵阳: 第一章 over 一、 over （一）items.
        let text = "某某市知识产权“十四五”规划\n第三章  推动知识产权高质量发展\n一、激发知识产权创造活力\n\
                    （一）培育高价值专利。建设培育中心。（市知识产权局负责）\n\
                    （二）提升商标品牌。培育区域品牌。（市市场监管局负责）\n二、促进知识产权高效运用\n\
                    （一）推进转化。开展专利开放许可。（市知识产权局负责）\n";
        let p = parsed(text).dataset;
        let got: Vec<&str> = p.measures.iter().map(|m| m.chapter.as_str()).collect();
        assert_eq!(got, vec!["激发知识产权创造活力", "激发知识产权创造活力", "促进知识产权高效运用"]);
    }

    #[test]
    fn a_table_of_contents_is_one_passage() {
        // 成都 2021 (page numbers), 绵阳 2022 (none): the headings under 目录 are no items.
        for pages in [true, false] {
            let n = |p: u32| if pages { format!(" {p}") } else { String::new() };
            let toc = format!(
                "目 录\n第一章 规划背景{}\n一、发展基础{}\n二、面临形势{}\n第二章 主要任务{}\n一、强化保护{}\n二、促进运用{}\n",
                n(3),
                n(3),
                n(5),
                n(8),
                n(8),
                n(12)
            );
            let text = format!(
                "某某市知识产权保护和运用“十四五”规划\n{toc}“十四五”时期是开启新征程的第一个五年。\n\
                 第一章 规划背景\n一、发展基础\n全市专利授权量稳步增长。\n"
            );
            let parsed = parsed(&text);
            let p = parsed.dataset;
            assert!(p.measures.is_empty(), "{:?}", p.measures);
            assert_eq!(p.plans[0].title, "某某市知识产权保护和运用“十四五”规划");
            let toc = p.passages.iter().find(|x| x.heading.as_deref() == Some("目录")).unwrap();
            assert!(toc.text.starts_with("第一章规划背景") && toc.text.contains("二、促进运用"), "{}", toc.text);
            assert_eq!(toc.lines, [3, 8]);
            // The body's own first heading ends it; the opening paragraph is a passage of its own.
            let opening = p.passages.iter().find(|x| x.text.starts_with("“十四五”时期")).unwrap();
            assert_eq!(opening.lines, [9, 9]);
            let body = p.passages.iter().find(|x| x.text.contains("稳步增长")).unwrap();
            assert_eq!(body.heading.as_deref(), Some("发展基础"));
            assert!(parsed.diagnostics.iter().any(|d| d.line == 2 && d.message.contains("目录")));
        }
        // 佛山 2011: several entries on a line, a space apart.
        let text = "目 录\n一、基础与趋势 (一)发展基础\n1.产业自主创新能力逐步提高 2.高新技术产业稳步发展\n\
                    (二)发展趋势\n1.世界科技创新的速度不断加快 2.经济增长方式深度调整的需求迫切 三、主要任务\n";
        let lines = super::super::lines::split_lines(text);
        let mut status = vec![None; lines.len()];
        assert_eq!(table_of_contents(&lines, &mut status).map(|(at, e)| (at, e.len())), Some((0, 4)));
        // One heading under 目录 is no table of contents.
        let mut status = vec![None; 3];
        let lines = super::super::lines::split_lines("目录\n第一章 规划背景\n全市专利授权量稳步增长。\n");
        assert!(table_of_contents(&lines, &mut status).is_none());
    }

    #[test]
    fn a_site_menu_before_the_title_is_page_furniture() {
        // 重庆 2017 on a law database: its products' feature lists, numbered twice, above the title.
        let text = "• 案件协同管理平台\n    1. 1.助力企业案件标准化管理,各类案件节点灵活可控;\n\
                    2. 2.专属律师全流程协同办案,海量律师资源轻松匹配;\n  • 律所案件展示系统\n\
                    1. 整合诉讼案件审结数据和代理机构数据信息,全景展示:\n2. 1.百万量级知识产权审结诉讼数据支撑\n\
                    重庆市知识产权“十三五”发展规划\n为贯彻落实国家规划，制定本规划。\n一、发展基础与面临的形势\n\
                    （一）发展基础\n“十二五”时期，全市知识产权工作成效显著。\n";
        let parsed = parsed(text);
        let p = &parsed.dataset;
        assert!(p.measures.is_empty(), "{:?}", p.measures);
        assert_eq!(p.plans[0].title, "重庆市知识产权“十三五”发展规划");
        assert_eq!(p.plans[0].region, "重庆市");
        assert!(p.passages.iter().all(|x| !x.text.contains("助力企业") && !x.text.contains("协同管理平台")));
        let menu: Vec<u32> =
            parsed.diagnostics.iter().filter(|d| d.message.starts_with("site menu")).map(|d| d.line).collect();
        assert_eq!(menu, vec![1, 2, 3, 4, 5, 6]);
        // A notice's numbered paragraphs above the plan's title are the notice's, not a menu.
        let text = "关于印发规划的通知\n1.请各单位认真贯彻执行。\n2.执行中的问题及时报告。\n\
                    重庆市知识产权“十三五”发展规划\n为贯彻落实国家规划，制定本规划。\n";
        assert!(parsed_menu_free(text));
    }

    #[test]
    fn a_page_record_printed_a_label_a_line_is_furniture() {
        // 静海 2022: each label alone, its value on the next line, one label the page list lacks.
        let text = "名    称 :\n天津市静海区人民政府关于印发规划的通知(4.知识产权篇)\n索   引  号 :\n\
                    11120223000200715W/2022-00078\n发 布 机 构 :\n天津市静海区人民政府\n主    题 :\n综合政务\\其他\n\
                    成 文 日 期 :\n有   效  性 :\n有效\n\n\n各乡镇人民政府:\n现将规划印发给你们,请照此执行。\n";
        let skipped = |text: &str| -> Vec<u32> {
            let parsed = parsed(text);
            let mut lines: Vec<u32> =
                parsed.diagnostics.iter().filter(|d| d.code == DiagnosticCode::PageFurniture).map(|d| d.line).collect();
            lines.sort();
            lines
        };
        assert_eq!(skipped(text), (1..=11).collect::<Vec<u32>>());
        // 乐清 2022: the addressees after the record (各商业银行:) are the notice's.
        let text = "索引号:\n001008003013123/2022-204538\n主题分类:\n综合政务/政务公开\n文号:\n乐市监〔2022〕4号\n\
                    有效性:\n有效\n各商业银行:\n为进一步促进我市知识产权质押融资工作,决定开展申报工作。\n";
        assert_eq!(skipped(text), (1..=8).collect::<Vec<u32>>());
        // A title after a last field left empty is no value of it; nor is one label a record.
        let text = "索引号:\n001008003013123/2022-204538\n文号:\n乐市监〔2022〕4号\n有效性:\n\
                    关于开展申报工作的通知\n各商业银行:\n为进一步促进工作,决定开展申报工作。\n";
        assert_eq!(skipped(text), vec![1, 2, 3, 4, 5]);
        let text = "来源:\n洞口县出台知识产权战略实施意见\n7月5日,县人民政府出台意见。\n";
        assert_eq!(skipped(text), vec![1]);
        // A plan's 主题： with its words under it stays.
        let text = "一、活动主题:\n知识产权助力发展\n二、活动时间:\n4月20日至26日\n";
        assert!(skipped(text).is_empty());
    }

    #[test]
    fn the_channel_under_its_breadcrumb_and_a_gazette_issue_are_furniture() {
        // 廊坊 2022: 政策文件 under 首页>政务公开>政策文件; 衡水 2022: 第二期 over the gazette's page.
        let text = "您现在的位置:首页>政务公开>政策文件\n\n政策文件\n\n廊坊市知识产权规划\n为加快建设，制定本规划。\n";
        let parsed = parsed(text);
        assert!(parsed.diagnostics.iter().any(|d| d.line == 3 && d.code == DiagnosticCode::PageFurniture));
        assert!(parsed.dataset.passages.iter().all(|p| !p.text.contains("政策文件")));
        let text = "第二期\n衡水市知识产权实施方案\n为加快建设，制定本方案。\n";
        assert!(parsed_skips(text, 1));
        // A heading that is no crumb, or an issue not on the first line, stays.
        assert!(!parsed_skips("首页>政务公开>政策文件\n总体要求\n为加快建设，制定本规划。\n", 2));
        assert!(!parsed_skips("衡水市知识产权实施方案\n第二期\n为加快建设，制定本方案。\n", 2));
        assert!(is_gazette_issue("第12期") && !is_gazette_issue("第二期工程") && !is_gazette_issue("第期"));
    }

    fn parsed_skips(text: &str, line: u32) -> bool {
        parsed(text).diagnostics.iter().any(|d| d.line == line && d.code == DiagnosticCode::PageFurniture)
    }

    fn parsed_menu_free(text: &str) -> bool {
        parsed(text).diagnostics.iter().all(|d| !d.message.starts_with("site menu"))
    }

    #[test]
    fn a_page_heading_naming_the_plan_again_is_no_half_of_its_title() {
        // 成都 2021: the page's 成都市…规划及政策解读 over the cover's 成都市… / “十四五”规划.
        let text = "成都市知识产权保护和运用“十四五”规划及政策解读\n成都市知识产权保护和运用\n“十四五”规划\n\
                    二〇二一年十二月\n一、主要任务\n1.开展专利导航。（市知识产权局负责）\n2.开展商标培育。（市市场监管局负责）\n";
        assert_eq!(title_and_region(text).0, "成都市知识产权保护和运用“十四五”规划");
        // A title over two lines whose second does not open with the place is still joined.
        let text = "成都市知识产权保护和运用\n“十四五”规划\n一、主要任务\n1.开展专利导航。（市知识产权局负责）\n";
        assert_eq!(title_and_region(text).0, "成都市知识产权保护和运用“十四五”规划");
    }

    #[test]
    fn titles_without_what_is_printed_above_them() {
        let tasks = "一、主要任务\n1.开展专利导航。（市市场监管局负责）\n2.开展商标培育。（市市场监管局负责）\n";
        let read = |above: &str| title_and_region(&format!("{above}{tasks}"));
        let title = "某某市知识产权保护工作方案".to_string();
        // A signature whose date lost its year, and a separator.
        assert_eq!(read("国家版权局\n年12月24日\n------------\n版权工作“十四五”规划\n").0, "版权工作“十四五”规划");
        assert_eq!(read("国家版权局\n年12月24日\n------------\n版权工作“十四五”规划\n").1, "全国");
        assert_eq!(read("20141229\n某某市知识产权保护\n工 作 方 案\n"), (title.clone(), "某某市".into()));
        assert_eq!(read("法律效力\n某某市知识产权保护工作方案\n"), (title.clone(), "某某市".into()));
        assert_eq!(read("应用分类\n关于某某市实施知识产权战略的若干意见\n").1, "某某市");
        // Sichuan 2011: a strategy titled with its years, under the notice that sends it.
        let notice = "某某省人民政府办公厅关于印发某某省专利战略(2011-2020年)的通知\n某某省人民政府办公厅\n二〇一一年十二月三十一日\n";
        assert_eq!(read(&format!("{notice}某某省专利战略(2011-2020年)\n")).0, "某某省专利战略(2011-2020年)");
        // A title over two lines is still joined.
        assert_eq!(read("某某市知识产权保护\n工作方案\n").0, title);
        // A title that cites what it carries out, a list inside the guillemets (Suzhou 2009); a
        // list outside them is a sentence.
        let cites = "某某市工商行政管理局关于贯彻落实市政府《关于实施商标战略、建设品牌强市的实施意见》的实施意见";
        assert_eq!(read(&format!("{cites}\n")), (cites.to_string(), "某某市".into()));
        assert_ne!(read("实施商标战略、建设品牌强市的实施意见\n").0, "实施商标战略、建设品牌强市的实施意见");
        assert_eq!(read("某某市知识产权局\n2023年工作要点\n").0, "某某市知识产权局2023年工作要点");
        // A year's tasks titled as such (…知识产权工作任务, …重点工作任务), over a site's tag lines.
        assert_eq!(read("知识产权\n工作任务\n某某州2023年知识产权工作任务\n").0, "某某州2023年知识产权工作任务");
        // Measures titled 工作举措, under the date of the notice that sends them.
        assert_eq!(
            read("2025年2月18日\n某某市打造知识产权保护体系建设工作举措\n").0,
            "某某市打造知识产权保护体系建设工作举措"
        );
        // The year printed bare after the title word.
        assert_eq!(read("通州区知识产权工作要点2023年\n"), ("通州区知识产权工作要点2023年".into(), "通州区".into()));
        assert_eq!(read("某某市知识产权推进计划2024年度\n").1, "某某市");
        // The body issuing it: in a red header above the document number, or printed under it.
        assert_eq!(read("某某市人民政府文件\n某政发〔2010〕182号\n市政府关于实施商标战略的意见\n").1, "某某市");
        assert_eq!(read("关于加快商标品牌建设的实施意见\n某某市市场监督管理局\n").1, "某某市");
        // Spam glued before the title; a notice run together with spaces on one line.
        assert_eq!(
            read("yl6809永利2022年度某某区知识产权工作要点\n"),
            ("2022年度某某区知识产权工作要点".into(), "某某区".into())
        );
        assert_eq!(
            read("某某市人民政府 关于加强品牌建设的实施意见 各县、市、区人民政府,市政府各部门: 为发挥品牌作用,制定本意见.\n"),
            ("关于加强品牌建设的实施意见".into(), "某某市".into())
        );
        // Chengdu 2005: the notice that sends it by name, on one line with the rest of the page.
        assert_eq!(
            read("某某市人民政府关于印发某某市创建知识产权示范城市实施意见的通知 各区(市)县政府,市政府各部门: 《某某市创建知识产权示范城市实施意见》已经市政府审议通过,现印发给你们。 二○○五年十二月十二日 某某市创建知识产权示范城市实施意见 为推动创建工作,制定本实施意见。\n"),
            ("某某市创建知识产权示范城市实施意见".into(), "某某市".into())
        );
    }

    #[test]
    fn a_notice_name_over_lines_keeps_its_middle() {
        // Binhai 2020: the notice's name runs over three lines; its middle one is also a part of
        // the plan's title, but it is the notice's text, not a cover line.
        let text = "天津市滨海新区人民政府办公室关于印发\n滨海新区知识产权运营服务体系建设\n实施方案(2020-2023)的通知\n各开发区管委会:\n现将实施方案印发给你们,请照此执行。\n天津市滨海新区知识产权运营服务体系建设实施方案(2020-2023)\n一、主要任务\n1.建设运营平台。(区知识产权局负责)\n2.培育运营机构。(区知识产权局负责)\n";
        let parsed = parsed_as(text, crate::model::Level::District, crate::model::Kind::ActionPlan).dataset;
        assert_eq!(parsed.plans[0].title, "天津市滨海新区知识产权运营服务体系建设实施方案(2020-2023)");
        assert!(parsed.passages[0]
            .text
            .starts_with("天津市滨海新区人民政府办公室关于印发滨海新区知识产权运营服务体系建设实施方案"));
    }

    #[test]
    fn an_item_cut_off_by_the_page_does_not_decide_titles() {
        let item = |t: &str| MeasureDraft { text: Some(t.into()), ..Default::default() };
        // Hubei 2023: one whole item titled by its first sentence, then one the page cuts off.
        let whole = item("深入学习宣传贯彻党的二十大精神。按照学懂弄通做实的要求，深刻领悟“两个确立”。");
        let cut = item("巩固深化党史学习教育及“下基层、察民情”实践活动成");
        assert!(titles_items(&[&whole, &cut]));
        // Items that run on with no title sentence are still untitled.
        let untitled = item("加强专利行政执法，开展专项行动，严厉打击侵权假冒行为。");
        assert!(!titles_items(&[&untitled, &cut]));
    }

    #[test]
    fn paragraphs_that_lead_into_the_items() {
        // Shanghai 2022: a task chapter opens with what its items are about.
        assert!(announces_what_follows(
            "示范区建设地区人民政府要对照示范区建设的目标要求,结合实际需求,重点从以下方面推进示范区建设。"
        ));
        assert!(announces_what_follows("为此，具体任务如下。"));
        assert!(!announces_what_follows("对职工人数10人以下的小微企业给予资助。"));
        assert!(announces_what_follows("各地结合本地实际,主要围绕以下五个方面内容开展“服务月”活动。"));
        assert!(announces_what_follows("重点做好以下3项工作。"));
        assert!(!announces_what_follows("支持年营业收入2000万元以下企业。"));
        assert!(!announces_what_follows("按如下程序办理。做好专利导航工作。"));
    }

    #[test]
    fn the_place_of_a_signature_run_into_the_text() {
        // Hubei 2023: notice, signature, title and opening printed as one line.
        let t = "各市、州市场监管局(知识产权局):现将《2023年全省知识产权工作要点》印发给你们,请结合实际认真贯彻落实。湖北省知识产权局2023年2月15日2023年全省知识产权工作要点";
        assert_eq!(region_that_signs(t).as_deref(), Some("湖北省"));
        // A date inside a sentence, or after no body's name, signs nothing.
        assert_eq!(region_that_signs("湖北省知识产权局于2023年2月15日召开会议。"), None);
        assert_eq!(region_that_signs("全省知识产权工作会议2023年2月15日召开"), None);
    }

    #[test]
    fn the_place_a_preamble_names_as_deciding() {
        let title = "关于开展2024年知识产权宣传周活动的方案\n各县(市、区)知识产权管理部门:\n";
        let tasks = "一、宣传重点\n1.开展宣传。（市市场监管局负责）\n2.开展培训。（市市场监管局负责）\n";
        let read = |preamble: &str| title_and_region(&format!("{title}{preamble}\n{tasks}")).1;
        // Jiaozuo 2024: the city is named only as the one deciding.
        assert_eq!(read("为加快知识产权强国建设，在世界知识产权日来临之际，焦作市决定组织开展宣传周活动。"), "焦作市");
        assert_eq!(read("为加快知识产权强国建设，河南省人民政府决定开展宣传周活动。"), "河南省");
        // A decision only cited, or a place that is not the one deciding, names no region.
        assert_eq!(read("为贯彻落实河南省委决定，组织开展宣传周活动。"), "");
        assert_eq!(read("为贯彻国务院决定，组织开展宣传周活动。"), "");
    }

    #[test]
    fn a_title_run_into_its_preamble() {
        let t = "新时代国家知识产权强区试点建设工作方案为认真贯彻落实习近平总书记关于知识产权工作的重要指示论述，现制定本工作方案。";
        assert_eq!(title_run_into_preamble(t).as_deref(), Some("新时代国家知识产权强区试点建设工作方案"));
        let plan = "2023年知识产权强国建设纲要和“十四五”规划实施推进计划为贯彻落实《纲要》，制定本计划。";
        assert_eq!(
            title_run_into_preamble(plan).as_deref(),
            Some("2023年知识产权强国建设纲要和“十四五”规划实施推进计划")
        );
        // A preamble's sentence, or its words about the document it makes, is no title.
        assert_eq!(title_run_into_preamble("根据有关要求，结合实际，制定本方案为深入推进…"), None);
        assert_eq!(title_run_into_preamble("现制定本工作方案为进一步加强…"), None);
        assert_eq!(title_run_into_preamble("为贯彻落实《知识产权强国建设纲要》，制定本方案。"), None);
    }

    #[test]
    fn a_lead_that_briefs_on_a_document() {
        // 介绍了《X》有关情况 (its 了 trimmed as the caller does), and 解读《X》 naming it short.
        assert!(briefed_on("联合举办新闻发布会,介绍", "有关情况,该行动方案的出台标志着…"));
        assert!(briefed_on("通过新闻媒体解读", "(以下简称《行动计划》),省知识产权局…"));
        // A document explained without a short name is one cited (解读《纲要》精神).
        assert!(!briefed_on("深入解读", "精神,推动…"));
        assert!(!briefed_on("介绍", "的实施成效"));
    }

    #[test]
    fn a_notices_list_of_places_holds_no_items() {
        let text = "国家知识产权局关于第二批示范区建设城市的公示\n经综合评审，现将名单予以公示：\n1.北京市海淀区\n2.河北省石家庄市\n3.辽宁省沈阳市\n4.上海市徐汇区\n公示期为5个工作日。\n国家知识产权局\n";
        let d = parsed(text).dataset;
        assert!(d.measures.is_empty());
        assert!(d.passages.iter().any(|p| p.text == "1.北京市海淀区2.河北省石家庄市3.辽宁省沈阳市4.上海市徐汇区"));
        // Tasks that name a place are items still.
        let tasks = "一、主要任务\n1.支持北京市海淀区建设示范区。\n2.支持河北省石家庄市建设示范区。\n3.支持辽宁省沈阳市建设示范区。\n";
        assert_eq!(parsed(tasks).dataset.measures.len(), 3);
    }

    #[test]
    fn a_place_after_the_words_in_a_title() {
        assert_eq!(
            region_in_title("关于在滨海高新区建设“科创中国”知识产权生态产业园的实施意见").as_deref(),
            Some("滨海高新区")
        );
    }

    #[test]
    fn a_province_after_the_words_a_title_opens_with() {
        let tasks = "一、主要任务\n1.开展专利导航。（省知识产权局负责）\n2.开展商标培育。（省市场监管局负责）\n";
        let read = |above: &str| title_and_region(&format!("{above}{tasks}"));
        assert_eq!(read("深入实施甘肃省知识产权战略行动计划(2015—2020年)\n").1, "甘肃省");
        assert_eq!(
            read("中共云南省委 云南省人民政府关于贯彻《知识产权强国建设纲要(2021—2035年)》的实施意见\n").1,
            "云南省"
        );
        // A site's label in black brackets before the title is no part of it.
        assert_eq!(
            read("【自治区文件】 内蒙古自治区知识产权战略纲要\n(2013—2020年)\n"),
            ("内蒙古自治区知识产权战略纲要(2013—2020年)".into(), "内蒙古自治区".into())
        );
        // A title that opens with its own place keeps it, whatever province it names later.
        assert_eq!(read("南通市贯彻落实江苏省知识产权强省建设实施方案\n").1, "南通市");
        assert_eq!(read("某某市贯彻落实江苏省知识产权强省建设实施方案\n").1, "某某市");
        // Beijing 2020: a slogan in quotation marks is no place; the body signing above names it.
        assert_eq!(
            read("北京市知识产权局\n2020年3月3日\n“三城一区”知识产权行动方案\n(2020-2022年)\n"),
            ("“三城一区”知识产权行动方案(2020-2022年)".into(), "北京市".into())
        );
    }

    #[test]
    fn a_notice_names_the_plan_it_sends_without_guillemets() {
        // Fuzhou (Jiangxi): only the notice's name is printed above the plan's preamble.
        let text = "抚州市人民政府办公室关于印发抚州市国家知识产权强市建设试点城市工作方案的通知\n为深入贯彻落实…，特制定本工作方案。\n";
        assert_eq!(title_and_region(text).0, "抚州市国家知识产权强市建设试点城市工作方案");
        assert_eq!(issued_without_guillemets("关于印发第二批名单的通知"), None);
        // Tianjin 2022: last year's report sent with the plan; the plan is named second.
        let both = "市知识产权局关于印发2021年工作总结和2022年工作要点的通知";
        assert_eq!(issued_without_guillemets(both).as_deref(), Some("2022年工作要点"));
        // A general office passes on the plan one of its bodies drew up (Jilin 2005).
        let text = "某某省人民政府办公厅关于转发某某省“十一五”期间培育认定驰名著名商标工作推进方案的通知\n为…，现转发给你们。\n";
        assert_eq!(
            title_and_region(text),
            ("某某省“十一五”期间培育认定驰名著名商标工作推进方案".into(), "某某省".into())
        );
        // A passed-on document's name over four lines is read from the sentence that passes it on,
        // as a sent one's is (现将《X》印发给你们).
        let text = "某市人民政府办公室关于转发\n某省知识产权局\n某省知识产权强省建设\n实施方案（2021-2025年）的通知\n\
                    各县（市、区）人民政府：\n现将《某省知识产权强省建设实施方案（2021-2025年）》转发给你们，请认真贯彻执行。\n";
        assert_eq!(title_and_region(text).0, "某省知识产权强省建设实施方案（2021-2025年）");
        assert_eq!(
            sent_by_its_name("《某某市知识产权保护工作方案》已经市政府同意，现转发给你们。").as_deref(),
            Some("某某市知识产权保护工作方案")
        );
    }

    #[test]
    fn places_named_without_their_kind() {
        // A title that opens with a county's short name, in a text that says 我县.
        let plan = "天台知识产权强县建设工作方案\n为推进我县知识产权强县建设，制定本方案。\n一、主要任务\n（一）加强保护。开展执法。\n";
        assert_eq!(title_and_region(plan).1, "天台县");
        // Tiantai's brand notice: the place only in 结合天台的实际, and 我县.
        let notice = "推进县品牌设立的通告\n根据省政府提出建设“品牌大省”的战略指导意见,结合天台的实际,对我县的品牌建设工作提出如下意见。\n一、指导思想\n以提高我县综合经济实力为目标。\n";
        assert_eq!(title_and_region(notice).1, "天台县");
        // Not without the text calling itself so, nor for words that only look like a place.
        assert_eq!(title_and_region("天台知识产权强县建设工作方案\n一、主要任务\n（一）加强保护。\n").1, "");
        assert_eq!(
            title_and_region("公安机关知识产权保护工作方案\n结合我县实际。\n一、主要任务\n（一）加强保护。\n").1,
            ""
        );
        // A kind of zone is no place; a named zone is.
        assert_eq!(title_and_region("高新区2023年知识产权工作要点\n一、主要任务\n（一）加强保护。\n").1, "");
        assert_eq!(title_and_region("自贸区知识产权保护工作方案\n一、主要任务\n（一）加强保护。\n").1, "");
        assert_eq!(title_and_region("荆门高新区知识产权工作方案\n一、主要任务\n（一）加强保护。\n").1, "荆门高新区");
    }

    #[test]
    fn work_points_dated_by_their_chapters() {
        let years = |text: &str| {
            let plan =
                parsed_as(text, crate::model::Level::District, crate::model::Kind::WorkPoints).dataset.plans.remove(0);
            (plan.year_start, plan.year_end)
        };
        // The xx州 task list's shape: the year only in its first chapter's heading.
        let text = "某某县知识产权工作要点\n一、2023年知识产权工作目标任务\n全县专利申请量达到300件。\n二、重点工作\n（一）加强保护。开展执法。\n";
        assert_eq!(years(text), (2023, 2023));
        // A chapter on last year's work dates nothing; the plan's year follows it.
        let text = "某某县知识产权工作要点\n一、2022年工作总结\n全县专利申请量达到280件。\n二、2023年工作安排\n（一）加强保护。开展执法。\n";
        assert_eq!(years(text), (2023, 2023));
    }

    #[test]
    fn years_counted_from_the_notice_and_named_as_a_time() {
        let years = |text: &str| {
            let plan =
                parsed_as(text, crate::model::Level::City, crate::model::Kind::ActionPlan).dataset.plans.remove(0);
            (plan.year_start, plan.year_end)
        };
        let tasks = "一、主要任务\n（一）加强保护。开展执法。\n（二）推进运用。开展质押融资。\n";
        let signed = |title: &str, date: &str| {
            format!("某某市人民政府办公室\n{date}\n{title}\n为加快建设，制定本方案。\n{tasks}")
        };
        // Three years from the year the notice was signed.
        assert_eq!(years(&signed("某某市知识产权强市建设三年行动计划", "2021年6月30日")), (2021, 2023));
        assert_eq!(years(&signed("某某市知识产权强市建设三年行动计划", "2020年12月28日")), (0, 0));
        assert_eq!(years(&signed("某某市知识产权强市建设实施方案", "2021年6月30日")), (0, 0));
        // A year's work points signed in its first half; signed in December, no guess.
        assert_eq!(years(&signed("某某市知识产权工作要点", "2022年3月10日")), (2022, 2022));
        assert_eq!(years(&signed("某某市知识产权工作要点", "2022年12月10日")), (0, 0));
        assert_eq!(years_the_title_counts("知识产权质押融资两年行动方案"), Some(2));
        assert_eq!(years_the_title_counts("知识产权三年攻坚行动"), Some(3));
        assert_eq!(years_the_title_counts("2021年知识产权行动计划"), None);
        // A plan's preamble naming its period as a time, not as a document it cites.
        let made = "“十四五”时期(2021—2025年)，是关键五年。为加强知识产权保护，制定本规划。";
        assert_eq!(years_in_preamble(made), Some((Some(2021), Some(2025))));
        let cited = "根据《“十四五”国家知识产权保护和运用规划》，制定本规划。";
        assert_eq!(years_in_preamble(cited), None);
        // A programme's round in brackets; not a document's years, named with or without 《》.
        let round = "为扎实推进我市新一轮(2016—2018年)国家知识产权示范城市工作，结合我市实际，制定本方案。";
        assert_eq!(years_in_preamble(round), Some((Some(2016), Some(2018))));
        let named = "为落实《知识产权强国建设纲要（2021—2035年）》和省战略纲要（2008—2020年），制定本方案。";
        assert_eq!(years_in_preamble(named), None);
    }

    #[test]
    fn years_under_a_title_that_lost_their_opening_bracket() {
        // Jiujiang 2023 as a city's IP site prints it: the title, a blank line, then its years.
        let text = "九江市知识产权强市建设实施方案\n\n2022-2035年)\n\n为深入贯彻…，制定本方案。\n";
        assert_eq!(title_and_region(text).0, "九江市知识产权强市建设实施方案(2022-2035年)");
    }

    #[test]
    fn the_last_line_of_a_list_heads_no_paragraph() {
        // A forestry notice of 2003: 3. is the list's last line like 1. and 2.; the request after
        // it is not its body, and the contact lines are no part of any item.
        let text = "国家林业局关于推荐林业植物新品种保护名录的通知\n一、推荐范围\n属于林木、竹、果树等植物品种的属或种。\n二、推荐条件\n1.在我国有育种优势；\n2.在国内或国外有市场潜力。\n3. 有利于保护我国公民和机构的权益。\n请你们根据本地区新品种培育情况认真组织推荐，于8月20日前传真到保护办公室。\n联系人：王琼\n联系电话：010-84239104\n";
        let p = parsed(text).dataset;
        let numbered: Vec<(Option<u32>, &str)> = p.measures.iter().map(|m| (m.no, m.chapter.as_str())).collect();
        assert_eq!(numbered[1..4], [(Some(1), "推荐条件"), (Some(2), "推荐条件"), (Some(3), "推荐条件")]);
        let texts: Vec<String> = p.measures.iter().map(|m| m.text.clone().unwrap_or_default()).collect();
        assert!(texts.iter().all(|t| !t.contains("联系") && !t.contains("权益。请你们")), "{texts:?}");
        // The attachment list and the signature date close the notice: no part of the request.
        let signed = format!("{text}附件：《第四批林业植物新品种保护名录推荐表》\n二OO三年七月二十二日\n");
        let p = parsed(&signed).dataset;
        let last = p.measures.last().and_then(|m| m.text.clone()).unwrap_or_default();
        assert!(last.ends_with("保护办公室。"), "{last}");
        assert!(p.passages.iter().any(|x| x.text == "二OO三年七月二十二日"));
        assert!(closes_the_notice("附件:《第四批林业植物新品种保护名录推荐表》") && !closes_the_notice("附件："));
        assert!(
            closes_the_notice("特此通知。") && closes_the_notice("特此公告") && !closes_the_notice("特此通知如下：")
        );
    }

    #[test]
    fn sections_that_frame_the_plan() {
        assert!(frames_the_plan("实施知识产权战略的指导思想：坚持以科学发展观为指导……"));
        assert!(frames_the_plan("指导思想和基本原则"));
        // A pilot's or a campaign's own principles and aims, named after it.
        assert!(frames_the_plan("试点工作原则"));
        assert!(frames_the_plan("专项行动总体要求"));
        assert!(!frames_the_plan("试点工作任务"));
        assert!(frames_the_plan("“十二五”发展基础"));
        assert!(frames_the_plan("面临的形势和任务"));
        assert!(!frames_the_plan("主要任务和目标"));
        assert!(!frames_the_plan("加强行政执法。开展专项整治行动。"));
        assert!(!frames_the_plan("夯实知识产权发展基础"));
        assert!(!frames_the_plan("优化知识产权发展环境"));
        // Looking back: the plan's background, a period's review, last year's summary.
        for title in [
            "规划背景",
            "“十一五”工作回顾与评价",
            "主要成就",
            "“十三五”知识产权发展取得的成就",
            "2017年工作总结",
            "青海省“十叁五”知识产权发展概况",
            "“十四五”时期知识产权事业发展成就和2025年主要工作进展",
            "2022年知识产权工作主要进展",
        ] {
            assert!(frames_the_plan(title), "{title}");
        }
        assert!(!frames_the_plan("做好年度工作总结"));
        // An item listing what to publicise (郑州 2023: …版权对外交流等工作进展) reviews nothing.
        assert!(!frames_the_plan("重点突出版权制度建设、著作权登记和版权对外交流等工作进展。"));
        // Pudong 2021: the challenges and trends the plan's years face open it.
        assert!(frames_the_plan("挑战和发展趋势"));
        assert!(frames_the_plan("面临的挑战与机遇"));
        // Guangxi 2021 and Henan 2017: their opening chapters of background.
        for title in ["形势背景", "“十二五”规划执行情况及发展面临的新形势"] {
            assert!(frames_the_plan(title), "{title}");
        }
        // Langfang 2022 (as Hebei's 十四五 plan): 一、规划基础 / （一）知识产权创造量质齐升.
        assert!(frames_the_plan("规划基础"));
        assert!(!frames_the_plan("夯实规划基础"));
        // Why it matters; an event's time and theme.
        for title in ["重要意义", "充分认识实施商标战略的重要意义", "活动时间", "活动主题"] {
            assert!(frames_the_plan(title), "{title}");
        }
        // Hunan 2024 rules: the article stating the principles registration follows.
        assert!(frames_the_plan("数据知识产权登记遵循自愿登记、依法合规、公平有序、诚实信用、安全高效原则。"));
        assert!(!frames_the_plan("建立数据知识产权登记制度，遵循有关规定开展登记。"));
    }

    #[test]
    fn a_shared_name_printed_in_full_elsewhere() {
        assert_eq!(named_in_full("上海市宝山区人民政府办公室", "宝山区").as_deref(), Some("上海市宝山区"));
        assert_eq!(named_in_full("关于印发上海市宝山区…的通知", "宝山区").as_deref(), Some("上海市宝山区"));
        assert_eq!(named_in_full("双鸭山市宝山区", "宝山区").as_deref(), Some("双鸭山市宝山区"));
        assert_eq!(named_in_full("宝山区人民政府", "宝山区"), None);
        assert_eq!(named_in_full("推进宝山区建设", "宝山区"), None);
    }

    #[test]
    fn districts_named_after_their_city() {
        for (title, region) in [
            ("南通市通州区2022年知识产权工作要点", Some("南通市通州区")),
            ("上海市徐汇区知识产权行动计划", Some("上海市徐汇区")),
            ("苏州市工业园区2022年知识产权工作要点", Some("苏州市工业园区")),
            ("江苏省南通市2022年知识产权工作要点", Some("南通市")),
            ("苏州市2022年知识产权工作要点", Some("苏州市")),
            ("上海市市场监督管理局2025年知识产权工作要点", Some("上海市")),
            ("江苏省市场监督管理局2022年知识产权工作要点", Some("江苏省")),
            ("杭州市全市知识产权工作要点", Some("杭州市")),
            ("广州市各区知识产权工作要点", Some("广州市")),
            // A city named like its province is the city.
            ("吉林市2020年知识产权工作要点", Some("吉林市")),
            ("吉林省2020年知识产权工作要点", Some("吉林省")),
            ("吉林2020年知识产权工作要点", Some("吉林省")),
            ("2022年度某某区知识产权工作要点", Some("某某区")),
            // Leagues and banners, and a league's county-level city.
            ("锡林郭勒盟2021年知识产权工作要点", Some("锡林郭勒盟")),
            ("准格尔旗2021年知识产权工作要点", Some("准格尔旗")),
            ("锡林郭勒盟锡林浩特市知识产权工作要点", Some("锡林郭勒盟锡林浩特市")),
            ("打造旗舰品牌行动方案", None),
        ] {
            assert_eq!(region_in_title(title).as_deref(), region, "{title}");
        }
    }

    #[test]
    fn a_zone_its_untitled_preamble_works_for() {
        let region = |text: &str| title_and_region(text).1;
        // Weihai 2022: no title line; the preamble pushes the zone's work and calls the text's place 高新区.
        let weihai = "为全面深入贯彻落实《知识产权强国建设纲要(2021-2035年)》精神,进一步推动威海火炬高技术产业开发区知识产权工作高质量发展,现根据《山东省市场监督管理局关于…的通知》相关要求,结合高新区实际,制定本工作方案。\n一、指导思想\n以新时代中国特色社会主义思想为指导。\n二、重点任务\n(一)加强专利导航。开展产业专利导航。\n";
        assert_eq!(region(weihai), "威海火炬高技术产业开发区");
        // A county's own plan pushing a zone within it names no zone as its place.
        let county = weihai.replace("结合高新区实际", "结合实际");
        assert_eq!(region(&county), "");
    }

    #[test]
    fn autonomous_areas_and_zones_by_their_full_names() {
        for (title, region) in [
            // Names longer than the first characters a place is otherwise read from.
            ("黔东南苗族侗族自治州知识产权“十四五”规划", Some("黔东南苗族侗族自治州")),
            ("双江拉祜族佤族布朗族傣族自治县知识产权工作要点", Some("双江拉祜族佤族布朗族傣族自治县")),
            ("莫力达瓦达斡尔族自治旗知识产权工作方案", Some("莫力达瓦达斡尔族自治旗")),
            ("克孜勒苏柯尔克孜自治州人民政府", Some("克孜勒苏柯尔克孜自治州")),
            ("西双版纳傣族自治州景洪市知识产权工作方案", Some("西双版纳傣族自治州景洪市")),
            // A county-level unit of any length after its city.
            ("广西壮族自治区桂林市恭城瑶族自治县知识产权工作要点", Some("桂林市恭城瑶族自治县")),
            ("内蒙古自治区通辽市科尔沁左翼后旗知识产权工作要点", Some("通辽市科尔沁左翼后旗")),
            // A prefecture by its own short form, before what the title says.
            ("克州贯彻落实《共建丝绸之路经济带知识产权强区工作实施方案》的工作方案", Some("克孜勒苏柯尔克孜自治州")),
            ("克州2023年知识产权工作要点", Some("克孜勒苏柯尔克孜自治州")),
            ("徐州2023年知识产权工作要点", None),
            // A zone named after its city or province is the zone, as printed.
            ("天津经济技术开发区知识产权工作要点", Some("天津经济技术开发区")),
            ("北京经济技术开发区管理委员会关于印发…的通知", Some("北京经济技术开发区")),
            ("武汉东湖新技术开发区知识产权工作要点", Some("武汉东湖新技术开发区")),
            ("上海自贸试验区临港新片区知识产权工作方案", Some("上海自贸试验区临港新片区")),
            ("中国（上海）自由贸易试验区知识产权保护实施方案", Some("中国（上海）自由贸易试验区")),
            ("上海市浦东新区知识产权“十四五”规划", Some("上海市浦东新区")),
            // A zone that is the plan's subject, not its issuer; a kind of zone alone.
            ("江苏省知识产权保护示范区建设工作方案", Some("江苏省")),
            ("高新区2023年知识产权工作要点", None),
        ] {
            assert_eq!(region_in_title(title).as_deref(), region, "{title}");
        }
    }

    #[test]
    fn what_ends_a_text_cut_short() {
        let lines: Vec<Line> =
            ["一、主要任务", "（一）加强知识产权保护，激发创新创造活力"].map(|t| Line { no: 1, text: t.into() }).into();
        let last = last_content_line(&lines, &[None, None]);
        assert!(ends_the_text_bare(last, 1, "加强知识产权保护，激发创新创造活力"));
        assert!(!ends_the_text_bare(last, 0, "主要任务"), "a line follows");
        assert!(!ends_the_text_bare(last, 1, "加强知识产权保护。开展专项行动。"), "a sentence");
    }

    #[test]
    fn a_period_before_the_place() {
        // The national 十四五 plan (国发〔2021〕20号) names its period before the country.
        assert_eq!(region_in_title("“十四五”国家知识产权保护和运用规划").as_deref(), Some("全国"));
        assert_eq!(region_in_title("十四五国家知识产权保护和运用规划").as_deref(), Some("全国"));
        assert_eq!(region_in_title("“十四五”北京市知识产权发展规划").as_deref(), Some("北京市"));
        assert_eq!(region_in_title("2022-2023年滨海新区知识产权保护推进计划").as_deref(), Some("滨海新区"));
        assert_eq!(region_in_title("2022—2023年度西青区知识产权工作要点").as_deref(), Some("西青区"));
        assert_eq!(region_in_title("2011-2012年实施东莞市知识产权战略纲要工作方案").as_deref(), Some("东莞市"));
        // Zhenjiang 2024: a zone's title names the programme it takes part in after the zone.
        for title in [
            "镇江经济技术开发区江苏省知识产权建设示范(园区)工作方案(2024—2026)",
            "镇江经济技术开发区国家知识产权强国建设试点园区工作方案",
        ] {
            assert_eq!(region_in_title(title).as_deref(), Some("镇江经济技术开发区"), "{title}");
        }
        // Hangzhou 2025: an opinion implementing the city's own law names the city in guillemets.
        assert_eq!(
            region_in_title("关于贯彻落实《杭州市知识产权保护和促进条例》的实施意见(征求意见稿)").as_deref(),
            Some("杭州市")
        );
    }

    #[test]
    fn a_notice_issuing_a_document_names_its_place_next() {
        // Huangpu 2020: not 印发广州.
        let notice = "关于印发广州市黄埔区广州开发区广州高新区进一步加强知识产权运用和保护促进办法实施细则的通知";
        assert_eq!(region_in_title(notice).as_deref(), Some("广州市黄埔区"));
        // An implementing rule (实施细则) is a document's title.
        assert!(is_title_shape("广州市黄埔区广州开发区广州高新区进一步加强知识产权运用和保护促进办法实施细则"));
    }

    #[test]
    fn a_prefecture_by_its_own_short_form() {
        // Bortala 2023: the title calls the unit 自治州, its document number 博州.
        assert_eq!(
            region_in_title("自治州贯彻落实《新疆维吾尔自治区人民政府国家知识产权局共建…实施方案》的工作方案"),
            None
        );
        assert_eq!(prefecture_of_doc_number("博州政发〔2023〕17号").as_deref(), Some("博尔塔拉蒙古自治州"));
        // Inner Mongolia 2021: a joint notice of two bureaus that call themselves 自治区…局, signed
        // with the region's name.
        let signed = |texts: &[&str]| -> Vec<Line> {
            texts.iter().enumerate().map(|(i, t)| Line { no: i as u32 + 1, text: t.to_string() }).collect()
        };
        let title = "自治区市场监管局知识产权局关于确定2021年第二批传统知识知识产权保护试点县的通知";
        let lines =
            signed(&["确定包头市固阳县为试点县。", "内蒙古自治区市场监督管理局   内蒙古自治区知识产权局", "20211127"]);
        assert_eq!(region_that_signs_its_kind(title, &lines).as_deref(), Some("内蒙古自治区"));
        assert_eq!(region_that_signs_its_kind("市场监管局关于确定试点县的通知", &lines), None);
        assert_eq!(prefecture_of_doc_number("克州政发〔2022〕5号").as_deref(), Some("克孜勒苏柯尔克孜自治州"));
        // 巴州 is also 巴中市巴州区: no guess.
        assert_eq!(prefecture_of_doc_number("巴州政办发〔2022〕5号"), None);
        // A city's own name (徐州) and numbers without 州 are no prefecture's.
        assert_eq!(prefecture_of_doc_number("徐政发〔2022〕1号"), None);
        assert_eq!(prefecture_of_doc_number("黔府办发〔2009〕26号"), None);
        let tasks = "一、主要任务\n1.开展专利导航。（州市场监管局负责）\n2.开展商标培育。（州市场监管局负责）\n";
        let front = "博州政发〔2023〕17号\n自治州贯彻落实《新疆维吾尔自治区知识产权强区实施方案》的工作方案\n";
        assert_eq!(title_and_region(&format!("{front}{tasks}")).1, "博尔塔拉蒙古自治州");
    }

    #[test]
    fn region_and_years_a_notice_prints() {
        let tasks = "一、主要任务\n1.开展专利导航。（市市场监管局负责）\n2.开展商标培育。（市市场监管局负责）\n";
        let read = |front: &str| title_and_region(&format!("{front}{tasks}"));
        assert_eq!(read("国家知识产权局关于印发《2024年知识产权工作要点》的通知\n2024年知识产权工作要点\n").1, "全国");
        assert_eq!(read("惠州市人民政府关于印发知识产权工作要点的通知\n知识产权工作要点\n").1, "惠州市");
        assert_eq!(read("各省、自治区、直辖市知识产权局：\n现将计划印发。\n知识产权工作要点\n").1, "全国");
        assert_eq!(read("国办发〔2016〕25号《国务院办公厅关于印发工作要点的通知》\n工作要点\n").1, "全国");
        assert_eq!(
            years_in_preamble("为贯彻落实…，明确2021—2022年度重点任务和工作措施，制定本计划。"),
            Some((Some(2021), Some(2022)))
        );
        assert_eq!(
            years_in_preamble("为…，明确2024年度重点任务和工作措施，制定本计划。"),
            Some((Some(2024), Some(2024)))
        );
        assert_eq!(years_in_preamble("2023年度全市专利授权量达到5000件。"), None);
        // The national 推进计划 2015 (a page that starts at its preamble): 明确2015年…, not the
        // years of the action plan it cites.
        let preamble = "按照《深入实施国家知识产权战略行动计划(2014—2020年)》部署,明确2015年战略实施重点任务和工作措施,制定本计划。";
        assert_eq!(years_in_preamble(preamble), Some((Some(2015), Some(2015))));
        assert_eq!(years_in_preamble("明确目标任务，制定本方案。"), None);
        // A title's years: what it plans, not the report it opens with; a range without its dash.
        assert_eq!(years_of("厦门市知识产权局2017年工作总结与2018年工作计划", None), (Some(2018), Some(2018)));
        assert_eq!(years_of("知识产权强省建设推进计划(20222023", None), (Some(2022), Some(2023)));
        assert_eq!(years_of("第12345678号工作要点", None), (None, None));
        // A plan for the work of a five-year period names it, whatever it is called.
        assert_eq!(years_of("某某省“十一五”期间培育认定驰名著名商标工作推进方案", None), (Some(2006), Some(2010)));
        assert_eq!(years_of("落实“十一五”规划纲要年度工作要点", None), (None, None));
        assert_eq!(years_of("衡水市“十四五”知识产权保护和运用实施方案", None), (Some(2021), Some(2025)));
        assert_eq!(span_to_year("力争通过3年建设,综合竞争力位居前列。到2025年,每万人拥有量达到40件"), Some((3, 2025)));
        assert_eq!(span_to_year("经过三年的努力,形成一批商标,至2010年建成"), Some((3, 2010)));
        assert_eq!(span_to_year("用3年时间,不断提高治理水平"), None);
        assert_eq!(span_to_year("通过5年以上的努力,到2035年"), None);
        assert_eq!(years_of("某区“十三五”知识产权发展行动计划", None), (Some(2016), Some(2020)));
        assert_eq!(years_of("知识产权强国建设纲要和“十四五”规划实施年度推进计划", None), (None, None));
        assert_eq!(years_of("“十四五”时期面临的形势", None), (None, None));
        assert_eq!(years_of("某市“十四五”知识产权专项资金管理办法", None), (None, None));
        // A year's work points opening with their year; a page with no title line names its plan.
        assert_eq!(year_opening("2018年是深化改革的关键之年。"), Some(2018));
        assert_eq!(
            year_the_notice_sends("各相关单位:为提高知识产权质量,现将2023年xx州知识产权工作任务和要点安排如下:"),
            Some(2023)
        );
        assert_eq!(year_the_notice_sends("现将《2021年知识产权工作要点》印发给你们"), Some(2021));
        assert_eq!(year_the_notice_sends("现将2021—2025年知识产权规划印发给你们"), None);
        assert_eq!(year_the_notice_sends("2023年工作要点如下"), None);
        assert_eq!(year_opening("2015年下半年，全国打击侵权假冒工作要…"), Some(2015));
        assert_eq!(year_opening("2021—2023年，全市…"), None);
        assert_eq!(
            title_the_preamble_makes(
                "为贯彻落实《知识产权强国建设纲要》，特编制《广州市知识产权保护和运用“十四五”规划》。"
            )
            .as_deref(),
            Some("广州市知识产权保护和运用“十四五”规划")
        );
        assert_eq!(title_the_preamble_makes("为贯彻落实《知识产权强国建设纲要》，结合实际，制定本方案。"), None);
        // Jilin 2020: a press conference on a document reports that document.
        assert_eq!(
            title_the_preamble_makes(
                "新闻发布会,就《关于推进知识产权强省建设的实施意见》(以下简称《实施意见》)相关情况进行发布。"
            )
            .as_deref(),
            Some("关于推进知识产权强省建设的实施意见")
        );
        // Liaoning 2021: a document the year's work will make is a task, not the text.
        assert_eq!(
            title_the_preamble_makes(
                "辽宁省将制定《辽宁省知识产权强省战略纲要》,力争年内出台《辽宁省知识产权保护条例》"
            ),
            None
        );
        // A name is read up to 60 characters, to its 》 or the line's end; the text around it
        // in bounded windows that cut at a character's boundary.
        let sixty = "规".repeat(58) + "方案";
        assert_eq!(name_opened_at(&format!("{sixty}》印发")), Some(sixty.as_str()));
        assert_eq!(name_opened_at(&sixty), Some(sixty.as_str()));
        assert_eq!(name_opened_at(&format!("{sixty}划》")), None);
        assert_eq!(at_most_last("制定方案", 7), "方案");
        assert_eq!(at_most_first("制定方案", 7), "制定");
        assert_eq!((at_most_first("", 5), at_most_last("ab", 5)), ("", "ab"));
        assert_eq!(
            title_the_preamble_makes(&format!("{}特编制《某某市知识产权规划》", "《".repeat(5000))).as_deref(),
            Some("某某市知识产权规划")
        );
        // One of the steps a report lists (Tibet 2025) is not the document it reports.
        let tibet = "在政策层面,制定发布了《西藏自治区促进专利转化运用10条措施》;在实施层面,已完成盘点工作。";
        assert_eq!(title_the_preamble_makes(tibet), None);
        // A national standard drafted under a 指引's name is work reported, not the document.
        assert_eq!(
            title_the_preamble_makes("会同人民银行研究制定《专利评估指引》国家标准，为评估提供方法指引。"),
            None
        );
        // A news lead reports the plan, its number and who issued it (Dongkou 2012, Yongren 2014,
        // Henan 2020); numbers the sentence only cites are not the plan's.
        let dongkou = "7月5日，湖南省洞口县人民政府以洞政发〔2012〕23号文件的形式，正式出台《洞口县知识产权战略实施意见》（以下简称《意见》）。";
        assert_eq!(title_the_preamble_makes(dongkou).as_deref(), Some("洞口县知识产权战略实施意见"));
        assert_eq!(
            number_the_report_gives(dongkou, "洞口县知识产权战略实施意见").as_deref(),
            Some("洞政发〔2012〕23号")
        );
        let yongren = "近日，中共永仁县委、永仁县人民政府贯彻省、州科技创新大会精神，出台《关于加快创新型永仁建设的实施意见》（永发〔2014〕8号文件）。";
        let name = title_the_preamble_makes(yongren).unwrap_or_default();
        assert_eq!(number_the_report_gives(yongren, &name).as_deref(), Some("永发〔2014〕8号"));
        assert_eq!(region_that_reports(yongren, &name).as_deref(), Some("永仁县"));
        // An explainer's headline names the document it sums up (national 2020 guideline digest).
        assert_eq!(
            summed_up("《推动知识产权高质量发展年度工作指引(2020)》要点").as_deref(),
            Some("推动知识产权高质量发展年度工作指引(2020)")
        );
        assert_eq!(summed_up("《某某市知识产权规划》责任分工方案"), None);
        assert_eq!(summed_up("《政府工作报告》要点"), None);
        // A lead that names the notice in full without guillemets (national 2013 news).
        let sent = "据新华社北京5月24日电中国政府网24日发布国务院办公厅关于印发2013年全国打击侵犯知识产权和制售假冒伪劣商品工作要点的通知。工作要点指出,…";
        assert_eq!(
            notice_the_lead_reports(sent),
            Some(("2013年全国打击侵犯知识产权和制售假冒伪劣商品工作要点".to_string(), Some("全国".to_string())))
        );
        let local = "日前，某某市政府网发布某某市人民政府办公室关于印发某某市知识产权工作要点的通知。";
        assert_eq!(notice_the_lead_reports(local).map(|(_, r)| r), Some(None));
        // A sentence that only cites such a notice, with no body that published it, names none.
        assert_eq!(notice_the_lead_reports("根据关于印发某某市知识产权工作要点的通知要求，现部署如下。"), None);
        // A lead that says the plan was passed by the body adopting it (Anhui 2024).
        let anhui = "近日,《安徽省贯彻落实〈专利转化运用专项行动方案(2023—2025年)〉重点举措》(以下简称《重点举措》)经安徽省政府常务会议审议通过并发布。";
        assert_eq!(
            title_the_preamble_makes(anhui).as_deref(),
            Some("安徽省贯彻落实〈专利转化运用专项行动方案(2023—2025年)〉重点举措")
        );
        assert!(issued_after_its_name("经市政府常务会议审议通过。"));
        assert!(!issued_after_its_name("经市政府审议通过的《某某方案》要求"));
        // A lead that names the notice only by its kind (national 2021 news).
        let lead = "国家知识产权局日前印发通知,决定开展知识产权服务业集聚发展区建设优化升级工作。";
        assert_eq!(region_of_the_lead_issuer(lead).as_deref(), Some("全国"));
        assert_eq!(region_of_the_lead_issuer("国家知识产权局日前印发通知要求,各地…"), None);
        let chaoyang = "第一个“1”代表的是于2020年10月16日对外印发的《北京市朝阳区知识产权运营服务体系建设实施方案(2020-2023年)》,该方案进一步明确了总体要求。";
        assert_eq!(
            title_the_preamble_makes(chaoyang).as_deref(),
            Some("北京市朝阳区知识产权运营服务体系建设实施方案(2020-2023年)")
        );
        let henan = "为加强地理标志运用促进工作，我省日前下发《河南省地理标志运用促进工程实施方案》，要求各地…";
        assert_eq!(title_the_preamble_makes(henan).as_deref(), Some("河南省地理标志运用促进工程实施方案"));
        let cited = "根据《国务院关于新形势下加快知识产权强国建设的若干意见》（国发〔2015〕71号），市政府印发《某某市知识产权实施方案》。";
        assert_eq!(number_the_report_gives(cited, "某某市知识产权实施方案"), None);
        // A lead that names the number and the short name in one bracket (Guizhou 2017).
        let guizhou = "12月11日上午,省科技厅(省知识产权局)就近期省人民政府印发《关于新形势下加快知识产权强省建设的实施意见》(黔府发〔2017〕31号,以下简称“强省意见”)召开新闻通气会。";
        let name = title_the_preamble_makes(guizhou).unwrap_or_default();
        assert_eq!(number_the_report_gives(guizhou, &name).as_deref(), Some("黔府发〔2017〕31号"));
        // A lead that names the plan by its issuer and says it was made public (a 2025 report);
        // a preamble citing what it carries out (为贯彻落实…印发的《纲要》) names none.
        let national = "5月7日,国家知识产权强国建设工作部际联席会议办公室近日印发的《2025年知识产权强国建设推进计划》在国家知识产权局网站公布,明确了七个方面100余项重点任务。";
        assert_eq!(title_the_preamble_makes(national).as_deref(), Some("2025年知识产权强国建设推进计划"));
        assert_eq!(region_that_reports(national, "2025年知识产权强国建设推进计划").as_deref(), Some("全国"));
        // A news page's lead naming the issuer short after the state body that approved it
        // (a 2024 report); a province's approval names no country.
        let approved = "日前,经国家知识产权强国建设工作部际联席会议同意,联席会议办公室印发《2024年知识产权强国建设推进计划》,明确了七个方面100余项重点任务和工作措施。";
        assert_eq!(region_that_reports(approved, "2024年知识产权强国建设推进计划").as_deref(), Some("全国"));
        let province = "日前,经省政府同意,省知识产权局印发《某某行动方案》。";
        assert_eq!(region_that_reports(province, "某某行动方案"), None);
        let cites = "为贯彻落实中共中央、国务院印发的《知识产权强国建设纲要(2021—2035年)》和国务院发布的《“十四五”国家知识产权保护和运用规划》,制定本计划。";
        assert_eq!(title_the_preamble_makes(cites), None);
        // … nor does a meeting's report of the documents it studied (沿滩区 2021).
        let studied = "会上,与会人员学习了讲话的主要内容,以及中共中央办公厅国务院办公厅印发《关于强化知识产权保护的意见》的通知等文件精神。";
        assert_eq!(title_the_preamble_makes(studied), None);
        assert!(!made_public("(以下简称《纲要》)和国务院印发的"));
        assert!(reports_a_document("洞口县出台知识产权战略实施意见"));
        assert!(!reports_a_document("关于印发某某县知识产权实施方案的通知"));
        assert!(!reports_a_document("") && !reports_a_document("上海市联合印发《某某实施意见》"));
        assert_eq!(
            named_in_headline("某某省市场监督管理局印发2020年某某省打击侵权假冒工作要点").as_deref(),
            Some("2020年某某省打击侵权假冒工作要点")
        );
        assert_eq!(named_in_headline("洞口县出台知识产权战略实施意见"), None);
        assert_eq!(named_in_headline("印发"), None);
        // A headline or lead naming the document before saying it was issued (a Traditional news
        // page of 2015: 近日,《加快推進…工作方案(試行)》公佈。); a later document's look back is not.
        assert_eq!(
            title_the_preamble_makes("《深圳市知识产权“十四五”规划》正式发布").as_deref(),
            Some("深圳市知识产权“十四五”规划")
        );
        assert_eq!(
            title_the_preamble_makes("近日，《广东省知识产权保护工作方案（试行）》公布。方案提出…").as_deref(),
            Some("广东省知识产权保护工作方案（试行）")
        );
        // … after the short name it then goes by (a city daily on Kunming's 2018 plan).
        let kunming =
            "记者近日从昆明市知识产权局获悉，《昆明市知识产权发展规划(2018-2020年)》(下称《发展规划》)已印发。";
        assert_eq!(title_the_preamble_makes(kunming).as_deref(), Some("昆明市知识产权发展规划(2018-2020年)"));
        assert_eq!(title_the_preamble_makes("《纲要》(以下简称《纲要》)印发以来，各地…"), None);
        assert_eq!(title_the_preamble_makes("《国家知识产权战略纲要》发布实施以来，我省…"), None);
        assert_eq!(title_the_preamble_makes("《纲要》印发后，各地…"), None);
        // A notice that sends no other document is the one a page reports; one that a clause
        // cites, or that sends another, is not.
        let reported = "近日,国家知识产权局印发了《国家知识产权局关于纵深推进专利转化运用专项行动加快形成长效机制的通知》(以下简称《通知》),现将《通知》有关内容解读如下。";
        assert_eq!(
            title_the_preamble_makes(reported).as_deref(),
            Some("国家知识产权局关于纵深推进专利转化运用专项行动加快形成长效机制的通知")
        );
        let cited = "根据国务院办公厅印发《关于进一步加强知识产权保护工作的通知》，制定本方案。";
        assert_eq!(title_the_preamble_makes(cited), None);
        let carried_out = "组委会办公室印发了《关于开展2023年全国知识产权宣传周活动的通知》。为落实《通知》要求，现就版权工作宣传事项通知如下。";
        assert_eq!(title_the_preamble_makes(carried_out), None);
        let sends = "市政府办公室印发《关于印发某市知识产权工作要点的通知》。";
        assert_eq!(title_the_preamble_makes(sends), None);
        // A leading group 印发实施《X》 makes X (Jiangsu 2024); 印发实施《X》以来 looks back.
        let jiangsu = "江苏省知识产权和商标战略实施工作领导小组印发实施《江苏省知识产权强省建设和“十四五”发展规划2024年度工作计划》(下称《年度计划》)。";
        assert_eq!(
            title_the_preamble_makes(jiangsu).as_deref(),
            Some("江苏省知识产权强省建设和“十四五”发展规划2024年度工作计划")
        );
        assert_eq!(
            title_the_preamble_makes(
                "自2023年10月,国务院办公厅印发实施《专利转化运用专项行动方案(2023—2025年)》以来,各地…"
            ),
            None
        );
        // 印发实施: issued to be carried out (a provincial site's news of a task division, 2019).
        let shared_out = "日前，《实施黑龙江省知识产权战略纲要任务分解》(以下简称《任务分解》)正式印发实施。";
        assert_eq!(title_the_preamble_makes(shared_out).as_deref(), Some("实施黑龙江省知识产权战略纲要任务分解"));
        // Its term is the outline's, printed with the outline's name.
        let outline = [Line {
            no: 1, text: "对《黑龙江省知识产权战略纲要(2010-2020)》目标和任务进行了分解".into()
        }];
        let years = years_of_its_master_plan("实施黑龙江省知识产权战略纲要任务分解", &outline, &[0]);
        assert_eq!(years, Some((Some(2010), Some(2020))));
        assert_eq!(years_of_its_master_plan("黑龙江省知识产权战略纲要实施方案", &outline, &[0]), None);
        // One of several documents issued in turn is no title (Pu'er 2017).
        let listed = "近几年,普洱市相继出台《普洱市人民政府关于贯彻国家知识产权战略的实施意见》、《普洱市专利申请奖励办法》等政策措施;";
        assert_eq!(title_the_preamble_makes(listed), None);
        // The Party centre and the State Council issue for the whole country (a news page of the
        // national 纲要 2021).
        let centre = "中共中央、国务院近日印发《知识产权强国建设纲要(2021-2035年)》，旨在统筹推进";
        assert_eq!(region_that_reports(centre, "知识产权强国建设纲要(2021-2035年)").as_deref(), Some("全国"));
        // A page explaining a policy names what was drafted (Taizhou 2023), not what it cites.
        let explained = "为贯彻落实《知识产权强国建设纲要》，市市场监督管理局起草了《泰州市知识产权强市建设纲要(2024-2035年)》(以下简称《纲要》)，特作如下解读：";
        assert_eq!(title_the_preamble_makes(explained).as_deref(), Some("泰州市知识产权强市建设纲要(2024-2035年)"));
        // A signature date printed with Latin O for 〇 is a date, not part of a title.
        assert!(is_date_line("二OO九年九月二十一日") && is_date_line("二〇〇九年九月二十一日"));
    }

    #[test]
    fn the_place_whose_outline_a_plan_follows() {
        let of = |text: &str| {
            let lines = crate::parse::lines::split_lines(text);
            let front: Vec<usize> = (0..lines.len()).collect();
            region_of_its_master_plan(&lines, &front)
        };
        let preamble = "根据《内蒙古自治区通辽市国民经济和社会发展第十四个五年规划和2035年远景目标纲要》，制定本规划。";
        assert_eq!(of(&format!("{preamble}\n全市知识产权事业发展取得了可喜成绩。\n")).as_deref(), Some("通辽市"));
        // A text that calls itself by another kind (a district following its city's outline).
        assert_eq!(of(&format!("{preamble}\n全区知识产权事业发展取得了可喜成绩。\n")), None);
        // An outline only cited, not followed by the sentence that makes the plan.
        assert_eq!(of("《通辽市国民经济和社会发展第十四个五年规划纲要》提出…。\n全市…\n"), None);
    }

    #[test]
    fn the_body_that_publishes_or_signs_at_the_end() {
        assert_eq!(region_of_publisher("发布机构：芜湖市市场监督管理局").as_deref(), Some("芜湖市"));
        assert_eq!(
            region_of_publisher("发布机构 | 芜湖市人民政府办公室 | 文号 | 芜政办〔2021〕12号 |").as_deref(),
            Some("芜湖市")
        );
        assert_eq!(region_of_publisher("发布机构: 生成日期: 2025-03-17"), None);
        assert_eq!(region_of_source("(来源:珠海市市场监督管理局)").as_deref(), Some("珠海市"));
        assert_eq!(region_of_source("来源：国家知识产权局 发布时间：2023-05-06"), None);
        assert_eq!(region_of_source("来源：中国知识产权报"), None);
        assert_eq!(region_of_source("来源: 省市场监管局(省知识产权局)"), None);
        let tail = |text: &str| region_that_signs_at_the_end(&crate::parse::lines::split_lines(text));
        let items = "（一）加强专利保护。开展执法行动。\n（二）推进专利运用。开展质押融资。\n\n";
        assert_eq!(tail(&format!("{items}芜湖市知识产权局\n2021年6月30日\n")).as_deref(), Some("芜湖市"));
        assert_eq!(
            tail(&format!("{items}芜湖市知识产权局  2021年6月30日\n（此件公开发布）\n")).as_deref(),
            Some("芜湖市")
        );
        assert_eq!(
            tail(&format!("{items}芜湖市知识产权局   芜湖市财政局\n2021年6月30日\n")).as_deref(),
            Some("芜湖市")
        );
        // No date under it: the last line of the text is no signature.
        assert_eq!(tail(&format!("{items}芜湖市知识产权局\n")), None);
        // The record slip under the signature is passed over (Yongjia 2020).
        let slip = "永嘉县市场监督管理局\n2020年8月31日\n抄送:温州市市场监督管理局,永嘉县人民政府。\n永永嘉县市场监督管理局办公室 2020年9月7日印发发\n";
        assert_eq!(tail(&format!("{items}{slip}")).as_deref(), Some("永嘉县"));
    }

    #[test]
    fn record_slip_lines() {
        assert!(is_record_slip("抄送：温州市市场监督管理局，永嘉县人民政府。"));
        assert!(is_record_slip("永嘉县市场监督管理局办公室 2020年9月7日印发"));
        assert!(is_record_slip("永永嘉县市场监督管理局办公室 2020年9月7日印发发"));
        assert!(is_record_slip("2020年9月7日印发"));
        // A notice's name that is issued, and a sentence that reports a date of issue, are none.
        assert!(!is_record_slip("关于印发"));
        assert!(!is_record_slip("《实施方案》已于2020年9月7日印发。"));
    }

    #[test]
    fn a_notice_name_run_over_lines_is_the_title() {
        let text = "关于同意成立永嘉瓯北品牌指导服务站、\n永嘉教玩具品牌指导服务站的通知\n各分局:\n同意设立两个品牌指导服务站。\n永嘉县市场监督管理局\n2020年8月31日\n";
        let d = parsed_as(text, crate::model::Level::District, crate::model::Kind::WorkPoints).dataset;
        assert_eq!(d.plans[0].title, "关于同意成立永嘉瓯北品牌指导服务站、永嘉教玩具品牌指导服务站的通知");
        assert_eq!(d.plans[0].region, "永嘉县");
    }

    #[test]
    fn a_notice_sending_a_document_made_for_another_names_both() {
        let text = "关于印发《关于加强某项工作的实施意见》责任分工和推进计划的通知\n沪知局保〔2022〕18号\n各区知识产权局:\n一、推进体系建设\n1.优化网点布局。(保护处牵头,各区知识产权局分工负责;持续推进)\n";
        let d = parsed_as(text, crate::model::Level::Province, crate::model::Kind::ActionPlan).dataset;
        assert_eq!(d.plans[0].title, "《关于加强某项工作的实施意见》责任分工和推进计划");
        let plain = "关于印发《某市知识产权行动方案》的通知\n各区:\n一、任务\n1.优化网点布局。\n";
        let d = parsed_as(plain, crate::model::Level::City, crate::model::Kind::ActionPlan).dataset;
        assert_eq!(d.plans[0].title, "某市知识产权行动方案");
    }

    #[test]
    fn paragraphs_a_page_ran_together_with_spaces() {
        // Ji'an 2023 on a policy aggregator: notice, title, preamble and chapters on one line.
        let text = "各县(市、区)人民政府,市直各单位: 现将《某某市知识产权强市建设行动方案(2023—2035年)》印发给你们,请认真贯彻执行。 2023年10月10日 (此件主动公开) 某某市知识产权强市建设行动方案(2023—2035年) 为加快推进我市知识产权强市建设,结合实际,制定本行动方案。 一、指导思想 坚持以习近平新时代中国特色社会主义思想为指导,打通知识产权创造、运用、保护、管理和服务全链条。 二、工作目标 到2025年,每万人有效发明专利拥有量达到10件;有效注册商标总量达到9万件。";
        let split = |t: &str| -> Vec<String> {
            split_glued_lines(&[Line { no: 1, text: t.into() }]).into_iter().map(|l| l.text).collect()
        };
        let pieces = split(text);
        assert_eq!(pieces.len(), 5);
        assert_eq!((pieces[1].as_str(), pieces[3].as_str()), ("一、指导思想", "二、工作目标"));
        assert!(pieces[2].starts_with("坚持以") && pieces[4].starts_with("到2025年"));
        // Nansha 2023: points a space apart after the line's own number, each heading a space
        // before its text.
        let points = "1、鼓励知识产权高质量创造 ①对获得中国专利奖的项目,按级别给予10万元-100万元奖励;对获得集成电路布图设计登记证书的,给予每件3000元奖励。 ②对获评国家知识产权示范企业的,给予50万元奖励。 2、加强知识产权金融赋能 支持中小微企业开展知识产权质押融资,按实际贷款利息的50%给予最高100万元贴息。";
        let pieces = split(points);
        assert_eq!(pieces.len(), 4, "{pieces:?}");
        assert_eq!(pieces[0], "1、鼓励知识产权高质量创造");
        assert!(pieces[1].starts_with("①对获得") && pieces[1].ends_with("给予50万元奖励。"));
        assert_eq!(pieces[2], "2、加强知识产权金融赋能");
        assert!(pieces[3].starts_with("支持中小微企业"));
        // With no space before them, numbers inside one paragraph leave it whole.
        assert_eq!(split(&text.replace(" 一、", "一、").replace(" 二、", "二、")).len(), 1);
        // Zhejiang 2025: the numbers of a notice's attachment list name documents, not tasks.
        let attached = "成员单位: 为推进知识产权强省建设,我办制定了两个实施方案,现予以印发,请抓好贯彻落实。 附件:1.关于建立知识产权服务专员机制 助力创新浙江建设的实施方案 2.关于建立知识产权特派员机制 助力知识产权事业高质量发展的实施方案 某某省知识产权局 2025年3月20日 附件1 关于建立知识产权服务专员机制的实施方案 一、总体要求 建立知识产权服务专员机制,是提升创新主体能级的重要抓手。";
        assert_eq!(split(attached).len(), 1, "{:?}", split(attached));
    }

    #[test]
    fn headings_run_into_their_text() {
        let split = |t: &str| -> Vec<String> {
            split_run_in_headings(&[Line { no: 1, text: t.into() }]).into_iter().map(|l| l.text).collect()
        };
        assert_eq!(
            split("二、主要目标到2015年，全市商标能力全面增强。"),
            ["二、主要目标", "到2015年，全市商标能力全面增强。"]
        );
        assert_eq!(split("（一）指导思想深入贯彻科学发展观，创建品牌强市。").len(), 2);
        for whole in [
            "一、指导思想是深入贯彻科学发展观，创建品牌强市。",
            "二、主要目标任务",
            "一、指导思想。深入贯彻科学发展观。",
            "1.工作目标到2025年全面增强能力。",
        ] {
            assert_eq!(split(whole), [whole], "{whole}");
        }
    }

    #[test]
    fn box_titles() {
        assert_eq!(box_title("专栏1 高价值专利培育工程").as_deref(), Some("高价值专利培育工程"));
        assert_eq!(box_title("专栏三：知识产权保护工程").as_deref(), Some("知识产权保护工程"));
        assert_eq!(box_title("专栏建设要加强。"), None);
        assert_eq!(box_title("专栏1"), None);
    }

    #[test]
    fn the_province_a_text_speaks_as() {
        let lines = |ts: &[&str]| ts.iter().map(|t| Line { no: 1, text: t.to_string() }).collect::<Vec<_>>();
        let notice = lines(&["各股份制银行郑州分行，河南省联社：", "促进我省银行保险机构加大对知识产权运用的支持力度"]);
        assert_eq!(province_the_text_calls_itself(&notice, '省').as_deref(), Some("河南省"));
        let report = lines(&["江苏省知识产权局牵头组织开展调研，在全省范围以高新技术企业为重点"]);
        assert_eq!(province_the_text_calls_itself(&report, '省').as_deref(), Some("江苏省"));
        // A city's text may rank itself in its province (走在全省前列): no province's.
        assert_eq!(province_the_text_calls_itself(&lines(&["我市专利授权量走在江苏省全省前列"]), '省'), None);
        // Two provinces named, or a province named without the text speaking as one: no place.
        assert_eq!(province_the_text_calls_itself(&lines(&["我省学习浙江省、江苏省的经验"]), '省'), None);
        assert_eq!(province_the_text_calls_itself(&lines(&["江苏省知识产权局召开会议"]), '省'), None);
        // Guizhou 2024: a department's scheme naming no province in full, carrying out its own
        // government's opinion by number; a city's number or another body's cites no province.
        let own = "为贯彻落实《省人民政府办公厅关于突出贵州民族文化特色大力打造“贵系列”品牌的实施意见》(黔府办函〔2023〕55号),推动全省经济社会高质量发展,制定本方案。";
        assert_eq!(province_the_text_calls_itself(&lines(&[own]), '省').as_deref(), Some("贵州省"));
        let national = "为贯彻落实《国务院关于…的意见》(国发〔2021〕1号),推动全省发展。";
        assert_eq!(province_the_text_calls_itself(&lines(&[national]), '省'), None);
        let capital = "根据《省人民政府关于…的意见》(京政发〔2021〕1号),全省…";
        assert_eq!(province_the_text_calls_itself(&lines(&[capital]), '省'), None);
        // A province acting by its short name alone (Hebei 2024); a paper's name is no place acting.
        let acting = "5月31日,河北组织召开全省知识产权保护联席会议。";
        assert_eq!(province_the_text_calls_itself(&lines(&[acting]), '省').as_deref(), Some("河北省"));
        let paper = "中国甘肃网3月9日讯 据甘肃日报报道,高台县为我省唯一入选县。";
        assert_eq!(province_the_text_calls_itself(&lines(&[paper]), '省'), None);
        // An autonomous region likewise, calling itself 全区 (Ningxia 2025).
        let region = ["2月22日,宁夏召开全区知识产权工作会议。", "全面落实自治区第十三次党代会精神。"];
        assert_eq!(province_the_text_calls_itself(&lines(&region), '区').as_deref(), Some("宁夏回族自治区"));
        assert_eq!(province_the_text_calls_itself(&lines(&["2月22日,宁夏召开全市会议。自治区"]), '区'), None);
        // An autonomous prefecture by the short form its own texts use (Diqing 2024).
        let prefecture = ["4月23日,2024年迪庆州知识产权宣传周启动仪式举行。", "我州各相关部门将…"];
        assert_eq!(unit_the_text_calls_itself(&lines(&prefecture)).as_deref(), Some("迪庆藏族自治州"));
        assert_eq!(unit_the_text_calls_itself(&lines(&["我州在徐州召开会议。"])), None);
        // A city or district that ranks itself within its province still speaks as itself
        // (Leshan 2024, Guandu 2022); one that also speaks as the province does not.
        let ranked = ["乐山市启动宣传周。", "我市知识产权保护社会满意度居全省第三,在全省率先探索。"];
        assert_eq!(unit_the_text_calls_itself(&lines(&ranked)).as_deref(), Some("乐山市"));
        let district = ["官渡区市场监管局会签《意见》。", "官渡区位列全省前列,全区专利授权总量5479件。"];
        assert_eq!(unit_the_text_calls_itself(&lines(&district)).as_deref(), Some("官渡区"));
        let both = ["乐山市启动宣传周。", "我市居全省第三,全省各地开展活动。"];
        assert_eq!(unit_the_text_calls_itself(&lines(&both)), None);
        // Its capital, where its meetings sit, when it names no province (Heilongjiang 2019); two
        // provinces' capitals give none.
        let meeting = "2月22日,2019年全省知识产权局局长会议在哈尔滨市召开。这是我省…";
        assert_eq!(province_the_text_calls_itself(&lines(&[meeting]), '省').as_deref(), Some("黑龙江省"));
        let two = "全省代表赴杭州市、南京市学习。";
        assert_eq!(province_the_text_calls_itself(&lines(&[two]), '省'), None);
    }

    #[test]
    fn provinces_by_the_character_of_their_numbers() {
        let lines = |t: &str| vec![Line { no: 1, text: t.to_string() }];
        let province = lines("会上介绍了我省贯彻落实…的有关精神。");
        assert_eq!(province_of_doc_number("黔府发〔2017〕31号", &province).as_deref(), Some("贵州省"));
        assert_eq!(province_of_doc_number("苏政办发〔2020〕5号", &province).as_deref(), Some("江苏省"));
        // 宁政发 is also Nanjing's: a province's only where the text calls itself one.
        assert_eq!(province_of_doc_number("宁政发〔2020〕5号", &lines("我市…")), None);
        assert_eq!(province_of_doc_number("沪府发〔2020〕5号", &lines("本市…")).as_deref(), Some("上海市"));
        // A bureau's own numbers (黔知发) are not the government's.
        assert_eq!(province_of_doc_number("黔知发〔2020〕5号", &province), None);
        // Gansu 2018: a provincial notice addressed to the cities under it, not saying 我省.
        let to_cities = lines("各市、自治州人民政府,兰州新区管委会,省政府有关部门:");
        assert_eq!(province_of_doc_number("甘政办发〔2018〕43号", &to_cities).as_deref(), Some("甘肃省"));
        assert_eq!(province_of_doc_number("宁政发〔2020〕5号", &lines("各区人民政府,市直各单位:")), None);
        assert_eq!(province_of_doc_number("宁政发〔2020〕5号", &lines("各市直单位:")), None);
    }

    #[test]
    fn bare_bullets() {
        assert!(is_bare_bullet("-") && is_bare_bullet(" • "));
        assert!(!is_bare_bullet("- 来源") && !is_bare_bullet("——") && !is_bare_bullet(""));
    }

    #[test]
    fn places_of_the_bodies_headlines_name() {
        let head = region_of_the_headline_body("濮阳市市场监管局召开2022年度市场监管工作务虚会");
        assert_eq!(head.as_deref(), Some("濮阳市"));
        assert_eq!(region_of_the_headline_body("市场监管局召开2022年度工作会议"), None);
        assert_eq!(region_of_the_headline_body("濮阳市召开2022年度工作会议，部署全年工作"), None);
        // A place as the headline's subject, where the gazetteer knows it.
        let place = region_of_the_headline_body("芦溪县召开创建国家知识产权强县建设试点县工作推进会");
        assert_eq!(place.as_deref(), Some("芦溪县"));
        assert_eq!(region_of_the_headline_body("某某县召开工作会议"), None);
        assert_eq!(region_of_the_headline_body("滑县召开迎接知识产权强县建设工作会").as_deref(), Some("滑县"));
        let explainer = "重庆市铜梁区市场监督管理局关于《重庆市铜梁区知识产权保护联席会议制度》的政策解读";
        assert_eq!(region_of_the_headline_body(explainer).as_deref(), Some("重庆市铜梁区"));
    }

    #[test]
    fn the_place_a_report_says_was_selected() {
        // Hangzhou 2022, Sanya 2026, Haikou 2022: one place as the subject of 入选.
        let hangzhou = ",杭州市成功入选国家知识产权强市建设示范城市名单";
        assert_eq!(place_selected(hangzhou).as_deref(), Some("杭州市"));
        assert_eq!(place_selected("海口入选国家知识产权强市建设试点城市").as_deref(), Some("海口市"));
        let sanya = "近日,国家知识产权局印发通知,三亚崖州湾科技城高新区入选示范园区创建对象";
        assert_eq!(place_selected(sanya).as_deref(), Some("三亚崖州湾科技城高新区"));
        // A list, a firm, the text's own place by a pronoun: none.
        assert_eq!(place_selected("海口等72个城市(城区)入选试点城市"), None);
        assert_eq!(place_selected("湖南省株洲市入选国家知识产权强市建设试点城市名单").as_deref(), Some("株洲市"));
        assert_eq!(place_selected("我市3家企业入选示范企业名单"), None);
        assert_eq!(place_selected("我市成功入选示范城市"), None);
        // The notice is then not the title: the report is the place's news.
        let lead = "8月11日,国家知识产权局网站发布《国家知识产权局关于确定国家知识产权强市建设试点示范城市的通知》,杭州市成功入选示范城市名单。";
        assert_eq!(title_the_preamble_makes(lead), None);
        let issued = "8月11日,国家知识产权局发布《国家知识产权局关于确定国家知识产权强市建设试点示范城市的通知》,确定38个城市为示范城市。";
        assert!(title_the_preamble_makes(issued).is_some());
    }

    #[test]
    fn the_place_of_a_local_papers_dateline() {
        let read = |text: &str, provinces: bool| {
            let lines: Vec<Line> =
                text.lines().enumerate().map(|(k, t)| Line { no: k as u32 + 1, text: t.to_string() }).collect();
            place_of_the_local_paper(&lines, &[0], provinces)
        };
        // Ningbo 2012: the city paper speaks as 我市.
        let ningbo = "中国宁波网讯 前日,全省知识产权工作例会在宁波召开。\n今年以来,我市专利申请量继续增长。";
        assert_eq!(read(ningbo, false).as_deref(), Some("宁波市"));
        assert_eq!(read(ningbo, true), None);
        // Not speaking as the paper's place: none.
        assert_eq!(read("中国宁波网讯 前日,全省知识产权工作例会召开。", false), None);
        // Jiangsu 2023: a province's paper after the site's brand, speaking of 全省.
        let jiangsu =
            "新江苏·中国江苏网讯 (记者 蔡姝雯)6月13日,动员部署会在南京召开。\n辐射带动全省知识产权保护水平整体提升。";
        assert_eq!(read(jiangsu, true).as_deref(), Some("江苏省"));
        assert_eq!(read(jiangsu, false), None);
    }

    #[test]
    fn the_one_unit_whose_bodies_act_in_a_news_page() {
        let read = |text: &str| {
            let lines: Vec<Line> =
                text.lines().enumerate().map(|(k, t)| Line { no: k as u32 + 1, text: t.to_string() }).collect();
            unit_whose_bodies_act(&lines)
        };
        // Langfang 2019: the city named with its province, its party secretary speaking.
        let langfang = "河北首个“全国版权示范城市”在廊坊授牌\n记者获悉,河北省廊坊市被授予称号。\n廊坊市委书记冯韶慧说,廊坊市进一步完善了版权保护体系。";
        assert_eq!(read(langfang).as_deref(), Some("廊坊市"));
        // Jinxiang 2024: the county's bureau acting.
        let jinxiang = "在金乡县委、县政府的坚强领导下,金乡县市场监督管理局高度重视。";
        assert_eq!(read(jinxiang).as_deref(), Some("金乡县"));
        // Two units named, a unit named once, or never as a body's place: no place.
        assert_eq!(read("廊坊市委书记说,廊坊市与保定市合作。"), None);
        assert_eq!(read("金乡县市场监督管理局召开会议。"), None);
        assert_eq!(read("廊坊市获评示范城市,廊坊市将继续努力。"), None);
        // Tianjin 2021: the city's bureau, named without its place, serves a district.
        assert_eq!(read("7月27日,市知识产权局前往东丽区,与东丽区知识产权局座谈。"), None);
        // Haikou 2022: the headline opens with the city's short name, the report names it in full.
        let haikou = "第1页\n海口入选国家知识产权强市建设试点城市\n海口等72个城市入选。\n下一步,海口市将优化方案。同时,海口市将试点工作纳入议程。";
        assert_eq!(read(haikou).as_deref(), Some("海口市"));
        assert_eq!(read("入选国家知识产权强市建设试点城市\n海口市将优化方案。海口市将纳入议程。"), None);
        // Qiongzhong 2022: an autonomous county printed as its place and 县.
        let qiongzhong = "琼中县市场监督管理局联合琼中县委宣传部举办宣传周活动。";
        assert_eq!(read(qiongzhong).as_deref(), Some("琼中黎族苗族自治县"));
        assert_eq!(read("中县市场监督管理局联合中县委宣传部举办活动。"), None);
        // Tibet 2025: no unit below a province named; the province's bureau speaks.
        let tibet = "西藏自治区2025年新闻发布会25日在拉萨召开。\n西藏自治区市场监管局副局长聂大可介绍,西藏采取了措施。";
        assert_eq!(read(tibet).as_deref(), Some("西藏自治区"));
        // A city named as well: the province is not the news's place.
        assert_eq!(read(&format!("{tibet}\n拉萨市市场监管局参加。")), None);
    }

    #[test]
    fn a_dashed_point_is_titled_without_its_dash() {
        // Shandong 2021: ——完善知识产权法规政策。修订…
        let mut m = MeasureDraft {
            text: Some("——完善知识产权法规政策。修订省专利奖励办法。".into()),
            ..Default::default()
        };
        split_title(&mut m);
        assert_eq!(m.title.as_deref(), Some("完善知识产权法规政策"));
        assert_eq!(m.text.as_deref(), Some("修订省专利奖励办法。"));
        // State Council 2016 on a reposting site: a mark doubled before the stop.
        let mut m = MeasureDraft {
            text: Some("加強互聯網領域侵權假冒治理,。打擊網上銷售假冒偽劣商品,。".into()),
            ..Default::default()
        };
        split_title(&mut m);
        assert_eq!(m.title.as_deref(), Some("加強互聯網領域侵權假冒治理"));
    }

    /// The lines [`split_run_on_points`] makes of one paragraph.
    fn run_on_points(t: &str) -> Option<Vec<String>> {
        split_run_on_points(&[Line { no: 1, text: t.into() }], &[0]).map(|l| l.into_iter().map(|l| l.text).collect())
    }

    #[test]
    fn points_after_a_lead_in_that_names_work() {
        assert_eq!(
            run_on_points("他指出,具体做好如下三项工作:一是实施商标战略;二是加强保护;三是做好顶层设计。"),
            Some(vec![
                "他指出,具体做好如下三项工作:".to_string(),
                "一是实施商标战略;".to_string(),
                "二是加强保护;".to_string(),
                "三是做好顶层设计。".to_string()
            ])
        );
        // A report that counts the plan's contents (Guangdong 2021).
        assert_eq!(
            run_on_points("重点包括以下三项内容:一是坚持战略引领;二是强化保护意识;三是优化公共服务。").map(|l| l.len()),
            Some(4)
        );
        // Requirements a speech sets (Huangshi 2024), or a document's features, are no tasks.
        assert_eq!(run_on_points("就做好考核迎检工作提出三点要求:一是统一思想;二是开拓创新。"), None);
        assert_eq!(
            run_on_points("此次意见有几个突出特点。一是层次高:文件由省政府印发。二是措施实:重在解决问题。"),
            None
        );
        // A report that names the tasks and runs on after a comma or a full stop (Qinghai 2024).
        assert_eq!(
            run_on_points("《方案》明确了两项重点任务,一是全面盘点,构建基础库。二是市场评价,完善资源库。"),
            Some(vec![
                "《方案》明确了两项重点任务,".to_string(),
                "一是全面盘点,构建基础库。".to_string(),
                "二是市场评价,完善资源库。".to_string()
            ])
        );
        assert_eq!(run_on_points("会议部署了下一步工作。一是强化统筹;二是健全机制。").map(|l| l.len()), Some(3));
        assert_eq!(run_on_points("会议听取了汇报,一是进展顺利;二是成效明显。"), None);
        // Points run on with commas, cut only where the lead-in counts as many (Shandong 2014).
        assert_eq!(
            run_on_points(
                "专项行动确定以下四项重点任务:一是保护数字版权,二是规范网络转载,三是支持依法维权,四是严惩侵权盗版。"
            )
            .map(|l| l.len()),
            Some(5)
        );
        assert_eq!(run_on_points("确定以下三项重点任务:一是保护数字版权,二是规范网络转载。"), None);
        assert_eq!(run_on_points("做好以下工作:一是加强保护,二是强化运用。"), None);
        assert_eq!(count_announced("确定以下四项重点任务"), Some(4));
        assert_eq!(count_announced("提出12项措施"), Some(12));
        assert_eq!(count_announced("共十四项任务"), Some(14));
        assert_eq!(count_announced("二十四项任务"), None);
        assert_eq!(count_announced("重点任务"), None);
        // A campaign's fields to clean up (剑网2023): points run on after full stops.
        assert_eq!(
            run_on_points(
                "专项行动将聚焦3个主要方面开展重点整治:一是以体育赛事为重点,强化整治。二是以网络视频为重点,强化保护。"
            )
            .map(|l| l.len()),
            Some(3)
        );
    }

    #[test]
    fn bracketed_points_run_on_after_a_lead_in() {
        assert_eq!(
            run_on_points("资助的范围和标准如下：（一）国内发明专利资助：每件资助5000元；（二）维持满6年的，每件资助1000元；(三)国外授权的，每件资助最高3万元。"),
            Some(vec![
                "资助的范围和标准如下：".to_string(),
                "（一）国内发明专利资助：每件资助5000元；".to_string(),
                "（二）维持满6年的，每件资助1000元；".to_string(),
                "(三)国外授权的，每件资助最高3万元。".to_string()
            ])
        );
        // A clause naming its parts (本办法所称知识产权包括：（一）…) lists no work; one point alone
        // is no run of points.
        assert_eq!(run_on_points("本办法所称知识产权包括：（一）专利权；（二）商标专用权。"), None);
        assert_eq!(run_on_points("资助标准如下：（一）发明专利每件资助5000元。"), None);
    }

    #[test]
    fn years() {
        assert_eq!(years_of("汕头市知识产权事业发展“十三五”规划", None), (Some(2016), Some(2020)));
        assert_eq!(years_of("2016年实施广东省知识产权战略纲要工作要点", None), (Some(2016), Some(2016)));
        assert_eq!(years_of("行动方案", Some("粤知〔2018〕153号")), (None, None));
    }

    #[test]
    fn a_title_field_gives_the_title_without_its_label() {
        assert_eq!(without_title_label("文章标题:黑龙江省知识产权强省建设纲要"), "黑龙江省知识产权强省建设纲要");
        assert_eq!(without_title_label("标题：某市规划"), "某市规划");
        assert_eq!(without_title_label("某市标题规划"), "某市标题规划");
    }

    #[test]
    fn contents_without_their_heading_are_no_items() {
        let text = "某某市知识产权发展“十四五”规划\n一、发展基础.......1\n(一)发展基础.........1\n\
                    二、主要任务.......9\n(一)提升创造质量.....9\n";
        let lines = crate::parse::lines::split_lines(text);
        let mut status = vec![None; lines.len()];
        let (first, entries) = unheaded_contents(&lines, &mut status).unwrap();
        assert_eq!((first, entries.len()), (1, 4));
        let plain = crate::parse::lines::split_lines("一、任务\n加强保护。\n二、保障\n");
        let mut status = vec![None; plain.len()];
        assert!(unheaded_contents(&plain, &mut status).is_none());
    }
}
