//! `useless-spread`: a spread that copies for nothing.
//!
//! - An array literal spread into an array literal or into call arguments (`[a, ...[b, c]]`,
//!   `f(...[a, b])`), and an object literal spread into an object literal (`{...{a: 1}}`),
//!   wherever they stand.
//! - A new array (of known kind: `xs.map(f)` on a known array, `Object.keys(o)`,
//!   `Array.from(x)` …) spread as the sole element of an array literal: `[...xs.filter(f)]`.
//! - `[...x]` passed where any iterable is taken: `new Set([...x])`, `new Map([...x])`,
//!   `Array.from([...x])`, `Promise.all([...x])` and kin, `yield* [...x]`, and
//!   `for (const y of [...x])` when the loop cannot change `x`.
//! - The empty fallback of an object spread: `{...(x || {})}`, `{...(x ?? {})}`,
//!   `{...(c ? x : {})}` (spreading `null`, `undefined`, any falsy value or an empty object adds
//!   nothing).
//!
//! Not flagged, because the spread does something: an inner literal with holes
//! (`[...[, a]]` turns the hole into `undefined`), with its own spreads (but for spreads of
//! object literals, useless themselves), with a `__proto__: p`
//! entry (it sets the inner object's prototype, which a spread does not copy) or with
//! accessors (spreading calls the getter); `[...new Array(n)]` and `[...Array(n)]` (holes),
//! also through methods that keep them (`[...new Array(n).map(f)]`, `[...[1, , 3].slice()]`);
//! a binding to an array (`[...xs]` is a real copy); iterator helpers (`[...it.map(f)]`);
//! `for (const y of [...xs])` whose body mentions `xs` or what it is read from (through
//! bindings too: `const { xs } = state` is read from `state`), awaits, or calls functions
//! while other code may hold `xs` (anything but a new array of the loop's own function that
//! is never handed out: a parameter, an import, a module-scope binding, a call's result, a
//! member or an alias of one, a closure variable, a value handed out).
//!
//! Fixes are safe: they only remove the spread and the brackets or braces around it, keeping
//! comments, and are left out whenever the result could behave differently.

use oxc_ast::AstKind;
use oxc_ast::AstType;
use oxc_ast::ast::{
    Argument, ArrayExpression, ArrayExpressionElement, Expression, ForOfStatement,
    IdentifierReference, LogicalExpression, ObjectExpression, ObjectPropertyKind, PropertyKind,
    SpreadElement,
};
use oxc_semantic::{AstNode, IsGlobalReference};
use oxc_span::GetSpan;
use oxc_syntax::node::NodeId;
use oxc_syntax::operator::LogicalOperator;
use oxc_syntax::symbol::SymbolId;

use crate::diagnostic::{Diagnostic, Edit, Fix, Span};
use crate::kinds::Kind;
use crate::rules::{Category, Ctx, FixKind, Rule, RuleMeta};

pub static META: RuleMeta = RuleMeta {
    id: "useless-spread",
    category: Category::Perf,
    fix: FixKind::Safe,
    node_types: &[AstType::SpreadElement],
    needles: &["..."],
    docs: include_str!("../../rules/useless-spread.md"),
    create: crate::no_options!(UselessSpread),
};

pub struct UselessSpread;

impl Rule for UselessSpread {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn gate(&self) -> crate::rules::GateSpec {
        crate::rules::GateSpec::UselessSpread
    }

    fn check<'a>(&self, node: &AstNode<'a>, cx: &mut Ctx<'a, '_>) {
        let AstKind::SpreadElement(spread) = node.kind() else {
            return;
        };
        let parent = cx.nodes().parent_node(node.id());
        let d = match parent.kind() {
            AstKind::ArrayExpression(outer) => in_array(spread, outer, parent.id(), cx),
            AstKind::CallExpression(call) => {
                let callee = callee_name(&call.callee, cx);
                in_arguments(spread, &call.arguments, call.span, &callee, cx)
            }
            AstKind::NewExpression(new) => {
                let callee = format!("new {}", callee_name(&new.callee, cx));
                in_arguments(spread, &new.arguments, new.span, &callee, cx)
            }
            AstKind::ObjectExpression(outer) => in_object(spread, outer, cx),
            _ => None,
        };
        if let Some(d) = d {
            cx.report(d);
        }
    }
}

// ---- array literal into array literal or arguments -------------------------------------------

/// The siblings of a spread element, for removing an empty spread with its comma.
struct List {
    /// The spans of every element (holes included: their span is empty).
    items: Vec<oxc_span::Span>,
    /// Where the list's closing bracket or parenthesis is.
    close: u32,
    /// The list has a hole (`[a, , b]`): commas matter, leave it alone.
    has_hole: bool,
}

fn in_array<'a>(
    spread: &SpreadElement<'a>,
    outer: &ArrayExpression<'a>,
    outer_id: NodeId,
    cx: &Ctx<'a, '_>,
) -> Option<Diagnostic> {
    let inner = without_parens(&spread.argument);
    if let Expression::ArrayExpression(literal) = inner {
        let list = List {
            items: outer.elements.iter().map(GetSpan::span).collect(),
            close: outer.span.end.saturating_sub(1),
            has_hole: outer
                .elements
                .iter()
                .any(|e| matches!(e, ArrayExpressionElement::Elision(_))),
        };
        return literal_array(spread, literal, &list, "an array literal", None, cx);
    }
    if outer.elements.len() != 1 {
        return None;
    }
    if let Some(d) = consumed_copy(spread, outer, outer_id, cx) {
        return Some(d);
    }
    fresh_copy(spread, outer, outer_id, cx)
}

fn in_arguments<'a>(
    spread: &SpreadElement<'a>,
    arguments: &[Argument<'a>],
    call_span: oxc_span::Span,
    callee: &str,
    cx: &Ctx<'a, '_>,
) -> Option<Diagnostic> {
    let Expression::ArrayExpression(literal) = without_parens(&spread.argument) else {
        return None;
    };
    let list = List {
        items: arguments.iter().map(GetSpan::span).collect(),
        close: call_span.end.saturating_sub(1),
        has_hole: false,
    };
    let target = format!("the arguments of `{callee}`");
    literal_array(spread, literal, &list, &target, Some(callee), cx)
}

/// `[...[a, b]]`, `f(...[a, b])`: the inner literal's elements can stand in its place.
fn literal_array<'a>(
    spread: &SpreadElement<'a>,
    literal: &ArrayExpression<'a>,
    list: &List,
    target: &str,
    callee: Option<&str>,
    cx: &Ctx<'a, '_>,
) -> Option<Diagnostic> {
    // `[...[, a]]` makes `[undefined, a]`, a dense array; `[, a]` has a hole.
    // `[...[a, ...b]]`: left alone (the inner literal is a copy of `b` already).
    if literal.elements.iter().any(|e| {
        matches!(
            e,
            ArrayExpressionElement::Elision(_) | ArrayExpressionElement::SpreadElement(_)
        )
    }) {
        return None;
    }
    let inner_text = short(cx.text(literal.span));
    let message = format!(
        "spreading the array literal {inner_text} into {target} passes its elements one by one: the literal and the spread are useless"
    );
    let help = match callee {
        Some(c) => format!("pass the elements as arguments of `{c}` directly"),
        None => "write the elements in place".to_string(),
    };
    let elements: Vec<oxc_span::Span> = literal.elements.iter().map(GetSpan::span).collect();
    let fix = unwrap_fix(spread, literal.span, &elements, list, cx.source)
        .map(|edits| Fix::safe("inline the elements", edits));
    let mut d = Diagnostic::new(META.id, spread.span, message)
        .with_label(literal.span, "this array literal")
        .with_help(help);
    if let Some(f) = fix {
        d = d.with_fix(f);
    }
    Some(d)
}

/// Edits that replace `...[a, b]` (or `...{a, b}`) with `a, b`. `literal` is the inner
/// literal's span, `elements` its elements. `None` when comments or odd punctuation make
/// the edit unsure.
fn unwrap_fix(
    spread: &SpreadElement<'_>,
    literal: oxc_span::Span,
    elements: &[oxc_span::Span],
    list: &List,
    src: &str,
) -> Option<Vec<Edit>> {
    // Between `...` and the opening bracket only parentheses and whitespace; the same after
    // the closing bracket.
    let before = src.get(spread.span.start as usize + 3..literal.start as usize)?;
    let after = src.get(literal.end as usize..spread.span.end as usize)?;
    if !before.chars().all(|c| c == '(' || c.is_whitespace())
        || !after.chars().all(|c| c == ')' || c.is_whitespace())
    {
        return None;
    }
    let Some(last) = elements.last() else {
        return remove_empty(spread, literal, list, src);
    };
    // The tail after the last element: whitespace and an optional trailing comma go with the
    // bracket; comments stay (then only a tail without a comma is handled).
    let tail = src.get(last.end as usize..literal.end as usize - 1)?;
    let close_edit = if tail.trim().is_empty() || tail.trim() == "," {
        Edit::delete(Span::new(last.end, spread.span.end))
    } else if !tail.contains(',') {
        Edit::delete(Span::new(literal.end - 1, spread.span.end))
    } else {
        return None;
    };
    // Whitespace between the opening bracket and the first element goes with the bracket.
    let first = elements[0];
    let lead = src.get(literal.start as usize + 1..first.start as usize)?;
    let open_end = if lead.trim().is_empty() {
        first.start
    } else {
        literal.start + 1
    };
    Some(vec![
        Edit::delete(Span::new(spread.span.start, open_end)),
        close_edit,
    ])
}

/// Edits that remove `...[]` (or `...{}`) with one neighbouring comma.
fn remove_empty(
    spread: &SpreadElement<'_>,
    literal: oxc_span::Span,
    list: &List,
    src: &str,
) -> Option<Vec<Edit>> {
    let inside = src.get(literal.start as usize + 1..literal.end as usize - 1)?;
    if !inside.trim().is_empty() || list.has_hole {
        return None;
    }
    let index = list.items.iter().position(|s| *s == spread.span)?;
    let blank_or_comma = |a: u32, b: u32| {
        src.get(a as usize..b as usize)
            .is_some_and(|t| t.chars().all(|c| c == ',' || c.is_whitespace()))
    };
    if let Some(next) = list.items.get(index + 1) {
        // `[...[], b]` → `[b]`
        if !blank_or_comma(spread.span.end, next.start) {
            return None;
        }
        return Some(vec![Edit::delete(Span::new(spread.span.start, next.start))]);
    }
    if index > 0 {
        // `[a, ...[]]` → `[a]`, keeping a trailing comma if there was one.
        let prev = list.items[index - 1];
        if !blank_or_comma(prev.end, spread.span.start) {
            return None;
        }
        return Some(vec![Edit::delete(Span::new(prev.end, spread.span.end))]);
    }
    // The only element: `f(...[],)` → `f()`.
    if !blank_or_comma(spread.span.end, list.close) {
        return None;
    }
    Some(vec![Edit::delete(Span::new(spread.span.start, list.close))])
}

// ---- object literal into object literal, and empty fallbacks ---------------------------------

fn in_object<'a>(
    spread: &SpreadElement<'a>,
    outer: &ObjectExpression<'a>,
    cx: &Ctx<'a, '_>,
) -> Option<Diagnostic> {
    match without_parens(&spread.argument) {
        Expression::ObjectExpression(literal) => literal_object(spread, literal, outer, cx),
        Expression::LogicalExpression(logical) => logical_fallback(spread, logical, cx),
        Expression::ConditionalExpression(cond) => {
            let consequent_empty = is_empty_object(&cond.consequent);
            let alternate_empty = is_empty_object(&cond.alternate);
            if consequent_empty == alternate_empty {
                return None;
            }
            conditional_fallback(spread, cond, consequent_empty, cx)
        }
        _ => None,
    }
}

/// `{...{a: 1}}`: the inner literal's properties can stand in its place.
fn literal_object<'a>(
    spread: &SpreadElement<'a>,
    literal: &ObjectExpression<'a>,
    outer: &ObjectExpression<'a>,
    cx: &Ctx<'a, '_>,
) -> Option<Diagnostic> {
    let mut methods = false;
    for p in &literal.properties {
        match p {
            // `{...{...a}}` is left alone, like `[...[...a]]`. A spread of an object literal
            // is useless itself (and reported): `{...{a: 1, ...{b: 2}}}` is `{a: 1, b: 2}`.
            ObjectPropertyKind::SpreadProperty(inner) => {
                if !matches!(
                    without_parens(&inner.argument),
                    Expression::ObjectExpression(_)
                ) {
                    return None;
                }
            }
            ObjectPropertyKind::ObjectProperty(p) => {
                // A getter runs when spread; inlined it would stay an accessor.
                if p.kind != PropertyKind::Init {
                    return None;
                }
                // `{ __proto__: p }` sets the inner object's prototype, which the spread does
                // not copy; inlined, it would set the outer object's prototype.
                if !p.computed && !p.shorthand && p.key.is_specific_static_name("__proto__") {
                    return None;
                }
                // A method's `super` depends on the object it is defined in.
                methods |= p.method;
            }
        }
    }
    // `{ ...{ mode: "dev" }, mode: x }` inlined is `{ mode: "dev", mode: x }`: the same in
    // JavaScript, but TypeScript rejects duplicate keys (TS1117), as does ESLint's
    // `no-dupe-keys`. Keys are compared through object literals spread in either (their own
    // fixes inline them as well).
    let mut inner_keys = Vec::new();
    static_keys(literal, &mut inner_keys, 0);
    let mut outer_keys = Vec::new();
    for p in &outer.properties {
        match p {
            ObjectPropertyKind::SpreadProperty(s) if s.span == spread.span => {}
            ObjectPropertyKind::SpreadProperty(s) => {
                if let Expression::ObjectExpression(o) = without_parens(&s.argument) {
                    static_keys(o, &mut outer_keys, 1);
                }
            }
            ObjectPropertyKind::ObjectProperty(p) => {
                if let Some(name) = p.key.static_name() {
                    outer_keys.push(name.into_owned());
                }
            }
        }
    }
    let mut twice: Vec<&str> = Vec::new();
    for k in &inner_keys {
        if outer_keys.contains(k) && !twice.contains(&k.as_str()) {
            twice.push(k);
        }
    }
    let inner_text = short(cx.text(literal.span));
    let help = if twice.is_empty() {
        "write the properties in place".to_string()
    } else {
        let names: Vec<String> = twice.iter().take(3).map(|k| format!("`{k}`")).collect();
        format!(
            "write the properties in place, once each: {} {} set both inside and outside the spread",
            names.join(", "),
            if twice.len() == 1 { "is" } else { "are" }
        )
    };
    let mut d = Diagnostic::new(
        META.id,
        spread.span,
        format!(
            "spreading the object literal {inner_text} into an object literal copies its properties one by one: the literal and the spread are useless"
        ),
    )
    .with_label(literal.span, "this object literal")
    .with_help(help);
    if !methods && twice.is_empty() {
        let list = List {
            items: outer.properties.iter().map(GetSpan::span).collect(),
            close: outer.span.end.saturating_sub(1),
            has_hole: false,
        };
        let props: Vec<oxc_span::Span> = literal.properties.iter().map(GetSpan::span).collect();
        if let Some(edits) = unwrap_fix(spread, literal.span, &props, &list, cx.source) {
            d = d.with_fix(Fix::safe("inline the properties", edits));
        }
    }
    Some(d)
}

/// The static keys of an object literal's properties, and of the object literals spread in it.
fn static_keys(object: &ObjectExpression<'_>, out: &mut Vec<String>, depth: u32) {
    if depth > 32 {
        return;
    }
    for p in &object.properties {
        match p {
            ObjectPropertyKind::ObjectProperty(p) => {
                if let Some(name) = p.key.static_name() {
                    out.push(name.into_owned());
                }
            }
            ObjectPropertyKind::SpreadProperty(s) => {
                if let Expression::ObjectExpression(o) = without_parens(&s.argument) {
                    static_keys(o, out, depth + 1);
                }
            }
        }
    }
}

pub(crate) fn is_empty_object(expr: &Expression<'_>) -> bool {
    matches!(without_parens(expr), Expression::ObjectExpression(o) if o.properties.is_empty())
}

/// The text of an empty `{}` has no comment to lose.
fn is_bare_braces(expr: &Expression<'_>, src: &str) -> bool {
    let span = without_parens(expr).span();
    src.get(span.start as usize..span.end as usize)
        .is_some_and(|t| t.chars().filter(|c| !c.is_whitespace()).eq("{}".chars()))
}

/// `{...(x || {})}`, `{...(x ?? {})}`: spreading `null`, `undefined` or another falsy value
/// adds nothing, so `{...x}` does the same.
fn logical_fallback<'a>(
    spread: &SpreadElement<'a>,
    logical: &LogicalExpression<'a>,
    cx: &Ctx<'a, '_>,
) -> Option<Diagnostic> {
    if logical.operator == LogicalOperator::And || !is_empty_object(&logical.right) {
        return None;
    }
    let op = logical.operator.as_str();
    let left_text = cx.text(logical.left.span());
    let message = format!(
        "the fallback `{{}}` in {} is useless: spreading `null` or `undefined`{} into an object literal adds nothing",
        short(&format!("{} {op} {{}}", one_line(left_text))),
        if logical.operator == LogicalOperator::Or {
            " (or any falsy value)"
        } else {
            ""
        }
    );
    let mut d = Diagnostic::new(META.id, spread.span, message)
        .with_label(logical.right.span(), "this fallback")
        .with_help(format!(
            "spread the value directly: `...{}`",
            short_code(left_text)
        ));
    if is_bare_braces(&logical.right, cx.source)
        && !comment_outside(cx.source, spread.argument.span(), &[logical.left.span()])
    {
        let parens = !is_tight(&logical.left);
        d = d.with_fix(Fix::safe(
            "remove the fallback",
            keep_inner(
                spread.argument.span(),
                &[(logical.left.span(), parens)],
                &["", ""],
            ),
        ));
    }
    Some(d)
}

/// `{...(c ? x : {})}`: the empty branch adds nothing; `{...(c && x)}` does the same
/// (a falsy `c` spreads nothing).
fn conditional_fallback<'a>(
    spread: &SpreadElement<'a>,
    cond: &oxc_ast::ast::ConditionalExpression<'a>,
    consequent_empty: bool,
    cx: &Ctx<'a, '_>,
) -> Option<Diagnostic> {
    let (value, empty) = if consequent_empty {
        (&cond.alternate, &cond.consequent)
    } else {
        (&cond.consequent, &cond.alternate)
    };
    // In TypeScript, `n && x` with a number or string `n` may not type-check as a spread:
    // offer the rewrite only for a test that is a boolean.
    let typescript = cx.semantic.source_type().is_typescript();
    let rewrite = !typescript || is_boolean(&cond.test, cx, 0);
    let replacement = rewrite.then(|| {
        let test = if consequent_empty {
            format!("!{}", operand(&cond.test, cx, true))
        } else {
            operand(&cond.test, cx, false)
        };
        format!("({test} && {})", operand(value, cx, false))
    });
    let suggestion = replacement.clone().map_or_else(
        || "`...(cond && value)`".to_string(),
        |r| short(&format!("...{r}")),
    );
    let mut d = Diagnostic::new(
        META.id,
        spread.span,
        format!(
            "the empty branch `{{}}` of {} is useless: spreading an empty object into an object literal adds nothing",
            short(&one_line(cx.text(cond.span)))
        ),
    )
    .with_label(empty.span(), "this empty branch")
    .with_help(format!("spread the value under a condition: {suggestion}"));
    if replacement.is_some()
        && is_bare_braces(empty, cx.source)
        && !comment_outside(
            cx.source,
            spread.argument.span(),
            &[cond.test.span(), value.span()],
        )
    {
        // The test comes before the value in either branch order.
        let (test, not) = if consequent_empty {
            (needs_parens(&cond.test, true), "(!")
        } else {
            (needs_parens(&cond.test, false), "(")
        };
        d = d.with_fix(Fix::safe(
            "replace the conditional with `&&`",
            keep_inner(
                spread.argument.span(),
                &[
                    (cond.test.span(), test),
                    (value.span(), needs_parens(value, false)),
                ],
                &[not, " && ", ")"],
            ),
        ));
    }
    Some(d)
}

/// Whether the text of `whole` outside the `kept` spans (sorted, inside it) holds a comment:
/// the fallback fixes rewrite that text (parentheses, `?`, `:`, `||`, `??`, the empty `{}`),
/// so a comment there would be lost. None of those tokens holds a `/`.
fn comment_outside(src: &str, whole: oxc_span::Span, kept: &[oxc_span::Span]) -> bool {
    let mut pos = whole.start;
    let mut gaps = Vec::with_capacity(kept.len() + 1);
    for k in kept {
        gaps.push((pos, k.start.max(pos)));
        pos = pos.max(k.end);
    }
    gaps.push((pos, whole.end));
    gaps.iter().any(|&(a, b)| {
        src.get(a as usize..b as usize)
            .is_none_or(|t| t.contains('/'))
    })
}

/// The text of `expr` as an operand of `&&` (or of `!` when `negated`), in parentheses when
/// it binds more loosely.
fn operand(expr: &Expression<'_>, cx: &Ctx<'_, '_>, negated: bool) -> String {
    let text = cx.text(expr.span());
    if needs_parens(expr, negated) {
        format!("({text})")
    } else {
        text.to_string()
    }
}

/// Whether [`operand`] wraps `expr` in parentheses.
fn needs_parens(expr: &Expression<'_>, negated: bool) -> bool {
    let bare = if negated {
        is_tight(expr) || matches!(expr, Expression::UnaryExpression(_))
    } else {
        is_tight(expr)
            || matches!(
                expr,
                Expression::UnaryExpression(_) | Expression::BinaryExpression(_)
            )
            || matches!(expr, Expression::LogicalExpression(l) if l.operator == LogicalOperator::And)
    };
    !bare
}

/// The edits that turn the text of `outer` into its `kept` spans (in order, inside it, each
/// wrapped in parentheses when its flag says so) joined by `joins` (one more than `kept`:
/// before the first, between, after the last). Only the text around the kept spans is
/// rewritten: a fix holding the kept text itself made nested copies (`new Set([...new
/// Set([...…])])`) quadratic in memory, each level's fix copying every level inside it.
fn keep_inner(outer: oxc_span::Span, kept: &[(oxc_span::Span, bool)], joins: &[&str]) -> Vec<Edit> {
    let mut edits = Vec::with_capacity(kept.len() + 1);
    let mut at = outer.start;
    let mut close = "";
    for (i, &(span, parens)) in kept.iter().enumerate() {
        let open = if parens { "(" } else { "" };
        edits.push(Edit::new(
            oxc_span::Span::new(at, span.start),
            format!("{close}{}{open}", joins[i]),
        ));
        close = if parens { ")" } else { "" };
        at = span.end;
    }
    edits.push(Edit::new(
        oxc_span::Span::new(at, outer.end),
        format!("{close}{}", joins[kept.len()]),
    ));
    // An edit that changes nothing is left out (an empty span given no text).
    edits.retain(|e| e.span.start < e.span.end || !e.text.is_empty());
    edits
}

/// A test known to give a boolean: a comparison, `!x`, `Boolean(x)`, `Array.isArray(x)`, a
/// logical of those, or a value the inference knows to be a boolean.
fn is_boolean(expr: &Expression<'_>, cx: &Ctx<'_, '_>, depth: u32) -> bool {
    if depth > 32 {
        return false;
    }
    match without_parens(expr) {
        Expression::BooleanLiteral(_) => true,
        Expression::UnaryExpression(u) => {
            u.operator == oxc_syntax::operator::UnaryOperator::LogicalNot
        }
        Expression::BinaryExpression(b) => {
            b.operator.is_equality()
                || b.operator.is_compare()
                || matches!(
                    b.operator,
                    oxc_syntax::operator::BinaryOperator::In
                        | oxc_syntax::operator::BinaryOperator::Instanceof
                )
        }
        Expression::LogicalExpression(l) => {
            is_boolean(&l.left, cx, depth + 1) && is_boolean(&l.right, cx, depth + 1)
        }
        e => cx.kinds().of(e).kind == Kind::Boolean,
    }
}

/// Expressions that need no parentheses as an operand of `&&` or `!`.
fn is_tight(expr: &Expression<'_>) -> bool {
    matches!(
        expr,
        Expression::Identifier(_)
            | Expression::ThisExpression(_)
            | Expression::StaticMemberExpression(_)
            | Expression::ComputedMemberExpression(_)
            | Expression::PrivateFieldExpression(_)
            | Expression::CallExpression(_)
            | Expression::ChainExpression(_)
            | Expression::ParenthesizedExpression(_)
            | Expression::BooleanLiteral(_)
            | Expression::NumericLiteral(_)
            | Expression::StringLiteral(_)
            | Expression::NullLiteral(_)
            | Expression::ObjectExpression(_)
            | Expression::ArrayExpression(_)
    )
}

// ---- `[...x]` where an iterable is taken ------------------------------------------------------

/// Where a sole-spread array literal `[...x]` is passed.
enum Consumer<'a> {
    /// `new Set(…)`, `Array.from(…)`, `Promise.all(…)`: iterated at once, synchronously.
    Call(String),
    /// `yield* […]`.
    YieldStar,
    /// `for (… of […])`.
    ForOf(&'a ForOfStatement<'a>),
}

fn consumer<'a>(outer_id: NodeId, cx: &Ctx<'a, '_>) -> Option<(Consumer<'a>, oxc_span::Span)> {
    let nodes = cx.nodes();
    let mut child = nodes.kind(outer_id).span();
    for parent in nodes.ancestors(outer_id) {
        match parent.kind() {
            AstKind::ParenthesizedExpression(p) => child = p.span,
            AstKind::NewExpression(n) => {
                let first = n.arguments.first().map(GetSpan::span);
                let name = global_name(&n.callee, cx)?;
                return (first == Some(child) && matches!(name, "Set" | "Map"))
                    .then(|| (Consumer::Call(format!("new {name}()")), child));
            }
            AstKind::CallExpression(c) => {
                let first = c.arguments.first().map(GetSpan::span);
                if first != Some(child) {
                    return None;
                }
                let member = c.callee.get_inner_expression().as_member_expression()?;
                let method = member.static_property_name()?;
                let ns = global_name(member.object(), cx)?;
                let ok = matches!(
                    (ns, method),
                    ("Array", "from") | ("Promise", "all" | "allSettled" | "race" | "any")
                );
                return ok.then(|| (Consumer::Call(format!("{ns}.{method}()")), child));
            }
            AstKind::YieldExpression(y) => {
                return y.delegate.then_some((Consumer::YieldStar, child));
            }
            AstKind::ForOfStatement(f) => {
                return (f.right.span() == child && !f.r#await)
                    .then_some((Consumer::ForOf(f), child));
            }
            _ => return None,
        }
    }
    None
}

fn consumed_copy<'a>(
    spread: &SpreadElement<'a>,
    outer: &ArrayExpression<'a>,
    outer_id: NodeId,
    cx: &Ctx<'a, '_>,
) -> Option<Diagnostic> {
    let (consumer, _) = consumer(outer_id, cx)?;
    let value = &spread.argument;
    let kinds = cx.kinds();
    let typed = kinds.of(value);
    let fresh = is_fresh_array(value, cx);
    let subject = kinds.subject(value);
    let stable_kind = matches!(
        typed.kind,
        Kind::Array { .. } | Kind::String | Kind::Set | Kind::Map | Kind::TypedArray
    );
    let (message, help, safe) = match &consumer {
        Consumer::Call(name) => (
            format!(
                "`{name}` takes any iterable: copying {subject} into an array first with `[...]` is useless"
            ),
            format!("pass {subject} to `{name}` directly"),
            stable_kind,
        ),
        Consumer::YieldStar => (
            format!(
                "`yield*` delegates to any iterable: copying {subject} into an array first with `[...]` is useless"
            ),
            format!("delegate to {subject} directly"),
            // The consumer runs between steps and could change a shared `x`.
            fresh || typed.kind == Kind::String,
        ),
        Consumer::ForOf(f) => {
            let check = loop_check(f, value, cx, fresh)?;
            (
                format!(
                    "`for…of` can iterate {subject} itself: copying it into an array first is useless, since the loop does not change it"
                ),
                format!("iterate {subject} directly"),
                (stable_kind || fresh) && check.simple_body,
            )
        }
    };
    let mut d = Diagnostic::new(META.id, spread.span, message)
        .with_label(outer.span, "this copy")
        .with_help(help);
    if safe && outer_is_bare(outer, spread, cx.source) {
        d = d.with_fix(Fix::safe(
            "remove the copy",
            keep_inner(outer.span, &[(value.span(), false)], &["", ""]),
        ));
    }
    Some(d)
}

/// The outer `[...x]` holds nothing but the spread (no comments to lose, between the
/// brackets and the spread nor between `...` and its argument).
fn outer_is_bare(outer: &ArrayExpression<'_>, spread: &SpreadElement<'_>, src: &str) -> bool {
    let before = src.get(outer.span.start as usize + 1..spread.span.start as usize);
    let after = src.get(spread.span.end as usize..outer.span.end as usize - 1);
    let dots = src.get(spread.span.start as usize + 3..spread.argument.span().start as usize);
    before.is_some_and(|t| t.trim().is_empty())
        && after.is_some_and(|t| t.trim().is_empty() || t.trim() == ",")
        && dots.is_some_and(|t| t.trim().is_empty())
}

/// What [`loop_check`] learnt about a `for…of` body.
struct LoopCheck {
    /// The body calls nothing that could reach the iterated value.
    simple_body: bool,
}

/// Whether `for (const y of [...x])` can iterate `x` itself: `x` is a binding or a member
/// chain, the body never mentions `x` nor what it is read from (following the bindings it
/// was read from: `const { items } = state` is read from `state.items`), never awaits or
/// yields (other code could change `x` meanwhile), and calls functions only when `x` is a
/// binding of the function running the loop. A fresh array (`[...Object.keys(o)]`) is
/// nobody else's.
fn loop_check<'a>(
    f: &ForOfStatement<'a>,
    value: &Expression<'a>,
    cx: &Ctx<'a, '_>,
    fresh: bool,
) -> Option<LoopCheck> {
    let body_span = f.body.span();
    let body_id = statement_node_id(f, cx)?;
    let mut calls = false;
    let mut names: Vec<&str> = Vec::new();
    let mut this = false;
    if !fresh {
        let root = root_of(value)?;
        for root in read_from(root, cx) {
            match root {
                Root::Name(id) => names.push(id.name.as_str()),
                Root::This => this = true,
            }
        }
    }
    for node in subtree(body_id, body_span, cx) {
        match node.kind() {
            AstKind::AwaitExpression(_) | AstKind::YieldExpression(_) => return None,
            AstKind::ForOfStatement(inner) if inner.r#await => return None,
            AstKind::CallExpression(c) if !is_harmless_call(&c.callee, cx) => calls = true,
            AstKind::NewExpression(_) | AstKind::TaggedTemplateExpression(_) => calls = true,
            AstKind::IdentifierReference(id) if names.contains(&id.name.as_str()) => {
                return None;
            }
            AstKind::ThisExpression(_) | AstKind::Super(_) if this => return None,
            _ => {}
        }
    }
    if calls && !fresh && !is_unshared_binding(value, f, cx) {
        return None;
    }
    Some(LoopCheck {
        simple_body: !calls,
    })
}

/// The name a member chain is read from (`a` for `a.b[0].c`), or `this`.
#[derive(Clone, Copy)]
enum Root<'a> {
    Name(&'a IdentifierReference<'a>),
    This,
}

fn root_of<'a>(expr: &'a Expression<'a>) -> Option<Root<'a>> {
    let mut current = without_parens(expr);
    loop {
        match current {
            Expression::Identifier(id) => return Some(Root::Name(id)),
            Expression::ThisExpression(_) => return Some(Root::This),
            Expression::StaticMemberExpression(m) => current = without_parens(&m.object),
            Expression::ComputedMemberExpression(m) => {
                // `a[i]`: the key could be anything the body changes; keep it to literals.
                if !matches!(
                    m.expression,
                    Expression::StringLiteral(_) | Expression::NumericLiteral(_)
                ) {
                    return None;
                }
                current = without_parens(&m.object);
            }
            Expression::PrivateFieldExpression(m) => current = without_parens(&m.object),
            // `[...map.keys()]`: read from `map`.
            Expression::CallExpression(c) if c.arguments.is_empty() => {
                let member = c.callee.get_inner_expression().as_member_expression()?;
                if !matches!(
                    member.static_property_name(),
                    Some("keys" | "values" | "entries")
                ) {
                    return None;
                }
                current = without_parens(member.object());
            }
            _ => return None,
        }
    }
}

/// How many bindings [`read_from`] follows.
const MAX_ALIAS_HOPS: usize = 16;

/// `root` and every name (or `this`) its value was read from, through the bindings in
/// between: for `items` after `const { items } = state` (or `const items = state.items`,
/// `const { a: { items } } = state`, `({ items } = state)`, `for (const { items } of groups)`)
/// that is `items` and `state`, and so on along a chain of such bindings.
fn read_from<'r, 'a: 'r>(root: Root<'r>, cx: &Ctx<'a, '_>) -> Vec<Root<'r>> {
    let mut out = vec![root];
    let mut seen = Vec::new();
    let mut i = 0;
    while i < out.len() && seen.len() < MAX_ALIAS_HOPS {
        let Root::Name(id) = out[i] else {
            i += 1;
            continue;
        };
        i += 1;
        let Some(symbol) = symbol_of(id, cx) else {
            continue;
        };
        if seen.contains(&symbol) {
            continue;
        }
        seen.push(symbol);
        for source in sources(symbol, cx) {
            value_roots(source, &mut out, 0);
        }
    }
    out
}

fn symbol_of(id: &IdentifierReference<'_>, cx: &Ctx<'_, '_>) -> Option<SymbolId> {
    id.reference_id
        .get()
        .and_then(|r| cx.scoping().get_reference(r).symbol_id())
}

/// The expressions a binding's value is read from: its initializer (for a destructuring
/// pattern, the whole value destructured), the iterated value of a `for…of`/`for…in` that
/// declares it, and the right side of every assignment to it (`x = …`, `({ x } = …)`).
fn sources<'a>(symbol: SymbolId, cx: &Ctx<'a, '_>) -> Vec<&'a Expression<'a>> {
    let nodes = cx.nodes();
    let scoping = cx.scoping();
    let mut out = Vec::new();
    let decl = scoping.symbol_declaration(symbol);
    if let AstKind::VariableDeclarator(d) = nodes.kind(decl) {
        if let Some(init) = &d.init {
            out.push(init);
        } else if let Some(right) = loop_right(nodes.parent_id(decl), cx) {
            out.push(right);
        }
    }
    // The per-file index of writes: scanning every reference here, once per use, is
    // quadratic in a file with thousands of `for (const x of [...arr])`.
    for &node in cx.kinds().write_references(symbol).iter() {
        for ancestor in nodes.ancestors(node) {
            match ancestor.kind() {
                AstKind::AssignmentExpression(a) => {
                    out.push(&a.right);
                    break;
                }
                AstKind::ForOfStatement(f) => {
                    out.push(&f.right);
                    break;
                }
                AstKind::ForInStatement(f) => {
                    out.push(&f.right);
                    break;
                }
                kind if kind.is_statement() || kind.is_function_like() => break,
                _ => {}
            }
        }
    }
    out
}

/// The iterated value of the `for…of`/`for…in` whose head declares the declaration `decl`.
fn loop_right<'a>(decl: NodeId, cx: &Ctx<'a, '_>) -> Option<&'a Expression<'a>> {
    match cx.nodes().parent_kind(decl) {
        AstKind::ForOfStatement(f) => Some(&f.right),
        AstKind::ForInStatement(f) => Some(&f.right),
        _ => None,
    }
}

/// The roots of the bindings and member chains a value may be one of: `a.b`, each side of
/// `a || b`, `a ?? b`, `c ? a : b`, the last of `(x, a)`, through parentheses and TS wrappers.
fn value_roots<'r>(expr: &'r Expression<'r>, out: &mut Vec<Root<'r>>, depth: u32) {
    if depth > 32 {
        return;
    }
    match expr.get_inner_expression() {
        Expression::LogicalExpression(l) => {
            value_roots(&l.left, out, depth + 1);
            value_roots(&l.right, out, depth + 1);
        }
        Expression::ConditionalExpression(c) => {
            value_roots(&c.consequent, out, depth + 1);
            value_roots(&c.alternate, out, depth + 1);
        }
        Expression::SequenceExpression(s) => {
            if let Some(last) = s.expressions.last() {
                value_roots(last, out, depth + 1);
            }
        }
        Expression::AssignmentExpression(a) => value_roots(&a.right, out, depth + 1),
        e => {
            if let Some(root) = root_of(e) {
                out.push(root);
            }
        }
    }
}

/// `x` is a variable of the function that runs the loop that holds nothing but new arrays and
/// is never shared, so a function the loop body calls cannot reach it: every value it gets
/// (its initializer and each assignment) is a new array (`[1, 2]`, `[...xs]`, `xs.map(f)`,
/// `Object.keys(o)` …), no closure reads it, and it is never handed to anything (passed,
/// assigned, returned, stored). Parameters (the caller holds the array), imports, `catch`
/// bindings, module-scope bindings (exported, or globals in a script) and bindings read from
/// a call's result or another binding (`const { items } = state` is `state.items`) may all
/// be held by other code: `for (const fn of [...listeners]) fn(ev)` needs its snapshot, since
/// `fn` may unsubscribe itself.
fn is_unshared_binding(value: &Expression<'_>, f: &ForOfStatement<'_>, cx: &Ctx<'_, '_>) -> bool {
    let Expression::Identifier(id) = without_parens(value) else {
        return false;
    };
    let Some(symbol) = symbol_of(id, cx) else {
        return false;
    };
    let decl = cx.scoping().symbol_declaration(symbol);
    if !matches!(cx.nodes().kind(decl), AstKind::VariableDeclarator(_)) {
        return false;
    }
    let values = sources(symbol, cx);
    if values.is_empty() || !values.iter().all(|v| is_new_array(v, cx)) {
        return false;
    }
    let Some(loop_function) = enclosing_function(f.node_id.get(), cx) else {
        // At the top level: a module-scope binding (exported, or a global in a script).
        return false;
    };
    if enclosing_function(decl, cx) != Some(loop_function) {
        return false;
    }
    let nodes = cx.nodes();
    // Depends on the binding only (its uses all lie in `loop_function`, the function of its
    // declaration): once per binding and file.
    cx.kinds()
        .symbol_fact("useless-spread/unshared", symbol, || {
            cx.scoping()
                .get_resolved_reference_ids(symbol)
                .iter()
                .all(|&r| {
                    let node = cx.scoping().get_reference(r).node_id();
                    if enclosing_function(node, cx) != Some(loop_function) {
                        return false;
                    }
                    let span = nodes.kind(node).span();
                    match nodes.parent_kind(node) {
                        AstKind::StaticMemberExpression(m) => m.object.span() == span,
                        AstKind::ComputedMemberExpression(m) => m.object.span() == span,
                        AstKind::AssignmentExpression(a) => a.left.span() == span,
                        AstKind::SpreadElement(_)
                        | AstKind::ForOfStatement(_)
                        | AstKind::ForInStatement(_)
                        | AstKind::UnaryExpression(_)
                        | AstKind::BinaryExpression(_)
                        | AstKind::TemplateLiteral(_)
                        | AstKind::IfStatement(_) => true,
                        _ => false,
                    }
                })
        })
}

/// A value that is certainly an array made right there, which nobody else holds yet: an
/// array literal (`[1, 2]`, `[...xs]`), `new Array(…)`/`Array(…)`, `Array.from/of(…)`,
/// `Object.keys/values/entries(…)`, or a method that returns a new array (`map`, `filter`,
/// `slice`, `concat`, `split` …, whatever the receiver).
fn is_new_array(expr: &Expression<'_>, cx: &Ctx<'_, '_>) -> bool {
    match without_parens(expr).get_inner_expression() {
        Expression::ArrayExpression(_) => true,
        Expression::NewExpression(n) => global_name(&n.callee, cx) == Some("Array"),
        Expression::CallExpression(c) if !c.optional => {
            if global_name(&c.callee, cx) == Some("Array") || is_fresh_array(expr, cx) {
                return true;
            }
            let Some(member) = c.callee.get_inner_expression().as_member_expression() else {
                return false;
            };
            // `toArray()` and `with()` of other libraries may hand out what they hold.
            !member.optional()
                && member.static_property_name().is_some_and(|m| {
                    matches!(
                        m,
                        "map"
                            | "filter"
                            | "slice"
                            | "concat"
                            | "splice"
                            | "flat"
                            | "flatMap"
                            | "toSorted"
                            | "toReversed"
                            | "toSpliced"
                            | "split"
                    )
                })
        }
        _ => false,
    }
}

/// Calls that cannot change the iterated value: `console.*`, `Math.*`, `JSON.stringify`,
/// `String(…)`, `Number(…)`, `Boolean(…)`, `parseInt`, `parseFloat`.
fn is_harmless_call(callee: &Expression<'_>, cx: &Ctx<'_, '_>) -> bool {
    match callee.get_inner_expression() {
        Expression::Identifier(id) => {
            matches!(
                id.name.as_str(),
                "String" | "Number" | "Boolean" | "parseInt" | "parseFloat"
            ) && id.is_global_reference(cx.scoping())
        }
        Expression::StaticMemberExpression(m) => match m.object.get_inner_expression() {
            Expression::Identifier(ns) if ns.is_global_reference(cx.scoping()) => {
                matches!(ns.name.as_str(), "console" | "Math")
                    || (ns.name == "JSON" && m.property.name == "stringify")
            }
            _ => false,
        },
        _ => false,
    }
}

/// The node id of a `for…of` statement's body.
fn statement_node_id(f: &ForOfStatement<'_>, cx: &Ctx<'_, '_>) -> Option<NodeId> {
    let body_span = f.body.span();
    // The body is the last child of the loop; find it among the nodes after the loop's own.
    let loop_id = f.node_id.get();
    let nodes = cx.nodes();
    let mut id = loop_id.index() + 1;
    while id < nodes.len() {
        let node_id = NodeId::from_usize(id);
        let node = nodes.get_node(node_id);
        let span = node.kind().span();
        if span.start >= f.span.end {
            return None;
        }
        if span == body_span && nodes.parent_id(node_id) == loop_id {
            return Some(node_id);
        }
        id += 1;
    }
    None
}

/// The nodes below `root` (pre-order ids are contiguous; they stop where the spans leave it).
fn subtree<'c, 'a>(
    root: NodeId,
    span: oxc_span::Span,
    cx: &Ctx<'a, 'c>,
) -> impl Iterator<Item = &'c AstNode<'a>> + 'c {
    let nodes = cx.nodes();
    (root.index() + 1..nodes.len())
        .map(move |i| nodes.get_node(NodeId::from_usize(i)))
        .take_while(move |n| n.kind().span().start < span.end)
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

// ---- `[...fresh]` ---------------------------------------------------------------------------

/// Array methods that return a new array with no holes, whatever the receiver: `filter`,
/// `flat` and `flatMap` skip holes, the change-by-copy methods read them as `undefined`.
const DENSE_METHODS: &[&str] = &[
    "filter",
    "flat",
    "flatMap",
    "toSorted",
    "toReversed",
    "toSpliced",
    "with",
    "split",
    "toArray",
];
/// Array methods that return a new array but keep the holes of a sparse receiver (`concat`
/// also those of its array arguments).
const HOLEY_METHODS: &[&str] = &["map", "slice", "concat", "splice"];

/// Whether a fresh array has holes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Holes {
    /// None: `[...a]` copies it element for element.
    No,
    /// Perhaps (`xs.map(f)` of an array that may be sparse).
    Maybe,
    /// Certainly (`new Array(n).map(f)`, `[1, , 3].slice()`): `[...a]` turns them into
    /// `undefined`, so the copy does something.
    Yes,
}

/// Whether `expr` makes a new array nobody else holds: a known array returned by
/// `Array.from/of`, `Object.keys/values/entries`, or an array method that copies.
/// `[...new Array(n)]` and `[...Array(n)]` are excluded: they turn holes into `undefined`.
fn is_fresh_array(expr: &Expression<'_>, cx: &Ctx<'_, '_>) -> bool {
    fresh_kind(expr, cx, 0).is_some()
}

/// Whether `expr` is a fresh array, and whether it has holes.
fn fresh_kind(expr: &Expression<'_>, cx: &Ctx<'_, '_>, hops: u32) -> Option<Holes> {
    if hops > 8 {
        return None;
    }
    let Expression::CallExpression(call) = without_parens(expr) else {
        return None;
    };
    if call.optional || !matches!(cx.kinds().of(expr).kind, Kind::Array { .. }) {
        return None;
    }
    let member = call.callee.get_inner_expression().as_member_expression()?;
    let method = member.static_property_name()?;
    if let Some(ns) = global_name(member.object(), cx) {
        return match (ns, method) {
            ("Array", "from" | "of")
            | (
                "Object",
                "keys" | "values" | "entries" | "getOwnPropertyNames" | "getOwnPropertySymbols",
            )
            | ("Reflect", "ownKeys") => Some(Holes::No),
            _ => None,
        };
    }
    if DENSE_METHODS.contains(&method) {
        return Some(Holes::No);
    }
    if !HOLEY_METHODS.contains(&method) {
        return None;
    }
    let receiver = member.object();
    // `[1].concat(new Array(3))` has the holes of its array arguments too.
    let holey_argument = method == "concat"
        && call
            .arguments
            .iter()
            .filter_map(Argument::as_expression)
            .any(|a| is_holey(a, cx, hops + 1));
    if holey_argument || is_holey(receiver, cx, hops + 1) {
        Some(Holes::Yes)
    } else if matches!(method, "map" | "slice") && is_dense(receiver, cx, hops + 1) {
        // `map` and `slice` of an array known to have no holes have none either.
        Some(Holes::No)
    } else {
        Some(Holes::Maybe)
    }
}

/// An array known to have holes: `new Array(n)` or `Array(n)` of the global `Array` with one
/// argument that may be a length, a literal with holes (`[1, , 3]`), a fresh array that keeps
/// them (`new Array(n).map(f)`), or a binding initialised with one of those.
fn is_holey(expr: &Expression<'_>, cx: &Ctx<'_, '_>, hops: u32) -> bool {
    if hops > 8 {
        return false;
    }
    let length_call = |callee: &Expression<'_>, arguments: &[Argument<'_>]| {
        global_name(callee, cx) == Some("Array")
            && arguments.len() == 1
            && match &arguments[0] {
                // `new Array(0)` is empty; `new Array("a")` is `["a"]`.
                Argument::NumericLiteral(n) => n.value > 0.0,
                Argument::SpreadElement(_)
                | Argument::StringLiteral(_)
                | Argument::TemplateLiteral(_)
                | Argument::ArrayExpression(_)
                | Argument::ObjectExpression(_)
                | Argument::BooleanLiteral(_)
                | Argument::NullLiteral(_) => false,
                _ => true,
            }
    };
    match without_parens(expr) {
        Expression::ArrayExpression(a) => a
            .elements
            .iter()
            .any(|e| matches!(e, ArrayExpressionElement::Elision(_))),
        Expression::NewExpression(n) => length_call(&n.callee, &n.arguments),
        Expression::CallExpression(c) if length_call(&c.callee, &c.arguments) => true,
        Expression::CallExpression(_) => fresh_kind(expr, cx, hops + 1) == Some(Holes::Yes),
        // A binding keeps the holes of its initializer unless something fills them; assume
        // nothing does (that only costs a missed report).
        Expression::Identifier(id) => {
            let Some(symbol) = symbol_of(id, cx) else {
                return false;
            };
            match cx.nodes().kind(cx.scoping().symbol_declaration(symbol)) {
                AstKind::VariableDeclarator(d) => d
                    .init
                    .as_ref()
                    .is_some_and(|init| is_holey(init, cx, hops + 1)),
                _ => false,
            }
        }
        _ => false,
    }
}

/// An array known to have no holes: a literal without holes (spreads make none), a fresh
/// dense array, or a `const` binding to one that is never written by index, resized or
/// `delete`d from.
fn is_dense(expr: &Expression<'_>, cx: &Ctx<'_, '_>, hops: u32) -> bool {
    if hops > 8 {
        return false;
    }
    match without_parens(expr) {
        Expression::ArrayExpression(a) => !a
            .elements
            .iter()
            .any(|e| matches!(e, ArrayExpressionElement::Elision(_))),
        Expression::CallExpression(_) => fresh_kind(expr, cx, hops + 1) == Some(Holes::No),
        Expression::Identifier(id) => {
            let scoping = cx.scoping();
            let Some(symbol) = id
                .reference_id
                .get()
                .and_then(|r| scoping.get_reference(r).symbol_id())
            else {
                return false;
            };
            if cx.kinds().is_mutated(symbol) {
                return false;
            }
            let nodes = cx.nodes();
            // `xs[9] = v`, `xs.length = n`, `delete xs[i]` can make holes.
            let punched = cx
                .kinds()
                .symbol_fact("useless-spread/punched", symbol, || {
                    scoping.get_resolved_reference_ids(symbol).iter().any(|&r| {
                        let parent = nodes.parent_node(scoping.get_reference(r).node_id());
                        matches!(
                            parent.kind(),
                            AstKind::ComputedMemberExpression(_)
                                | AstKind::StaticMemberExpression(_)
                        ) && matches!(
                            nodes.parent_kind(parent.id()),
                            AstKind::AssignmentExpression(_)
                                | AstKind::UpdateExpression(_)
                                | AstKind::UnaryExpression(_)
                        )
                    })
                });
            if punched {
                return false;
            }
            match nodes.kind(scoping.symbol_declaration(symbol)) {
                AstKind::VariableDeclarator(d) => d
                    .init
                    .as_ref()
                    .is_some_and(|init| is_dense(init, cx, hops + 1)),
                _ => false,
            }
        }
        _ => false,
    }
}

fn fresh_copy<'a>(
    spread: &SpreadElement<'a>,
    outer: &ArrayExpression<'a>,
    outer_id: NodeId,
    cx: &Ctx<'a, '_>,
) -> Option<Diagnostic> {
    let holes = fresh_kind(&spread.argument, cx, 0)?;
    if holes == Holes::Yes {
        // `[...new Array(3).map(f)]`: the copy turns the holes into `undefined`.
        return None;
    }
    let kinds = cx.kinds();
    let typed = kinds.of(&spread.argument);
    let subject = kinds.subject(&spread.argument);
    let origin = if typed.origin.note.is_empty() {
        String::new()
    } else {
        format!(" ({})", typed.origin.note)
    };
    let mut d = Diagnostic::new(
        META.id,
        spread.span,
        format!(
            "{subject} is already a new array{origin}: copying it again with `[...]` is useless"
        ),
    )
    .with_label(outer.span, "this copy")
    .with_help(format!("use {subject} directly"));
    // `map`, `slice` and `concat` keep holes, which the copy turns into `undefined`.
    if holes == Holes::No
        && outer_is_bare(outer, spread, cx.source)
        && !const_asserted(outer_id, cx)
    {
        d = d.with_fix(Fix::safe(
            "remove the copy",
            keep_inner(outer.span, &[(spread.argument.span(), false)], &["", ""]),
        ));
    }
    Some(d)
}

/// `[…] as const`, `<const>[…]`: TypeScript allows a const assertion on a literal only, so
/// the copy cannot be replaced by the call (TS1355).
fn const_asserted(outer_id: NodeId, cx: &Ctx<'_, '_>) -> bool {
    for a in cx.nodes().ancestors(outer_id) {
        match a.kind() {
            AstKind::ParenthesizedExpression(_) => {}
            AstKind::TSAsExpression(t) => return cx.text(t.type_annotation.span()) == "const",
            AstKind::TSTypeAssertion(t) => return cx.text(t.type_annotation.span()) == "const",
            _ => return false,
        }
    }
    false
}

// ---- helpers ----------------------------------------------------------------------------------

pub(crate) fn without_parens<'b, 'a>(expr: &'b Expression<'a>) -> &'b Expression<'a> {
    let mut e = expr;
    while let Expression::ParenthesizedExpression(p) = e {
        e = &p.expression;
    }
    e
}

/// The name of a global identifier (`Set`, `Array`…), `None` when shadowed or not a name.
fn global_name<'a>(expr: &Expression<'a>, cx: &Ctx<'a, '_>) -> Option<&'a str> {
    match expr.get_inner_expression() {
        Expression::Identifier(id) if id.is_global_reference(cx.scoping()) => {
            Some(id.name.as_str())
        }
        _ => None,
    }
}

fn callee_name(callee: &Expression<'_>, cx: &Ctx<'_, '_>) -> String {
    let text = one_line(cx.text(callee.span()));
    if text.chars().count() <= 30 {
        text
    } else {
        "the callee".to_string()
    }
}

/// Enough of `text` on one line for [`short`], [`short_code`] and [`callee_name`].
fn one_line(text: &str) -> String {
    crate::rules::one_line(text, 40)
}

/// A short rendering of a source text in backquotes for messages.
fn short(text: &str) -> String {
    let text = one_line(text);
    if text.chars().count() <= 40 {
        format!("`{text}`")
    } else {
        let cut: String = text.chars().take(37).collect();
        format!("`{cut}…`")
    }
}

/// Code for a help line, without backquotes (the caller adds them).
fn short_code(text: &str) -> String {
    let text = one_line(text);
    if text.chars().count() <= 40 {
        text
    } else {
        "value".to_string()
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::test_util::lint_with_rule;
    use crate::rules::fix_test_util::{apply, render};

    const ID: &str = "useless-spread";

    /// The writes and the uses of a binding copied in many loops are scanned once per
    /// binding, not once per loop (a file with thousands of loops was quadratic).
    #[test]
    fn references_scanned_once_per_binding() {
        let scans = |loops: usize| {
            let code = format!(
                "function f() {{\n  const arr = [1, 2];\n{}}}\n",
                "  for (const x of [...arr]) g(x);\n".repeat(loops)
            );
            let before = crate::kinds::reference_scans();
            let d = lint_with_rule("a.js", &code, ID);
            assert_eq!(d.len(), loops, "{code}");
            crate::kinds::reference_scans() - before
        };
        let few = scans(3);
        assert!(few > 0);
        assert_eq!(scans(60), few);
    }

    /// (code, expected (line, column) of each diagnostic).
    const CASES: &[(&str, &[(u32, u32)])] = &[
        // Array literal into array literal or arguments.
        ("const a = [...[1, 2]];", &[(1, 12)]),
        ("const a = [x, ...[y, z], w];", &[(1, 15)]),
        ("f(...[a, b]);", &[(1, 3)]),
        ("new C(x, ...[a]);", &[(1, 10)]),
        ("Math.max(...[1, 2, 3]);", &[(1, 10)]),
        ("f(...[]);", &[(1, 3)]),
        ("const a = [...([1])];", &[(1, 12)]),
        // Object literal into object literal.
        ("const o = {...{a: 1}};", &[(1, 12)]),
        ("const o = { x, ...{ y: 2, z }, w };", &[(1, 16)]),
        ("const o = {...{ m() { return 1; } }};", &[(1, 12)]),
        (
            "const o = { ...{ a: 1, ...{ b: 2 } } };",
            &[(1, 13), (1, 24)],
        ),
        ("const o = {...{...({b: 2})}};", &[(1, 12), (1, 16)]),
        // Fallbacks.
        ("const o = {...(x || {})};", &[(1, 12)]),
        ("const o = { a: 1, ...(opts ?? {}) };", &[(1, 19)]),
        ("const o = {...(c ? x : {})};", &[(1, 12)]),
        ("const o = {...(c ? {} : x)};", &[(1, 12)]),
        // Fresh arrays, sole element.
        ("const xs = [1, 2];\nconst ys = [...xs.map(f)];", &[(2, 13)]),
        ("const ys = [...Object.keys(o)];", &[(1, 13)]),
        ("const ys = [...Array.from(s)];", &[(1, 13)]),
        ("const ys = [...'a,b'.split(',')];", &[(1, 13)]),
        // Iterable-taking builtins.
        ("const s = new Set([...xs]);", &[(1, 20)]),
        ("const m = new Map([...entries]);", &[(1, 20)]),
        ("const a = Array.from([...xs], f);", &[(1, 23)]),
        ("Promise.all([...tasks]);", &[(1, 14)]),
        ("function* g(xs) { yield* [...xs]; }", &[(1, 27)]),
        // for…of.
        ("for (const x of [...xs]) total += x;", &[(1, 18)]),
        (
            "for (const x of [...this.items]) console.log(x);",
            &[(1, 18)],
        ),
        // A parameter without calls in the body: nothing can change it.
        (
            "function f(list) { for (const x of [...list]) total += x; }",
            &[(1, 37)],
        ),
        (
            "function f(list) { for (const x of [...list]) console.log(x); }",
            &[(1, 37)],
        ),
        (
            "for (const k of [...Object.keys(o)]) delete o[k];",
            &[(1, 18)],
        ),
        ("for (const k of [...m.keys()]) n += k;", &[(1, 18)]),
        ("for (const k of [...m.keys()]) m.delete(k);", &[]),
        // Passing: the spread does something.
        ("const a = [...iterator.map(f)];", &[]),
        ("for (const x of [...list]) list.push(x);", &[]),
        ("for (const x of [...a.b]) a.c = x;", &[]),
        ("for (const x of [...this.items]) this.remove(x);", &[]),
        ("for (const x of [...items]) await save(x);", &[]),
        ("for (const x of [...items]) handle(x);", &[]),
        ("for (const c of [...el.children]) c.remove();", &[]),
        // A call may reach anything other code holds: a parameter (the caller's array), an
        // import, a module-scope binding, a call's result, a `catch` binding.
        (
            "export function emit(listeners, ev) { for (const fn of [...listeners]) fn(ev); }",
            &[],
        ),
        (
            "function f(list) { for (const x of [...list]) out.push(x); }",
            &[],
        ),
        ("function f(q) { for (const j of [...q]) j.run(); }", &[]),
        ("function f(q) { for (const j of [...q]) new J(j); }", &[]),
        ("function f(q) { for (const j of [...q]) tag`${j}`; }", &[]),
        ("function f(...q) { for (const j of [...q]) j(); }", &[]),
        (
            "import { q } from 'm';\nfunction f() { for (const j of [...q]) run(j); }",
            &[],
        ),
        ("const q = [1];\nfor (const j of [...q]) run(j);", &[]),
        (
            "function f() { const q = getQueue(); for (const j of [...q]) run(j); }",
            &[],
        ),
        (
            "function f(o) { const q = o.q; for (const j of [...q]) run(j); }",
            &[],
        ),
        (
            "function f() { try { g(); } catch (q) { for (const j of [...q]) run(j); } }",
            &[],
        ),
        (
            "function f(p) { let q = [1]; q = p; for (const j of [...q]) run(j); }",
            &[],
        ),
        (
            "function f(p) { const q = p.toArray(); for (const j of [...q]) run(j); }",
            &[],
        ),
        // A new array of the loop's own function, never handed out: a call cannot reach it.
        (
            "function f() { const q = [1, 2]; for (const j of [...q]) run(j); }",
            &[(1, 51)],
        ),
        (
            "function f(p) { const q = p.map(g); for (const j of [...q]) run(j); }",
            &[(1, 54)],
        ),
        (
            "function f(p) { let q = [...p]; q = p.filter(g); for (const j of [...q]) run(j); }",
            &[(1, 67)],
        ),
        (
            "function f(o) { const q = Object.keys(o); for (const j of [...q]) run(j); }",
            &[(1, 60)],
        ),
        (
            "const q = [1];\nconst drain = () => q.shift();\nfor (const j of [...q]) drain();",
            &[],
        ),
        (
            "const q = [1];\nregister(q);\nfor (const j of [...q]) run(j);",
            &[],
        ),
        (
            "function f(q) { const r = q; for (const j of [...q]) run(j); }",
            &[],
        ),
        (
            "function f() { const q = [1]; for (const j of [...q]) run(j); return q.length; }",
            &[(1, 48)],
        ),
        // Read from a member chain through bindings: the body mentions where it came from.
        (
            "function g(state) {\n  const { items } = state;\n  for (const x of [...items]) state.items.push(x);\n}",
            &[],
        ),
        (
            "function g(state) {\n  const items = state.items;\n  for (const x of [...items]) state.items.push(x);\n}",
            &[],
        ),
        (
            "function g(state) { const { a: { items: list } } = state; for (const x of [...list]) state.a.items.push(x); }",
            &[],
        ),
        (
            "function g(state) { const s = state.inner; const { items } = s; for (const x of [...items]) state.inner.items.push(x); }",
            &[],
        ),
        (
            "function g(state) { const { items } = state; for (const x of [...items]) state.count += x; }",
            &[],
        ),
        (
            "function g() { const { items } = this; for (const x of [...items]) this.items.push(x); }",
            &[],
        ),
        (
            "function g(state) { let items; ({ items } = state); for (const x of [...items]) state.items.push(x); }",
            &[],
        ),
        (
            "function g(groups) { for (const { items } of groups) for (const x of [...items]) groups[0].items.push(x); }",
            &[],
        ),
        (
            "function g(state) { const items = state.items || []; for (const x of [...items]) state.items.push(x); }",
            &[],
        ),
        (
            "function g(state) { const m = state.map; for (const k of [...m.keys()]) state.map.delete(k); }",
            &[],
        ),
        // An alias of `state.items` is as shared as `state.items`: a called function may
        // change it.
        (
            "function g(state) { const { items } = state; for (const x of [...items]) reset(x); }",
            &[],
        ),
        (
            "function g(state) { const { items } = state; for (const x of [...items]) total += x; }",
            &[(1, 63)],
        ),
        (
            "function g(state) { const items = [...state.items]; for (const x of [...items]) reset(x); }",
            &[(1, 70)],
        ),
        ("for (const x of [...getItems()]) use(x);", &[]),
        (
            "async function f() { for await (const x of [...xs]) use(x); }",
            &[],
        ),
        ("xs.forEach((x) => out.push(x));\nconst c = [...xs];", &[]),
        ("const o = {...{__proto__: p}};", &[]),
        ("const o = {...{'__proto__': p}};", &[]),
        ("const o = {...{ get a() { return 1; } }};", &[]),
        ("const o = {...{...a, b}};", &[]),
        ("const a = [...[, a]];", &[]),
        ("const a = [...[a, , b]];", &[]),
        ("f(...[a, ...b]);", &[]),
        // `map`, `slice`, `splice` and `concat` keep holes, which the copy fills.
        ("const a = [...new Array(3).map(f)];", &[]),
        ("const a = [...[1, , 3].map(f)];", &[]),
        ("const a = [...Array(n).map(f)];", &[]),
        ("const a = [...[1, , 3].slice()];", &[]),
        ("const a = [...[1, , 3].splice(0)];", &[]),
        ("const a = [...new Array(n).slice(1).map(f)];", &[]),
        ("const a = [...[1].concat(new Array(n))];", &[]),
        ("const arr = new Array(5);\nconst a = [...arr.map(f)];", &[]),
        // `filter` and `flat` drop holes; `new Array('a')` is `['a']`.
        ("const a = [...new Array(3).filter(f)];", &[(1, 12)]),
        ("const a = [...new Array(3).map(f).filter(g)];", &[(1, 12)]),
        ("const a = [...[1, , 3].flat()];", &[(1, 12)]),
        ("const a = [...new Array('a').map(f)];", &[(1, 12)]),
        ("const a = [...new Array(n)];", &[]),
        ("const a = [...Array(n)];", &[]),
        ("const xs = [1];\nconst ys = [...xs];", &[]),
        ("const ys = [...xs];", &[]),
        ("const xs = [1, 2];\nconst ys = [0, ...xs.map(f)];", &[]),
        ("const xs = [1, 2];\nconst ys = [...xs.sort()];", &[]),
        ("f(...xs);", &[]),
        ("const o = {...x};", &[]),
        ("const o = {...(x && {})};", &[]),
        ("const o = {...(x || { a: 1 })};", &[]),
        ("const a = [...(x || [])];", &[]),
        ("const s = new WeakSet([...xs]);", &[]),
        ("const s = new Set([...xs, y]);", &[]),
        ("const s = new Set([0, ...xs]);", &[]),
        ("class Set {}\nconst s = new Set([...xs]);", &[]),
        ("const f = (Array) => Array.from([...xs]);", &[]),
        ("function* g(xs) { yield [...xs]; }", &[]),
        ("const o = <div {...{ a: 1 }} />;", &[]),
    ];

    #[test]
    fn pass_and_fail() {
        let mut failures = Vec::new();
        for (code, want) in CASES {
            let file = if code.contains("<div") {
                "a.jsx"
            } else {
                "a.js"
            };
            let d = lint_with_rule(file, code, ID);
            let got: Vec<(u32, u32)> = d.iter().map(|d| (d.start.line, d.start.column)).collect();
            if got != *want {
                failures.push(format!("{code}\n  want {want:?}, got {d:#?}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    }

    #[test]
    fn fixes() {
        let cases = [
            ("const a = [...[1, 2]];", "const a = [1, 2];"),
            ("const a = [...[a, b], c];", "const a = [a, b, c];"),
            ("const a = [x, ...[y, z,], w];", "const a = [x, y, z, w];"),
            (
                "const a = [x, ...[ y /* last */ ], w];",
                "const a = [x, y /* last */ , w];",
            ),
            (
                "const a = [...[ /* first */ y]];",
                "const a = [ /* first */ y];",
            ),
            ("const a = [...([1])];", "const a = [1];"),
            ("f(...[a, b]);", "f(a, b);"),
            ("f(...[]);", "f();"),
            ("f(...[],);", "f();"),
            ("f(a, ...[]);", "f(a);"),
            ("f(...[], a);", "f(a);"),
            ("const a = [x, ...[], y];", "const a = [x, y];"),
            ("const a = [...[]];", "const a = [];"),
            ("const a = [x, , ...[]];", "const a = [x, , ...[]];"),
            ("f(...[/* none */]);", "f(...[/* none */]);"),
            ("Math.max(...[1, 2, 3]);", "Math.max(1, 2, 3);"),
            ("const o = {...{a: 1}};", "const o = {a: 1};"),
            (
                "const o = { x, ...{ y: 2, z, }, w };",
                "const o = { x, y: 2, z, w };",
            ),
            ("const o = { x, ...{} };", "const o = { x };"),
            (
                "const o = {...{ m() { return 1; } }};",
                "const o = {...{ m() { return 1; } }};",
            ),
            ("const o = {...(x || {})};", "const o = {...x};"),
            ("const o = {...(a.b ?? {})};", "const o = {...a.b};"),
            ("const o = {...(a || b || {})};", "const o = {...(a || b)};"),
            (
                "const o = {...(x || { /* keep */ })};",
                "const o = {...(x || { /* keep */ })};",
            ),
            ("const o = {...(c ? x : {})};", "const o = {...(c && x)};"),
            // A comment between `...` and the copied value would be lost: no fix.
            (
                "const xs = [1];\nconst s = new Set([... /* copy */ xs]);",
                "const xs = [1];\nconst s = new Set([... /* copy */ xs]);",
            ),
            (
                "const t = [.../* c */Object.keys(o)];",
                "const t = [.../* c */Object.keys(o)];",
            ),
            // A comment in the text the fallback fixes rewrite would be lost: no fix.
            (
                "const o = {...(x /* maybe null */ || {})};",
                "const o = {...(x /* maybe null */ || {})};",
            ),
            (
                "const o = {...(c ? x : /* none */ {})};",
                "const o = {...(c ? x : /* none */ {})};",
            ),
            (
                "const o = {...(c /* flag */ ? {} : x)};",
                "const o = {...(c /* flag */ ? {} : x)};",
            ),
            (
                "const o = {...( // why\n  c ? x : {})};",
                "const o = {...( // why\n  c ? x : {})};",
            ),
            (
                "const o = {...(c ? x /* kept */.y : {})};",
                "const o = {...(c && x /* kept */.y)};",
            ),
            ("const o = {...(c ? {} : x)};", "const o = {...(!c && x)};"),
            (
                "const xs = [1, 2];\nconst ys = [...xs.filter(f)];",
                "const xs = [1, 2];\nconst ys = xs.filter(f);",
            ),
            (
                "const xs = [1, 2];\nconst ys = [...xs.map(f)];",
                "const xs = [1, 2];\nconst ys = xs.map(f);",
            ),
            (
                "const ys = [...Object.keys(o)];",
                "const ys = Object.keys(o);",
            ),
            (
                "const ys = [...Object.entries(o).filter(f).map(g)];",
                "const ys = Object.entries(o).filter(f).map(g);",
            ),
            (
                "const ys = [...[...s].map(g)];",
                "const ys = [...s].map(g);",
            ),
            (
                "const ys = [...[1, , 2].map(g)];",
                "const ys = [...[1, , 2].map(g)];",
            ),
            (
                "const ps = [...s].map(f);\nconst ys = [...ps.map(g)];",
                "const ps = [...s].map(f);\nconst ys = ps.map(g);",
            ),
            (
                "const ps = [...s].map(f);\nps[9] = 1;\nconst ys = [...ps.map(g)];",
                "const ps = [...s].map(f);\nps[9] = 1;\nconst ys = [...ps.map(g)];",
            ),
            (
                "const ps = [1, 2];\nps.length = 5;\nconst ys = [...ps.slice()];",
                "const ps = [1, 2];\nps.length = 5;\nconst ys = [...ps.slice()];",
            ),
            (
                "const xs = [1];\nconst ys = [...xs.concat(zs)];",
                "const xs = [1];\nconst ys = [...xs.concat(zs)];",
            ),
            ("const o = {...(a?.b ?? {})};", "const o = {...a?.b};"),
            (
                "const o = {...(a < b ? x : {})};",
                "const o = {...(a < b && x)};",
            ),
            (
                "const o = {...(a < b ? {} : x)};",
                "const o = {...(!(a < b) && x)};",
            ),
            (
                "const o = {...(c ? a || b : {})};",
                "const o = {...(c && (a || b))};",
            ),
            (
                "const o = {...(a || b ? x : {})};",
                "const o = {...((a || b) && x)};",
            ),
            (
                "const xs = [1];\nconst s = new Set([...xs]);",
                "const xs = [1];\nconst s = new Set(xs);",
            ),
            // Unknown `x`: `new Set(null)` is empty where `[...null]` throws: no fix.
            ("const s = new Set([...xs]);", "const s = new Set([...xs]);"),
            (
                "const m = new Map([[1, 2]]);\nfor (const [k] of [...m]) total += k;",
                "const m = new Map([[1, 2]]);\nfor (const [k] of m) total += k;",
            ),
            (
                "const xs = [1];\nfor (const x of [...xs]) out.push(x);",
                "const xs = [1];\nfor (const x of [...xs]) out.push(x);",
            ),
            (
                "function* g() { const xs = [1]; yield* [...xs]; }",
                "function* g() { const xs = [1]; yield* [...xs]; }",
            ),
            (
                "function* g() { yield* [...'ab']; }",
                "function* g() { yield* 'ab'; }",
            ),
            ("const a = [...[...[1, 2]]];", "const a = [1, 2];"),
            (
                "const o = { ...{ a: 1, ...{ b: 2 } } };",
                "const o = { a: 1, b: 2 };",
            ),
            // A key set inside and outside the spread: inlined, it would be a duplicate key
            // (TS1117, `no-dupe-keys`).
            (
                "const p = (x) => ({ ...{ mode: 'dev' }, mode: x });",
                "const p = (x) => ({ ...{ mode: 'dev' }, mode: x });",
            ),
            (
                "const o = { a: 1, ...{ b: 2, a: 3 } };",
                "const o = { a: 1, ...{ b: 2, a: 3 } };",
            ),
            (
                "const o = { 'a': 1, ...{ [`a`]: 3 } };",
                "const o = { 'a': 1, ...{ [`a`]: 3 } };",
            ),
            (
                "const o = { 1: x, ...{ '1': y } };",
                "const o = { 1: x, ...{ '1': y } };",
            ),
            (
                "const o = { ...{ a: 1 }, ...{ a: 2 } };",
                "const o = { ...{ a: 1 }, ...{ a: 2 } };",
            ),
            (
                "const o = { a: 0, ...{ ...{ a: 2 } } };",
                "const o = { a: 0, ...{ a: 2 } };",
            ),
            (
                "const o = { a: 0, ...{ b: 1, ...{ a: 2 } } };",
                "const o = { a: 0, ...{ b: 1, a: 2 } };",
            ),
            // Other keys, or keys only known at run time, stay fixable.
            (
                "const o = { a: 1, ...{ b: 2 }, [a]: 3 };",
                "const o = { a: 1, b: 2, [a]: 3 };",
            ),
            (
                "const o = { ...{ a: 1 }, ...{ b: 2 } };",
                "const o = { a: 1, b: 2 };",
            ),
        ];
        let mut failures = Vec::new();
        for (code, want) in cases {
            let got = apply(code, ID);
            if got != want {
                failures.push(format!("{code}\n  want {want}\n  got  {got}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    }

    #[test]
    fn typescript_fixes() {
        let cases = [
            (
                "const o = {...(n ? x : {})};",
                "const o = {...(n ? x : {})};",
            ),
            (
                "const o = {...(n > 0 ? x : {})};",
                "const o = {...(n > 0 && x)};",
            ),
            ("const o = {...(!n ? x : {})};", "const o = {...(!n && x)};"),
            (
                "const o = {...(a === b || c instanceof D ? x : {})};",
                "const o = {...((a === b || c instanceof D) && x)};",
            ),
            ("const o = {...(m || {})};", "const o = {...m};"),
            // A parameter may be sparse: `map` keeps its holes, the copy fills them.
            (
                "function f(xs: number[]) { return [...xs.map(g)]; }",
                "function f(xs: number[]) { return [...xs.map(g)]; }",
            ),
            (
                "function f(xs: number[]) { return [...xs.filter(g)]; }",
                "function f(xs: number[]) { return xs.filter(g); }",
            ),
            // A const assertion takes a literal only (TS1355): the copy stays.
            (
                "const ys = [...Object.keys(o)] as const;",
                "const ys = [...Object.keys(o)] as const;",
            ),
            (
                "const ys = <const>([...Object.keys(o)]);",
                "const ys = <const>([...Object.keys(o)]);",
            ),
            (
                "const ys = [...Object.keys(o)] as string[];",
                "const ys = Object.keys(o) as string[];",
            ),
        ];
        let mut failures = Vec::new();
        for (code, want) in cases {
            let got = crate::rules::fix_test_util::apply_in("a.ts", code, ID, None);
            if got != want {
                failures.push(format!("{code}\n  want {want}\n  got  {got}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    }

    #[test]
    fn typescript_duplicate_keys() {
        for code in [
            "export const p = (x: string) => ({ ...{ mode: \"dev\" }, mode: x });",
            "export const q = { a: 1, ...{ b: 2, a: 3 } };",
        ] {
            let got = crate::rules::fix_test_util::apply_in("a.ts", code, ID, None);
            assert_eq!(got, code);
            assert_eq!(lint_with_rule("a.ts", code, ID).len(), 1, "{code}");
        }
    }

    #[test]
    fn messages() {
        let code = "const a = [x, ...[y, z]];\nf(...[a, b]);\nconst o = {...{ a: 1 }};\nconst p = {...(opts || {})};\nconst q = {...(c ? x : {})};\nconst r = { a: 1, b: 2, ...{ b: 3, a: 4 } };\nconst xs = [1, 2];\nconst ys = [...xs.filter(Boolean)];\nconst s = new Set([...xs]);\nfor (const y of [...xs]) total += y;\nfunction* g() { yield* [...xs]; }\n";
        insta::with_settings!({ prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!(ID, render(code, ID));
        });
    }

    #[test]
    fn nested_copies_do_not_copy_each_other() {
        // Each fix was one edit holding the kept text, the levels inside it included: deep
        // nesting made the fixes quadratic in memory (1,000 levels of `new Set([...…])` took
        // 150 MB). They now rewrite only the text around what they keep.
        let n = 40;
        let code = [
            format!(
                "const s = {}xs{};",
                "new Set([...".repeat(n),
                "])".repeat(n)
            ),
            format!("const r = {}xs{};", "[...".repeat(n), ".map(f)]".repeat(n)),
            format!(
                "const o = {}x{};",
                "{...(c ? ".repeat(n),
                " : {})}".repeat(n)
            ),
            format!("const p = {}x{};", "{...(".repeat(n), " || {})}".repeat(n)),
        ]
        .join("\n");
        let d = lint_with_rule("a.js", &code, ID);
        assert!(d.len() >= 4 * (n - 1), "{}", d.len());
        for d in &d {
            if let Some(fix) = &d.fix {
                assert!(fix.edits.iter().all(|e| e.text.len() <= 5), "{fix:?}");
            }
        }
        let cases = [
            (
                "const s = new Set([...new Set([...xs.map(f)])]);",
                "const s = new Set(new Set([...xs.map(f)]));",
            ),
            (
                "const o = {...(c ? {...(d ? x : {})} : {})};",
                "const o = {...(c && {...(d && x)})};",
            ),
            (
                "const o = {...(!c ? {} : x ? y : z)};",
                "const o = {...(!!c && (x ? y : z))};",
            ),
            (
                "const p = {...(a.b || {...(y ?? {})} || {})};",
                "const p = {...(a.b || {...y})};",
            ),
            (
                "const r = [...[...[...xs.map(f)].filter(g)].map(h)];",
                "const r = [...xs.map(f)].filter(g).map(h);",
            ),
        ];
        for (code, want) in cases {
            assert_eq!(apply(code, ID), want, "{code}");
        }
    }
}
