//! `--format compact`: `file:line:col: severity rule: message`, one diagnostic per line, for
//! grep and for editors' error formats (vim's `%f:%l:%c: %m`).
//!
//! Invariant: exactly one line per diagnostic. A line break inside a message (oxc's parse
//! errors can carry one) becomes a space. A diagnostic without a position (an unreadable
//! file) is put at 1:1.

use std::fmt::Write as _;

use crate::diagnostic::FileReport;

/// Renders every diagnostic on its own line.
pub fn render(reports: &[FileReport]) -> String {
    let mut out = String::new();
    for r in reports {
        for d in &r.diagnostics {
            let message: String = d
                .message
                .chars()
                .map(|c| {
                    if matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}') {
                        ' '
                    } else {
                        c
                    }
                })
                .collect();
            let _ = writeln!(
                out,
                "{}:{}:{}: {} {}: {}",
                r.path,
                d.start.line.max(1),
                d.start.column.max(1),
                d.severity.as_str(),
                d.rule,
                message
            );
        }
    }
    out
}
