//! Stage 2 for table documents: the 2018 provincial compilation, one table per unit.

use super::lines::Line;
use super::{DocumentDraft, DocumentInfo};

/// A document is a table document when it has the table's header cells.
pub fn looks_like_table_document(lines: &[Line]) -> bool {
    lines.iter().take(200).any(|l| l.text.contains("责任部门") && (l.text.contains("工作内容") || l.text.contains("序号")))
}

pub fn parse(_info: &DocumentInfo, _lines: &[Line]) -> DocumentDraft {
    DocumentDraft::default()
}
