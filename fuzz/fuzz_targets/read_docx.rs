//! Fuzz the Word (.docx) reader: any bytes as an archive, and any text as the parts of a Word
//! document (its body, numbering and styles, split at `<!--part-->`, as in fuzz/seeds/read_docx.xml),
//! must give a text or a reason, never a panic, a hang or a stack overflow.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plan_compare::read::docx::docx_text;
use std::io::{Cursor, Write};

fuzz_target!(|data: &[u8]| {
    let _ = docx_text(data);
    let text = String::from_utf8_lossy(data);
    let mut parts = text.splitn(3, "<!--part-->");
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for name in ["word/document.xml", "word/numbering.xml", "word/styles.xml"] {
        let Some(part) = parts.next() else { break };
        zip.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
        zip.write_all(part.as_bytes()).unwrap();
    }
    let archive = zip.finish().unwrap().into_inner();
    if let Ok(text) = docx_text(&archive) {
        assert!(text.is_empty() || text.ends_with('\n'));
    }
});
