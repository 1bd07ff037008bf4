//! `iterator-reuse`: a one-shot iterator consumed twice. A binding holding a generator
//! object, a Map/Set/array `.keys()/.values()/.entries()` iterator, a `matchAll` iterator or an
//! iterator-helper result, that is spread, destructured or iterated a second time: the second
//! use gets nothing.
//!
//! A generator object is finished by any consumer (destructuring and `break` close it); a
//! built-in iterator only by a full one (spread, `Array.from`, a `for…of` without
//! `break`/`return`), so a partial use followed by another use is deliberate. Uses that cannot
//! both run (exclusive branches, a first use whose branch ends in `return`/`throw`, or in a
//! `break` out of the statement holding the second use, or in a `continue` of a loop whose
//! body holds the second use and the declaration) are not two uses; one unconditional use
//! inside a loop, of an iterator bound outside it, is. Parentheses and TS wrappers (`(it)`,
//! `it!`, `it as T`) do not change a use. Uses all in one nested function are judged there;
//! uses spread over functions, or a binding used in any other way (passed to a function,
//! returned, stored), are not judged.

use oxc_ast::AstKind;
use oxc_ast::AstType;
use oxc_ast::ast::*;
use oxc_semantic::AstNode;
use oxc_span::GetSpan;
use oxc_syntax::node::NodeId;

use crate::diagnostic::{Diagnostic, Span};
use crate::kinds::Kind;
use crate::rules::{Category, Ctx, FixKind, Rule, RuleMeta};

pub static META: RuleMeta = RuleMeta {
    id: "iterator-reuse",
    category: Category::Correctness,
    fix: FixKind::None,
    node_types: &[AstType::VariableDeclarator, AstType::FormalParameter],
    needles: &[
        "function*",
        "function *",
        "keys(",
        "values(",
        "entries(",
        "matchAll(",
        "Iterator.",
        "Symbol.iterator",
        "Generator",
    ],
    docs: include_str!("../../rules/iterator-reuse.md"),
    create: crate::no_options!(IteratorReuse),
};

pub struct IteratorReuse;

/// How one reference uses the iterator.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Use {
    /// Reads it to the end: spread, `Array.from`, `new Set`, `yield*`, a `for…of` without exits.
    Full(&'static str),
    /// Reads some of it: array destructuring, a `for…of` with `break`/`return`/`throw`.
    Partial(&'static str),
    /// `it.next()` and kin: manual stepping, not judged.
    Step,
    /// Anything else: the iterator escapes and the rule says nothing.
    Escape,
}

struct Found {
    node: NodeId,
    span: Span,
    what: &'static str,
    full: bool,
    /// Whether the use reads async iterables (`for await`, `Array.fromAsync`, `yield*` in an
    /// `async function*`): the only uses that read an async generator object at all.
    reads_async: bool,
}

impl Rule for IteratorReuse {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn gate(&self) -> crate::rules::GateSpec {
        crate::rules::GateSpec::IteratorReuse
    }

    fn matches_text(&self, text: &str) -> bool {
        has_generator_method(text)
    }

    fn check<'a>(&self, node: &AstNode<'a>, cx: &mut Ctx<'a, '_>) {
        let id = match node.kind() {
            AstKind::VariableDeclarator(d) => {
                let BindingPattern::BindingIdentifier(id) = &d.id else {
                    return;
                };
                // One-shot iterators come from calls (`gen()`, `m.keys()`, `Iterator.from(x)`),
                // possibly behind `?:`/`||`, or from an annotation (`it: Generator<T>`).
                let from_call = matches!(
                    d.init.as_ref().map(Expression::get_inner_expression),
                    Some(
                        Expression::CallExpression(_)
                            | Expression::ConditionalExpression(_)
                            | Expression::LogicalExpression(_)
                    )
                );
                if !from_call && !names_generator(cx, d.type_annotation.as_deref()) {
                    return;
                }
                id
            }
            // `function drain(it: Generator<number>)`.
            AstKind::FormalParameter(p) if names_generator(cx, p.type_annotation.as_deref()) => {
                let BindingPattern::BindingIdentifier(id) = &p.pattern else {
                    return;
                };
                id
            }
            _ => return,
        };
        let Some(symbol) = id.symbol_id.get() else {
            return;
        };
        // The uses first: most bindings escape (passed on, a member read) or are consumed
        // at most once, and then the value's kind need not be inferred at all.
        let mut uses = Vec::new();
        // The function the consuming uses are in: all in one, or the binding is not judged.
        let mut use_function = None;
        for r in cx.scoping().get_resolved_references(symbol) {
            let ref_node = r.node_id();
            let how = classify(cx, ref_node);
            match how {
                Use::Escape => return,
                Use::Step => {}
                Use::Full(what) | Use::Partial(what) => {
                    // A use in a callback or nested function may run any number of times, or
                    // never, before or after a use outside it: not judged. Uses that are all in
                    // one nested function are judged within it (each call of the function
                    // runs them in order on the one iterator bound outside it).
                    let function = enclosing_function(cx, ref_node);
                    if *use_function.get_or_insert(function) != function {
                        return;
                    }
                    let full = matches!(how, Use::Full(_));
                    // A spread is reported at its `...`; other uses at the iterator.
                    let (parent, _) = context(cx, ref_node);
                    let span = match cx.nodes().kind(parent) {
                        AstKind::SpreadElement(s) => s.span.into(),
                        _ => cx.nodes().kind(ref_node).span().into(),
                    };
                    uses.push(Found {
                        node: ref_node,
                        span,
                        what,
                        full,
                        reads_async: reads_async(cx, ref_node),
                    });
                }
            }
        }
        // Pairs are compared below; a binding used this often is not a simple reuse bug.
        if uses.is_empty() || uses.len() > 64 {
            return;
        }
        if cx.kinds().is_mutated(symbol) {
            return;
        }
        let t = cx.kinds().of_symbol(symbol);
        if !t.kind.is_one_shot() {
            return;
        }
        // A spread, a sync `for…of`, `Array.from` or destructuring of an async generator
        // object throws (or, for `Array.from`, gives `[]`) without reading it: not a use.
        if t.kind == Kind::AsyncGenerator {
            uses.retain(|u| u.reads_async);
        }
        let generator = matches!(t.kind, Kind::Generator | Kind::AsyncGenerator);
        uses.sort_by_key(|u| u.span.start);

        let finishes = |u: &Found| generator || u.full;
        // Two uses that both run.
        for (i, second) in uses.iter().enumerate().skip(1) {
            if let Some(first) = uses[..i]
                .iter()
                .find(|f| finishes(f) && both_run(cx, f.node, second.node, node.id()))
            {
                let name = id.name.as_str();
                let message = format!(
                    "{}: it was already consumed at line {}, so {}",
                    cx.kinds().describe(&format!("`{name}`"), &t, false),
                    cx.line_of(first.span.start),
                    second_effect(second.what),
                );
                let d = Diagnostic::new(META.id, second.span, message)
                    .with_label(second.span, format!("second use: {}", second.what))
                    .with_label(first.span, format!("first consumed here ({})", first.what))
                    .with_label(t.origin.span, t.origin.label.clone())
                    .with_help(help(name));
                cx.report(d);
                return;
            }
        }
        // One use repeated by a loop around it.
        for u in uses.iter().filter(|u| finishes(u)) {
            if let Some(loop_span) = repeating_loop(cx, u.node, node.id()) {
                let name = id.name.as_str();
                let message = format!(
                    "{}: it is consumed inside a loop, so every pass after the first gets nothing",
                    cx.kinds().describe(&format!("`{name}`"), &t, false),
                );
                let d = Diagnostic::new(META.id, u.span, message)
                    .with_label(u.span, format!("consumed here on every pass ({})", u.what))
                    .with_label(loop_span, "the loop")
                    .with_label(t.origin.span, t.origin.label.clone())
                    .with_help(help(name));
                cx.report(d);
                return;
            }
        }
    }
}

/// Whether an annotation can name a one-shot iterator type (`Generator<T>`,
/// `AsyncGenerator<T>`): a cheap text test before asking the inference.
fn names_generator(cx: &Ctx<'_, '_>, annotation: Option<&TSTypeAnnotation<'_>>) -> bool {
    annotation.is_some_and(|a| cx.text(a.span).contains("Generator"))
}

fn help(name: &str) -> String {
    format!(
        "collect the items once (`const items = [...{name}]`) and reuse the array, or create a fresh iterator for each use"
    )
}

fn second_effect(what: &str) -> String {
    match what {
        "spread" => "this spread gets nothing".into(),
        "destructuring" => "this destructuring gets only `undefined`".into(),
        "for…of" => "this loop runs zero times".into(),
        "yield*" => "this `yield*` yields nothing".into(),
        "`Array.from`" => "this `Array.from` gets an empty array".into(),
        "`Array.fromAsync`" => "this `Array.fromAsync` gets an empty array".into(),
        "`Object.fromEntries`" => "this `Object.fromEntries` gets no entries".into(),
        "`groupBy`" => "this `groupBy` makes no groups".into(),
        "`new` of a collection" => "the collection built here gets nothing".into(),
        other => format!("this {other} gets nothing"),
    }
}

/// Whether the use at `reference` reads an async iterable: a `for await`, `Array.fromAsync`,
/// or a `yield*` in an `async function*`.
fn reads_async(cx: &Ctx<'_, '_>, reference: NodeId) -> bool {
    let (parent, _) = context(cx, reference);
    match cx.nodes().kind(parent) {
        AstKind::ForOfStatement(f) => f.r#await,
        AstKind::CallExpression(c) => c
            .callee
            .get_inner_expression()
            .as_member_expression()
            .is_some_and(|m| m.static_property_name() == Some("fromAsync")),
        AstKind::YieldExpression(y) if y.delegate => enclosing_function(cx, parent).is_some_and(
            |f| matches!(cx.nodes().kind(f), AstKind::Function(f) if f.r#async && f.generator),
        ),
        _ => false,
    }
}

/// The nearest function (or arrow) around a node, `None` at the top level.
fn enclosing_function(cx: &Ctx<'_, '_>, node: NodeId) -> Option<NodeId> {
    cx.nodes()
        .ancestors(node)
        .find(|n| {
            matches!(
                n.kind(),
                AstKind::Function(_) | AstKind::ArrowFunctionExpression(_)
            )
        })
        .map(AstNode::id)
}

/// The first ancestor of `node` that is not a parenthesis or a TS wrapper, and the child below it.
fn context(cx: &Ctx<'_, '_>, node: NodeId) -> (NodeId, NodeId) {
    let mut child = node;
    loop {
        let parent = cx.nodes().parent_id(child);
        // The root is its own parent.
        if parent == child {
            return (parent, child);
        }
        match cx.nodes().kind(parent) {
            AstKind::ParenthesizedExpression(_)
            | AstKind::TSAsExpression(_)
            | AstKind::TSNonNullExpression(_)
            | AstKind::TSSatisfiesExpression(_)
            | AstKind::TSTypeAssertion(_) => child = parent,
            _ => return (parent, child),
        }
    }
}

fn classify(cx: &Ctx<'_, '_>, reference: NodeId) -> Use {
    let (parent, child) = context(cx, reference);
    let child_span = cx.nodes().kind(child).span();
    match cx.nodes().kind(parent) {
        AstKind::SpreadElement(_) => match cx.nodes().parent_kind(parent) {
            AstKind::ArrayExpression(_)
            | AstKind::CallExpression(_)
            | AstKind::NewExpression(_) => Use::Full("spread"),
            _ => Use::Escape,
        },
        AstKind::ForOfStatement(f) if f.right.span() == child_span => {
            if has_exit(cx, parent, f.body.span()) {
                Use::Partial("for…of")
            } else {
                Use::Full("for…of")
            }
        }
        AstKind::VariableDeclarator(d)
            if matches!(d.id, BindingPattern::ArrayPattern(_))
                && d.init.as_ref().is_some_and(|i| i.span() == child_span) =>
        {
            Use::Partial("destructuring")
        }
        AstKind::AssignmentExpression(a)
            if matches!(a.left, AssignmentTarget::ArrayAssignmentTarget(_))
                && a.right.span() == child_span =>
        {
            Use::Partial("destructuring")
        }
        AstKind::YieldExpression(y) if y.delegate => Use::Full("yield*"),
        AstKind::CallExpression(c) => {
            if c.callee.span() == child_span {
                return Use::Escape;
            }
            let first = c.arguments.first().is_some_and(|a| a.span() == child_span);
            let Some(member) = c.callee.get_inner_expression().as_member_expression() else {
                return Use::Escape;
            };
            let kinds = cx.kinds();
            match (member.static_property_name(), first) {
                (Some("from"), true) if kinds.is_global(member.object(), "Array") => {
                    Use::Full("`Array.from`")
                }
                (Some("fromAsync"), true) if kinds.is_global(member.object(), "Array") => {
                    Use::Full("`Array.fromAsync`")
                }
                (Some("fromEntries"), true) if kinds.is_global(member.object(), "Object") => {
                    Use::Full("`Object.fromEntries`")
                }
                (Some("groupBy"), true)
                    if kinds.is_global(member.object(), "Object")
                        || kinds.is_global(member.object(), "Map") =>
                {
                    Use::Full("`groupBy`")
                }
                (Some("all" | "allSettled" | "race" | "any"), true)
                    if kinds.is_global(member.object(), "Promise") =>
                {
                    Use::Full("`Promise` combinator")
                }
                _ => Use::Escape,
            }
        }
        AstKind::NewExpression(n) => {
            let first = n.arguments.first().is_some_and(|a| a.span() == child_span);
            let kinds = cx.kinds();
            let known = ["Map", "Set", "WeakMap", "WeakSet"]
                .iter()
                .any(|c| kinds.is_global(&n.callee, c));
            if first && known {
                Use::Full("`new` of a collection")
            } else {
                Use::Escape
            }
        }
        AstKind::StaticMemberExpression(m)
            if m.object.span() == child_span
                && matches!(m.property.name.as_str(), "next" | "return" | "throw") =>
        {
            Use::Step
        }
        _ => Use::Escape,
    }
}

/// Whether a loop body has a `break`, `return` or `throw` (outside nested functions): then the
/// loop may stop early and leave a built-in iterator half read.
fn has_exit(cx: &Ctx<'_, '_>, loop_node: NodeId, body: oxc_span::Span) -> bool {
    let nodes = cx.nodes();
    let start = loop_node.index() + 1;
    for i in start..nodes.len() {
        let n = nodes.get_node(NodeId::from_usize(i));
        let s = n.kind().span();
        if s.start >= body.end {
            break;
        }
        if s.start < body.start {
            continue;
        }
        if matches!(
            n.kind(),
            AstKind::BreakStatement(_) | AstKind::ReturnStatement(_) | AstKind::ThrowStatement(_)
        ) {
            return true;
        }
    }
    false
}

/// Whether two uses (`first` before `second` in the text) of the binding declared at `decl`
/// can both run.
fn both_run(cx: &Ctx<'_, '_>, first: NodeId, second: NodeId, decl: NodeId) -> bool {
    let nodes = cx.nodes();
    let second_ancestors: Vec<NodeId> = nodes.ancestor_ids(second).collect();
    let first_span = nodes.kind(first).span();
    let second_span = nodes.kind(second).span();
    let decl_span = nodes.kind(decl).span();
    let mut below = first;
    for a in nodes.ancestor_ids(first) {
        if second_ancestors.contains(&a) {
            // `a` is the lowest common ancestor: are the two on exclusive arms?
            return match nodes.kind(a) {
                AstKind::IfStatement(s) => {
                    !(in_span(s.consequent.span(), first_span)
                        && s.alternate
                            .as_ref()
                            .is_some_and(|e| in_span(e.span(), second_span)))
                }
                AstKind::ConditionalExpression(c) => {
                    !(in_span(c.consequent.span(), first_span)
                        && in_span(c.alternate.span(), second_span))
                }
                // `a || b`, `a && b`, `a ?? b`: the right side may not run; a `switch` picks
                // one case; a `try` may leave its block halfway.
                AstKind::SwitchStatement(_)
                | AstKind::TryStatement(_)
                | AstKind::LogicalExpression(_) => false,
                // In one statement list, the statements between the two uses cannot end the
                // path without making the second use dead code.
                _ => true,
            };
        }
        // Below the common ancestor: a `return`/`throw` on the way up ends the first use's path.
        if matches!(
            nodes.kind(a),
            AstKind::ReturnStatement(_) | AstKind::ThrowStatement(_)
        ) {
            return false;
        }
        if ends_after(cx, below, a) || jumps_past(cx, below, a, second_span, decl_span) {
            return false;
        }
        below = a;
    }
    true
}

/// Whether `child` sits in a statement list of `parent` whose next jump is a `break` or
/// `continue` that skips `second`: a `break` out of a statement holding `second`, or a
/// `continue` of a loop whose body holds `second` and also the declaration, so that the next
/// pass has a fresh iterator. (A `continue` of a loop around the declaration does not make the
/// uses exclusive: the next pass reaches `second` with the iterator the first use consumed.)
fn jumps_past(
    cx: &Ctx<'_, '_>,
    child: NodeId,
    parent: NodeId,
    second: oxc_span::Span,
    decl: oxc_span::Span,
) -> bool {
    let child_end = cx.nodes().kind(child).span().end;
    let stmts = match cx.nodes().kind(parent) {
        AstKind::BlockStatement(b) => &b.body,
        AstKind::SwitchCase(c) => &c.consequent,
        _ => return false,
    };
    let jump = stmts
        .iter()
        .filter(|s| s.span().start >= child_end)
        .find(|s| {
            matches!(
                s,
                Statement::BreakStatement(_)
                    | Statement::ContinueStatement(_)
                    | Statement::ReturnStatement(_)
                    | Statement::ThrowStatement(_)
            )
        });
    match jump {
        Some(Statement::BreakStatement(b)) => {
            let label = b.label.as_ref().map(|l| l.name.as_str());
            jump_target(cx, parent, label, false).is_some_and(|t| in_span(t, second))
        }
        Some(Statement::ContinueStatement(c)) => {
            let label = c.label.as_ref().map(|l| l.name.as_str());
            jump_target(cx, parent, label, true)
                .is_some_and(|body| in_span(body, second) && in_span(body, decl))
        }
        _ => false,
    }
}

/// Where a `break` or `continue` in the statement list of `holder` goes: for a `break`, the
/// span of the statement it leaves (the labelled statement, or the innermost loop or `switch`);
/// for a `continue`, the body of the loop it starts again.
fn jump_target(
    cx: &Ctx<'_, '_>,
    holder: NodeId,
    label: Option<&str>,
    is_continue: bool,
) -> Option<oxc_span::Span> {
    let nodes = cx.nodes();
    for id in std::iter::once(holder).chain(nodes.ancestor_ids(holder)) {
        let kind = nodes.kind(id);
        match (kind, label) {
            (
                AstKind::Function(_)
                | AstKind::ArrowFunctionExpression(_)
                | AstKind::StaticBlock(_)
                | AstKind::Program(_),
                _,
            ) => return None,
            (AstKind::LabeledStatement(l), Some(name)) if l.label.name == name => {
                if !is_continue {
                    return Some(l.span);
                }
                // `a: b: for (…)`: the loop under the labels.
                let mut body = &l.body;
                while let Statement::LabeledStatement(inner) = body {
                    body = &inner.body;
                }
                return match body {
                    Statement::ForStatement(f) => Some(f.body.span()),
                    Statement::ForInStatement(f) => Some(f.body.span()),
                    Statement::ForOfStatement(f) => Some(f.body.span()),
                    Statement::WhileStatement(w) => Some(w.body.span()),
                    Statement::DoWhileStatement(d) => Some(d.body.span()),
                    _ => None,
                };
            }
            (_, Some(_)) => {}
            (AstKind::SwitchStatement(s), None) if !is_continue => return Some(s.span),
            (AstKind::ForStatement(f), None) => {
                return Some(if is_continue { f.body.span() } else { f.span });
            }
            (AstKind::ForInStatement(f), None) => {
                return Some(if is_continue { f.body.span() } else { f.span });
            }
            (AstKind::ForOfStatement(f), None) => {
                return Some(if is_continue { f.body.span() } else { f.span });
            }
            (AstKind::WhileStatement(w), None) => {
                return Some(if is_continue { w.body.span() } else { w.span });
            }
            (AstKind::DoWhileStatement(d), None) => {
                return Some(if is_continue { d.body.span() } else { d.span });
            }
            _ => {}
        }
    }
    None
}

/// Whether `child` sits in a statement list of `parent` followed by an unconditional
/// `return`, `throw`, `process.exit(…)` or call of an in-file function that always throws.
fn ends_after(cx: &Ctx<'_, '_>, child: NodeId, parent: NodeId) -> bool {
    let child_end = cx.nodes().kind(child).span().end;
    let later = |stmts: &[Statement<'_>]| {
        stmts
            .iter()
            .filter(|s| s.span().start >= child_end)
            .any(|s| match s {
                Statement::ReturnStatement(_) | Statement::ThrowStatement(_) => true,
                Statement::ExpressionStatement(e) => cx.kinds().never_returns(&e.expression),
                _ => false,
            })
    };
    match cx.nodes().kind(parent) {
        AstKind::BlockStatement(b) => later(&b.body),
        AstKind::FunctionBody(b) => later(&b.statements),
        AstKind::SwitchCase(c) => later(&c.consequent),
        _ => false,
    }
}

fn in_span(outer: oxc_span::Span, inner: oxc_span::Span) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

/// The loop that repeats a use, when the use sits unconditionally in the repeated part of a
/// loop that does not also contain the declaration, and the pass does not end after it.
fn repeating_loop(cx: &Ctx<'_, '_>, use_node: NodeId, decl: NodeId) -> Option<Span> {
    let nodes = cx.nodes();
    let use_span = nodes.kind(use_node).span();
    let decl_ancestors: Vec<NodeId> = nodes.ancestor_ids(decl).collect();
    let mut below = use_node;
    for a in nodes.ancestor_ids(use_node) {
        if decl_ancestors.contains(&a) {
            return None;
        }
        let kind = nodes.kind(a);
        let repeated = match kind {
            AstKind::ForOfStatement(f) => in_span(f.body.span(), use_span),
            AstKind::ForInStatement(f) => in_span(f.body.span(), use_span),
            AstKind::ForStatement(f) => {
                !f.init.as_ref().is_some_and(|i| in_span(i.span(), use_span))
            }
            AstKind::WhileStatement(_) => true,
            // `do { … } while (false)` runs once.
            AstKind::DoWhileStatement(d) => !matches!(
                d.test.get_inner_expression(),
                Expression::BooleanLiteral(b) if !b.value
            ),
            _ => false,
        };
        if repeated {
            return Some(kind.span().into());
        }
        match kind {
            AstKind::IfStatement(_)
            | AstKind::ConditionalExpression(_)
            | AstKind::LogicalExpression(_)
            | AstKind::SwitchCase(_)
            | AstKind::TryStatement(_)
            | AstKind::CatchClause(_)
            | AstKind::ReturnStatement(_)
            | AstKind::ThrowStatement(_)
            | AstKind::BreakStatement(_)
            | AstKind::Function(_)
            | AstKind::ArrowFunctionExpression(_) => return None,
            _ => {}
        }
        if ends_after(cx, below, a) || breaks_after(cx, below, a) {
            return None;
        }
        below = a;
    }
    None
}

/// Whether `child` is followed in its statement list by a `break` or `continue`.
fn breaks_after(cx: &Ctx<'_, '_>, child: NodeId, parent: NodeId) -> bool {
    let child_end = cx.nodes().kind(child).span().end;
    let later = |stmts: &[Statement<'_>]| {
        stmts
            .iter()
            .filter(|s| s.span().start >= child_end)
            .any(|s| matches!(s, Statement::BreakStatement(_)))
    };
    match cx.nodes().kind(parent) {
        AstKind::BlockStatement(b) => later(&b.body),
        _ => false,
    }
}

/// Whether the text may define a generator method in an object literal (`{ *ids() {…} }`,
/// `, async *ids() {…}`): a `*` after `{`, `,` or `async`, before a name and `(`. The rule's
/// needles name the other sources of generator objects (`function*`, `Generator`); no literal
/// string names this one without also matching every multiplication. Comments may match: the
/// gate and the rule decide.
fn has_generator_method(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr_iter(b'*', b).any(|star| {
        let before = b[..star].trim_ascii_end();
        let opens = matches!(before.last(), Some(b'{' | b','))
            || before.strip_suffix(b"async").is_some_and(|head| {
                !head
                    .last()
                    .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'$'))
            });
        if !opens {
            return false;
        }
        let after = b[star + 1..].trim_ascii_start();
        let name = after
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'$') || **c >= 0x80)
            .count();
        name > 0
            && !after[0].is_ascii_digit()
            && after[name..].trim_ascii_start().first() == Some(&b'(')
    })
}

#[cfg(test)]
mod tests {
    use crate::lint::test_util::{Case, check_cases, lint_with_rule};

    const ID: &str = "iterator-reuse";

    fn run(cases: &[Case]) -> Vec<String> {
        check_cases(ID, cases, None)
    }

    #[test]
    fn fail() {
        let cases: &[Case] = &[
            (
                "a.js",
                "function* gen() {}\nconst it = gen();\nconst a = [...it];\nconst b = [...it];",
                &[(4, 12)],
            ),
            (
                "a.js",
                "function* gen() {}\nconst it = gen();\nconst [first] = it;\nfor (const x of it) {}",
                &[(4, 17)],
            ),
            (
                "a.js",
                "const m = new Map();\nconst keys = m.keys();\nconst a = Array.from(keys);\nconst s = new Set(keys);",
                &[(4, 19)],
            ),
            (
                "a.js",
                "const m = new Map();\nlet it = m.values();\nfor (const v of it) {}\nconst all = [...it];",
                &[(4, 14)],
            ),
            // A generator method of an object literal, in a file with none of the needles.
            (
                "a.js",
                "const source = {\n  *ids() { yield 1; },\n};\nconst it = source.ids();\nconst a = [...it];\nconst b = [...it];",
                &[(6, 12)],
            ),
            (
                "a.js",
                "const source = { async  *ids() { yield 1; }, *all () {} };\nconst it = source.all();\nf([...it], [...it]);",
                &[(3, 13)],
            ),
            (
                "a.js",
                "const s = 'a1b2';\nconst ms = s.matchAll(/\\d/g);\nconst a = [...ms];\nconst b = [...ms];",
                &[(4, 12)],
            ),
            (
                "a.js",
                "const gen = function* () {};\nconst it = gen();\nf(...it, ...it);",
                &[(3, 10)],
            ),
            (
                "a.js",
                "const xs = [1];\nconst it = xs.entries();\nfor (const line of lines) {\n  const e = [...it];\n}",
                &[(4, 14)],
            ),
            (
                "a.js",
                "async function* pages() {}\nasync function f() {\n  const p = pages();\n  for await (const x of p) {}\n  for await (const y of p) {}\n}",
                &[(5, 25)],
            ),
            (
                "a.js",
                "function* gen() {}\nfunction g() {\n  const it = gen();\n  if (a) { [...it]; }\n  return [...it];\n}",
                &[(5, 11)],
            ),
            (
                "a.ts",
                "function* gen(): Generator<number> {}\nconst it = gen();\nconst a = [...it], b = [...it];",
                &[(3, 25)],
            ),
            (
                "a.ts",
                "function drain(it: Generator<number>) {\n  const a = [...it];\n  return [...it, ...a];\n}",
                &[(3, 11)],
            ),
            (
                "a.js",
                "function* a() {}\nfunction* b() {}\nconst it = c ? a() : b();\nconst x = [...it];\nconst y = [...it];",
                &[(5, 12)],
            ),
            // Uses behind parentheses and TS wrappers count like bare ones.
            (
                "a.ts",
                "function* gen(): Generator<number> {}\nconst it = gen();\nconst a = [...(it as Iterable<number>)];\nconst b = Array.from(it!);",
                &[(4, 22)],
            ),
            (
                "a.js",
                "function* gen() {}\nconst it = gen();\nfor (const x of (it)) {}\nconst b = [...(it)];",
                &[(4, 12)],
            ),
            (
                "a.ts",
                "function* gen(): Generator<number> {}\nconst it = gen();\nconst a = [...(it satisfies Iterable<number>)];\nconst b = [...(<Iterable<number>>it)];",
                &[(4, 12)],
            ),
            // A `continue` of a loop around the declaration: the next pass reaches the second
            // use with the iterator the first consumed.
            (
                "a.js",
                "function* gen() {}\nconst it = gen();\nfor (const x of xs) {\n  if (x) { f([...it]); continue; }\n  g([...it]);\n}",
                &[(5, 6)],
            ),
            // A `break` out of a statement that does not hold the second use.
            (
                "a.js",
                "function* gen() {}\nconst it = gen();\nb: { if (c) { f([...it]); break b; } }\ng([...it]);",
                &[(4, 4)],
            ),
            (
                "a.js",
                "function* gen() {}\nfunction h() {\n  const it = gen();\n  for (const x of xs) { if (x) { f([...it]); break; } }\n  g([...it]);\n}",
                &[(5, 6)],
            ),
            // Both uses in one nested function, of an iterator bound outside it: every call
            // runs them in order (audit miss: any use in a nested function hid the binding).
            (
                "a.js",
                "const m = new Map();\nconst entries = m.entries();\nbutton.addEventListener('click', () => {\n  const a = Object.fromEntries(entries);\n  const b = new Map(entries);\n});",
                &[(5, 21)],
            ),
            (
                "a.js",
                "function* gen() {}\nfunction outer() {\n  const g = gen();\n  return (function* () {\n    yield* g;\n    yield* g;\n  })();\n}",
                &[(6, 12)],
            ),
            // One use in a loop inside the nested function.
            (
                "a.js",
                "function* gen() {}\nconst g = gen();\nfunction each(rows) {\n  for (const row of rows) f([...g]);\n}",
                &[(4, 30)],
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

    /// `Object.groupBy(it, f)` and `Map.groupBy(it, f)` read the iterator to the end.
    #[test]
    fn group_by_reads_it() {
        let cases: &[Case] = &[
            (
                "a.js",
                "export function f(text) {\n  const rows = text.matchAll(/(\\w+)=(\\d+)/g);\n  const count = Array.from(rows).length;\n  const byKey = Map.groupBy(rows, (m) => m[1]);\n  return { count, byKey };\n}",
                &[(4, 29)],
            ),
            (
                "a.js",
                "function* rows() { yield 1; }\nexport function f() {\n  const it = rows();\n  const odd = Object.groupBy(it, (n) => n % 2);\n  return [odd, [...it]];\n}",
                &[(5, 17)],
            ),
            // a local `Map` is not the global; a second argument is no use of it
            (
                "a.js",
                "import { Map } from 'immutable';\nexport function f(xs) {\n  const ks = new Set(xs).values();\n  const a = Map.groupBy(ks, g);\n  return [a, [...ks]];\n}",
                &[],
            ),
            (
                "a.js",
                "export function f(xs, m) {\n  const it = new Map(m).keys();\n  const a = Object.groupBy(xs, it);\n  return [a, [...it]];\n}",
                &[],
            ),
        ];
        let failures = run(cases);
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    /// An async generator object is read only by `for await`, `Array.fromAsync` and a `yield*`
    /// in an `async function*`; a sync spread or `for…of` of it throws without reading it
    /// (`spread-non-iterable` says so), so it is not a first use.
    #[test]
    fn async_generator_uses() {
        let fail: &[Case] = &[
            (
                "a.mjs",
                "async function* pages(url) { yield url; }\nexport async function f() {\n  const it = pages('/a');\n  const first = await Array.fromAsync(it);\n  const again = await Array.fromAsync(it);\n  return [first, again];\n}",
                &[(5, 39)],
            ),
            (
                "a.mjs",
                "async function* pages(url) { yield url; }\nexport async function* f() {\n  const it = pages('/a');\n  yield* it;\n  for await (const p of it) yield p;\n}",
                &[(5, 25)],
            ),
            // a sync generator is read by `Array.fromAsync` too
            (
                "a.mjs",
                "function* rows() { yield 1; }\nexport async function f() {\n  const it = rows();\n  const a = [...it];\n  return Array.fromAsync(it);\n}",
                &[(5, 26)],
            ),
        ];
        let failures = run(fail);
        assert!(failures.is_empty(), "{}", failures.join("\n"));
        let pass: &[Case] = &[
            // the spread throws before the loop: not consumed
            (
                "a.mjs",
                "async function* lines(s) { yield s; }\nexport async function f(s) {\n  const it = lines(s);\n  const all = [...it];\n  for await (const l of it) use(l);\n  return all;\n}",
                &[],
            ),
            (
                "a.mjs",
                "async function* lines(s) { yield s; }\nexport function f(s) {\n  const it = lines(s);\n  const all = [...it];\n  for (const l of it) use(l);\n  return all;\n}",
                &[],
            ),
            // `Array.from` of it gives `[]` without reading it
            (
                "a.mjs",
                "async function* lines(s) { yield s; }\nexport async function* f(s) {\n  const it = lines(s);\n  const none = Array.from(it);\n  for await (const l of it) yield l;\n  return none;\n}",
                &[],
            ),
            // a local `Array` is not the global
            (
                "a.mjs",
                "import { Array } from './shim.js';\nfunction* rows() { yield 1; }\nexport async function f() {\n  const it = rows();\n  const a = [...it];\n  return Array.fromAsync(it);\n}",
                &[],
            ),
        ];
        let failures = run(pass);
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn pass() {
        let cases: &[Case] = &[
            (
                "a.js",
                "function* gen() {}\nconst a = [...gen()];\nconst b = [...gen()];",
                &[],
            ),
            (
                "a.js",
                "const m = new Map();\nconst it = m.keys();\nconst [first] = it;\nconst rest = [...it];",
                &[],
            ),
            (
                "a.js",
                "const m = new Map();\nconst it = m.keys();\nfor (const k of it) { if (k) break; }\nfor (const k of it) {}",
                &[],
            ),
            (
                "a.js",
                "function* gen() {}\nconst it = gen();\nif (c) { f([...it]); } else { g([...it]); }",
                &[],
            ),
            (
                "a.js",
                "function* gen() {}\nfunction h() {\n  const it = gen();\n  if (c) { return [...it]; }\n  return [...it];\n}",
                &[],
            ),
            (
                "a.js",
                "function* gen() {}\nconst it = gen();\nconst x = c ? [...it] : [...it];",
                &[],
            ),
            (
                "a.js",
                "function* gen() {}\nconst it = gen();\nconst a = [...it];\nconsume(it);",
                &[],
            ),
            (
                "a.js",
                "function* gen() {}\nconst it = gen();\nit.next();\nconst rest = [...it];",
                &[],
            ),
            (
                "a.js",
                "const xs = [1, 2];\nconst a = [...xs];\nconst b = [...xs];",
                &[],
            ),
            (
                "a.js",
                "const m = new Map();\nconst a = [...m.keys()];\nconst b = [...m.keys()];",
                &[],
            ),
            (
                "a.js",
                "function* gen() {}\nlet it = gen();\n[...it];\nit = gen();\n[...it];",
                &[],
            ),
            (
                "a.js",
                "function* gen() {}\nconst it = gen();\nlist.forEach(() => [...it]);",
                &[],
            ),
            // Uses split between functions (or over two nested ones) may run in any order, or
            // not at all: not judged.
            (
                "a.js",
                "function* gen() {}\nconst it = gen();\nconst a = [...it];\nlist.forEach(() => [...it]);",
                &[],
            ),
            (
                "a.js",
                "function* gen() {}\nconst it = gen();\nonA(() => [...it]);\nonB(() => [...it]);",
                &[],
            ),
            // In one nested function, on exclusive arms.
            (
                "a.js",
                "function* gen() {}\nconst it = gen();\nrun(() => {\n  if (c) return [...it];\n  return Array.from(it);\n});",
                &[],
            ),
            (
                "a.js",
                "function* gen() {}\nconst it = gen();\nfor (const x of xs) { if (!done) { [...it]; } }",
                &[],
            ),
            (
                "a.js",
                "function* gen() {}\nconst it = gen();\nwhile (true) { const all = [...it]; break; }",
                &[],
            ),
            (
                "a.js",
                "function* gen() {}\nfor (const x of xs) { const it = gen(); [...it]; }",
                &[],
            ),
            (
                "a.js",
                "const m = new Map();\nconst it = m.keys();\nfor (const k of it) {}",
                &[],
            ),
            (
                "a.js",
                "function gen() {}\nconst it = gen();\nconst a = [...it];\nconst b = [...it];",
                &[],
            ),
            (
                "a.js",
                "function* gen() {}\nconst it = gen();\nconst x = c && [...it] || [...it];",
                &[],
            ),
            (
                "a.ts",
                "function f(it: Iterable<number>) {\n  const a = [...it];\n  const b = [...it];\n}",
                &[],
            ),
            (
                "a.js",
                "function* gen() {}\nconst it = gen();\ndo { f([...it]); } while (false);",
                &[],
            ),
            // A first use whose branch ends in a jump past the second use: a `continue` to a
            // pass with a fresh iterator, a `break` out of the statement holding the second use.
            (
                "a.js",
                "function* gen() {}\nfor (const x of xs) {\n  const it = gen();\n  if (x) { f([...it]); continue; }\n  g([...it]);\n}",
                &[],
            ),
            (
                "a.js",
                "function* gen() {}\nouter: for (const y of ys) {\n  const it = gen();\n  for (const x of xs) { if (x) { f([...it]); continue outer; } }\n  g([...it]);\n}",
                &[],
            ),
            (
                "a.js",
                "function* gen() {}\nconst it = gen();\nb: { if (c) { f([...it]); break b; } g([...it]); }",
                &[],
            ),
            (
                "a.js",
                "function* gen() {}\nfunction h(k) {\n  const it = gen();\n  switch (k) { case 1: if (c) { f([...it]); break; } g([...it]); }\n}",
                &[],
            ),
            (
                "a.js",
                "function* gen() {}\nfor (const x of xs) {\n  const it = gen();\n  if (x) { f([...it]); break; }\n  g([...it]);\n}",
                &[],
            ),
        ];
        let failures = run(cases);
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    /// A first use whose branch ends the program (`process.exit`) or calls an in-file function
    /// that always throws is not followed by the second; `process.exitCode = 1` goes on.
    #[test]
    fn process_exit_ends_the_first_use() {
        let cases: &[Case] = &[
            (
                "a.js",
                "function* gen() {}\nfunction f(c) {\n  const it = gen();\n  if (c) { log([...it]); process.exit(0); }\n  log([...it]);\n}",
                &[],
            ),
            (
                "a.js",
                "function* gen() {}\nfunction fail(m) { throw new Error(m); }\nfunction f(c) {\n  const it = gen();\n  if (c) { log([...it]); fail('x'); }\n  log([...it]);\n}",
                &[],
            ),
            (
                "a.js",
                "function* gen() {}\nfunction f(c) {\n  const it = gen();\n  if (c) { log([...it]); process.exitCode = 1; }\n  log([...it]);\n}",
                &[(5, 8)],
            ),
        ];
        let failures = run(cases);
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn generator_methods_in_the_text() {
        use super::has_generator_method as m;
        for yes in [
            "const o = {*ids() {}}",
            "const o = { a: 1,\n  *ids ( ) {} }",
            "const o = { async *ids() {} }",
            "const o = {async*ids(){}}",
            "const o = { *$ids_2() {} }",
            // Class bodies match too (over-approximate: the gate and the rule decide).
            "class C { *ids() {} }",
        ] {
            assert!(m(yes), "{yes}");
        }
        for no in [
            "const x = a * b(c);",
            "const x = [a, *b];",
            "/** @returns {number} */",
            "f(a, 2 * (b + c));",
            "const o = { *[Symbol.iterator]() {} }",
            "const o = { *2() {} }",
            "const basync *f() {}",
        ] {
            assert!(!m(no), "{no}");
        }
    }

    #[test]
    fn message() {
        let d = lint_with_rule(
            "a.js",
            "function* gen() {}\nconst it = gen();\nconst a = [...it];\nconst b = [...it];",
            ID,
        );
        assert_eq!(
            d[0].message,
            "`it` is a generator object (returned by the generator function `gen`): it was already consumed at line 3, so this spread gets nothing"
        );
        assert_eq!(d[0].labels[1].message, "first consumed here (spread)");
    }
}
