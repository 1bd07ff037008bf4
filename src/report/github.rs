//! `--format github`: GitHub Actions workflow commands, one per diagnostic, which the runner
//! turns into annotations on the pull request:
//! `::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=RULE::MESSAGE`.
//!
//! Escaping follows the runner's rules (actions/toolkit `command.ts`): in the message `%`, `\r`
//! and `\n` become `%25`, `%0D`, `%0A`; in property values `:` and `,` are escaped too
//! (`%3A`, `%2C`), since they separate properties. A diagnostic without a position (an
//! unreadable file) is annotated on the file alone.

use std::fmt::Write as _;

use crate::diagnostic::{Diagnostic, FileReport, Severity};

/// Escapes a command's message.
pub fn escape_data(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c => out.push(c),
        }
    }
    out
}

/// Escapes a command's property value.
pub fn escape_property(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            ':' => out.push_str("%3A"),
            ',' => out.push_str("%2C"),
            c => out.push(c),
        }
    }
    out
}

fn command(out: &mut String, path: &str, d: &Diagnostic) {
    let kind = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let _ = write!(out, "::{kind} file={}", escape_property(path));
    if d.start.line > 0 {
        let _ = write!(out, ",line={},col={}", d.start.line, d.start.column);
        if d.end.line >= d.start.line {
            let _ = write!(out, ",endLine={},endColumn={}", d.end.line, d.end.column);
        }
    }
    let _ = writeln!(
        out,
        ",title={}::{}",
        escape_property(d.rule),
        escape_data(&d.message)
    );
}

/// Renders every diagnostic as a workflow command, one per line.
pub fn render(reports: &[FileReport]) -> String {
    let mut out = String::new();
    for r in reports {
        for d in &r.diagnostics {
            command(&mut out, &r.path, d);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_data_and_properties() {
        assert_eq!(escape_data("100% a:b,c\r\nd"), "100%25 a:b,c%0D%0Ad");
        assert_eq!(
            escape_property("100% a:b,c\r\nd"),
            "100%25 a%3Ab%2Cc%0D%0Ad"
        );
    }
}
