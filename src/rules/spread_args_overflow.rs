//! `spread-args-overflow`: an array of unbounded length spread as call arguments where the
//! engine turns every element into one argument and throws `RangeError` past its argument
//! limit (about 10^5 in V8 and JavaScriptCore): `Math.max(...xs)`, `Math.min(...xs)`,
//! `String.fromCharCode(...xs)`, `String.fromCodePoint(...xs)`, their `.apply(null, xs)` forms,
//! and with the `methods` option `arr.push(...xs)`, `arr.unshift(...xs)`, `arr.splice(i, n, ...xs)`.
//!
//! Fires on values the inference knows to be arrays (or typed arrays, as long as their
//! buffer) whose length is not bounded. An array literal without spreads, a rest parameter and
//! an array mapped, filtered or sliced from one are bounded, and so are arrays whose source
//! is small after all (`Object.keys/values/entries` of an enum-like object: an object literal
//! written in the file, `Object.freeze` of one, or a TypeScript `enum`; a two-ended `slice`
//! window, or the last few elements `xs.slice(-20)`; `new Array(8)` of a small literal length;
//! a Set or Map built from a bounded array, spread into a literal; `.split(sep, 3)`; copies of `arguments` or a rest parameter: `Array.from(arguments)`,
//! `[...arguments]`, `Array.prototype.slice.call(arguments)`; `Array.from({ length: 7 }, f)`
//! with a literal length up to [`SMALL`], the bound the rule uses for loops and typed arrays).
//! A never-grown binding spread only where a test of its length against a small literal says
//! it is short (`if (xs.length > 10000) throw …`) is bounded too (see [`length_guarded`]).
//! A literal is not bounded when it is grown once per element of a value the rule knows to be
//! long, before the spread: `const xs = []; for (const v of Object.values(o)) xs.push(v);
//! Math.max(...xs)`, and the same in a `forEach`/`map`/… callback or a `for`/`while` loop up to
//! such a value's `length` (see [`loop_growth`]); a loop that compares the array's length or
//! trims it keeps it bounded.
//! With `"unknown": true` the rule also fires on Unknown values and on a literal that keeps
//! growing in any other way: pushed into inside a loop over an Unknown value or inside another
//! function (`const xs = []; for (const r of rows) xs.push(r); Math.max(...xs)` with `rows` a
//! parameter); the default stays with what the inference knows, because such loops are often
//! short for reasons the code does not show (`rows.map(f)` of an Unknown `rows` is not flagged
//! either).

use oxc_ast::AstKind;
use oxc_ast::AstType;
use oxc_ast::ast::{
    Argument, ArrayExpressionElement, AssignmentTarget, CallExpression, Expression,
    LogicalOperator, MemberExpression, ObjectPropertyKind, SimpleAssignmentTarget, Statement,
};
use oxc_semantic::{AstNode, IsGlobalReference};
use oxc_span::GetSpan;
use oxc_syntax::node::NodeId;
use oxc_syntax::operator::BinaryOperator;
use oxc_syntax::symbol::SymbolId;
use serde::Deserialize;

use crate::diagnostic::{Diagnostic, Span};
use crate::kinds::{Kind, Typed};
use crate::rules::accumulating_spread::implies_short;
use crate::rules::{Category, Ctx, FixKind, Rule, RuleMeta, parse_options};

pub static META: RuleMeta = RuleMeta {
    id: "spread-args-overflow",
    category: Category::Suspicious,
    fix: FixKind::None,
    node_types: &[AstType::CallExpression],
    needles: &["...", "apply"],
    docs: include_str!("../../rules/spread-args-overflow.md"),
    create: |opts| {
        let options: Options = parse_options(opts)?;
        Ok(Box::new(SpreadArgsOverflow { options }))
    },
};

/// An array method whose spread arguments the `methods` option adds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Method {
    Push,
    Unshift,
    Splice,
}

impl Method {
    fn name(self) -> &'static str {
        match self {
            Method::Push => "push",
            Method::Unshift => "unshift",
            Method::Splice => "splice",
        }
    }
}

/// The rule's options.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Options {
    /// Array methods whose spread arguments are checked too.
    pub methods: Vec<Method>,
    /// Also flag values whose kind is not known.
    pub unknown: bool,
}

pub struct SpreadArgsOverflow {
    options: Options,
}

/// The function that receives the spread elements as arguments.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Callee {
    /// `Math.max` / `Math.min`.
    Math(&'static str),
    /// `String.fromCharCode` / `String.fromCodePoint`.
    FromChar(&'static str),
    /// `arr.push` and kin (with the `methods` option).
    Method(Method),
}

impl Callee {
    fn display(self) -> String {
        match self {
            Callee::Math(m) => format!("Math.{m}"),
            Callee::FromChar(m) => format!("String.{m}"),
            Callee::Method(m) => format!(".{}", m.name()),
        }
    }

    fn help(self, subject: &str) -> String {
        match self {
            Callee::Math(m) => format!(
                "use a loop or `reduce` instead, e.g. `{subject}.reduce((a, b) => Math.{m}(a, b), {})`",
                if m == "max" { "-Infinity" } else { "Infinity" }
            ),
            Callee::FromChar(_) => {
                "convert in chunks of a few thousand elements, or decode with `TextDecoder`"
                    .to_string()
            }
            Callee::Method(_) => format!(
                "add the elements in a loop (`for (const x of {subject}) arr.push(x)`), or build a new array with `concat`"
            ),
        }
    }
}

impl Rule for SpreadArgsOverflow {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn gate(&self) -> crate::rules::GateSpec {
        use crate::rules::GateSpec;
        let has = |m: Method| self.options.methods.contains(&m);
        GateSpec::SpreadArgsOverflow {
            push: has(Method::Push),
            unshift: has(Method::Unshift),
            splice: has(Method::Splice),
            unknown: self.options.unknown,
        }
    }

    fn check<'a>(&self, node: &AstNode<'a>, cx: &mut Ctx<'a, '_>) {
        let AstKind::CallExpression(call) = node.kind() else {
            return;
        };
        let Some(member) = call.callee.get_inner_expression().as_member_expression() else {
            return;
        };
        // `Math.max.apply(null, xs)` and kin.
        if member.static_property_name() == Some("apply") {
            let Some(inner) = member
                .object()
                .get_inner_expression()
                .as_member_expression()
            else {
                return;
            };
            let Some(callee) = self.callee_of(inner, cx) else {
                return;
            };
            if !apply_receiver_ok(callee, inner, call, cx) {
                return;
            }
            if let Some(Argument::SpreadElement(_)) | None = call.arguments.get(1) {
                return;
            }
            if let Some(array) = call.arguments.get(1).and_then(Argument::as_expression) {
                self.judge(array, array.span().into(), callee, true, node.id(), cx);
            }
            return;
        }
        // `Math.max.call(null, ...xs)`: the spread arguments after the receiver.
        if member.static_property_name() == Some("call")
            && let Some(inner) = member
                .object()
                .get_inner_expression()
                .as_member_expression()
            && let Some(callee) = self.callee_of(inner, cx)
        {
            if apply_receiver_ok(callee, inner, call, cx) {
                for arg in call.arguments.iter().skip(1) {
                    if let Argument::SpreadElement(spread) = arg {
                        self.judge(
                            &spread.argument,
                            spread.span.into(),
                            callee,
                            false,
                            node.id(),
                            cx,
                        );
                    }
                }
            }
            return;
        }
        let Some(callee) = self.callee_of(member, cx) else {
            return;
        };
        for arg in &call.arguments {
            if let Argument::SpreadElement(spread) = arg {
                self.judge(
                    &spread.argument,
                    spread.span.into(),
                    callee,
                    false,
                    node.id(),
                    cx,
                );
            }
        }
    }
}

impl SpreadArgsOverflow {
    /// Which watched function `member` is (`Math.max`, `String.fromCharCode`, `.push` …).
    fn callee_of(&self, member: &MemberExpression<'_>, cx: &Ctx<'_, '_>) -> Option<Callee> {
        let name = member.static_property_name()?;
        let object = member.object().get_inner_expression();
        let global = |n: &str| {
            matches!(object, Expression::Identifier(id)
                if id.name == n && id.is_global_reference(cx.scoping()))
        };
        match name {
            "max" if global("Math") => Some(Callee::Math("max")),
            "min" if global("Math") => Some(Callee::Math("min")),
            "fromCharCode" if global("String") => Some(Callee::FromChar("fromCharCode")),
            "fromCodePoint" if global("String") => Some(Callee::FromChar("fromCodePoint")),
            _ => self
                .options
                .methods
                .iter()
                .copied()
                .find(|m| m.name() == name)
                .map(Callee::Method),
        }
    }

    fn judge<'a>(
        &self,
        value: &Expression<'a>,
        span: Span,
        callee: Callee,
        apply: bool,
        call: NodeId,
        cx: &mut Ctx<'a, '_>,
    ) {
        let typed = cx.kinds().of(value);
        let unbounded = match typed.kind {
            Kind::Array { bounded: false } => {
                !stays_small(value, cx, 0) && !length_guarded(value, call, cx)
            }
            Kind::Array { bounded: true } => {
                if let Some(growth) = loop_growth(value, cx, 0, value.span().start) {
                    let d = known_diagnostic(value, &typed, span, callee, apply, Some(growth), cx);
                    cx.report(d);
                    return;
                }
                self.options.unknown && grows(value, cx, 0)
            }
            // `String.fromCharCode(...new Uint8Array(buffer))`: as long as the buffer.
            Kind::TypedArray => !small_typed_array(value, cx, 0),
            Kind::Unknown => {
                if !self.options.unknown || is_bounded_syntax(value, cx) {
                    return;
                }
                let d = unknown_diagnostic(value, span, callee, apply, cx);
                cx.report(d);
                return;
            }
            _ => false,
        };
        if unbounded {
            let d = known_diagnostic(value, &typed, span, callee, apply, None, cx);
            cx.report(d);
        }
    }
}

/// The `this` argument of an `.apply` form must be what the plain call would use (`null`,
/// `undefined`, or the namespace itself); otherwise it is another call altogether.
fn apply_receiver_ok(
    callee: Callee,
    inner: &MemberExpression<'_>,
    call: &CallExpression<'_>,
    cx: &Ctx<'_, '_>,
) -> bool {
    let Some(this) = call.arguments.first().and_then(Argument::as_expression) else {
        return false;
    };
    let this = this.get_inner_expression();
    match callee {
        Callee::Math(_) | Callee::FromChar(_) => {
            this.is_null()
                || this.is_void_0()
                || matches!(this, Expression::Identifier(id)
                    if (id.name == "undefined" || id.name == "Math" || id.name == "String")
                        && id.is_global_reference(cx.scoping()))
        }
        // `arr.push.apply(arr, xs)`, `Array.prototype.push.apply(arr, xs)`: any receiver.
        Callee::Method(_) => {
            let _ = inner;
            true
        }
    }
}

/// Syntax that cannot be long whatever the inference says: an array literal without spreads,
/// `arguments`, a rest parameter.
fn is_bounded_syntax(value: &Expression<'_>, cx: &Ctx<'_, '_>) -> bool {
    match value.get_inner_expression() {
        Expression::ArrayExpression(a) => !a
            .elements
            .iter()
            .any(|e| matches!(e, ArrayExpressionElement::SpreadElement(_))),
        Expression::Identifier(id) => {
            id.name == "arguments"
                || id
                    .reference_id
                    .get()
                    .and_then(|r| cx.scoping().get_reference(r).symbol_id())
                    .is_some_and(|s| {
                        matches!(
                            cx.nodes().kind(cx.scoping().symbol_declaration(s)),
                            AstKind::FormalParameterRest(_)
                        )
                    })
        }
        _ => false,
    }
}

/// How many bindings and receivers [`grows`] and [`stays_small`] follow.
const MAX_HOPS: u32 = 8;

/// Loop bounds and chunk sizes up to this count as small (well below the argument limit).
const SMALL: f64 = 65_536.0;

/// Whether an array the inference calls bounded (made from an array literal) keeps growing:
/// the binding it comes from gets elements (`push`, `unshift`, `splice`, `x[i] = …`) inside a
/// loop that is not itself small, or inside another function than the one that declared it,
/// and no chunking guard (`if (x.length >= 1024) flush()`) keeps it short.
/// Follows `const` initializers and `.map`/`.filter`/`.slice`/… receivers.
fn grows(value: &Expression<'_>, cx: &Ctx<'_, '_>, hops: u32) -> bool {
    if hops > MAX_HOPS {
        return false;
    }
    match value.get_inner_expression() {
        Expression::Identifier(id) => {
            let Some(symbol) = symbol_of(id, cx) else {
                return false;
            };
            if symbol_grows(symbol, ARRAY_GROWTH, cx, hops) {
                return true;
            }
            match cx.nodes().kind(cx.scoping().symbol_declaration(symbol)) {
                AstKind::VariableDeclarator(d) => d
                    .init
                    .as_ref()
                    .is_some_and(|init| grows(init, cx, hops + 1)),
                _ => false,
            }
        }
        Expression::CallExpression(c) => c
            .callee
            .get_inner_expression()
            .as_member_expression()
            .is_some_and(|m| grows(m.object(), cx, hops + 1)),
        _ => false,
    }
}

/// How an array made from a literal grows with the data: elements added once per iteration of
/// a loop, or once per call of a callback an array method (`forEach`, `map`, …) calls for each
/// element.
#[derive(Clone, Copy, Debug)]
struct Growth {
    /// The call or write that adds the elements (`values.push(v)`, `values[i] = v`).
    site: oxc_span::Span,
    /// What repeats it.
    by: Repeat,
    /// The grown binding, when the value is made from it (`const top = values.map(f)`).
    symbol: SymbolId,
}

#[derive(Clone, Copy, Debug)]
enum Repeat {
    Loop,
    /// A callback of this array method.
    Callback(&'static str),
}

/// Array methods that call their first argument once per element.
const ITERATING: &[&str] = &[
    "forEach",
    "map",
    "flatMap",
    "filter",
    "some",
    "every",
    "find",
    "findIndex",
    "findLast",
    "findLastIndex",
];

/// Whether an array the inference calls bounded (made from an array literal) is grown with the
/// data before `at` (the use) can run: its binding gets elements (see [`growth_site`]) inside a
/// loop that is not itself small, or inside a callback that an array method calls for each
/// element of a value that is not itself small (`rows.forEach((r) => values.push(r.v))`).
/// Not when the loop or callback also compares the array's `length` or takes elements out
/// (`if (buf.length < 10) buf.push(x)`, `buf.length = 0`, `buf.shift()`), nor when a chunking
/// guard anywhere keeps it short; growth in another kind of function (an event handler, an
/// exported `add(v)`) is left to the `unknown` option. Follows `const` initializers and the
/// receivers of `.map`/`.filter`/`.slice`/… (not a two-ended `slice` window).
fn loop_growth(value: &Expression<'_>, cx: &Ctx<'_, '_>, hops: u32, at: u32) -> Option<Growth> {
    if hops > MAX_HOPS {
        return None;
    }
    match value.get_inner_expression() {
        Expression::Identifier(id) => {
            let symbol = symbol_of(id, cx)?;
            if let Some(g) = symbol_loop_growth(symbol, cx, hops, at) {
                return Some(g);
            }
            match cx.nodes().kind(cx.scoping().symbol_declaration(symbol)) {
                AstKind::VariableDeclarator(d) => {
                    let init = d.init.as_ref()?;
                    loop_growth(init, cx, hops + 1, init.span().start)
                }
                _ => None,
            }
        }
        Expression::CallExpression(c) => {
            if is_chunk_slice(c) {
                return None;
            }
            let member = c.callee.get_inner_expression().as_member_expression()?;
            let keeps_length = matches!(
                member.static_property_name()?,
                "map"
                    | "filter"
                    | "slice"
                    | "toSorted"
                    | "toReversed"
                    | "with"
                    | "sort"
                    | "reverse"
                    | "fill"
            );
            if !keeps_length {
                return None;
            }
            loop_growth(member.object(), cx, hops + 1, at)
        }
        _ => None,
    }
}

/// The first reference to `symbol` that grows it in a loop or an element callback, before
/// `at` or in a loop or callback around `at`; see [`loop_growth`].
fn symbol_loop_growth(symbol: SymbolId, cx: &Ctx<'_, '_>, hops: u32, at: u32) -> Option<Growth> {
    // Where the binding grows does not depend on `at`: found once per binding (per use, the
    // scan of every reference is quadratic in a file with thousands of loops over one array).
    let growths = cx
        .kinds()
        .symbol_memo("spread-args-overflow/loop-growth", symbol, hops, || {
            growth_places(symbol, cx, hops)
        });
    growths
        .iter()
        // `Math.max(...xs)` above the loop that fills `xs` sees it before it grows.
        .find(|(g, region)| {
            g.site.start < at || region.contains_inclusive(oxc_span::Span::new(at, at))
        })
        .map(|(g, _)| *g)
}

/// Every reference to `symbol` that grows it in a loop or an element callback, with what
/// repeats it, in reference order; none when a chunking guard keeps it short.
fn growth_places(symbol: SymbolId, cx: &Ctx<'_, '_>, hops: u32) -> Vec<(Growth, oxc_span::Span)> {
    let scoping = cx.scoping();
    let references = scoping.get_resolved_reference_ids(symbol);
    if references
        .iter()
        .any(|&r| is_chunk_guard(scoping.get_reference(r).node_id(), cx))
    {
        return Vec::new();
    }
    let decl = scoping.symbol_declaration(symbol);
    let decl_function = enclosing_function(decl, cx);
    let shortening = shortening_references(symbol, cx);
    let mut places = Vec::new();
    for &reference_id in references {
        let node = scoping.get_reference(reference_id).node_id();
        let Some(site) = growth_site(node, cx) else {
            continue;
        };
        let Some((by, region)) = repeated_region(node, site, decl, decl_function, cx, hops) else {
            continue;
        };
        if kept_short(&shortening, region) {
            continue;
        }
        places.push((Growth { site, by, symbol }, region));
    }
    places
}

/// The call or write through the identifier reference at `node` that adds elements to an
/// array: `x.push(v)`, `x.unshift(v)` (with arguments), `x.splice(i, n, v)` (with items to
/// insert), `x[i] = v` with a key that is not a literal, `x.length = n` with `n` not a literal.
fn growth_site(node: NodeId, cx: &Ctx<'_, '_>) -> Option<oxc_span::Span> {
    let nodes = cx.nodes();
    let parent = unwrap_parents(node, cx);
    match parent.kind() {
        AstKind::StaticMemberExpression(m) => {
            let name = m.property.name.as_str();
            if name == "length" {
                return match nodes.parent_kind(parent.id()) {
                    AstKind::AssignmentExpression(a)
                        if a.left.span() == m.span
                            && !matches!(
                                a.right.get_inner_expression(),
                                Expression::NumericLiteral(_)
                            ) =>
                    {
                        Some(a.span)
                    }
                    AstKind::UpdateExpression(u) if u.argument.span() == m.span => Some(u.span),
                    _ => None,
                };
            }
            let AstKind::CallExpression(c) = nodes.parent_kind(parent.id()) else {
                return None;
            };
            if c.callee.get_inner_expression().span() != m.span {
                return None;
            }
            let spreads = c
                .arguments
                .iter()
                .any(|a| matches!(a, Argument::SpreadElement(_)));
            let adds = match name {
                "push" | "unshift" => !c.arguments.is_empty(),
                "splice" => c.arguments.len() > 2 || spreads,
                _ => false,
            };
            adds.then_some(c.span)
        }
        AstKind::ComputedMemberExpression(m) => {
            if crate::rules::accumulating_spread::is_fixed_key(&m.expression) {
                return None;
            }
            match nodes.parent_kind(parent.id()) {
                AstKind::AssignmentExpression(a) if a.left.span() == m.span => Some(a.span),
                _ => None,
            }
        }
        _ => None,
    }
}

/// The parent of the identifier reference at `node`, past parentheses and TS wrappers.
fn unwrap_parents<'c, 'a>(node: NodeId, cx: &'c Ctx<'a, '_>) -> &'c AstNode<'a> {
    crate::rules::wrapped_parent(cx.nodes(), node).1
}

/// What runs the growth at `site` (the reference `node`) once per element of the data, and the
/// span of that loop or callback call: the nearest loop (not small, not around the
/// declaration `decl`) or element callback (not over a small array) between the reference and
/// the declaring function. `None` when another kind of function comes first.
fn repeated_region(
    node: NodeId,
    site: oxc_span::Span,
    decl: NodeId,
    decl_function: Option<NodeId>,
    cx: &Ctx<'_, '_>,
    hops: u32,
) -> Option<(Repeat, oxc_span::Span)> {
    for ancestor in cx.nodes().ancestors(node) {
        if Some(ancestor.id()) == decl_function {
            return None;
        }
        let kind = ancestor.kind();
        let repeats = match kind {
            AstKind::ForStatement(f) => {
                f.body.span().contains_inclusive(site)
                    || f.test
                        .as_ref()
                        .is_some_and(|t| t.span().contains_inclusive(site))
                    || f.update
                        .as_ref()
                        .is_some_and(|u| u.span().contains_inclusive(site))
            }
            AstKind::ForInStatement(f) => f.body.span().contains_inclusive(site),
            AstKind::ForOfStatement(f) => f.body.span().contains_inclusive(site),
            AstKind::WhileStatement(_) | AstKind::DoWhileStatement(_) => true,
            AstKind::Function(_) | AstKind::ArrowFunctionExpression(_) => {
                let (method, receiver, call) = element_callback(ancestor.id(), cx)?;
                // `['a', 'b'].forEach(…)`, `rows.forEach(…)` of an Unknown `rows`: not known to
                // be long; a loop around it may still be.
                if !long_source(receiver, cx, hops + 1) {
                    continue;
                }
                return Some((Repeat::Callback(method), call));
            }
            _ => false,
        };
        if !repeats {
            continue;
        }
        if ancestor_contains(ancestor.id(), decl, cx) {
            return None;
        }
        if !long_loop(kind, cx, hops) {
            continue;
        }
        return Some((Repeat::Loop, kind.span()));
    }
    None
}

/// A loop that runs once per element of a value known to be long (see [`long_source`]):
/// `for (… of xs)`, `for (… in obj)` over an object that is not enum-like, and a `for`, `while`
/// or `do` loop whose test compares with `xs.length` (directly, through a binding to it, or
/// minus a number: `i < ii - 1`).
fn long_loop(kind: AstKind<'_>, cx: &Ctx<'_, '_>, hops: u32) -> bool {
    let test = match kind {
        AstKind::ForOfStatement(f) => return long_source(&f.right, cx, hops + 1),
        AstKind::ForInStatement(f) => {
            return !matches!(cx.kinds().of(&f.right).kind, Kind::Unknown)
                && !fixed_object(&f.right, cx, hops + 1);
        }
        AstKind::ForStatement(f) => f.test.as_ref(),
        AstKind::WhileStatement(w) => Some(&w.test),
        AstKind::DoWhileStatement(d) => Some(&d.test),
        _ => None,
    };
    let Some(Expression::BinaryExpression(b)) = test.map(Expression::get_inner_expression) else {
        return false;
    };
    matches!(
        b.operator,
        BinaryOperator::LessThan
            | BinaryOperator::LessEqualThan
            | BinaryOperator::GreaterThan
            | BinaryOperator::GreaterEqualThan
            | BinaryOperator::StrictInequality
            | BinaryOperator::Inequality
    ) && (long_length(&b.left, cx, hops + 1) || long_length(&b.right, cx, hops + 1))
}

/// `xs.length` of a value known to be long, a never-reassigned binding to it
/// (`for (let i = 0, ii = xs.length; i < ii; i++)`), or such a length minus a number.
fn long_length(e: &Expression<'_>, cx: &Ctx<'_, '_>, hops: u32) -> bool {
    if hops > MAX_HOPS {
        return false;
    }
    match e.get_inner_expression() {
        Expression::StaticMemberExpression(m) => {
            m.property.name == "length" && long_source(&m.object, cx, hops + 1)
        }
        Expression::BinaryExpression(b) => {
            b.operator == BinaryOperator::Subtraction
                && matches!(
                    b.right.get_inner_expression(),
                    Expression::NumericLiteral(_)
                )
                && long_length(&b.left, cx, hops + 1)
        }
        Expression::Identifier(id) => {
            let Some(symbol) = symbol_of(id, cx) else {
                return false;
            };
            if cx.kinds().is_mutated(symbol) {
                return false;
            }
            match cx.nodes().kind(cx.scoping().symbol_declaration(symbol)) {
                AstKind::VariableDeclarator(d) => d
                    .init
                    .as_ref()
                    .is_some_and(|init| long_length(init, cx, hops + 1)),
                _ => false,
            }
        }
        _ => false,
    }
}

/// A value the rule knows to be long, whose elements a loop or callback may add one by one:
/// an array the rule would flag itself (of unbounded length and not small after all, or a
/// literal that grows), a typed array over a buffer, a generator object, or an iterator over
/// a collection that is not small. An Unknown value is not known to be long: `rows.map(f)`
/// of an Unknown `rows` is not flagged either.
fn long_source(e: &Expression<'_>, cx: &Ctx<'_, '_>, hops: u32) -> bool {
    if hops > MAX_HOPS {
        return false;
    }
    match cx.kinds().of(e).kind {
        Kind::Array { bounded: false } => !stays_small(e, cx, hops + 1),
        Kind::Array { bounded: true } => loop_growth(e, cx, hops + 1, e.span().start).is_some(),
        Kind::TypedArray => !small_typed_array(e, cx, hops + 1),
        Kind::Generator => true,
        Kind::Iterator => !small_iterable(e, cx, hops + 1),
        _ => false,
    }
}

/// When the function at `func` is the first argument of `receiver.method(…)` with `method` one
/// of [`ITERATING`]: the method, the receiver and the call's span.
fn element_callback<'c, 'a>(
    func: NodeId,
    cx: &'c Ctx<'a, '_>,
) -> Option<(&'static str, &'c Expression<'a>, oxc_span::Span)> {
    let nodes = cx.nodes();
    let call = crate::rules::call_of_first_argument(nodes, func, nodes.kind(func).span())?;
    let AstKind::CallExpression(call) = nodes.kind(call) else {
        return None;
    };
    let member = call.callee.get_inner_expression().as_member_expression()?;
    let name = member.static_property_name()?;
    let method = ITERATING.iter().copied().find(|m| *m == name)?;
    Some((method, member.object(), call.span))
}

/// Whether the loop or callback at `region` keeps the array short itself: it compares the
/// array's `length` (`if (buf.length < 10)`, `while (out.length < max)`), resets it
/// (`buf.length = 0`) or takes elements out (`shift`, `pop`, `splice` without items to insert).
fn kept_short(shortening: &[oxc_span::Span], region: oxc_span::Span) -> bool {
    // The references do not overlap: the first one starting in `region` is the only one that
    // can lie inside it whole.
    let first = shortening.partition_point(|s| s.start < region.start);
    shortening
        .get(first)
        .is_some_and(|s| region.contains_inclusive(*s))
}

/// The references to `symbol` that compare its `length`, reset it or take elements out (see
/// [`kept_short`]), sorted by start.
fn shortening_references(symbol: SymbolId, cx: &Ctx<'_, '_>) -> Vec<oxc_span::Span> {
    let scoping = cx.scoping();
    let nodes = cx.nodes();
    let mut spans: Vec<oxc_span::Span> = scoping
        .get_resolved_reference_ids(symbol)
        .iter()
        .filter_map(|&r| {
            let node = scoping.get_reference(r).node_id();
            shortens(node, cx).then(|| nodes.kind(node).span())
        })
        .collect();
    spans.sort_unstable_by_key(|s| s.start);
    spans
}

/// Whether the reference at `node` compares the array's `length`, resets it or takes elements
/// out.
fn shortens(node: NodeId, cx: &Ctx<'_, '_>) -> bool {
    let nodes = cx.nodes();
    let parent = unwrap_parents(node, cx);
    let AstKind::StaticMemberExpression(m) = parent.kind() else {
        return false;
    };
    match (m.property.name.as_str(), nodes.parent_kind(parent.id())) {
        ("length", AstKind::BinaryExpression(b)) => {
            b.operator.is_compare() || b.operator.is_equality()
        }
        ("length", AstKind::AssignmentExpression(a)) => {
            a.left.span() == m.span
                && matches!(
                    a.right.get_inner_expression(),
                    Expression::NumericLiteral(_)
                )
        }
        ("shift" | "pop", AstKind::CallExpression(c)) => {
            c.callee.get_inner_expression().span() == m.span
        }
        ("splice", AstKind::CallExpression(c)) => {
            c.callee.get_inner_expression().span() == m.span && growth_site(node, cx).is_none()
        }
        _ => false,
    }
}

/// Whether an array the inference calls unbounded is small after all because of where it
/// comes from: `Object.keys/values/entries` of an enum-like object (see [`fixed_object`]), the keys of a Map or Set built from an array literal and never added
/// to, and arrays mapped, filtered or sliced from those.
fn stays_small(value: &Expression<'_>, cx: &Ctx<'_, '_>, hops: u32) -> bool {
    if hops > MAX_HOPS {
        return false;
    }
    match value.get_inner_expression() {
        Expression::Identifier(id) => {
            let Some(symbol) = symbol_of(id, cx) else {
                // A function's own `arguments`: as long as the call that made it.
                return id.name == "arguments";
            };
            if cx.kinds().is_mutated(symbol) || symbol_grows(symbol, ARRAY_GROWTH, cx, hops) {
                return false;
            }
            match cx.nodes().kind(cx.scoping().symbol_declaration(symbol)) {
                AstKind::VariableDeclarator(d) => d
                    .init
                    .as_ref()
                    .is_some_and(|init| stays_small(init, cx, hops + 1)),
                // A rest parameter, like `arguments`.
                AstKind::FormalParameterRest(_) => true,
                _ => false,
            }
        }
        Expression::ArrayExpression(a) => a.elements.iter().all(|e| match e {
            ArrayExpressionElement::SpreadElement(s) => small_iterable(&s.argument, cx, hops + 1),
            _ => true,
        }),
        // `new Array(8)` (then `.fill(0)` or `.map(f)` above): as long as its literal length.
        Expression::NewExpression(n) => {
            matches!(n.callee.get_inner_expression(), Expression::Identifier(a)
                if a.name == "Array" && a.is_global_reference(cx.scoping()))
                && matches!(n.arguments.as_slice(), [Argument::NumericLiteral(len)] if len.value <= SMALL)
        }
        Expression::CallExpression(c)
            if matches!(c.callee.get_inner_expression(), Expression::Identifier(a)
                if a.name == "Array" && a.is_global_reference(cx.scoping())) =>
        {
            matches!(c.arguments.as_slice(), [Argument::NumericLiteral(len)] if len.value <= SMALL)
        }
        Expression::CallExpression(c) => {
            let Some(member) = c.callee.get_inner_expression().as_member_expression() else {
                return false;
            };
            let Some(method) = member.static_property_name() else {
                return false;
            };
            if is_chunk_slice(c) || is_tail_slice(c) {
                return true;
            }
            // `time.split(':', 3)`: at most as many parts as the limit.
            if method == "split"
                && matches!(c.arguments.as_slice(), [_, Argument::NumericLiteral(n)] if n.value <= SMALL)
            {
                return true;
            }
            let object = member.object().get_inner_expression();
            let first = c.arguments.first().and_then(Argument::as_expression);
            // `Array.from({ length: 7 }, f)`, `Array.from(arguments)`, `Array.from(small)`.
            if matches!(object, Expression::Identifier(ns) if ns.name == "Array" && ns.is_global_reference(cx.scoping()))
            {
                return method == "from"
                    && first.is_some_and(|a| small_length(a) || small_iterable(a, cx, hops + 1));
            }
            // `Array.prototype.slice.call(arguments)`, `[].slice.call(arguments, 1)`.
            if method == "call"
                && let Some(inner) = object.as_member_expression()
                && inner.static_property_name() == Some("slice")
                && is_array_prototype(inner.object(), cx)
            {
                return first.is_some_and(|a| small_iterable(a, cx, hops + 1));
            }
            if matches!(object, Expression::Identifier(ns) if ns.name == "Object" && ns.is_global_reference(cx.scoping()))
            {
                return matches!(method, "keys" | "values" | "entries")
                    && c.arguments
                        .first()
                        .and_then(Argument::as_expression)
                        .is_some_and(|o| fixed_object(o, cx, hops + 1));
            }
            matches!(
                method,
                "map"
                    | "filter"
                    | "slice"
                    | "toSorted"
                    | "toReversed"
                    | "with"
                    | "sort"
                    | "reverse"
                    | "fill"
            ) && stays_small(object, cx, hops + 1)
        }
        _ => false,
    }
}

/// An iterable that cannot be long: a small array, or `.keys()/.values()/.entries()` of a
/// Map or Set built from an array literal and never added to.
fn small_iterable(value: &Expression<'_>, cx: &Ctx<'_, '_>, hops: u32) -> bool {
    if hops > MAX_HOPS {
        return false;
    }
    if matches!(cx.kinds().of(value).kind, Kind::Array { bounded: true }) && !grows(value, cx, hops)
    {
        return true;
    }
    if stays_small(value, cx, hops) {
        return true;
    }
    // `new Set([a, b, a])`: no more items than the small array it is built from.
    if let Expression::NewExpression(n) = value.get_inner_expression() {
        let is_collection = matches!(n.callee.get_inner_expression(), Expression::Identifier(c)
            if (c.name == "Map" || c.name == "Set") && c.is_global_reference(cx.scoping()));
        return is_collection
            && match n.arguments.first() {
                None => true,
                Some(Argument::SpreadElement(_)) => false,
                Some(arg) => arg
                    .as_expression()
                    .is_some_and(|a| small_iterable(a, cx, hops + 1)),
            };
    }
    let Expression::CallExpression(c) = value.get_inner_expression() else {
        return false;
    };
    let Some(member) = c.callee.get_inner_expression().as_member_expression() else {
        return false;
    };
    if !matches!(
        member.static_property_name(),
        Some("keys" | "values" | "entries")
    ) {
        return false;
    }
    let Expression::Identifier(id) = member.object().get_inner_expression() else {
        return false;
    };
    let Some(symbol) = symbol_of(id, cx) else {
        return false;
    };
    if cx.kinds().is_mutated(symbol) || symbol_grows(symbol, COLLECTION_GROWTH, cx, hops) {
        return false;
    }
    let AstKind::VariableDeclarator(d) = cx.nodes().kind(cx.scoping().symbol_declaration(symbol))
    else {
        return false;
    };
    let Some(Expression::NewExpression(n)) = d.init.as_ref().map(Expression::get_inner_expression)
    else {
        return false;
    };
    let is_collection = matches!(n.callee.get_inner_expression(), Expression::Identifier(c)
        if (c.name == "Map" || c.name == "Set") && c.is_global_reference(cx.scoping()));
    is_collection
        && match n.arguments.first() {
            None => true,
            Some(Argument::SpreadElement(_)) => false,
            Some(arg) => arg
                .as_expression()
                .is_some_and(|a| stays_small(a, cx, hops + 1)),
        }
}

/// An array-like `{ length: 7 }` with a numeric literal length up to [`SMALL`].
fn small_length(value: &Expression<'_>) -> bool {
    let Expression::ObjectExpression(o) = value.get_inner_expression() else {
        return false;
    };
    let mut small = false;
    for p in &o.properties {
        match p {
            ObjectPropertyKind::ObjectProperty(p) if p.key.is_specific_static_name("length") => {
                small = !p.computed && small_number(&p.value);
            }
            ObjectPropertyKind::ObjectProperty(p) if p.computed => return false,
            ObjectPropertyKind::ObjectProperty(_) => {}
            ObjectPropertyKind::SpreadProperty(_) => return false,
        }
    }
    small
}

/// `Array.prototype` or an empty array literal `[]` (whose `slice` is the same method).
fn is_array_prototype(value: &Expression<'_>, cx: &Ctx<'_, '_>) -> bool {
    match value.get_inner_expression() {
        Expression::ArrayExpression(a) => a.elements.is_empty(),
        e => e.as_member_expression().is_some_and(|m| {
            m.static_property_name() == Some("prototype")
                && matches!(m.object().get_inner_expression(), Expression::Identifier(id)
                    if id.name == "Array" && id.is_global_reference(cx.scoping()))
        }),
    }
}

/// `xs.slice(i, i + CHUNK)`, `bytes.subarray(p, p + 128)`: a window with both ends given is
/// how code splits long data into chunks.
fn is_chunk_slice(call: &CallExpression<'_>) -> bool {
    call.arguments.len() == 2
        && !call
            .arguments
            .iter()
            .any(|a| matches!(a, Argument::SpreadElement(_)))
        && call
            .callee
            .get_inner_expression()
            .as_member_expression()
            .and_then(MemberExpression::static_property_name)
            .is_some_and(|m| m == "slice" || m == "subarray")
}

/// Whether the call at `call` runs only where a test of the spread binding's length against
/// a literal up to [`SMALL`] says it is short: in the branch the test allows (`if (xs.length
/// <= 1000) …`, `xs.length > 5000 ? null : Math.max(...xs)`), or after an `if` whose branch
/// leaves the block (`if (xs.length > 10000) throw …;`). The binding must never be reassigned
/// nor grown (`push`, `unshift`, `splice`), so the tested length is the spread one.
fn length_guarded(value: &Expression<'_>, call: NodeId, cx: &Ctx<'_, '_>) -> bool {
    let Expression::Identifier(id) = value.get_inner_expression() else {
        return false;
    };
    let Some(symbol) = symbol_of(id, cx) else {
        return false;
    };
    if cx.kinds().is_mutated(symbol) {
        return false;
    }
    let short =
        |test: &Expression<'_>, want_true: bool| implies_short(cx, symbol, test, want_true, SMALL);
    let nodes = cx.nodes();
    let mut below = nodes.kind(call).span();
    for a in nodes.ancestors(call) {
        let guarded = match a.kind() {
            AstKind::IfStatement(i) if i.consequent.span().contains_inclusive(below) => {
                short(&i.test, true)
            }
            AstKind::IfStatement(i)
                if i.alternate
                    .as_ref()
                    .is_some_and(|e| e.span().contains_inclusive(below)) =>
            {
                short(&i.test, false)
            }
            AstKind::ConditionalExpression(c) if c.consequent.span().contains_inclusive(below) => {
                short(&c.test, true)
            }
            AstKind::ConditionalExpression(c) if c.alternate.span().contains_inclusive(below) => {
                short(&c.test, false)
            }
            AstKind::LogicalExpression(l)
                if l.right.span().contains_inclusive(below)
                    && l.operator != LogicalOperator::Coalesce =>
            {
                short(&l.left, l.operator == LogicalOperator::And)
            }
            AstKind::BlockStatement(b) => exits_when_long(cx, &b.body, below, &short),
            AstKind::FunctionBody(b) => exits_when_long(cx, &b.statements, below, &short),
            AstKind::Function(_) | AstKind::ArrowFunctionExpression(_) | AstKind::Program(_) => {
                return false;
            }
            _ => false,
        };
        if guarded {
            // Anywhere, not only in a loop: `if (xs.length > 10) throw …; xs.push(...more)`.
            return !cx
                .kinds()
                .symbol_fact("spread-args-overflow/ever-grown", symbol, || {
                    cx.scoping()
                        .get_resolved_reference_ids(symbol)
                        .iter()
                        .any(|&r| {
                            adds_elements(cx.scoping().get_reference(r).node_id(), ARRAY_GROWTH, cx)
                        })
                });
        }
        below = a.kind().span();
    }
    false
}

/// How many statements before a spread are looked at for an `if` that leaves when the array
/// is long.
const MAX_EXIT_DISTANCE: usize = 32;

/// Whether a statement before `at` in `stmts` is `if (test) …` without `else` whose branch
/// always leaves (`return`, `throw`, `break`, `continue`, `process.exit(…)`, a call that always
/// throws: [`crate::kinds::Kinds::always_leaves`]), with `test` false only while the array is
/// short.
fn exits_when_long<'a>(
    cx: &Ctx<'a, '_>,
    stmts: &[Statement<'a>],
    at: oxc_span::Span,
    short: &dyn Fn(&Expression<'_>, bool) -> bool,
) -> bool {
    // The statements right before the use (a binary search, and a bounded look-back: a scan
    // of every earlier statement per spread is quadratic in a block of thousands of them).
    let end = stmts.partition_point(|s| s.span().end <= at.start);
    stmts[end.saturating_sub(MAX_EXIT_DISTANCE)..end]
        .iter()
        .any(|s| {
            matches!(s, Statement::IfStatement(i)
                if i.alternate.is_none() && cx.kinds().always_leaves(&i.consequent) && short(&i.test, false))
        })
}

/// `samples.slice(-20)`: the last few elements, at most the literal count.
fn is_tail_slice(call: &CallExpression<'_>) -> bool {
    let [Argument::UnaryExpression(u)] = call.arguments.as_slice() else {
        return false;
    };
    u.operator == oxc_syntax::operator::UnaryOperator::UnaryNegation
        && small_number(&u.argument)
        && call
            .callee
            .get_inner_expression()
            .as_member_expression()
            .and_then(MemberExpression::static_property_name)
            .is_some_and(|m| m == "slice" || m == "subarray")
}

/// A typed array made with a small literal length or from a small array literal:
/// `new Uint8Array(16)`, `new Uint16Array([1, 2])`.
fn small_typed_array(value: &Expression<'_>, cx: &Ctx<'_, '_>, hops: u32) -> bool {
    if hops > MAX_HOPS {
        return false;
    }
    match value.get_inner_expression() {
        Expression::Identifier(id) => {
            let Some(symbol) = symbol_of(id, cx) else {
                return false;
            };
            if cx.kinds().is_mutated(symbol) {
                return false;
            }
            match cx.nodes().kind(cx.scoping().symbol_declaration(symbol)) {
                AstKind::VariableDeclarator(d) => d
                    .init
                    .as_ref()
                    .is_some_and(|init| small_typed_array(init, cx, hops + 1)),
                _ => false,
            }
        }
        Expression::NewExpression(n) => match n.arguments.first() {
            Some(Argument::NumericLiteral(len)) => len.value <= SMALL,
            Some(Argument::CallExpression(c)) => is_chunk_slice(c),
            Some(Argument::ArrayExpression(a)) => !a
                .elements
                .iter()
                .any(|e| matches!(e, ArrayExpressionElement::SpreadElement(_))),
            _ => false,
        },
        _ => false,
    }
}

/// An object with a fixed, written-out set of keys (an enum-like table): an object literal
/// whose spreads are of such objects too (inline, `as const`, `Object.freeze(…)` of one), a
/// never-reassigned binding to one that nothing adds keys to (`table[key] = v`; a frozen one
/// takes no keys anyway), or a TypeScript `enum`.
fn fixed_object(value: &Expression<'_>, cx: &Ctx<'_, '_>, hops: u32) -> bool {
    fixed_key_count(value, cx, hops).is_some()
}

/// The most keys a [`fixed_object`] can have (each property written out, each member of an
/// `enum`, and what its spreads hold), or `None` when the object is not such a table.
pub(crate) fn fixed_key_count(value: &Expression<'_>, cx: &Ctx<'_, '_>, hops: u32) -> Option<u64> {
    if hops > MAX_HOPS {
        return None;
    }
    match value.get_inner_expression() {
        // `{ ...other, x: 1 }` is as long as `other` is, plus its own properties.
        Expression::ObjectExpression(o) => {
            let mut total = 0u64;
            for p in &o.properties {
                total += match p {
                    ObjectPropertyKind::SpreadProperty(s) => {
                        fixed_key_count(&s.argument, cx, hops + 1)?
                    }
                    ObjectPropertyKind::ObjectProperty(_) => 1,
                };
            }
            Some(total)
        }
        Expression::CallExpression(_) => {
            frozen(value, cx).and_then(|o| fixed_key_count(o, cx, hops + 1))
        }
        Expression::Identifier(id) => {
            let symbol = symbol_of(id, cx)?;
            match cx.nodes().kind(cx.scoping().symbol_declaration(symbol)) {
                // A numeric member adds its reverse mapping (`E[0] === 'A'`) too.
                AstKind::TSEnumDeclaration(e) => Some(2 * e.body.members.len() as u64),
                AstKind::VariableDeclarator(d) => {
                    let init = d.init.as_ref()?;
                    if cx.kinds().is_mutated(symbol)
                        || !matches!(d.id, oxc_ast::ast::BindingPattern::BindingIdentifier(_))
                    {
                        return None;
                    }
                    if frozen(init, cx).is_some() {
                        return fixed_key_count(init, cx, hops + 1);
                    }
                    // `table[key] = v` or `table.key = v` anywhere: keys may be added.
                    if !matches!(init.get_inner_expression(), Expression::ObjectExpression(_))
                        || cx.kinds().symbol_fact(
                            "spread-args-overflow/member-written",
                            symbol,
                            || {
                                cx.scoping()
                                    .get_resolved_reference_ids(symbol)
                                    .iter()
                                    .any(|&r| {
                                        member_written(cx.scoping().get_reference(r).node_id(), cx)
                                    })
                            },
                        )
                    {
                        return None;
                    }
                    fixed_key_count(init, cx, hops + 1)
                }
                _ => None,
            }
        }
        _ => None,
    }
}

/// The argument of `Object.freeze(x)` (the global `Object`).
fn frozen<'b, 'a>(value: &'b Expression<'a>, cx: &Ctx<'_, '_>) -> Option<&'b Expression<'a>> {
    let Expression::CallExpression(c) = value.get_inner_expression() else {
        return None;
    };
    let member = c.callee.get_inner_expression().as_member_expression()?;
    let is_freeze = member.static_property_name() == Some("freeze")
        && matches!(member.object().get_inner_expression(), Expression::Identifier(o)
            if o.name == "Object" && o.is_global_reference(cx.scoping()));
    if !is_freeze || c.arguments.len() != 1 {
        return None;
    }
    c.arguments[0].as_expression()
}

/// Whether the identifier at `node` is the object of an assigned member (`x.a = …`, `x[k] = …`).
fn member_written(node: NodeId, cx: &Ctx<'_, '_>) -> bool {
    let parent = cx.nodes().parent_node(node);
    match parent.kind() {
        AstKind::StaticMemberExpression(m) => is_assigned(parent.id(), m.span, cx),
        AstKind::ComputedMemberExpression(m) => is_assigned(parent.id(), m.span, cx),
        _ => false,
    }
}

fn symbol_of(id: &oxc_ast::ast::IdentifierReference<'_>, cx: &Ctx<'_, '_>) -> Option<SymbolId> {
    id.reference_id
        .get()
        .and_then(|r| cx.scoping().get_reference(r).symbol_id())
}

/// Methods that add elements to an array.
pub(crate) const ARRAY_GROWTH: &[&str] = &["push", "unshift", "splice"];
/// Methods that add entries to a Map or Set.
const COLLECTION_GROWTH: &[&str] = &["set", "add"];

/// Whether some reference to `symbol` adds elements (through one of `methods`, or an indexed
/// write) in a loop that is not small, or in another function than the declaration's.
fn symbol_grows(symbol: SymbolId, methods: &[&str], cx: &Ctx<'_, '_>, hops: u32) -> bool {
    // Once per binding, method list and depth: asked per spread, the scan of every reference
    // is quadratic in a file with thousands of `Math.max(...xs)`.
    let tag = if methods == ARRAY_GROWTH {
        "spread-args-overflow/array-grows"
    } else if methods == COLLECTION_GROWTH {
        "spread-args-overflow/collection-grows"
    } else {
        return scan_symbol_grows(symbol, methods, cx, hops);
    };
    cx.kinds().symbol_fact_at(tag, symbol, hops, || {
        scan_symbol_grows(symbol, methods, cx, hops)
    })
}

fn scan_symbol_grows(symbol: SymbolId, methods: &[&str], cx: &Ctx<'_, '_>, hops: u32) -> bool {
    let scoping = cx.scoping();
    let nodes = cx.nodes();
    let references = scoping.get_resolved_reference_ids(symbol);
    if references
        .iter()
        .any(|&r| is_chunk_guard(scoping.get_reference(r).node_id(), cx))
    {
        return false;
    }
    let decl = scoping.symbol_declaration(symbol);
    let decl_function = enclosing_function(decl, cx);
    for &reference_id in references {
        let ref_node = scoping.get_reference(reference_id).node_id();
        if !adds_elements(ref_node, methods, cx) {
            continue;
        }
        if enclosing_function(ref_node, cx) != decl_function {
            return true;
        }
        // A loop between the reference and the declaration, unless it is small.
        for ancestor in nodes.ancestors(ref_node) {
            if Some(ancestor.id()) == decl_function {
                break;
            }
            let is_loop = matches!(
                ancestor.kind(),
                AstKind::ForStatement(_)
                    | AstKind::ForInStatement(_)
                    | AstKind::ForOfStatement(_)
                    | AstKind::WhileStatement(_)
                    | AstKind::DoWhileStatement(_)
            );
            if is_loop
                && !ancestor_contains(ancestor.id(), decl, cx)
                && !small_loop(ancestor.kind(), cx, hops)
            {
                return true;
            }
        }
    }
    false
}

/// A loop that runs a small number of times: `for (…; i < 16; …)` with a numeric bound, or
/// `for (… of xs)` over a small array.
fn small_loop(kind: AstKind<'_>, cx: &Ctx<'_, '_>, hops: u32) -> bool {
    match kind {
        AstKind::ForStatement(f) => match f.test.as_ref().map(Expression::get_inner_expression) {
            Some(Expression::BinaryExpression(b)) => {
                matches!(
                    b.operator,
                    BinaryOperator::LessThan | BinaryOperator::LessEqualThan
                ) && small_number(&b.right)
                    || matches!(
                        b.operator,
                        BinaryOperator::GreaterThan | BinaryOperator::GreaterEqualThan
                    ) && small_number(&b.left)
            }
            _ => false,
        },
        AstKind::ForOfStatement(f) => small_iterable(&f.right, cx, hops + 1),
        _ => false,
    }
}

fn small_number(expr: &Expression<'_>) -> bool {
    matches!(expr.get_inner_expression(), Expression::NumericLiteral(n) if n.value <= SMALL)
}

/// `if (x.length >= 1024) flush()`: the array is emptied in chunks, so it stays short.
fn is_chunk_guard(node: NodeId, cx: &Ctx<'_, '_>) -> bool {
    let nodes = cx.nodes();
    let parent = nodes.parent_node(node);
    let AstKind::StaticMemberExpression(m) = parent.kind() else {
        return false;
    };
    if m.property.name != "length" {
        return false;
    }
    let AstKind::BinaryExpression(b) = nodes.parent_kind(parent.id()) else {
        return false;
    };
    let chunk = |e: &Expression<'_>| {
        matches!(e.get_inner_expression(), Expression::NumericLiteral(n)
            if n.value >= 16.0 && n.value <= SMALL)
    };
    let length_left = b.left.span() == m.span;
    match b.operator {
        BinaryOperator::GreaterThan | BinaryOperator::GreaterEqualThan => {
            length_left && chunk(&b.right)
        }
        BinaryOperator::LessThan | BinaryOperator::LessEqualThan => !length_left && chunk(&b.left),
        BinaryOperator::StrictEquality | BinaryOperator::Equality => {
            chunk(&b.left) || chunk(&b.right)
        }
        _ => false,
    }
}

/// Whether the node `outer` contains the node `inner`.
fn ancestor_contains(outer: NodeId, inner: NodeId, cx: &Ctx<'_, '_>) -> bool {
    cx.nodes().ancestor_ids(inner).any(|a| a == outer)
}

/// The nearest function or arrow around a node (`None` at the top level).
fn enclosing_function(node: NodeId, cx: &Ctx<'_, '_>) -> Option<NodeId> {
    cx.nodes().ancestors(node).find_map(|a| {
        matches!(
            a.kind(),
            AstKind::Function(_) | AstKind::ArrowFunctionExpression(_)
        )
        .then(|| a.id())
    })
}

/// Whether the identifier reference at `node` is used to add elements: `x.push(…)` (one of
/// `methods`), `x[i] = …`, `x.length = …`.
pub(crate) fn adds_elements(node: NodeId, methods: &[&str], cx: &Ctx<'_, '_>) -> bool {
    let nodes = cx.nodes();
    let (_, parent) = crate::rules::wrapped_parent(nodes, node);
    let member_span = match parent.kind() {
        AstKind::StaticMemberExpression(m) => {
            let name = m.property.name.as_str();
            if name == "length" {
                return is_assigned(parent.id(), m.span, cx);
            }
            if !methods.contains(&name) {
                return false;
            }
            m.span
        }
        AstKind::ComputedMemberExpression(m) => return is_assigned(parent.id(), m.span, cx),
        _ => return false,
    };
    matches!(nodes.parent_kind(parent.id()), AstKind::CallExpression(c) if c.callee.span() == member_span)
}

/// Whether the member expression at `node` is the target of an assignment.
fn is_assigned(node: NodeId, span: oxc_span::Span, cx: &Ctx<'_, '_>) -> bool {
    match cx.nodes().parent_kind(node) {
        AstKind::AssignmentExpression(a) => match &a.left {
            AssignmentTarget::StaticMemberExpression(m) => m.span == span,
            AssignmentTarget::ComputedMemberExpression(m) => m.span == span,
            _ => false,
        },
        AstKind::UpdateExpression(u) => matches!(
            &u.argument,
            SimpleAssignmentTarget::StaticMemberExpression(m) if m.span == span
        ),
        _ => false,
    }
}

fn where_(callee: Callee, apply: bool) -> String {
    if apply {
        format!("passing it to `{}.apply`", callee.display())
    } else {
        format!("spreading it into `{}`", callee.display())
    }
}

fn known_diagnostic<'a>(
    value: &Expression<'a>,
    typed: &Typed,
    span: Span,
    callee: Callee,
    apply: bool,
    growth: Option<Growth>,
    cx: &Ctx<'a, '_>,
) -> Diagnostic {
    let kinds = cx.kinds();
    let subject = kinds.subject(value);
    let by = |g: Growth| match g.by {
        Repeat::Loop => ("a loop".to_string(), "iteration".to_string()),
        Repeat::Callback(m) => (format!("a `{m}` callback"), format!("`{m}` call")),
    };
    let length = match growth {
        Some(g) => {
            let name = format!("`{}`", cx.scoping().symbol_name(g.symbol));
            let grows = format!(
                "grows in {} (line {})",
                by(g).0,
                kinds.line_of(g.site.start)
            );
            if name == subject {
                format!(" that {grows}")
            } else {
                format!(", made from {name}, which {grows}")
            }
        }
        None if matches!(typed.kind, Kind::Array { bounded: true }) => {
            " that keeps growing".to_string()
        }
        None => " of unbounded length".to_string(),
    };
    let described = kinds.describe(&subject, typed, false);
    let mut d = Diagnostic::new(
        META.id,
        span,
        format!(
            "{described}{length}: {} makes one argument per element, and engines throw a RangeError past about 100,000 arguments",
            where_(callee, apply)
        ),
    )
    .with_label(span, "every element becomes an argument");
    let origin = &typed.origin;
    if origin.span != span && origin.span != Span::default() && !origin.label.is_empty() {
        d = d.with_label(origin.span, origin.label.clone());
    }
    if let Some(g) = growth {
        d = d.with_label(g.site, format!("grown here on every {}", by(g).1));
    }
    d.with_help(callee.help(&help_subject(&subject)))
}

fn unknown_diagnostic<'a>(
    value: &Expression<'a>,
    span: Span,
    callee: Callee,
    apply: bool,
    cx: &Ctx<'a, '_>,
) -> Diagnostic {
    let subject = cx.kinds().subject(value);
    Diagnostic::new(
        META.id,
        span,
        format!(
            "{subject} may be a long array: {} makes one argument per element, and engines throw a RangeError past about 100,000 arguments",
            where_(callee, apply)
        ),
    )
    .with_label(span, "every element becomes an argument")
    .with_help(callee.help(&help_subject(&subject)))
}

/// The subject without its backquotes, for code in help lines.
fn help_subject(subject: &str) -> String {
    subject
        .strip_prefix('`')
        .and_then(|s| s.strip_suffix('`'))
        .map_or_else(|| "xs".to_string(), str::to_string)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use crate::lint::test_util::lint_with_rule_options;

    const ID: &str = "spread-args-overflow";

    fn check(cases: &[(&str, &[(u32, u32)])], options: Option<serde_json::Value>) -> Vec<String> {
        let mut failures = Vec::new();
        for (code, want) in cases {
            let d = lint_with_rule_options("a.ts", code, ID, options.as_ref());
            let got: Vec<(u32, u32)> = d.iter().map(|d| (d.start.line, d.start.column)).collect();
            if got != *want {
                failures.push(format!("{code}\n  want {want:?}, got {d:#?}"));
            }
        }
        failures
    }

    #[test]
    fn default_options() {
        let cases: &[(&str, &[(u32, u32)])] = &[
            // Fails.
            (
                "const xs = Object.values(scores);\nconst top = Math.max(...xs);",
                &[(2, 22)],
            ),
            ("const m = Math.min(...Array.from(set));", &[(1, 20)]),
            (
                "const s = String.fromCharCode(...str.split('').map(Number));",
                &[],
            ),
            (
                "const codes = 'abc'.split('');\nconst s = String.fromCodePoint(...codes);",
                &[(2, 32)],
            ),
            (
                "function f(xs: number[]) { return Math.max(...xs); }",
                &[(1, 44)],
            ),
            (
                "function f(xs: Readonly<number[]>) { return Math.max(...xs); }",
                &[(1, 54)],
            ),
            (
                "function f(xs: Readonly<[number, number]>) { return Math.max(...xs); }",
                &[],
            ),
            (
                "function f(xs: number[]) { return Math.max.apply(null, xs); }",
                &[(1, 56)],
            ),
            (
                "function f(xs: number[]) { return Math.max.apply(Math, xs); }",
                &[(1, 56)],
            ),
            (
                "function f(xs: number[]) { return Math.min.call(null, ...xs); }",
                &[(1, 55)],
            ),
            (
                "function f(xs: number[]) { return Math.min.call(ctx, ...xs); }",
                &[],
            ),
            (
                "function f(b: Array<number>) { return String.fromCharCode.apply(undefined, b.map(x => x)); }",
                &[(1, 76)],
            ),
            (
                "const xs = [];\nfor (const r of rows) xs.push(r.n);\nMath.max(...xs);",
                &[],
            ),
            // Bounded by construction: the last few elements, a literal-length `new Array`, a
            // Set of a small literal.
            (
                "function f(samples: number[]) { return Math.max(...samples.slice(-20)); }",
                &[],
            ),
            (
                "function f(ds: Date[]) { return Math.max(...ds.slice(-5).map((d) => d.getTime())); }",
                &[],
            ),
            ("const xs = new Array(4).fill(0);\nMath.max(...xs);", &[]),
            ("Math.max(...Array(8).fill(1).map(f));", &[]),
            ("const xs = [...new Set([1, 2, 2])];\nMath.max(...xs);", &[]),
            // Spread only where a test of its length says it is short; a split with a limit.
            // An exit is any statement that always leaves (the guards' rule, shared).
            (
                "function f(values: number[]) {\n  if (values.length > 10000) { log('big'); process.exit(1); }\n  return Math.max(...values);\n}",
                &[],
            ),
            (
                "function fail(m: string): never { throw new Error(m); }\nfunction f(values: number[]) {\n  if (values.length > 10000) fail('too many');\n  return Math.max(...values);\n}",
                &[],
            ),
            (
                "function f(points: { x: number }[]) {\n  const xs = points.map((p) => p.x);\n  if (xs.length > 10000) throw new Error('too many');\n  return Math.max(...xs);\n}",
                &[],
            ),
            (
                "function f(dates: Date[]) {\n  const ts = dates.map((d) => +d);\n  return ts.length > 5000 ? null : Math.min(...ts);\n}",
                &[],
            ),
            (
                "function f(values: number[]) {\n  if (values.length <= 1000) {\n    return Math.max(...values);\n  }\n  return 0;\n}",
                &[],
            ),
            (
                "function f(values: number[]) {\n  return values.length < 100 && Math.max(...values);\n}",
                &[],
            ),
            (
                "function f(values: number[], out: number[]) {\n  for (const v of values) {\n    if (values.length >= 64 || !v) continue;\n    out.push(Math.max(...values));\n  }\n}",
                &[],
            ),
            (
                "function f(s: string) { return Math.max(...s.split(':', 3).map(Number)); }",
                &[],
            ),
            // Still unbounded: a test that does not leave, a variable or too large limit, the
            // wrong branch, an array grown after the test, a use in a closure made before it,
            // a split without a limit.
            (
                "function f(values: number[]) {\n  if (values.length > 10000) console.warn('big');\n  return Math.max(...values);\n}",
                &[(3, 19)],
            ),
            (
                "function f(values: number[], limit: number) {\n  if (values.length > limit) throw new Error('x');\n  return Math.max(...values);\n}",
                &[(3, 19)],
            ),
            (
                "function f(values: number[]) {\n  if (values.length > 1e6) throw new Error('x');\n  return Math.max(...values);\n}",
                &[(3, 19)],
            ),
            (
                "function f(values: number[]) {\n  if (values.length > 10) return Math.max(...values);\n  return 0;\n}",
                &[(2, 43)],
            ),
            (
                "function f(values: number[]) {\n  if (values.length > 10) throw new Error('x');\n  values.push(...values);\n  return Math.max(...values);\n}",
                &[(4, 19)],
            ),
            (
                "function f(values: number[]) {\n  const run = () => Math.max(...values);\n  if (values.length > 10) throw new Error('x');\n  return run();\n}",
                &[(2, 30)],
            ),
            (
                "function f(s: string) { return Math.max(...s.split(':').map(Number)); }",
                &[(1, 41)],
            ),
            // Still unbounded: a tail or a length that the text does not fix or fixes too long.
            (
                "function f(samples: number[]) { return Math.max(...samples.slice(2)); }",
                &[(1, 49)],
            ),
            (
                "function f(samples: number[], n: number) { return Math.max(...samples.slice(-n)); }",
                &[(1, 60)],
            ),
            (
                "function f(samples: number[]) { return Math.max(...samples.slice(-100000)); }",
                &[(1, 49)],
            ),
            (
                "const xs = new Array(n).fill(0);\nMath.max(...xs);",
                &[(2, 10)],
            ),
            (
                "const xs = new Array(200000).fill(0);\nMath.max(...xs);",
                &[(2, 10)],
            ),
            (
                "const xs = [...new Set(Object.values(o))];\nMath.max(...xs);",
                &[(2, 10)],
            ),
            (
                "const xs = [];\nexport function add(v) { xs.push(v); }\nexport const top = () => Math.max(...xs.map(Math.abs));",
                &[],
            ),
            (
                "const xs = [];\nlet i = 0;\nwhile (i < n) { xs[i] = i; i++; }\nMath.min(...xs.slice(1));",
                &[],
            ),
            (
                "const keys = Object.keys(obj);\nconst m = Math.max(0, ...keys.map(Number), 1);",
                &[(2, 23)],
            ),
            // `Array.from` of a long or unknown length, or of a copied `arguments`.
            (
                "const m = Math.max(...Array.from({ length: n }, (_, i) => f(i)));",
                &[(1, 20)],
            ),
            (
                "const m = Math.max(...Array.from({ length: 100000 }, (_, i) => f(i)));",
                &[(1, 20)],
            ),
            (
                "const m = Math.max(...Array.from({ length: 7, ...o }, f));",
                &[(1, 20)],
            ),
            (
                "const m = Math.max(...Array.from({ length: 7, ['len' + 'gth']: n }, f));",
                &[(1, 20)],
            ),
            (
                "function h() { const a = Array.from(arguments); for (const m of more) a.push(m); return Math.max(...a); }",
                &[(1, 98)],
            ),
            (
                "function h() { return Math.max(...Object.prototype.slice.call(arguments)); }",
                &[],
            ),
            // Passes.
            // A small literal length, and copies of `arguments` or a rest parameter: as long
            // as the call that made them.
            (
                "export const weekMax = (f) => Math.max(...Array.from({ length: 7 }, (_, i) => f(i)));",
                &[],
            ),
            (
                "const m = Math.min(...Array.from({ length: 65536 }).map(g));",
                &[],
            ),
            (
                "export function h() { const a = Array.from(arguments); return Math.max(...a); }",
                &[],
            ),
            (
                "function h() { return Math.max(...Array.from(arguments, Number)); }",
                &[],
            ),
            ("function h() { return Math.max(...[...arguments]); }", &[]),
            (
                "function h() { return Math.max(...Array.prototype.slice.call(arguments)); }",
                &[],
            ),
            (
                "function h() { return String.fromCharCode.apply(null, [].slice.call(arguments, 1)); }",
                &[],
            ),
            (
                "function h(...xs: number[]) { const ys = Array.from(xs); return Math.max(...ys); }",
                &[],
            ),
            (
                "function h(...xs: number[]) { return Math.max(...[...xs].map(Math.abs)); }",
                &[],
            ),
            ("Math.max(...[1, 2, 3]);", &[]),
            ("const pair = [a, b];\nMath.max(...pair);", &[]),
            ("const xs = [];\nxs.push(1, 2);\nMath.max(...xs);", &[]),
            ("function f(...xs) { return Math.max(...xs); }", &[]),
            (
                "function f(...xs) { return Math.max(...xs.map((x) => x * 2)); }",
                &[],
            ),
            ("function f(xs) { return Math.max(...xs); }", &[]),
            ("Math.max(...unknown);", &[]),
            (
                "const Math = lib;\nconst xs = Object.values(o);\nMath.max(...xs);",
                &[],
            ),
            ("const xs = Object.values(o);\nfoo.max(...xs);", &[]),
            (
                "const xs = Object.values(o);\nMath.max.apply(ctx, xs);",
                &[],
            ),
            ("const xs = Object.values(o);\narr.push(...xs);", &[]),
            ("const s = new Set(x);\nMath.max(...s);", &[]),
            // Typed arrays are as long as their buffer.
            (
                "const b64 = btoa(String.fromCharCode(...new Uint8Array(buffer)));",
                &[(1, 38)],
            ),
            (
                "const bytes = new Uint8Array(await file.arrayBuffer());\nString.fromCharCode.apply(null, bytes);",
                &[(2, 33)],
            ),
            (
                "const h = new Uint8Array(32);\nString.fromCharCode(...h);",
                &[],
            ),
            ("String.fromCharCode(...new Uint8Array([104, 105]));", &[]),
            (
                "const b = new Uint8Array(buffer);\nString.fromCharCode.apply(null, new Uint16Array(b.subarray(p, p + 128)));",
                &[],
            ),
            (
                "const xs = Object.values(o);\nfor (let i = 0; i < xs.length; i += 1000) out.push(Math.max(...xs.slice(i, i + 1000)));",
                &[],
            ),
            ("const s = 'abc';\nString.fromCharCode(...s);", &[]),
            // Enum-like tables, keyword maps, small loops and chunked buffers stay small.
            (
                "const Versions = { A: 1, B: 2 } as const;\nconst v = Math.max(...Object.values(Versions));",
                &[],
            ),
            (
                "const Ids = { a: { id: 1 }, b: { id: 2 } };\nconst n = Math.max(...Object.values(Ids).map(({ id }) => id));",
                &[],
            ),
            (
                "const V = { A: 1 };\nV[k] = 2;\nMath.max(...Object.values(V));",
                &[(3, 10)],
            ),
            // Inline literals, frozen ones, spreads of fixed tables, enums.
            ("Math.max(...Object.values({ x: 1, y: 2 }));", &[]),
            (
                "String.fromCharCode(...Object.keys({ a: 1 }).map((k) => k.charCodeAt(0)));",
                &[],
            ),
            (
                "const E = Object.freeze({ A: 1, B: 2 });\nMath.max(...Object.values(E));",
                &[],
            ),
            (
                "const E = Object.freeze({ A: 1 });\nE[k] = 3;\nMath.max(...Object.values(E));",
                &[],
            ),
            (
                "const X = { A: 1 };\nconst Y = { ...X, B: 2 };\nMath.max(...Object.values(Y));",
                &[],
            ),
            (
                "enum Level { Low = 1, High = 3 }\nMath.max(...Object.values(Level).filter((v) => typeof v === 'number'));",
                &[],
            ),
            (
                "const L = { a: 1 } satisfies Record<string, number>;\nMath.min(...Object.values(L).slice(1));",
                &[],
            ),
            // A spread of something else, or a reassigned binding, may be any size.
            (
                "Math.max(...Object.values({ ...other, x: 1 }));",
                &[(1, 10)],
            ),
            (
                "const V = { A: 1, ...other };\nMath.max(...Object.values(V));",
                &[(2, 10)],
            ),
            (
                "let V = { A: 1 };\nV = big;\nMath.max(...Object.values(V));",
                &[(3, 10)],
            ),
            (
                "const m = new Map([['a', 1], ['b', 2]]);\nconst ks = [...m.keys()].map((k) => k.length);\nMath.min(...ks);",
                &[],
            ),
            (
                "const m = new Map();\nfor (const r of rows) m.set(r.k, r);\nconst ks = [...m.keys()];\nMath.min(...ks);",
                &[(4, 10)],
            ),
            (
                "const s = [];\nfor (let j = 0; j < 16; j++) s[j] = read(j);\nString.fromCharCode.apply(null, s);",
                &[],
            ),
            (
                "var codes = [];\nfunction add(c) { codes.push(c); if (codes.length >= 1024) flush(); }\nfunction flush() { out += String.fromCharCode.apply(undefined, codes); codes.length = 0; }",
                &[],
            ),
            (
                "const NAMES = ['a', 'b'];\nconst idx = [];\nfor (const n of NAMES) idx.push(n.length);\nMath.min(...idx);",
                &[],
            ),
        ];
        let failures = check(cases, None);
        assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    }

    /// An array literal grown once per element of a value known to be long is not bounded.
    #[test]
    fn literal_grown_in_a_loop() {
        const SRC: &str = "const src = Object.values(o);\nconst xs = [];\n";
        let cases: &[(&str, &[(u32, u32)])] = &[
            // Fails: a loop or element callback over a long value, before the spread.
            (
                "for (const v of src) xs.push(v.n);\nMath.max(...xs);",
                &[(4, 10)],
            ),
            (
                "for (let i = 0, n = src.length; i < n; i++) xs.push(src[i]);\nMath.max(...xs);",
                &[(4, 10)],
            ),
            (
                "let i = 0;\nwhile (i < src.length - 1) { xs[i] = src[i]; i++; }\nString.fromCharCode.apply(null, xs);",
                &[(5, 33)],
            ),
            (
                "let i = 0;\ndo { xs[xs.length] = src[i++]; } while (src.length > i);\nMath.min(...xs);",
                &[(5, 10)],
            ),
            (
                "src.forEach((v) => xs.push(v));\nMath.min(...xs);",
                &[(4, 10)],
            ),
            (
                "src.map((v) => { xs.unshift(v); return v; });\nMath.min(...xs);",
                &[(4, 10)],
            ),
            (
                "for (const v of src) xs.splice(0, 0, v);\nMath.max(...xs);",
                &[(4, 10)],
            ),
            (
                "for (const v of src) xs.push(v);\nconst ys = xs.map(Math.abs);\nMath.max(...ys);",
                &[(5, 10)],
            ),
            (
                "for (const v of src) xs.push(v);\nMath.max(...xs.filter(Boolean).slice(1));",
                &[(4, 10)],
            ),
            // The spread in the loop sees the elements of earlier iterations.
            (
                "for (const v of src) { out.push(Math.max(...xs)); xs.push(v); }",
                &[(3, 42)],
            ),
            // A loop in another function, and a loop around a small one.
            (
                "function fill() { for (const v of src) xs.push(v); }\nfill();\nMath.max(...xs);",
                &[(5, 10)],
            ),
            (
                "for (const v of src) for (let k = 0; k < 3; k++) xs.push(v + k);\nMath.max(...xs);",
                &[(4, 10)],
            ),
            (
                "for (const v of src) ['a', 'b'].forEach((k) => xs.push(v[k]));\nMath.max(...xs);",
                &[(4, 10)],
            ),
            // Generators, typed arrays, iterators of a grown Map, a grown literal, `for…in`.
            (
                "function* lines(t) { yield* t.split('\\n'); }\nfor (const l of lines(text)) xs.push(l.length);\nMath.max(...xs);",
                &[(5, 10)],
            ),
            (
                "for (const b of new Uint8Array(buf)) xs.push(b);\nString.fromCharCode(...xs);",
                &[(4, 21)],
            ),
            (
                "const m = new Map();\nfor (const v of src) m.set(v.k, v);\nfor (const k of m.keys()) xs.push(k.length);\nMath.max(...xs);",
                &[(6, 10)],
            ),
            (
                "const ys = [];\nfor (const v of src) ys.push(v);\nfor (const y of ys) xs.push(y * 2);\nMath.max(...xs);",
                &[(6, 10)],
            ),
            (
                "const t = {};\nt[key] = 1;\nfor (const k in t) xs.push(t[k]);\nMath.max(...xs);",
                &[(6, 10)],
            ),
            // Passes: the data is not known to be long.
            ("for (const r of rows) xs.push(r.n);\nMath.max(...xs);", &[]),
            ("rows.forEach((r) => xs.push(r.n));\nMath.max(...xs);", &[]),
            (
                "for (let i = 0; i < n; i++) xs.push(src[i]);\nMath.max(...xs);",
                &[],
            ),
            (
                "const m = new Map(src);\nm.forEach((v) => xs.push(v));\nMath.max(...xs);",
                &[],
            ),
            (
                "const T = { a: 1, b: 2 };\nfor (const k in T) xs.push(T[k]);\nMath.max(...xs);",
                &[],
            ),
            (
                "for (const k in unknown) xs.push(k.length);\nMath.max(...xs);",
                &[],
            ),
            (
                "['a', 'b'].forEach((k) => xs.push(k.length));\nMath.max(...xs);",
                &[],
            ),
            (
                "for (let k = 0; k < 16; k++) xs.push(src[k]);\nMath.max(...xs);",
                &[],
            ),
            // Passes: not repeated, or not before the spread.
            ("xs.push(src[0], src[1]);\nMath.max(...xs);", &[]),
            ("Math.max(...xs);\nfor (const v of src) xs.push(v);", &[]),
            (
                "export function add(v) { xs.push(v); }\nfor (const v of src) add(v);\nMath.max(...xs);",
                &[],
            ),
            (
                "for (const v of src) { const ys = []; ys.push(v.a, v.b); Math.max(...ys); }",
                &[],
            ),
            (
                "for (const v of src) { setTimeout(() => xs.push(v)); }\nMath.max(...xs);",
                &[],
            ),
            // Passes: the loop watches or trims the length, or nothing is added.
            (
                "for (const v of src) { if (xs.length < 10) xs.push(v); }\nMath.max(...xs);",
                &[],
            ),
            (
                "for (const v of src) { xs.push(v); if (xs.length === limit) break; }\nMath.max(...xs);",
                &[],
            ),
            (
                "for (const v of src) { xs.push(v); if (v.end) { flush(Math.max(...xs)); xs.length = 0; } }",
                &[],
            ),
            (
                "for (const v of src) { xs.push(v); if (v.x) xs.shift(); }\nMath.max(...xs);",
                &[],
            ),
            (
                "for (const v of src) { xs.push(v); xs.splice(0, 1); }\nMath.max(...xs);",
                &[],
            ),
            (
                "for (const v of src) xs.splice(0, 1);\nMath.max(...xs);",
                &[],
            ),
            ("for (const v of src) xs[0] = v;\nMath.max(...xs);", &[]),
            ("for (const v of src) xs.push();\nMath.max(...xs);", &[]),
            ("for (const v of src) xs.length = 4;\nMath.max(...xs);", &[]),
            (
                "for (const v of src) xs.push(v);\nMath.max(...xs.slice(0, 100));",
                &[],
            ),
            (
                "for (const v of src) { xs.push(v); if (xs.length >= 1024) { out += String.fromCharCode(...xs); xs.length = 0; } }",
                &[],
            ),
        ];
        let with_prefix: Vec<(String, &[(u32, u32)])> = cases
            .iter()
            .map(|(code, want)| (format!("{SRC}{code}"), *want))
            .collect();
        let borrowed: Vec<(&str, &[(u32, u32)])> =
            with_prefix.iter().map(|(c, w)| (c.as_str(), *w)).collect();
        let failures = check(&borrowed, None);
        assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    }

    #[test]
    fn methods_and_unknown_options() {
        let with_methods: &[(&str, &[(u32, u32)])] = &[
            ("const xs = Object.values(o);\narr.push(...xs);", &[(2, 10)]),
            ("const xs = Object.values(o);\narr.unshift(...xs);", &[]),
            (
                "const xs = Object.values(o);\narr.splice(0, 0, ...xs);",
                &[(2, 18)],
            ),
            (
                "const xs = Object.values(o);\nArray.prototype.push.apply(arr, xs);",
                &[(2, 33)],
            ),
            ("arr.push(...[1, 2]);", &[]),
            ("arr.push(...unknown);", &[]),
        ];
        let mut failures = check(with_methods, Some(json!({ "methods": ["push", "splice"] })));
        let with_unknown: &[(&str, &[(u32, u32)])] = &[
            ("Math.max(...unknown);", &[(1, 10)]),
            (
                "function f(xs) { return Math.min.apply(null, xs); }",
                &[(1, 46)],
            ),
            ("Math.max(...[1, 2, 3]);", &[]),
            ("function f(...xs) { return Math.max(...xs); }", &[]),
            (
                "function f() { return Math.max.apply(null, arguments); }",
                &[],
            ),
            ("const pair = [a, b];\nMath.max(...pair);", &[]),
            ("arr.push(...unknown);", &[]),
            // Growing literals count with `unknown`.
            (
                "const xs = [];\nfor (const r of rows) xs.push(r.n);\nMath.max(...xs);",
                &[(3, 10)],
            ),
            (
                "const xs = [];\nexport function add(v) { xs.push(v); }\nexport const top = () => Math.max(...xs.map(Math.abs));",
                &[(3, 35)],
            ),
            (
                "const xs = [];\nlet i = 0;\nwhile (i < n) { xs[i] = i; i++; }\nMath.min(...xs.slice(1));",
                &[(4, 10)],
            ),
            (
                "const s = [];\nfor (let j = 0; j < 16; j++) s[j] = read(j);\nString.fromCharCode.apply(null, s);",
                &[],
            ),
            (
                "var codes = [];\nfunction add(c) { codes.push(c); if (codes.length >= 1024) flush(); }\nfunction flush() { out += String.fromCharCode.apply(undefined, codes); codes.length = 0; }",
                &[],
            ),
            (
                "const NAMES = ['a', 'b'];\nconst idx = [];\nfor (const n of NAMES) idx.push(n.length);\nMath.min(...idx);",
                &[],
            ),
        ];
        failures.extend(check(with_unknown, Some(json!({ "unknown": true }))));
        assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    }

    #[test]
    fn bad_options_are_refused() {
        let meta = crate::rules::find(ID).expect("registered");
        assert!((meta.create)(Some(&json!({ "methods": ["pop"] }))).is_err());
        assert!((meta.create)(Some(&json!({ "other": 1 }))).is_err());
        assert!((meta.create)(Some(&json!({ "unknown": true, "methods": [] }))).is_ok());
    }

    #[test]
    fn messages() {
        let code = "const xs = Object.values(scores);\nMath.max(...xs);\nconst ys = [];\nfor (const r of rows) ys.push(r);\nString.fromCharCode.apply(null, ys);\nconst zs = [];\nxs.forEach((x) => zs.push(x.n));\nMath.min(...zs.map(Math.abs));\n";
        let d = lint_with_rule_options("a.js", code, ID, Some(&json!({ "unknown": true })));
        insta::with_settings!({ prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!(ID, crate::rules::fix_test_util::render_all(&d, code));
        });
    }
}
