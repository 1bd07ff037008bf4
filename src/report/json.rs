//! `--format json`: one document, schema version 1 (`restlint.schema.json`).

use serde::Serialize;

use crate::diagnostic::{Diagnostic, FileReport, FixSafety, Label, Position, Span};
use crate::report::Summary;

#[derive(Serialize)]
struct Document<'r> {
    version: u32,
    files: usize,
    diagnostics: Vec<JsonDiagnostic<'r>>,
    summary: JsonSummary,
}

#[derive(Serialize)]
struct JsonDiagnostic<'r> {
    file: &'r str,
    rule: &'r str,
    severity: &'r str,
    message: &'r str,
    help: Option<&'r str>,
    span: Span,
    start: Position,
    end: Position,
    labels: &'r [Label],
    fix: Option<JsonFix<'r>>,
}

#[derive(Serialize)]
struct JsonFix<'r> {
    message: &'r str,
    safe: bool,
    edits: &'r [crate::diagnostic::Edit],
}

#[derive(Serialize)]
struct JsonSummary {
    errors: usize,
    warnings: usize,
    fixable: usize,
}

fn diagnostic<'r>(file: &'r str, d: &'r Diagnostic) -> JsonDiagnostic<'r> {
    JsonDiagnostic {
        file,
        rule: d.rule,
        severity: d.severity.as_str(),
        message: &d.message,
        help: d.help.as_deref(),
        span: d.span,
        start: d.start,
        end: d.end,
        labels: &d.labels,
        fix: d.fix.as_ref().map(|f| JsonFix {
            message: &f.message,
            safe: f.safety == FixSafety::Safe,
            edits: &f.edits,
        }),
    }
}

/// Renders the whole run as one JSON document (with a final newline).
pub fn render(files: usize, reports: &[FileReport], summary: Summary) -> String {
    let diagnostics = reports
        .iter()
        .flat_map(|r| r.diagnostics.iter().map(|d| diagnostic(&r.path, d)))
        .collect();
    let doc = Document {
        version: 1,
        files,
        diagnostics,
        summary: JsonSummary {
            errors: summary.errors,
            warnings: summary.warnings,
            fixable: summary.fixable,
        },
    };
    let mut s =
        serde_json::to_string_pretty(&doc).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}
