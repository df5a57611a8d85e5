//! The one error type of the public operations, each with a stable code that JavaScript sees as `error.code`.
//!
//! Core code returns [`Error`]; `src/wasm.rs` turns it into a JS `Error` in one place. Codes are part
//! of the package's contract: add new ones, never rename or reuse them.

use std::fmt;

/// What went wrong, as a stable machine-readable code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    /// An argument has the wrong type, is out of range, or is malformed.
    InvalidArgument,
    /// No plan has the given id.
    UnknownPlan,
    /// No measure has the given id.
    UnknownMeasure,
    /// Input over a documented limit (text size, number of added plans).
    TooLarge,
    /// A function was called before `init()` finished.
    NotInitialised,
    /// A reader's text held no plan the parser could read.
    ParseFailed,
    /// A data file (or the bundle) could not be decoded: damaged, or of another format version.
    BundleInvalid,
    /// Something that should not happen did, e.g. a result could not be converted: a bug to report.
    Internal,
    /// No theme has the given id.
    UnknownTheme,
    /// A search query or free text longer than the documented maximum, in characters.
    QueryTooLong,
    /// A search query or free text with no word in it.
    EmptyQuery,
    /// A data file could not be fetched (network, missing file), or a call ran before the files it
    /// needs were added (the package's functions add them first).
    DataUnavailable,
}

impl ErrorCode {
    pub const ALL: [ErrorCode; 12] = [
        ErrorCode::InvalidArgument,
        ErrorCode::UnknownPlan,
        ErrorCode::UnknownMeasure,
        ErrorCode::TooLarge,
        ErrorCode::NotInitialised,
        ErrorCode::ParseFailed,
        ErrorCode::BundleInvalid,
        ErrorCode::Internal,
        ErrorCode::UnknownTheme,
        ErrorCode::QueryTooLong,
        ErrorCode::EmptyQuery,
        ErrorCode::DataUnavailable,
    ];

    /// The code as JavaScript sees it, e.g. `INVALID_ARGUMENT`.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidArgument => "INVALID_ARGUMENT",
            ErrorCode::UnknownPlan => "UNKNOWN_PLAN",
            ErrorCode::UnknownMeasure => "UNKNOWN_MEASURE",
            ErrorCode::TooLarge => "TOO_LARGE",
            ErrorCode::NotInitialised => "NOT_INITIALISED",
            ErrorCode::ParseFailed => "PARSE_FAILED",
            ErrorCode::BundleInvalid => "BUNDLE_INVALID",
            ErrorCode::Internal => "INTERNAL",
            ErrorCode::UnknownTheme => "UNKNOWN_THEME",
            ErrorCode::QueryTooLong => "QUERY_TOO_LONG",
            ErrorCode::EmptyQuery => "EMPTY_QUERY",
            ErrorCode::DataUnavailable => "DATA_UNAVAILABLE",
        }
    }
}

/// An error with a stable [`ErrorCode`] and a message written for the person calling the API.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub code: ErrorCode,
    pub message: String,
}

impl Error {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Error { code, message: message.into() }
    }

    pub fn invalid_argument(message: impl Into<String>) -> Self {
        Error::new(ErrorCode::InvalidArgument, message)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code.as_str(), self.message)
    }
}

impl std::error::Error for Error {}

/// The query core's errors keep their codes (an out-of-range option is `INVALID_ARGUMENT`, as a
/// wrong type is), so JS sees the same `code` whichever layer refused the input.
impl From<crate::query::QueryError> for Error {
    fn from(e: crate::query::QueryError) -> Error {
        Error::new(e.code(), e.to_string())
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::{Error, ErrorCode};
    use crate::query::QueryError;

    /// Each query error keeps its code when it becomes the package's error.
    #[test]
    fn query_errors_keep_their_codes() {
        for e in [
            QueryError::UnknownPlan("x".into()),
            QueryError::UnknownTheme("x".into()),
            QueryError::invalid("limit", "too big"),
            QueryError::QueryTooLong { chars: 2, max: 1 },
            QueryError::EmptyQuery,
        ] {
            assert_eq!(Error::from(e.clone()).code, e.code());
        }
    }

    /// The package's TypeScript union and README table list every code (NOT_INITIALISED is also
    /// thrown by js/api.js itself).
    #[test]
    fn every_code_is_declared_for_javascript() {
        let types = include_str!("../js/index.d.ts");
        let readme = include_str!("../js/README.md");
        for code in ErrorCode::ALL {
            assert!(types.contains(&format!("'{}'", code.as_str())), "{} missing from js/index.d.ts", code.as_str());
            assert!(readme.contains(code.as_str()), "{} missing from js/README.md", code.as_str());
        }
    }
}
