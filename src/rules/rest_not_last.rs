//! `rest-not-last`: a rest element or rest parameter that is not last, or that is followed by
//! a trailing comma. The language makes both syntax errors and oxc stops parsing at them, so
//! this rule turns oxc's error into a diagnostic that labels the rest and what follows it.

use crate::diagnostic::{Diagnostic, Edit, Fix, Span};
use crate::lint::scan::{self, After};
use crate::rules::{Category, FixKind, Rule, RuleMeta};

pub static META: RuleMeta = RuleMeta {
    id: "rest-not-last",
    category: Category::Correctness,
    fix: FixKind::Suggestion,
    node_types: &[],
    needles: &["..."],
    docs: include_str!("../../rules/rest-not-last.md"),
    create: crate::no_options!(RestNotLast),
};

pub struct RestNotLast;

impl Rule for RestNotLast {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn gate(&self) -> crate::rules::GateSpec {
        crate::rules::GateSpec::Syntax
    }
}

/// Where the rest stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cause {
    Parameter,
    Pattern,
    Assignment,
    TrailingComma,
}

/// How a rest is shown in a message: its text when short, else a description.
pub(crate) fn rest_name(src: &str, span: Span) -> String {
    match src.get(span.start as usize..span.end as usize) {
        Some(t) if t.len() <= 40 && !t.contains(['\n', '\r']) && t.starts_with("...") => {
            format!("`{t}`")
        }
        _ => "this rest".to_string(),
    }
}

/// Builds the diagnostic for one of oxc's rest-not-last errors at `span`.
pub fn from_syntax_error(cause: Cause, span: Span, src: &str) -> Diagnostic {
    match cause {
        Cause::TrailingComma => trailing_comma(span, src),
        _ => not_last(cause, span, src),
    }
}

fn what(cause: Cause) -> (&'static str, &'static str) {
    match cause {
        Cause::Parameter => ("rest parameter", "parameter list"),
        Cause::Pattern => ("rest element", "destructuring pattern"),
        Cause::Assignment | Cause::TrailingComma => ("rest element", "destructuring assignment"),
    }
}

fn not_last(cause: Cause, rest: Span, src: &str) -> Diagnostic {
    let (noun, list) = what(cause);
    let name = rest_name(src, rest);
    let mut d = Diagnostic::new(
        META.id,
        rest,
        format!("the {noun} {name} is not last: a rest must be the last element of a {list}"),
    )
    .with_label(rest, format!("this {noun}"));
    match scan::after_element(src, rest.end as usize) {
        After::Element(s, e) => {
            d = d.with_label(Span::new(s as u32, e as u32), "is followed by this element");
            d = d.with_help(format!(
                "move {name} to the end of the {list}, or remove the elements after it (a rest collects all the remaining ones)"
            ));
            if let Some(fix) = move_rest_to_end(src, rest, Span::new(s as u32, e as u32)) {
                d = d.with_fix(fix);
            }
        }
        After::TrailingComma(s, e) => {
            d = d.with_label(Span::new(s as u32, e as u32), "is followed by this comma");
            d = d.with_help("remove the comma after the rest");
        }
        After::Nothing => {
            d = d.with_help(format!("move {name} to the end of the {list}"));
        }
    }
    d
}

fn trailing_comma(comma: Span, src: &str) -> Diagnostic {
    let rest_start = scan::rest_start_before(src, comma.start as usize);
    let Some(start) = rest_start else {
        return Diagnostic::new(
            META.id,
            comma,
            "a rest element may not be followed by a trailing comma",
        )
        .with_label(comma, "this comma")
        .with_help("remove the trailing comma")
        .with_fix(Fix::suggestion(
            "remove the trailing comma",
            vec![Edit::delete(comma)],
        ));
    };
    let end = trim_end(src, start, comma.start as usize);
    let rest = Span::new(start as u32, end as u32);
    let name = rest_name(src, rest);
    Diagnostic::new(META.id, rest, format!("the rest {name} is followed by a trailing comma: a rest must be last, with nothing after it"))
        .with_label(rest, "this rest")
        .with_label(comma, "is followed by this comma")
        .with_help("remove the trailing comma")
        .with_fix(Fix::suggestion("remove the trailing comma", vec![Edit::delete(comma)]))
}

fn trim_end(src: &str, start: usize, end: usize) -> usize {
    let t = src.get(start..end).unwrap_or("");
    start + t.trim_end().len()
}

/// Suggests moving the rest after the element that follows it, when that is the only element
/// after it and moving cannot change what runs: neither has a default value, a computed key or
/// a call (those are evaluated in order).
fn move_rest_to_end(src: &str, rest: Span, next: Span) -> Option<Fix> {
    let next_text = src.get(next.start as usize..next.end as usize)?;
    // Only one element may follow, or the order of several would have to be kept too.
    if scan::after_element(src, next.end as usize) != After::Nothing {
        return None;
    }
    if next_text.contains(['=', '[', '(', '`']) || next_text.starts_with("...") {
        return None;
    }
    let rest_text = src.get(rest.start as usize..rest.end as usize)?;
    // The rest moves too: a call or a computed member in it (`...a[f()]` as an assignment
    // target) would then be evaluated after the other element.
    if rest_text.contains(['=', '(', '`']) || rest_text.contains("?.") {
        return None;
    }
    Some(Fix::suggestion(
        "move the rest to the end",
        vec![Edit::new(rest, next_text), Edit::new(next, rest_text)],
    ))
}

#[cfg(test)]
mod tests {
    use crate::lint::test_util::lint_with_rule;

    #[test]
    fn fail_and_pass() {
        let fail = [
            ("function f(...a, b) {}", 11, 15),
            ("const [...a, b] = x;", 7, 11),
            ("const {...a, b} = x;", 7, 11),
            ("[...a, b] = x;", 1, 5),
            ("(a, ...b, c) => 1;", 4, 8),
            ("function f(...a,) {}", 11, 15),
            ("class C { m(...a, b) {} }", 12, 16),
            ("function f(...a: number[], b: string) {}", 11, 25),
            // Arrow parameters: oxc reports these as other errors first.
            ("f = ([...x, y]) => {};", 6, 10),
            ("f = async ({...x, y}) => {};", 12, 16),
            ("f = (a, ...[b, c], d) => 1;", 8, 17),
            // TypeScript: an annotated pattern parameter, where oxc stops at the `:`.
            ("f = ([...xs, y]: number[]) => y;", 6, 11),
            ("f = (a, { ...r, id }: { id: number }) => id;", 10, 14),
            (
                "f = async ([...xs, y]: number[]): Promise<number> => y;",
                12,
                17,
            ),
            // Only the parameters' rests: not a spread in a default value or a rest in a
            // type, which the recogniser used to name instead (regression audit).
            ("f = (a = [...b, c], ...r, d) => r;", 20, 24),
            (
                "f = (opts = { ...defaults, x: 1 }, [...xs, y]: number[]) => y;",
                36,
                41,
            ),
            ("f = (x: [...A, B], [...xs, y]: number[]) => y;", 20, 25),
            // Generic arrows, which oxc reads again as a type assertion when the parameters
            // fail: at the first annotation's `:`, at the `>` of `<T extends U>` (a
            // conditional type) or at the `,` of `<T, U>`.
            ("f = <T>(a: T, ...rest: T[], b: T) => rest;", 14, 26),
            ("f = async <T>(a: T, ...rest: T[], b: T) => rest;", 20, 32),
            (
                "f = <T extends object>(...rest: T[], b: T) => rest;",
                23,
                35,
            ),
            ("f = <T extends object>([...xs, y]: T[]) => y;", 24, 29),
            ("f = <T, U>(a: T, ...r: U[], b: T): T => a;", 17, 26),
            (
                "f = <T extends Record<string, number>, U = T>(a: T, ...r: U[], b: T) => a;",
                52,
                61,
            ),
            ("f = <T>(a, ...rest, b) => rest;", 11, 18),
        ];
        let mut failures = Vec::new();
        for (code, start, end) in fail {
            let file =
                if code.contains(": number") || code.contains("number[]") || code.contains("<T") {
                    "a.ts"
                } else {
                    "a.js"
                };
            let d = lint_with_rule(file, code, "rest-not-last");
            let got: Vec<_> = d
                .iter()
                .map(|d| (d.rule, d.span.start, d.span.end))
                .collect();
            if got != vec![("rest-not-last", start, end)] {
                failures.push(format!("{code}: {got:?}"));
            }
        }
        let pass = [
            "function f(a, ...b) {}",
            "const [a, ...b] = x;",
            "const {a, ...b} = x;",
            "f(...a, b);",
            "[...a, b];",
            "({...a, b});",
            "f = (a, ...b) => 1;",
        ];
        for code in pass {
            let d = lint_with_rule("a.js", code, "rest-not-last");
            if !d.is_empty() {
                failures.push(format!(
                    "{code}: {:?}",
                    d.iter().map(|d| d.rule).collect::<Vec<_>>()
                ));
            }
        }
        // Another syntax error in arrow parameters whose only rests are spreads of default
        // values: a parse error, not a rest that is not last.
        let other = [
            "f = (a = f(...b, c), 1) => a;",
            "f = (a = [...b, c], { x }: T) => x;",
            // A generic arrow whose parameters fail for another reason.
            "f = <T, U>(a: T, b: U c) => a;",
            "f = <T extends U>(a: T, [b, c] d) => a;",
        ];
        for code in other {
            let d = lint_with_rule("a.js", code, "rest-not-last");
            if d.is_empty() || d.iter().any(|d| d.rule != "parse-error") {
                failures.push(format!(
                    "{code}: {:?}",
                    d.iter().map(|d| d.rule).collect::<Vec<_>>()
                ));
            }
        }
        assert!(failures.is_empty(), "{failures:#?}");
    }
}
