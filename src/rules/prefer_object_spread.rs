//! `prefer-object-spread`: `Object.assign({…}, a, b)` with an object literal as its target
//! builds a new object; `{ …, ...a, ...b }` says so directly.
//!
//! Not reported: a later argument that is itself a spread (`Object.assign({}, ...parts)`:
//! there is no object-spread spelling), a target literal with a getter or setter or a
//! `__proto__: p` entry (`Object.assign` *sets* properties, running setters and the
//! prototype's setters, where a spread *defines* them), and an `Object` that is not the
//! global (`globalThis.Object` is).
//!
//! The fix is safe: for a fresh target without accessors, assigning each source's own
//! enumerable properties in order is what the spread does, getters of the sources included.

use oxc_ast::AstKind;
use oxc_ast::ast::{Argument, Expression, ObjectPropertyKind, PropertyKey, PropertyKind};
use oxc_semantic::AstNode;
use oxc_span::{GetSpan, Span as OxcSpan};

use crate::diagnostic::{Diagnostic, Edit, Fix};
use crate::rules::{Category, Ctx, FixKind, Rule, RuleMeta};

pub static META: RuleMeta = RuleMeta {
    id: "prefer-object-spread",
    category: Category::Style,
    fix: FixKind::Safe,
    node_types: &[oxc_ast::AstType::CallExpression],
    needles: &["assign"],
    docs: include_str!("../../rules/prefer-object-spread.md"),
    create: crate::no_options!(PreferObjectSpread),
};

pub struct PreferObjectSpread;

fn assign_to_literal(call: OxcSpan, target: OxcSpan) -> Diagnostic {
    Diagnostic::new(
        META.id,
        call,
        "`Object.assign` with an object literal as its target builds a new object: an object spread says it directly",
    )
    .with_label(target, "a fresh object literal as the target")
    .with_help("write the object literal with the sources spread into it (`{ ...a, ...b }`)")
}

impl Rule for PreferObjectSpread {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn gate(&self) -> crate::rules::GateSpec {
        crate::rules::GateSpec::PreferObjectSpread
    }

    fn check<'a>(&self, node: &AstNode<'a>, cx: &mut Ctx<'a, '_>) {
        let AstKind::CallExpression(call) = node.kind() else {
            return;
        };
        if call.optional || call.arguments.is_empty() {
            return;
        }
        let Expression::StaticMemberExpression(callee) = &call.callee else {
            return;
        };
        if callee.optional
            || callee.property.name != "assign"
            || !is_global_object(cx, &callee.object)
        {
            return;
        }
        let Some(Expression::ObjectExpression(target)) = call.arguments[0]
            .as_expression()
            .map(Expression::get_inner_expression)
        else {
            return;
        };
        if call
            .arguments
            .iter()
            .any(|a| matches!(a, Argument::SpreadElement(_)))
        {
            return;
        }
        let setter_like = target.properties.iter().any(|p| match p {
            ObjectPropertyKind::ObjectProperty(p) => {
                p.kind != PropertyKind::Init
                    || (!p.computed && !p.shorthand && !p.method && is_proto_key(&p.key))
            }
            ObjectPropertyKind::SpreadProperty(_) => false,
        });
        if setter_like {
            return;
        }
        let mut d = assign_to_literal(call.span, target.span);
        if call.type_arguments.is_none()
            && let Some(text) = spread_text(cx, call, target)
        {
            let text = if needs_parens(cx, node) {
                format!("({text})")
            } else {
                text
            };
            d = d.with_fix(Fix::safe(
                "write an object literal with the sources spread into it",
                vec![Edit::new(call.span, text)],
            ));
        }
        cx.report(d);
    }
}

/// `Object` or `globalThis.Object`, not shadowed by a local binding.
fn is_global_object(cx: &Ctx<'_, '_>, e: &Expression<'_>) -> bool {
    let unbound = |id: &oxc_ast::ast::IdentifierReference<'_>| {
        id.reference_id
            .get()
            .is_none_or(|r| cx.scoping().get_reference(r).symbol_id().is_none())
    };
    match e {
        Expression::Identifier(id) => id.name == "Object" && unbound(id),
        Expression::StaticMemberExpression(m) => {
            m.property.name == "Object"
                && !m.optional
                && matches!(&m.object, Expression::Identifier(g) if g.name == "globalThis" && unbound(g))
        }
        _ => false,
    }
}

fn is_proto_key(key: &PropertyKey<'_>) -> bool {
    match key {
        PropertyKey::StaticIdentifier(id) => id.name == "__proto__",
        PropertyKey::StringLiteral(s) => s.value == "__proto__",
        _ => false,
    }
}

/// `{ <target's entries>, ...a, ...b }`, or `None` when comments would be lost.
fn spread_text(
    cx: &Ctx<'_, '_>,
    call: &oxc_ast::ast::CallExpression<'_>,
    target: &oxc_ast::ast::ObjectExpression<'_>,
) -> Option<String> {
    if cx.text(call.span).contains("//") || cx.text(call.span).contains("/*") {
        return None;
    }
    let mut parts: Vec<String> = Vec::new();
    push_entries(cx, target.span, &mut parts)?;
    for a in call.arguments.iter().skip(1) {
        let e = a.as_expression()?;
        match e.without_parentheses() {
            // A plain literal source is written inline (`Object.assign({}, a, { b: 1 })` →
            // `{ ...a, b: 1 }`): its values are computed in the same order either way.
            Expression::ObjectExpression(o) if is_plain_literal(o) => {
                push_entries(cx, o.span, &mut parts)?
            }
            _ => parts.push(format!("...{}", cx.text(e.span()))),
        }
    }
    Some(if parts.is_empty() {
        "{}".to_string()
    } else {
        format!("{{ {} }}", parts.join(", "))
    })
}

/// The entries of an object literal's text, without braces and trailing comma.
fn push_entries(cx: &Ctx<'_, '_>, span: OxcSpan, parts: &mut Vec<String>) -> Option<()> {
    let inner = cx.text(span);
    let inner = inner.strip_prefix('{')?.strip_suffix('}')?.trim();
    let inner = inner.strip_suffix(',').unwrap_or(inner).trim_end();
    if !inner.is_empty() {
        parts.push(inner.to_string());
    }
    Some(())
}

/// A literal whose entries mean the same inline: no accessor (assigning copies the getter's
/// value, inline it would stay an accessor), no method (its `super` would change), no
/// `__proto__: p` (inline it would set the new object's prototype).
fn is_plain_literal(o: &oxc_ast::ast::ObjectExpression<'_>) -> bool {
    o.properties.iter().all(|p| match p {
        ObjectPropertyKind::ObjectProperty(p) => {
            p.kind == PropertyKind::Init
                && !p.method
                && (p.computed || p.shorthand || !is_proto_key(&p.key))
        }
        ObjectPropertyKind::SpreadProperty(_) => true,
    })
}

/// An object literal at the start of a statement would be read as a block.
fn needs_parens(cx: &Ctx<'_, '_>, node: &AstNode<'_>) -> bool {
    let start = node.kind().span().start;
    let nodes = cx.nodes();
    let mut cur = node.id();
    loop {
        let parent = nodes.parent_node(cur);
        match parent.kind() {
            AstKind::ExpressionStatement(_) => return true,
            AstKind::ArrowFunctionExpression(a) => return a.body.span().start == start,
            k if k.span().start == start && !matches!(k, AstKind::Program(_)) => cur = parent.id(),
            _ => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::test_util::lint_with_rule;

    const RULE: &str = "prefer-object-spread";

    #[test]
    fn fail_and_pass() {
        let fail = [
            "x = Object.assign({}, a);",
            "x = Object.assign({}, a, b);",
            "x = Object.assign({ a: 1 }, b);",
            "x = Object.assign(({}), a);",
            "f(Object.assign({}, a, { b: 1 }));",
            "x = Object.assign({});",
            "x = globalThis.Object.assign({}, a);",
        ];
        let pass = [
            "x = Object.assign({}, ...parts);",
            "x = Object.assign(target, a);",
            "x = Object.assign({ get a() { return 1; } }, b);",
            "x = Object.assign({ set a(v) {} }, b);",
            "x = Object.assign({ __proto__: p }, b);",
            "x = Object.assign({ '__proto__': p }, b);",
            "const Object = {}; x = Object.assign({}, a);",
            "const globalThis = {}; x = globalThis.Object.assign({}, a);",
            "x = window.Object.assign({}, a);",
            "x = Object.assign?.({}, a);",
            "x = Object?.assign({}, a);",
            "x = Object.freeze({}, a);",
            "x = { ...{ __proto__: p } };",
        ];
        let mut failures = Vec::new();
        for code in fail {
            let d = lint_with_rule("a.js", code, RULE);
            if d.len() != 1
                || !code[d[0].span.start as usize..d[0].span.end as usize]
                    .contains("Object.assign(")
            {
                failures.push(format!(
                    "fail {code}: {:?}",
                    d.iter().map(|d| (d.span, &d.message)).collect::<Vec<_>>()
                ));
            }
        }
        for code in pass {
            let d = lint_with_rule("a.js", code, RULE);
            if !d.is_empty() {
                failures.push(format!(
                    "pass {code}: {:?}",
                    d.iter().map(|d| &d.message).collect::<Vec<_>>()
                ));
            }
        }
        assert!(failures.is_empty(), "{failures:#?}");
    }
}
