//! Stage 1: split a seed into numbered lines and repair what PDF extraction did to single lines.
//!
//! Repairs here are local to one line: trimming, overprinted bold text (every run printed four
//! times), runs of 。, and recognising lines that carry no content (blank lines, page numbers,
//! repeated table headers). Everything else is left for the later stages.

/// One line of a seed, 1-based, with its cleaned text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub no: u32,
    /// Trimmed and repaired text; internal spaces are kept (they separate table columns).
    pub text: String,
}

/// Split text into lines, trimming each and repairing overprinted bold runs.
/// Blank lines are kept (as empty text) so that line numbers stay those of the seed.
pub fn split_lines(text: &str) -> Vec<Line> {
    text.split('\n')
        .enumerate()
        .map(|(i, raw)| Line {
            no: i as u32 + 1,
            text: collapse_overprint(trim(raw)),
        })
        .collect()
}

/// Trim ASCII and full-width whitespace and control characters.
pub fn trim(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || c.is_control() || c == '\u{feff}')
}

/// Punctuation that follows an overprinted run and was drawn as often as it.
const OVERPRINTABLE_PUNCTUATION: &str = "。，、；：";

/// Undo bold text that the PDF drew several times over: `加大加大加大加大` → `加大`,
/// `开开开开展` → `开展`, and the punctuation drawn as often after them (`工作。。。。` → `工作。`).
/// Runs of punctuation elsewhere (`示范校。。`) and ASCII runs (e.g. `50000`) are kept as printed.
pub fn collapse_overprint(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    // The last run was overprinted: its punctuation (。。。。) was drawn as often as its words.
    let mut after_overprint = false;
    'outer: while i < chars.len() {
        if OVERPRINTABLE_PUNCTUATION.contains(chars[i]) {
            let run = chars[i..].iter().take_while(|c| **c == chars[i]).count();
            // Only an overprinted run loses its repeats; 示范校。。 keeps them as printed.
            let kept = if after_overprint { 1 } else { run };
            out.extend(chars[i..i + kept].iter());
            i += run;
            continue;
        }
        let max_len = ((chars.len() - i) / 3).min(40);
        for len in 1..=max_len {
            let unit = &chars[i..i + len];
            if unit.iter().all(|c| c.is_ascii()) {
                continue;
            }
            let mut reps = 1;
            while i + (reps + 1) * len <= chars.len()
                && &chars[i + reps * len..i + (reps + 1) * len] == unit
            {
                reps += 1;
            }
            // Overprinting repeats a run four times; a single character repeated three times
            // can be genuine, a phrase repeated three times cannot.
            let needed = if len == 1 { 4 } else { 3 };
            if reps >= needed {
                out.extend(unit);
                i += reps * len;
                after_overprint = true;
                continue 'outer;
            }
        }
        out.push(chars[i]);
        after_overprint = false;
        i += 1;
    }
    out
}

/// True for a line that is only a page number such as `9`, `26`, `- 3 -` or `第 3 页`.
pub fn is_page_number(s: &str) -> bool {
    let t: String = s.chars().filter(|c| !c.is_whitespace() && *c != '-' && *c != '—').collect();
    let t = t.strip_prefix('第').unwrap_or(&t);
    let t = t.strip_suffix('页').unwrap_or(t);
    !t.is_empty() && t.len() <= 4 && t.chars().all(|c| c.is_ascii_digit())
}

/// Number of display columns a string takes in the PDF: CJK and full-width characters one,
/// ASCII letters, digits and spaces half.
pub fn width(s: &str) -> f32 {
    s.chars().map(|c| if c.is_ascii() { 0.5 } else { 1.0 }).sum()
}

/// Remove all whitespace: PDF line breaks and spaces inside Chinese text carry no meaning.
/// A space between two ASCII words is kept as one space (e.g. `Zhejiang Made`).
pub fn normalise(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_whitespace() {
            let start = i;
            while i < chars.len() && chars[i].is_whitespace() {
                i += 1;
            }
            let before = out.chars().last();
            let after = chars.get(i).copied();
            if let (Some(b), Some(a)) = (before, after) {
                if b.is_ascii_alphabetic() && a.is_ascii_alphabetic() && start > 0 {
                    out.push(' ');
                }
            }
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overprinted_runs_collapse() {
        assert_eq!(collapse_overprint("加大加大加大加大“两法衔接两法衔接两法衔接两法衔接”"), "加大“两法衔接”");
        assert_eq!(collapse_overprint("开开开开展工作"), "开展工作");
        assert_eq!(collapse_overprint("全过程全过程全过程全过程。。。。在"), "全过程。在");
        assert_eq!(collapse_overprint("企业达 30000 家"), "企业达 30000 家");
        assert_eq!(collapse_overprint("示范校。。"), "示范校。。");
        assert_eq!(collapse_overprint("开展专项行动。。。。确立"), "开展专项行动。。。。确立");
        assert_eq!(collapse_overprint("工作力度工作力度工作力度工作力度，，，，提高"), "工作力度，提高");
        assert_eq!(collapse_overprint("省知识产权局、省知识产权局、"), "省知识产权局、省知识产权局、");
    }

    #[test]
    fn page_numbers() {
        assert!(is_page_number("9"));
        assert!(is_page_number("166"));
        assert!(is_page_number("- 3 -"));
        assert!(!is_page_number("2018年"));
        assert!(!is_page_number(""));
    }

    #[test]
    fn normalise_removes_breaks_but_keeps_latin_spaces() {
        assert_eq!(normalise("推进 2018 年区政府\n与市"), "推进2018年区政府与市");
        assert_eq!(normalise("“Zhejiang Made”"), "“Zhejiang Made”");
    }
}
