//! `invalid-rest`: the rest syntax errors other than position — a rest with a default value,
//! a rest parameter in a setter, and an object rest whose target is a pattern (or another
//! target that is not a plain binding or reference).

use crate::diagnostic::{Diagnostic, Span};
use crate::lint::scan;
use crate::rules::rest_not_last::rest_name;
use crate::rules::{Category, FixKind, Rule, RuleMeta};

pub static META: RuleMeta = RuleMeta {
    id: "invalid-rest",
    category: Category::Correctness,
    fix: FixKind::None,
    node_types: &[],
    needles: &["..."],
    docs: include_str!("../../rules/invalid-rest.md"),
    create: crate::no_options!(InvalidRest),
};

pub struct InvalidRest;

impl Rule for InvalidRest {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn gate(&self) -> crate::rules::GateSpec {
        crate::rules::GateSpec::Syntax
    }
}

/// Which rest error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cause {
    /// `...x = 1`: oxc's span is the `x = 1` part.
    Initializer,
    /// `set v(...a)`: oxc's span is the rest.
    Setter,
    /// `{...{a}}` or `[...(a + b)] = x`: oxc's span is the target.
    Target,
}

/// Builds the diagnostic for one of oxc's invalid-rest errors at `span`.
pub fn from_syntax_error(cause: Cause, span: Span, src: &str) -> Diagnostic {
    // The diagnostic starts at the rest's `...`, found before oxc's span when needed.
    let start = if src
        .get(span.start as usize..)
        .is_some_and(|t| t.starts_with("..."))
    {
        span.start as usize
    } else {
        let before = src.get(..span.start as usize).unwrap_or("");
        let trimmed = before.trim_end();
        if trimmed.ends_with("...") {
            trimmed.len() - 3
        } else {
            scan::rest_start_before(src, span.start as usize).unwrap_or(span.start as usize)
        }
    };
    let rest = Span::new(start as u32, span.end.max(start as u32));
    let name = rest_name(src, rest);
    match cause {
        Cause::Initializer => {
            let text = src.get(span.start as usize..span.end as usize).unwrap_or("");
            // Label the `= default` part alone when it can be found.
            let default = text
                .find('=')
                .map_or(span, |eq| Span::new(span.start + eq as u32, span.end));
            Diagnostic::new(
                META.id,
                rest,
                format!("the rest {name} has a default value: a rest is never undefined (it is an empty array or object), so it cannot have one"),
            )
            .with_label(rest, "this rest")
            .with_label(default, "this default value")
            .with_help("remove the default value; to default the elements, write `const xs = rest.length ? rest : fallback`")
        }
        Cause::Setter => Diagnostic::new(
            META.id,
            rest,
            format!("the setter has a rest parameter {name}: a setter takes exactly one parameter"),
        )
        .with_label(rest, "this rest parameter")
        .with_help("take one plain parameter, e.g. `set value(v)`"),
        Cause::Target => Diagnostic::new(
            META.id,
            rest,
            format!("the rest {name} has a target that is not a plain name: an object rest must be bound to an identifier (or, in an assignment, a member expression)"),
        )
        .with_label(span, "this target")
        .with_help("bind the rest to a name, then destructure that: `const { a, ...rest } = x; const { b } = rest;`"),
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::test_util::lint_with_rule;

    #[test]
    fn fail_and_pass() {
        let fail = [
            ("function f(...a = []) {}", 11),
            ("const [...a = []] = x;", 7),
            ("const o = { set v(...a) {} };", 18),
            ("const {...{a}} = x;", 7),
            ("({...{a}} = x);", 2),
            // Arrow parameters, which oxc first reads as an expression and reports otherwise
            // (audit miss).
            ("f = ({ ...{ a } }) => a;", 7),
            ("f = (x, { ...[a] }) => a;", 10),
            ("f = ({ ...{ a } }: P) => a;", 7),
            ("f = (...args: string[] = []) => args;", 5),
            // Only the parameters' rests: not a spread in a default value or a rest in a
            // type, which the recogniser used to name instead (regression audit).
            ("f = (x: [...A, B], ...r: T[] = []) => r;", 19),
            ("f = (a = f(...b, c), ...r: T[] = []) => r;", 21),
            ("f = (a = { ...{ b: 1 } }, ...r: T[] = []) => r;", 26),
            // A type with a comma inside `<…>` is one parameter.
            ("f = (...r: Map<K, V> = new Map()) => r;", 5),
            // A default after the annotation of a function's, method's or signature's rest
            // parameter, which oxc reports as "expected `,` or `)`" at the `=` (TS audit miss).
            ("function f(...a: number[] = []) {}", 11),
            ("class C { m(x: string, ...o: Partial<O>[] = []) {} }", 23),
            ("const f = function (...a: Map<K, V> = new Map()) {};", 20),
            ("class C { constructor(...a: T[] = []) {} }", 22),
            ("declare function g(...a: string[] = []): void;", 19),
            // A generic arrow, read again as a type assertion when its parameters fail.
            ("f = <T>(...rest: T[] = []) => rest;", 8),
            ("f = <T, U>(a: U, ...rest: T[] = []) => rest;", 17),
        ];
        let mut failures = Vec::new();
        for (code, start) in fail {
            let file = if code.contains(": ") { "a.ts" } else { "a.js" };
            let d = lint_with_rule(file, code, "invalid-rest");
            let got: Vec<_> = d.iter().map(|d| (d.rule, d.span.start)).collect();
            if got != vec![("invalid-rest", start)] {
                failures.push(format!("{code}: {got:?}"));
            }
        }
        let pass = [
            "const [...[a, b]] = x;",
            "function f(...[a]) {}",
            "const {...a} = x;",
            "({...a.b} = x);",
            "const o = { set v(a) {} };",
            "f = ([...{ a }]) => a;",
            "f = (...{ length }) => length;",
        ];
        for code in pass {
            let d = lint_with_rule("a.js", code, "invalid-rest");
            if !d.is_empty() {
                failures.push(format!(
                    "{code}: {:?}",
                    d.iter().map(|d| (d.rule, &d.message)).collect::<Vec<_>>()
                ));
            }
        }
        // Another syntax error in arrow parameters whose object spread is in a default value:
        // a parse error, not an object rest with a pattern target.
        // So are an `=` inside a rest parameter's annotation and a second `=` after another
        // parameter's default.
        let other = [
            "f = (a = { ...{ b: 1 } }, 1) => a;",
            "function f(...a: { x = 1 }) {}",
            "function f(a: T = 1 = 2, ...b: U[]) {}",
        ];
        for code in other {
            let file = if code.contains(": ") { "a.ts" } else { "a.js" };
            let d = lint_with_rule(file, code, "invalid-rest");
            if d.is_empty() || d.iter().any(|d| d.rule != "parse-error") {
                failures.push(format!(
                    "{code}: {:?}",
                    d.iter().map(|d| (d.rule, &d.message)).collect::<Vec<_>>()
                ));
            }
        }
        assert!(failures.is_empty(), "{failures:#?}");
    }
}
