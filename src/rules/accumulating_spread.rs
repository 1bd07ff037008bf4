//! `accumulating-spread`: an accumulator re-spread on every step, which makes building it
//! quadratic: a `reduce`/`reduceRight` callback returning `{...acc, …}` or `[...acc, …]`, and
//! `acc = {...acc, …}` / `acc = [...acc, x]` inside a loop or a `forEach` callback over a
//! binding declared outside it.
//!
//! Purely syntactic: the accumulator is a binding (the callback's first parameter, or the
//! assigned variable) and the copy is the literal that spreads it. A callback that pushes into
//! the accumulator and returns it is the linear form and is never flagged. An object copy
//! counts only when it can gain keys (a computed key or another spread): `{...state, a: 1}`
//! in a loop rewrites the same keys and stays linear.
//!
//! A fixed, small number of steps is not an accumulation to worry about: a `reduce` or
//! `forEach` over an array literal of at most [`MAX_FIXED_STEPS`] elements without spreads
//! (written inline, or bound to a never-reassigned binding that nothing in the file adds
//! elements to), a `for…of` over such an array, or a counted `for` loop
//! (`for (let i = 0; i < 3; i++)`) of at most that many passes. A loop around such a loop is
//! still judged.

use oxc_ast::AstKind;
use oxc_ast::ast::{
    ArrayExpressionElement, ArrowFunctionBody, AssignmentOperator, AssignmentTarget,
    BinaryOperator, BindingPattern, Expression, ForStatement, ForStatementInit, ObjectPropertyKind,
    SimpleAssignmentTarget, Statement, UpdateOperator,
};
use oxc_semantic::{AstNode, NodeId, SymbolId};
use oxc_span::{GetSpan, Span as OxcSpan};

use crate::diagnostic::Diagnostic;
use crate::rules::spread_args_overflow::{ARRAY_GROWTH, adds_elements};
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

fn reduce_step(
    name: &str,
    method: &str,
    c: Container,
    spread: OxcSpan,
    call: OxcSpan,
    param: OxcSpan,
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
    .with_label(call, format!("the `{method}` call"))
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
        let Some(container) = container_of(cx, node.id()) else {
            return;
        };
        let container_node = nodes.parent_node(node.id());
        let (value, holder) = climb_value(cx, container_node.id());
        // One statement, one diagnostic: `out = c ? [...out, ...y] : [...out, x]` is reported
        // at its first copy of the accumulator only.
        if earlier_copy(cx, symbol, ident.span, value, holder) {
            return;
        }
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
                );
            }
            _ => {}
        }
    }
}

/// What the literal around the spread `spread_id` is, when it is a copy that adds something:
/// `[...acc]` alone is a plain copy, not accumulation; an object copy grows only when it can
/// gain keys (`{ ...state, weight: 'bold' }` in a loop keeps the same few keys and stays
/// linear; `{ ...acc, [k]: v }` and `{ ...acc, ...other }` grow).
fn container_of(cx: &Ctx<'_, '_>, spread_id: NodeId) -> Option<Container> {
    let parent = cx.nodes().parent_node(spread_id);
    match parent.kind() {
        AstKind::ArrayExpression(a) if a.elements.len() > 1 => Some(Container::Array),
        // Another spread than this one, or a computed key; once per literal (asked per
        // spread, the scan is quadratic in a literal with thousands of properties).
        AstKind::ObjectExpression(o)
            if cx
                .kinds()
                .node_fact("accumulating-spread/object-grows", parent.id(), || {
                    let mut spreads = 0;
                    o.properties.iter().any(|p| match p {
                        ObjectPropertyKind::SpreadProperty(_) => {
                            spreads += 1;
                            spreads > 1
                        }
                        ObjectPropertyKind::ObjectProperty(p) => p.computed,
                    })
                }) =>
        {
            Some(Container::Object)
        }
        _ => None,
    }
}

/// Whether another copy of `symbol` before `ident` makes the same value (`value`, held by
/// `holder`): that one gets the diagnostic.
fn earlier_copy(
    cx: &Ctx<'_, '_>,
    symbol: SymbolId,
    ident: OxcSpan,
    value: OxcSpan,
    holder: NodeId,
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
        container_of(cx, spread.id()).is_some()
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
fn check_reduce(
    cx: &mut Ctx<'_, '_>,
    func: NodeId,
    symbol: SymbolId,
    name: &str,
    c: Container,
    spread: OxcSpan,
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
    let Some(call_id) = callee_of_callback(cx, func, func_span) else {
        return;
    };
    let AstKind::CallExpression(call) = nodes.get_node(call_id).kind() else {
        return;
    };
    let Some(method) = member_name(&call.callee) else {
        return;
    };
    if !matches!(method, "reduce" | "reduceRight") {
        return;
    }
    // `[defaults, user, env].reduce(…, {})`: a few steps, fixed in the text, from a fresh
    // start (an accumulator passed in, `.reduce(f, out)`, may already be long).
    if member_object(&call.callee).is_some_and(|o| fixed_steps(cx, o))
        && call
            .arguments
            .get(1)
            .is_none_or(|a| a.as_expression().is_some_and(is_fresh_start))
    {
        return;
    }
    cx.report(reduce_step(
        name,
        method,
        c,
        spread,
        member_property(&call.callee).map_or(call.span, |(_, span)| span),
        binding.span,
    ));
}

/// The call a function expression is the first argument of (parentheses allowed).
fn callee_of_callback(cx: &Ctx<'_, '_>, func: NodeId, func_span: OxcSpan) -> Option<NodeId> {
    let nodes = cx.nodes();
    let mut cur = func;
    let mut cur_span = func_span;
    loop {
        let parent = nodes.parent_node(cur);
        match parent.kind() {
            AstKind::ParenthesizedExpression(p) => {
                cur_span = p.span;
                cur = parent.id();
            }
            AstKind::CallExpression(call) => {
                let first = call.arguments.first()?;
                return (first.span() == cur_span).then_some(parent.id());
            }
            _ => return None,
        }
    }
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

/// An array literal without spreads, of at most [`MAX_FIXED_STEPS`] elements: what a
/// `reduce`, `forEach` or `for…of` over it steps through is fixed in the text.
fn is_short_literal(e: &Expression<'_>) -> bool {
    match e.get_inner_expression() {
        Expression::ArrayExpression(a) => {
            a.elements.len() as u64 <= MAX_FIXED_STEPS
                && !a
                    .elements
                    .iter()
                    .any(|e| matches!(e, ArrayExpressionElement::SpreadElement(_)))
        }
        _ => false,
    }
}

/// What a `reduce`, `forEach` or `for…of` steps through a fixed, small number of times: a
/// short array literal (see [`is_short_literal`]), inline or through a never-reassigned
/// binding to one (`const COLORS = ['red', 'blue']; COLORS.reduce(…)`) that no reference in
/// the file adds elements to (`COLORS.push(x)`, `COLORS[i] = x`, `COLORS.length = n`).
fn fixed_steps<'a>(cx: &Ctx<'a, '_>, e: &Expression<'a>) -> bool {
    if is_short_literal(e) {
        return true;
    }
    let Expression::Identifier(id) = e.get_inner_expression() else {
        return false;
    };
    let Some(init) = cx.kinds().binding_init(id) else {
        return false;
    };
    if !is_short_literal(init) {
        return false;
    }
    let Some(symbol) = symbol_of(cx, id) else {
        return false;
    };
    // Once per binding and file: asked per loop, the scan is quadratic in a file with
    // thousands of loops over one array.
    cx.kinds()
        .symbol_fact("accumulating-spread/never-grown", symbol, || {
            let scoping = cx.scoping();
            !scoping.get_resolved_reference_ids(symbol).iter().any(|&r| {
                let node = scoping.get_reference(r).node_id();
                adds_elements(node, ARRAY_GROWTH, cx) || aliased(cx, node)
            })
        })
}

/// Whether the identifier reference at `node` is stored under another name (`const b = a`,
/// `b = a`, `o.list = a`), through which elements could be added.
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
fn check_loop(
    cx: &mut Ctx<'_, '_>,
    assign: NodeId,
    symbol: SymbolId,
    name: &str,
    c: Container,
    spread: OxcSpan,
) {
    let decl = cx.scoping().symbol_span(symbol);
    let nodes = cx.nodes();
    let assign_span = nodes.get_node(assign).kind().span();
    if exits_right_after(cx, assign) {
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
                    cx.report(loop_step(
                        name,
                        "`forEach` callback",
                        c,
                        spread,
                        member_property(&call.callee).map_or(call.span, |(_, span)| span),
                        decl,
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
                cx.report(loop_step(name, what, c, spread, head, decl));
            }
            return;
        }
    }
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

fn symbol_of(cx: &Ctx<'_, '_>, ident: &oxc_ast::ast::IdentifierReference<'_>) -> Option<SymbolId> {
    let reference = ident.reference_id.get()?;
    cx.scoping().get_reference(reference).symbol_id()
}

#[cfg(test)]
mod tests {
    use crate::lint::test_util::lint_with_rule;

    const RULE: &str = "accumulating-spread";

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
        ];
        let mut failures = Vec::new();
        for (code, spread) in fail {
            let file = if code.contains(": Record") {
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
        assert!(failures.is_empty(), "{failures:#?}");
    }

    /// One construct, one diagnostic: at the first copy of the accumulator that counts.
    #[test]
    fn one_diagnostic_per_statement() {
        let cases: &[(&str, &[u32])] = &[
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
}
