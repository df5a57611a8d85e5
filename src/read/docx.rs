//! A Word document (.docx) read into the text the parser reads, as a saved web page is: one line
//! per paragraph, a table row's cells separated by tabs, and the numbers Word prints before list
//! paragraphs (`一、`, `（三）`, `1.2`), which are in its numbering part, not in the text. The page's
//! own-plan view reads a .docx by the same rules (`www/js/read-file.js`): a change to one belongs
//! in the other.

use roxmltree::{Document, Node};
use std::collections::HashMap;
use std::io::{Cursor, Read};

/// The most a part may inflate to: a plan's XML is a few megabytes; more is a zip bomb.
const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;
/// Elements nested deeper than this are left out (Word nests a few dozen; a hostile file, more).
const MAX_DEPTH: usize = 256;
/// Parts of a paragraph with no text a reader sees: deleted runs, field codes, the fallback copy of
/// a drawing, properties.
const SKIPPED: [&str; 6] = ["del", "delText", "instrText", "Fallback", "pPr", "rPr"];

/// Whether bytes open as a zip archive (a .docx is one; so are .xlsx, .odt and .zip).
pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// A .docx's text: its body (`word/document.xml`), numbered as Word numbers it
/// (`word/numbering.xml`, `word/styles.xml`). Fails with a reader's message on an archive that is
/// damaged, holds no Word document, or inflates past 64 MB.
pub fn docx_text(bytes: &[u8]) -> Result<String, String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| damaged(&e))?;
    let body =
        part(&mut archive, "word/document.xml")?.ok_or("not a Word (.docx) document: no word/document.xml in it")?;
    let numbering = part(&mut archive, "word/numbering.xml")?;
    let styles = part(&mut archive, "word/styles.xml")?;
    let doc = Document::parse(&body).map_err(|e| format!("the file is damaged (its document.xml is not XML: {e})"))?;
    // Numbering that does not parse leaves the text unnumbered rather than unread.
    let numbering = numbering.as_deref().and_then(|x| Document::parse(x).ok());
    let styles = styles.as_deref().and_then(|x| Document::parse(x).ok());
    let mut lists = numbering.as_ref().map(|n| ListNumbers::new(n, styles.as_ref()));
    Ok(word_text(&doc, &mut |p| lists.as_mut().map(|l| l.number(p)).unwrap_or_default()))
}

fn damaged(e: &dyn std::fmt::Display) -> String {
    format!("the file is damaged or not a Word document ({e})")
}

/// One part of the archive as text (`None`: no such part), read to its end so that its checksum
/// is checked.
fn part(archive: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Result<Option<String>, String> {
    let file = match archive.by_name(name) {
        Ok(file) => file,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(damaged(&e)),
    };
    let mut bytes = Vec::new();
    file.take(MAX_PART_BYTES + 1).read_to_end(&mut bytes).map_err(|e| damaged(&e))?;
    if bytes.len() as u64 > MAX_PART_BYTES {
        return Err("a part of this file inflates to more than 64 MB".into());
    }
    Ok(Some(String::from_utf8_lossy(&bytes).into_owned()))
}

/// An element's children with a given local name (Word's XML is all in the `w:` namespace).
fn kids<'a, 'i>(el: Node<'a, 'i>, name: &'static str) -> impl Iterator<Item = Node<'a, 'i>> {
    el.children().filter(move |c| c.is_element() && c.tag_name().name() == name)
}

fn kid<'a, 'i>(el: Option<Node<'a, 'i>>, name: &'static str) -> Option<Node<'a, 'i>> {
    el.and_then(|el| kids(el, name).next())
}

/// A `w:` attribute by its local name.
fn attr<'a>(el: Option<Node<'a, '_>>, name: &str) -> Option<&'a str> {
    el?.attributes().find(|a| a.name() == name).map(|a| a.value())
}

fn val<'a>(el: Option<Node<'a, '_>>) -> Option<&'a str> {
    attr(el, "val")
}

/// A whole number as Word writes one (`3`), else None.
fn count(value: Option<&str>) -> Option<u32> {
    value.and_then(|v| v.trim().parse().ok())
}

/// Lines of text being written: the one being filled, and those done.
#[derive(Default)]
struct Lines {
    done: Vec<String>,
    line: String,
    /// Bytes of merged cells' text read again so far.
    repeated: usize,
}

impl Lines {
    /// Close the line being filled; an empty one gives no line.
    fn end_line(&mut self) {
        let line = std::mem::take(&mut self.line);
        let line = line.trim_end_matches([' ', '\t']);
        if !line.trim().is_empty() {
            self.done.push(line.to_string());
        }
    }
}

/// The text of a Word document's body: one line per paragraph, a table row's cells separated by
/// tabs (an empty cell too; a cell's own paragraphs on lines of their own), as `page_text` reads a
/// web page; `number(p)` gives a list paragraph's number. Deleted text, field codes and drawings'
/// fallback copies are left out; empty paragraphs give no line.
fn word_text(doc: &Document, number: &mut dyn FnMut(Node) -> String) -> String {
    let mut out = Lines::default();
    let root = doc.root_element();
    let body = elements(doc, "body").next().unwrap_or(root);
    block(body, &mut out, number, 0);
    out.end_line();
    let text = out.done.join("\n");
    let text = text.trim_end_matches([' ', '\t', '\n']);
    if text.is_empty() {
        String::new()
    } else {
        format!("{text}\n")
    }
}

fn block(el: Node, out: &mut Lines, number: &mut dyn FnMut(Node) -> String, depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    for c in el.children().filter(|c| c.is_element()) {
        match c.tag_name().name() {
            "p" => paragraph(c, out, number, depth),
            "tbl" => table(c, out, number, depth),
            "sectPr" => {}
            _ => block(c, out, number, depth + 1), // content controls (sdt) hold paragraphs too
        }
    }
}

fn paragraph(p: Node, out: &mut Lines, number: &mut dyn FnMut(Node) -> String, depth: usize) {
    out.end_line();
    out.line = number(p);
    inline(p, out, number, depth + 1);
    out.end_line();
}

fn inline(el: Node, out: &mut Lines, number: &mut dyn FnMut(Node) -> String, depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    for c in el.children().filter(|c| c.is_element()) {
        match c.tag_name().name() {
            "t" => out.line.extend(c.children().filter_map(|t| t.text())),
            "tab" => out.line.push(' '),
            "br" | "cr" => out.end_line(),
            "noBreakHyphen" => out.line.push('-'),
            "p" => paragraph(c, out, number, depth), // a text box's paragraphs
            name if SKIPPED.contains(&name) => {}
            _ => inline(c, out, number, depth + 1),
        }
    }
}

/// Most grid columns a row is read across (Word's limit is 63; a hostile file may claim millions).
const MAX_GRID_COLUMNS: usize = 1024;

fn table(tbl: Node, out: &mut Lines, number: &mut dyn FnMut(Node) -> String, depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    // The text of the cell that starts a vertical merge, by the grid column it starts at: the
    // cells it spans below are empty in the file (`<w:vMerge/>`) and read as holding it, so that
    // each row it covers is whole (a number, a category, two tasks' departments).
    let mut merged: Vec<Option<String>> = Vec::new();
    for tr in kids(tbl, "tr") {
        out.end_line();
        let mut column = grid_count(val(kid(kid(Some(tr), "trPr"), "gridBefore")));
        // Columns a row leaves out end the merges in them.
        merged.iter_mut().take(column).for_each(|slot| *slot = None);
        for (k, tc) in kids(tr, "tc").enumerate() {
            if k > 0 {
                let kept = out.line.trim_end_matches(' ').len();
                out.line.truncate(kept);
                out.line.push('\t');
            }
            let properties = kid(Some(tc), "tcPr");
            let span = grid_count(val(kid(properties, "gridSpan"))).max(1);
            let vmerge = kid(properties, "vMerge").map(|m| val(Some(m)).unwrap_or("continue"));
            if column + span > merged.len() {
                merged.resize(MAX_GRID_COLUMNS.min(column + span), None);
            }
            if vmerge.is_some_and(|v| v != "restart") {
                if let Some(text) = merged.get(column).cloned().flatten() {
                    if super::repeat_within_budget(&mut out.repeated, &text) {
                        out.line.push_str(&text);
                    }
                    column += span;
                    continue;
                }
            }
            let start = (out.done.len(), out.line.len());
            cell(tc, out, number, depth);
            let text = (vmerge == Some("restart")).then(|| cell_text(out, start)).filter(|t| super::is_repeatable(t));
            if let Some(slot) = merged.get_mut(column) {
                *slot = text;
            }
            merged.iter_mut().skip(column + 1).take(span - 1).for_each(|slot| *slot = None);
            column += span;
        }
        // A row keeps its tabs, those of empty last cells too, so that columns stay in place.
        let line = std::mem::take(&mut out.line);
        if !line.trim().is_empty() {
            out.done.push(line.trim_end_matches(' ').to_string());
        }
    }
}

/// A count of grid columns (`gridSpan`, `gridBefore`), 0 when absent or unreadable, at most
/// [`MAX_GRID_COLUMNS`].
fn grid_count(value: Option<&str>) -> usize {
    count(value).map_or(0, |n| (n as usize).min(MAX_GRID_COLUMNS))
}

/// One cell's content: its paragraphs (the second and later on lines of their own, as a `<p>`
/// inside a `<td>`) and nested tables.
fn cell(tc: Node, out: &mut Lines, number: &mut dyn FnMut(Node) -> String, depth: usize) {
    let mut first = true;
    for c in tc.children().filter(|c| c.is_element()) {
        match c.tag_name().name() {
            "tbl" => table(c, out, number, depth + 1),
            "p" => {
                if !first {
                    // A cell's next paragraph: a line of its own, as a <p> inside a <td>.
                    let line = std::mem::take(&mut out.line);
                    out.done.push(line.trim_end_matches(' ').to_string());
                }
                first = false;
                let n = number(c);
                out.line.push_str(&n);
                inline(c, out, number, depth + 1);
            }
            _ => {}
        }
    }
}

/// What a cell wrote since `start` (lines done, length of the line then), its lines joined.
fn cell_text(out: &Lines, (done, at): (usize, usize)) -> String {
    let mut parts: Vec<&str> = out.done.get(done..).unwrap_or_default().iter().map(String::as_str).collect();
    parts.push(&out.line);
    let first = parts.first().map_or("", |p| p.get(at..).unwrap_or_default());
    let rest = parts.get(1..).unwrap_or_default();
    std::iter::once(first).chain(rest.iter().copied()).collect::<String>().trim().to_string()
}

/// One level of a list: its first number, format (`chineseCounting`, `decimal` …), text (`（%1）`)
/// and the paragraph style it numbers, if any.
struct Level {
    start: u32,
    format: String,
    text: String,
    style: Option<String>,
}

/// Gives a list paragraph its number as Word prints it (`一、`, `（三）`, `1.2`, `①`), from
/// `numbering.xml`: counters kept per abstract list, a level restarting the levels below it, a
/// list's start override used once. A paragraph is in a list by its own `numPr` or by its style's
/// (`styles.xml`: headings numbered 第一章 / 一、 through 标题 1, 标题 2). Bullets give nothing.
struct ListNumbers {
    levels: HashMap<String, HashMap<u32, Level>>,
    /// numId → (abstractNumId, start overrides by level).
    lists: HashMap<String, (String, HashMap<u32, u32>)>,
    /// styleId → (numId, level if the style names one).
    styles: HashMap<String, (String, Option<u32>)>,
    /// abstractNumId → the number each level is at (`None`: not used since it last restarted).
    counters: HashMap<String, Vec<Option<u32>>>,
    /// numId → start overrides not used yet (each applies once).
    overrides: HashMap<String, HashMap<u32, u32>>,
}

impl ListNumbers {
    fn new(numbering: &Document, styles: Option<&Document>) -> ListNumbers {
        let mut levels = HashMap::new();
        for a in elements(numbering, "abstractNum") {
            let by_level = kids(a, "lvl")
                .filter_map(|l| {
                    let level = Level {
                        start: count(val(kid(Some(l), "start"))).unwrap_or(1),
                        format: val(kid(Some(l), "numFmt")).unwrap_or("decimal").to_string(),
                        text: val(kid(Some(l), "lvlText")).unwrap_or("").to_string(),
                        style: val(kid(Some(l), "pStyle")).map(str::to_string),
                    };
                    Some((count(attr(Some(l), "ilvl"))?, level))
                })
                .collect();
            levels.insert(attr(Some(a), "abstractNumId").unwrap_or("").to_string(), by_level);
        }
        let mut lists = HashMap::new();
        for n in elements(numbering, "num") {
            let starts = kids(n, "lvlOverride")
                .filter_map(|o| Some((count(attr(Some(o), "ilvl"))?, count(val(kid(Some(o), "startOverride")))?)))
                .collect();
            let abstract_id = val(kid(Some(n), "abstractNumId")).unwrap_or("").to_string();
            lists.insert(attr(Some(n), "numId").unwrap_or("").to_string(), (abstract_id, starts));
        }
        ListNumbers {
            levels,
            lists,
            styles: styles.map(style_numbering).unwrap_or_default(),
            counters: HashMap::new(),
            overrides: HashMap::new(),
        }
    }

    /// The number Word prints before paragraph `p` (empty when it is in no list).
    fn number(&mut self, p: Node) -> String {
        let ppr = kid(Some(p), "pPr");
        let own = kid(ppr, "numPr");
        let style = val(kid(ppr, "pStyle"));
        let styled = style.and_then(|s| self.styles.get(s));
        let Some(num_id) = val(kid(own, "numId")).or(styled.map(|s| s.0.as_str())) else { return String::new() };
        let Some((abstract_id, starts)) = self.lists.get(num_id) else { return String::new() };
        let Some(by_level) = self.levels.get(abstract_id) else { return String::new() };
        // A style's level: its own, else the level that names the style.
        let ilvl = match count(val(kid(own, "ilvl"))) {
            Some(l) => l,
            None => styled.and_then(|s| s.1).unwrap_or_else(|| {
                by_level.iter().find(|(_, l)| l.style.as_deref() == style && style.is_some()).map_or(0, |(k, _)| *k)
            }),
        };
        let Some(level) = by_level.get(&ilvl) else { return String::new() };
        let at = ilvl as usize;
        if at > 8 {
            return String::new(); // Word has nine levels, 0–8
        }
        let restart = self.overrides.entry(num_id.to_string()).or_insert_with(|| starts.clone()).remove(&ilvl);
        let counts = self.counters.entry(abstract_id.clone()).or_default();
        counts.resize(counts.len().max(at + 1), None);
        counts[at] = Some(restart.unwrap_or_else(|| counts[at].map_or(level.start, |n| n.saturating_add(1))));
        counts.truncate(at + 1); // the levels below restart
        if level.format == "bullet" || level.format == "none" {
            return String::new();
        }
        let mut printed = String::new();
        let mut rest = level.text.as_str();
        while let Some(pos) = rest.find('%') {
            printed.push_str(&rest[..pos]);
            let after = &rest[pos + 1..];
            match after.chars().next().and_then(|c| c.to_digit(10)).filter(|d| (1..=9).contains(d)) {
                Some(d) => {
                    let l = d - 1;
                    let n =
                        counts.get(l as usize).copied().flatten().unwrap_or(by_level.get(&l).map_or(1, |x| x.start));
                    printed.push_str(&format_number(n, by_level.get(&l).map_or("decimal", |x| x.format.as_str())));
                    rest = &after[1..];
                }
                None => {
                    printed.push('%');
                    rest = after;
                }
            }
        }
        printed.push_str(rest);
        printed
    }
}

/// Every element of a document with a given local name.
fn elements<'a, 'i>(doc: &'a Document<'i>, name: &'static str) -> impl Iterator<Item = Node<'a, 'i>> {
    doc.descendants().filter(move |n| n.is_element() && n.tag_name().name() == name)
}

/// styleId → (numId, level) for the paragraph styles that number: their own `numPr`, or that of a
/// style they are based on.
fn style_numbering(styles: &Document) -> HashMap<String, (String, Option<u32>)> {
    // styleId → (numId, level, the style it is based on)
    type Style<'a> = (Option<&'a str>, Option<u32>, Option<&'a str>);
    let mut own: HashMap<&str, Style> = HashMap::new();
    for st in elements(styles, "style") {
        let num_pr = kid(kid(Some(st), "pPr"), "numPr");
        let ilvl = val(kid(num_pr, "ilvl")).and_then(|l| l.trim().parse().ok());
        let entry = (val(kid(num_pr, "numId")), ilvl, val(kid(Some(st), "basedOn")));
        own.insert(attr(Some(st), "styleId").unwrap_or(""), entry);
    }
    let mut found = HashMap::new();
    for &id in own.keys() {
        let mut st = own.get(id);
        for _ in 0..10 {
            match st {
                Some((None, _, Some(based))) => st = own.get(based),
                _ => break,
            }
        }
        if let Some((Some(num_id), ilvl, _)) = st {
            if *num_id != "0" {
                found.insert(id.to_string(), (num_id.to_string(), *ilvl));
            }
        }
    }
    found
}

const CHINESE_DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/// A list number in one of Word's formats (decimal for a format not named here).
pub fn format_number(n: u32, format: &str) -> String {
    let chinese = |k: u32| -> String {
        match k {
            0..=9 => CHINESE_DIGITS[k as usize].to_string(),
            10..=99 => {
                let tens = if k >= 20 { CHINESE_DIGITS[(k / 10) as usize].to_string() } else { String::new() };
                let units =
                    if !k.is_multiple_of(10) { CHINESE_DIGITS[(k % 10) as usize].to_string() } else { String::new() };
                format!("{tens}十{units}")
            }
            _ => k.to_string(),
        }
    };
    let letters = |k: u32| -> String {
        let mut out = Vec::new();
        let mut k = k;
        while k > 0 {
            out.push(char::from(b'a' + ((k - 1) % 26) as u8));
            k = (k - 1) / 26;
        }
        out.iter().rev().collect()
    };
    let roman = |k: u32| -> String {
        let mut k = k;
        let mut out = String::new();
        for (v, r) in [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl")]
            .into_iter()
            .chain([(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")])
        {
            while k >= v {
                out.push_str(r);
                k -= v;
            }
        }
        out
    };
    let from = |base: u32, k: u32| char::from_u32(base + k - 1).map(String::from);
    match format {
        "chineseCounting"
        | "chineseCountingThousand"
        | "taiwaneseCounting"
        | "taiwaneseCountingThousand"
        | "japaneseCounting" => chinese(n),
        "ideographDigital" => {
            n.to_string().chars().map(|d| CHINESE_DIGITS[d.to_digit(10).unwrap_or(0) as usize]).collect()
        }
        "chineseLegalSimplified" => chinese(n)
            .chars()
            .map(|c| match "〇一二三四五六七八九十".chars().position(|d| d == c) {
                Some(k) => "零壹贰叁肆伍陆柒捌玖拾".chars().nth(k).unwrap_or(c),
                None => c,
            })
            .collect(),
        "ideographTraditional" if (1..=10).contains(&n) => {
            "甲乙丙丁戊己庚辛壬癸".chars().nth(n as usize - 1).map(String::from).unwrap_or_default()
        }
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" if (1..=20).contains(&n) => {
            from(0x2460, n).unwrap_or_default()
        }
        "decimalEnclosedParen" if (1..=20).contains(&n) => from(0x2474, n).unwrap_or_default(),
        "decimalEnclosedParen" => format!("({n})"),
        "decimalEnclosedFullstop" if (1..=20).contains(&n) => from(0x2488, n).unwrap_or_default(),
        "decimalEnclosedFullstop" => format!("{n}."),
        "decimalZero" => format!("{n:02}"),
        "lowerLetter" => letters(n),
        "upperLetter" => letters(n).to_uppercase(),
        // Roman numerals past 3999 would need a bar over them (and a hostile start, megabytes).
        "lowerRoman" if n < 4000 => roman(n),
        "upperRoman" if n < 4000 => roman(n).to_uppercase(),
        _ => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// A .docx of `body` (w: elements) and, if given, `numbering`; parts deflated as Word saves them.
    fn docx(body: &str, numbering: Option<&str>) -> Vec<u8> {
        docx_styled(body, numbering, None)
    }

    /// … and `styles` (w:style elements).
    fn docx_styled(body: &str, numbering: Option<&str>, styles: Option<&str>) -> Vec<u8> {
        let mut parts = vec![(
            "word/document.xml",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>{body}<w:sectPr/></w:body></w:document>"#
            ),
        )];
        if let Some(n) = numbering {
            parts.push(("word/numbering.xml", format!(r#"<w:numbering xmlns:w="{W}">{n}</w:numbering>"#)));
        }
        if let Some(st) = styles {
            parts.push(("word/styles.xml", format!(r#"<w:styles xmlns:w="{W}">{st}</w:styles>"#)));
        }
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, text) in parts {
            let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
            zip.start_file(name, options).unwrap();
            zip.write_all(text.as_bytes()).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    /// A paragraph, numbered in list `num` at `level` if given.
    fn p(text: &str, num: Option<(u32, u32)>) -> String {
        let pr = num.map_or(String::new(), |(id, l)| {
            format!(r#"<w:pPr><w:numPr><w:ilvl w:val="{l}"/><w:numId w:val="{id}"/></w:numPr></w:pPr>"#)
        });
        format!(r#"<w:p>{pr}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#)
    }

    fn table(rows: &[&[&[&str]]]) -> String {
        let cell = |c: &[&str]| format!("<w:tc>{}</w:tc>", c.iter().map(|t| p(t, None)).collect::<String>());
        let row = |r: &[&[&str]]| format!("<w:tr>{}</w:tr>", r.iter().map(|c| cell(c)).collect::<String>());
        format!("<w:tbl>{}</w:tbl>", rows.iter().map(|r| row(r)).collect::<String>())
    }

    /// numbering.xml's lists: abstract lists of (numFmt, lvlText) by level, and nums (numId,
    /// abstractNumId, start override of level 0).
    fn numbering(abstracts: &[(u32, &[(&str, &str)])], nums: &[(u32, u32, Option<u32>)]) -> String {
        let mut out = String::new();
        for (id, levels) in abstracts {
            out += &format!(r#"<w:abstractNum w:abstractNumId="{id}">"#);
            for (l, (format, text)) in levels.iter().enumerate() {
                out += &format!(
                    r#"<w:lvl w:ilvl="{l}"><w:start w:val="1"/><w:numFmt w:val="{format}"/><w:lvlText w:val="{text}"/></w:lvl>"#
                );
            }
            out += "</w:abstractNum>";
        }
        for (id, abstract_id, start) in nums {
            let over = start.map_or(String::new(), |s| {
                format!(r#"<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{s}"/></w:lvlOverride>"#)
            });
            out += &format!(r#"<w:num w:numId="{id}"><w:abstractNumId w:val="{abstract_id}"/>{over}</w:num>"#);
        }
        out
    }

    #[test]
    fn chapters_and_items_get_the_numbers_word_prints() {
        // Two lists, as offices' templates number 一、 chapters and （一） items running on across them;
        // a tracked deletion, which a reader no longer sees.
        let deleted = r#"<w:del w:id="1" w:author="x"><w:r><w:delText>删去的一句。</w:delText></w:r></w:del>"#;
        let body = [
            p("深圳市2019年知识产权工作要点", None),
            p("强化知识产权保护", Some((1, 0))),
            p("加大执法力度。", Some((2, 0))),
            p("推进快速维权。", Some((2, 0))).replace("</w:p>", &format!("{deleted}</w:p>")),
            p("促进知识产权运用", Some((1, 0))),
            p("推进专利质押融资。", Some((2, 0))),
        ]
        .concat();
        let lists = numbering(
            &[(0, &[("chineseCounting", "%1、")]), (1, &[("chineseCounting", "（%1）")])],
            &[(1, 0, None), (2, 1, None)],
        );
        assert_eq!(
            docx_text(&docx(&body, Some(&lists))).unwrap(),
            "深圳市2019年知识产权工作要点\n一、强化知识产权保护\n（一）加大执法力度。\n（二）推进快速维权。\n\
             二、促进知识产权运用\n（三）推进专利质押融资。\n"
        );
    }

    #[test]
    fn tables_outline_numbers_restarts_bullets_and_breaks_read_as_the_page_reads_them() {
        // The same document as the page's test (tests/browser/own-plan.test.mjs), the same text.
        let body = [
            p("x", Some((3, 0))),
            p("x", Some((3, 1))),
            p("x", Some((3, 1))),
            p("x", Some((3, 0))),
            p("x", Some((3, 1))),
            p("restarted at five", Some((4, 0))),
            p("a bullet", Some((5, 0))),
            r#"<w:p><w:r><w:t>one</w:t><w:tab/><w:t>line</w:t><w:br/><w:t>broken</w:t></w:r><w:r><w:instrText> PAGE </w:instrText></w:r></w:p>"#.into(),
            "<w:p/>".into(),
            table(&[&[&["序号"], &["重点任务"], &["牵头单位"]], &[&["1"], &["开展专项执法", "第二段"], &["市市场监管局"]], &[&["2"], &["推进质押融资"], &[""]]]),
            p("附件2", None),
            table(&[&[&["3"], &["最后一行"], &[""]]]),
        ]
        .concat();
        let lists = numbering(
            &[(0, &[("decimal", "%1."), ("decimal", "%1.%2")]), (1, &[("bullet", "")])],
            &[(3, 0, None), (4, 0, Some(5)), (5, 1, None)],
        );
        assert_eq!(
            docx_text(&docx(&body, Some(&lists))).unwrap(),
            "1.x\n1.1x\n1.2x\n2.x\n2.1x\n5.restarted at five\na bullet\none line\nbroken\n序号\t重点任务\t牵头单位\n\
             1\t开展专项执法\n第二段\t市市场监管局\n2\t推进质押融资\t\n附件2\n3\t最后一行\n"
        );
    }

    #[test]
    fn a_cell_merged_down_over_rows_is_read_in_each_row_it_covers() {
        // Word writes a merged cell once (`vMerge restart`), then an empty cell per row below
        // (`<w:vMerge/>`); columns counted through `gridSpan` and `gridBefore`.
        let tc = |props: &str, paragraphs: &[&str]| {
            let body: String = paragraphs.iter().map(|t| p(t, None)).collect();
            format!("<w:tc><w:tcPr>{props}</w:tcPr>{body}</w:tc>")
        };
        let tr = |pr: &str, cells: &[String]| format!("<w:tr><w:trPr>{pr}</w:trPr>{}</w:tr>", cells.concat());
        let restart = r#"<w:vMerge w:val="restart"/>"#;
        let body = format!(
            "<w:tbl>{}{}{}{}{}</w:tbl>",
            tr("", &[tc("", &["序号"]), tc(r#"<w:gridSpan w:val="2"/>"#, &["重点任务"]), tc("", &["责任单位"])]),
            tr(
                "",
                &[
                    tc(restart, &["3"]),
                    tc("", &["开展"]),
                    tc("", &["市场培育"]),
                    tc(restart, &["市市场监管局、", "市商务局"])
                ]
            ),
            tr(
                "",
                &[
                    tc("<w:vMerge/>", &[]),
                    tc("", &["完善"]),
                    tc("", &["纠纷化解"]),
                    tc(r#"<w:vMerge w:val="continue"/>"#, &[])
                ]
            ),
            // A row starting one grid column in, its merged cell the department's.
            tr(
                r#"<w:gridBefore w:val="1"/>"#,
                &[tc(r#"<w:gridSpan w:val="2"/>"#, &["加强宣传"]), tc("<w:vMerge/>", &[])]
            ),
            // A continuation with nothing above it is read as the empty cell it is.
            tr("", &[tc("<w:vMerge/>", &[]), tc("", &["新行"]), tc("", &["x"]), tc("", &["市司法局"])]),
        );
        assert_eq!(
            docx_text(&docx(&body, None)).unwrap(),
            "序号\t重点任务\t责任单位\n3\t开展\t市场培育\t市市场监管局、\n市商务局\n3\t完善\t纠纷化解\t市市场监管局、市商务局\n\
             加强宣传\t市市场监管局、市商务局\n\t新行\tx\t市司法局\n"
        );
    }

    #[test]
    fn headings_numbered_through_their_style_and_a_list_restarted_by_an_override() {
        // 标题 1 numbered by its style (based on another that names the list, no level: the level
        // that names the style), its items by the list's second level, which prints both numbers.
        let styles = r#"<w:style w:styleId="H0"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
            <w:style w:styleId="H1"><w:basedOn w:val="H0"/></w:style>"#;
        let lists = r#"<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>
            <w:lvlText w:val="%1、"/><w:pStyle w:val="H1"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/>
            <w:numFmt w:val="decimalEnclosedParen"/><w:lvlText w:val="%1.%2"/></w:lvl></w:abstractNum>
            <w:num w:numId="1"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num>"#;
        let heading = |t: &str| format!(r#"<w:p><w:pPr><w:pStyle w:val="H1"/></w:pPr><w:r><w:t>{t}</w:t></w:r></w:p>"#);
        let body = [
            heading("加强保护"),
            p("开展执法", Some((1, 1))),
            p("完善机制", Some((1, 1))),
            heading("促进运用"),
            p("推进融资", Some((1, 1))),
        ]
        .concat();
        assert_eq!(
            docx_text(&docx_styled(&body, Some(lists), Some(styles))).unwrap(),
            "三、加强保护\n三.⑴开展执法\n三.⑵完善机制\n四、促进运用\n四.⑴推进融资\n"
        );
    }

    #[test]
    fn a_damaged_archive_a_zip_without_a_word_document_and_a_zip_bomb_are_refused() {
        let file = docx(&p("一、加强保护", None), None);
        for cut in [10, 60, file.len() - 30, file.len() - 1] {
            let e = docx_text(&file[..cut]).unwrap_err();
            assert!(e.contains("damaged"), "{cut}: {e}");
        }
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        zip.start_file("xl/workbook.xml", zip::write::SimpleFileOptions::default()).unwrap();
        let sheet = zip.finish().unwrap().into_inner();
        assert!(docx_text(&sheet).unwrap_err().contains("no word/document.xml"));
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let deflated = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        zip.start_file("word/document.xml", deflated).unwrap();
        zip.write_all(&vec![b' '; 65 * 1024 * 1024]).unwrap();
        let bomb = zip.finish().unwrap().into_inner();
        assert!(bomb.len() < 200_000);
        assert!(docx_text(&bomb).unwrap_err().contains("more than 64 MB"));
    }

    #[test]
    fn a_hostile_start_neither_overflows_nor_prints_megabytes() {
        let lists = r#"<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="4294967295"/>
            <w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="x"/></w:abstractNum>
            <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#;
        let body = [p("a", Some((1, 0))), p("b", Some((1, 0)))].concat();
        assert_eq!(docx_text(&docx(&body, Some(lists))).unwrap(), "4294967295.a\n4294967295.b\n");
    }

    #[test]
    fn deep_nesting_is_cut_not_a_stack_overflow() {
        let body = format!("{}{}{}", "<w:sdt>".repeat(5000), p("深", None), "</w:sdt>".repeat(5000));
        // roxmltree refuses such depth itself, or the walk stops at MAX_DEPTH: either way no crash.
        let _ = docx_text(&docx(&body, None));
    }

    #[test]
    fn list_numbers_in_the_formats_chinese_documents_use() {
        let cases = [
            (1, "chineseCounting", "一"),
            (10, "chineseCounting", "十"),
            (12, "chineseCountingThousand", "十二"),
            (20, "chineseCounting", "二十"),
            (35, "chineseCounting", "三十五"),
            (3, "decimalEnclosedCircle", "③"),
            (2, "decimalEnclosedParen", "⑵"),
            (4, "decimalEnclosedFullstop", "⒋"),
            (11, "chineseLegalSimplified", "拾壹"),
            (3, "ideographTraditional", "丙"),
            (102, "ideographDigital", "一〇二"),
            (7, "decimal", "7"),
            (4, "upperRoman", "IV"),
            (28, "lowerLetter", "ab"),
            (5, "decimalZero", "05"),
            (4_000_000_000, "upperRoman", "4000000000"),
            (9, "someNewFormat", "9"),
        ];
        for (n, format, printed) in cases {
            assert_eq!(format_number(n, format), printed, "{n} as {format}");
        }
    }
}
