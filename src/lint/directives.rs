//! Inline suppression: `restlint-disable-next-line`, `restlint-disable-line`,
//! `restlint-disable` / `restlint-enable` ranges and the file-wide `restlint-disable`.
//!
//! A directive word must end at whitespace or at the end of the comment; `-- reason` is
//! stripped; no rule ids means every rule. Line directives suppress only diagnostics that
//! *start* on their target line. A directive (or one rule id of it) that suppresses nothing is
//! reported as `unused-disable-directive`. Syntax, I/O and internal errors cannot be suppressed.

use std::collections::HashMap;

use crate::diagnostic::{
    Diagnostic, INTERNAL_ERROR, IO_ERROR, PARSE_ERROR, Span, UNUSED_DISABLE_DIRECTIVE,
};
use crate::source::LineIndex;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    NextLine,
    Line,
    Disable,
    Enable,
}

impl Kind {
    fn word(self) -> &'static str {
        match self {
            Kind::NextLine => "restlint-disable-next-line",
            Kind::Line => "restlint-disable-line",
            Kind::Disable => "restlint-disable",
            Kind::Enable => "restlint-enable",
        }
    }
}

#[derive(Debug)]
struct Directive {
    kind: Kind,
    /// The whole comment.
    span: Span,
    /// Rule ids named; empty = all rules.
    rules: Vec<String>,
    /// For line kinds, the target line (1-based).
    line: u32,
    /// Whether it (when `rules` is empty) or each named rule suppressed something.
    used: Vec<bool>,
}

/// Parses one comment's text (without `//` or `/* */`) as a directive.
fn parse(content: &str) -> Option<(Kind, Vec<String>)> {
    let text = content.trim_start_matches(['*', ' ', '\t', '\r', '\n']);
    let text = text.trim();
    for kind in [Kind::NextLine, Kind::Line, Kind::Disable, Kind::Enable] {
        let Some(rest) = text.strip_prefix(kind.word()) else {
            continue;
        };
        if !(rest.is_empty() || rest.starts_with(char::is_whitespace)) {
            continue;
        }
        let rest = match rest.find("--") {
            Some(i) => &rest[..i],
            None => rest,
        };
        let rules = rest
            .split([',', ' ', '\t', '\n', '\r'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect();
        return Some((kind, rules));
    }
    None
}

/// Applies the file's directives to its diagnostics: removes suppressed ones and appends
/// `unused-disable-directive` warnings (unless `report_unused` is false, e.g. when the parser
/// gave up and no rule ran).
pub fn apply(
    source: &str,
    comments: impl Iterator<Item = (Span, Span)>,
    line_index: &LineIndex,
    diagnostics: &mut Vec<Diagnostic>,
    report_unused: bool,
    is_known_rule: &dyn Fn(&str) -> bool,
) {
    let mut directives = Vec::new();
    for (span, content) in comments {
        let Some(text) = source.get(content.start as usize..content.end as usize) else {
            continue;
        };
        if !text.contains("restlint-") {
            continue;
        }
        let Some((kind, rules)) = parse(text) else {
            continue;
        };
        let line = match kind {
            Kind::NextLine => line_index.line_of(span.end) + 1,
            Kind::Line => line_index.line_of(span.start),
            _ => 0,
        };
        let used = vec![false; rules.len().max(1)];
        directives.push(Directive {
            kind,
            span,
            rules,
            line,
            used,
        });
    }
    if directives.is_empty() {
        return;
    }

    // Indexes, so that each diagnostic looks only at the directives that can touch it (a file
    // with 50,000 directives and 100,000 diagnostics took 12 s with a scan per diagnostic).
    let mut by_line: HashMap<u32, Vec<usize>> = HashMap::new();
    let mut ranges: Vec<usize> = Vec::new();
    for (i, dir) in directives.iter().enumerate() {
        match dir.kind {
            Kind::NextLine | Kind::Line => by_line.entry(dir.line).or_default().push(i),
            Kind::Disable | Kind::Enable => ranges.push(i),
        }
    }
    diagnostics.retain(|d| {
        if matches!(
            d.rule,
            PARSE_ERROR | IO_ERROR | INTERNAL_ERROR | UNUSED_DISABLE_DIRECTIVE
        ) {
            return true;
        }
        !suppress(d, &mut directives, &by_line, &ranges, line_index)
    });

    if !report_unused {
        return;
    }
    for dir in &directives {
        if dir.kind == Kind::Enable {
            continue;
        }
        let word = dir.kind.word();
        if dir.rules.is_empty() {
            if !dir.used[0] {
                diagnostics.push(
                    Diagnostic::new(
                        UNUSED_DISABLE_DIRECTIVE,
                        dir.span,
                        format!("unused `{word}` directive: no problems were reported here"),
                    )
                    .with_label(dir.span, "this directive")
                    .with_help("remove the directive"),
                );
            }
            continue;
        }
        for (rule, used) in dir.rules.iter().zip(&dir.used) {
            if *used {
                continue;
            }
            let message = if is_known_rule(rule) {
                format!("unused `{word}` directive: no `{rule}` problem was reported here")
            } else {
                format!("`{word}` names `{rule}`, which is not a restlint rule")
            };
            diagnostics.push(
                Diagnostic::new(UNUSED_DISABLE_DIRECTIVE, dir.span, message)
                    .with_label(dir.span, "this directive")
                    .with_help(format!("remove `{rule}` from the directive")),
            );
        }
    }
}

/// Whether a directive suppresses `d`; marks what was used.
fn suppress(
    d: &Diagnostic,
    directives: &mut [Directive],
    by_line: &HashMap<u32, Vec<usize>>,
    ranges: &[usize],
    line_index: &LineIndex,
) -> bool {
    let line = line_index.line_of(d.span.start);
    // Line directives first: they are the most specific.
    for &i in by_line.get(&line).map_or(&[][..], Vec::as_slice) {
        if mark(&mut directives[i], d.rule) {
            return true;
        }
    }
    // Ranges (in source order): the last disable/enable naming this rule that ends before the
    // diagnostic decides.
    let before = ranges.partition_point(|&i| directives[i].span.end <= d.span.start);
    let mut active: Option<usize> = None;
    for &i in ranges[..before].iter().rev() {
        let dir = &directives[i];
        if dir.rules.is_empty() || dir.rules.iter().any(|r| r == d.rule) {
            if dir.kind == Kind::Disable {
                active = Some(i);
            }
            break;
        }
    }
    match active {
        Some(i) => mark(&mut directives[i], d.rule),
        None => false,
    }
}

fn mark(dir: &mut Directive, rule: &str) -> bool {
    if dir.rules.is_empty() {
        dir.used[0] = true;
        return true;
    }
    match dir.rules.iter().position(|r| r == rule) {
        Some(i) => {
            dir.used[i] = true;
            true
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_words_exactly() {
        assert_eq!(
            parse(" restlint-disable-next-line a, b -- why"),
            Some((Kind::NextLine, vec!["a".into(), "b".into()]))
        );
        assert_eq!(parse("restlint-disable"), Some((Kind::Disable, vec![])));
        assert_eq!(
            parse("* restlint-enable a "),
            Some((Kind::Enable, vec!["a".into()]))
        );
        assert_eq!(parse("restlint-disabled a"), None);
        assert_eq!(
            parse("restlint-disable-line -- only a reason"),
            Some((Kind::Line, vec![]))
        );
        assert_eq!(parse("see restlint-disable"), None);
    }

    fn run(src: &str, diags: &[(&'static str, u32)]) -> Vec<(&'static str, u32)> {
        let li = LineIndex::new(src);
        // Comments: find `//…` to end of line and `/*…*/`.
        let mut comments = Vec::new();
        let mut i = 0;
        while let Some(p) = src[i..].find('/') {
            let s = i + p;
            if src[s..].starts_with("//") {
                let e = src[s..].find('\n').map_or(src.len(), |x| s + x);
                comments.push((
                    Span::new(s as u32, e as u32),
                    Span::new(s as u32 + 2, e as u32),
                ));
                i = e;
            } else if src[s..].starts_with("/*") {
                let e = src[s..].find("*/").map_or(src.len(), |x| s + x + 2);
                comments.push((
                    Span::new(s as u32, e as u32),
                    Span::new(s as u32 + 2, e as u32 - 2),
                ));
                i = e;
            } else {
                i = s + 1;
            }
        }
        let mut ds: Vec<Diagnostic> = diags
            .iter()
            .map(|(r, o)| Diagnostic::new(r, Span::new(*o, *o + 1), "m"))
            .collect();
        apply(src, comments.into_iter(), &li, &mut ds, true, &|r| {
            r.starts_with('r')
        });
        ds.iter().map(|d| (d.rule, d.span.start)).collect()
    }

    #[test]
    fn next_line_and_line() {
        let src = "// restlint-disable-next-line r1\n@\n# // restlint-disable-line r2\n";
        let x = src.find('@').unwrap() as u32;
        let y = src.find('#').unwrap() as u32;
        assert_eq!(
            run(src, &[("r1", x), ("r2", y), ("r1", y)]),
            vec![("r1", y)]
        );
    }

    #[test]
    fn ranges_and_unused() {
        let src = "/* restlint-disable r1 */\n@\n/* restlint-enable r1 */\n#\n// restlint-disable-next-line r3\nc";
        let a = src.find('@').unwrap() as u32;
        let b = src.find('#').unwrap() as u32;
        let got = run(src, &[("r1", a), ("r1", b)]);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0], ("r1", b));
        assert_eq!(got[1].0, UNUSED_DISABLE_DIRECTIVE);
    }

    #[test]
    fn file_wide_disable_and_parse_errors_stay() {
        let src = "/* restlint-disable */\na b";
        assert_eq!(
            run(src, &[("r1", 24), (PARSE_ERROR, 26)]),
            vec![(PARSE_ERROR, 26)]
        );
    }
}
