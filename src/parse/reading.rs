//! The copy of a document that the readers read: Simplified script for Traditional, ASCII digits
//! for full-width ones (`２０１８年`, `１．`), one character for each printed one. Rules then need
//! one form (a year, an item's number, a value, `國家` as `国家`); the records are cut back from the
//! text as printed ([`AsPrinted`]), so they cite the document as it is.

use super::lines::{normalise, Line};
use super::DocumentDraft;

/// The reading copy of `text`, or None when it would be the text itself (`ascii_numbers`; a
/// document in Traditional script, at least 2% of its Chinese characters and five changing, read in
/// Simplified). A stray variant in a Simplified text (硏) is left as printed.
pub fn reading_copy(text: &str) -> Option<String> {
    let zeros: Vec<char> = YEAR_NUMERALS.chars().take(ZEROS).collect();
    let numbers =
        text.contains(|c| is_full_width_digit(c) || zeros.contains(&c) || c == '。').then(|| ascii_numbers(text));
    let numbers = numbers.filter(|n| n != text);
    let folded = numbers.as_deref().unwrap_or(text);
    let converted = fast2s::convert(folded);
    match in_traditional(folded, &converted) {
        true => Some(converted),
        false => numbers,
    }
}

/// Whether `converted` (one character for one) changed enough of `text`'s Chinese characters for
/// `text` to be in Traditional script: at least 2% of them, and five.
fn in_traditional(text: &str, converted: &str) -> bool {
    let (mut han, mut changed) = (0usize, 0usize);
    for (x, y) in text.chars().zip(converted.chars()) {
        if ('\u{4e00}'..='\u{9fff}').contains(&x) {
            han += 1;
            changed += usize::from(x != y);
        }
    }
    changed >= 5 && changed * 50 >= han
}

fn is_full_width_digit(c: char) -> bool {
    ('０'..='９').contains(&c)
}

/// The digits Chinese numerals write a year with (二〇二三年, 二零二三年), zero first in each form
/// printed for it (〇, ○, a Latin or Cyrillic O: 二○○七年, 二OO九年).
const YEAR_NUMERALS: &str = "〇○OОo零一二三四五六七八九";
/// How many forms of zero open [`YEAR_NUMERALS`].
const ZEROS: usize = 6;

/// `text` with numbers in ASCII digits, character for character: full-width digits, a `．` between
/// two digits (`５．２`), and a year in Chinese numerals (二〇二三年 as 2023年, as titles and
/// signatures print it).
fn ascii_numbers(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let digit = |k: usize| chars.get(k).is_some_and(|&c| c.is_ascii_digit() || is_full_width_digit(c));
    let numeral = |k: usize| chars.get(k).is_some_and(|&c| YEAR_NUMERALS.contains(c));
    let mut out = String::with_capacity(text.len());
    let mut year_left = 0usize; // numerals of a year still to write as digits
    for (k, &c) in chars.iter().enumerate() {
        let starts_year = year_left == 0
            && matches!(c, '一' | '二')
            && !k.checked_sub(1).is_some_and(numeral)
            && (k..k + 4).all(numeral)
            && chars.get(k + 4) == Some(&'年');
        if starts_year {
            year_left = 4;
        }
        let read = match c {
            '０'..='９' => char::from_u32(u32::from(c) - u32::from('０') + u32::from('0')).unwrap_or(c),
            '．' if k.checked_sub(1).is_some_and(digit) && digit(k + 1) => '.',
            '。' if decimal_stop(&chars, k) => '.',
            _ if year_left > 0 => {
                let value = YEAR_NUMERALS.chars().position(|n| n == c).map_or(0, |p| (p + 1).saturating_sub(ZEROS));
                char::from_digit(value as u32, 10).unwrap_or(c)
            }
            _ => c,
        };
        year_left = year_left.saturating_sub(1);
        out.push(read);
    }
    out
}

/// Whether the `。` at `k` stands for a decimal point, as a page's encoding turns one (`转让数量达到
/// 2。5万件`): a digit before it, one or two after, then a unit's character, not a date's (a
/// sentence ending on a count, `达到50家。2024年`, `…12项。3月底前`, goes on otherwise).
fn decimal_stop(chars: &[char], k: usize) -> bool {
    let digit = |c: &char| c.is_ascii_digit() || is_full_width_digit(*c);
    let after = chars.get(k + 1..).unwrap_or_default();
    let n = after.iter().take_while(|c| digit(c)).count();
    let unit = after.get(n).is_some_and(|&c| {
        let han = ('\u{4e00}'..='\u{9fff}').contains(&c) && !"年月日号时".contains(c);
        han || c == '%' || c == '％'
    });
    k.checked_sub(1).and_then(|j| chars.get(j)).is_some_and(digit) && (1..=2).contains(&n) && unit
}

/// Pieces a text read from the converted lines may be found in ([`AsPrinted::find`]).
const MAX_PIECES: usize = 64;

/// Maps text read from the reading copy back to the characters as printed. The copy keeps one
/// character for one, so a string's place in the copy is its place in the printed text.
pub struct AsPrinted {
    /// The converted text, whitespace removed, and the printed characters at the same places.
    converted: String,
    printed: Vec<char>,
    /// Per line (in order): its number and where it starts in `converted` (bytes) and `printed`.
    starts: Vec<(u32, usize, usize)>,
    cache: std::collections::HashMap<String, String>,
}

impl AsPrinted {
    pub fn new(printed_lines: &[Line], converted_lines: &[Line]) -> AsPrinted {
        let (mut converted, mut printed, mut starts) = (String::new(), Vec::new(), Vec::new());
        for (p, c) in printed_lines.iter().zip(converted_lines) {
            starts.push((p.no, converted.len(), printed.len()));
            let (read, shown) = (normalise(&c.text), normalise(&p.text));
            // Spaces between two numbers are kept, and only ASCII digits are numbers: a line whose
            // spaces went otherwise (`５ ６`) is cited as read, not shifted by a character.
            match read.chars().count() == shown.chars().count() {
                true => printed.extend(shown.chars()),
                false => printed.extend(read.chars()),
            }
            converted.push_str(&read);
        }
        AsPrinted { converted, printed, starts, cache: Default::default() }
    }

    /// `s` as printed, looked for in lines `within` (then in the whole text); unchanged if absent.
    fn printed(&mut self, s: &str, within: Option<[u32; 2]>) -> String {
        if s.is_empty() {
            return String::new();
        }
        if let Some([a, b]) = within {
            if let Some(found) = self.find(s, a, b) {
                return found;
            }
        }
        if let Some(found) = self.cache.get(s) {
            return found.clone();
        }
        let found = self.find(s, 0, u32::MAX).unwrap_or_else(|| s.to_string());
        self.cache.insert(s.to_string(), found.clone());
        found
    }

    /// `s` as printed in lines `first..=last`. A text joined from lines that are not all
    /// neighbours (a passage without the title line inside it, a measure across a page number) is
    /// found piece by piece: each time the longest start of what is left, from where the last
    /// piece ended.
    fn find(&self, s: &str, first: u32, last: u32) -> Option<String> {
        let from = self.starts.partition_point(|l| l.0 < first);
        let to = self.starts.partition_point(|l| l.0 <= last);
        let (byte_from, char_from) = self.starts.get(from).map(|l| (l.1, l.2))?;
        let byte_to = self.starts.get(to).map(|l| l.1).unwrap_or(self.converted.len());
        let span = self.converted.get(byte_from..byte_to)?;
        let mut out = String::with_capacity(s.len());
        let (mut rest, mut at, mut chars_before) = (s, 0, char_from);
        // A text is a few lines: past this many pieces it is no copy of them (and the search
        // would grow with the text's length times the document's).
        for _ in 0..MAX_PIECES {
            if rest.is_empty() {
                return Some(out);
            }
            let ends: Vec<usize> = rest.char_indices().map(|(i, c)| i + c.len_utf8()).collect();
            // The longest start of `rest` found after `at` (any shorter start is found too).
            let found = |n: usize| span.get(at..).and_then(|tail| tail.find(rest.get(..ends[n - 1])?));
            let (mut lo, mut hi) = (0, ends.len());
            while lo < hi {
                let mid = (lo + hi).div_ceil(2);
                if found(mid).is_some() {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            let piece = ends.get(lo.checked_sub(1)?)?;
            let offset = found(lo)?;
            let start = chars_before + span.get(at..at + offset)?.chars().count();
            out.extend(self.printed.get(start..start + lo)?);
            at += offset + piece;
            chars_before = start + lo;
            rest = rest.get(*piece..)?;
        }
        rest.is_empty().then_some(out)
    }

    /// Every text of `draft`, read from the copy, as printed.
    pub fn restore(&mut self, draft: &mut DocumentDraft) {
        for plan in &mut draft.plans {
            plan.title = self.printed(&plan.title.clone(), None);
            plan.doc_number = plan.doc_number.clone().map(|d| self.printed(&d, None));
            for m in &mut plan.measures {
                let within = Some(m.lines);
                m.chapter = self.printed(&m.chapter.clone(), None);
                m.work_item = m.work_item.clone().map(|w| self.printed(&w, within));
                m.title = m.title.clone().map(|t| self.printed(&t, within));
                m.text = m.text.clone().map(|t| self.printed(&t, within));
                for d in &mut m.departments {
                    d.name = self.printed(&d.name.clone(), within);
                }
            }
            for t in &mut plan.targets {
                t.indicator = self.printed(&t.indicator.clone(), None);
                t.text = self.printed(&t.text.clone(), None);
                t.unit = t.unit.clone().map(|u| self.printed(&u, None));
                t.qualifier = t.qualifier.clone().map(|q| self.printed(&q, None));
            }
            for p in &mut plan.passages {
                let within = Some(p.lines);
                p.heading = p.heading.clone().map(|h| self.printed(&h, None));
                p.text = self.printed(&p.text.clone(), within);
            }
        }
        for u in &mut draft.unassigned {
            u.text = self.printed(&normalise(&u.text), Some([u.line, u.line]));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::lines::split_lines;
    use crate::parse::{parse_document, DocumentInfo};

    fn info() -> DocumentInfo {
        DocumentInfo {
            source: "t".into(),
            region: None,
            level: crate::model::Level::Province,
            kind: crate::model::Kind::WorkPoints,
            year_start: None,
            year_end: None,
            title: None,
            id: None,
        }
    }

    #[test]
    fn traditional_is_read_simplified_and_cited_as_printed() {
        assert!(reading_copy("深化专利代理管理政策硏究，推动专利代理专业化发展。").is_none());
        let text = "國家知識產權局2020年工作要點\n一、完善知識產權制度\n1.推進專利法實施細則修改。（條法司負責）\n\
                    2.加強知識產權保護體系建設。（保護司、運用促進司）\n";
        let info = DocumentInfo { region: Some("全国".into()), level: crate::model::Level::National, ..info() };
        let d = parse_document(&info, text).dataset;
        assert_eq!(d.plans[0].title, "國家知識產權局2020年工作要點");
        let m = &d.measures;
        assert_eq!(m.len(), 2);
        assert_eq!(
            (m[0].chapter.as_str(), m[0].text.as_deref()),
            ("完善知識產權制度", Some("推進專利法實施細則修改。"))
        );
        let names: Vec<(&str, &str)> = m[1].departments.iter().map(|d| (d.name.as_str(), d.agency.as_str())).collect();
        assert_eq!(names, vec![("保護司", "知识产权局"), ("運用促進司", "知识产权局")]);
        assert_eq!(m[0].departments[0].name, "條法司");
    }

    #[test]
    fn numbers_in_full_width_or_chinese_numerals_are_read_and_cited_as_printed() {
        assert_eq!(
            reading_copy("１．到２０２５年，达到５．２件。１０．完善").as_deref(),
            Some("1．到2025年，达到5.2件。10．完善")
        );
        assert_eq!(reading_copy("到2025年，达到5.2件。"), None);
        assert_eq!(reading_copy("二〇二三年三月十日，二零一八年").as_deref(), Some("2023年三月十日，2018年"));
        assert_eq!(reading_copy("二○○七年，二OO九年").as_deref(), Some("2007年，2009年"));
        // Not a year: no 年 after four numerals, or more than four, or a count.
        assert_eq!(reading_copy("一二〇二三年，二〇二三，〇时"), None);
        // Items, years, a doc number and a target, typed in full-width digits (Word's full-width
        // input mode): numbered, dated and valued as their ASCII twins, cited as printed.
        let text = "某某省２０１６年知识产权工作要点\n粤知〔２０１６〕１７号\n一、加强知识产权创造\n\
                    １．实施专利质量提升工程，发明专利授权量达到５．２万件。（省知识产权局负责）\n\
                    ２．培育商标品牌。（省工商局负责）\n";
        let d = parse_document(&info(), text).dataset;
        let plan = &d.plans[0];
        assert_eq!(
            (plan.title.as_str(), plan.year_start, plan.year_end),
            ("某某省２０１６年知识产权工作要点", 2016, 2016)
        );
        assert_eq!(plan.doc_number.as_deref(), Some("粤知〔２０１６〕１７号"));
        let read: Vec<(Option<u32>, Option<&str>)> = d.measures.iter().map(|m| (m.no, m.text.as_deref())).collect();
        assert_eq!(
            read,
            [
                (Some(1), Some("实施专利质量提升工程，发明专利授权量达到５．２万件。")),
                (Some(2), Some("培育商标品牌。"))
            ]
        );
        // A year in Chinese numerals, in a title and in a goal.
        let text =
            "某某市二〇二三年知识产权工作要点\n一、工作目标\n到二〇二五年，商标注册量达到100件。\n二、重点任务\n\
                    1.培育商标品牌。（市市场监管局负责）\n2.开展专利导航。（市市场监管局负责）\n";
        let numerals = parse_document(&info(), text).dataset;
        assert_eq!(
            (numerals.plans[0].year_start, numerals.plans[0].title.as_str()),
            (2023, "某某市二〇二三年知识产权工作要点")
        );
        assert_eq!(numerals.targets.iter().map(|t| (t.value, t.year)).collect::<Vec<_>>(), [(100.0, 2025)]);
        let t = &d.targets[0];
        assert_eq!((t.value, t.unit.as_deref(), t.text.as_str()), (5.2, Some("万件"), "发明专利授权量达到５．２万件"));
    }

    #[test]
    fn a_full_stop_an_encoding_put_for_a_decimal_point_is_read_as_one() {
        // Hangzhou 2023 (a Traditional page): 轉讓數量達到2。5萬件.
        assert_eq!(reading_copy("数量达到2。5万件，占比3。25%").as_deref(), Some("数量达到2.5万件，占比3.25%"));
        // A sentence ending on a count before a date or a longer number goes on.
        assert_eq!(reading_copy("达到50家。2024年，完成12项。3月底前"), None);
        let text = "某某市工作方案\n一、工作目标\n到2025年，知识产权许可备案和转让数量达到2。5万件。\n";
        let d = parse_document(&info(), text).dataset;
        let t = &d.targets[0];
        assert_eq!(
            (t.value, t.unit.as_deref(), t.text.as_str()),
            (2.5, Some("万件"), "知识产权许可备案和转让数量达到2。5万件")
        );
    }

    #[test]
    fn tables_are_read_in_the_copy_too() {
        let rows = |text: &str| -> Vec<(Option<u32>, String, String)> {
            let d = parse_document(&info(), text).dataset;
            let first = |m: &crate::model::Measure| m.departments.first().map(|d| d.name.clone()).unwrap_or_default();
            d.measures.iter().map(|m| (m.no, m.text.clone().unwrap_or_default(), first(m))).collect()
        };
        let full_width = "某某省知识产权工作任务分工表\n序号\t重点任务\t牵头单位\t完成时限\n\
                          １\t建设知识产权保护中心。\t省市场监管局\t２０２３年底前\n\
                          ２\t开展专利导航。\t省科技厅\t２０２３年底前\n";
        let row = |no: u32, text: &str, lead: &str| (Some(no), text.to_string(), lead.to_string());
        assert_eq!(
            rows(full_width),
            [row(1, "建设知识产权保护中心。", "省市场监管局"), row(2, "开展专利导航。", "省科技厅")]
        );
        // Traditional: the column names are known in Simplified only.
        let traditional = "某某省知識產權工作任務分工表\n序號\t重點任務\t牽頭單位\t完成時限\n\
                           1\t建設知識產權保護中心。\t省市場監管局\t2023年底前\n\
                           2\t開展專利導航。\t省科技廳\t2023年底前\n";
        assert_eq!(
            rows(traditional),
            [row(1, "建設知識產權保護中心。", "省市場監管局"), row(2, "開展專利導航。", "省科技廳")]
        );
    }

    #[test]
    fn text_joined_from_lines_apart_is_cited_as_printed() {
        // A passage without the title line printed inside it; a measure across a page number.
        let printed = split_lines("為貫徹落實戰略，\n國家知識產權局工作要點\n制定本要點。\n— 2 —\n發展規劃");
        let converted: Vec<Line> = printed.iter().map(|l| Line { no: l.no, text: fast2s::convert(&l.text) }).collect();
        let mut as_printed = AsPrinted::new(&printed, &converted);
        assert_eq!(as_printed.printed("为贯彻落实战略，制定本要点。", Some([1, 3])), "為貫徹落實戰略，制定本要點。");
        assert_eq!(as_printed.printed("制定本要点。发展规划", Some([3, 5])), "制定本要點。發展規劃");
        assert_eq!(as_printed.printed("国家知识产权局", None), "國家知識產權局");
        // Not in the lines: as it came.
        assert_eq!(as_printed.printed("专利法", Some([1, 5])), "专利法");
    }
}
