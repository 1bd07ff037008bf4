//! `--format pretty`: miette's graphical report per diagnostic, then a summary line.

use std::fmt::Write as _;

use rayon::prelude::*;

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    Severity as MSeverity, SourceCode, SourceSpan, SpanContents,
};

use crate::diagnostic::{Diagnostic, FileReport, Severity};
use crate::report::Summary;
use crate::source::LineIndex;

/// One file's text for miette, shared by its diagnostics. The `[file:line:col]` header
/// miette prints would count the column in bytes; it gets our position instead (UTF-16
/// columns, ECMAScript line breaks, the BOM not counted), so it matches the other formats.
#[derive(Debug)]
struct Source<'r> {
    name: &'r str,
    text: &'r str,
    index: &'r LineIndex,
    /// Where miette's lines start (it breaks at `\n`, `\r\n` and `\r`), built on first use.
    miette_lines: std::sync::OnceLock<Vec<usize>>,
}

impl Source<'_> {
    /// miette's `read_span` for `[u8]` scans from the start of the text on every call: a few
    /// hundred findings in a large bundle made rendering cost more than linting. This gives
    /// miette only the lines from the first context line on, and shifts its answer back:
    /// the same contents, at the cost of the window.
    fn read_window(
        &self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<MietteSpanContents<'_>, MietteError> {
        let starts = self.miette_lines.get_or_init(|| {
            let b = self.text.as_bytes();
            let mut starts = vec![0];
            for i in memchr::memchr2_iter(b'\n', b'\r', b) {
                // `\r\n` is one break, at its `\n`.
                if !(b[i] == b'\r' && b.get(i + 1) == Some(&b'\n')) {
                    starts.push(i + 1);
                }
            }
            starts
        });
        let line = starts
            .partition_point(|&s| s <= span.offset())
            .saturating_sub(1);
        // One line more than needed: miette's scan treats a span ending at offset 0 specially
        // (`saturating_sub`), so the window must not start right at the span.
        let first = line.saturating_sub(before).saturating_sub(1);
        let from = starts[first];
        let window = self
            .text
            .as_bytes()
            .get(from..)
            .ok_or(MietteError::OutOfBounds)?;
        let shifted = SourceSpan::new((span.offset() - from).into(), span.len());
        let inner = window.read_span(&shifted, before, after)?;
        let inner_span = inner.span();
        Ok(MietteSpanContents::new(
            inner.data(),
            SourceSpan::new((inner_span.offset() + from).into(), inner_span.len()),
            inner.line() + first,
            inner.column(),
            inner.line_count() + first,
        ))
    }
}

impl SourceCode for Source<'_> {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let inner = self.read_window(span, before, after)?;
        // With no context lines miette asks for the position of the span itself (the header).
        let (line, column) = if before == 0 {
            let p = self
                .index
                .position(self.text, u32::try_from(span.offset()).unwrap_or(u32::MAX));
            (
                p.line.saturating_sub(1) as usize,
                p.column.saturating_sub(1) as usize,
            )
        } else {
            (inner.line(), inner.column())
        };
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.to_string(),
            inner.data(),
            *inner.span(),
            line,
            column,
            inner.line_count(),
        )))
    }
}

/// Adapts one of our diagnostics to `miette::Diagnostic` at render time.
#[derive(Debug)]
struct Adapter<'r> {
    d: &'r Diagnostic,
    src: &'r Source<'r>,
    labels: Vec<LabeledSpan>,
    help: Option<String>,
}

impl std::fmt::Display for Adapter<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.d.message)
    }
}
impl std::error::Error for Adapter<'_> {}

impl miette::Diagnostic for Adapter<'_> {
    fn code<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        Some(Box::new(self.d.rule))
    }
    fn severity(&self) -> Option<MSeverity> {
        Some(match self.d.severity {
            Severity::Error => MSeverity::Error,
            Severity::Warning => MSeverity::Warning,
        })
    }
    fn help<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn std::fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(self.src)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(self.labels.iter().cloned()))
    }
}

fn clamp(src: &str, mut off: usize) -> usize {
    off = off.min(src.len());
    while off > 0 && !src.is_char_boundary(off) {
        off -= 1;
    }
    off
}

/// Past this byte column a finding is printed on one line, without a code frame.
const MAX_FRAME_COLUMN: usize = 10_000;

/// Options for the pretty format.
#[derive(Clone, Copy, Debug)]
pub struct PrettyOptions {
    pub color: bool,
    pub width: usize,
}

/// Renders every diagnostic, then the summary line.
pub fn render(
    reports: &[FileReport],
    summary: Summary,
    elapsed_ms: u128,
    opts: PrettyOptions,
) -> String {
    let theme = if opts.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(opts.width)
        .with_links(false);
    // Files are rendered in parallel (miette's layout work is per diagnostic), then joined
    // in their sorted order.
    let render_file = |r: &FileReport| -> String {
        let mut out = String::new();
        let text = r.source.as_deref().unwrap_or_default();
        let index = LineIndex::new(text);
        let src = Source {
            name: &r.path,
            text,
            index: &index,
            miette_lines: std::sync::OnceLock::new(),
        };
        for d in &r.diagnostics {
            let mut labels = Vec::new();
            let (s, e) = (
                clamp(text, d.span.start as usize),
                clamp(text, d.span.end as usize),
            );
            let primary_label = d
                .labels
                .iter()
                .find(|l| l.span == d.span)
                .map(|l| l.message.clone());
            labels.push(LabeledSpan::new_primary_with_span(
                primary_label,
                (s, e.saturating_sub(s)),
            ));
            for l in d.labels.iter().filter(|l| l.span != d.span) {
                let (ls, le) = (
                    clamp(text, l.span.start as usize),
                    clamp(text, l.span.end as usize),
                );
                labels.push(LabeledSpan::new_with_span(
                    Some(l.message.clone()),
                    (ls, le.saturating_sub(ls)),
                ));
            }
            let help = match (&d.help, &d.fix) {
                (Some(h), _) => Some(h.clone()),
                (None, Some(f)) => Some(f.message.clone()),
                _ => None,
            };
            let adapter = Adapter {
                d,
                src: &src,
                labels,
                help,
            };
            // miette pads with `{:width$}` up to the label's column, and a width past 65,535
            // panics: a finding deep in a minified one-line bundle gets the one-line form.
            let too_wide = adapter.labels.iter().any(|l| {
                let end = l.offset() + l.len();
                let line_start = index
                    .line_start(index.line_of(u32::try_from(end).unwrap_or(u32::MAX)))
                    .unwrap_or(0) as usize;
                end.saturating_sub(line_start) > MAX_FRAME_COLUMN
            });
            let mut buf = String::new();
            if too_wide || handler.render_report(&mut buf, &adapter).is_err() {
                buf.clear();
                let _ = writeln!(
                    buf,
                    "{}:{}:{}: {} {}: {}",
                    r.path,
                    d.start.line,
                    d.start.column,
                    d.severity.as_str(),
                    d.rule,
                    d.message
                );
            }
            out.push_str(&buf);
            out.push('\n');
        }
        out
    };
    let files: Vec<String> = reports.par_iter().map(render_file).collect();
    let mut out = files.concat();
    let _ = writeln!(
        out,
        "{} {}, {} {} in {} {} ({} ms)",
        summary.errors,
        plural(summary.errors, "error", "errors"),
        summary.warnings,
        plural(summary.warnings, "warning", "warnings"),
        summary.files,
        plural(summary.files, "file", "files"),
        elapsed_ms
    );
    out
}

fn plural<'s>(n: usize, one: &'s str, many: &'s str) -> &'s str {
    if n == 1 { one } else { many }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The window gives miette exactly what a scan of the whole text gives.
    #[test]
    fn windowed_read_span_matches_the_full_scan() {
        let texts = [
            "a\nbb\nccc\ndddd\neeeee\nf",
            "x\r\ny\r\nzz\r\n\r\nw",
            "one\rtwo\rthree\r\rfour",
            "mixed\n\r\n\rend\n",
            "single line only",
            "é😀\nß\r\n€x\n",
        ];
        for text in texts {
            let index = LineIndex::new(text);
            let src = Source {
                name: "a.js",
                text,
                index: &index,
                miette_lines: std::sync::OnceLock::new(),
            };
            let boundaries: Vec<usize> = (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .collect();
            for &start in &boundaries {
                for &end in boundaries.iter().filter(|&&e| e >= start).take(4) {
                    for (before, after) in [(0, 0), (1, 1), (2, 3), (5, 0)] {
                        let span = SourceSpan::new(start.into(), end - start);
                        let full = text.as_bytes().read_span(&span, before, after);
                        let window = src.read_window(&span, before, after);
                        match (full, window) {
                            (Ok(f), Ok(w)) => {
                                let what = format!("{text:?} {start}..{end} ({before}, {after})");
                                assert_eq!(f.data(), w.data(), "{what}");
                                assert_eq!(f.span(), w.span(), "{what}");
                                assert_eq!(f.line(), w.line(), "{what}");
                                assert_eq!(f.column(), w.column(), "{what}");
                                assert_eq!(f.line_count(), w.line_count(), "{what}");
                            }
                            (Err(_), Err(_)) => {}
                            (f, w) => panic!(
                                "{text:?} {start}..{end}: {:?} vs {:?}",
                                f.is_ok(),
                                w.is_ok()
                            ),
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn a_finding_far_along_a_long_line_renders_on_one_line() {
        let text = format!("{}f(...x)\n", " ".repeat(70_000));
        let d = Diagnostic::new(
            "spread-non-iterable",
            crate::diagnostic::Span::new(70_002, 70_006),
            "a message",
        )
        .with_label(crate::diagnostic::Span::new(70_000, 70_001), "a label");
        let reports = vec![FileReport {
            path: "a.js".into(),
            diagnostics: vec![d],
            source: Some(text),
        }];
        let summary = Summary::of(1, &reports);
        let out = render(
            &reports,
            summary,
            0,
            PrettyOptions {
                color: false,
                width: 80,
            },
        );
        assert!(out.starts_with("a.js:"), "{out}");
        assert!(out.contains("spread-non-iterable: a message"), "{out}");
    }
}
