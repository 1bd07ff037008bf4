//! `--format sarif`: one SARIF 2.1.0 log with one run, for GitHub code scanning and other
//! SARIF consumers.
//!
//! Invariants: regions use the run's `columnKind`, `utf16CodeUnits`, which is how our columns
//! are counted (SARIF §3.14.17, §3.30.2); `endColumn` is the column of the character after the
//! region (§3.30.7), which is what our exclusive `end` position is. Fix regions also carry
//! `byteOffset`/`byteLength`, unambiguous whatever the column kind (a BOM counts as bytes, as
//! in our spans). Artifact URIs are relative references, `/`-separated and percent-encoded,
//! unless the path is absolute (then a `file://` URI). A diagnostic about the whole file (an
//! `io-error`) gets an empty region at its start. Nothing depends on time or machine, so
//! the output is the same on every run.

use std::collections::HashMap;

use serde::Serialize;

use crate::diagnostic::{
    Diagnostic, FileReport, FixSafety, INTERNAL_ERROR, IO_ERROR, Position, Severity, Span,
};
use crate::source::LineIndex;

/// The schema the log names in `$schema`.
pub const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The tool that made the log.
#[derive(Clone, Copy, Debug)]
pub struct ToolInfo<'t> {
    pub name: &'t str,
    pub version: &'t str,
    /// The project's home page.
    pub information_uri: &'t str,
    /// Where the rule pages live; a rule's page is this followed by `<id>.md`.
    pub rules_base_uri: &'t str,
}

/// What the log says about one rule (or one of the ids that are not rules, like `parse-error`).
#[derive(Clone, Debug)]
pub struct RuleInfo<'t> {
    pub id: &'t str,
    /// One sentence: the rule page's summary.
    pub summary: String,
    /// The whole rule page (Markdown), when the id has one; also decides whether there is a
    /// help URI.
    pub docs: Option<&'t str>,
    /// The severity the rule has unless configured; `None` = off by default.
    pub default: Option<Severity>,
}

#[derive(Serialize)]
struct Log<'r> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'r>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'r> {
    tool: Tool<'r>,
    invocations: [Invocation; 1],
    column_kind: &'static str,
    results: Vec<SarifResult<'r>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
}

#[derive(Serialize)]
struct Tool<'r> {
    driver: Driver<'r>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver<'r> {
    name: &'r str,
    version: &'r str,
    semantic_version: &'r str,
    information_uri: &'r str,
    rules: Vec<Descriptor<'r>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Descriptor<'r> {
    id: &'r str,
    /// The id in PascalCase (`rest-not-last` → `RestNotLast`), SARIF's "friendly name".
    name: String,
    short_description: Text<'r>,
    #[serde(skip_serializing_if = "Option::is_none")]
    help_uri: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<MultiformatText<'r>>,
    default_configuration: Configuration,
}

#[derive(Serialize)]
struct Configuration {
    enabled: bool,
    level: &'static str,
}

#[derive(Serialize)]
struct Text<'r> {
    text: &'r str,
}

#[derive(Serialize)]
struct OwnedText {
    text: String,
}

#[derive(Serialize)]
struct MultiformatText<'r> {
    text: &'r str,
    markdown: &'r str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'r> {
    rule_id: &'r str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule_index: Option<usize>,
    level: &'static str,
    message: OwnedText,
    locations: [Location; 1],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<SarifFix<'r>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<OwnedText>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region>,
    #[serde(skip_serializing_if = "Option::is_none")]
    context_region: Option<ContextRegion>,
}

/// Whole lines around a result, with their text (§3.29.5).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ContextRegion {
    start_line: u32,
    end_line: u32,
    snippet: OwnedText,
}

#[derive(Serialize, Clone)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: u32,
    start_column: u32,
    end_line: u32,
    end_column: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    byte_offset: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    byte_length: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    snippet: Option<OwnedText>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifFix<'r> {
    description: Text<'r>,
    artifact_changes: [ArtifactChange<'r>; 1],
    properties: FixProperties,
}

#[derive(Serialize)]
struct FixProperties {
    /// `true` for a fix `--fix` applies, `false` for a suggestion (`--fix-suggestions`).
    safe: bool,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactChange<'r> {
    artifact_location: ArtifactLocation,
    replacements: Vec<Replacement<'r>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Replacement<'r> {
    deleted_region: Region,
    inserted_content: Text<'r>,
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// A message as SARIF wants it: a plain-text sentence that ends with a period (§3.11.5,
/// validator rule SARIF2001). Our messages have no final period.
fn sentence(message: &str) -> String {
    let trimmed = message.trim_end();
    if trimmed.ends_with(['.', '?', '!']) {
        trimmed.to_string()
    } else {
        format!("{trimmed}.")
    }
}

/// Whether a byte may stand unescaped in a URI path (RFC 3986 `unreserved`, plus `/`).
fn unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/')
}

/// A display path as a URI reference: percent-encoded, a `file://` URI when absolute.
pub fn path_to_uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len() + 8);
    if path.starts_with('/') {
        out.push_str("file://");
    }
    for &b in path.as_bytes() {
        if unreserved(b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Positions for spans of one file; without the text (an unreadable file) there are none.
struct Positions<'t> {
    text: &'t str,
    index: LineIndex,
}

impl<'t> Positions<'t> {
    fn new(text: &'t str) -> Self {
        Self {
            text,
            index: LineIndex::new(text),
        }
    }
    fn of(&self, offset: u32) -> Position {
        self.index.position(self.text, offset)
    }
}

/// A region from already computed positions; `None` when there is no position (line 0: the
/// diagnostic is about the whole file, like an `io-error`).
fn region(start: Position, end: Position, bytes: Option<Span>) -> Option<Region> {
    if start.line == 0 || start.column == 0 {
        return None;
    }
    let (end_line, end_column) = if end.line == 0 || end.column == 0 || end < start {
        (start.line, start.column)
    } else {
        (end.line, end.column)
    };
    Some(Region {
        start_line: start.line,
        start_column: start.column,
        end_line,
        end_column,
        byte_offset: bytes.map(|s| s.start),
        byte_length: bytes.map(|s| s.end.saturating_sub(s.start)),
        snippet: None,
    })
}

fn location(uri: &str, region: Option<Region>) -> PhysicalLocation {
    PhysicalLocation {
        artifact_location: ArtifactLocation {
            uri: uri.to_string(),
        },
        region,
        context_region: None,
    }
}

/// Snippets longer than this (in bytes) are left out: a log is not a copy of the sources.
const MAX_SNIPPET: usize = 1000;

/// `rest-not-last` → `RestNotLast`.
fn pascal_case(id: &str) -> String {
    id.split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
        })
        .collect()
}

/// The primary location, with the flagged text and the whole lines it stands on.
fn primary_location(
    uri: &str,
    d: &Diagnostic,
    positions: Option<&Positions<'_>>,
) -> PhysicalLocation {
    // A diagnostic about the whole file (an `io-error`: there may be no text to count lines
    // in) points at its start, with an empty region: consumers want a region (SARIF2017).
    let start_of_file = || {
        let first = Position { line: 1, column: 1 };
        region(first, first, Some(Span::new(0, 0)))
    };
    let mut loc = location(uri, region(d.start, d.end, None).or_else(start_of_file));
    let (Some(p), Some(region)) = (positions, loc.region.as_mut()) else {
        return loc;
    };
    let span_text = p.text.get(d.span.start as usize..d.span.end as usize);
    if let Some(t) = span_text.filter(|t| !t.is_empty() && t.len() <= MAX_SNIPPET) {
        region.snippet = Some(OwnedText {
            text: t.to_string(),
        });
    }
    let (first, last) = (region.start_line, region.end_line);
    let start = p.index.line_start(first);
    let end = p.index.line_start(last + 1).unwrap_or(p.text.len() as u32);
    if let Some(lines) = start.and_then(|s| p.text.get(s as usize..end as usize)) {
        let lines = lines
            .trim_end_matches(['\n', '\r'])
            .trim_start_matches('\u{feff}');
        if !lines.is_empty() && lines.len() <= MAX_SNIPPET {
            loc.context_region = Some(ContextRegion {
                start_line: first,
                end_line: last,
                snippet: OwnedText {
                    text: lines.to_string(),
                },
            });
        }
    }
    loc
}

fn result<'r>(
    d: &'r Diagnostic,
    uri: &str,
    positions: Option<&Positions<'_>>,
    rule_index: &HashMap<&str, usize>,
) -> SarifResult<'r> {
    let primary = Location {
        id: None,
        physical_location: primary_location(uri, d, positions),
        message: None,
    };
    let mut related_locations = Vec::new();
    if let Some(p) = positions {
        // A label on the primary span only repeats the primary location.
        for l in d.labels.iter().filter(|l| l.span != d.span) {
            related_locations.push(Location {
                id: Some(related_locations.len() + 1),
                physical_location: location(
                    uri,
                    region(p.of(l.span.start), p.of(l.span.end), None),
                ),
                message: Some(OwnedText {
                    text: l.message.clone(),
                }),
            });
        }
    }
    let fixes = match (&d.fix, positions) {
        (Some(f), Some(p)) => {
            let replacements: Vec<Replacement> = f
                .edits
                .iter()
                .filter_map(|e| {
                    Some(Replacement {
                        deleted_region: region(p.of(e.span.start), p.of(e.span.end), Some(e.span))?,
                        inserted_content: Text { text: &e.text },
                    })
                })
                .collect();
            vec![SarifFix {
                description: Text { text: &f.message },
                artifact_changes: [ArtifactChange {
                    artifact_location: ArtifactLocation {
                        uri: uri.to_string(),
                    },
                    replacements,
                }],
                properties: FixProperties {
                    safe: f.safety == FixSafety::Safe,
                },
            }]
        }
        _ => Vec::new(),
    };
    let mut text = sentence(&d.message);
    if let Some(help) = &d.help {
        text.push_str("\nhelp: ");
        text.push_str(&sentence(help));
    }
    SarifResult {
        rule_id: d.rule,
        rule_index: rule_index.get(d.rule).copied(),
        level: level(d.severity),
        message: OwnedText { text },
        locations: [primary],
        related_locations,
        fixes,
    }
}

/// Renders the run as one SARIF log (pretty-printed, with a final newline).
pub fn render(reports: &[FileReport], tool: ToolInfo<'_>, rules: &[RuleInfo<'_>]) -> String {
    let descriptors: Vec<Descriptor> = rules
        .iter()
        .map(|r| Descriptor {
            id: r.id,
            name: pascal_case(r.id),
            short_description: Text { text: &r.summary },
            help_uri: r
                .docs
                .map(|_| format!("{}{}.md", tool.rules_base_uri, r.id)),
            help: r.docs.map(|markdown| MultiformatText {
                text: &r.summary,
                markdown,
            }),
            default_configuration: Configuration {
                enabled: r.default.is_some(),
                level: level(r.default.unwrap_or(Severity::Warning)),
            },
        })
        .collect();
    let rule_index: HashMap<&str, usize> =
        rules.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
    let mut results = Vec::new();
    let mut successful = true;
    for r in reports {
        let uri = path_to_uri(&r.path);
        let positions = r.source.as_deref().map(Positions::new);
        for d in &r.diagnostics {
            successful &= d.rule != IO_ERROR && d.rule != INTERNAL_ERROR;
            results.push(result(d, &uri, positions.as_ref(), &rule_index));
        }
    }
    let log = Log {
        schema: SCHEMA_URI,
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: tool.name,
                    version: tool.version,
                    semantic_version: tool.version,
                    information_uri: tool.information_uri,
                    rules: descriptors,
                },
            },
            invocations: [Invocation {
                execution_successful: successful,
            }],
            column_kind: "utf16CodeUnits",
            results,
        }],
    };
    let mut s =
        serde_json::to_string_pretty(&log).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_percent_encoded_references() {
        assert_eq!(path_to_uri("src/a.js"), "src/a.js");
        assert_eq!(path_to_uri("my dir/ä#1.ts"), "my%20dir/%C3%A4%231.ts");
        assert_eq!(path_to_uri("/tmp/x y.js"), "file:///tmp/x%20y.js");
    }

    #[test]
    fn friendly_names() {
        assert_eq!(pascal_case("rest-not-last"), "RestNotLast");
        assert_eq!(pascal_case("io-error"), "IoError");
    }

    #[test]
    fn messages_become_sentences() {
        assert_eq!(sentence("`xs` is a number"), "`xs` is a number.");
        assert_eq!(
            sentence("did you forget `await`?"),
            "did you forget `await`?"
        );
    }

    #[test]
    fn regions_need_a_position() {
        assert!(region(Position::default(), Position::default(), None).is_none());
        let r = region(
            Position { line: 2, column: 3 },
            Position { line: 2, column: 3 },
            Some(Span::new(7, 7)),
        )
        .expect("a region");
        assert_eq!(
            (r.start_column, r.end_column, r.byte_length),
            (3, 3, Some(0))
        );
    }
}
