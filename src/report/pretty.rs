//! `--format pretty`: miette's graphical report per diagnostic, then a summary line.

use std::fmt::Write as _;

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    Severity as MSeverity, SourceCode, SourceSpan, SpanContents,
};

use crate::diagnostic::{Diagnostic, FileReport, Severity};
use crate::report::Summary;
use crate::source::LineIndex;

/// A code frame is shown only when every line it would show is at most this long: miette
/// panics on columns past 65,535 ("Formatting argument out of range"), and a frame of a
/// 10 MB minified line helps nobody.
const MAX_FRAME_LINE: usize = 4096;
/// … and when the lines it would show are at most this many bytes in all.
const MAX_FRAME_BYTES: usize = 256 << 10;

/// One file's text for miette, shared by its diagnostics. The `[file:line:col]` header
/// miette prints would count the column in bytes; it gets our position instead (UTF-16
/// columns, ECMAScript line breaks, the BOM not counted), so it matches the other formats.
///
/// miette's own `SourceCode` for a string scans from the start of the file on every lookup
/// (quadratic on a large file with many diagnostics): this one hands miette only a window of
/// lines around the span, found with the line index, and shifts the answer back to file
/// offsets and line numbers.
#[derive(Debug)]
struct Source<'r> {
    name: &'r str,
    text: &'r str,
    index: &'r LineIndex,
}

impl Source<'_> {
    /// The byte range of the lines around `[start, end)`, `extra` lines either side, and the
    /// 0-based number of its first line.
    fn window(&self, start: usize, end: usize, extra: usize) -> (usize, usize, usize) {
        let first = (self.index.line_of(start as u32) as usize)
            .saturating_sub(extra + 1)
            .max(1);
        let last = self.index.line_of(end as u32) as usize + extra + 1;
        let ws = self
            .index
            .line_start(first as u32)
            .map_or(0, |o| o as usize);
        let we = self
            .index
            .line_start(last as u32 + 1)
            .map_or(self.text.len(), |o| o as usize);
        (ws.min(self.text.len()), we.min(self.text.len()), first - 1)
    }

    /// Whether a frame for these spans would be small enough to show.
    fn frame_fits(&self, spans: impl Iterator<Item = (usize, usize)>) -> bool {
        spans.into_iter().all(|(s, e)| {
            let (ws, we, first) = self.window(s, e, 1);
            if we - ws > MAX_FRAME_BYTES {
                return false;
            }
            // Line lengths from the line index: no scan of the text.
            let mut line = first as u32 + 1;
            let mut start = ws;
            while start < we {
                let next = self
                    .index
                    .line_start(line + 1)
                    .map_or(self.text.len(), |o| o as usize);
                if next - start > MAX_FRAME_LINE {
                    return false;
                }
                start = next;
                line += 1;
            }
            true
        })
    }
}

impl SourceCode for Source<'_> {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let (start, end) = (span.offset(), span.offset() + span.len());
        if end > self.text.len() {
            return Err(MietteError::OutOfBounds);
        }
        let (ws, we, first_line) = self.window(start, end, before.max(after));
        let window = self.text.get(ws..we).ok_or(MietteError::OutOfBounds)?;
        let inner = window.read_span(
            &SourceSpan::new((start - ws).into(), span.len()),
            before,
            after,
        )?;
        // With no context lines miette asks for the position of the span itself (the header).
        let (line, column) = if before == 0 {
            let p = self
                .index
                .position(self.text, u32::try_from(start).unwrap_or(u32::MAX));
            (
                p.line.saturating_sub(1) as usize,
                p.column.saturating_sub(1) as usize,
            )
        } else {
            (inner.line() + first_line, inner.column())
        };
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.to_string(),
            inner.data(),
            SourceSpan::new((inner.span().offset() + ws).into(), inner.span().len()),
            line,
            column,
            inner.line_count() + first_line,
        )))
    }
}

/// Adapts one of our diagnostics to `miette::Diagnostic` at render time.
#[derive(Debug)]
struct Adapter<'r> {
    d: &'r Diagnostic,
    /// The file's path as shown, for the frame-less form.
    path: &'r str,
    /// `None` when the frame would be too large to show (see [`MAX_FRAME_LINE`]).
    src: Option<&'r Source<'r>>,
    /// The frame was left out for its size: say where the diagnostic is instead.
    too_long: bool,
    labels: Vec<LabeledSpan>,
    help: Option<String>,
}

impl std::fmt::Display for Adapter<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.d.message)?;
        if self.too_long {
            write!(
                f,
                " (at {}:{}:{}; a line of the frame is too long to show)",
                self.path, self.d.start.line, self.d.start.column
            )?;
        }
        Ok(())
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
        self.src.map(|s| s as &dyn miette::SourceCode)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.src?;
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

/// Options for the pretty format.
#[derive(Clone, Copy, Debug)]
pub struct PrettyOptions {
    pub color: bool,
    pub width: usize,
}

/// Draws one file's diagnostics (code frames from `r.source`).
pub fn render_file(r: &FileReport, opts: PrettyOptions) -> String {
    let theme = if opts.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(opts.width)
        .with_links(false);
    let mut out = String::new();
    let text = r.source.as_deref().unwrap_or_default();
    let index = LineIndex::new(text);
    let src = Source {
        name: &r.path,
        text,
        index: &index,
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
        let fits = src.frame_fits(labels.iter().map(|l| (l.offset(), l.offset() + l.len())));
        let adapter = Adapter {
            d,
            path: &r.path,
            src: fits.then_some(&src),
            too_long: !fits,
            labels,
            help,
        };
        let mut buf = String::new();
        // miette is a dependency with its own panics (long lines, odd spans): a report
        // that cannot be drawn falls back to the one-line form instead of ending the run.
        let drawn = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let mut b = String::new();
            handler.render_report(&mut b, &adapter).map(|()| b)
        }));
        if let Ok(Ok(b)) = drawn {
            buf = b;
        } else {
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
}

/// Renders every diagnostic, then the summary line. A report already drawn by
/// [`render_file`] (its `rendered` text) is used as it is.
pub fn render(
    reports: &[FileReport],
    summary: Summary,
    elapsed_ms: u128,
    opts: PrettyOptions,
) -> String {
    let mut out = String::new();
    for r in reports {
        match &r.rendered {
            Some(block) => out.push_str(block),
            None => out.push_str(&render_file(r, opts)),
        }
    }
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
