//! Radicals read as the ideographs they stand for (⼯ as 工): text taken out of a PDF holds them
//! where the font draws a radical and an ideograph with one glyph, and a rule, a search or a diff
//! looking for 工作 would not see ⼯作. The table is `data/radicals.tsv` (Unicode's own mapping).

use std::borrow::Cow;

const RADICALS_TSV: &str = include_str!("../../data/radicals.tsv");

/// Whether `c` is in the CJK Radicals Supplement or the Kangxi Radicals block.
fn is_radical(c: char) -> bool {
    ('\u{2E80}'..='\u{2FDF}').contains(&c)
}

/// The ideograph the radical `c` stands for, if the table gives one. A scan of the table: radicals
/// are rare even in a PDF's text, and the parser runs once per document.
fn ideograph(c: char) -> Option<char> {
    RADICALS_TSV.lines().filter(|l| !l.starts_with('#')).find_map(|row| {
        let (radical, ideograph) = row.split_once('\t')?;
        (radical.chars().eq([c])).then(|| ideograph.chars().next()).flatten()
    })
}

/// `text` with every radical the table knows read as its ideograph; itself when it has none.
pub fn as_ideographs(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_radical) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().map(|c| if is_radical(c) { ideograph(c).unwrap_or(c) } else { c }).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_maps_each_radical_once_to_one_ideograph() {
        let rows: Vec<(char, char)> = RADICALS_TSV
            .lines()
            .filter(|l| !l.starts_with('#'))
            .map(|row| {
                let cells: Vec<Vec<char>> = row.split('\t').map(|cell| cell.chars().collect()).collect();
                assert!(matches!(&cells[..], [r, i] if r.len() == 1 && i.len() == 1), "{row:?}");
                (cells[0][0], cells[1][0])
            })
            .collect();
        assert_eq!(rows.len(), 328);
        assert!(rows.windows(2).all(|w| w[0].0 < w[1].0), "sorted, no radical twice");
        let han = |c: char| matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{20000}'..='\u{323AF}');
        assert!(rows.iter().all(|&(r, i)| is_radical(r) && han(i)), "{rows:?}");
        // All 214 Kangxi radicals, each its NFKC form (the first, the last, and 工 / 立 / 用 of a PDF).
        assert_eq!(rows.iter().filter(|(r, _)| *r >= '\u{2F00}').count(), 214);
        for (radical, ideograph) in [('⼀', '一'), ('⿕', '龠'), ('⼯', '工'), ('⽴', '立'), ('⽤', '用')] {
            assert_eq!(super::ideograph(radical), Some(ideograph));
        }
    }

    #[test]
    fn a_pdfs_radicals_are_read_as_ideographs_and_other_text_is_left_alone() {
        // As Chromium printed a plan in Noto CJK and pdf.js read it back (⻓ and ⻆ are Simplified forms).
        let printed = "建⽴完善专利转化运⽤⼯作体系，推动⻓三⻆地区资源共享。";
        assert_eq!(as_ideographs(printed), "建立完善专利转化运用工作体系，推动长三角地区资源共享。");
        assert!(matches!(as_ideographs("建立完善专利转化运用工作体系"), Cow::Borrowed(_)));
        // A radical the table does not map (U+2E80, a repeat mark; U+2E9A is unassigned) stays.
        assert_eq!(as_ideographs("\u{2E80}\u{2E9A}"), "\u{2E80}\u{2E9A}");
    }
}
