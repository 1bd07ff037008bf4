//! `prefer-spread`: `f.apply(undefined | null, args)` and `o.f.apply(o, args)` (with `o` free of
//! side effects) say `f(...args)` / `o.f(...args)` the long way.
//!
//! Not reported: an array literal as the argument list (`f.apply(null, [a, b])`), the callees
//! `spread-args-overflow` watches (`Math.max/min`, `String.fromCharCode/fromCodePoint`: their
//! `.apply` forms are the same RangeError risk, and the array methods its `methods` option
//! adds, when that rule is on: see [`beside_overflow`]), a `this` that is not the receiver
//! (`fn.apply(ctx, args)`), and calls with type arguments. The optional forms (`f?.apply(…)`,
//! `f.apply?.(…)`, `(obj?.f).apply(obj, …)`) are reported without a fix.
//!
//! The fix: `apply` accepts any array-like (`{length: 2}`, `null`), spread needs an iterable.
//! The fix is safe only when `args` is certainly an array or `arguments` (an array by the
//! value-kind inference, `[…].concat(…)`, `arguments`); otherwise it is a suggestion.

use oxc_ast::AstKind;
use oxc_ast::ast::{BindingPattern, ChainElement, Expression, FormalParameterKind};
use oxc_semantic::AstNode;
use oxc_span::{GetSpan, Span as OxcSpan};

use crate::diagnostic::{Diagnostic, Edit, Fix, Span};
use crate::kinds::Kind;
use crate::rules::{Category, Ctx, FixKind, Rule, RuleMeta};

pub static META: RuleMeta = RuleMeta {
    id: "prefer-spread",
    category: Category::Style,
    fix: FixKind::Safe,
    node_types: &[oxc_ast::AstType::CallExpression],
    needles: &["apply"],
    docs: include_str!("../../rules/prefer-spread.md"),
    create: |opts| {
        no_options(opts)?;
        Ok(Box::new(PreferSpread::default()))
    },
};

#[derive(Default)]
pub struct PreferSpread {
    /// The array methods `spread-args-overflow` watches through its `methods` option
    /// (`push`, `unshift`, `splice`): their `.apply` forms are left to it.
    overflow_methods: Vec<&'static str>,
}

/// What `no_options!` accepts: nothing, or `{}`.
fn no_options(opts: Option<&serde_json::Value>) -> Result<(), String> {
    match opts {
        None => Ok(()),
        Some(serde_json::Value::Object(m)) if m.is_empty() => Ok(()),
        Some(_) => Err("this rule takes no options".to_string()),
    }
}

/// `prefer-spread` (with `options`) in a rule set where `spread-args-overflow` is on with
/// `overflow` as its options: the methods its `methods` option adds are left to it, as the
/// builtins it always watches are. The configuration builds the rule this way; the two
/// rules' options are validated on their own.
pub fn beside_overflow(
    options: Option<&serde_json::Value>,
    overflow: Option<&serde_json::Value>,
) -> Result<Box<dyn Rule>, String> {
    use crate::rules::spread_args_overflow::{Method, Options};
    no_options(options)?;
    let overflow: Options = crate::rules::parse_options(overflow)?;
    let overflow_methods = overflow
        .methods
        .iter()
        .map(|m| match m {
            Method::Push => "push",
            Method::Unshift => "unshift",
            Method::Splice => "splice",
        })
        .collect();
    Ok(Box::new(PreferSpread { overflow_methods }))
}

fn short(text: &str) -> Option<&str> {
    (text.len() <= 40 && !text.contains(['\n', '\r', '`'])).then_some(text)
}

fn apply_call(call: OxcSpan, callee: &str, args: &str) -> Diagnostic {
    let (message, help) = match (short(callee), short(args)) {
        (Some(f), Some(a)) => (
            format!("`{f}.apply(…, {a})` passes an array as the arguments the long way: spread syntax says it directly"),
            format!("call `{f}(...{a})`"),
        ),
        _ => (
            "this `.apply(…)` call passes an array as the arguments the long way: spread syntax says it directly".to_string(),
            "call the function with the array spread (`f(...args)`)".to_string(),
        ),
    };
    Diagnostic::new(META.id, call, message)
        .with_label(call, "the `.apply` call")
        .with_help(help)
}

/// The callees `spread-args-overflow` watches; their `.apply` forms are left to it.
const OVERFLOW_CALLEES: &[(&str, &str)] = &[
    ("Math", "max"),
    ("Math", "min"),
    ("String", "fromCharCode"),
    ("String", "fromCodePoint"),
];

impl Rule for PreferSpread {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn gate(&self) -> crate::rules::GateSpec {
        crate::rules::GateSpec::PreferSpread
    }

    fn check<'a>(&self, node: &AstNode<'a>, cx: &mut Ctx<'a, '_>) {
        let AstKind::CallExpression(call) = node.kind() else {
            return;
        };
        if call.type_arguments.is_some() || call.arguments.len() != 2 {
            return;
        }
        // `f.apply(…)`, and the optional forms `f?.apply(…)`, `f.apply?.(…)`, `(f?.apply)(…)`.
        let (applied, property) = match call.callee.get_inner_expression() {
            Expression::StaticMemberExpression(m) => (&m.object, &m.property),
            Expression::ChainExpression(c) => match &c.expression {
                ChainElement::StaticMemberExpression(m) => (&m.object, &m.property),
                _ => return,
            },
            _ => return,
        };
        if property.name != "apply" {
            return;
        }
        let (Some(this_arg), Some(args)) = (
            call.arguments[0].as_expression(),
            call.arguments[1].as_expression(),
        ) else {
            return;
        };
        if matches!(args.get_inner_expression(), Expression::ArrayExpression(_)) {
            return;
        }
        if OVERFLOW_CALLEES
            .iter()
            .any(|(o, p)| applied.is_specific_member_access(o, p))
        {
            return;
        }
        // `out.push.apply(out, xs)` when `spread-args-overflow` watches `push` (it looks at
        // any `x.push`, `x["push"]` through `.apply`).
        if applied
            .get_inner_expression()
            .as_member_expression()
            .and_then(|m| m.static_property_name())
            .is_some_and(|name| self.overflow_methods.contains(&name))
        {
            return;
        }
        let function = match applied.get_inner_expression() {
            Expression::ChainExpression(c) => match &c.expression {
                ChainElement::StaticMemberExpression(m) => Applied::Member(&m.object, None),
                ChainElement::ComputedMemberExpression(m) => {
                    Applied::Member(&m.object, Some(&m.expression))
                }
                ChainElement::PrivateFieldExpression(m) => Applied::Member(&m.object, None),
                _ => return,
            },
            Expression::StaticMemberExpression(m) => Applied::Member(&m.object, None),
            Expression::ComputedMemberExpression(m) => {
                Applied::Member(&m.object, Some(&m.expression))
            }
            Expression::PrivateFieldExpression(m) => Applied::Member(&m.object, None),
            Expression::Super(_) => return,
            _ => Applied::Plain,
        };
        // `a.b.f.apply(a.b, xs)` reads `a.b` twice, `a.b.f(...xs)` once: a getter there
        // would run once less, and one that gives a new object each time would change `this`.
        let receiver_read_twice = matches!(function, Applied::Member(object, _)
        if !matches!(
            object.get_inner_expression(),
            Expression::Identifier(_)
                | Expression::ThisExpression(_)
                | Expression::ArrayExpression(_)
                | Expression::ObjectExpression(_)
        ));
        // The `this` the plain call would get must be the one passed to `apply`.
        match function {
            Applied::Member(object, key) => {
                if !is_plain_receiver(object)
                    || key.is_some_and(|k| !is_plain_key(k))
                    || !same_tokens(cx.text(object.span()), cx.text(this_arg.span()))
                {
                    return;
                }
            }
            Applied::Plain => {
                if !(this_arg.is_null()
                    || this_arg.is_undefined() && is_global(cx, this_arg)
                    || this_arg.is_void_0())
                {
                    return;
                }
            }
        }
        let mut d = apply_call(call.span, cx.text(applied.span()), cx.text(args.span()));
        // `.apply(this, ` between the function and the array becomes `(...`; comments there
        // would be lost, so then there is no fix.
        let removed = Span::new(applied.span().end, args.span().start);
        let removed_text = cx
            .source
            .get(removed.start as usize..removed.end as usize)
            .unwrap_or("/");
        // Optional chains and a parenthesized callee are reported without a fix.
        let direct = matches!(&call.callee, Expression::StaticMemberExpression(_))
            && !call.optional
            && !cx.text(call.callee.span()).contains("?.");
        if direct && !removed_text.contains('/') {
            let edits = vec![Edit::new(removed, "(...")];
            let fix = if receiver_read_twice {
                Fix::suggestion(
                    "call the method with the array spread (its receiver is then read once, not twice)",
                    edits,
                )
            } else if certainly_iterable(cx, args) {
                Fix::safe("call the function with the array spread", edits)
            } else {
                // `apply` takes array-likes and `null`; a spread throws on them.
                Fix::suggestion(
                    "call the function with the array spread (the array must be iterable)",
                    edits,
                )
            };
            d = d.with_fix(fix);
        }
        cx.report(d);
    }
}

/// What `.apply` is called on.
enum Applied<'e, 'a> {
    /// `o.f`, `o[k]`, `o.#f`: the receiver and the computed key.
    Member(&'e Expression<'a>, Option<&'e Expression<'a>>),
    /// Anything else: called with an undefined `this`.
    Plain,
}

/// A receiver whose evaluation has no side effects: `this`, an identifier, an empty array or
/// object literal, or a chain of static members of those (optional links included).
fn is_plain_receiver(e: &Expression<'_>) -> bool {
    match e {
        Expression::ThisExpression(_) | Expression::Identifier(_) => true,
        Expression::ArrayExpression(a) => a.elements.is_empty(),
        Expression::ObjectExpression(o) => o.properties.is_empty(),
        Expression::StaticMemberExpression(m) => is_plain_receiver(&m.object),
        Expression::ParenthesizedExpression(p) => is_plain_receiver(&p.expression),
        Expression::ChainExpression(c) => match &c.expression {
            ChainElement::StaticMemberExpression(m) => is_plain_receiver(&m.object),
            _ => false,
        },
        _ => false,
    }
}

/// A computed key that is a literal: a string, a number, or a template without
/// substitutions (`o[`f`]`, as minifiers print `o['f']`).
fn is_plain_key(e: &Expression<'_>) -> bool {
    match e {
        Expression::StringLiteral(_) | Expression::NumericLiteral(_) => true,
        Expression::TemplateLiteral(t) => t.expressions.is_empty(),
        _ => false,
    }
}

/// Compares two source texts token-wise, ignoring whitespace.
fn same_tokens(a: &str, b: &str) -> bool {
    let strip = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    !a.contains('/') && !b.contains('/') && strip(a) == strip(b)
}

fn is_global(cx: &Ctx<'_, '_>, e: &Expression<'_>) -> bool {
    match e.get_inner_expression() {
        Expression::Identifier(id) => id
            .reference_id
            .get()
            .is_none_or(|r| cx.scoping().get_reference(r).symbol_id().is_none()),
        _ => false,
    }
}

/// Whether the value is certainly an array or an `arguments` object (both iterable), so the
/// spread behaves as `apply` does.
fn certainly_iterable<'a>(cx: &Ctx<'a, '_>, args: &Expression<'a>) -> bool {
    // The value-kind inference knows arrays from literals, builtins, rest parameters,
    // array methods on known arrays and TypeScript annotations.
    if matches!(cx.kinds().of(args).kind, Kind::Array { .. }) {
        return true;
    }
    match args.get_inner_expression() {
        Expression::ArrayExpression(_) => true,
        Expression::CallExpression(c) => {
            let array_builtin = (c.callee.is_specific_member_access("Array", "from")
                || c.callee.is_specific_member_access("Array", "of"))
                && is_global_object(cx, &c.callee)
                && !c.arguments.is_empty();
            // `[a].concat(rest)`, `[...xs].slice(1)`: array methods on an array literal.
            let on_literal = matches!(c.callee.get_inner_expression(), Expression::StaticMemberExpression(m)
                if matches!(m.object.get_inner_expression(), Expression::ArrayExpression(_))
                    && matches!(m.property.name.as_str(), "concat" | "slice"));
            array_builtin || on_literal
        }
        Expression::Identifier(id) => {
            let Some(reference) = id.reference_id.get() else {
                return false;
            };
            let Some(symbol) = cx.scoping().get_reference(reference).symbol_id() else {
                // The unbound `arguments` inside a function is the arguments object.
                return id.name == "arguments" && inside_function(cx, id.node_id.get());
            };
            if cx.kinds().is_mutated(symbol) {
                return false;
            }
            let decl = cx.scoping().symbol_declaration(symbol);
            match cx.nodes().kind(decl) {
                AstKind::FormalParameterRest(_) => true,
                AstKind::FormalParameter(p) => {
                    // The rest parameter may be reported as its parameter list entry.
                    p.span.start < p.span.end && cx.text(p.span).starts_with("...")
                }
                AstKind::FormalParameters(ps) => {
                    ps.kind != FormalParameterKind::Signature
                        && ps
                            .rest
                            .as_ref()
                            .is_some_and(|r| binding_is(&r.rest.argument, symbol))
                }
                AstKind::VariableDeclarator(v) => {
                    binding_is(&v.id, symbol)
                        && v.init
                            .as_ref()
                            .is_some_and(|init| match init.get_inner_expression() {
                                Expression::ArrayExpression(_) => true,
                                e @ Expression::CallExpression(_) => certainly_iterable(cx, e),
                                _ => false,
                            })
                }
                _ => false,
            }
        }
        _ => false,
    }
}

fn binding_is(p: &BindingPattern<'_>, symbol: oxc_semantic::SymbolId) -> bool {
    matches!(p, BindingPattern::BindingIdentifier(b) if b.symbol_id.get() == Some(symbol))
}

fn is_global_object(cx: &Ctx<'_, '_>, callee: &Expression<'_>) -> bool {
    match callee.get_inner_expression() {
        Expression::StaticMemberExpression(m) => is_global(cx, &m.object),
        _ => false,
    }
}

fn inside_function(cx: &Ctx<'_, '_>, id: oxc_semantic::NodeId) -> bool {
    for a in cx.nodes().ancestors(id) {
        match a.kind() {
            AstKind::Function(_) => return true,
            AstKind::PropertyDefinition(_) | AstKind::StaticBlock(_) | AstKind::Program(_) => {
                return false;
            }
            _ => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::FixSafety;
    use crate::lint::test_util::lint_with_rule;

    const RULE: &str = "prefer-spread";

    #[test]
    fn fail_and_pass() {
        let fail = [
            "f.apply(null, args);",
            "f.apply(undefined, args);",
            "f.apply(void 0, args);",
            "obj.f.apply(obj, args);",
            "this.f.apply(this, args);",
            "a.b.c.apply(a.b, args);",
            "a['b'].apply(a, args);",
            "a[`b`].apply(a, args);",
            "(f).apply(null, args);",
            "f.apply(null, xs.concat(ys));",
            "[].concat.apply([ ], args);",
            "f?.apply(null, args);",
            "f.apply?.(null, args);",
            "(f?.apply)(undefined, args);",
            "(obj?.foo).apply(obj, args);",
            "a?.b.c.foo.apply(a?.b.c, args);",
        ];
        let pass = [
            "f.apply(ctx, args);",
            "obj.f.apply(other, args);",
            "f.apply(null, [1, 2]);",
            "Math.max.apply(null, xs);",
            "Math.min.apply(Math, xs);",
            "String.fromCharCode.apply(null, codes);",
            "String.fromCodePoint.apply(String, codes);",
            "obj.f.apply(null, args);",
            "(obj.f).apply(null, args);",
            "a[b()].apply(a, args);",
            "f().g.apply(f(), args);",
            "f.apply(null);",
            "f.apply(null, args, extra);",
            "f.apply(null, ...rest);",
            "f.call(null, args);",
            "function g(undefined) { f.apply(undefined, args); }",
            "super.f.apply(this, args);",
        ];
        let mut failures = Vec::new();
        for code in fail {
            let d = lint_with_rule("a.js", code, RULE);
            let whole = code.trim_end_matches(';');
            if d.len() != 1 || &code[d[0].span.start as usize..d[0].span.end as usize] != whole {
                failures.push(format!(
                    "fail {code}: {:?}",
                    d.iter().map(|d| (d.span, &d.message)).collect::<Vec<_>>()
                ));
            }
        }
        for code in pass {
            let wrapped = if code.contains("super") {
                format!("class C extends B {{ m() {{ {code} }} }}")
            } else {
                code.to_string()
            };
            let d = lint_with_rule("a.js", &wrapped, RULE);
            if !d.is_empty() {
                failures.push(format!(
                    "pass {code}: {:?}",
                    d.iter().map(|d| &d.message).collect::<Vec<_>>()
                ));
            }
        }
        assert!(failures.is_empty(), "{failures:#?}");
    }

    #[test]
    fn fix_safety_follows_what_args_is() {
        let cases = [
            (
                "function f() { g.apply(null, arguments); }",
                Some(FixSafety::Safe),
            ),
            (
                "function f(...xs) { g.apply(null, xs); }",
                Some(FixSafety::Safe),
            ),
            (
                "const xs = [1, 2]; g.apply(null, xs);",
                Some(FixSafety::Safe),
            ),
            ("g.apply(null, Array.from(s));", Some(FixSafety::Safe)),
            ("g.apply(null, [a].concat(rest));", Some(FixSafety::Safe)),
            (
                "const xs = [1].map(f); g.apply(null, xs);",
                Some(FixSafety::Safe),
            ),
            (
                "let xs = [1]; xs = null; g.apply(null, xs);",
                Some(FixSafety::Suggestion),
            ),
            ("g.apply(null, xs);", Some(FixSafety::Suggestion)),
            (
                "function f(xs) { g.apply(null, xs); }",
                Some(FixSafety::Suggestion),
            ),
            ("g.apply(null, /* all */ xs);", None),
            // The receiver is read twice by `.apply`, once by the spread (a getter).
            (
                "const xs = [1]; a.b.f.apply(a.b, xs);",
                Some(FixSafety::Suggestion),
            ),
            (
                "const xs = [1]; this.a.f.apply(this.a, xs);",
                Some(FixSafety::Suggestion),
            ),
            ("const xs = [1]; a.f.apply(a, xs);", Some(FixSafety::Safe)),
            (
                "const xs = [1]; this.f.apply(this, xs);",
                Some(FixSafety::Safe),
            ),
            (
                "const xs = [1]; [].push.apply([], xs);",
                Some(FixSafety::Safe),
            ),
            ("g.apply(null, { length: 2 });", Some(FixSafety::Suggestion)),
        ];
        let mut failures = Vec::new();
        for (code, want) in cases {
            let d = lint_with_rule("a.js", code, RULE);
            let got = d.first().and_then(|d| d.fix.as_ref()).map(|f| f.safety);
            if d.len() != 1 || got != want {
                failures.push(format!("{code}: {got:?}"));
            }
        }
        assert!(failures.is_empty(), "{failures:#?}");
    }
}
