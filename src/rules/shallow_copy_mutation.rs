//! `shallow-copy-mutation`: a binding made by a shallow copy (`{...src}`, `[...src]`,
//! `Object.assign({}, src)`, `src.slice()`, `Array.from(src)`, `src.concat()`, an object rest)
//! that is then written to below its top level (`copy.a.b = v`, `copy.list.push(v)`,
//! `copy[0].done = true`): the nested object is still the original's, so the write reaches it.
//!
//! Invariants, all for precision:
//! - the copy must have at least one source that is an existing object (a parameter, an
//!   import, a member, `this`, a binding used elsewhere); a fresh literal or a call result
//!   nobody else holds (in place, or a local only the copy reads in the same function run)
//!   shares nothing worth reporting, and any source we cannot judge (a call spread into the
//!   copy) makes the whole copy unknown;
//! - a binding that is ever reassigned is skipped, and so is an array copy of a Map (its
//!   items are `[key, value]` pairs made by the iteration);
//! - a level the copy defines itself, or that was replaced on the copy earlier in source order
//!   (anywhere, for writes inside closures; by `=` or as a destructuring or `for…of` target),
//!   is never reported; so is everything after the copy escapes to code we cannot see (passed
//!   to a function, aliased);
//! - an element write on an array copy counts only while every element is certainly one the
//!   source holds: after `sort` or `pop`, yes; after `push`, `unshift`, `fill` or `splice` with
//!   items, the written element may be new;
//! - one diagnostic per copy and level: the first write.

use std::borrow::Cow;

use oxc_ast::AstKind;
use oxc_ast::AstType;
use oxc_ast::ast::{
    Argument, ArrayExpressionElement, AssignmentOperator, BindingPattern, Expression,
    ObjectPropertyKind, PropertyKind, UnaryOperator,
};
use oxc_semantic::{IsGlobalReference, NodeId, SymbolId};
use oxc_span::{GetSpan, Span as OxcSpan};

use crate::diagnostic::Diagnostic;
use crate::kinds::Kind;
use crate::rules::{Category, Ctx, FixKind, Rule, RuleMeta};

pub static META: RuleMeta = RuleMeta {
    id: "shallow-copy-mutation",
    category: Category::Suspicious,
    fix: FixKind::None,
    node_types: &[AstType::VariableDeclarator],
    needles: &[
        "...",
        "Object.assign",
        ".slice",
        ".concat",
        "Array.from",
        // Compiled spreads.
        "_objectSpread",
        "__assign",
        "_extends",
        "__spreadValues",
        "_toConsumableArray",
        "__spreadArray",
    ],
    docs: include_str!("../../rules/shallow-copy-mutation.md"),
    create: crate::no_options!(ShallowCopyMutation),
};

pub struct ShallowCopyMutation;

impl Rule for ShallowCopyMutation {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn gate(&self) -> crate::rules::GateSpec {
        crate::rules::GateSpec::ShallowCopyMutation
    }

    fn check<'a>(&self, node: &oxc_semantic::AstNode<'a>, cx: &mut Ctx<'a, '_>) {
        let AstKind::VariableDeclarator(decl) = node.kind() else {
            return;
        };
        let (BindingPattern::BindingIdentifier(id), Some(init)) = (&decl.id, &decl.init) else {
            return;
        };
        let found = copy_of(init, node.id(), cx, 0).map(|c| (id.symbol_id.get(), c));
        let Some((Some(symbol), copy)) = found else {
            return;
        };
        if copies_a_draft(node.id(), &copy, cx) {
            return;
        }
        check_uses(symbol, node.id(), &copy, cx);
    }
}

/// Calls whose function argument gets a draft that may be written anywhere (immer's
/// `produce`, Redux Toolkit's `createNextState`, `createReducer` and builder cases).
const DRAFT_CALLS: &[&str] = &[
    "produce",
    "produceWithPatches",
    "createNextState",
    "createReducer",
    "addCase",
    "addMatcher",
    "addDefaultCase",
];

/// The draft of an immer-style recipe: when `a` is a function passed to one of
/// [`DRAFT_CALLS`], or a case reducer of `createSlice({ reducers: { … } })`, the name of its
/// first parameter. Writing through a copy of the draft writes the draft, which is what the
/// recipe is for.
fn recipe_draft<'a>(a: NodeId, cx: &Ctx<'a, '_>) -> Option<&'a str> {
    let nodes = cx.nodes();
    let params = match nodes.kind(a) {
        AstKind::Function(f) => &f.params,
        AstKind::ArrowFunctionExpression(f) => &f.params,
        _ => return None,
    };
    let mut parent = nodes.parent_id(a);
    let recipe = if let AstKind::ObjectProperty(_) = nodes.kind(parent) {
        // `reducers: { add(state) {…} }`, `extraReducers: …` of `createSlice({…})`.
        let object = nodes.parent_id(parent);
        let holder = nodes.parent_id(object);
        matches!(nodes.kind(holder), AstKind::ObjectProperty(p)
            if p.key.is_specific_static_name("reducers")
                || p.key.is_specific_static_name("extraReducers"))
            && matches!(nodes.kind(nodes.parent_id(nodes.parent_id(holder))),
                AstKind::CallExpression(c) if callee_name(&c.callee) == Some("createSlice"))
    } else {
        while let AstKind::ParenthesizedExpression(_) = nodes.kind(parent) {
            parent = nodes.parent_id(parent);
        }
        matches!(nodes.kind(parent), AstKind::CallExpression(c)
            if callee_name(&c.callee).is_some_and(|n| DRAFT_CALLS.contains(&n)))
    };
    match &params.items.first()?.pattern {
        BindingPattern::BindingIdentifier(b) if recipe => Some(b.name.as_str()),
        _ => None,
    }
}

/// Whether the copy at `id` is made, inside draft recipes (see [`recipe_draft`]), from a
/// recipe's draft: every source is read off the first parameter of a recipe around it
/// (`{ ...draft.user }`, `[...state.items]`). A copy of anything else there (a module
/// constant, the action's payload) is judged as anywhere.
fn copies_a_draft(id: NodeId, copy: &Copy, cx: &Ctx<'_, '_>) -> bool {
    let drafts: Vec<&str> = cx
        .nodes()
        .ancestor_ids(id)
        .filter_map(|a| recipe_draft(a, cx))
        .collect();
    let rooted = |source: &str| {
        let root = source
            .split(['.', '[', '?', '(', ' '])
            .next()
            .unwrap_or_default();
        // A source too long to show is not judged: taken as the draft's.
        source.is_empty() || drafts.contains(&root)
    };
    !drafts.is_empty() && rooted(&copy.source) && copy.others.iter().all(|o| rooted(o))
}

/// `produce` of `produce(…)`, `immer.produce(…)` and `builder.addCase(…)`.
fn callee_name<'a>(callee: &'a Expression<'a>) -> Option<&'a str> {
    match callee.get_inner_expression() {
        Expression::Identifier(id) => Some(id.name.as_str()),
        e => e.as_member_expression()?.static_property_name(),
    }
}

/// Array or object copy: which levels the copy has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    /// Levels are property names.
    Object,
    /// Levels are the elements, all treated alike.
    Array,
}

/// What a shallow copy is made of.
#[derive(Debug)]
struct Copy {
    shape: Shape,
    /// The source's text as shown in messages (empty: the function's argument).
    source: String,
    /// The other shared sources (`{ ...defaults, ...options }`).
    others: Vec<String>,
    /// Levels the copy defines as shallow copies themselves (`{ ...s, todos: [...s.todos] }`):
    /// their own nested objects are still shared.
    subs: Vec<(String, Copy)>,
    /// Property names the copy defines itself (its own nested levels are fresh).
    own: Vec<String>,
    /// The copy defines a computed property: any level may be its own.
    own_dynamic: bool,
    /// Where the copy is made (label).
    made: OxcSpan,
}

/// What an expression spread or copied into the copy is.
#[derive(Debug)]
enum Source {
    /// An object that others hold too; its text.
    Shared(String),
    /// A fresh literal, with the static keys it defines (and whether it has computed keys).
    Fresh(Vec<String>, bool),
    /// Something we cannot judge (a call result spread in, …).
    Unknown,
}

const MAX_DEPTH: u32 = 8;
/// A copy (or alias) with more references than this is not followed.
const MAX_REFERENCES: usize = 1024;

fn display(text: &str) -> String {
    let t = text.trim();
    if t.len() <= 40 && !t.contains(['\n', '\r']) {
        t.to_string()
    } else {
        String::new()
    }
}

/// Judges a value copied into the copy.
fn classify<'a>(expr: &Expression<'a>, at: NodeId, cx: &Ctx<'a, '_>, depth: u32) -> Source {
    if depth > MAX_DEPTH {
        return Source::Unknown;
    }
    let expr = expr.get_inner_expression();
    match expr {
        Expression::ThisExpression(_)
        | Expression::StaticMemberExpression(_)
        | Expression::ComputedMemberExpression(_)
        | Expression::PrivateFieldExpression(_) => Source::Shared(cx.text(expr.span()).to_string()),
        Expression::Identifier(ident) => {
            if ident.name == "undefined" && ident.is_global_reference(cx.scoping()) {
                return Source::Fresh(Vec::new(), false);
            }
            owned_local(ident, at, cx, depth)
                .unwrap_or_else(|| Source::Shared(ident.name.to_string()))
        }
        Expression::ObjectExpression(obj) => {
            let mut keys = Vec::new();
            let mut dynamic = false;
            for p in &obj.properties {
                match p {
                    ObjectPropertyKind::ObjectProperty(p) => match p.key.static_name() {
                        Some(k) if !p.computed || p.key.is_literal_key() => {
                            keys.push(k.into_owned())
                        }
                        _ => dynamic = true,
                    },
                    ObjectPropertyKind::SpreadProperty(s) => {
                        match classify(&s.argument, at, cx, depth + 1) {
                            Source::Fresh(k, d) => {
                                keys.extend(k);
                                dynamic |= d;
                            }
                            other => return other,
                        }
                    }
                }
            }
            Source::Fresh(keys, dynamic)
        }
        Expression::NullLiteral(_)
        | Expression::BooleanLiteral(_)
        | Expression::NumericLiteral(_)
        | Expression::StringLiteral(_) => Source::Fresh(Vec::new(), false),
        Expression::ConditionalExpression(c) => combine(
            classify(&c.consequent, at, cx, depth + 1),
            classify(&c.alternate, at, cx, depth + 1),
        ),
        Expression::LogicalExpression(l) => combine(
            classify(&l.left, at, cx, depth + 1),
            classify(&l.right, at, cx, depth + 1),
        ),
        _ => Source::Unknown,
    }
}

trait LiteralKey {
    fn is_literal_key(&self) -> bool;
}

impl LiteralKey for oxc_ast::ast::PropertyKey<'_> {
    fn is_literal_key(&self) -> bool {
        matches!(
            self,
            oxc_ast::ast::PropertyKey::StringLiteral(_)
                | oxc_ast::ast::PropertyKey::NumericLiteral(_)
        )
    }
}

fn combine(a: Source, b: Source) -> Source {
    match (a, b) {
        (Source::Shared(t), _) | (_, Source::Shared(t)) => Source::Shared(t),
        (Source::Unknown, _) | (_, Source::Unknown) => Source::Unknown,
        (Source::Fresh(mut k1, d1), Source::Fresh(k2, d2)) => {
            k1.extend(k2);
            Source::Fresh(k1, d1 || d2)
        }
    }
}

/// A local binding nothing but this copy reads (an array literal may also be filled by
/// `push`/`unshift` statements), in the same function run and outside any loop
/// the binding is not in, not exported: changing its nested objects is unobservable, so it is
/// judged like its value written in place. That is a call result (`const data = await
/// load()`), whose keys we cannot know, or a fresh literal (`const src = { a: { n: 1 } }`,
/// its keys as [`classify`] reads them). `None`: not such a binding.
fn owned_local<'a>(
    ident: &oxc_ast::ast::IdentifierReference<'a>,
    at: NodeId,
    cx: &Ctx<'a, '_>,
    depth: u32,
) -> Option<Source> {
    let scoping = cx.scoping();
    let symbol = ident
        .reference_id
        .get()
        .and_then(|r| scoping.get_reference(r).symbol_id())?;
    let decl_id = scoping.symbol_declaration(symbol);
    let AstKind::VariableDeclarator(decl) = cx.nodes().kind(decl_id) else {
        return None;
    };
    if !matches!(decl.id, BindingPattern::BindingIdentifier(_)) {
        return None;
    }
    let init = decl.init.as_ref()?;
    let array_init = matches!(init.get_inner_expression(), Expression::ArrayExpression(_));
    // The copy's read, and, for an array literal, the statements that fill it
    // (`list.push({ id })`): the array stays the function's own.
    // Once per binding (the answer depends on it alone): asked per copy, counting every
    // reference is quadratic in a file with thousands of copies of one source.
    let one_read = cx
        .kinds()
        .symbol_fact("shallow-copy-mutation/one-read", symbol, || {
            let mut reads = 0;
            for r in scoping.get_resolved_references(symbol) {
                if !(array_init && is_fill(r.node_id(), cx)) {
                    reads += 1;
                }
            }
            reads == 1
        });
    if !one_read {
        return None;
    }
    if function_of(decl_id, cx) != function_of(at, cx) {
        return None;
    }
    // `export const base = {…}`: other modules hold it.
    let declaration = cx.nodes().parent_id(decl_id);
    if matches!(
        cx.nodes().parent_kind(declaration),
        AstKind::ExportDeclaration(_) | AstKind::ExportNamedDeclaration(_)
    ) {
        return None;
    }
    let decl_span = decl.span;
    let in_loop = cx.nodes().ancestors(at).any(|n| {
        let loop_stmt = matches!(
            n.kind(),
            AstKind::ForStatement(_)
                | AstKind::ForInStatement(_)
                | AstKind::ForOfStatement(_)
                | AstKind::WhileStatement(_)
                | AstKind::DoWhileStatement(_)
        );
        loop_stmt && !contains(n.kind().span(), decl_span)
    });
    if in_loop {
        return None;
    }
    match init.get_inner_expression() {
        // Any key may come from the call: it may override any level of another source.
        Expression::CallExpression(_)
        | Expression::NewExpression(_)
        | Expression::AwaitExpression(_) => Some(Source::Fresh(Vec::new(), true)),
        // `const src = [{ n: 1 }]` (a spread in it may share elements: not owned).
        Expression::ArrayExpression(arr) => arr
            .elements
            .iter()
            .all(|e| !matches!(e, ArrayExpressionElement::SpreadElement(_)))
            .then(|| Source::Fresh(Vec::new(), true)),
        // `const src = { a: { n: 1 } }` is the literal in place; `{ ...props }` is not fresh.
        init => match classify(init, at, cx, depth + 1) {
            fresh @ Source::Fresh(..) => Some(fresh),
            _ => None,
        },
    }
}

/// A reference that only adds elements to the array it names, as a statement of its own:
/// `list.push(x)`, `list.unshift(x)` (the call's result unused, the array not passed on).
fn is_fill(reference: NodeId, cx: &Ctx<'_, '_>) -> bool {
    let nodes = cx.nodes();
    let member = nodes.parent_id(reference);
    let AstKind::StaticMemberExpression(m) = nodes.kind(member) else {
        return false;
    };
    if !matches!(m.property.name.as_str(), "push" | "unshift")
        || !matches!(&m.object, Expression::Identifier(id) if id.span == nodes.kind(reference).span())
    {
        return false;
    }
    let call = nodes.parent_id(member);
    let AstKind::CallExpression(c) = nodes.kind(call) else {
        return false;
    };
    c.callee.span() == m.span && matches!(nodes.parent_kind(call), AstKind::ExpressionStatement(_))
}

/// The function (or program) a node runs in.
fn function_of(id: NodeId, cx: &Ctx<'_, '_>) -> NodeId {
    for n in cx.nodes().ancestors(id) {
        if matches!(
            n.kind(),
            AstKind::Function(_) | AstKind::ArrowFunctionExpression(_) | AstKind::Program(_)
        ) {
            return n.id();
        }
    }
    id
}

fn outer_loop(id: NodeId, decl_start: u32, cx: &Ctx<'_, '_>) -> Option<OxcSpan> {
    let mut found = None;
    for n in cx.nodes().ancestors(id) {
        match n.kind() {
            AstKind::Function(_) | AstKind::ArrowFunctionExpression(_) => break,
            AstKind::ForStatement(_)
            | AstKind::ForInStatement(_)
            | AstKind::ForOfStatement(_)
            | AstKind::WhileStatement(_)
            | AstKind::DoWhileStatement(_) => {
                let span = n.kind().span();
                if span.start <= decl_start && decl_start < span.end {
                    break;
                }
                found = Some(span);
            }
            _ => {}
        }
    }
    found
}

fn contains(outer: OxcSpan, inner: OxcSpan) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

fn is_global_call(callee: &Expression<'_>, object: &str, property: &str, cx: &Ctx) -> bool {
    let Expression::StaticMemberExpression(m) = callee.get_inner_expression() else {
        return false;
    };
    m.property.name == property
        && matches!(m.object.get_inner_expression(), Expression::Identifier(id)
            if id.name == object && id.is_global_reference(cx.scoping()))
}

/// Recognises a shallow copy expression with a shared source.
fn copy_of<'a>(init: &Expression<'a>, at: NodeId, cx: &Ctx<'a, '_>, depth: u32) -> Option<Copy> {
    if depth > MAX_DEPTH {
        return None;
    }
    let init = init.get_inner_expression();
    let made = init.span();
    match init {
        Expression::ObjectExpression(obj) => {
            let mut sources = Vec::new();
            let mut own = Vec::new();
            let mut own_dynamic = false;
            for p in &obj.properties {
                if let ObjectPropertyKind::SpreadProperty(s) = p {
                    match classify(&s.argument, at, cx, 0) {
                        Source::Shared(t) => sources.push(t),
                        Source::Fresh(k, d) => {
                            own.extend(k);
                            own_dynamic |= d;
                        }
                        Source::Unknown => return None,
                    }
                }
            }
            if sources.is_empty() {
                return None;
            }
            let mut subs = Vec::new();
            for p in &obj.properties {
                if let ObjectPropertyKind::ObjectProperty(p) = p {
                    match p.key.static_name() {
                        Some(k) if !p.computed || p.key.is_literal_key() => {
                            // `{ ...state, items: state.items }` keeps the shared level.
                            if !is_member_of_source(&p.value, &k, &sources, cx) {
                                if p.kind == PropertyKind::Init
                                    && !p.method
                                    && let Some(sub) = copy_of(&p.value, at, cx, depth + 1)
                                {
                                    subs.push((k.to_string(), sub));
                                }
                                own.push(k.into_owned());
                            }
                        }
                        _ => own_dynamic = true,
                    }
                }
            }
            Some(Copy {
                shape: Shape::Object,
                subs,
                source: sources.remove(0),
                others: sources,
                own,
                own_dynamic,
                made,
            })
        }
        Expression::ArrayExpression(arr) => {
            let mut sources = Vec::new();
            for e in &arr.elements {
                // `[...prev, item]`: an element index may be the new item; stay quiet.
                let ArrayExpressionElement::SpreadElement(s) = e else {
                    return None;
                };
                if iterates_fresh_entries(&s.argument, cx) {
                    return None;
                }
                match classify(&s.argument, at, cx, 0) {
                    Source::Shared(t) => sources.push(t),
                    _ => return None,
                }
            }
            if sources.is_empty() {
                return None;
            }
            Some(array_copy_of(sources, made))
        }
        Expression::CallExpression(call) => {
            if call.optional {
                return None;
            }
            if let Some((mut sources, own, own_dynamic)) = assign_parts(call, at, cx, depth) {
                if sources.is_empty() {
                    return None;
                }
                return Some(Copy {
                    shape: Shape::Object,
                    source: sources.remove(0),
                    others: sources,
                    subs: Vec::new(),
                    own,
                    own_dynamic,
                    made,
                });
            }
            // Compiled array spreads: `_toConsumableArray(src)`, `__spreadArray([], src, true)`.
            match helper_name(&call.callee) {
                Some("_toConsumableArray") if call.arguments.len() == 1 => {
                    let arg = call.arguments.first()?.as_expression()?;
                    return match classify(arg, at, cx, 0) {
                        Source::Shared(t) => Some(array_copy(t, made)),
                        _ => None,
                    };
                }
                Some("__spreadArray") => {
                    let first = call.arguments.first()?.as_expression()?;
                    let arg = call.arguments.get(1)?.as_expression()?;
                    let empty = matches!(first.get_inner_expression(), Expression::ArrayExpression(a) if a.elements.is_empty());
                    return match classify(arg, at, cx, 0) {
                        Source::Shared(t) if empty => Some(array_copy(t, made)),
                        _ => None,
                    };
                }
                _ => {}
            }
            if is_global_call(&call.callee, "Array", "from", cx) {
                if call.arguments.len() != 1 {
                    return None;
                }
                let arg = call.arguments.first()?.as_expression()?;
                if iterates_fresh_entries(arg, cx) {
                    return None;
                }
                return match classify(arg, at, cx, 0) {
                    Source::Shared(t) => Some(array_copy(t, made)),
                    _ => None,
                };
            }
            let Expression::StaticMemberExpression(m) = call.callee.get_inner_expression() else {
                return None;
            };
            if m.optional {
                return None;
            }
            match m.property.name.as_str() {
                "slice" if call.arguments.len() <= 2 => match classify(&m.object, at, cx, 0) {
                    Source::Shared(t) => Some(array_copy(t, made)),
                    _ => None,
                },
                "concat" => {
                    let mut sources = Vec::new();
                    let receiver = m.object.get_inner_expression();
                    let empty_literal = |e: &Expression| matches!(e.get_inner_expression(), Expression::ArrayExpression(a) if a.elements.is_empty());
                    if !empty_literal(receiver) {
                        match classify(receiver, at, cx, 0) {
                            Source::Shared(t) => sources.push(t),
                            _ => return None,
                        }
                    }
                    for a in &call.arguments {
                        let Argument::SpreadElement(_) = a else {
                            let a = a.as_expression()?;
                            if empty_literal(a) {
                                continue;
                            }
                            match classify(a, at, cx, 0) {
                                Source::Shared(t) => sources.push(t),
                                _ => return None,
                            }
                            continue;
                        };
                        return None;
                    }
                    if sources.is_empty() {
                        return None;
                    }
                    Some(array_copy_of(sources, made))
                }
                _ => None,
            }
        }
        _ => None,
    }
}

/// Whether iterating the value yields a new `[key, value]` array per item: a Map, or
/// `Headers`, `URLSearchParams`, `FormData`. An array copy of it (`[...cache]`,
/// `Array.from(cache)`) holds pairs nobody else has, so `entries[0][1] = 0` or
/// `entries[0].push(x)` changes nothing the source holds.
fn iterates_fresh_entries(value: &Expression<'_>, cx: &Ctx<'_, '_>) -> bool {
    matches!(
        cx.kinds().of(value).kind,
        Kind::Map | Kind::Headers | Kind::UrlSearchParams | Kind::FormData
    )
}

/// The name of a compiled object-spread or `Object.assign` helper a call goes to, without a
/// bundler's `$1` suffix: `_objectSpread2(…)`, `(0, _objectSpread2.default)(…)`,
/// `tslib.__assign(…)`.
pub(crate) fn helper_name<'a>(callee: &'a Expression<'a>) -> Option<&'a str> {
    let callee = match callee.get_inner_expression() {
        Expression::SequenceExpression(seq) => seq.expressions.last()?.get_inner_expression(),
        other => other,
    };
    let name = match callee {
        Expression::Identifier(id) => id.name.as_str(),
        Expression::StaticMemberExpression(m) if m.property.name == "default" => {
            match m.object.get_inner_expression() {
                Expression::Identifier(id) => id.name.as_str(),
                _ => return None,
            }
        }
        Expression::StaticMemberExpression(m) => m.property.name.as_str(),
        _ => return None,
    };
    let base = match name.rfind('$') {
        Some(i) if i > 0 && name[i + 1..].bytes().all(|b| b.is_ascii_digit()) => &name[..i],
        _ => name,
    };
    Some(base)
}

pub(crate) const ASSIGN_HELPERS: &[&str] = &[
    "_objectSpread",
    "_objectSpread2",
    "__assign",
    "_extends",
    "__spreadValues",
    "__spreadProps",
];

/// `Object.assign({}, …)` or a compiled spread helper (`_objectSpread2({}, state)`, nested as
/// Babel writes `{ ...state, a }`): the shared sources and the keys the copy defines itself.
fn assign_parts<'a>(
    call: &oxc_ast::ast::CallExpression<'a>,
    at: NodeId,
    cx: &Ctx<'a, '_>,
    depth: u32,
) -> Option<(Vec<String>, Vec<String>, bool)> {
    if depth > MAX_DEPTH || call.optional {
        return None;
    }
    let helper = helper_name(&call.callee).is_some_and(|n| ASSIGN_HELPERS.contains(&n));
    if !helper && !is_global_call(&call.callee, "Object", "assign", cx) {
        return None;
    }
    let first = call.arguments.first()?.as_expression()?;
    let mut sources = Vec::new();
    let mut own = Vec::new();
    let mut own_dynamic = false;
    match first.get_inner_expression() {
        Expression::ObjectExpression(_) => match classify(first, at, cx, 0) {
            Source::Fresh(k, d) => {
                own.extend(k);
                own_dynamic |= d;
            }
            Source::Shared(t) => sources.push(t),
            Source::Unknown => return None,
        },
        Expression::CallExpression(inner) if helper => {
            let (s, o, d) = assign_parts(inner, at, cx, depth + 1)?;
            sources.extend(s);
            own.extend(o);
            own_dynamic |= d;
        }
        _ => return None,
    }
    for a in call.arguments.iter().skip(1) {
        let a = a.as_expression()?;
        match classify(a, at, cx, 0) {
            Source::Shared(t) => sources.push(t),
            Source::Fresh(k, d) => {
                own.extend(k);
                own_dynamic |= d;
            }
            Source::Unknown => return None,
        }
    }
    Some((sources, own, own_dynamic))
}

fn array_copy(source: String, made: OxcSpan) -> Copy {
    array_copy_of(vec![source], made)
}

fn array_copy_of(mut sources: Vec<String>, made: OxcSpan) -> Copy {
    Copy {
        shape: Shape::Array,
        source: sources.remove(0),
        others: sources,
        subs: Vec::new(),
        own: Vec::new(),
        own_dynamic: false,
        made,
    }
}

/// `state.items` as the value of `items` in `{ ...state, items: state.items }`.
fn is_member_of_source(value: &Expression, key: &str, sources: &[String], cx: &Ctx) -> bool {
    match value.get_inner_expression() {
        Expression::StaticMemberExpression(m) => {
            m.property.name == key
                && sources
                    .iter()
                    .any(|s| s == cx.text(m.object.get_inner_expression().span()))
        }
        _ => false,
    }
}

/// One step below the copy: a property name or a computed key we cannot read.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Step {
    Key(String),
    Dynamic,
}

fn step_of(expr: &Expression) -> Step {
    match expr.get_inner_expression() {
        Expression::StringLiteral(s) => Step::Key(s.value.to_string()),
        Expression::NumericLiteral(n) => Step::Key(n.value.to_string()),
        Expression::TemplateLiteral(t) => match t.single_quasi() {
            Some(q) => Step::Key(q.to_string()),
            None => Step::Dynamic,
        },
        _ => Step::Dynamic,
    }
}

/// What one reference to the copy does.
#[derive(Clone, Debug)]
enum Action {
    /// Replaces (or removes) one top-level property of the copy.
    Replace(Step),
    /// Replaces levels we cannot name, or hands the copy to code we cannot see.
    ReplaceAll,
    /// Bindings to levels of the copy (elements, for an array copy), each with its path:
    /// `const items = copy.items`, `const { user } = copy`, `for (const t of copy)`,
    /// `copy.forEach((t) => …)`; for a callback's parameter, the callback, which runs in
    /// place, once per element.
    Alias(Vec<(SymbolId, Vec<Step>)>, Option<NodeId>),
    /// Writes below the top level, through the level `Step`.
    Nested {
        level: Step,
        span: OxcSpan,
        /// The written object's path, e.g. `copy.a` for `copy.a.b = 1`.
        path: Vec<Step>,
        /// The property written (`b`), `None` for a method call or `Object.assign`.
        prop: Option<Step>,
        /// The write is an array method call (for the help's example).
        array_method: bool,
        /// The call only reorders or drops the written array's elements (`sort`, `pop`):
        /// seen from that array's own level, every element is still the one it shared.
        keeps_elements: bool,
    },
    None,
}

const ARRAY_MUTATORS: &[&str] = &[
    "push",
    "pop",
    "shift",
    "unshift",
    "splice",
    "sort",
    "reverse",
    "fill",
    "copyWithin",
];
const COLLECTION_MUTATORS: &[&str] = &["set", "add", "delete", "clear"];
/// Array methods that change which object an index holds.
const INDEX_CHANGERS: &[&str] = &[
    "push",
    "pop",
    "shift",
    "unshift",
    "splice",
    "sort",
    "reverse",
    "fill",
    "copyWithin",
];

/// Whether `array.method(…)` (the call `call`, node `call_id`) leaves every element of the
/// array one it held before: `sort`, `reverse` and `copyWithin` reorder (when their result,
/// the array itself, is not handed on), `pop` and `shift` drop one, `splice(i, n)` without
/// items removes some. `push`, `unshift`, `fill` and `splice` with items bring in other
/// objects, at indexes we cannot tell apart.
fn keeps_shared_elements(
    method: &str,
    call: &oxc_ast::ast::CallExpression<'_>,
    call_id: NodeId,
    cx: &Ctx<'_, '_>,
) -> bool {
    match method {
        "pop" | "shift" => true,
        "splice" => {
            call.arguments.len() <= 2
                && call
                    .arguments
                    .iter()
                    .all(|a| !matches!(a, Argument::SpreadElement(_)))
        }
        "sort" | "reverse" | "copyWithin" => {
            let nodes = cx.nodes();
            let mut parent = nodes.parent_id(call_id);
            while let AstKind::ParenthesizedExpression(_) | AstKind::ChainExpression(_) =
                nodes.kind(parent)
            {
                parent = nodes.parent_id(parent);
            }
            matches!(nodes.kind(parent), AstKind::ExpressionStatement(_))
        }
        _ => false,
    }
}

/// Calls that read the copy and keep nothing of it.
fn is_pure_reader(callee: &Expression, cx: &Ctx) -> bool {
    let callee = callee.get_inner_expression();
    if let Expression::Identifier(id) = callee {
        return id.is_global_reference(cx.scoping())
            && matches!(id.name.as_str(), "structuredClone" | "String" | "Boolean");
    }
    let Expression::StaticMemberExpression(m) = callee else {
        return false;
    };
    let Expression::Identifier(obj) = m.object.get_inner_expression() else {
        return false;
    };
    if !obj.is_global_reference(cx.scoping()) {
        return false;
    }
    match obj.name.as_str() {
        "console" => true,
        "JSON" => m.property.name == "stringify",
        "Object" => matches!(
            m.property.name.as_str(),
            "keys" | "values" | "entries" | "isFrozen" | "getOwnPropertyNames"
        ),
        "Array" => m.property.name == "isArray",
        _ => false,
    }
}

/// What the reference `ref_node` does; `prefix` is the path from the copy to the binding
/// referenced (empty for the copy itself, `[items]` for `const items = copy.items`).
fn classify_use<'a>(ref_node: NodeId, shape: Shape, cx: &Ctx<'a, '_>, prefix: &[Step]) -> Action {
    let nodes = cx.nodes();
    let mut cur_id = ref_node;
    let mut cur_span = nodes.kind(ref_node).span();
    let mut path: Vec<Step> = prefix.to_vec();
    loop {
        let pid = nodes.parent_id(cur_id);
        if pid == cur_id {
            return Action::None;
        }
        let parent = nodes.kind(pid);
        match parent {
            AstKind::ParenthesizedExpression(_)
            | AstKind::TSNonNullExpression(_)
            | AstKind::TSAsExpression(_)
            | AstKind::TSSatisfiesExpression(_)
            | AstKind::TSTypeAssertion(_)
            | AstKind::ChainExpression(_) => {}
            AstKind::StaticMemberExpression(m) if contains(m.object.span(), cur_span) => {
                path.push(Step::Key(m.property.name.to_string()));
            }
            AstKind::ComputedMemberExpression(m) if contains(m.object.span(), cur_span) => {
                path.push(step_of(&m.expression));
            }
            AstKind::PrivateFieldExpression(m) if contains(m.object.span(), cur_span) => {
                path.push(Step::Key(format!("#{}", m.field.name)));
            }
            AstKind::CallExpression(call) if contains(call.callee.span(), cur_span) => {
                let Some(Step::Key(method)) = path.last().cloned() else {
                    return if path.is_empty() {
                        Action::ReplaceAll
                    } else {
                        Action::None
                    };
                };
                if (path.len() > 1 || shape == Shape::Array)
                    && ELEMENT_CALLBACKS.contains(&method.as_str())
                {
                    // `copy.forEach((todo) => …)`: the callback's first parameter is an element.
                    path.pop();
                    path.push(Step::Dynamic);
                    return callback_aliases(call, &mut path);
                }
                if path.len() == 1 {
                    if shape == Shape::Array {
                        // `copy.find(f).done = true`: the call gives an element.
                        if matches!(method.as_str(), "find" | "findLast" | "at") {
                            path = vec![Step::Dynamic];
                            cur_id = pid;
                            cur_span = parent.span();
                            continue;
                        }
                        if INDEX_CHANGERS.contains(&method.as_str()) {
                            // `copy.sort(f)` keeps the copy and its elements shared: a later
                            // element write still reaches the original.
                            return if keeps_shared_elements(&method, call, pid, cx) {
                                Action::None
                            } else {
                                Action::ReplaceAll
                            };
                        }
                    }
                    return Action::None;
                }
                let array_method = ARRAY_MUTATORS.contains(&method.as_str());
                if !array_method && !COLLECTION_MUTATORS.contains(&method.as_str()) {
                    return Action::None;
                }
                let keeps_elements = array_method && keeps_shared_elements(&method, call, pid, cx);
                path.pop();
                return Action::Nested {
                    level: path[0].clone(),
                    span: call.span,
                    path,
                    prop: None,
                    array_method,
                    keeps_elements,
                };
            }
            AstKind::CallExpression(call) => {
                // An argument.
                let first = call
                    .arguments
                    .first()
                    .is_some_and(|a| contains(a.span(), cur_span));
                if is_global_call(&call.callee, "Object", "assign", cx) && first {
                    if path.is_empty() {
                        // `Object.assign(copy, { a: … })` replaces `a`; anything else, all.
                        let mut keys = Vec::new();
                        for a in call.arguments.iter().skip(1) {
                            let Some(Expression::ObjectExpression(o)) =
                                a.as_expression().map(Expression::get_inner_expression)
                            else {
                                return Action::ReplaceAll;
                            };
                            for p in &o.properties {
                                match p {
                                    ObjectPropertyKind::ObjectProperty(p)
                                        if !p.computed || p.key.is_literal_key() =>
                                    {
                                        match p.key.static_name() {
                                            Some(k) => keys.push(k.into_owned()),
                                            None => return Action::ReplaceAll,
                                        }
                                    }
                                    _ => return Action::ReplaceAll,
                                }
                            }
                        }
                        return match keys.len() {
                            0 => Action::None,
                            1 => Action::Replace(Step::Key(keys.swap_remove(0))),
                            _ => Action::ReplaceAll,
                        };
                    }
                    if call.arguments.len() < 2 {
                        return Action::None;
                    }
                    return Action::Nested {
                        level: path[0].clone(),
                        span: call.span,
                        path,
                        prop: None,
                        array_method: false,
                        keeps_elements: false,
                    };
                }
                // Spread into a compiled spread helper other than as its target: a read.
                let helper = helper_name(&call.callee).is_some_and(|n| ASSIGN_HELPERS.contains(&n));
                if path.is_empty() && (first || !helper) && !is_pure_reader(&call.callee, cx) {
                    return Action::ReplaceAll;
                }
                return Action::None;
            }
            AstKind::AssignmentExpression(a) if contains(a.left.span(), cur_span) => {
                return write(path, a.span);
            }
            AstKind::UpdateExpression(u) => return write(path, u.span),
            // `const items = copy.items`, `const todo = copy.find(f)` or
            // `const { user } = copy`: follow `items`, `todo`, `user`.
            AstKind::VariableDeclarator(d)
                if d.init
                    .as_ref()
                    .is_some_and(|i| contains(i.span(), cur_span)) =>
            {
                if path.is_empty() && matches!(d.id, BindingPattern::BindingIdentifier(_)) {
                    return Action::ReplaceAll;
                }
                let mut bindings = Vec::new();
                if !pattern_aliases(&d.id, &mut path, &mut bindings) && path.is_empty() {
                    // A pattern we cannot follow (a default, a rest) may hold the copy's levels
                    // anywhere.
                    return Action::ReplaceAll;
                }
                return Action::Alias(bindings, None);
            }
            // `for (const todo of copy)`, `for (const todo of copy.todos)`: each `todo` is an
            // element the source holds too.
            AstKind::ForOfStatement(f)
                if !f.r#await
                    && contains(f.right.span(), cur_span)
                    && (!path.is_empty() || shape == Shape::Array) =>
            {
                let oxc_ast::ast::ForStatementLeft::VariableDeclaration(v) = &f.left else {
                    return Action::None;
                };
                let Some(d) = v.declarations.first() else {
                    return Action::None;
                };
                path.push(Step::Dynamic);
                let mut bindings = Vec::new();
                pattern_aliases(&d.id, &mut path, &mut bindings);
                return Action::Alias(bindings, None);
            }
            AstKind::UnaryExpression(u) if u.operator == UnaryOperator::Delete => {
                return write(path, u.span);
            }
            // A destructuring or `for…in`/`for…of` target: `({ a: copy.a } = v)`,
            // `[copy.a] = v`, `({ ...copy.a } = v)`, `for (copy.a of xs)` assign `copy.a`.
            AstKind::ArrayAssignmentTarget(_) | AstKind::AssignmentTargetRest(_) => {
                return write(path, cur_span);
            }
            AstKind::AssignmentTargetPropertyProperty(p)
                if contains(p.binding.span(), cur_span) =>
            {
                return write(path, cur_span);
            }
            AstKind::AssignmentTargetWithDefault(d) if contains(d.binding.span(), cur_span) => {
                return write(path, cur_span);
            }
            AstKind::ForOfStatement(f) if contains(f.left.span(), cur_span) => {
                return write(path, cur_span);
            }
            AstKind::ForInStatement(f) if contains(f.left.span(), cur_span) => {
                return write(path, cur_span);
            }
            _ => {
                if !path.is_empty() {
                    return Action::None;
                }
                // The copy itself used as a value: reads that keep nothing are fine.
                return match parent {
                    AstKind::SpreadElement(_)
                    | AstKind::ReturnStatement(_)
                    | AstKind::BinaryExpression(_)
                    | AstKind::UnaryExpression(_)
                    | AstKind::IfStatement(_)
                    | AstKind::ExpressionStatement(_)
                    | AstKind::TemplateLiteral(_)
                    | AstKind::ForOfStatement(_)
                    | AstKind::ForInStatement(_)
                    | AstKind::SwitchStatement(_)
                    | AstKind::WhileStatement(_) => Action::None,
                    AstKind::ConditionalExpression(c) if contains(c.test.span(), cur_span) => {
                        Action::None
                    }
                    AstKind::LogicalExpression(l) if contains(l.left.span(), cur_span) => {
                        // `copy && …` as a test is a read; as a value, it may alias.
                        match nodes.parent_kind(pid) {
                            AstKind::IfStatement(_)
                            | AstKind::ExpressionStatement(_)
                            | AstKind::ReturnStatement(_) => Action::None,
                            _ => Action::ReplaceAll,
                        }
                    }
                    _ => Action::ReplaceAll,
                };
            }
        }
        cur_id = pid;
        cur_span = parent.span();
    }
}

/// Array methods whose callback gets each element as its first parameter.
const ELEMENT_CALLBACKS: &[&str] = &[
    "forEach",
    "map",
    "flatMap",
    "filter",
    "some",
    "every",
    "findIndex",
    "findLastIndex",
];

/// The bindings of `pattern`, which takes the value at `path`, with their paths. Returns
/// false when part of the pattern cannot be followed: a default value (the binding may hold
/// the default instead), a rest (a new object or array), a computed key.
fn pattern_aliases(
    pattern: &BindingPattern,
    path: &mut Vec<Step>,
    out: &mut Vec<(SymbolId, Vec<Step>)>,
) -> bool {
    match pattern {
        BindingPattern::BindingIdentifier(id) => {
            if let Some(symbol) = id.symbol_id.get() {
                out.push((symbol, path.clone()));
            }
            true
        }
        BindingPattern::ObjectPattern(o) => {
            let mut all = o.rest.is_none();
            for p in &o.properties {
                let key = match p.key.static_name() {
                    Some(k) if !p.computed || p.key.is_literal_key() => k.into_owned(),
                    _ => {
                        all = false;
                        continue;
                    }
                };
                path.push(Step::Key(key));
                all &= pattern_aliases(&p.value, path, out);
                path.pop();
            }
            all
        }
        BindingPattern::ArrayPattern(a) => {
            let mut all = a.rest.is_none();
            for (i, e) in a.elements.iter().enumerate() {
                if let Some(e) = e {
                    path.push(Step::Key(i.to_string()));
                    all &= pattern_aliases(e, path, out);
                    path.pop();
                }
            }
            all
        }
        BindingPattern::AssignmentPattern(_) => false,
    }
}

/// `x.forEach(fn)` and kin, with `path` the path of an element of `x`: the first parameter
/// of an inline `fn`.
fn callback_aliases(call: &oxc_ast::ast::CallExpression<'_>, path: &mut Vec<Step>) -> Action {
    let Some((param, callback)) = call
        .arguments
        .first()
        .and_then(Argument::as_expression)
        .and_then(|f| match f.get_inner_expression() {
            Expression::ArrowFunctionExpression(f) => {
                Some((f.params.items.first()?, f.node_id.get()))
            }
            Expression::FunctionExpression(f) => Some((f.params.items.first()?, f.node_id.get())),
            _ => None,
        })
    else {
        return Action::None;
    };
    if param.initializer.is_some() {
        return Action::None;
    }
    let mut bindings = Vec::new();
    pattern_aliases(&param.pattern, path, &mut bindings);
    Action::Alias(bindings, Some(callback))
}

/// A write through `path` (assignment, update, `delete`).
fn write(mut path: Vec<Step>, span: OxcSpan) -> Action {
    match path.len() {
        0 => Action::ReplaceAll,
        1 => Action::Replace(path.swap_remove(0)),
        // `copy.inputRef.current = el`: a React ref is a box meant to be shared and written.
        _ if path.last() == Some(&Step::Key("current".to_string())) => Action::None,
        _ => {
            let prop = path.pop();
            Action::Nested {
                level: path[0].clone(),
                span,
                path,
                prop,
                array_method: false,
                keeps_elements: false,
            }
        }
    }
}

fn is_index(step: &Step) -> bool {
    match step {
        Step::Dynamic => true,
        Step::Key(k) => !k.is_empty() && k.bytes().all(|b| b.is_ascii_digit()),
    }
}

struct Use {
    start: u32,
    func: NodeId,
    /// The outermost loop around the use (in its function) that the copy was made before:
    /// a replacement anywhere in it may run before the use, in an earlier iteration.
    loop_span: Option<OxcSpan>,
    action: Action,
}

fn check_uses<'a>(symbol: SymbolId, decl_node: NodeId, copy: &Copy, cx: &mut Ctx<'a, '_>) {
    let scoping = cx.scoping();
    // Generated code can use one binding thousands of times; the judgement is quadratic in
    // the writes, so such a copy is not followed.
    if scoping.get_resolved_reference_ids(symbol).len() > MAX_REFERENCES {
        return;
    }
    let refs: Vec<_> = scoping.get_resolved_references(symbol).collect();
    // A copy binding that is ever reassigned is not followed.
    if refs.iter().any(|r| r.is_write()) {
        return;
    }
    let decl_start = cx.nodes().kind(decl_node).span().start;
    let decl_func = function_of(decl_node, cx);
    // An array copied only to be walked (`const items = [...set]; for (…) items[i].x = …`)
    // changes its elements on purpose. Element writes count when the copy is kept as a new
    // array (returned, stored, passed on) or the original is read again afterwards.
    if copy.shape == Shape::Array
        && !refs.iter().any(|r| kept_as_value(r.node_id(), cx))
        && !source_read_after(copy, decl_node, cx)
    {
        return;
    }
    if source_deleted_after(copy, decl_node, cx) {
        return;
    }
    let mut uses: Vec<Use> = Vec::new();
    for r in &refs {
        let node = r.node_id();
        let start = cx.nodes().kind(node).span().start;
        if start < decl_start {
            continue;
        }
        let action = classify_use(node, copy.shape, cx, &[]);
        match action {
            Action::None => continue,
            Action::Alias(bindings, callback) => {
                // Writes through an alias are writes below the copy's top level.
                for (symbol, prefix) in bindings {
                    if scoping.get_resolved_reference_ids(symbol).len() > MAX_REFERENCES {
                        continue;
                    }
                    let alias_refs: Vec<_> = scoping.get_resolved_references(symbol).collect();
                    if alias_refs.iter().any(|r| r.is_write()) {
                        continue;
                    }
                    for ar in alias_refs {
                        let node = ar.node_id();
                        let start = cx.nodes().kind(node).span().start;
                        let action = classify_use(node, copy.shape, cx, &prefix);
                        if !matches!(action, Action::Nested { .. }) {
                            continue;
                        }
                        let mut func = function_of(node, cx);
                        let mut loop_span = outer_loop(node, decl_start, cx);
                        if let Some(callback) = callback
                            && func == callback
                        {
                            // `copy.forEach((t) => { t.done = true; })` runs where it stands,
                            // like a loop's body.
                            let site = cx.nodes().parent_id(callback);
                            func = function_of(site, cx);
                            loop_span = outer_loop(site, decl_start, cx)
                                .or(Some(cx.nodes().kind(callback).span()));
                        }
                        uses.push(Use {
                            start,
                            func,
                            loop_span,
                            action,
                        });
                    }
                }
            }
            action => uses.push(Use {
                start,
                func: function_of(node, cx),
                loop_span: outer_loop(node, decl_start, cx),
                action,
            }),
        }
    }
    uses.sort_by_key(|u| u.start);
    let name = cx.scoping().symbol_name(symbol).to_string();
    let mut diags = Vec::new();
    judge(copy, &[], &name, &uses, decl_func, cx, &mut diags);
    for d in diags {
        cx.report(d);
    }
}

/// Whether a reference hands the copy itself on as a value (not a member access, a test or
/// an iteration).
fn kept_as_value(id: NodeId, cx: &Ctx) -> bool {
    let nodes = cx.nodes();
    let mut cur = id;
    loop {
        let pid = nodes.parent_id(cur);
        if pid == cur {
            return false;
        }
        let cur_span = nodes.kind(cur).span();
        match nodes.kind(pid) {
            AstKind::ParenthesizedExpression(_)
            | AstKind::TSNonNullExpression(_)
            | AstKind::TSAsExpression(_)
            | AstKind::TSSatisfiesExpression(_)
            | AstKind::TSTypeAssertion(_) => cur = pid,
            AstKind::StaticMemberExpression(_)
            | AstKind::ComputedMemberExpression(_)
            | AstKind::PrivateFieldExpression(_)
            | AstKind::BinaryExpression(_)
            | AstKind::UnaryExpression(_)
            | AstKind::IfStatement(_)
            | AstKind::ForOfStatement(_)
            | AstKind::ForInStatement(_)
            | AstKind::WhileStatement(_)
            | AstKind::SwitchStatement(_) => return false,
            AstKind::ConditionalExpression(c) if contains(c.test.span(), cur_span) => return false,
            AstKind::CallExpression(call) if contains(call.callee.span(), cur_span) => {
                return false;
            }
            AstKind::ExpressionStatement(_) => return false,
            // `const [a, b] = copy` reads elements out of it.
            AstKind::VariableDeclarator(d)
                if !matches!(d.id, BindingPattern::BindingIdentifier(_)) =>
            {
                return false;
            }
            _ => return true,
        }
    }
}

/// Whether the copy's one source, a member chain, is deleted or replaced after the copy is
/// made (`const end = token.props.slice(1); …; delete token.props`, `const nodes =
/// [...tree.nodes]; …; tree.nodes = nodes`): the copy takes its place, and the code that
/// writes the source's holder in place writes the copy's levels and elements for its sake.
fn source_deleted_after(copy: &Copy, decl_node: NodeId, cx: &Ctx) -> bool {
    if !copy.others.is_empty() {
        return false;
    }
    let source = copy.source.as_str();
    let Some((root, _)) = source.split_once('.') else {
        return false;
    };
    let scoping = cx.scoping();
    let scope = cx.nodes().get_node(decl_node).scope_id();
    let Some(symbol) = scoping.find_binding(scope, root.into()) else {
        return false;
    };
    let nodes = cx.nodes();
    scoping.get_resolved_references(symbol).any(|r| {
        let mut cur = r.node_id();
        if nodes.kind(cur).span().start < copy.made.end {
            return false;
        }
        loop {
            let pid = nodes.parent_id(cur);
            match nodes.kind(pid) {
                AstKind::StaticMemberExpression(_) | AstKind::ComputedMemberExpression(_) => {
                    cur = pid;
                }
                AstKind::ParenthesizedExpression(_) => cur = pid,
                AstKind::UnaryExpression(u) if u.operator == UnaryOperator::Delete => {
                    return cx.text(nodes.kind(cur).span()) == source;
                }
                AstKind::AssignmentExpression(a)
                    if a.operator == AssignmentOperator::Assign
                        && a.left.span() == nodes.kind(cur).span() =>
                {
                    return cx.text(a.left.span()) == source;
                }
                _ => return false,
            }
        }
    })
}

/// Whether the copy's source is a binding read again after the copy is made.
fn source_read_after(copy: &Copy, decl_node: NodeId, cx: &Ctx) -> bool {
    let name = copy.source.as_str();
    if name.is_empty()
        || !name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '$')
    {
        return false;
    }
    let scoping = cx.scoping();
    let scope = cx.nodes().get_node(decl_node).scope_id();
    let Some(symbol) = scoping.find_binding(scope, name.into()) else {
        return false;
    };
    scoping
        .get_resolved_references(symbol)
        .any(|r| cx.nodes().kind(r.node_id()).span().start > copy.made.end)
}

/// A use seen from the level `base` of the copy (empty: the copy itself): `None` when it
/// does not touch that level.
fn relative(action: &Action, base: &[Step]) -> Option<Action> {
    if base.is_empty() {
        return Some(action.clone());
    }
    match action {
        Action::ReplaceAll => Some(Action::ReplaceAll),
        Action::Replace(step) => {
            (*step == Step::Dynamic || *step == base[0]).then_some(Action::ReplaceAll)
        }
        Action::Nested {
            span,
            path,
            prop,
            array_method,
            keeps_elements,
            ..
        } => {
            if path.len() < base.len() {
                // A write above this level (`copy.a = …` is a Replace; this is not reached).
                return None;
            }
            if path.iter().zip(base).any(|(a, b)| a != b) {
                return None;
            }
            let rel = &path[base.len()..];
            if rel.is_empty() {
                // A write to the level's own properties: a replacement there, nothing for a
                // call that only reorders or drops its elements (`copy.todos.sort()`), or,
                // for another method call, anything.
                return match prop {
                    Some(p) => Some(Action::Replace(p.clone())),
                    None if *keeps_elements => None,
                    None => Some(Action::ReplaceAll),
                };
            }
            Some(Action::Nested {
                level: rel[0].clone(),
                span: *span,
                path: rel.to_vec(),
                prop: prop.clone(),
                array_method: *array_method,
                keeps_elements: *keeps_elements,
            })
        }
        Action::Alias(..) | Action::None => None,
    }
}

/// Reports the first unblocked write per level of `copy`, seen from `base`, then does the
/// same for the levels the copy made as shallow copies themselves.
fn judge(
    copy: &Copy,
    base: &[Step],
    name: &str,
    all: &[Use],
    decl_func: NodeId,
    cx: &Ctx,
    diags: &mut Vec<Diagnostic>,
) {
    let uses: Vec<(&Use, Action)> = all
        .iter()
        .filter_map(|u| relative(&u.action, base).map(|a| (u, a)))
        .collect();
    let mut reported: Vec<Step> = Vec::new();
    for (i, (u, action)) in uses.iter().enumerate() {
        let Action::Nested {
            level,
            span,
            path,
            array_method,
            ..
        } = action
        else {
            continue;
        };
        let level_class = match copy.shape {
            Shape::Array if is_index(level) => Step::Dynamic,
            // `copy.foo.bar` on an array copy: not an element.
            Shape::Array => continue,
            Shape::Object => level.clone(),
        };
        if reported.contains(&level_class) {
            continue;
        }
        if copy.shape == Shape::Object {
            if copy.own_dynamic {
                continue;
            }
            match &level_class {
                Step::Key(k) if copy.own.iter().any(|o| o == k) => continue,
                Step::Dynamic if !copy.own.is_empty() => continue,
                _ => {}
            }
        }
        // A write in a closure may run after any replacement; one in the copy's own
        // function body only after the replacements before it in source order.
        let in_closure = u.func != decl_func;
        let blocked = uses.iter().enumerate().any(|(j, (other, other_action))| {
            let earlier = other.start < u.start
                || u.loop_span
                    .is_some_and(|l| l.start <= other.start && other.start < l.end);
            if j == i || (!in_closure && !earlier) {
                return false;
            }
            match other_action {
                Action::ReplaceAll => true,
                Action::Replace(step) => match copy.shape {
                    Shape::Array => true,
                    Shape::Object => {
                        level_class == Step::Dynamic
                            || *step == Step::Dynamic
                            || *step == level_class
                    }
                },
                _ => false,
            }
        });
        if blocked {
            continue;
        }
        reported.push(level_class);
        diags.push(diagnostic(copy, name, *span, path, *array_method, cx));
    }
    if base.len() >= MAX_DEPTH as usize {
        return;
    }
    for (key, sub) in &copy.subs {
        let mut sub_base = base.to_vec();
        let step = Step::Key(key.clone());
        let sub_name = format!("{name}{}", step_text(&step));
        sub_base.push(step);
        judge(sub, &sub_base, &sub_name, all, decl_func, cx, diags);
    }
}

fn step_text(step: &Step) -> Cow<'_, str> {
    match step {
        Step::Key(k)
            if !k.is_empty()
                && k.chars()
                    .all(|c| c.is_alphanumeric() || c == '_' || c == '$' || c == '#')
                && !k.starts_with(|c: char| c.is_ascii_digit()) =>
        {
            Cow::Owned(format!(".{k}"))
        }
        Step::Key(k) if !k.is_empty() && k.bytes().all(|b| b.is_ascii_digit()) => {
            Cow::Owned(format!("[{k}]"))
        }
        Step::Key(k) => Cow::Owned(format!("[{k:?}]")),
        Step::Dynamic => Cow::Borrowed("[…]"),
    }
}

fn diagnostic(
    copy: &Copy,
    name: &str,
    span: OxcSpan,
    path: &[Step],
    array_method: bool,
    cx: &Ctx,
) -> Diagnostic {
    let line = cx.line_of(copy.made.start);
    let src = display(&copy.source);
    let many = !copy.others.is_empty();
    let of = if src.is_empty() {
        "its source".to_string()
    } else {
        match copy.others.as_slice() {
            [] => format!("`{src}`"),
            [b] if !display(b).is_empty() => format!("`{src}` and `{}`", display(b)),
            [_] => format!("`{src}` and another object"),
            more => format!("`{src}` and {} other objects", more.len()),
        }
    };
    let how = "made at line";
    let written: String = std::iter::once(name.to_string())
        .chain(path.iter().map(|s| step_text(s).into_owned()))
        .collect();
    let (message, label, help) = match copy.shape {
        Shape::Object => {
            let p: String = path.iter().map(|s| step_text(s).into_owned()).collect();
            let original = if src.is_empty() || many {
                "the same object as in the source it came from".to_string()
            } else {
                format!("the same object as `{src}{p}`")
            };
            let level = path.first().map(step_text).unwrap_or(Cow::Borrowed(""));
            let key = level.trim_start_matches('.');
            // A write to an element of a level (`next.todos[i].done`, `todo.done` in
            // `next.todos.forEach((todo) => …)`): the elements need copying too.
            let elements = path.get(1).is_some_and(is_index);
            let nested_of = |s: &str| {
                if elements {
                    let item = if array_method && path.len() == 2 {
                        "[...item]"
                    } else {
                        "({ ...item })"
                    };
                    format!("{s}{level}.map((item) => {item})")
                } else if array_method {
                    format!("[...{s}{level}]")
                } else {
                    format!("{{ ...{s}{level} }}")
                }
            };
            let that = if elements {
                "that level and its elements"
            } else {
                "that level"
            };
            let help = if src.is_empty() || many {
                format!(
                    "copy {that} before writing to it (`{name}{level} = {}`), or deep-copy with `structuredClone`",
                    nested_of(name)
                )
            } else {
                let nested = nested_of(&src);
                let example = if key.starts_with('[') {
                    format!("{{ ...{src}, [key]: {nested} }}")
                } else {
                    format!("{{ ...{src}, {key}: {nested} }}")
                };
                format!("copy {that} too (`{example}`), or deep-copy with `structuredClone({src})`")
            };
            let reaches = if src.is_empty() || many {
                "one of its sources".to_string()
            } else {
                format!("`{src}{p}`")
            };
            (
                format!(
                    "`{name}` is a shallow copy of {of} ({how} {line}): this write changes `{written}`, which is {original}"
                ),
                format!("this write reaches {reaches}"),
                help,
            )
        }
        Shape::Array => {
            let s = if src.is_empty() { "src" } else { src.as_str() };
            (
                format!(
                    "`{name}` is a shallow copy of {of} ({how} {line}): this write changes an element of `{name}`, which is the same object as in {}",
                    if many { "one of them" } else { of.as_str() }
                ),
                format!("this write reaches an element of {of}"),
                format!(
                    "replace the element with a copy before changing it (`{name}[i] = {{ ...{name}[i], … }}`), or deep-copy with `structuredClone({s})`"
                ),
            )
        }
    };
    Diagnostic::new(META.id, span, message)
        .with_label(copy.made, "the shallow copy")
        .with_label(span, label)
        .with_help(help)
}

#[cfg(test)]
mod tests {
    use crate::lint::test_util::lint_with_rule;

    const ID: &str = "shallow-copy-mutation";

    fn positions(code: &str) -> Vec<(u32, u32)> {
        lint_with_rule("a.js", code, ID)
            .iter()
            .filter(|d| d.rule == ID)
            .map(|d| (d.start.line, d.start.column))
            .collect()
    }

    /// Iterating a Map (or `Headers`, `URLSearchParams`, `FormData`) makes a new `[key, value]`
    /// pair per entry: an array copy of one holds pairs nobody else has.
    #[test]
    fn entry_pairs_of_a_map() {
        let fail: &[(&str, &[(u32, u32)])] = &[
            // A Set's items are its own objects.
            (
                "const seen = new Set();\nseen.add({});\nexport function f() { const list = [...seen]; list[0].visited = true; return list; }",
                &[(3, 47)],
            ),
            // Of unknown kind: it may be an array of arrays.
            (
                "export function f(m) { const entries = Array.from(m); entries[0][1] = 0; return entries; }",
                &[(1, 55)],
            ),
        ];
        let pass: &[&str] = &[
            "const cache = new Map();\ncache.set('a', 1);\nexport function f() { const entries = [...cache]; entries.sort((a, b) => a[1] - b[1]); entries[0][1] = 0; return entries; }",
            "const cache = new Map();\ncache.set('a', 1);\nexport function f() { const entries = Array.from(cache); entries[0].push('x'); return entries; }",
            "export function f(init) { const h = new Headers(init); keep(h); const pairs = [...h]; pairs[0][1] = 'x'; return pairs; }",
            "export function f(q) { const p = new URLSearchParams(q); keep(p); const pairs = Array.from(p); pairs[0][0] = 'k'; return pairs; }",
        ];
        check_cases(fail, pass);
    }

    /// Inside an immer recipe or a Redux Toolkit case reducer, a write through a copy writes
    /// the draft, which is allowed; the same code elsewhere is reported.
    #[test]
    fn draft_recipes() {
        for (code, want) in [
            (
                "produce(state, (draft) => {\n  const user = { ...draft.user };\n  user.address.city = 'P';\n  draft.user = user;\n});",
                &[][..],
            ),
            (
                "immer.produce(state, function (draft) {\n  const list = [...draft.items];\n  list[0].done = true;\n});",
                &[],
            ),
            (
                "createSlice({ name: 't', reducers: {\n  rename(state, action) { const list = [...state.items]; list[0].title = action.payload; },\n  toggle: (state) => { const list = [...state.items]; list[0].done = true; },\n} });",
                &[],
            ),
            (
                "createSlice({ name: 't', extraReducers: (builder) => {\n  builder.addCase(done, (state) => { const list = [...state.items]; list[0].done = true; });\n} });",
                &[],
            ),
            (
                "function f(state) {\n  const user = { ...state.user };\n  user.address.city = 'P';\n  return user;\n}",
                &[(3, 3)],
            ),
            (
                "configure({ reducers: {\n  toggle(state) { const list = [...state.items]; list[0].done = true; return list; },\n} });",
                &[(2, 50)],
            ),
            (
                "run(state, (draft) => {\n  const list = [...draft.items];\n  list[0].done = true;\n  return list;\n});",
                &[(3, 3)],
            ),
            // Inside a recipe, a copy of something other than the draft is judged as anywhere.
            (
                "import { DEFAULTS } from './d';\nproduce(state, (draft) => {\n  const fresh = { ...DEFAULTS };\n  fresh.filters.tags.push('all');\n  draft.filters = fresh.filters;\n});",
                &[(4, 3)],
            ),
            (
                "createSlice({ name: 't', reducers: {\n  add(state, action) { const item = { ...action.payload }; item.meta.seen = true; state.items.push(item); },\n} });",
                &[(2, 60)],
            ),
        ] {
            assert_eq!(positions(code), want, "{code}");
        }
    }

    #[test]
    fn element_and_level_bindings() {
        let fail: &[(&str, &[(u32, u32)])] = &[
            // A destructured level, nested too.
            (
                "function f(state) {\n  const next = { ...state };\n  const { user } = next;\n  user.name = 'x';\n  return next;\n}",
                &[(4, 3)],
            ),
            (
                "function f(s) { const n = { ...s }; const { user: { tags }, list: [first] } = n; tags.push(1); first.done = true; return n; }",
                &[(1, 82), (1, 96)],
            ),
            (
                "function f(xs) { const c = [...xs]; const [a] = c; a.done = true; return c; }",
                &[(1, 52)],
            ),
            // A `for…of` element of the copy or of one of its levels.
            (
                "function f(list) {\n  const copy = [...list];\n  for (const t of copy) t.done = true;\n  return copy;\n}",
                &[(3, 25)],
            ),
            (
                "function f(s) { const n = { ...s }; for (const [k, v] of n.byId) v.seen = k; return n; }",
                &[(1, 66)],
            ),
            // An element callback's parameter: the callback runs in place, so a later
            // hand-off does not hide the write.
            (
                "function f(state) {\n  const items = state.items.slice();\n  items.forEach((i) => {\n    i.done = true;\n  });\n  return { ...state, items };\n}",
                &[(4, 5)],
            ),
            (
                "function f(s) { const n = { ...s }; n.items.map(function ({ meta }) { meta.seen = true; return meta; }); return n; }",
                &[(1, 71)],
            ),
            (
                "function f(s) { const n = { ...s }; n.items.forEach((i) => { i.done = true; }); n.items.push(1); return n; }",
                &[(1, 62)],
            ), // Stored elsewhere, not in the source's place.
            (
                "function f(tree) { const nodes = [...tree.nodes]; nodes.forEach((n) => { n.x = 1; }); tree.copy = nodes; }",
                &[(1, 74)],
            ),
        ];
        let pass = [
            // The level replaced before (or by) the write, or defined by the copy.
            "function f(s) { const n = { ...s }; const { user } = n; n.user = { ...user }; n.user.name = 'x'; return n; }",
            "function f(s) { const n = { ...s }; n.items = n.items.map((i) => ({ ...i })); n.items.forEach((i) => { i.done = true; }); return n; }",
            "function f(s) { const n = { ...s, items: s.items.map((i) => ({ ...i })) }; n.items.forEach((i) => { i.done = true; }); return n; }",
            "function f(xs) { const c = [...xs]; c.forEach((t, i) => { c[i] = { ...t }; c[i].done = true; }); return c; }",
            // A default or a rest: the binding may be something else.
            "function f(s) { const n = { ...s }; const { user = {} } = n; user.x = 1; return n; }",
            "function f(s) { const n = { ...s }; const { items, ...rest } = n; items.push(1); return rest; }",
            "function f(s) { const n = { ...s }; n.items.forEach((i = {}) => { i.done = true; }); return n; }",
            // The loop variable replaced, a callback we cannot see.
            "function f(xs) { const c = [...xs]; for (let t of c) { t = { ...t }; t.done = true; } return c; }",
            "function f(s, cb) { const n = { ...s }; n.items.forEach(cb); return n; }",
            // An array copied to be walked or destructured, not kept.
            "function f(xs) { const c = [...xs]; for (const t of c) t.done = true; }",
            "function f(o) { const c = o.children.concat(); const [a, b] = c; for (const x of c) o.remove(x); a.up.set(0, 1, 0); }",
            // The source deleted after the copy: the copy takes its place.
            "function f(t, r) { const s = t.props.slice(1); for (const i of s) i.offset += r; delete t.props; Object.assign(t, { end: s }); }",
            // The source replaced by the copy: the code rewrites the holder in place
            // (regression audit).
            "function f(tree) { const nodes = [...tree.nodes]; nodes.forEach((n) => { n.kids = n.kids.filter(Boolean); }); tree.nodes = nodes; }",
            "function f(s) { const user = { ...s.user }; user.tags.push('x'); s.user = user; return s; }",
        ];
        check_cases(fail, &pass);
    }

    fn check_cases(fail: &[(&str, &[(u32, u32)])], pass: &[&str]) {
        let mut failures = Vec::new();
        for (code, want) in fail {
            let got = positions(code);
            if got != *want {
                failures.push(format!("{code}\n  want {want:?}, got {got:?}"));
            }
        }
        for code in pass {
            let got = positions(code);
            if !got.is_empty() {
                failures.push(format!("{code}\n  want nothing, got {got:?}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    /// A destructuring assignment or a `for…in`/`for…of` head that assigns `copy.a` replaces
    /// that level, like `copy.a = v`; one that assigns `copy.a.b` writes below the copy.
    #[test]
    fn pattern_targets() {
        let fail: &[(&str, &[(u32, u32)])] = &[
            (
                "function f(s, o) { const c = { ...s }; ({ x: c.a.b } = o); return c; }",
                &[(1, 46)],
            ),
            (
                "function f(s, xs) { const c = { ...s }; for (c.a.b of xs) {} return c; }",
                &[(1, 46)],
            ),
            // A default value, a computed key or the iterated object is read, not assigned.
            (
                "function f(s, o) { const c = { ...s }; [x = c.a] = o; c.a.b = 1; }",
                &[(1, 55)],
            ),
            (
                "function f(s, o) { const c = { ...s }; ({ [c.a]: x } = o); c.a.b = 1; }",
                &[(1, 60)],
            ),
            (
                "function f(s) { const c = { ...s }; for (const x of c.a) {} c.a.b = 1; }",
                &[(1, 61)],
            ),
            // Another level replaced.
            (
                "function f(s, o) { const c = { ...s }; ({ b: c.b } = o); c.a.x = 1; }",
                &[(1, 58)],
            ),
        ];
        let pass = [
            "function f(s) {\n  const next = { ...s };\n  ({ a: next.a } = { a: {} });\n  next.a.x = 1;\n  return next;\n}",
            "function f(s) {\n  const next = { ...s };\n  [next.a] = [{}];\n  next.a.x = 1;\n  return next;\n}",
            "function f(s, x) { const next = { ...s }; ({ ...next.rest } = x); next.rest.x = 1; return next; }",
            "function f(s, x) { const next = { ...s }; [...next.a] = x; next.a.push(1); return next; }",
            "function f(s) { const next = { ...s }; [next.a = {}] = []; next.a.x = 1; return next; }",
            "function f(s) { const next = { ...s }; ({ b: { c: next.a } } = { b: { c: {} } }); next.a.x = 1; return next; }",
            "function f(s, o) { const next = { ...s }; ({ a: (next.a as any) } = o); next.a.x = 1; return next; }",
            "function f(s, xs) { const next = { ...s }; for (next.a of xs) {} next.a.x = 1; return next; }",
            "function f(s, o) { const next = { ...s }; for (next.a in o) {} next.a.x = 1; return next; }",
            "function f(s, o) { const next = { ...s }; ({ [k]: next.a } = o); next.a.x = 1; return next; }",
            "function f(xs, o) { const c = [...xs]; [c[0]] = o; c[0].done = true; return c; }",
            // Below a level the copy made itself, the pattern replaces the next level.
            "function f(s, o) { const c = { ...s, a: { ...s.a } }; ({ x: c.a.b } = o); c.a.b.y = 1; return c; }",
        ];
        check_cases(fail, &pass);
    }

    /// `sort`, `reverse`, `copyWithin`, `pop`, `shift` and `splice(i, n)` on an array copy
    /// keep every element one the original holds; `push`, `unshift`, `fill` and `splice`
    /// with items bring in others, and an element write after them may hit one of those.
    #[test]
    fn array_top_level_mutations() {
        let fail: &[(&str, &[(u32, u32)])] = &[
            (
                "function pick(todos, byRank) {\n  const list = [...todos];\n  list.sort(byRank);\n  list[0].winner = true;\n  return list;\n}",
                &[(4, 3)],
            ),
            (
                "function f(xs, by) { const c = [...xs]; c.sort(by); c[0].w = true; return c; }",
                &[(1, 53)],
            ),
            (
                "function f(xs) { const c = [...xs]; c.reverse(); c.pop(); c.shift(); c.splice(0, 1); c.copyWithin(0, 1); c[0].w = true; return c; }",
                &[(1, 106)],
            ),
            (
                "function f(xs) { const c = [...xs]; (c.sort()); c[0].w = true; return c; }",
                &[(1, 49)],
            ),
            (
                "function f(xs) { const c = xs.slice(); const last = c.pop(); c.find((x) => x.on).on = false; return [c, last]; }",
                &[(1, 62)],
            ),
            // A level the copy made as a copy itself, sorted in place, through an alias too.
            (
                "function f(s) { const n = { ...s, todos: [...s.todos] }; n.todos.sort(); n.todos[0].done = true; return n; }",
                &[(1, 74)],
            ),
            (
                "function f(s) { const n = { ...s, todos: [...s.todos] }; const t = n.todos; t.reverse(); t[0].done = true; return n; }",
                &[(1, 90)],
            ),
        ];
        let pass = [
            // `push` may have added the element written (the source may have been empty).
            "function f(xs) { const c = [...xs]; c.push({}); c[0].w = true; return c; }",
            "function f(xs) { const c = [...xs]; c.unshift({}); c[0].w = true; return c; }",
            "function f(xs) { const c = [...xs]; c.fill({}); c[0].w = true; return c; }",
            "function f(xs, a) { const c = [...xs]; c.splice(...a); c[0].w = true; return c; }",
            "function f(xs) { const c = [...xs]; c.splice(0, 0, {}); c[0].w = true; return c; }",
            "function f(xs) { const c = [...xs]; c.sort(); c.push({}); c[0].w = true; return c; }",
            "function f(xs) { const c = [...xs]; c.sort(); c.fill({}); c.find((x) => x).w = true; return c; }",
            // `sort` returns the copy: handed on, it may come back changed.
            "function f(xs) { const c = [...xs]; keep(c.sort()); c[0].w = true; return c; }",
            "function f(xs) { const c = [...xs]; const d = c.reverse(); c[0].w = true; return d; }",
            // In a loop, a later `push` runs before the next iteration's write.
            "function f(xs, ys) { const c = [...xs]; for (const y of ys) { c[0].w = y; c.push({}); } return c; }",
            // Sorted to be walked: the copy is not kept.
            "function f(xs) { const c = [...xs]; c.sort(); c[0].w = true; }",
            // A level that got a fresh element.
            "function f(s) { const n = { ...s, todos: [...s.todos] }; n.todos.push({}); n.todos[0].done = true; return n; }",
            "function f(s) { const n = { ...s, todos: [...s.todos] }; n.todos.unshift({}); n.todos.find((t) => t).done = true; return n; }",
        ];
        check_cases(fail, &pass);
    }

    /// A named literal only the copy reads is judged like the literal written in place: its
    /// nested objects are the copy's alone. Read elsewhere, made outside the function or loop
    /// of the copy, or exported, it is held by others.
    #[test]
    fn named_fresh_sources() {
        let fail: &[(&str, &[(u32, u32)])] = &[
            (
                "const DEFAULTS = { headers: {} };\nfunction make() { const o = { ...DEFAULTS }; o.headers.x = 1; return o; }",
                &[(2, 46)],
            ),
            (
                "export const base = { a: {} };\nconst c = { ...base };\nc.a.x = 1;",
                &[(3, 1)],
            ),
            (
                "function f(xs) { const base = { a: {} }; for (const x of xs) { const c = { ...base }; c.a.x = x; out.push(c); } }",
                &[(1, 87)],
            ),
            (
                "function f() { const src = { a: { n: 1 } }; const copy = { ...src }; copy.a.n = 2; return [src, copy]; }",
                &[(1, 70)],
            ),
            // A literal that spreads a shared object is a copy of it.
            (
                "function f(props) { const src = { ...props }; const c = { ...src }; c.a.x = 1; return c; }",
                &[(1, 69)],
            ),
            (
                "function f(xs) { const src = [...xs, 1]; const c = [...src]; c[0].x = 1; return c; }",
                &[(1, 62)],
            ),
            // Filled, but also read elsewhere: others may hold it.
            (
                "function f() { const list = []; list.push({}); keep(list); const c = [...list]; c[0].x = 1; return c; }",
                &[(1, 81)],
            ),
            (
                "function f() { const list = []; const n = list.push({}); const c = [...list]; c[0].x = n; return c; }",
                &[(1, 79)],
            ),
            (
                "function f() { const o = {}; o.push({}); const c = { ...o }; c.a.x = 1; return c; }",
                &[(1, 62)],
            ),
        ];
        let pass = [
            "function f() {\n  const src = { a: { n: 1 } };\n  const copy = { ...src };\n  copy.a.n = 2;\n  return copy;\n}",
            "function f() { const src = [{ n: 1 }]; const copy = [...src]; copy[0].n = 2; return copy; }",
            // An array the function fills itself and only copies (regression audit).
            "function f(items) { const list = []; for (const i of items) list.push({ id: i }); const copy = [...list]; copy.forEach((x) => { x.seen = true; }); return copy; }",
            "function f(items) { const list = []; items.forEach((i) => { list.unshift({ i }); }); const copy = list.slice(); copy[0].first = true; return copy; }",
            "function f(s) { const extra = { a: {} }; const c = { ...s, ...extra }; c.a.x = 1; return c; }",
            // A call result may define any level: which source `c.a` comes from is unknown.
            "function f(props) { const data = load(); const c = { ...props, ...data }; c.a.x = 1; return c; }",
            "function f(props) { const data = load(); const c = Object.assign({}, data, props); c.a.x = 1; return c; }",
        ];
        check_cases(fail, &pass);
    }

    #[test]
    fn fail_and_pass() {
        let fail: &[(&str, &[(u32, u32)])] = &[
            (
                "function f(state) {\n  const next = { ...state };\n  next.user.name = 'x';\n  return next;\n}",
                &[(3, 3)],
            ),
            (
                "function f(state) {\n  const next = { ...state };\n  next.items.push(1);\n}",
                &[(3, 3)],
            ),
            (
                "function f(s) { const c = {...s}; c.a.b += 1; }",
                &[(1, 35)],
            ),
            ("function f(s) { const c = {...s}; c.a.b++; }", &[(1, 35)]),
            (
                "function f(s) { const c = {...s}; delete c.a.b; }",
                &[(1, 35)],
            ),
            (
                "function f(s) { const c = {...s}; c.m.set(1, 2); }",
                &[(1, 35)],
            ),
            (
                "function f(s) { const c = {...s}; Object.assign(c.a, { b: 1 }); }",
                &[(1, 35)],
            ),
            (
                "function f(xs) { const c = [...xs]; c[0].done = true; return c; }",
                &[(1, 37)],
            ),
            (
                "function f(xs) { const c = xs.slice(); c[i].done = true; return c; }",
                &[(1, 40)],
            ),
            (
                "function f(xs) { const c = Array.from(xs); c[0].n++; return c; }",
                &[(1, 44)],
            ),
            (
                "function f(xs) { const c = xs.concat(); c[0].n = 1; return c; }",
                &[(1, 41)],
            ),
            (
                "function f(s) { const c = Object.assign({}, s); c.a.b = 1; }",
                &[(1, 49)],
            ),
            // Compiled spreads (Babel, tslib, esbuild helpers).
            (
                "function f(s) { const c = _objectSpread2({}, s); c.a.b = 1; }",
                &[(1, 50)],
            ),
            (
                "function f(s) { const c = (0, _objectSpread2.default)({}, s); c.a.b = 1; }",
                &[(1, 63)],
            ),
            (
                "function f(s) { const c = __assign({}, s); c.list.push(1); }",
                &[(1, 44)],
            ),
            (
                "function f(xs) { const c = _toConsumableArray(xs); c[0].n = 1; return c; }",
                &[(1, 52)],
            ),
            (
                "class A { m() { const s = { ...this.state }; s.list.sort(); this.setState(s); } }",
                &[(1, 46)],
            ),
            (
                "const c = { ...defaults };\nexport function set(v) { c.opts.v = v; }",
                &[(2, 26)],
            ),
            // Across `if` and loops, source order.
            (
                "function f(s, xs) {\n  const c = { ...s };\n  for (const x of xs) {\n    if (x) c.list.push(x);\n  }\n  return c;\n}",
                &[(4, 12)],
            ),
            // A replacement of another level does not help.
            (
                "function f(s) { const c = {...s}; c.b = {}; c.a.x = 1; }",
                &[(1, 45)],
            ),
            // One diagnostic per level.
            (
                "function f(s) { const c = {...s}; c.a.x = 1; c.a.y = 2; c.b.z = 3; }",
                &[(1, 35), (1, 57)],
            ),
            (
                "function f(xs) { const c = [...xs]; c.find(x => x.on).on = false; return c; }",
                &[(1, 37)],
            ),
            // A binding to a literal used elsewhere too: the write is observable.
            (
                "const base = { a: {} };\nconst c = { ...base };\nc.a.x = 1;\nuse(base);",
                &[(3, 1)],
            ),
            (
                "function f(s) { const c = { ...s, items: s.items }; c.items.push(1); }",
                &[(1, 53)],
            ),
        ];
        let mut failures = Vec::new();
        for (code, want) in fail {
            let got = positions(code);
            if got != *want {
                failures.push(format!("{code}\n  want {want:?}, got {got:?}"));
            }
        }
        let pass = [
            // Top-level writes to the copy.
            "function f(s) { const c = { ...s }; c.a = 1; c.b += 2; delete c.x; return c; }",
            "function f(xs) { const c = [...xs]; c.push(1); c[0] = 2; c.sort(); return c; }",
            // The copy replaced the level itself.
            "function f(s) { const c = { ...s, a: { ...s.a } }; c.a.b = 1; }",
            "function f(s) { const c = { ...s, a: [...s.a] }; c.a.push(1); }",
            "function f(s, v) { const c = { ...s, a: v }; c.a.b = 1; }",
            "function f(s) { const c = Object.assign({}, s, { a: {} }); c.a.b = 1; }",
            // Replaced on the copy before the write.
            "function f(s) { const c = { ...s }; c.a = { ...c.a }; c.a.b = 1; }",
            "function f(s, x) { const c = { ...s }; c.a = x; c.a.b = 1; }",
            "function f(s) { const c = { ...s }; Object.assign(c, { a: {} }); c.a.b = 1; }",
            "function f(xs, i) { const c = [...xs]; c[i] = { ...c[i] }; c[i].done = true; return c; }",
            "function f(xs) { const c = [...xs]; c.splice(0, 1, {}); c[0].done = true; }",
            // Replaced anywhere, and the write is in a callback.
            "function f(s, xs) { const c = { ...s }; const add = (x) => c.list.push(x); c.list = []; xs.forEach(add); }",
            // Fresh sources share nothing.
            "const c = { ...{ a: { b: 1 } } }; c.a.b = 2;",
            "function f() { const base = make(); const c = { ...base }; c.a.x = 1; return c; }",
            "async function f() { const base = await load(); const c = [...base]; c[0].x = 1; return c; }",
            // Sub-copies: writes to their own top level, levels they replaced themselves.
            "function f(s, x) { const next = { ...s, todos: [...s.todos] }; next.todos.push(x); next.todos[0] = x; }",
            "function f(s) { const next = { ...s, user: { ...s.user, address: { ...s.user.address } } }; next.user.address.city = 'x'; }",
            "function f(s, k) { const next = { ...s, todos: [...s.todos] }; next[k].x.y = 1; }",
            "function f(s, t) { const next = { ...s, todos: [...s.todos] }; next.todos = t; next.todos[0].done = true; }",
            // An array copied to be walked: changing its elements is the point.
            "function reload(record) {\n  const instances = [...record.instances];\n  for (let i = 0; i < instances.length; i++) {\n    const instance = instances[i];\n    instance.dirty = true;\n  }\n}",
            "function f(el) { const kids = Array.from(el.children); kids[0].hidden = true; }",
            // An alias made after the level was replaced.
            "function f(s) { const c = { ...s, items: [] }; const items = c.items; items.push(1); }",
            "function f(xs) { const c = [...xs]; c[0] = { ...c[0] }; const t = c[0]; t.done = true; }",
            "function f() { const c = { ...make() }; c.a.x = 1; }",
            "function f(s) { const c = { ...s, ...make() }; c.a.x = 1; }",
            "function f(xs) { const c = [...xs, item]; c[0].done = true; }",
            // The copy is reassigned, or escapes before the write.
            "function f(s) { let c = { ...s }; c = { ...c, a: {} }; c.a.b = 1; }",
            "function f(s) { const c = { ...s }; normalize(c); c.a.b = 1; }",
            "function f(s) { const c = { ...s }; const d = c; c.a.b = 1; }",
            // A computed key the copy defines may be the written level.
            "function f(s, k) { const c = { ...s, [k]: {} }; c.a.b = 1; }",
            // Reads, and mutations of other objects.
            "function f(s) { const c = { ...s }; const n = c.a.b; other.a.b = 1; console.log(c); return n; }",
            "function f(s) { const c = { ...s }; c.a.toString(); c.a.map(x => x); }",
            // Writes before the copy is made.
            "function f(s) { g(); function g() {} const c = { ...s }; return c; }",
            // An object rest is not one of the copies this rule follows: a callback's
            // `({ value, ...ctx }) => ctx.issues.push(…)` writes where its caller wants.
            "function f({ id, ...rest }) { rest.style.color = 'red'; }",
            "function f(s) { const { id, ...rest } = s; rest.a.b = 1; }",
            "const check = ({ value, ...ctx }) => { ctx.issues.push({ value }); };",
            // A replacement later in the loop body runs before the next iteration's write.
            "function f(heads, xs) {\n  const tails = heads.slice();\n  for (const x of xs) {\n    if (tails[x.i]) tails[x.i].next = x;\n    tails[x.i] = x;\n  }\n}",
            // Babel's `{ ...s, a: {} }`.
            "function f(s) { const c = _objectSpread(_objectSpread({}, s), {}, { a: {} }); c.a.b = 1; }",
            "function f(s) { const c = _objectSpread2({}, s); const d = _objectSpread2({}, c); c.a = {}; c.a.b = 1; }",
            // React refs are shared boxes by design.
            "function F({ a, ...props }) { props.inputRef.current = null; }",
            // A copy made of something that is not a shared object.
            "function f() { const c = Array.from({ length: 3 }); c[0].x = 1; }",
        ];
        for code in pass {
            let d = lint_with_rule("a.js", code, ID);
            if !d.is_empty() {
                failures.push(format!(
                    "{code}: {:?}",
                    d.iter().map(|d| (d.rule, &d.message)).collect::<Vec<_>>()
                ));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn messages() {
        let code = "function reducer(state, item) {\n  const next = { ...state };\n  next.items.push(item);\n  return next;\n}\nfunction done(todos) {\n  const copy = [...todos];\n  copy[0].done = true;\n  return copy;\n}\nfunction opts(o) {\n  const c = Object.assign({}, o);\n  c.headers['x-id'] = 1;\n}\nfunction merge(options) {\n  const c = { ...defaults, ...options };\n  c.headers.accept = 'json';\n}\nfunction finish(state) {\n  const next = { ...state };\n  for (const todo of next.todos) todo.done = true;\n  return next;\n}\nfunction rows(o) {\n  const c = { ...defaults, ...o };\n  c.rows.forEach((row) => row.push(0));\n}\n";
        let d = lint_with_rule("a.js", code, ID);
        let text: String = d
            .iter()
            .map(|d| {
                let mut s = format!("{}:{} {}\n", d.start.line, d.start.column, d.message);
                for l in &d.labels {
                    s.push_str(&format!(
                        "  label {}: {}\n",
                        &code[l.span.start as usize..l.span.end as usize],
                        l.message
                    ));
                }
                s.push_str(&format!("  help: {}\n", d.help.as_deref().unwrap_or("")));
                s
            })
            .collect();
        insta::assert_snapshot!("shallow-copy-mutation", text);
    }
}
