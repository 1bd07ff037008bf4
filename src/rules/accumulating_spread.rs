//! `accumulating-spread`: an accumulator re-spread on every step, which makes building it
//! quadratic: a `reduce`/`reduceRight` callback returning `{...acc, …}` or `[...acc, …]`, and
//! `acc = {...acc, …}` / `acc = [...acc, x]` inside a loop or a `forEach` callback over a
//! binding declared outside it.
//!
//! Purely syntactic: the accumulator is a binding (the callback's first parameter, or the
//! assigned variable) and the copy is the literal that spreads it. A callback passed to
//! `reduce` by name (`xs.reduce(merge, {})`) is followed through its symbol to a function
//! declaration, or to a function or arrow a never-reassigned variable is initialised with, and
//! judged as the same callback written inline; a function no `reduce` in the file is given (a
//! store's reducer) is not. A callback that pushes into
//! the accumulator and returns it is the linear form and is never flagged. An object copy
//! counts only when it can gain keys (a computed key or another spread): `{...state, a: 1}`
//! in a loop rewrites the same keys and stays linear — unless the step itself gives the
//! accumulator new keys (`acc[tag] = n`, `acc[k] ??= []`, `Object.assign(acc, src)`), so that
//! every copy is longer than the last; a copy made only when a test that reads the
//! accumulator says so (`if (o === original) o = {...o}`: copy on first write) is not.
//!
//! A copy of a value the step itself gave the binding first (`node = parent; … node = {
//! ...node }`, see [`given_afresh`]) copies that step's value, not the last copy.
//!
//! An array copy made only while a test of the accumulator's length keeps it short
//! (`if (seen.length < 5) seen = [...seen, x]`), or emptied by the step once a length test says
//! it is long (`if (batch.length >= 100) batch = []`), stays below [`MAX_CAP`]: the copies add
//! up linearly.
//!
//! A fixed, small number of steps is not an accumulation to worry about: a `reduce` or
//! `forEach` over an array of at most [`MAX_FIXED_STEPS`] elements whose length the text
//! fixes (an array literal, written inline or bound to a never-reassigned binding that nothing
//! in the file adds elements to, or an array made from such arrays by `slice`, `map`,
//! `filter`, `concat`, `reverse` and kin; a literal `slice` window of any array, `rows.slice(0,
//! 10)`; `Object.keys/values/entries` of a table written out in the file, or a `for…in` over
//! one; `Array.from` of
//! `{ length: 7 }`), a `for…of` over such an array, or a counted `for` loop
//! (`for (let i = 0; i < 3; i++)`) of at most that many passes. A loop around such a loop is
//! still judged.

use oxc_ast::AstKind;
use oxc_ast::ast::{
    Argument, ArrayExpressionElement, ArrowFunctionBody, AssignmentOperator, AssignmentTarget,
    BinaryOperator, BindingPattern, CallExpression, Expression, ForStatement, ForStatementInit,
    IdentifierReference, LogicalOperator, ObjectPropertyKind, SimpleAssignmentTarget, Statement,
    UnaryOperator, UpdateOperator,
};
use oxc_ast_visit::Visit;
use oxc_semantic::{AstNode, IsGlobalReference, NodeId, SymbolId};
use oxc_span::{GetSpan, Span as OxcSpan};

use crate::diagnostic::Diagnostic;
use crate::rules::spread_args_overflow::{ARRAY_GROWTH, adds_elements, fixed_key_count};
use crate::rules::{Category, Ctx, FixKind, Rule, RuleMeta};

pub static META: RuleMeta = RuleMeta {
    id: "accumulating-spread",
    category: Category::Perf,
    fix: FixKind::None,
    node_types: &[oxc_ast::AstType::SpreadElement],
    needles: &["..."],
    docs: include_str!("../../rules/accumulating-spread.md"),
    create: crate::no_options!(AccumulatingSpread),
};

pub struct AccumulatingSpread;

/// The most steps a reduce or loop may take and still count as fixed and small: its copies
/// stay a handful, whatever the data.
const MAX_FIXED_STEPS: u64 = 16;

/// What the spread copies into.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Container {
    Array,
    Object,
}

impl Container {
    fn noun(self) -> &'static str {
        match self {
            Container::Array => "array",
            Container::Object => "object",
        }
    }
    fn help(self, name: &str) -> String {
        match self {
            Container::Array => format!(
                "push into `{name}` and keep it (`{name}.push(x)`), or build the array once with `map`/`filter`/`flatMap`"
            ),
            Container::Object => format!(
                "write into `{name}` and keep it (`{name}[key] = value`), or build the object once with `Object.fromEntries`"
            ),
        }
    }
}

/// The diagnostic of a `reduce` step that copies its accumulator; `call` is the label on the
/// call that makes it a step (the method name of an inline callback's call, or the name of a
/// callback passed by name).
fn reduce_step(
    name: &str,
    method: &str,
    c: Container,
    spread: OxcSpan,
    param: OxcSpan,
    call: (OxcSpan, String),
) -> Diagnostic {
    Diagnostic::new(
        META.id,
        spread,
        format!(
            "the accumulator `{name}` is copied into a new {} on every `{method}` step: the copies make this quadratic in the input's length",
            c.noun()
        ),
    )
    .with_label(spread, "the copy of the accumulator")
    .with_label(param, "the accumulator")
    .with_label(call.0, call.1)
    .with_help(c.help(name))
}

fn loop_step(
    name: &str,
    where_: &str,
    c: Container,
    spread: OxcSpan,
    lp: OxcSpan,
    decl: OxcSpan,
) -> Diagnostic {
    Diagnostic::new(
        META.id,
        spread,
        format!(
            "`{name}` is copied into a new {} on every {} of this {where_}: the copies make the loop quadratic",
            c.noun(),
            if where_ == "loop" { "iteration" } else { "call" }
        ),
    )
    .with_label(spread, "the copy of the accumulator")
    .with_label(decl, format!("`{name}` is declared outside the {where_}"))
    .with_label(lp, format!("the {where_}"))
    .with_help(c.help(name))
}

/// The label on the write that makes a copy of fixed keys grow (`acc[tag] = n`).
fn with_write(d: Diagnostic, name: &str, write: Option<OxcSpan>) -> Diagnostic {
    match write {
        Some(w) => d.with_label(
            w,
            format!("`{name}` gains keys here, so each copy is longer"),
        ),
        None => d,
    }
}

impl Rule for AccumulatingSpread {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn gate(&self) -> crate::rules::GateSpec {
        crate::rules::GateSpec::AccumulatingSpread
    }

    fn check<'a>(&self, node: &AstNode<'a>, cx: &mut Ctx<'a, '_>) {
        let AstKind::SpreadElement(spread) = node.kind() else {
            return;
        };
        let Expression::Identifier(ident) = spread.argument.get_inner_expression() else {
            return;
        };
        let Some(symbol) = symbol_of(cx, ident) else {
            return;
        };
        let nodes = cx.nodes();
        let Some((container, gains)) = container_of(cx, node.id()) else {
            return;
        };
        let container_node = nodes.parent_node(node.id());
        let (value, holder) = climb_value(cx, container_node.id());
        // `{ ...acc, total }` of an accumulator the step grows itself (`acc[tag] = n`) grows
        // with it: a copy that cannot gain keys counts when the step writes new keys into the
        // accumulator.
        let grown = step_of(cx, holder).and_then(|step| {
            key_write(cx, symbol, step)
                .filter(|_| gains || !copy_on_test(cx, symbol, node.id(), step))
        });
        if !gains && grown.is_none() {
            return;
        }
        // `if (seen.length < 5) seen = [...seen, x]`, or a batch emptied once it is long: each
        // copy is short, so the copies add up linearly.
        if container == Container::Array
            && (guarded_short(cx, symbol, node.id()) || emptied_when_long(cx, symbol, holder))
        {
            return;
        }
        // One statement, one diagnostic: `out = c ? [...out, ...y] : [...out, x]` is reported
        // at its first copy of the accumulator only.
        if earlier_copy(cx, symbol, ident.span, value, holder, grown.is_some()) {
            return;
        }
        let write = if gains { None } else { grown };
        let holder_node = nodes.get_node(holder);
        match holder_node.kind() {
            AstKind::ArrowFunctionExpression(arrow) => {
                if matches!(&arrow.body, ArrowFunctionBody::FunctionBody(_)) {
                    return;
                }
                check_reduce(
                    cx,
                    holder,
                    symbol,
                    ident.name.as_str(),
                    container,
                    spread.span,
                    write,
                );
            }
            AstKind::ReturnStatement(_) => {
                let Some(func) = enclosing_function(cx, holder) else {
                    return;
                };
                check_reduce(
                    cx,
                    func,
                    symbol,
                    ident.name.as_str(),
                    container,
                    spread.span,
                    write,
                );
            }
            AstKind::AssignmentExpression(assign) => {
                if assign.operator != AssignmentOperator::Assign || assign.right.span() != value {
                    return;
                }
                let AssignmentTarget::AssignmentTargetIdentifier(target) = &assign.left else {
                    return;
                };
                if symbol_of(cx, target) != Some(symbol) {
                    return;
                }
                check_loop(
                    cx,
                    holder,
                    symbol,
                    ident.name.as_str(),
                    container,
                    spread.span,
                    write,
                );
            }
            _ => {}
        }
    }
}

/// What the literal around the spread `spread_id` is, and whether the copy gains elements or
/// keys itself: `[...acc]` alone is a plain copy, not accumulation; an object copy grows only
/// when it can gain keys (`{ ...acc, [k]: v }` and `{ ...acc, ...other }` grow; `{ ...state,
/// weight: 'bold' }` in a loop keeps the same few keys and stays linear, unless the step writes
/// new keys into the accumulator itself, see [`key_write`]).
fn container_of(cx: &Ctx<'_, '_>, spread_id: NodeId) -> Option<(Container, bool)> {
    let parent = cx.nodes().parent_node(spread_id);
    match parent.kind() {
        AstKind::ArrayExpression(a) if a.elements.len() > 1 => Some((Container::Array, true)),
        // Another spread than this one, or a computed key; once per literal (asked per
        // spread, the scan is quadratic in a literal with thousands of properties).
        AstKind::ObjectExpression(o) => Some((
            Container::Object,
            cx.kinds()
                .node_fact("accumulating-spread/object-grows", parent.id(), || {
                    let mut spreads = 0;
                    o.properties.iter().any(|p| match p {
                        ObjectPropertyKind::SpreadProperty(_) => {
                            spreads += 1;
                            spreads > 1
                        }
                        ObjectPropertyKind::ObjectProperty(p) => p.computed,
                    })
                }),
        )),
        _ => None,
    }
}

/// The span of what runs once per step around the copy held by `holder`: the `reduce`
/// callback (an arrow with an expression body, or the function a `return` leaves), or the
/// loop or function nearest to an assignment `acc = { ...acc }`.
fn step_of(cx: &Ctx<'_, '_>, holder: NodeId) -> Option<OxcSpan> {
    let nodes = cx.nodes();
    match nodes.kind(holder) {
        AstKind::ArrowFunctionExpression(a) => Some(a.span),
        AstKind::ReturnStatement(_) => enclosing_function(cx, holder).map(|f| nodes.kind(f).span()),
        AstKind::AssignmentExpression(_) => nodes
            .ancestors(holder)
            .find_map(|a| is_loop_or_function(&a.kind()).then(|| a.kind().span())),
        _ => None,
    }
}

/// A write inside `step` that adds keys to the object `symbol` holds: an assignment (any
/// operator, `acc[k] ??= []` too) or update of `acc[k]` with a key that is not a literal, or
/// `Object.assign(acc, src)` with a source that is not an object literal of fixed keys. The
/// first such write in the source.
fn key_write(cx: &Ctx<'_, '_>, symbol: SymbolId, step: OxcSpan) -> Option<OxcSpan> {
    // The binding's key writes, found once (per spread, the scan of every reference is
    // quadratic in a step with thousands of writes and copies): `(reference, write)`, sorted.
    let writes = cx
        .kinds()
        .symbol_memo("accumulating-spread/key-writes", symbol, 0, || {
            let scoping = cx.scoping();
            let nodes = cx.nodes();
            let mut writes: Vec<(OxcSpan, OxcSpan)> = scoping
                .get_resolved_reference_ids(symbol)
                .iter()
                .filter_map(|&r| {
                    let node = scoping.get_reference(r).node_id();
                    key_write_at(cx, node).map(|w| (nodes.kind(node).span(), w))
                })
                .collect();
            writes.sort_unstable_by_key(|(r, _)| r.start);
            writes
        });
    let first = writes.partition_point(|(r, _)| r.start < step.start);
    writes
        .get(first)
        .filter(|(r, _)| step.contains_inclusive(*r))
        .map(|&(_, w)| w)
}

/// The key write (see [`key_write`]) made through the reference at `node`, if it is one.
fn key_write_at(cx: &Ctx<'_, '_>, node: NodeId) -> Option<OxcSpan> {
    let nodes = cx.nodes();
    let (current, parent) = crate::rules::wrapped_parent(nodes, node);
    let current_span = nodes.kind(current).span();
    match parent.kind() {
        AstKind::ComputedMemberExpression(m)
            if m.object.span() == current_span && !is_fixed_key(&m.expression) =>
        {
            match nodes.parent_kind(parent.id()) {
                AstKind::AssignmentExpression(a) if a.left.span() == m.span => Some(a.span),
                AstKind::UpdateExpression(u) if u.argument.span() == m.span => Some(u.span),
                _ => None,
            }
        }
        AstKind::CallExpression(c)
            if c.arguments
                .first()
                .is_some_and(|a| a.span() == current_span)
                && is_object_assign(cx, &c.callee)
                && c.arguments.iter().skip(1).any(|a| {
                    !a.as_expression().is_some_and(|e| {
                        matches!(e.get_inner_expression(), Expression::ObjectExpression(o)
                        if o.properties.iter().all(|p| matches!(p,
                            ObjectPropertyKind::ObjectProperty(p) if !p.computed)))
                    })
                }) =>
        {
            Some(c.span)
        }
        _ => None,
    }
}

/// Whether the copy at `spread_id` is made only when a test that reads the accumulator says
/// so (`if (source === original) source = { ...source };`: copy on first write, once), within
/// the step `step`.
fn copy_on_test(cx: &Ctx<'_, '_>, symbol: SymbolId, spread_id: NodeId, step: OxcSpan) -> bool {
    let nodes = cx.nodes();
    // A binary search in the binding's references sorted by start (a scan per copy is
    // quadratic in a step with thousands of copies); they do not overlap, so the first one
    // starting in `test` is the one to look at.
    let refs = cx.kinds().references_by_start(symbol);
    let reads = |test: OxcSpan| {
        let first = refs.partition_point(|&(start, _)| start < test.start);
        refs.get(first)
            .is_some_and(|&(_, id)| test.contains_inclusive(nodes.kind(id).span()))
    };
    let spread = nodes.kind(spread_id).span();
    for a in nodes.ancestors(spread_id) {
        let test = match a.kind() {
            AstKind::IfStatement(i) => Some(i.test.span()),
            AstKind::ConditionalExpression(c) => Some(c.test.span()),
            AstKind::LogicalExpression(l) => Some(l.left.span()),
            _ => None,
        };
        if test.is_some_and(|t| !t.contains_inclusive(spread) && reads(t)) {
            return true;
        }
        if a.kind().span() == step {
            break;
        }
    }
    false
}

/// A key written as a literal (`acc['total']`, `acc[0]`, ``acc[`n`]``): always the same key.
pub(crate) fn is_fixed_key(e: &Expression<'_>) -> bool {
    match e.get_inner_expression() {
        Expression::TemplateLiteral(t) => t.expressions.is_empty(),
        e => e.is_literal(),
    }
}

/// `Object.assign` of the global `Object`.
fn is_object_assign(cx: &Ctx<'_, '_>, callee: &Expression<'_>) -> bool {
    let Expression::StaticMemberExpression(m) = callee.get_inner_expression() else {
        return false;
    };
    m.property.name == "assign"
        && matches!(m.object.get_inner_expression(), Expression::Identifier(id)
            if id.name == "Object" && id.is_global_reference(cx.scoping()))
}

/// Whether another copy of `symbol` before `ident` makes the same value (`value`, held by
/// `holder`): that one gets the diagnostic.
fn earlier_copy(
    cx: &Ctx<'_, '_>,
    symbol: SymbolId,
    ident: OxcSpan,
    value: OxcSpan,
    holder: NodeId,
    grown: bool,
) -> bool {
    let nodes = cx.nodes();
    // Only the references between the start of the value and `ident` (a binary search in
    // the per-file index: scanning every reference per spread is quadratic in a file with
    // thousands of `acc = [...acc, x]`).
    let refs = cx.kinds().references_by_start(symbol);
    let from = refs.partition_point(|&(start, _)| start < value.start);
    let to = refs.partition_point(|&(start, _)| start < ident.start);
    refs[from..to.max(from)].iter().any(|&(_, id)| {
        let span = nodes.kind(id).span();
        if span.start >= ident.start || !value.contains_inclusive(span) {
            return false;
        }
        // Up to the spread through parentheses and TS wrappers (`...(acc as T[])`).
        let spread = nodes.ancestors(id).find(|a| {
            !matches!(
                a.kind(),
                AstKind::ParenthesizedExpression(_)
                    | AstKind::TSAsExpression(_)
                    | AstKind::TSSatisfiesExpression(_)
                    | AstKind::TSNonNullExpression(_)
                    | AstKind::TSTypeAssertion(_)
            )
        });
        let Some(spread) = spread else {
            return false;
        };
        if !matches!(spread.kind(), AstKind::SpreadElement(_)) {
            return false;
        }
        container_of(cx, spread.id()).is_some_and(|(_, gains)| gains || grown)
            && climb_value(cx, nodes.parent_id(spread.id())) == (value, holder)
    })
}

/// Walks up from a value through parentheses, TS wrappers, the branches of `?:`, `||`/`&&`/`??`
/// and the last expression of a sequence; returns the outermost value's span and its holder.
fn climb_value(cx: &Ctx<'_, '_>, start: NodeId) -> (OxcSpan, NodeId) {
    let nodes = cx.nodes();
    let mut cur = start;
    loop {
        let cur_span = nodes.get_node(cur).kind().span();
        let parent = nodes.parent_node(cur);
        let up = match parent.kind() {
            AstKind::ParenthesizedExpression(_)
            | AstKind::TSAsExpression(_)
            | AstKind::TSSatisfiesExpression(_)
            | AstKind::TSNonNullExpression(_)
            | AstKind::TSTypeAssertion(_)
            | AstKind::LogicalExpression(_) => true,
            AstKind::ConditionalExpression(c) => c.test.span() != cur_span,
            AstKind::SequenceExpression(s) => {
                s.expressions.last().is_some_and(|e| e.span() == cur_span)
            }
            _ => false,
        };
        if !up {
            return (cur_span, parent.id());
        }
        cur = parent.id();
    }
}

/// The function (or arrow) a statement belongs to.
fn enclosing_function(cx: &Ctx<'_, '_>, id: NodeId) -> Option<NodeId> {
    for a in cx.nodes().ancestors(id) {
        match a.kind() {
            AstKind::Function(_) | AstKind::ArrowFunctionExpression(_) => return Some(a.id()),
            AstKind::StaticBlock(_) | AstKind::Program(_) => return None,
            _ => {}
        }
    }
    None
}

/// Reports when `func` is the callback of a `reduce`/`reduceRight` call and `symbol` is its
/// first parameter.
#[allow(clippy::too_many_arguments)]
fn check_reduce(
    cx: &mut Ctx<'_, '_>,
    func: NodeId,
    symbol: SymbolId,
    name: &str,
    c: Container,
    spread: OxcSpan,
    write: Option<OxcSpan>,
) {
    let nodes = cx.nodes();
    let func_node = nodes.get_node(func);
    let (params, func_span) = match func_node.kind() {
        AstKind::Function(f) => (&f.params, f.span),
        AstKind::ArrowFunctionExpression(a) => (&a.params, a.span),
        _ => return,
    };
    let Some(first) = params.items.first() else {
        return;
    };
    let BindingPattern::BindingIdentifier(binding) = &first.pattern else {
        return;
    };
    if binding.symbol_id.get() != Some(symbol) {
        return;
    }
    let d = match callee_of_callback(cx, func, func_span) {
        // Written inline: `xs.reduce((acc, x) => …, init)`.
        Some(call_id) => {
            let AstKind::CallExpression(call) = nodes.get_node(call_id).kind() else {
                return;
            };
            let Some(method) = reduce_method(cx, call) else {
                return;
            };
            let at = member_property(&call.callee).map_or(call.span, |(_, span)| span);
            reduce_step(
                name,
                method,
                c,
                spread,
                binding.span,
                (at, format!("the `{method}` call")),
            )
        }
        // Passed by name: `function merge(acc, x) { … }` then `xs.reduce(merge, init)`.
        None => {
            let Some((callback, method, arg)) = named_reduce(cx, func) else {
                return;
            };
            let label = format!("`{callback}` is a `{method}` callback here");
            reduce_step(name, method, c, spread, binding.span, (arg, label))
        }
    };
    cx.report(with_write(d, name, write));
}

/// `reduce` or `reduceRight`, when `call` is one of those that can take many steps: not a
/// `reduce` over a few elements fixed in the text started from a fresh accumulator
/// (`[defaults, user, env].reduce(…, {})`; one started from an accumulator passed in,
/// `.reduce(f, out)`, may already be long).
fn reduce_method<'a>(cx: &Ctx<'a, '_>, call: &'a CallExpression<'a>) -> Option<&'a str> {
    let method = member_name(&call.callee)?;
    if !matches!(method, "reduce" | "reduceRight") {
        return None;
    }
    if member_object(&call.callee).is_some_and(|o| fixed_steps(cx, o))
        && call
            .arguments
            .get(1)
            .is_none_or(|a| a.as_expression().is_some_and(is_fresh_start))
    {
        return None;
    }
    Some(method)
}

/// The binding a function is declared under, when the function is all the binding ever
/// holds: a function declaration (`function merge(acc, x) {}`, its overload signatures
/// aside), or a function or arrow a variable is initialised with (`const merge = (acc, x) =>
/// …`; `let`/`var` too), which is never assigned again nor declared twice.
fn function_binding(cx: &Ctx<'_, '_>, func: NodeId) -> Option<SymbolId> {
    let nodes = cx.nodes();
    let (symbol, declaration) = match nodes.kind(func) {
        AstKind::Function(f) if f.is_declaration() => (f.id.as_ref()?.symbol_id.get()?, func),
        kind => {
            let mut current = kind.span();
            let mut parent = nodes.parent_node(func);
            while matches!(
                parent.kind(),
                AstKind::ParenthesizedExpression(_)
                    | AstKind::TSAsExpression(_)
                    | AstKind::TSSatisfiesExpression(_)
                    | AstKind::TSNonNullExpression(_)
                    | AstKind::TSTypeAssertion(_)
            ) {
                current = parent.kind().span();
                parent = nodes.parent_node(parent.id());
            }
            let AstKind::VariableDeclarator(d) = parent.kind() else {
                return None;
            };
            if d.init.as_ref().map(GetSpan::span) != Some(current) {
                return None;
            }
            let BindingPattern::BindingIdentifier(id) = &d.id else {
                return None;
            };
            (id.symbol_id.get()?, parent.id())
        }
    };
    let scoping = cx.scoping();
    // Declared once; a function's TypeScript overload signatures (declarations without a
    // body) do not count.
    let once = scoping
        .symbol_redeclarations(symbol)
        .iter()
        .map(|r| r.declaration)
        .chain([scoping.symbol_declaration(symbol)])
        .all(|d| {
            d == declaration || matches!(nodes.kind(d), AstKind::Function(f) if f.body.is_none())
        });
    (once && !scoping.symbol_is_mutated(symbol)).then_some(symbol)
}

/// For a function declared under a name (see [`function_binding`]), the first `reduce` or
/// `reduceRight` call in the file that takes it by that name as its callback
/// (`xs.reduce(merge, {})`) and can take many steps (see [`reduce_method`]): the name, the
/// method, and the span of the argument.
fn named_reduce<'a>(cx: &Ctx<'a, '_>, func: NodeId) -> Option<(&'a str, &'a str, OxcSpan)> {
    let symbol = function_binding(cx, func)?;
    let nodes = cx.nodes();
    let scoping = cx.scoping();
    let mut found: Option<(&'a str, &'a str, OxcSpan)> = None;
    for &r in scoping.get_resolved_reference_ids(symbol) {
        let id = scoping.get_reference(r).node_id();
        let AstKind::IdentifierReference(ident) = nodes.kind(id) else {
            continue;
        };
        let Some(call_id) = callee_of_callback(cx, id, ident.span) else {
            continue;
        };
        let AstKind::CallExpression(call) = nodes.kind(call_id) else {
            continue;
        };
        let Some(method) = reduce_method(cx, call) else {
            continue;
        };
        if found.is_none_or(|(_, _, span)| ident.span.start < span.start) {
            found = Some((ident.name.as_str(), method, ident.span));
        }
    }
    found
}

/// The call a function expression is the first argument of (parentheses allowed).
fn callee_of_callback(cx: &Ctx<'_, '_>, func: NodeId, func_span: OxcSpan) -> Option<NodeId> {
    crate::rules::call_of_first_argument(cx.nodes(), func, func_span)
}

/// `x.name` or `x?.name`: `x`.
fn member_object<'a>(callee: &'a Expression<'a>) -> Option<&'a Expression<'a>> {
    match callee.get_inner_expression() {
        Expression::StaticMemberExpression(m) => Some(&m.object),
        Expression::ChainExpression(chain) => match &chain.expression {
            oxc_ast::ast::ChainElement::StaticMemberExpression(m) => Some(&m.object),
            _ => None,
        },
        _ => None,
    }
}

/// An array or object literal that spreads nothing: a `reduce` started from it begins empty
/// or small.
fn is_fresh_start(e: &Expression<'_>) -> bool {
    match e.get_inner_expression() {
        Expression::ArrayExpression(a) => !a
            .elements
            .iter()
            .any(|e| matches!(e, ArrayExpressionElement::SpreadElement(_))),
        Expression::ObjectExpression(o) => !o
            .properties
            .iter()
            .any(|p| matches!(p, ObjectPropertyKind::SpreadProperty(_))),
        _ => false,
    }
}

/// What a `reduce`, `forEach` or `for…of` steps through a fixed, small number of times: an
/// array of at most [`MAX_FIXED_STEPS`] elements whose length the text fixes (see
/// [`short_len`]), inline (`[a, b]`) or through never-reassigned bindings
/// (`const COLORS = ['red', 'blue']; COLORS.reduce(…)`, `const REVERSED =
/// [].concat(SIZES).reverse()`).
fn fixed_steps<'a>(cx: &Ctx<'a, '_>, e: &Expression<'a>) -> bool {
    short_len(cx, e, MAX_BINDING_HOPS).is_some()
}

/// Whether `for (const k in e)` steps a fixed, small number of times: `e` is a table of at
/// most [`MAX_FIXED_STEPS`] keys written out in the file (see [`fixed_key_count`]) whose
/// literal sets no prototype (`__proto__: parent` would bring the parent's keys in).
fn fixed_table<'a>(cx: &Ctx<'a, '_>, e: &Expression<'a>, hops: u32) -> bool {
    let Some(hops) = hops.checked_sub(1) else {
        return false;
    };
    if fixed_key_count(e, cx, 0).is_none_or(|n| n > MAX_FIXED_STEPS) {
        return false;
    }
    match e.get_inner_expression() {
        Expression::ObjectExpression(o) => o.properties.iter().all(|p| match p {
            ObjectPropertyKind::ObjectProperty(p) => {
                p.computed || !p.key.is_specific_static_name("__proto__")
            }
            ObjectPropertyKind::SpreadProperty(s) => fixed_table(cx, &s.argument, hops),
        }),
        Expression::CallExpression(c) => c
            .arguments
            .first()
            .and_then(Argument::as_expression)
            .is_some_and(|a| fixed_table(cx, a, hops)),
        Expression::Identifier(id) => {
            let Some(symbol) = symbol_of(cx, id) else {
                return false;
            };
            let decl = cx.scoping().symbol_declaration(symbol);
            match cx.nodes().kind(decl) {
                AstKind::TSEnumDeclaration(_) => true,
                _ => cx
                    .kinds()
                    .binding_init(id)
                    .is_some_and(|init| fixed_table(cx, init, hops)),
            }
        }
        _ => false,
    }
}

/// How many bindings [`short_len`] follows from one expression to the array it names.
const MAX_BINDING_HOPS: u32 = 4;

/// The most elements the array `e` can hold, when the text fixes it at no more than
/// [`MAX_FIXED_STEPS`]; `None` when it does not (or fixes it higher). An array literal
/// counts its elements and the lengths of what it spreads; a never-reassigned binding
/// (`hops` of them at most) counts its initializer when no reference in the file adds
/// elements to it (`COLORS.push(x)`, `COLORS[i] = x`, `COLORS.length = n`) nor stores it under
/// another name; a call of an array method on such an array counts what the method returns:
/// as many elements or fewer (`slice`, `filter`, `map`, `toReversed`, `toSorted`, `with`;
/// `reverse`, `sort`, `fill` and `copyWithin` too, which return the array they change, on a
/// fresh array only: on a binding they would make the result a second name for it), or the
/// receiver's and the arguments' together (`concat`, each argument itself such an array: an
/// argument of unknown kind could be an array of any length).
fn short_len<'a>(cx: &Ctx<'a, '_>, e: &Expression<'a>, hops: u32) -> Option<u64> {
    let len = match e.get_inner_expression() {
        Expression::ArrayExpression(a) => {
            if a.elements.len() as u64 > MAX_FIXED_STEPS {
                return None;
            }
            let mut total = 0;
            for element in &a.elements {
                total += match element {
                    ArrayExpressionElement::SpreadElement(s) => short_len(cx, &s.argument, hops)?,
                    _ => 1,
                };
            }
            total
        }
        Expression::Identifier(id) => {
            let hops = hops.checked_sub(1)?;
            let init = cx.kinds().binding_init(id)?;
            let len = short_len(cx, init, hops)?;
            let symbol = symbol_of(cx, id)?;
            // Once per binding and file: asked per loop, the scan is quadratic in a file with
            // thousands of loops over one array.
            let never_grown =
                cx.kinds()
                    .symbol_fact("accumulating-spread/never-grown", symbol, || {
                        let scoping = cx.scoping();
                        !scoping.get_resolved_reference_ids(symbol).iter().any(|&r| {
                            let node = scoping.get_reference(r).node_id();
                            adds_elements(node, ARRAY_GROWTH, cx) || aliased(cx, node)
                        })
                    });
            if !never_grown {
                return None;
            }
            len
        }
        Expression::CallExpression(call) => {
            let Expression::StaticMemberExpression(m) = call.callee.get_inner_expression() else {
                return None;
            };
            let receiver = || short_len(cx, &m.object, hops);
            if let Expression::Identifier(ns) = m.object.get_inner_expression()
                && ns.is_global_reference(cx.scoping())
            {
                let first = call.arguments.first().and_then(Argument::as_expression);
                match (ns.name.as_str(), m.property.name.as_str()) {
                    // `Object.keys(FIELDS)` of a table written out in the file.
                    ("Object", "keys" | "values" | "entries") if call.arguments.len() == 1 => {
                        return first
                            .and_then(|o| fixed_key_count(o, cx, 0))
                            .filter(|&n| n <= MAX_FIXED_STEPS);
                    }
                    // `Array.from({ length: 7 }, f)`, `Array.from(SIZES, f)`.
                    ("Array", "from") => {
                        let first = first?;
                        return literal_length(first)
                            .or_else(|| short_len(cx, first, hops))
                            .filter(|&n| n <= MAX_FIXED_STEPS);
                    }
                    _ => {}
                }
            }
            match m.property.name.as_str() {
                // `rows.slice(0, 10)`, `events.slice(-5)`: a window of fixed size, whatever
                // the receiver holds.
                "slice" => receiver().or_else(|| slice_window(call))?,
                "filter" | "map" | "toReversed" | "toSorted" | "with" => receiver()?,
                "reverse" | "sort" | "fill" | "copyWithin"
                    if !matches!(m.object.get_inner_expression(), Expression::Identifier(_)) =>
                {
                    receiver()?
                }
                "concat" => {
                    let mut total = receiver()?;
                    for argument in &call.arguments {
                        total += short_len(cx, argument.as_expression()?, hops)?;
                    }
                    total
                }
                _ => return None,
            }
        }
        _ => return None,
    };
    (len <= MAX_FIXED_STEPS).then_some(len)
}

/// The most elements `x.slice(a, b)` returns when the text fixes its window: `slice(-5)`,
/// `slice(0, 10)`, `slice(-10, -5)` (integer literals, both ends of one sign).
fn slice_window(call: &CallExpression<'_>) -> Option<u64> {
    let int = |a: &Argument<'_>| -> Option<i64> {
        match a.as_expression()?.get_inner_expression() {
            Expression::NumericLiteral(n) if n.value.fract() == 0.0 && n.value < 1e9 => {
                Some(n.value as i64)
            }
            Expression::UnaryExpression(u) if u.operator == UnaryOperator::UnaryNegation => {
                match u.argument.get_inner_expression() {
                    Expression::NumericLiteral(n) if n.value.fract() == 0.0 && n.value < 1e9 => {
                        Some(-(n.value as i64))
                    }
                    _ => None,
                }
            }
            _ => None,
        }
    };
    match call.arguments.as_slice() {
        [start] => {
            let start = int(start)?;
            (start < 0).then_some(start.unsigned_abs())
        }
        [start, end] => {
            let (start, end) = (int(start)?, int(end)?);
            ((start < 0) == (end < 0)).then_some(end.saturating_sub(start).max(0) as u64)
        }
        _ => None,
    }
}

/// The `length` of an array-like object literal `{ length: 7 }` written as an integer.
fn literal_length(e: &Expression<'_>) -> Option<u64> {
    let Expression::ObjectExpression(o) = e.get_inner_expression() else {
        return None;
    };
    let mut length = None;
    for p in &o.properties {
        match p {
            ObjectPropertyKind::ObjectProperty(p)
                if !p.computed && p.key.is_specific_static_name("length") =>
            {
                length = match p.value.get_inner_expression() {
                    Expression::NumericLiteral(n) if n.value.fract() == 0.0 && n.value >= 0.0 => {
                        Some(n.value as u64)
                    }
                    _ => None,
                };
            }
            ObjectPropertyKind::ObjectProperty(p) if !p.computed => {}
            _ => return None,
        }
    }
    length
}

/// Whether the identifier reference at `node` is stored under another name (`const b = a`,
/// `b = a`, `o.list = a`, also `const b = a.reverse()`: `reverse`, `sort`, `fill` and
/// `copyWithin` return the array they change), through which elements could be added.
fn aliased(cx: &Ctx<'_, '_>, node: NodeId) -> bool {
    let nodes = cx.nodes();
    let mut current = node;
    loop {
        let parent = nodes.parent_node(current);
        match parent.kind() {
            AstKind::ParenthesizedExpression(_)
            | AstKind::TSAsExpression(_)
            | AstKind::TSSatisfiesExpression(_)
            | AstKind::TSNonNullExpression(_) => current = parent.id(),
            AstKind::StaticMemberExpression(m)
                if m.object.span() == nodes.kind(current).span()
                    && matches!(
                        m.property.name.as_str(),
                        "reverse" | "sort" | "fill" | "copyWithin"
                    ) =>
            {
                let call = nodes.parent_node(parent.id());
                match call.kind() {
                    AstKind::CallExpression(c) if c.callee.span() == m.span => current = call.id(),
                    _ => return false,
                }
            }
            AstKind::VariableDeclarator(_) => return true,
            AstKind::AssignmentExpression(a) => {
                return a.right.span() == nodes.kind(current).span();
            }
            _ => return false,
        }
    }
}

/// The number of passes of a counted `for` loop, when the text fixes it: a counter
/// initialised to a number, compared with a number (`i < 3`, `i <= 2`, `i > 0`, `3 > i`),
/// stepped by `++`, `--`, `+= k` or `-= k` towards the bound, and not written in the body.
fn counted_passes(cx: &Ctx<'_, '_>, f: &ForStatement<'_>) -> Option<u64> {
    let (counter, start) = match f.init.as_ref()? {
        ForStatementInit::VariableDeclaration(d) => {
            let [decl] = d.declarations.as_slice() else {
                return None;
            };
            let BindingPattern::BindingIdentifier(id) = &decl.id else {
                return None;
            };
            let Expression::NumericLiteral(n) = decl.init.as_ref()?.get_inner_expression() else {
                return None;
            };
            (id.symbol_id.get()?, n.value)
        }
        ForStatementInit::AssignmentExpression(a) if a.operator == AssignmentOperator::Assign => {
            let AssignmentTarget::AssignmentTargetIdentifier(id) = &a.left else {
                return None;
            };
            let Expression::NumericLiteral(n) = a.right.get_inner_expression() else {
                return None;
            };
            (symbol_of(cx, id)?, n.value)
        }
        _ => return None,
    };
    let is_counter = |e: &Expression<'_>| match e.get_inner_expression() {
        Expression::Identifier(i) => symbol_of(cx, i) == Some(counter),
        _ => false,
    };
    let number = |e: &Expression<'_>| match e.get_inner_expression() {
        Expression::NumericLiteral(n) => Some(n.value),
        _ => None,
    };
    // The test as `counter op bound`.
    let Expression::BinaryExpression(test) = f.test.as_ref()?.get_inner_expression() else {
        return None;
    };
    let (op, bound) = if is_counter(&test.left) {
        (test.operator, number(&test.right)?)
    } else if is_counter(&test.right) {
        let flipped = match test.operator {
            BinaryOperator::LessThan => BinaryOperator::GreaterThan,
            BinaryOperator::LessEqualThan => BinaryOperator::GreaterEqualThan,
            BinaryOperator::GreaterThan => BinaryOperator::LessThan,
            BinaryOperator::GreaterEqualThan => BinaryOperator::LessEqualThan,
            _ => return None,
        };
        (flipped, number(&test.left)?)
    } else {
        return None;
    };
    // The step, signed.
    let step = match f.update.as_ref()?.get_inner_expression() {
        Expression::UpdateExpression(u) => {
            let SimpleAssignmentTarget::AssignmentTargetIdentifier(id) = &u.argument else {
                return None;
            };
            if symbol_of(cx, id) != Some(counter) {
                return None;
            }
            match u.operator {
                UpdateOperator::Increment => 1.0,
                UpdateOperator::Decrement => -1.0,
            }
        }
        Expression::AssignmentExpression(a) => {
            let AssignmentTarget::AssignmentTargetIdentifier(id) = &a.left else {
                return None;
            };
            if symbol_of(cx, id) != Some(counter) {
                return None;
            }
            let k = number(&a.right)?;
            match a.operator {
                AssignmentOperator::Addition => k,
                AssignmentOperator::Subtraction => -k,
                _ => return None,
            }
        }
        _ => return None,
    };
    // The body (and the test) leave the counter alone.
    let body = f.body.span();
    let written_inside = cx
        .scoping()
        .get_resolved_references(counter)
        .any(|r| r.is_write() && body.contains_inclusive(cx.nodes().kind(r.node_id()).span()));
    if written_inside {
        return None;
    }
    let (distance, inclusive) = match op {
        BinaryOperator::LessThan if step > 0.0 => (bound - start, false),
        BinaryOperator::LessEqualThan if step > 0.0 => (bound - start, true),
        BinaryOperator::GreaterThan if step < 0.0 => (start - bound, false),
        BinaryOperator::GreaterEqualThan if step < 0.0 => (start - bound, true),
        _ => return None,
    };
    let step = step.abs();
    if !distance.is_finite() || !step.is_finite() || step == 0.0 || distance > 1e6 {
        return None;
    }
    let passes = if distance < 0.0 || (distance == 0.0 && !inclusive) {
        0.0
    } else if inclusive {
        (distance / step).floor() + 1.0
    } else {
        (distance / step).ceil()
    };
    Some(passes as u64)
}

/// `x.name` or `x?.name`: the property name.
fn member_name<'a>(callee: &'a Expression<'a>) -> Option<&'a str> {
    member_property(callee).map(|(name, _)| name)
}

/// `x.name` or `x?.name`: the property name and its span (what a label points at: the whole
/// call may span a hundred lines).
fn member_property<'a>(callee: &'a Expression<'a>) -> Option<(&'a str, OxcSpan)> {
    match callee.get_inner_expression() {
        Expression::StaticMemberExpression(m) => Some((m.property.name.as_str(), m.property.span)),
        Expression::ChainExpression(chain) => match &chain.expression {
            oxc_ast::ast::ChainElement::StaticMemberExpression(m) => {
                Some((m.property.name.as_str(), m.property.span))
            }
            _ => None,
        },
        _ => None,
    }
}

/// The head of a loop statement (`for (const x of xs)`, `while (c)`, `do`), for its label.
fn loop_head(kind: &AstKind<'_>) -> OxcSpan {
    let whole = kind.span();
    let body_start = match kind {
        AstKind::ForStatement(f) => f.body.span().start,
        AstKind::ForOfStatement(f) => f.body.span().start,
        AstKind::ForInStatement(f) => f.body.span().start,
        AstKind::WhileStatement(w) => w.body.span().start,
        AstKind::DoWhileStatement(_) => whole.start + 2,
        _ => whole.end,
    };
    OxcSpan::new(whole.start, body_start.max(whole.start))
}

/// Reports when the assignment at `assign` runs once per iteration of a loop (or a `forEach`
/// callback) and the accumulator is declared outside that loop.
#[allow(clippy::too_many_arguments)]
fn check_loop(
    cx: &mut Ctx<'_, '_>,
    assign: NodeId,
    symbol: SymbolId,
    name: &str,
    c: Container,
    spread: OxcSpan,
    write: Option<OxcSpan>,
) {
    let decl = cx.scoping().symbol_span(symbol);
    let nodes = cx.nodes();
    let assign_span = nodes.get_node(assign).kind().span();
    if exits_right_after(cx, assign) || given_afresh(cx, assign, symbol, name) {
        return;
    }
    for a in nodes.ancestors(assign) {
        let (repeated, what) = match a.kind() {
            AstKind::ForStatement(f) => {
                let in_body = f.body.span().contains_inclusive(assign_span);
                let in_update = f
                    .update
                    .as_ref()
                    .is_some_and(|u| u.span().contains_inclusive(assign_span));
                (in_body || in_update, "loop")
            }
            AstKind::ForOfStatement(f) => (f.body.span().contains_inclusive(assign_span), "loop"),
            AstKind::ForInStatement(f) => (f.body.span().contains_inclusive(assign_span), "loop"),
            AstKind::WhileStatement(_) | AstKind::DoWhileStatement(_) => (true, "loop"),
            AstKind::Function(_) | AstKind::ArrowFunctionExpression(_) => {
                let span = a.kind().span();
                let Some(call_id) = callee_of_callback(cx, a.id(), span) else {
                    return;
                };
                let AstKind::CallExpression(call) = nodes.get_node(call_id).kind() else {
                    return;
                };
                if member_name(&call.callee) != Some("forEach") {
                    return;
                }
                // `[a, b].forEach(…)`: a few calls; a loop around it may still repeat them.
                if member_object(&call.callee).is_some_and(|o| fixed_steps(cx, o))
                    && !span.contains_inclusive(decl)
                {
                    continue;
                }
                if !span.contains_inclusive(decl) {
                    cx.report(with_write(
                        loop_step(
                            name,
                            "`forEach` callback",
                            c,
                            spread,
                            member_property(&call.callee).map_or(call.span, |(_, span)| span),
                            decl,
                        ),
                        name,
                        write,
                    ));
                }
                return;
            }
            AstKind::StaticBlock(_) | AstKind::Program(_) => return,
            _ => (false, ""),
        };
        if repeated {
            let kind = a.kind();
            // A few passes, fixed in the text: a loop around this one may still repeat them.
            let fixed = match kind {
                AstKind::ForStatement(f) => {
                    counted_passes(cx, f).is_some_and(|n| n <= MAX_FIXED_STEPS)
                }
                AstKind::ForOfStatement(f) => fixed_steps(cx, &f.right),
                AstKind::ForInStatement(f) => fixed_table(cx, &f.right, MAX_BINDING_HOPS),
                _ => false,
            };
            if fixed && !kind.span().contains_inclusive(decl) {
                continue;
            }
            if !kind.span().contains_inclusive(decl) {
                let head = loop_head(&kind);
                let head = OxcSpan::new(
                    head.start,
                    head.start + cx.text(head).trim_end().len() as u32,
                );
                cx.report(with_write(
                    loop_step(name, what, c, spread, head, decl),
                    name,
                    write,
                ));
            }
            return;
        }
    }
}

/// The longest an accumulator may be kept by a length test (`acc.length < 100`) for its copies
/// to add up linearly: a few hundred elements copied per step, not the whole input.
const MAX_CAP: f64 = 1024.0;

/// How a test bounds `acc.length` when it is true: `Below` for `acc.length < N`,
/// `acc.length <= N`, `N > acc.length`; `AtLeast` for `acc.length >= N`, `acc.length > N`,
/// `N <= acc.length` (then the test is false while the array is short); N a numeric literal up
/// to `cap`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum LengthTest {
    Below,
    AtLeast,
}

fn length_test(
    cx: &Ctx<'_, '_>,
    symbol: SymbolId,
    test: &Expression<'_>,
    cap: f64,
) -> Option<LengthTest> {
    let Expression::BinaryExpression(b) = test.get_inner_expression() else {
        return None;
    };
    let is_length = |e: &Expression<'_>| {
        matches!(e.get_inner_expression(), Expression::StaticMemberExpression(m)
            if m.property.name == "length"
                && matches!(m.object.get_inner_expression(), Expression::Identifier(id)
                    if symbol_of(cx, id) == Some(symbol)))
    };
    let is_cap = |e: &Expression<'_>| matches!(e.get_inner_expression(), Expression::NumericLiteral(n) if n.value <= cap);
    // Written `acc.length OP N`, or `N OP acc.length` turned around.
    let op = if is_length(&b.left) && is_cap(&b.right) {
        b.operator
    } else if is_cap(&b.left) && is_length(&b.right) {
        match b.operator {
            BinaryOperator::LessThan => BinaryOperator::GreaterThan,
            BinaryOperator::LessEqualThan => BinaryOperator::GreaterEqualThan,
            BinaryOperator::GreaterThan => BinaryOperator::LessThan,
            BinaryOperator::GreaterEqualThan => BinaryOperator::LessEqualThan,
            other => other,
        }
    } else {
        return None;
    };
    match op {
        BinaryOperator::LessThan | BinaryOperator::LessEqualThan => Some(LengthTest::Below),
        BinaryOperator::GreaterThan | BinaryOperator::GreaterEqualThan => Some(LengthTest::AtLeast),
        _ => None,
    }
}

/// Whether `test` being true (`want_true`) or false implies `xs.length` (`symbol` the array's
/// binding) is below `cap`: the test itself, a conjunct of an `&&` chain that must hold, or a
/// disjunct of an `||` chain that must fail.
pub(crate) fn implies_short(
    cx: &Ctx<'_, '_>,
    symbol: SymbolId,
    test: &Expression<'_>,
    want_true: bool,
    cap: f64,
) -> bool {
    match test.get_inner_expression() {
        Expression::LogicalExpression(l) if l.operator == LogicalOperator::And && want_true => {
            implies_short(cx, symbol, &l.left, true, cap)
                || implies_short(cx, symbol, &l.right, true, cap)
        }
        Expression::LogicalExpression(l) if l.operator == LogicalOperator::Or && !want_true => {
            implies_short(cx, symbol, &l.left, false, cap)
                || implies_short(cx, symbol, &l.right, false, cap)
        }
        Expression::UnaryExpression(u) if u.operator == UnaryOperator::LogicalNot => {
            implies_short(cx, symbol, &u.argument, !want_true, cap)
        }
        e => match length_test(cx, symbol, e, cap) {
            Some(LengthTest::Below) => want_true,
            Some(LengthTest::AtLeast) => !want_true,
            None => false,
        },
    }
}

/// Whether the copy at `spread` runs only while a test of the accumulator's length keeps it
/// short: `if (seen.length < 5 && …) seen = [...seen, x]`, `acc.length >= 10 ? acc : [...acc,
/// x]`, `if (acc.length > 99) break; else acc = [...acc, x]` (the branch tested in the step,
/// up to the loop or the callback).
fn guarded_short(cx: &Ctx<'_, '_>, symbol: SymbolId, spread: NodeId) -> bool {
    let nodes = cx.nodes();
    let mut below = nodes.kind(spread).span();
    for a in nodes.ancestors(spread) {
        let short = match a.kind() {
            AstKind::IfStatement(i) if i.consequent.span().contains_inclusive(below) => {
                implies_short(cx, symbol, &i.test, true, MAX_CAP)
            }
            AstKind::IfStatement(i)
                if i.alternate
                    .as_ref()
                    .is_some_and(|e| e.span().contains_inclusive(below)) =>
            {
                implies_short(cx, symbol, &i.test, false, MAX_CAP)
            }
            AstKind::ConditionalExpression(c) if c.consequent.span().contains_inclusive(below) => {
                implies_short(cx, symbol, &c.test, true, MAX_CAP)
            }
            AstKind::ConditionalExpression(c) if c.alternate.span().contains_inclusive(below) => {
                implies_short(cx, symbol, &c.test, false, MAX_CAP)
            }
            AstKind::LogicalExpression(l) if l.right.span().contains_inclusive(below) => {
                implies_short(
                    cx,
                    symbol,
                    &l.left,
                    l.operator == LogicalOperator::And,
                    MAX_CAP,
                ) && l.operator != LogicalOperator::Coalesce
            }
            AstKind::Function(_)
            | AstKind::ArrowFunctionExpression(_)
            | AstKind::ForStatement(_)
            | AstKind::ForInStatement(_)
            | AstKind::ForOfStatement(_)
            | AstKind::WhileStatement(_)
            | AstKind::DoWhileStatement(_)
            | AstKind::Program(_) => return false,
            _ => false,
        };
        if short {
            return true;
        }
        below = a.kind().span();
    }
    false
}

/// How many statements after a copy are looked at for the `if` that empties the accumulator.
const MAX_FLUSH_DISTANCE: usize = 16;

/// `batch = [...batch, x]; if (batch.length >= 100) { flush(batch); batch = []; }`: a later
/// statement of the same block (one of the next [`MAX_FLUSH_DISTANCE`]) empties the
/// accumulator (an array literal without spreads) once a length test says it is long, so no
/// copy is longer than the cap.
fn emptied_when_long(cx: &Ctx<'_, '_>, symbol: SymbolId, assign: NodeId) -> bool {
    let nodes = cx.nodes();
    let statement = nodes.parent_node(assign);
    let AstKind::ExpressionStatement(stmt) = statement.kind() else {
        return false;
    };
    let AstKind::BlockStatement(block) = nodes.parent_kind(statement.id()) else {
        return false;
    };
    let empties = |s: &Statement<'_>| {
        let Statement::ExpressionStatement(e) = s else {
            return false;
        };
        let Expression::AssignmentExpression(a) = e.expression.get_inner_expression() else {
            return false;
        };
        a.operator == AssignmentOperator::Assign
            && matches!(&a.left, AssignmentTarget::AssignmentTargetIdentifier(t)
                if symbol_of(cx, t) == Some(symbol))
            && matches!(a.right.get_inner_expression(), Expression::ArrayExpression(arr)
                if arr.elements.iter().all(|e| !matches!(e, ArrayExpressionElement::SpreadElement(_))))
    };
    // The statements right after the copy (a binary search, and a bounded look-ahead: a scan
    // of the rest of the block per copy is quadratic in a loop body of thousands of them).
    let after = block
        .body
        .partition_point(|s| s.span().start < stmt.span.end);
    block.body[after..]
        .iter()
        .take(MAX_FLUSH_DISTANCE)
        .any(|s| {
            let Statement::IfStatement(i) = s else {
                return false;
            };
            if !implies_short(cx, symbol, &i.test, false, MAX_CAP) {
                return false;
            }
            match &i.consequent {
                Statement::BlockStatement(b) => b.body.iter().any(empties),
                other => empties(other),
            }
        })
}

/// `acc = [...acc, x]; break;` (or `return`, `throw`): the copy is made once, on the way out
/// of the loop, not on every iteration.
fn exits_right_after(cx: &Ctx<'_, '_>, assign: NodeId) -> bool {
    let nodes = cx.nodes();
    let statement = nodes.parent_node(assign);
    let AstKind::ExpressionStatement(stmt) = statement.kind() else {
        return false;
    };
    let statements = match nodes.parent_kind(statement.id()) {
        AstKind::BlockStatement(b) => &b.body,
        AstKind::SwitchCase(c) => &c.consequent,
        _ => return false,
    };
    // A binary search (the list is in source order): a scan per assignment is quadratic in
    // a loop body of thousands of statements.
    let Ok(i) = statements.binary_search_by_key(&stmt.span.start, |s| s.span().start) else {
        return false;
    };
    if statements[i].span() != stmt.span {
        return false;
    }
    matches!(
        statements.get(i + 1),
        Some(
            Statement::BreakStatement(_)
                | Statement::ReturnStatement(_)
                | Statement::ThrowStatement(_)
        )
    )
}

/// A loop statement or a function: where one step of an accumulation begins.
fn is_loop_or_function(kind: &AstKind<'_>) -> bool {
    matches!(
        kind,
        AstKind::ForStatement(_)
            | AstKind::ForOfStatement(_)
            | AstKind::ForInStatement(_)
            | AstKind::WhileStatement(_)
            | AstKind::DoWhileStatement(_)
            | AstKind::Function(_)
            | AstKind::ArrowFunctionExpression(_)
    )
}

/// The most statements looked back at, per enclosing block, for [`given_afresh`].
const MAX_LOOK_BACK: usize = 32;

/// Whether, in the step that makes the copy at `assign`, the binding was first given a value
/// that owes nothing to it: `node = parent; … node = { ...node };` (graphql's `visit`) copies
/// this step's value, not the last step's copy, so the copies do not add up. The value is
/// given by an earlier statement of a block that holds the copy, within the same loop body or
/// callback (so it runs before the copy on every pass that reaches it), as a plain `name =
/// value` whose value does not name the binding. A value that hands back an earlier copy by
/// another name (`acc = saved; acc = { ...acc, [k]: v }; saved = acc;`) is not told apart.
fn given_afresh(cx: &Ctx<'_, '_>, assign: NodeId, symbol: SymbolId, name: &str) -> bool {
    let nodes = cx.nodes();
    let mut child = nodes.get_node(assign).kind().span();
    for a in nodes.ancestors(assign) {
        let statements = match a.kind() {
            AstKind::BlockStatement(b) => &b.body,
            AstKind::SwitchCase(c) => &c.consequent,
            AstKind::FunctionBody(b) => &b.statements,
            k if is_loop_or_function(&k)
                || matches!(k, AstKind::StaticBlock(_) | AstKind::Program(_)) =>
            {
                return false;
            }
            k => {
                child = k.span();
                continue;
            }
        };
        // The statements before the one that holds the copy (the list is in source order).
        let before = statements.partition_point(|s| s.span().end <= child.start);
        let resets = statements[..before]
            .iter()
            .rev()
            .take(MAX_LOOK_BACK)
            .any(|s| assigns_afresh(cx, s, symbol, name));
        if resets {
            return true;
        }
        child = a.kind().span();
    }
    false
}

/// `name = value;` (alone or in a comma list) with a value that does not read `name`.
fn assigns_afresh(
    cx: &Ctx<'_, '_>,
    statement: &Statement<'_>,
    symbol: SymbolId,
    name: &str,
) -> bool {
    let Statement::ExpressionStatement(e) = statement else {
        return false;
    };
    let afresh = |e: &Expression<'_>| {
        let Expression::AssignmentExpression(a) = e.get_inner_expression() else {
            return false;
        };
        let AssignmentTarget::AssignmentTargetIdentifier(target) = &a.left else {
            return false;
        };
        a.operator == AssignmentOperator::Assign
            && symbol_of(cx, target) == Some(symbol)
            && !reads_name(&a.right, name)
    };
    match e.expression.get_inner_expression() {
        Expression::SequenceExpression(seq) => seq.expressions.iter().any(afresh),
        other => afresh(other),
    }
}

/// Whether `expr` reads a binding called `name` anywhere (in a nested function too).
fn reads_name(expr: &Expression<'_>, name: &str) -> bool {
    struct Reads<'n> {
        name: &'n str,
        found: bool,
    }
    impl<'a> Visit<'a> for Reads<'_> {
        fn visit_identifier_reference(&mut self, id: &IdentifierReference<'a>) {
            self.found |= id.name == self.name;
        }
    }
    let mut v = Reads { name, found: false };
    v.visit_expression(expr);
    v.found
}

fn symbol_of(cx: &Ctx<'_, '_>, ident: &oxc_ast::ast::IdentifierReference<'_>) -> Option<SymbolId> {
    let reference = ident.reference_id.get()?;
    cx.scoping().get_reference(reference).symbol_id()
}

#[cfg(test)]
mod tests {
    use crate::lint::test_util::lint_with_rule;

    const RULE: &str = "accumulating-spread";

    /// Each failing case gives exactly one diagnostic, on the spread written beside it (a case
    /// whose code contains `ts_marker` is linted as TypeScript); each passing case none.
    fn check(fail: &[(&str, &str)], pass: &[&str], ts_marker: &str) -> Vec<String> {
        let mut failures = Vec::new();
        for (code, spread) in fail {
            let file = if code.contains(ts_marker) {
                "a.ts"
            } else {
                "a.js"
            };
            let d = lint_with_rule(file, code, RULE);
            let got: Vec<_> = d
                .iter()
                .map(|d| (d.rule, &code[d.span.start as usize..d.span.end as usize]))
                .collect();
            if got != vec![(RULE, *spread)] {
                failures.push(format!("fail {code}: {got:?}"));
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
        failures
    }

    #[test]
    fn fail_and_pass() {
        let fail: &[(&str, &str)] = &[
            // A few steps, but from an accumulator passed in that grows pass after pass.
            (
                "let out = []; for (const x of xs) { out = [x.a, x.b].reduce((acc, c) => [...acc, c], out); }",
                "...acc",
            ),
            ("xs.reduce((acc, x) => [...acc, x], []);", "...acc"),
            (
                "xs.reduce((acc, x) => ({ ...acc, [x.id]: x }), {});",
                "...acc",
            ),
            (
                "xs.reduceRight(function (acc, x) { return [...acc, x]; }, []);",
                "...acc",
            ),
            (
                "xs.reduce((acc, x) => { if (x) return { ...acc, [x]: x }; return acc; }, {});",
                "...acc",
            ),
            (
                "xs.reduce((acc, x) => x ? [...acc, x] : acc, []);",
                "...acc",
            ),
            (
                "xs.reduce((acc: Record<string, number>, x) => ({ ...acc, [x]: 1 }) as Record<string, number>, {});",
                "...acc",
            ),
            (
                "let acc = []; for (const x of xs) { acc = [...acc, x]; }",
                "...acc",
            ),
            (
                "let acc = {}; for (const k in o) acc = { ...acc, [k]: o[k] };",
                "...acc",
            ),
            (
                "let acc = []; let i = 0; while (i < 3) { acc = [...acc, i++]; }",
                "...acc",
            ),
            (
                "let acc = {}; xs.forEach((x) => { acc = { ...acc, [x]: true }; });",
                "...acc",
            ),
            (
                "let acc = []; for (let i = 0; i < n; i++) { if (i % 2) acc = [i, ...acc]; }",
                "...acc",
            ),
            // Not a fixed, small number of steps.
            (
                "[a, ...rest].reduce((acc, c) => ({ ...acc, ...c }), {});",
                "...acc",
            ),
            (
                "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17].reduce((acc, x) => [...acc, x], []);",
                "...acc",
            ),
            (
                "let acc = []; for (let i = 0; i <= 16; i++) acc = [...acc, i];",
                "...acc",
            ),
            (
                "let acc = []; for (let i = 0; i < 3; i++) { i = next(i); acc = [...acc, i]; }",
                "...acc",
            ),
            (
                "let acc = []; for (let i = 0; i < 3; j++) acc = [...acc, i];",
                "...acc",
            ),
            // A loop around a fixed one repeats it.
            (
                "let acc = []; for (const x of xs) { for (let i = 0; i < 3; i++) acc = [...acc, x + i]; }",
                "...acc",
            ),
            (
                "let acc = {}; for (const x of xs) [a, b].forEach((p) => { acc = { ...acc, ...p, [x]: 1 }; });",
                "...acc",
            ),
            // A length test that does not keep the copies short.
            (
                "let seen = []; for (const x of xs) { if (seen.length < limit) seen = [...seen, x]; }",
                "...seen",
            ),
            (
                "let seen = []; for (const x of xs) { if (seen.length < 100000) seen = [...seen, x]; }",
                "...seen",
            ),
            (
                "let seen = []; for (const x of xs) { if (seen.length > 5) seen = [...seen, x]; }",
                "...seen",
            ),
            (
                "let seen = []; for (const x of xs) { if (seen.length < 5 || x.force) seen = [...seen, x]; }",
                "...seen",
            ),
            (
                "let seen = []; if (seen.length < 5) { for (const x of xs) seen = [...seen, x]; }",
                "...seen",
            ),
            (
                "let batch = []; for (const x of xs) { batch = [...batch, x]; if (batch.length >= 100) { out.push(batch); } }",
                "...batch",
            ),
            (
                "let batch = []; for (const x of xs) { batch = [...batch, x]; if (batch.length >= 100) { batch = [...batch]; } }",
                "...batch",
            ),
            (
                "let o = {}; for (const x of xs) { if (o.length < 5) o = { ...o, [x]: 1 }; }",
                "...o",
            ),
            // A window or table whose size the text does not fix, or fixes too large.
            (
                "rows.slice(2).reduce((acc, r) => [...acc, r], []);",
                "...acc",
            ),
            (
                "rows.slice(0, n).reduce((acc, r) => [...acc, r], []);",
                "...acc",
            ),
            (
                "rows.slice(-5, 10).reduce((acc, r) => [...acc, r], []);",
                "...acc",
            ),
            (
                "rows.slice(0, 100).reduce((acc, r) => [...acc, r], []);",
                "...acc",
            ),
            (
                "const T = { a: 1 }; T[k] = 2; Object.keys(T).reduce((acc, c) => [...acc, c], []);",
                "...acc",
            ),
            (
                "Object.keys(props).reduce((acc, c) => ({ ...acc, [c]: 1 }), {});",
                "...acc",
            ),
            (
                "const T = { __proto__: parent, a: 1 }; let r = {}; for (const k in T) r = { ...r, [k]: 1 };",
                "...r",
            ),
            (
                "const T = { ...parent, a: 1 }; let r = {}; for (const k in T) r = { ...r, [k]: 1 };",
                "...r",
            ),
            (
                "let r = {}; for (const k in props) r = { ...r, [k]: 1 };",
                "...r",
            ),
            (
                "Array.from({ length: n }, f).reduce((acc, c) => [...acc, c], []);",
                "...acc",
            ),
            (
                "Array.from({ length: 100 }).reduce((acc, c) => [...acc, c], []);",
                "...acc",
            ),
            // A binding to a short literal that grows, is replaced, or is too long.
            (
                "const KEYS = ['a', 'b']; KEYS.push(k); KEYS.reduce((acc, c) => [...acc, c], []);",
                "...acc",
            ),
            (
                "const KEYS = ['a']; KEYS[n] = k; KEYS.reduce((acc, c) => [...acc, c], []);",
                "...acc",
            ),
            (
                "const KEYS = ['a']; const all = KEYS; all.push(k); KEYS.reduce((acc, c) => [...acc, c], []);",
                "...acc",
            ),
            (
                "let KEYS = ['a']; KEYS = load(); KEYS.reduce((acc, c) => [...acc, c], []);",
                "...acc",
            ),
            (
                "const KEYS = [...more, 'a']; KEYS.reduce((acc, c) => [...acc, c], []);",
                "...acc",
            ),
            (
                "const KEYS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]; let acc = []; for (const k of KEYS) acc = [...acc, k];",
                "...acc",
            ),
            (
                "const KEYS = ['a', 'b']; KEYS.reduce((acc, c) => [...acc, c], out);",
                "...acc",
            ),
            // An array made from a short one, when its length is not fixed after all.
            (
                "const SIZES = ['a', 'b']; const R = [].concat(SIZES, more); let o = {}; R.forEach((s) => { o = { ...o, [s]: 1 }; });",
                "...o",
            ),
            (
                "const SIZES = ['a', 'b']; const R = SIZES.flatMap(f); let o = {}; R.forEach((s) => { o = { ...o, [s]: 1 }; });",
                "...o",
            ),
            (
                "const SIZES = ['a', 'b']; const R = SIZES.slice(); R.push(x); let o = {}; R.forEach((s) => { o = { ...o, [s]: 1 }; });",
                "...o",
            ),
            (
                "const SIZES = ['a', 'b']; const R = SIZES.reverse(); R.push(x); let o = {}; SIZES.forEach((s) => { o = { ...o, [s]: 1 }; });",
                "...o",
            ),
            (
                "const SIZES = ['a', 'b']; const R = [].concat(SIZES).reverse(); SIZES.push(x); let o = {}; R.forEach((s) => { o = { ...o, [s]: 1 }; });",
                "...o",
            ),
            (
                "const A = [1, 2, 3, 4, 5, 6, 7, 8, 9]; const B = A.concat(A); let l = []; for (const x of B) l = [...l, x];",
                "...l",
            ),
            (
                "const A = ['a']; let l = []; for (const x of [...A, ...xs]) l = [...l, x];",
                "...l",
            ),
            // A copy of fixed keys of an accumulator the step itself gives new keys.
            (
                "xs.reduce((acc, row) => { for (const t of row.tags) acc[t] = (acc[t] || 0) + 1; return { ...acc, total: 1 }; }, {});",
                "...acc",
            ),
            (
                "xs.reduce((acc, x) => { acc[x.id] ??= []; return { ...acc }; }, {});",
                "...acc",
            ),
            (
                "xs.reduce((acc, x) => { Object.assign(acc, x.extra); return { ...acc, n: 1 }; }, {});",
                "...acc",
            ),
            (
                "xs.reduce((acc, x) => (acc[x.k] = x, { ...acc, last: x }), {});",
                "...acc",
            ),
            (
                "xs.reduce((acc, x) => { acc[x.k]++; return x ? { ...acc } : acc; }, {});",
                "...acc",
            ),
            (
                "let o = {}; for (const x of xs) { o[x.k] = x; o = { ...o, n: 1 }; }",
                "...o",
            ),
            (
                "let o = {}; xs.forEach((x) => { o = { ...o, last: x }; o[x.id] = x; });",
                "...o",
            ),
        ];
        let pass = [
            "xs.reduce((acc, x) => { acc.push(x); return acc; }, []);",
            "xs.reduce((acc, x) => { acc[x.id] = x; return acc; }, {});",
            "xs.reduce((acc, x) => acc + x, 0);",
            "xs.map((acc, x) => [...acc, x]);",
            "xs.reduce((acc, x) => [...x, acc], []);",
            "xs.reduce((acc, x) => [...acc], []);",
            "xs.reduce((acc, x) => { const f = () => [...acc, x]; return f; }, []);",
            "let acc = []; acc = [...acc, 1];",
            "for (const x of xs) { let acc = []; acc = [...acc, x]; }",
            "let acc = []; for (const x of xs) { const next = [...acc, x]; use(next); }",
            "let acc = []; for (const x of xs) { other = [...acc, x]; }",
            "let acc = []; xs.map((x) => { acc = [...acc, x]; });",
            "let acc = []; for (const x of [...acc, 1]) {}",
            // Once, on the way out of the loop.
            "let found = []; for (const x of xs) { if (x.ok) { found = [...found, x]; break; } }",
            "function f(xs) { let r = {}; for (const x of xs) { if (x) { r = { ...r, [x]: 1 }; return r; } } }",
            "let a = {}; for (const x of xs) { a = { ...defaults, x }; }",
            "xs.reduce(({ acc }, x) => [...acc, x], []);",
            // The same few keys each time: the copy does not grow (tldraw's richText.ts).
            "function f(node, state) { for (const mark of node.marks) { if (mark.bold) state = { ...state, weight: 'bold' }; } }",
            "xs.reduce((acc, x) => ({ ...acc, count: acc.count + 1 }), { count: 0 });",
            // A fixed, small number of steps: at most 16.
            "const merged = [defaults, user, env].reduce((acc, c) => ({ ...acc, ...c }), {});",
            "const merged = [defaults, user, env]?.reduceRight(function (acc, c) { return { ...acc, ...c }; }, {});",
            "let list = []; for (let i = 0; i < 3; i++) list = [...list, i];",
            "let list = []; for (let i = 0; i < 16; i++) { list = [...list, i]; }",
            "let list = []; let i; for (i = 10; i > 0; i -= 2) list = [...list, i];",
            "let list = []; for (let i = 3; 0 <= i; --i) list = [...list, i];",
            "let o = {}; for (const p of [a, b, c]) o = { ...o, ...p };",
            "let o = {}; [a, b].forEach((p) => { o = { ...o, ...p }; });",
            "for (const x of xs) { let acc = []; for (let i = 0; i < 3; i++) acc = [...acc, x + i]; }",
            // The same through a binding nothing adds elements to (antd's `PresetColors`).
            "const COLORS = ['blue', 'red', 'gold']; const shadows = COLORS.reduce((prev, c) => ({ ...prev, [`${c}Shadow`]: c }), {}); COLORS.includes(x); use([].concat(COLORS));",
            "const KEYS = ['a', 'b']; let o = {}; KEYS.forEach((k) => { o = { ...o, [k]: 1 }; });",
            "var KEYS = ['a', 'b']; let list = []; for (const k of KEYS) list = [...list, k];",
            // An array made from short ones by array methods (antd's `responsiveArrayReversed`).
            "const SIZES = ['xl', 'md', 'xs']; const REVERSED = [].concat(SIZES).reverse(); let o = {}; REVERSED.forEach((s) => { o = { ...o, [`col-${s}`]: 1 }; });",
            "const A = ['a', 'b']; const B = A.slice(1).map(f).filter(g).toReversed(); let l = []; for (const x of B) l = [...l, x];",
            "const A = ['a', 'b']; const B = [...A, 'c']; let l = []; for (const x of A.concat(B, ['d'])) l = [...l, x];",
            "const A = [1, 2, 3, 4, 5, 6, 7, 8]; const B = A.concat(A); let l = []; for (const x of B) l = [...l, x];",
            // Steps fixed by construction: a literal `slice` window, the keys of a table written
            // out in the file, `Array.from` of a literal length.
            "rows.slice(0, 10).reduce((acc, r) => [...acc, r.name], []);",
            "events.slice(-5).reduce((acc, e) => ({ ...acc, [e.id]: e }), {});",
            "let cells = []; for (const c of row.slice(-8, -4)) cells = [...cells, c];",
            "const FIELDS = { name: 'string', age: 'number' }; const schema = Object.entries(FIELDS).reduce((acc, [k, t]) => ({ ...acc, [k]: { type: t } }), {});",
            "const ROUTES = Object.freeze({ home: '/', about: '/about' }); let out = []; for (const k of Object.keys(ROUTES)) out = [...out, k];",
            "const days = Array.from({ length: 7 }, (_, i) => i).reduce((acc, d) => [...acc, d + 1], []);",
            "const DEFAULTS = { color: 'red', size: 'md' }; let r = {}; for (const k in DEFAULTS) r = { ...r, [k]: o[k] ?? DEFAULTS[k] };",
            "const D = Object.freeze({ a: 1, ...{ b: 2 } }); let r = {}; for (const k in D) { r = { ...r, [k]: 1 }; }",
            "const SIZES = ['s', 'm']; Array.from(SIZES, f).reduce((acc, d) => [...acc, d], []);",
            // Copies kept short by a test of the accumulator's length, or a batch emptied once
            // it is long.
            "let seen = []; for (const x of xs) { if (seen.length < 5 && !seen.includes(x)) seen = [...seen, x]; }",
            "let acc = []; for (const x of xs) acc = acc.length >= 10 ? acc : [...acc, x];",
            "xs.reduce((acc, x) => (10 <= acc.length ? acc : [...acc, x]), []);",
            "let top = []; for (const x of xs) { if (!(top.length >= 3)) top = [...top, x]; }",
            "let acc = []; for (const x of xs) { if (acc.length > 99 || skip(x)) continue; else acc = [...acc, x]; }",
            "let batch = []; for (const x of xs) { batch = [...batch, x]; if (batch.length >= 100) { out.push(batch); batch = []; } }",
            "let batch = []; while (more()) { batch = [...batch, next()]; if (batch.length > 500) batch = []; }",
            // Fixed keys, and no new key written into the accumulator by the step.
            "xs.reduce((acc, x) => { acc['total'] = 1; acc[0] = x; return { ...acc, n: 1 }; }, {});",
            "xs.reduce((acc, x) => { acc.total += x; return { ...acc, n: 1 }; }, {});",
            "xs.reduce((acc, x) => { Object.assign(acc, { a: 1 }); return { ...acc }; }, {});",
            "xs.reduce((acc, x) => { other[x.k] = 1; return { ...acc, n: 1 }; }, {});",
            "let o = {}; o[k] = 1; for (const x of xs) { o = { ...o, n: x }; }",
            "let o = {}; for (const x of xs) { const c = { ...o, n: x }; o[x.k] = c; }",
            // Copy on first write: once, when the test that reads the accumulator says so.
            "let o = base; for (const x of xs) { if (o === base) o = { ...o }; o[x.k] = x; }",
            "xs.forEach((x) => { if (source === original) source = { ...source }; source[x] = 1; });",
        ];
        let failures = check(fail, &pass, ": Record");
        assert!(failures.is_empty(), "{failures:#?}");
    }

    /// A callback passed to `reduce` by name is judged as the same callback written inline.
    #[test]
    fn a_binding_given_afresh_in_the_step_does_not_accumulate() {
        let fail: &[(&str, &str)] = &[
            // Given afresh only on some passes: the others copy the last copy.
            (
                "let node = {}; for (const x of xs) { if (x.up) node = x.parent; node = { ...node, [x.k]: 1 }; }",
                "...node",
            ),
            // The new value is made from the accumulator itself.
            (
                "let acc = []; for (const x of xs) { acc = acc.filter(Boolean); acc = [...acc, x]; }",
                "...acc",
            ),
            // Given afresh after the copy, which copies the last pass's value.
            (
                "let acc = []; while (go()) { acc = [...acc, next()]; use(acc); acc = acc; }",
                "...acc",
            ),
            // Outside the loop, not in the step.
            (
                "let acc = []; acc = start; for (const x of xs) { acc = [...acc, x]; }",
                "...acc",
            ),
        ];
        let pass = [
            // graphql's `visit`: each pass copies the node it just took.
            "let node = root, parent; do { if (leaving) { node = parent; parent = stack.pop(); if (edited) { node = { ...node }; for (const [k, v] of edits) { node[k] = v; } } } } while (stack);",
            "let acc = []; for (const x of xs) { acc = x.items; acc = [...acc, x]; out.push(acc); }",
            "let o = {}; xs.forEach((x) => { o = x.base, n++; o = { ...o, [x.k]: x.v }; send(o); });",
            "let acc; for (const x of xs) { switch (x.t) { case 1: acc = []; acc = [...acc, x]; use(acc); } }",
        ];
        let failures = check(fail, &pass, ": never");
        assert!(failures.is_empty(), "{failures:#?}");
    }

    #[test]
    fn enum_tables_are_fixed() {
        // `Object.values` of a numeric enum holds its reverse mapping too: 2 members, 4 values.
        let small = "enum Level { Debug, Info } let o = {}; Object.values(Level).forEach((v) => { o = { ...o, [v]: true }; });";
        assert!(lint_with_rule("a.ts", small, RULE).is_empty());
        let members: Vec<String> = (0..9).map(|i| format!("M{i}")).collect();
        let large = format!(
            "enum Level {{ {} }} let o = {{}}; Object.values(Level).forEach((v) => {{ o = {{ ...o, [v]: true }}; }});",
            members.join(", ")
        );
        assert_eq!(lint_with_rule("a.ts", &large, RULE).len(), 1);
    }

    #[test]
    fn named_callbacks() {
        let fail: &[(&str, &str)] = &[
            // A function declaration.
            (
                "function merge(acc, item) { return { ...acc, [item.id]: item }; }\nexport const byId = (items) => items.reduce(merge, {});",
                "...acc",
            ),
            // A `const` bound to an arrow.
            (
                "const addAll = (acc, x) => [...acc, x];\nexport function all(xs) { return xs.reduce(addAll, []); }",
                "...acc",
            ),
            // A `const` bound to a function expression (its own name is another binding).
            (
                "const add = function add2(acc, x) { return [...acc, x]; };\nxs.reduce(add, []);",
                "...acc",
            ),
            // `reduceRight`, a `let` and a `var` never assigned again, parentheses and TS.
            (
                "function add(acc, x) { return [...acc, x]; }\nxs.reduceRight(add, []);",
                "...acc",
            ),
            (
                "let add = (acc, x) => [...acc, x];\nxs.reduce((add), []);",
                "...acc",
            ),
            (
                "var add = (acc, x) => ({ ...acc, ...x });\nxs.reduce(add, {});",
                "...acc",
            ),
            (
                "const add = ((acc: number[], x: number) => [...acc, x]) as Step;\nxs.reduce(add, []);",
                "...acc",
            ),
            // With TypeScript overload signatures.
            (
                "function add(acc: number[], x: number): number[];\nfunction add(acc: any, x: any) { return [...acc, x]; }\nxs.reduce(add, []);",
                "...acc",
            ),
            // Passed before it is declared (a hoisted declaration).
            (
                "export const r = xs.reduce(merge, {});\nfunction merge(acc, x) { if (x.ok) return { ...acc, [x.id]: x }; return acc; }",
                "...acc",
            ),
            // The callback's own recursion (angular's `optionsReducer`).
            (
                "function merge(dst, objs) { if (Array.isArray(objs)) return objs.reduce(merge, dst); return { ...dst, ...objs }; }",
                "...dst",
            ),
            // A Redux-style reducer that is also passed to `reduce`.
            (
                "const reducer = (state, action) => ({ ...state, [action.id]: action });\nexport default reducer;\nexport const replay = (actions, s) => actions.reduce(reducer, s);",
                "...state",
            ),
            // Over a few elements fixed in the text, and over an array of any length.
            (
                "function m(acc, x) { return { ...acc, ...x }; }\n[a, b].reduce(m, {});\nparts.reduce(m, {});",
                "...acc",
            ),
            // A copy of fixed keys of an accumulator the step gives new keys.
            (
                "function count(acc, row) { for (const t of row.tags) acc[t] = (acc[t] || 0) + 1; return { ...acc, total: 1 }; }\nrows.reduce(count, {});",
                "...acc",
            ),
        ];
        let pass = [
            // Not passed to `reduce`.
            "const reducer = (state, action) => ({ ...state, [action.id]: action });\nexport default reducer;\ncreateStore(reducer);",
            "function merge(acc, x) { return [...acc, x]; }\nxs.map(merge);\nreduce(xs, merge);\nxs.reduce(init, merge);",
            // Only over a few elements fixed in the text.
            "function m(acc, x) { return { ...acc, ...x }; }\n[defaults, user, env].reduce(m, {});\nconst LAYERS = [a, b];\nLAYERS.reduceRight(m, {});",
            // Another binding of the name: a parameter, an import, an inner declaration.
            "function merge(acc, x) { return { ...acc, [x]: 1 }; }\nexport function g(xs, merge) { return xs.reduce(merge, {}); }",
            "import { merge } from './merge';\nxs.reduce(merge, {});\nexport function g() { const merge = (acc, x) => [...acc, x]; return merge; }",
            // Assigned again, or declared twice: not always this function.
            "let merge = (acc, x) => [...acc, x];\nmerge = other;\nxs.reduce(merge, []);",
            "var merge = (acc, x) => [...acc, x];\nvar merge = other;\nxs.reduce(merge, []);",
            "function merge(acc, x) { return [...acc, x]; }\nmerge = other;\nxs.reduce(merge, []);",
            "function merge(acc, x) { return [...acc, x]; }\nfunction merge(a) { return a; }\nxs.reduce(merge, []);",
            // A method, not the binding.
            "function merge(acc, x) { return [...acc, x]; }\nconst obj = { merge(acc, x) { return [...acc, x]; } };\nxs.reduce(obj.merge, []);\nxs.reduce(this.merge, []);",
            // The copy does not grow: the same few keys, or the accumulator not first.
            "function tally(acc, x) { return { ...acc, count: acc.count + 1, sum: acc.sum + x }; }\nxs.reduce(tally, { count: 0, sum: 0 });",
            "function tally(acc, x) { acc['total'] = 1; return { ...acc, n: x }; }\nxs.reduce(tally, {});",
            "function add(x, acc) { return [...acc, x]; }\nxs.reduce(add, []);",
            "function add(acc, x) { acc.push(x); return acc; }\nxs.reduce(add, []);",
            // The spread belongs to another function inside the callback.
            "function step(acc, x) { return x.items.map((y) => [...acc, y]); }\nxs.reduce(step, []);",
        ];
        let failures = check(fail, &pass, ": number");
        assert!(failures.is_empty(), "{failures:#?}");
    }

    /// A callback passed by name to several `reduce` calls: one diagnostic per spread, the
    /// first call that can take many steps labelled.
    #[test]
    fn named_callback_labels() {
        let code = "function merge(acc, x) {\n  return { ...acc, [x.id]: x };\n}\n[a, b].reduce(merge, {});\nxs.reduce(merge, {});\nys.reduceRight(merge, {});\n";
        let d = lint_with_rule("a.js", code, RULE);
        let shown: Vec<String> = d
            .iter()
            .map(|d| {
                let mut s = format!("{}:{} {}\n", d.start.line, d.start.column, d.message);
                for l in &d.labels {
                    let line = code[..l.span.start as usize].matches('\n').count() + 1;
                    s.push_str(&format!(
                        "  line {line} `{}`: {}\n",
                        &code[l.span.start as usize..l.span.end as usize],
                        l.message
                    ));
                }
                s
            })
            .collect();
        insta::assert_snapshot!(shown.concat(), @r"
        2:12 the accumulator `acc` is copied into a new object on every `reduce` step: the copies make this quadratic in the input's length
          line 2 `...acc`: the copy of the accumulator
          line 1 `acc`: the accumulator
          line 5 `merge`: `merge` is a `reduce` callback here
        ");
    }

    /// One construct, one diagnostic: at the first copy of the accumulator that counts.
    #[test]
    fn one_diagnostic_per_statement() {
        let cases: &[(&str, &[u32])] = &[
            // A copy of fixed keys counts when the step writes new keys, and is then the first.
            (
                "xs.reduce((acc, x) => { acc[x.k] = 1; return x.ok ? { ...acc } : { ...acc, [x.id]: x }; }, {});",
                &[54],
            ),
            (
                "xs.reduce((acc, x) => { acc.n = 1; return x.ok ? { ...acc } : { ...acc, [x.id]: x }; }, {});",
                &[64],
            ),
            (
                "let out = []; for (const x of xs) out = c ? [...out, ...y] : [...out, x];",
                &[45],
            ),
            (
                "let out = []; for (const x of xs) { out = c ? [...out] : [...out, x]; }",
                &[58],
            ),
            (
                "let out = []; for (const x of xs) out = [...out, ...out];",
                &[41],
            ),
            (
                "let acc = {}; for (const [k, v] of es) acc = c ? { ...acc, [k]: v } : { ...(acc), ...v };",
                &[51],
            ),
            (
                "xs.reduce((acc, x) => x.ok ? [...acc, x] : [...acc, ...x.items], []);",
                &[30],
            ),
            (
                "xs.reduce((acc, x) => { if (x.ok) return [...acc, x]; return [...acc, ...x.items]; }, []);",
                &[42, 62],
            ),
            (
                "let out = []; for (const x of xs) { out = [...out, x]; out = [...out, -x]; }",
                &[43, 62],
            ),
        ];
        let mut failures = Vec::new();
        for (code, want) in cases {
            let d = lint_with_rule("a.js", code, RULE);
            let got: Vec<u32> = d.iter().map(|d| d.span.start).collect();
            if got != *want {
                failures.push(format!("{code}: want {want:?}, got {got:?}"));
            }
        }
        assert!(failures.is_empty(), "{failures:#?}");
    }

    /// The references of the accumulator and of the iterated array are scanned once per
    /// binding, not once per loop (a file with thousands of loops was quadratic).
    #[test]
    fn references_scanned_once_per_binding() {
        let scans = |loops: usize| {
            let code = format!(
                "const arr = [1, 2]; arr.push(3); let acc = [];\n{}",
                "for (const x of arr) { acc = [...acc, x]; }\n".repeat(loops)
            );
            let before = crate::kinds::reference_scans();
            let d = lint_with_rule("a.js", &code, RULE);
            assert_eq!(d.len(), loops, "{code}");
            crate::kinds::reference_scans() - before
        };
        let few = scans(3);
        assert!(few > 0);
        assert_eq!(scans(60), few);
    }

    #[test]
    fn message_names_the_accumulator() {
        let d = lint_with_rule(
            "a.js",
            "xs.reduce((memo, x) => ({ ...memo, [x]: 1 }), {});",
            RULE,
        );
        insta::assert_snapshot!(d.iter().map(|d| format!("{}\nhelp: {}\n", d.message, d.help.as_deref().unwrap_or(""))).collect::<String>(), @r"
        the accumulator `memo` is copied into a new object on every `reduce` step: the copies make this quadratic in the input's length
        help: write into `memo` and keep it (`memo[key] = value`), or build the object once with `Object.fromEntries`
        ");
    }

    /// A copy of fixed keys is labelled with the write that makes it grow.
    #[test]
    fn label_names_the_write() {
        let code = "xs.reduce((acc, x) => { acc[x.tag] = 1; return { ...acc, total: 1 }; }, {});";
        let d = lint_with_rule("a.js", code, RULE);
        let labels: Vec<String> = d
            .iter()
            .flat_map(|d| d.labels.iter())
            .map(|l| {
                format!(
                    "{}: {}",
                    &code[l.span.start as usize..l.span.end as usize],
                    l.message
                )
            })
            .collect();
        insta::assert_snapshot!(labels.join("\n"), @r"
        ...acc: the copy of the accumulator
        acc: the accumulator
        reduce: the `reduce` call
        acc[x.tag] = 1: `acc` gains keys here, so each copy is longer
        ");
    }
}
