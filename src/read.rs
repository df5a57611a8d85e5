//! Reading a document file into the text the parser reads: in the encoding it was saved in
//! (UTF-8; UTF-16 by its byte-order mark; GB18030/GBK or Big5, as Chinese offices and sites still
//! save them), a saved web page as the text a reader sees in it, and a Word .docx ([`docx`]).
//!
//! Native only: the build and `plan-compare parse` read files. The page's `addPlan` takes text the
//! browser has already decoded; its own-plan view opens a file by the same rules with the browser's
//! decoders and HTML parser (`www/js/read-file.js`): a change to one belongs in the other.

pub mod docx;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_8};
use html5gum::{DefaultEmitter, Token, Tokenizer};
use std::path::Path;

/// A document's text and how it was read, when that was not plain UTF-8 text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentText {
    pub text: String,
    /// What was done to read it ("read as GBK", "read as a web page: …"), for the reader to know
    /// what the records' line numbers count.
    pub notes: Vec<String>,
}

/// Read a document file (see [`document_text`]); a web page is known by its name or its start.
pub fn read_document(path: &Path) -> Result<DocumentText, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    // The page reads a PDF with pdf.js; scripts/pdf-text.mjs runs the same reader in Node, so that a
    // PDF's text, and so its records' line numbers, are the same here as there.
    if is_pdf(&bytes) {
        return Err(format!(
            "cannot read {}: a PDF (`node scripts/pdf-text.mjs FILE > FILE.txt` gives its text as the page's \
             Your own plan view reads it, one line per printed line)",
            path.display()
        ));
    }
    // No text has NUL bytes outside UTF-16; an old .doc or an image does (the page refuses such a
    // file the same way, www/js/read-file.js).
    let utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
    if !docx::is_zip(&bytes) && !utf16 && bytes.contains(&0) {
        return Err(format!(
            "cannot read {}: not a text file (an old .doc file? save it as .docx, as text or as a web page \
             first)",
            path.display()
        ));
    }
    if docx::is_zip(&bytes) {
        let text = docx::docx_text(&bytes).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let note = "read as a Word document: one line per paragraph and table row, cells separated by \
                    tabs, list numbers as Word prints them; line numbers count the lines of that text \
                    (`plan-compare parse FILE --text` prints it)";
        return Ok(DocumentText { text, notes: vec![note.to_string()] });
    }
    let named_as_page = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ["html", "htm", "shtml", "xhtml"].contains(&e.to_ascii_lowercase().as_str()));
    Ok(document_text(&bytes, named_as_page))
}

/// Whether bytes are a PDF: its header, which readers look for in the first kilobyte.
fn is_pdf(bytes: &[u8]) -> bool {
    bytes.get(..1024).unwrap_or(bytes).windows(5).any(|w| w == b"%PDF-")
}

/// The text of a document's bytes: decoded (see [`decode`]), then, for a web page (`page`, or a
/// text that opens as one), its visible text ([`page_text`]).
pub fn document_text(bytes: &[u8], page: bool) -> DocumentText {
    let (text, encoding, lost) = decode(bytes);
    let mut notes = Vec::new();
    if let Some(name) = encoding {
        notes.push(format!("read as {name} (not UTF-8)"));
    }
    if lost {
        let name = encoding.unwrap_or("UTF-8");
        notes.push(format!("some bytes are no text in {name}: each shows as \u{fffd}"));
    }
    if page || opens_as_page(&text) {
        notes.push(
            "read as a web page: the text it shows, one line per paragraph and table row, cells \
             separated by tabs; line numbers count the lines of that text \
             (`plan-compare parse FILE --text` prints it)"
                .to_string(),
        );
        return DocumentText { text: page_text(&text), notes };
    }
    DocumentText { text, notes }
}

/// Decode a document's bytes: UTF-16 by its byte-order mark; UTF-8 when the bytes are, or nearly
/// (a text cut inside a character; a UTF-8 byte-order mark stays, as the parser reads it);
/// otherwise the charset a web page declares, or the encoding a browser's detector guesses. Never
/// fails: a byte that is no text in the encoding becomes U+FFFD. Returns the text, the encoding's
/// name when not UTF-8, and whether any byte was replaced.
pub fn decode(bytes: &[u8]) -> (String, Option<&'static str>, bool) {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes).filter(|(e, _)| *e != UTF_8) {
        let (text, lost) = encoding.decode_without_bom_handling(bytes.get(bom..).unwrap_or_default());
        return (text.into_owned(), Some(encoding.name()), lost);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return (text.to_string(), None, false);
    }
    // A few bad bytes among many UTF-8 characters are damage, not another encoding (read as UTF-8,
    // a GBK text has a bad sequence for nearly every character).
    let (mut bad, mut wide) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        bad += usize::from(!chunk.invalid().is_empty());
        wide += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
    }
    if wide > 0 && bad <= 1 + wide / 50 {
        return (String::from_utf8_lossy(bytes).into_owned(), None, true);
    }
    let encoding = declared_charset(bytes).filter(|e| *e != UTF_8).unwrap_or_else(|| {
        let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
        detector.feed(bytes, true);
        detector.guess(None, Utf8Detection::Allow)
    });
    let (text, lost) = encoding.decode_without_bom_handling(bytes);
    let name = (encoding != UTF_8).then(|| encoding.name());
    (text.into_owned(), name, lost)
}

/// The charset a web page declares in its first kilobytes (`<meta charset="gb2312">`, or
/// `content="text/html; charset=gbk"`), as a browser reads the label.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = String::from_utf8_lossy(bytes.get(..4096).unwrap_or(bytes)).to_ascii_lowercase();
    let after = &head[head.find("charset=")? + "charset=".len()..];
    let label = after.trim_start_matches(['"', '\'', ' ']);
    let end = label.find(|c: char| !(c.is_ascii_alphanumeric() || "-_:.".contains(c))).unwrap_or(label.len());
    Encoding::for_label(&label.as_bytes()[..end])
}

/// Whether a text opens as a web page's source (`<!DOCTYPE html`, `<html`), after a byte-order
/// mark, blank space and an XML declaration.
pub fn opens_as_page(text: &str) -> bool {
    let mut start = text.trim_start_matches('\u{feff}').trim_start();
    if start.starts_with("<?xml") {
        start = start.find("?>").map_or("", |at| start[at + 2..].trim_start());
    }
    let head = start.get(..14).unwrap_or(start).to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html")
}

/// Elements whose content a reader never sees as text.
const HIDDEN: &[&str] = &[
    "head", "script", "style", "noscript", "template", "title", "select", "option", "textarea", "svg", "object",
    "iframe",
];
/// Elements that start and end a line of text (a paragraph, a heading, a list item, a row).
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "caption",
    "center",
    "dd",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "html",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "tr",
    "ul",
];

/// The text a web page shows, as a reader's copy of it gives it: one line per paragraph, heading,
/// list item or table row; a row's cells separated by tabs (an empty cell too, so that columns
/// stay in place); runs of spaces and line breaks of the source as one space, none for a line
/// break between two Chinese characters (CSS Text's rule for wide characters; the parser's
/// `normalise` drops such spaces from records anyway); entities decoded;
/// scripts, styles, the head and form controls left out. Never fails: any input, well formed or
/// not, gives a text.
pub fn page_text(html: &str) -> String {
    let mut emitter = DefaultEmitter::default();
    // Script and style bodies read as raw text, as a browser reads them.
    emitter.naively_switch_states(true);
    let mut out = Writer::default();
    // Open hidden elements (by name), and the open tables.
    let mut hidden: Vec<Vec<u8>> = Vec::new();
    let mut tables: Vec<Table> = Vec::new();
    let mut pre = 0usize;
    for token in Tokenizer::new_with_emitter(html, emitter).flatten() {
        match token {
            Token::StartTag(tag) => {
                let name = tag.name.to_ascii_lowercase();
                let name_str = std::str::from_utf8(&name).unwrap_or_default();
                if name_str == "body" {
                    // The head ends where the body starts, whether or not `</head>` was printed.
                    hidden.clear();
                }
                if HIDDEN.contains(&name_str) {
                    if !tag.self_closing {
                        hidden.push(name);
                    }
                    continue;
                }
                if !hidden.is_empty() {
                    continue;
                }
                match name_str {
                    "table" => tables.push(Table::default()),
                    "tr" => {
                        if let Some(table) = tables.last_mut() {
                            table.end_row(&mut out);
                            table.in_row = true;
                        }
                        out.row();
                    }
                    "td" | "th" => {
                        // A cell outside any table still begins a row of one.
                        if tables.is_empty() {
                            tables.push(Table::default());
                        }
                        if let Some(table) = tables.last_mut() {
                            let span = |name: &[u8], most: usize| {
                                let value = tag.attributes.get(name).map(|v| String::from_utf8_lossy(v).into_owned());
                                html_count(value.as_deref()).clamp(1, most)
                            };
                            table.cell(&mut out, span(b"colspan", MAX_COLSPAN), span(b"rowspan", MAX_ROWSPAN));
                        }
                        continue;
                    }
                    "pre" => pre += 1,
                    _ => {}
                }
                if BLOCKS.contains(&name_str) {
                    out.line();
                }
            }
            Token::EndTag(tag) => {
                let name = tag.name.to_ascii_lowercase();
                if let Some(at) = hidden.iter().rposition(|h| *h == name) {
                    hidden.truncate(at);
                    continue;
                }
                if !hidden.is_empty() {
                    continue;
                }
                match name.as_slice() {
                    b"table" => {
                        if let Some(mut table) = tables.pop() {
                            table.end_row(&mut out);
                        }
                    }
                    b"tr" => {
                        if let Some(table) = tables.last_mut() {
                            table.end_row(&mut out);
                        }
                    }
                    b"td" | b"th" => {
                        if let Some(table) = tables.last_mut() {
                            table.close_cell(&out);
                        }
                    }
                    b"pre" => pre = pre.saturating_sub(1),
                    _ => {}
                }
                if BLOCKS.contains(&std::str::from_utf8(&name).unwrap_or_default()) {
                    out.line();
                }
            }
            Token::String(s) if hidden.is_empty() => out.text(&String::from_utf8_lossy(&s), pre > 0),
            _ => {}
        }
    }
    out.finish()
}

/// The widest `colspan` and longest `rowspan` read (the limits browsers keep to).
const MAX_COLSPAN: usize = 1000;
const MAX_ROWSPAN: usize = 65534;
/// Most merged cells a table reads again at once (a data table has a few dozen columns at most).
const MAX_SPANS: usize = 64;

/// A span's number as browsers read one (`2`, ` 3px` is 3): leading blanks, then digits; 0 when
/// there are none.
fn html_count(value: Option<&str>) -> usize {
    let digits: String =
        value.unwrap_or_default().trim_start().chars().take_while(char::is_ascii_digit).take(9).collect();
    digits.parse().unwrap_or(0)
}

/// The longest text of a merged cell read again in the rows it covers (a number, a category, a
/// task, departments; longer is a layout table's cell: a menu, an article).
const MAX_REPEATED_CHARS: usize = 200;

/// Whether a merged cell's text is read again in each row it covers: a data table's cell, not a
/// layout table's (long, or holding a table of its own).
fn is_repeatable(text: &str) -> bool {
    !text.contains('\t') && text.chars().count() <= MAX_REPEATED_CHARS
}

/// The most text (bytes) a document's merged cells are read again as, in all: a real table's few
/// kilobytes many times over, while a hostile page of thousands of cells spanning thousands of
/// rows would otherwise grow its text by their product.
const MAX_REPEATED_TOTAL: usize = 4 << 20;

/// Whether `text` may be read again after `repeated` bytes were (counting it when it may).
fn repeat_within_budget(repeated: &mut usize, text: &str) -> bool {
    let within = *repeated + text.len() <= MAX_REPEATED_TOTAL;
    if within {
        *repeated += text.len();
    }
    within
}

/// A table being read, row after row. A cell spanning rows (`rowspan`) is written once in the
/// page's source; each row below that it covers reads it again at its column, as a reader of the
/// table sees it (a number, a category, the departments of two tasks), so that every row is whole.
#[derive(Default)]
struct Table {
    /// Whether a row is being read (from its `<tr>` or first cell to its end, written or implied),
    /// and the cells it has written.
    in_row: bool,
    cells: usize,
    /// The grid column the next cell starts at.
    column: usize,
    /// The cell being read: where its text starts in the output, and the span it registers.
    open: Option<(usize, Span)>,
    /// Cells of rows above that reach into this one, by column.
    spans: Vec<Span>,
    /// Cells of this row that reach into the next.
    starting: Vec<Span>,
}

#[derive(Clone)]
struct Span {
    column: usize,
    width: usize,
    /// Rows below still covered.
    rows: usize,
    text: String,
}

impl Table {
    /// A cell of `width` columns spanning `rows` rows starts: cells reaching down from above
    /// come first where they stand.
    fn cell(&mut self, out: &mut Writer, width: usize, rows: usize) {
        self.close_cell(out);
        self.in_row = true;
        self.spanned(out, false);
        self.separate(out);
        let span = Span { column: self.column, width, rows: rows - 1, text: String::new() };
        self.open = Some((out.out.len(), span));
        self.column += width;
    }

    /// The cell being read ends: a cell spanning rows keeps its text for the rows below.
    fn close_cell(&mut self, out: &Writer) {
        if let Some((start, mut span)) = self.open.take() {
            span.text = out.out.get(start..).unwrap_or_default().replace('\n', "").trim().to_string();
            if span.rows > 0 && is_repeatable(&span.text) && self.spans.len() + self.starting.len() < MAX_SPANS {
                self.starting.push(span);
            }
        }
    }

    /// The row ends: cells reaching into it after its own are written, and the spans move down.
    fn end_row(&mut self, out: &mut Writer) {
        self.close_cell(out);
        if !self.in_row {
            return;
        }
        self.spanned(out, true);
        self.spans.retain_mut(|span| {
            span.rows -= 1;
            span.rows > 0
        });
        self.spans.append(&mut self.starting);
        self.spans.sort_by_key(|span| span.column);
        (self.in_row, self.cells, self.column) = (false, 0, 0);
    }

    /// Write the cells reaching down from above that stand at the current column, one after
    /// another, or (`to_end`, when the row ends) all those from it on.
    fn spanned(&mut self, out: &mut Writer, to_end: bool) {
        let stands = |s: &&Span, column: usize| s.column == column || (to_end && s.column > column);
        while let Some(span) = self.spans.iter().find(|s| stands(s, self.column)).cloned() {
            self.separate(out);
            out.repeat(&span.text);
            self.column = span.column + span.width;
        }
    }

    fn separate(&mut self, out: &mut Writer) {
        if self.cells > 0 {
            out.cell();
        } else {
            out.row();
        }
        self.cells += 1;
    }
}

/// The text being written: what comes before the next word (a space, a line break) is decided
/// when the word arrives, so that nothing trails a line and no line is blank.
#[derive(Default)]
struct Writer {
    out: String,
    /// A line break is owed before the next text.
    line: bool,
    /// A space is owed before the next text; `true` when it stood for a line break of the source
    /// (none is then written between two Chinese characters).
    space: Option<bool>,
    /// Bytes of merged cells' text read again so far.
    repeated: usize,
}

impl Writer {
    fn line(&mut self) {
        self.line = true;
        self.space = None;
    }

    /// A table row starts: its line begins now, so that a first cell left empty still keeps
    /// its place before the tab of the second.
    fn row(&mut self) {
        self.line = false;
        self.space = None;
        self.trim_end();
        if !self.out.is_empty() && !self.out.ends_with('\n') {
            self.out.push('\n');
        }
    }

    /// The next cell of a table row: a tab, even after an empty cell.
    fn cell(&mut self) {
        self.line = false;
        self.space = None;
        self.trim_end();
        self.out.push('\t');
    }

    /// A merged cell's text read again, as it was written, within [`MAX_REPEATED_TOTAL`].
    fn repeat(&mut self, text: &str) {
        if repeat_within_budget(&mut self.repeated, text) {
            text.chars().for_each(|c| self.put(c));
        }
    }

    fn trim_end(&mut self) {
        while self.out.ends_with(' ') {
            self.out.pop();
        }
    }

    fn text(&mut self, text: &str, preformatted: bool) {
        for c in text.chars() {
            if preformatted && c == '\n' {
                self.line();
            } else if c.is_whitespace() && c != '\u{3000}' {
                // A full-width space is a character of Chinese text (an indent), not spacing.
                let break_in_source = matches!(c, '\n' | '\r');
                self.space = Some(self.space.unwrap_or(false) || break_in_source);
            } else {
                self.put(c);
            }
        }
    }

    fn put(&mut self, c: char) {
        if self.line {
            if !self.out.is_empty() && !self.out.ends_with('\n') {
                self.out.push('\n');
            }
            self.line = false;
        } else if let Some(break_in_source) = self.space.take() {
            let last = self.out.chars().next_back();
            let between_chinese = break_in_source && last.is_some_and(is_chinese) && is_chinese(c);
            if last.is_some_and(|l| l != '\n' && l != '\t') && !between_chinese {
                self.out.push(' ');
            }
        }
        self.space = None;
        self.out.push(c);
    }

    fn finish(mut self) -> String {
        while self.out.ends_with([' ', '\t', '\n']) {
            self.out.pop();
        }
        if !self.out.is_empty() {
            self.out.push('\n');
        }
        self.out
    }
}

/// A character of Chinese text (ideographs and their punctuation), which needs no spaces.
fn is_chinese(c: char) -> bool {
    matches!(c, '\u{2e80}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{fe30}'..='\u{fe4f}' | '\u{ff00}'..='\u{ffef}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_reads_as_its_lines_and_cells() {
        let html = "<!DOCTYPE html>\n<html><head><title>站点</title><style>p{color:red}</style>\
                    <script>var a = '<p>不是正文</p>';</script></head>\n<body>\n\
                    <div class=\"nav\"><a href=\"/\">首页</a> &gt; <a>政务公开</a></div>\n\
                    <h1>某某市2024年知识产权\n工作要点</h1>\n\
                    <p>&nbsp;&nbsp;一、加强知识产权创造</p><p>1.提升专利质量。<br>实施高价值专利培育工程。</p>\n\
                    <table><tr><th>序号</th><th>任务</th><th>责任单位</th></tr>\n\
                    <tr><td>1</td><td></td><td>市市场监管局、<br>市商务局</td></tr></table>\n\
                    <select><option>请选择</option></select><p>Patent  law\n applies</p></body></html>";
        assert_eq!(
            page_text(html),
            "首页 > 政务公开\n某某市2024年知识产权工作要点\n一、加强知识产权创造\n1.提升专利质量。\n\
             实施高价值专利培育工程。\n序号\t任务\t责任单位\n1\t\t市市场监管局、\n市商务局\nPatent law applies\n"
        );
    }

    #[test]
    fn any_input_gives_a_text() {
        for html in
            ["", "<", "<p", "</td><td>", "<table><td>a<td>b", "<script>", "<!-- x", "&#xD800;", "<pre>\n a\n</pre>"]
        {
            let text = page_text(html);
            assert!(!text.contains("\n\n") && !text.starts_with('\n'), "{html:?} gave {text:?}");
        }
        assert_eq!(page_text("<pre>一\n二</pre>"), "一\n二\n");
        assert_eq!(page_text("<td>a<td>b"), "a\tb\n");
        assert_eq!(page_text("a<table><tr>"), "a\n", "a row that never came leaves no blank line");
        // A row whose first cell is empty stays a row of its own.
        assert_eq!(
            page_text("<p>表</p><table><tr><td></td><td>指标</td></tr><tr><td>1</td></tr></table>"),
            "表\n\t指标\n1\n"
        );
    }

    #[test]
    fn a_cell_spanning_rows_is_read_in_each_row_it_covers() {
        // The same page as the page's test (tests/browser/own-plan.test.mjs), the same text. A
        // cell's paragraphs are lines of their own where it is written, and joined where it is read
        // again; `rowspan=0` and a `colspan` of `3px` are read as browsers read them (1 and 3). A
        // layout table's merged cell (a page's body beside its menu) is not read again.
        let body = "正文".repeat(101);
        let layout = format!("<table><tr><td rowspan=2>{body}</td><td>菜单</td></tr><tr><td>页脚</td></tr></table>");
        assert_eq!(page_text(&layout), format!("{body}\t菜单\n页脚\n"));
        let html = "<table><tr><th rowspan=2>类别</th><th rowspan=2>指标</th><th colspan=2>目标值</th><th rowspan=2>属性</th>\
                    <tr><th>2020年</th><th>2025年</th></table>\
                    <table><tr><th>序号</th><th colspan=2>重点任务</th><th>责任单位</th></tr>\
                    <tr><td rowspan=\"2\">3</td><td>开展</td><td>市场培育</td><td rowspan=3><p>市市场监管局、</p><p>市商务局</p></td></tr>\
                    <tr><td>完善</td><td>纠纷化解</td></tr>\
                    <tr><td colspan=\"3px\">加强宣传</td>\
                    <tr></tr>\
                    <tr><td>4<td rowspan=0>x<td>y</table><p>完</p>";
        assert_eq!(
            page_text(html),
            "类别\t指标\t目标值\t属性\n类别\t指标\t2020年\t2025年\t属性\n序号\t重点任务\t责任单位\n3\t开展\t市场培育\t\n市市场监管局、\n市商务局\n3\t完善\t纠纷化解\t市市场监管局、市商务局\n\
             加强宣传\t市市场监管局、市商务局\n4\tx\ty\n完\n"
        );
    }

    #[test]
    fn merged_cells_cannot_blow_a_page_up() {
        // A hostile page: 100 cells of 200 characters spanning all rows, then 20,000 empty rows.
        // Read again in each, they would be 1.2 GB of text; at most 64 are kept, and 4 MiB of
        // text read again in all.
        let cell = format!("<td rowspan=65534>{}</td>", "字".repeat(200));
        let html = format!("<table><tr>{}</tr>{}</table>", cell.repeat(100), "<tr>".repeat(20_000));
        let text = page_text(&html);
        let first = text.lines().next().unwrap_or_default().len();
        assert!(text.len() <= first + MAX_REPEATED_TOTAL + 64 * 20_000 + 20_000, "{} bytes", text.len());
        assert_eq!(text.lines().nth(1).map(|l| l.split('\t').count()), Some(64));
    }

    proptest::proptest! {
        #[test]
        fn any_markup_gives_lines_without_blanks(html in "(<[a-z/!]{0,6}[ a-z=\"']{0,6}>?|&[a-z#0-9]{0,5};?|[a-z 一二\t\n]{0,4}){0,40}") {
            let text = page_text(&html);
            proptest::prop_assert!(!text.contains("\n\n") && !text.starts_with('\n'));
            proptest::prop_assert!(text.is_empty() || text.ends_with('\n'));
        }

        #[test]
        fn any_bytes_give_a_text(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..400), page: bool) {
            let read = document_text(&bytes, page);
            proptest::prop_assert!(read.notes.len() <= 3);
        }

        #[test]
        fn text_without_markup_keeps_its_words(words in proptest::collection::vec("[a-z一二三]{1,5}", 1..20)) {
            let text = words.join(" ");
            proptest::prop_assert_eq!(page_text(&format!("<p>{text}</p>")), format!("{text}\n"));
        }
    }

    #[test]
    fn encodings_are_told_apart() {
        let text = "二〇二三年知识产权工作要点\n一、加强知识产权保护，完善纠纷调解机制。\n";
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        assert_eq!(decode(&gbk), (text.to_string(), Some("GBK"), false));
        let traditional = "知識產權保護工作計劃\n一、加強知識產權保護，完善糾紛調解機制，推動行政執法與司法銜接。\n";
        let (big5, _, _) = encoding_rs::BIG5.encode(traditional);
        assert_eq!(decode(&big5), (traditional.to_string(), Some("Big5"), false));
        let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert_eq!(decode(&utf16), (text.to_string(), Some("UTF-16LE"), false));
        assert_eq!(decode(text.as_bytes()), (text.to_string(), None, false));
        let cut = &text.as_bytes()[..text.len() - 2];
        assert_eq!(decode(cut), (format!("{}\u{fffd}", &text[..text.len() - 4]), None, true), "cut in a character");
        let bom = [&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat();
        assert_eq!(decode(&bom).0, format!("\u{feff}{text}"), "a UTF-8 mark stays, as before");
        let page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">";
        let body = encoding_rs::GBK.encode("<p>知识产权</p>").0;
        assert_eq!(decode(&[&page[..], &body].concat()).1, Some("GBK"), "declared, and gb2312 is read as GBK");
    }

    #[test]
    fn a_page_is_known_by_its_name_or_start() {
        assert!(opens_as_page("\u{feff}  <!doctype HTML>\n<html>"));
        assert!(opens_as_page("<?xml version=\"1.0\"?>\n<html xmlns=\"…\">"));
        assert!(!opens_as_page("某某市知识产权工作要点\n<p>一、…</p>"));
        let read = document_text("<p>一、加强保护</p>".as_bytes(), true);
        assert_eq!(read.text, "一、加强保护\n");
        assert_eq!(read.notes.len(), 1);
        let plain = document_text("一、加强保护\n".as_bytes(), false);
        assert_eq!((plain.text.as_str(), plain.notes.len()), ("一、加强保护\n", 0));
    }
}
