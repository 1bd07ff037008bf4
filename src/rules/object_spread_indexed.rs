//! `object-spread-indexed`: an object spread (`{...x}`, JSX `<C {...x} />`, an
//! `Object.assign` source) of a string or an array, which makes index keys `{0: …, 1: …}`.
//! Usually `[...x]` or `Object.fromEntries(x)` was meant.

use oxc_ast::AstKind;
use oxc_ast::AstType;
use oxc_ast::ast::*;
use oxc_semantic::AstNode;
use oxc_span::GetSpan;

use crate::diagnostic::{Diagnostic, Span};
use crate::kinds::Kind;
use crate::rules::{Category, Ctx, FixKind, Rule, RuleMeta};

pub static META: RuleMeta = RuleMeta {
    id: "object-spread-indexed",
    category: Category::Suspicious,
    fix: FixKind::None,
    node_types: &[
        AstType::SpreadElement,
        AstType::JSXSpreadAttribute,
        AstType::CallExpression,
    ],
    needles: &["...", "assign"],
    docs: include_str!("../../rules/object-spread-indexed.md"),
    create: crate::no_options!(ObjectSpreadIndexed),
};

pub struct ObjectSpreadIndexed;

#[derive(Clone, Copy)]
enum Copy {
    Spread,
    Jsx,
    Assign,
}

fn check_value<'a>(cx: &mut Ctx<'a, '_>, how: Copy, expr: &Expression<'a>, span: Span) {
    let branches = cx.kinds().spread_branches(expr);
    let branching = branches.len() > 1
        || matches!(
            expr.get_inner_expression(),
            Expression::LogicalExpression(_) | Expression::ConditionalExpression(_)
        );
    let Some((branch_span, t)) = branches.into_iter().find(|(s, t)| {
        matches!(t.kind, Kind::String | Kind::Array { .. })
            && !is_empty_literal(cx.kinds().text(s.into_oxc()))
    }) else {
        return;
    };
    let kinds = cx.kinds();
    let subject = kinds.subject(expr);
    let action = match how {
        Copy::Spread => "spreading it into an object",
        Copy::Jsx => "spreading it as JSX props",
        Copy::Assign => "copying it with `Object.assign`",
    };
    let message = format!(
        "{}: {action} makes index keys `{{0: …, 1: …}}`",
        kinds.describe(&subject, &t, branching)
    );
    let mut d = Diagnostic::new(META.id, span, message).with_label(span, "this spread");
    if branching && branch_span != span {
        d = d.with_label(branch_span, format!("this branch is {}", t.kind.noun()));
    }
    let labelled = if branching { branch_span } else { span };
    let inside = span.start <= t.origin.span.start && t.origin.span.end <= span.end;
    if t.origin.span != labelled && !inside && !t.origin.label.is_empty() {
        d = d.with_label(t.origin.span, t.origin.label.clone());
    }
    let s = subject.trim_matches('`');
    let help = match t.kind {
        Kind::String => format!(
            "put the string under a key (`{{ value: {s} }}`), or spread it into an array: `[...{s}]`"
        ),
        _ => format!(
            "spread it into an array (`[...{s}]`), or use `Object.fromEntries({s})` if it holds `[key, value]` pairs"
        ),
    };
    cx.report(d.with_help(help));
}

/// `''`, `""`, `` `` ``, `[]`: spreading them adds nothing, which is harmless.
fn is_empty_literal(text: &str) -> bool {
    matches!(text, "''" | "\"\"" | "``" | "[]")
}

impl Rule for ObjectSpreadIndexed {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn gate(&self) -> crate::rules::GateSpec {
        crate::rules::GateSpec::ObjectSpreadIndexed
    }

    fn check<'a>(&self, node: &AstNode<'a>, cx: &mut Ctx<'a, '_>) {
        match node.kind() {
            AstKind::SpreadElement(spread) => {
                if matches!(
                    cx.nodes().parent_kind(node.id()),
                    AstKind::ObjectExpression(_)
                ) {
                    check_value(cx, Copy::Spread, &spread.argument, spread.span.into());
                }
            }
            AstKind::JSXSpreadAttribute(attr) => {
                check_value(cx, Copy::Jsx, &attr.argument, attr.span.into())
            }
            AstKind::CallExpression(call) => {
                let Some(member) = call.callee.get_inner_expression().as_member_expression() else {
                    return;
                };
                if member.static_property_name() != Some("assign")
                    || !cx.kinds().is_global(member.object(), "Object")
                {
                    return;
                }
                // Copying indices onto an array target (`Object.assign([], xs)`) is an array copy;
                // judge only copies onto a known plain object.
                let Some(target) = call.arguments.first().and_then(Argument::as_expression) else {
                    return;
                };
                if !matches!(cx.kinds().of(target).kind, Kind::Object { .. }) {
                    return;
                }
                for arg in call.arguments.iter().skip(1) {
                    if let Some(e) = arg.as_expression() {
                        check_value(cx, Copy::Assign, e, e.span().into());
                    }
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::test_util::{Case, check_cases, lint_with_rule};

    const ID: &str = "object-spread-indexed";

    fn run(cases: &[Case]) -> Vec<String> {
        check_cases(ID, cases, None)
    }

    #[test]
    fn fail() {
        let cases: &[Case] = &[
            // literal
            ("a.js", "const o = { ...'abc' };", &[(1, 13)]),
            ("a.js", "const o = { ...[1, 2] };", &[(1, 13)]),
            // const chain
            (
                "a.js",
                "const tags = ['a'];\nconst t = tags;\nconst o = { ...t };",
                &[(3, 13)],
            ),
            // never-reassigned let
            (
                "a.js",
                "let name = `x${y}`;\nconst o = { ...name };",
                &[(2, 13)],
            ),
            // builtin call / method on a known receiver
            ("a.js", "const o = { ...Object.keys(x) };", &[(1, 13)]),
            ("a.js", "const o = { ...'a,b'.split(',') };", &[(1, 13)]),
            // rest parameter
            (
                "a.js",
                "function f(...args) { return { ...args }; }",
                &[(1, 32)],
            ),
            // TS annotation
            (
                "a.ts",
                "function f(ids: string[]) { return { ...ids }; }",
                &[(1, 38)],
            ),
            (
                "a.ts",
                "function f(id: string) { return { ...id }; }",
                &[(1, 35)],
            ),
            // fallback branch
            (
                "a.js",
                "function f(x) { return { ...(x || 'none') }; }",
                &[(1, 26)],
            ),
            // JSX and Object.assign
            (
                "a.jsx",
                "const list = [1];\nconst el = <C {...list} />;",
                &[(2, 15)],
            ),
            (
                "a.js",
                "const list = [1];\nObject.assign({}, list);",
                &[(2, 19)],
            ),
        ];
        let failures = run(cases);
        let mut snapshot = String::new();
        for (file, code, _) in cases {
            snapshot.push_str(&crate::lint::test_util::render(
                code,
                &crate::lint::test_util::lint_with_rule(file, code, ID),
            ));
        }
        insta::with_settings!({ prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!(ID, snapshot);
        });
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn pass() {
        let cases: &[Case] = &[
            ("a.js", "const o = { ...maybeUndefined, ...null };", &[]),
            ("a.js", "function f(props) { return { ...props }; }", &[]),
            (
                "a.js",
                "function f(props) { Object.assign(this, props); }",
                &[],
            ),
            (
                "a.js",
                "const xs = [1]; const copy = Object.assign([], xs);",
                &[],
            ),
            ("a.js", "const o = { ...[], ...'' };", &[]),
            ("a.js", "let xs = [1]; xs = {}; const o = { ...xs };", &[]),
            ("a.js", "const xs = [...'str'];", &[]),
            (
                "a.jsx",
                "function C(props) { return <D {...props} />; }",
                &[],
            ),
            (
                "a.js",
                "function f(c) { return { ...(c ? { a: 1 } : null) }; }",
                &[],
            ),
            (
                "a.ts",
                "type T = [...string[], number]; function f(t: { a: number }) { return { ...t }; }",
                &[],
            ),
        ];
        let failures = run(cases);
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn message() {
        let d = lint_with_rule(
            "a.js",
            "const tags = ['a', 'b'];\nconst o = { ...tags };",
            ID,
        );
        assert_eq!(
            d[0].message,
            "`tags` is an array (created at line 1): spreading it into an object makes index keys `{0: …, 1: …}`"
        );
    }
}
