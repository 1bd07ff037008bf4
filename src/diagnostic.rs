//! Diagnostics and fixes, independent of any output format.
//!
//! Everything here is owned: nothing from the oxc arena escapes a file's worker.
//! Spans are UTF-8 byte offsets into the file as read from disk (a BOM included), end exclusive.

use serde::{Deserialize, Deserializer, Serialize};

/// The special ids that are not rules.
pub const PARSE_ERROR: &str = "parse-error";
pub const IO_ERROR: &str = "io-error";
pub const INTERNAL_ERROR: &str = "internal-error";
pub const UNUSED_DISABLE_DIRECTIVE: &str = "unused-disable-directive";

/// How serious a diagnostic is once the configuration has spoken.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A byte range, end exclusive.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Default, Deserialize,
)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub const fn new(start: u32, end: u32) -> Self {
        Self { start, end }
    }
}

impl From<oxc_span::Span> for Span {
    fn from(s: oxc_span::Span) -> Self {
        Self {
            start: s.start,
            end: s.end,
        }
    }
}

/// A secondary place in the source with a noun phrase.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Label {
    pub span: Span,
    pub message: String,
}

impl Label {
    pub fn new(span: impl Into<Span>, message: impl Into<String>) -> Self {
        Self {
            span: span.into(),
            message: message.into(),
        }
    }
}

/// One text replacement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edit {
    pub span: Span,
    pub text: String,
}

impl Edit {
    pub fn new(span: impl Into<Span>, text: impl Into<String>) -> Self {
        Self {
            span: span.into(),
            text: text.into(),
        }
    }
    pub fn delete(span: impl Into<Span>) -> Self {
        Self::new(span, "")
    }
}

/// Whether a fix may be applied without a human looking at it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FixSafety {
    /// Applied by `--fix`: behaviour is unchanged.
    Safe,
    /// Applied only by `--fix-suggestions`: it may change behaviour.
    Suggestion,
}

/// A set of edits that together fix one diagnostic.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fix {
    pub message: String,
    pub safety: FixSafety,
    pub edits: Vec<Edit>,
}

impl Fix {
    pub fn safe(message: impl Into<String>, edits: Vec<Edit>) -> Self {
        Self {
            message: message.into(),
            safety: FixSafety::Safe,
            edits,
        }
    }
    pub fn suggestion(message: impl Into<String>, edits: Vec<Edit>) -> Self {
        Self {
            message: message.into(),
            safety: FixSafety::Suggestion,
            edits,
        }
    }
}

/// A 1-based line and a 1-based column counted in UTF-16 code units.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Default, Deserialize)]
pub struct Position {
    pub line: u32,
    pub column: u32,
}

/// One finding in one file. (Serde is for the result cache; the JSON report has its own
/// schema structs.)
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    pub span: Span,
    pub labels: Vec<Label>,
    pub help: Option<String>,
    pub fix: Option<Fix>,
    /// Filled by the pipeline from the file's line index.
    pub start: Position,
    pub end: Position,
}

/// Reads a diagnostic back; its rule id becomes the registry's `&'static str`, and an id this
/// build does not know is an error (a cache written by another version is not trusted).
impl<'de> Deserialize<'de> for Diagnostic {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Repr {
            rule: String,
            severity: Severity,
            message: String,
            span: Span,
            labels: Vec<Label>,
            help: Option<String>,
            fix: Option<Fix>,
            start: Position,
            end: Position,
        }
        let r = Repr::deserialize(d)?;
        let rule = crate::rules::static_id(&r.rule)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown rule id `{}`", r.rule)))?;
        Ok(Diagnostic {
            rule,
            severity: r.severity,
            message: r.message,
            span: r.span,
            labels: r.labels,
            help: r.help,
            fix: r.fix,
            start: r.start,
            end: r.end,
        })
    }
}

impl Diagnostic {
    /// A new diagnostic; the pipeline sets the severity from the configuration.
    pub fn new(rule: &'static str, span: impl Into<Span>, message: impl Into<String>) -> Self {
        Self {
            rule,
            severity: Severity::Error,
            message: message.into(),
            span: span.into(),
            labels: Vec::new(),
            help: None,
            fix: None,
            start: Position::default(),
            end: Position::default(),
        }
    }
    pub fn with_label(mut self, span: impl Into<Span>, message: impl Into<String>) -> Self {
        self.labels.push(Label::new(span, message));
        self
    }
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }
    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }
}

/// The result of linting one file.
#[derive(Clone, Debug, Default)]
pub struct FileReport {
    /// The path as shown to the user, `/`-separated.
    pub path: String,
    /// Sorted by start offset, then rule.
    pub diagnostics: Vec<Diagnostic>,
    /// The text, kept only when there are diagnostics (for code frames).
    pub source: Option<String>,
    /// The pretty format's text for this file, drawn by the worker that linted it (then
    /// `source` is dropped: memory grows with the findings' frames, not with their files).
    pub rendered: Option<String>,
}

impl FileReport {
    pub fn errors(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }
    pub fn warnings(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count()
    }
}

/// Sorts diagnostics by start offset, then rule, then end, then message.
pub fn sort_diagnostics(diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| {
        (a.span.start, a.rule, a.span.end, &a.message).cmp(&(
            b.span.start,
            b.rule,
            b.span.end,
            &b.message,
        ))
    });
}
