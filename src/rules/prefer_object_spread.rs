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
//! It is offered only where the rewrite keeps the meaning:
//! - `Object.assign` evaluates every argument before it copies anything, where the object
//!   literal copies each spread as it comes to it: `Object.assign({}, st, { k: st.k++ })`
//!   copies `st` after the increment, `{ ...st, k: st.k++ }` before it. So every argument after
//!   the first one written as a spread must be free of side effects (no call, `new`, `++`/`--`,
//!   assignment, `delete`, `await`, `yield`, tagged template, class or JSX element).
//! - A literal with an own `__proto__` property (`["__proto__"]: v`, `` [`__proto__`]: v ``,
//!   the shorthand `{ __proto__ }`, a method or accessor so named), as a source or the
//!   target, is neither inlined nor spread: `Object.assign` *sets* a source's own `__proto__`
//!   on the target, changing its prototype, where the object literal defines a property.
//!   A source `{ __proto__: p, … }` (which sets its own prototype) is spread, not inlined:
//!   inline it would set the new object's prototype. (An unknown source with an own
//!   `__proto__` property, from `JSON.parse`, and getters that change later arguments are
//!   beyond what the rule can see.)

use oxc_ast::AstKind;
use oxc_ast::ast::{
    Argument, ArrowFunctionExpression, AssignmentExpression, AwaitExpression, CallExpression,
    Class, Directive, Expression, Function, ImportExpression, JSXElement, JSXFragment,
    NewExpression, ObjectExpression, ObjectProperty, ObjectPropertyKind, PropertyKey, PropertyKind,
    Statement, TaggedTemplateExpression, UnaryExpression, UpdateExpression, YieldExpression,
};
use oxc_ast_visit::{Visit, walk};
use oxc_semantic::{AstNode, NodeId};
use oxc_span::{GetSpan, Span as OxcSpan};
use oxc_syntax::operator::UnaryOperator;
use oxc_syntax::scope::ScopeFlags;

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
                p.kind != PropertyKind::Init || sets_prototype(p)
            }
            ObjectPropertyKind::SpreadProperty(_) => false,
        });
        if setter_like {
            return;
        }
        let mut d = assign_to_literal(call.span, target.span);
        if call.type_arguments.is_none() {
            let (open, close) = match wrapping(cx, node) {
                Wrap::None => ("", ""),
                Wrap::Parens => ("(", ")"),
                Wrap::AfterSemicolon => (";(", ")"),
            };
            if let Some(edits) = spread_edits(cx, call, target, open, close) {
                d = d.with_fix(Fix::safe(
                    "write an object literal with the sources spread into it",
                    edits,
                ));
            }
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

/// The fix: the call becomes an object literal with the target's entries, then each source's,
/// a plain literal's written inline and any other spread (`Object.assign({ a }, b, { c: 1 })`
/// → `{ a, ...b, c: 1 }`), in `open` and `close` (parentheses where a literal would be read
/// as a block). Only the text around the kept entries and sources is rewritten, so a comment
/// there withholds the fix while one inside them stays; and the fix of a call never holds the
/// text of a source, which made nested calls (`Object.assign({}, Object.assign({}, …))`)
/// quadratic in memory, each level's fix copying all the levels inside it.
fn spread_edits(
    cx: &Ctx<'_, '_>,
    call: &CallExpression<'_>,
    target: &ObjectExpression<'_>,
    open: &str,
    close: &str,
) -> Option<Vec<Edit>> {
    // The target's own `__proto__` entry would be moved into the new literal; its form
    // decides what it means there, so it is left to the reader.
    if has_own_proto(target) {
        return None;
    }
    // The spans kept as they are, in order, and whether each is written as a spread.
    let mut kept: Vec<(OxcSpan, bool)> = Vec::new();
    kept.extend(entries_span(target).map(|s| (s, false)));
    // The keys written inline so far: a literal source that sets one again is not inlined
    // (`{ a: 1, a: 2 }` is the same object in JavaScript, but TypeScript rejects duplicate
    // keys, TS1117, as does ESLint's `no-dupe-keys`), and then there is no fix.
    let mut keys: Vec<String> = Vec::new();
    if !add_keys(target, &mut keys) {
        return None;
    }
    // Whether a source was written as a spread yet: from there on, the spreads copy while
    // later arguments are still to be evaluated.
    let mut copying = false;
    for a in call.arguments.iter().skip(1) {
        let e = a.as_expression()?;
        if copying && may_have_side_effects(e) {
            return None;
        }
        if may_hold_own_proto(e) {
            return None;
        }
        match e.without_parentheses() {
            // A plain literal source is written inline (`Object.assign({}, a, { b: 1 })` →
            // `{ ...a, b: 1 }`): its values are computed in the same order either way.
            Expression::ObjectExpression(o) if is_plain_literal(o) => {
                if !add_keys(o, &mut keys) {
                    return None;
                }
                kept.extend(entries_span(o).map(|s| (s, false)));
            }
            _ => {
                kept.push((e.span(), true));
                copying = true;
            }
        }
    }
    // The text between the kept spans, and what it becomes.
    let mut gaps: Vec<(OxcSpan, String)> = Vec::with_capacity(kept.len() + 1);
    let mut at = call.span.start;
    for (i, &(span, spread)) in kept.iter().enumerate() {
        let lead = if i == 0 { "{ " } else { ", " };
        let dots = if spread { "..." } else { "" };
        let text = if i == 0 {
            format!("{open}{lead}{dots}")
        } else {
            format!("{lead}{dots}")
        };
        gaps.push((OxcSpan::new(at, span.start), text));
        at = span.end;
    }
    let last = if kept.is_empty() {
        format!("{open}{{}}{close}")
    } else {
        format!(" }}{close}")
    };
    gaps.push((OxcSpan::new(at, call.span.end), last));
    // A comment in the text rewritten would be lost.
    if gaps.iter().any(|(gap, _)| {
        let t = cx.text(*gap);
        t.contains("//") || t.contains("/*")
    }) {
        return None;
    }
    let edits = gaps
        .into_iter()
        .map(|(gap, text)| Edit::new(gap, text))
        .collect();
    Some(edits)
}

/// The span of an object literal's entries, from the first to the end of the last (without
/// the braces and a trailing comma); `None` when it has none.
fn entries_span(o: &ObjectExpression<'_>) -> Option<OxcSpan> {
    Some(OxcSpan::new(
        o.properties.first()?.span().start,
        o.properties.last()?.span().end,
    ))
}

/// Adds the static keys of a literal's own entries to `keys`; `false` when one is there
/// already (set by an earlier entry written inline, or twice in this literal).
fn add_keys(o: &ObjectExpression<'_>, keys: &mut Vec<String>) -> bool {
    for p in &o.properties {
        if let ObjectPropertyKind::ObjectProperty(p) = p
            && let Some(name) = p.key.static_name()
        {
            if keys.iter().any(|k| *k == name) {
                return false;
            }
            keys.push(name.into_owned());
        }
    }
    true
}

/// A literal whose entries mean the same inline: no accessor (assigning copies the getter's
/// value, inline it would stay an accessor), no method (its `super` would change), no
/// `__proto__: p` (inline it would set the new object's prototype; spread, like assigned,
/// it copies nothing).
fn is_plain_literal(o: &ObjectExpression<'_>) -> bool {
    o.properties.iter().all(|p| match p {
        ObjectPropertyKind::ObjectProperty(p) => {
            p.kind == PropertyKind::Init && !p.method && !sets_prototype(p)
        }
        ObjectPropertyKind::SpreadProperty(_) => true,
    })
}

/// `__proto__: p` or `"__proto__": p`: sets the literal's prototype, defines no property.
fn sets_prototype(p: &ObjectProperty<'_>) -> bool {
    p.kind == PropertyKind::Init && !p.computed && !p.shorthand && !p.method && is_proto_key(&p.key)
}

/// Whether the literal has an own property named `__proto__`: `["__proto__"]: v`,
/// `` [`__proto__`]: v ``, the shorthand `{ __proto__ }`, a method or an accessor so named.
fn has_own_proto(o: &ObjectExpression<'_>) -> bool {
    o.properties.iter().any(|p| match p {
        ObjectPropertyKind::ObjectProperty(p) => {
            p.key.is_specific_static_name("__proto__") && !sets_prototype(p)
        }
        ObjectPropertyKind::SpreadProperty(_) => false,
    })
}

/// Whether a source is, or may be (a branch of `?:`, `||`, `??`, `&&`, the last of a comma
/// list, a literal spread inside a literal), an object literal with an own `__proto__`
/// property. `Object.assign` copies it by setting `__proto__` on the target, which changes
/// the target's prototype; written inline or spread, it would be defined as a property.
fn may_hold_own_proto(e: &Expression<'_>) -> bool {
    let mut todo = vec![e];
    while let Some(e) = todo.pop() {
        match e.get_inner_expression() {
            Expression::ObjectExpression(o) => {
                if has_own_proto(o) {
                    return true;
                }
                for p in &o.properties {
                    if let ObjectPropertyKind::SpreadProperty(s) = p {
                        todo.push(&s.argument);
                    }
                }
            }
            Expression::ConditionalExpression(c) => {
                todo.push(&c.consequent);
                todo.push(&c.alternate);
            }
            Expression::LogicalExpression(l) => {
                todo.push(&l.left);
                todo.push(&l.right);
            }
            Expression::SequenceExpression(s) => todo.extend(s.expressions.last()),
            _ => {}
        }
    }
    false
}

/// Whether evaluating `e` may have a side effect: a call, `new`, `++`/`--`, an assignment,
/// `delete`, `await`, `yield`, a tagged template, `import()`, a class (static blocks, computed
/// keys) or a JSX element (a call once compiled). Function bodies are not evaluated.
/// Getters and `toString`/`valueOf` run by property reads and conversions are not counted.
fn may_have_side_effects(e: &Expression<'_>) -> bool {
    let mut v = Effects(false);
    v.visit_expression(e);
    v.0
}

struct Effects(bool);

impl<'a> Visit<'a> for Effects {
    fn visit_call_expression(&mut self, _: &CallExpression<'a>) {
        self.0 = true;
    }
    fn visit_new_expression(&mut self, _: &NewExpression<'a>) {
        self.0 = true;
    }
    fn visit_update_expression(&mut self, _: &UpdateExpression<'a>) {
        self.0 = true;
    }
    fn visit_assignment_expression(&mut self, _: &AssignmentExpression<'a>) {
        self.0 = true;
    }
    fn visit_unary_expression(&mut self, it: &UnaryExpression<'a>) {
        if it.operator == UnaryOperator::Delete {
            self.0 = true;
        } else {
            walk::walk_unary_expression(self, it);
        }
    }
    fn visit_await_expression(&mut self, _: &AwaitExpression<'a>) {
        self.0 = true;
    }
    fn visit_yield_expression(&mut self, _: &YieldExpression<'a>) {
        self.0 = true;
    }
    fn visit_tagged_template_expression(&mut self, _: &TaggedTemplateExpression<'a>) {
        self.0 = true;
    }
    fn visit_import_expression(&mut self, _: &ImportExpression<'a>) {
        self.0 = true;
    }
    fn visit_class(&mut self, _: &Class<'a>) {
        self.0 = true;
    }
    fn visit_jsx_element(&mut self, _: &JSXElement<'a>) {
        self.0 = true;
    }
    fn visit_jsx_fragment(&mut self, _: &JSXFragment<'a>) {
        self.0 = true;
    }
    fn visit_function(&mut self, _: &Function<'a>, _: ScopeFlags) {}
    fn visit_arrow_function_expression(&mut self, _: &ArrowFunctionExpression<'a>) {}
}

/// What the object literal needs around it where the call stood.
enum Wrap {
    None,
    /// At the start of an arrow body or a statement, a brace would open a block.
    Parens,
    /// At the start of a statement after one that does not end with `;`: the `(` would
    /// continue it (`let y = z` then `({ ...a }).b = 1` is `z({ ...a })`), so a `;` ends it.
    AfterSemicolon,
}

/// An object literal at the start of a statement would be read as a block.
fn wrapping(cx: &Ctx<'_, '_>, node: &AstNode<'_>) -> Wrap {
    let start = node.kind().span().start;
    let nodes = cx.nodes();
    let mut cur = node.id();
    loop {
        let parent = nodes.parent_node(cur);
        match parent.kind() {
            AstKind::ExpressionStatement(_) => {
                return if continues_previous(cx, parent.id(), start) {
                    Wrap::AfterSemicolon
                } else {
                    Wrap::Parens
                };
            }
            AstKind::ArrowFunctionExpression(a) if a.body.span().start == start => {
                return Wrap::Parens;
            }
            AstKind::ArrowFunctionExpression(_) => return Wrap::None,
            k if k.span().start == start && !matches!(k, AstKind::Program(_)) => cur = parent.id(),
            _ => return Wrap::None,
        }
    }
}

/// Whether a statement starting with `(` at `start` would be read as continuing the statement
/// (or directive) before it in its list: that one does not end with `;` and is not a
/// declaration or block that ends with `}`. A statement that is not in a list (the body of an
/// `if`, a loop, a label) follows `)`, `else`, `do` or `:`, which a `(` does not continue.
fn continues_previous(cx: &Ctx<'_, '_>, statement: NodeId, start: u32) -> bool {
    let nodes = cx.nodes();
    let (directives, statements): (&[Directive<'_>], &[Statement<'_>]) =
        match nodes.parent_kind(statement) {
            AstKind::Program(p) => (&p.directives, &p.body),
            AstKind::FunctionBody(b) => (&b.directives, &b.statements),
            AstKind::BlockStatement(b) => (&[], &b.body),
            AstKind::StaticBlock(b) => (&[], &b.body),
            AstKind::SwitchCase(c) => (&[], &c.consequent),
            AstKind::TSModuleBlock(b) => (&b.directives, &b.body),
            _ => return false,
        };
    // The list is in source order: a binary search, not a scan per call.
    let before = statements[..statements.partition_point(|s| s.span().end <= start)].last();
    let ends_with_semicolon = |span: OxcSpan| cx.text(span).trim_end().ends_with(';');
    match before {
        Some(s) => {
            !ends_with_semicolon(s.span())
                && !matches!(
                    s,
                    Statement::FunctionDeclaration(_)
                        | Statement::ClassDeclaration(_)
                        | Statement::BlockStatement(_)
                        | Statement::TryStatement(_)
                        | Statement::SwitchStatement(_)
                        | Statement::EmptyStatement(_)
                )
        }
        None => directives
            .iter()
            .rev()
            .find(|d| d.span.end <= start)
            .is_some_and(|d| !ends_with_semicolon(d.span)),
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

#[cfg(test)]
mod fix_tests {
    use crate::diagnostic::Edit;
    use crate::lint::test_util::lint_with_rule;

    /// (code, the call's replacement text, or `None` for a report without a fix). Each `None`
    /// had a fix that changed the meaning before.
    const CASES: &[(&str, Option<&str>)] = &[
        (
            "x = Object.assign({}, a, b.c, { k: 1 });",
            Some("{ ...a, ...b.c, k: 1 }"),
        ),
        // Side effects before the first spread source run before any copy either way.
        (
            "x = Object.assign({}, { k: f() }, a);",
            Some("{ k: f(), ...a }"),
        ),
        (
            "x = Object.assign({ k: i++ }, a);",
            Some("{ k: i++, ...a }"),
        ),
        ("x = Object.assign({}, f(), a);", Some("{ ...f(), ...a }")),
        (
            "x = Object.assign({}, a, { f() {} });",
            Some("{ ...a, ...{ f() {} } }"),
        ),
        (
            "x = Object.assign({}, a, { g: () => f() });",
            Some("{ ...a, g: () => f() }"),
        ),
        (
            "x = Object.assign({}, a, { g: function () { f(); } });",
            Some("{ ...a, g: function () { f(); } }"),
        ),
        // After a spread source, a side effect could change what it copies.
        ("x = Object.assign({}, st, { k2: st.k++ });", None),
        ("x = Object.assign({}, st, bump(st));", None),
        ("x = Object.assign({}, st, new B());", None),
        ("x = Object.assign({}, st, { k: (st.k = 2) });", None),
        ("x = Object.assign({}, st, { k: delete st.k });", None),
        ("x = Object.assign({}, st, o?.f());", None),
        ("x = Object.assign({}, st, { k: tag`x` });", None),
        ("x = Object.assign({}, st, { k: `${f()}` });", None),
        (
            "async function g() { x = Object.assign({}, st, await p); }",
            None,
        ),
        ("function* g() { x = Object.assign({}, st, yield); }", None),
        ("x = Object.assign({}, st, { [f()]: 1 });", None),
        (
            "x = Object.assign({}, st, class { static { f(); } });",
            None,
        ),
        ("x = Object.assign({}, st, a, { k: --n });", None),
        // `__proto__` keys, in any form, in a source or in the target.
        ("x = Object.assign({}, { [\"__proto__\"]: 5 });", None),
        ("x = Object.assign({}, { [`__proto__`]: 5 });", None),
        (
            "x = Object.assign({}, { get __proto__() { return 1; } });",
            None,
        ),
        ("x = Object.assign({}, { ...{ __proto__ } });", None),
        // `__proto__: p` sets the literal's prototype: spread, not inlined, it copies nothing.
        (
            "x = Object.assign({}, { __proto__: p });",
            Some("{ ...{ __proto__: p } }"),
        ),
        (
            "x = Object.assign({}, { \"__proto__\": p, y: 1 });",
            Some("{ ...{ \"__proto__\": p, y: 1 } }"),
        ),
        (
            "x = Object.assign({}, a, { ...{ __proto__: p } });",
            Some("{ ...a, ...{ __proto__: p } }"),
        ),
        ("x = Object.assign({}, { __proto__ });", None),
        ("x = Object.assign({}, { __proto__() {} });", None),
        (
            "x = Object.assign({}, a, { ...{ [\"__proto__\"]: 1 } });",
            None,
        ),
        (
            "x = Object.assign({}, c ? { [\"__proto__\"]: 1 } : {});",
            None,
        ),
        ("x = Object.assign({ [\"__proto__\"]: 1 }, a);", None),
        ("x = Object.assign({ __proto__ }, a);", None),
        (
            "x = Object.assign({}, { [\"__proto\"]: 1 });",
            Some("{ [\"__proto\"]: 1 }"),
        ),
        // Inline, a key set twice is rejected by TypeScript (TS1117) and `no-dupe-keys`.
        ("x = Object.assign({ a: 1 }, { a: 2 });", None),
        ("x = Object.assign({}, { a: 1 }, b, { \"a\": 2 });", None),
        ("x = Object.assign({}, { 1: 1 }, { [1]: 2 });", None),
        (
            "x = Object.assign({ a: 1 }, { b: 2 }, c);",
            Some("{ a: 1, b: 2, ...c }"),
        ),
        // At the start of a statement the literal is parenthesized; after a statement (or
        // directive) without `;`, the `(` would call its last value: a `;` ends it first.
        (
            "let y = z\nObject.assign({}, a).b = 1;",
            Some(";({ ...a })"),
        ),
        (
            "\"use strict\"\nObject.assign({}, a).b;",
            Some(";({ ...a })"),
        ),
        (
            "function g() { y = z\n  Object.assign({}, a).b = 1 }",
            Some(";({ ...a })"),
        ),
        ("y = z;\nObject.assign({}, a).b = 1;", Some("({ ...a })")),
        (
            "function g() {}\nObject.assign({}, a).b;",
            Some("({ ...a })"),
        ),
        ("if (y) Object.assign({}, a).b = 1;", Some("({ ...a })")),
        ("{ Object.assign({}, a).b = 1; }", Some("({ ...a })")),
        ("f(() => Object.assign({}, a));", Some("({ ...a })")),
    ];

    /// The text of `span` (the call) once the edits, all inside it, are applied.
    fn fixed_text(code: &str, span: crate::diagnostic::Span, edits: &[Edit]) -> String {
        let mut out = String::new();
        let mut at = span.start as usize;
        for e in edits {
            out.push_str(&code[at..e.span.start as usize]);
            out.push_str(&e.text);
            at = e.span.end as usize;
        }
        out.push_str(&code[at..span.end as usize]);
        out
    }

    #[test]
    fn fix_only_where_the_meaning_is_kept() {
        let mut failures = Vec::new();
        for (code, want) in CASES {
            let d = lint_with_rule("a.js", code, "prefer-object-spread");
            let got = d
                .first()
                .and_then(|d| d.fix.as_ref())
                .map(|f| fixed_text(code, d[0].span, &f.edits));
            if d.len() != 1 || got.as_deref() != *want {
                failures.push(format!("{code}: {} diagnostics, fix {got:?}", d.len()));
            }
        }
        assert!(failures.is_empty(), "{failures:#?}");
    }

    #[test]
    fn nested_calls_do_not_copy_each_other() {
        // Each level's fix used to be one edit holding the whole call's new text, the levels
        // inside included: quadratic in the nesting (8,000 levels took 1.2 GB). The fix now
        // rewrites only the text around the kept sources.
        let n = 50;
        let code = format!("x = {}a{};", "Object.assign({}, ".repeat(n), ")".repeat(n));
        let d = lint_with_rule("a.js", &code, "prefer-object-spread");
        assert_eq!(d.len(), n);
        for d in &d {
            let edits = &d.fix.as_ref().expect("a fix").edits;
            assert!(edits.iter().all(|e| e.text.len() <= 5), "{edits:?}");
        }
        let code = "x = Object.assign({}, Object.assign({ k: 1 }, a, { b: 2 }), c);";
        assert_eq!(
            crate::rules::fix_test_util::apply(code, "prefer-object-spread"),
            "x = { ...{ k: 1, ...a, b: 2 }, ...c };"
        );
        // A comment inside a kept source or entry stays; one in the text rewritten still
        // withholds the fix.
        let kept = [
            (
                "x = Object.assign({}, f(a /* c */), b);",
                "{ ...f(a /* c */), ...b }",
            ),
            (
                "x = Object.assign({}, { a: 1, // c\n b: 2 });",
                "{ a: 1, // c\n b: 2 }",
            ),
        ];
        for (code, want) in kept {
            let d = lint_with_rule("a.js", code, "prefer-object-spread");
            let got = d[0]
                .fix
                .as_ref()
                .map(|f| fixed_text(code, d[0].span, &f.edits));
            assert_eq!(got.as_deref(), Some(want), "{code}");
        }
        for code in [
            "x = Object.assign({}, /* c */ a);",
            "x = Object.assign({}, a // c\n);",
            "x = Object.assign({}, { a: 1 /* c */ });",
            "x = Object.assign(/* c */ {}, a);",
        ] {
            let d = lint_with_rule("a.js", code, "prefer-object-spread");
            assert!(d.len() == 1 && d[0].fix.is_none(), "{code}");
        }
    }
}
