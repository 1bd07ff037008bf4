//! `spread-overrides-property`: a property of an object literal that a later property or
//! spread certainly overwrites (`{ id, ...{ id: 2 } }`, `{ a: 1, ...defaults }` with
//! `const defaults = { a: … }`, `{ a: 1, ...x, a: 2 }`), and the same expression spread twice
//! (`{ ...a, ...a }`).
//!
//! "Certainly" is the invariant: a later spread counts only when it is an object literal
//! (or a conditional whose two branches are) or a never-reassigned binding to one that
//! defines the key as its own property and that no other code can have got before the spread
//! (any use but a spread or a property access hands it out, unless it can only run later).
//! Accessors written before a spread, computed keys that are not literals (a template without
//! substitutions, `` [`a`] ``, is one), and `__proto__` are never judged.

use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;

use oxc_ast::AstKind;
use oxc_ast::AstType;
use oxc_ast::ast::{
    BindingPattern, Expression, ObjectExpression, ObjectProperty, ObjectPropertyKind, PropertyKey,
    PropertyKind, SpreadElement, UnaryOperator,
};
use oxc_semantic::IsGlobalReference;
use oxc_span::{GetSpan, Span as OxcSpan};
use oxc_syntax::node::NodeId;
use oxc_syntax::operator::BinaryOperator;

use crate::diagnostic::{Diagnostic, Edit, Fix, Span};
use crate::rules::{Category, Ctx, FixKind, Rule, RuleMeta};

pub static META: RuleMeta = RuleMeta {
    id: "spread-overrides-property",
    category: Category::Suspicious,
    fix: FixKind::Suggestion,
    node_types: &[AstType::ObjectExpression],
    // Only literals that hold a spread are judged (a plain duplicate key, `{ a: 1, a: 2 }`, is
    // a general linter's `no-dupe-keys`), so files without `...` are skipped before semantic.
    needles: &["..."],
    docs: include_str!("../../rules/spread-overrides-property.md"),
    create: crate::no_options!(SpreadOverridesProperty),
};

pub struct SpreadOverridesProperty;

impl Rule for SpreadOverridesProperty {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn gate(&self) -> crate::rules::GateSpec {
        crate::rules::GateSpec::SpreadOverridesProperty
    }

    fn check<'a>(&self, node: &oxc_semantic::AstNode<'a>, cx: &mut Ctx<'a, '_>) {
        let AstKind::ObjectExpression(obj) = node.kind() else {
            return;
        };
        if obj.properties.len() < 2
            || !obj
                .properties
                .iter()
                .any(|p| matches!(p, ObjectPropertyKind::SpreadProperty(_)))
        {
            return;
        }
        let mut diags = Vec::new();
        // Walk backwards, keeping for each key the nearest later element that certainly sets
        // it: linear in the number of properties (generated literals can have thousands).
        let mut later: HashMap<Cow<'a, str>, By> = HashMap::default();
        for (i, p) in obj.properties.iter().enumerate().rev() {
            match p {
                ObjectPropertyKind::ObjectProperty(p) => {
                    let Some(name) = static_key(&p.key, p.computed) else {
                        continue;
                    };
                    if p.kind == PropertyKind::Init
                        && name != "__proto__"
                        && let Some(by) = later.get(&name)
                    {
                        diags.push(overwritten(obj, i, p.span, &name, by.clone(), cx));
                    }
                    if !is_proto_setter(p) {
                        later.insert(name, By::Property(p.span));
                    }
                }
                ObjectPropertyKind::SpreadProperty(s) => {
                    let arg = s.argument.get_inner_expression();
                    if let Expression::Identifier(id) = arg {
                        if let Some((keys, line)) = binding_keys(id, node.id(), cx) {
                            for k in keys {
                                later.insert(k, By::Binding(s.span, id.name.to_string(), line));
                            }
                        }
                    } else if let Some(keys) = certain_keys(arg, 0) {
                        for k in keys {
                            later.insert(k, By::Literal(s.span));
                        }
                    }
                }
            }
        }
        // The same expression spread twice.
        let spreads: Vec<(usize, &SpreadElement<'a>)> = obj
            .properties
            .iter()
            .enumerate()
            .filter_map(|(i, p)| match p {
                ObjectPropertyKind::SpreadProperty(s) if is_simple_path(&s.argument) => {
                    Some((i, &**s))
                }
                _ => None,
            })
            .take(MAX_SPREADS)
            .collect();
        for (n, &(j, second)) in spreads.iter().enumerate() {
            // Each duplicate is reported once, from its nearest earlier twin.
            let Some(&(i, first)) = spreads[..n]
                .iter()
                .rev()
                .find(|(_, f)| same_path(&f.argument, &second.argument, cx))
            else {
                continue;
            };
            // Something in between could change what the second spread reads.
            let between = cx.text(OxcSpan::new(first.span.end, second.span.start));
            if ["(", "=", "++", "--", "await", "yield", "delete"]
                .iter()
                .any(|t| between.contains(t))
            {
                continue;
            }
            let _ = j;
            diags.push(spread_twice(obj, i, first.span, second.span, cx));
        }
        for d in diags {
            cx.report(d);
        }
    }
}

/// A binding with more references than this is not judged (the check reads them all).
const MAX_REFERENCES: usize = 256;

/// Spreads compared pairwise for duplicates; past this, the rest are not compared.
const MAX_SPREADS: usize = 64;

/// `__proto__: x` sets the prototype; it makes no own property.
fn is_proto_setter(p: &ObjectProperty) -> bool {
    !p.computed
        && !p.shorthand
        && !p.method
        && p.kind == PropertyKind::Init
        && p.key.is_specific_static_name("__proto__")
}

/// The keys spreading `expr` certainly defines as own properties (`None`: none known).
fn certain_keys<'a>(expr: &Expression<'a>, depth: u32) -> Option<Vec<Cow<'a, str>>> {
    if depth > 8 {
        return None;
    }
    match expr.get_inner_expression() {
        Expression::ObjectExpression(o) => Some(literal_keys(o, depth)),
        Expression::ConditionalExpression(c) => {
            let a = certain_keys(&c.consequent, depth + 1)?;
            let b = certain_keys(&c.alternate, depth + 1)?;
            Some(a.into_iter().filter(|k| b.contains(k)).collect())
        }
        _ => None,
    }
}

/// An object literal's own keys, accessors included: a spread reads every own enumerable one.
fn literal_keys<'a>(o: &ObjectExpression<'a>, depth: u32) -> Vec<Cow<'a, str>> {
    let mut keys = Vec::new();
    for p in &o.properties {
        match p {
            ObjectPropertyKind::ObjectProperty(p) => {
                if let Some(k) = static_key(&p.key, p.computed)
                    && !is_proto_setter(p)
                {
                    keys.push(k);
                }
            }
            ObjectPropertyKind::SpreadProperty(s) => {
                if let Some(k) = certain_keys(&s.argument, depth + 1) {
                    keys.extend(k);
                }
            }
        }
    }
    keys
}

/// What overwrites a property.
#[derive(Clone)]
enum By {
    /// A later property with the same key.
    Property(OxcSpan),
    /// A later spread of an object literal with the key.
    Literal(OxcSpan),
    /// A later spread of a binding to an object literal with the key: the spread, the name
    /// and the line of the literal.
    Binding(OxcSpan, String, u32),
}

/// The key a property certainly has: a name, a string or number literal, or a computed
/// string or number literal or template without substitutions (`[`a`]` is `a`, its escapes
/// cooked).
pub(crate) fn static_key<'a>(key: &PropertyKey<'a>, computed: bool) -> Option<Cow<'a, str>> {
    match key {
        PropertyKey::StringLiteral(_) | PropertyKey::NumericLiteral(_) => {}
        PropertyKey::TemplateLiteral(t) if computed && t.is_no_substitution_template() => {}
        _ if computed => return None,
        PropertyKey::TemplateLiteral(_) => return None,
        _ => {}
    }
    key.static_name()
}

/// The keys of a never-reassigned binding to an object literal that does not escape before
/// `literal` (the object literal that spreads it) is built, so nothing can have deleted its
/// keys, or to `Object.freeze` of one; and the line of the binding's literal.
fn binding_keys<'a>(
    id: &oxc_ast::ast::IdentifierReference<'a>,
    literal: NodeId,
    cx: &Ctx<'a, '_>,
) -> Option<(Vec<Cow<'a, str>>, u32)> {
    let scoping = cx.scoping();
    if id.is_global_reference(scoping) {
        return None;
    }
    let symbol = scoping.get_reference(id.reference_id.get()?).symbol_id()?;
    let decl_id = scoping.symbol_declaration(symbol);
    let AstKind::VariableDeclarator(decl) = cx.nodes().kind(decl_id) else {
        return None;
    };
    if !matches!(decl.id, BindingPattern::BindingIdentifier(_)) {
        return None;
    }
    let mut init = decl.init.as_ref()?.get_inner_expression();
    // `const DEFAULTS = Object.freeze({ … })` keeps the literal's keys: nobody can delete them.
    let mut frozen = false;
    if let Expression::CallExpression(call) = init
        && call.arguments.len() == 1
        && let Expression::StaticMemberExpression(m) = call.callee.get_inner_expression()
        && m.property.name == "freeze"
        && matches!(m.object.get_inner_expression(), Expression::Identifier(o)
            if o.name == "Object" && o.is_global_reference(scoping))
        && let Some(arg) = call.arguments[0].as_expression()
    {
        init = arg.get_inner_expression();
        frozen = true;
    }
    let Expression::ObjectExpression(o) = init else {
        return None;
    };
    let keys = literal_keys(o, 0);
    if keys.is_empty() {
        return None;
    }
    // Each spread of the binding reads all its references: bound the work on generated code.
    if scoping.get_resolved_reference_ids(symbol).len() > MAX_REFERENCES {
        return None;
    }
    // `export const defaults = { … }`: other modules get the object.
    let declaration = cx.nodes().parent_id(decl_id);
    if !frozen
        && matches!(
            cx.nodes().parent_kind(declaration),
            AstKind::ExportDeclaration(_)
                | AstKind::ExportNamedDeclaration(_)
                | AstKind::ExportDefaultDeclaration(_)
        )
    {
        return None;
    }
    for r in scoping.get_resolved_references(symbol) {
        if r.is_write() {
            return None;
        }
        if !frozen
            && escapes(r.node_id(), cx)
            && (is_export(r.node_id(), cx) || !runs_after(r.node_id(), literal, decl_id, cx))
        {
            return None;
        }
    }
    Some((keys, cx.line_of(o.span.start)))
}

/// `export { defaults }`, `export default defaults`: other modules may get the object at any
/// time (an import cycle lets them run before this module is done).
fn is_export(node: NodeId, cx: &Ctx<'_, '_>) -> bool {
    matches!(
        cx.nodes().parent_kind(unwrap_up(node, cx)),
        AstKind::ExportSpecifier(_) | AstKind::ExportDefaultDeclaration(_)
    )
}

/// Whether the code at `reference` can only run after the object literal `literal` has been
/// built from the binding declared at `decl`, so that what it does to the object cannot
/// change what the spread copied: it comes later in the text, the literal runs once per
/// binding (in the same function as the declaration, and in no loop that does not also hold
/// the declaration), and no hoisted function declaration holds the reference.
///
/// In `const s = { overflow: 'hidden' }; const css = { overflow: 'auto', ...s };` followed by
/// `const style = () => ({ title: s })`, the arrow cannot hand `s` out before `css` is built.
fn runs_after(reference: NodeId, literal: NodeId, decl: NodeId, cx: &Ctx<'_, '_>) -> bool {
    let nodes = cx.nodes();
    if nodes.kind(reference).span().start < nodes.kind(literal).span().end {
        return false;
    }
    let literal_function = boundary(literal, cx);
    if literal_function != boundary(decl, cx) {
        return false;
    }
    for a in nodes.ancestors(literal) {
        if Some(a.id()) == literal_function {
            break;
        }
        if is_loop(a.kind()) && !nodes.ancestor_ids(decl).any(|d| d == a.id()) {
            return false;
        }
    }
    nodes
        .ancestors(reference)
        .take_while(|a| Some(a.id()) != literal_function)
        .all(|a| !matches!(a.kind(), AstKind::Function(f) if f.is_declaration()))
}

fn is_loop(kind: AstKind<'_>) -> bool {
    matches!(
        kind,
        AstKind::ForStatement(_)
            | AstKind::ForInStatement(_)
            | AstKind::ForOfStatement(_)
            | AstKind::WhileStatement(_)
            | AstKind::DoWhileStatement(_)
    )
}

/// The nearest function, arrow, class or static block around a node (`None` at the top
/// level): the code between them runs at most once per run of the boundary, loops aside.
fn boundary(node: NodeId, cx: &Ctx<'_, '_>) -> Option<NodeId> {
    cx.nodes().ancestors(node).find_map(|a| {
        matches!(
            a.kind(),
            AstKind::Function(_)
                | AstKind::ArrowFunctionExpression(_)
                | AstKind::Class(_)
                | AstKind::StaticBlock(_)
        )
        .then(|| a.id())
    })
}

/// Whether the reference at `node` lets the object reach code that could delete its keys:
/// anything but a spread of it (`{ ...defaults }`), a property read or write on it
/// (`defaults.a`, `defaults.a = 1`: neither removes a key), `typeof`, `!`, `void`, `===`,
/// `!==`, the right side of `in` and the left side of `instanceof`, or a TS `typeof` type.
/// `delete defaults.a`, a method call (`defaults.reset()` gets it as `this`), an alias
/// (`const alias = defaults`), a store (`cfg.defaults = defaults`), an argument, a return
/// value and an export all count.
fn escapes(node: NodeId, cx: &Ctx<'_, '_>) -> bool {
    let nodes = cx.nodes();
    let cur = unwrap_up(node, cx);
    let span = nodes.kind(cur).span();
    let parent = nodes.parent_id(cur);
    match nodes.kind(parent) {
        AstKind::SpreadElement(_) | AstKind::JSXSpreadAttribute(_) | AstKind::TSTypeQuery(_) => {
            false
        }
        AstKind::StaticMemberExpression(m) if m.object.span() == span => member_escapes(parent, cx),
        AstKind::ComputedMemberExpression(m) if m.object.span() == span => {
            member_escapes(parent, cx)
        }
        AstKind::UnaryExpression(u) => !matches!(
            u.operator,
            UnaryOperator::Typeof | UnaryOperator::Void | UnaryOperator::LogicalNot
        ),
        AstKind::BinaryExpression(b) => !match b.operator {
            BinaryOperator::StrictEquality | BinaryOperator::StrictInequality => true,
            BinaryOperator::In => b.right.span() == span,
            BinaryOperator::Instanceof => b.left.span() == span,
            _ => false,
        },
        _ => true,
    }
}

/// Whether the property access at `member` (on the binding) escapes: it is deleted, or
/// called as a method.
fn member_escapes(member: NodeId, cx: &Ctx<'_, '_>) -> bool {
    let nodes = cx.nodes();
    let cur = unwrap_up(member, cx);
    let span = nodes.kind(cur).span();
    match nodes.parent_kind(cur) {
        AstKind::UnaryExpression(u) => u.operator == UnaryOperator::Delete,
        AstKind::CallExpression(c) => c.callee.span() == span,
        AstKind::TaggedTemplateExpression(t) => t.tag.span() == span,
        _ => false,
    }
}

/// The outermost of the parentheses, TS wrappers and optional chains around `node`.
fn unwrap_up(node: NodeId, cx: &Ctx<'_, '_>) -> NodeId {
    let nodes = cx.nodes();
    let mut cur = node;
    loop {
        let pid = nodes.parent_id(cur);
        match nodes.kind(pid) {
            AstKind::ParenthesizedExpression(_)
            | AstKind::TSAsExpression(_)
            | AstKind::TSNonNullExpression(_)
            | AstKind::TSSatisfiesExpression(_)
            | AstKind::TSTypeAssertion(_)
            | AstKind::ChainExpression(_) => cur = pid,
            _ => return cur,
        }
    }
}

/// Identifiers, `this` and static member chains of them: reading one twice gives the same.
fn is_simple_path(expr: &Expression) -> bool {
    match expr.get_inner_expression() {
        Expression::Identifier(_) | Expression::ThisExpression(_) => true,
        Expression::StaticMemberExpression(m) => is_simple_path(&m.object),
        _ => false,
    }
}

fn same_path(a: &Expression, b: &Expression, cx: &Ctx) -> bool {
    match (a.get_inner_expression(), b.get_inner_expression()) {
        (Expression::Identifier(x), Expression::Identifier(y)) => {
            if x.name != y.name {
                return false;
            }
            let scoping = cx.scoping();
            let sym = |id: &oxc_ast::ast::IdentifierReference| {
                id.reference_id
                    .get()
                    .and_then(|r| scoping.get_reference(r).symbol_id())
            };
            sym(x) == sym(y)
        }
        (Expression::ThisExpression(_), Expression::ThisExpression(_)) => true,
        (Expression::StaticMemberExpression(x), Expression::StaticMemberExpression(y)) => {
            x.property.name == y.property.name && same_path(&x.object, &y.object, cx)
        }
        _ => false,
    }
}

fn short(text: &str) -> Option<String> {
    let t = crate::rules::one_line(text, 40);
    (t.len() <= 40).then_some(t)
}

/// Deletes element `i` of the object literal together with its comma.
fn remove_element(obj: &ObjectExpression, i: usize, cx: &Ctx) -> Option<Edit> {
    let this = obj.properties.get(i)?.span();
    let next = obj.properties.get(i + 1)?.span();
    let between = cx.text(OxcSpan::new(this.end, next.start));
    if between.trim() == "," {
        return Some(Edit::delete(Span::new(this.start, next.start)));
    }
    // Comments stand between: keep them, take the comma and the blanks after it.
    let comma = between.find(',')? as u32;
    let rest = &between[comma as usize + 1..];
    let blanks = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    Some(Edit::delete(Span::new(
        this.start,
        this.end + comma + 1 + blanks as u32,
    )))
}

fn overwritten(
    obj: &ObjectExpression,
    i: usize,
    span: OxcSpan,
    name: &str,
    by: By,
    cx: &Ctx,
) -> Diagnostic {
    let property = matches!(by, By::Property(_));
    let (message, by_span, label) = match by {
        By::Property(s) => (
            format!(
                "property `{name}` is set again later in this object literal (line {}): this value is never used",
                cx.line_of(s.start)
            ),
            s,
            format!("`{name}` is set again here"),
        ),
        By::Literal(s) => {
            let what = short(cx.text(s)).map_or_else(
                || "a later spread".to_string(),
                |t| format!("the later spread `{t}`"),
            );
            (
                format!(
                    "property `{name}` is always overwritten by {what}, which has its own `{name}`: this value is never used"
                ),
                s,
                format!("this spread sets `{name}`"),
            )
        }
        By::Binding(s, binding, line) => (
            format!(
                "property `{name}` is always overwritten by the later spread of `{binding}` (an object literal with `{name}`, line {line}): this value is never used"
            ),
            s,
            format!("`{binding}` has `{name}`"),
        ),
    };
    let help = if property {
        format!("remove this `{name}`: the later one is the value the object gets")
    } else {
        format!("remove this `{name}`, or move it after the spread if it is meant to win")
    };
    let mut d = Diagnostic::new(META.id, span, message)
        .with_label(span, "this property")
        .with_label(by_span, label)
        .with_help(help);
    if let Some(edit) = remove_element(obj, i, cx) {
        d = d.with_fix(Fix::suggestion(
            format!("remove the overwritten `{name}`"),
            vec![edit],
        ));
    }
    d
}

fn spread_twice(
    obj: &ObjectExpression,
    i: usize,
    first: OxcSpan,
    second: OxcSpan,
    cx: &Ctx,
) -> Diagnostic {
    let text = cx.text(second);
    let what = short(text.trim_start_matches("...").trim())
        .map_or_else(|| "the same value".to_string(), |t| format!("`{t}`"));
    let mut d = Diagnostic::new(
        META.id,
        second,
        format!(
            "{what} is spread twice into this object literal (first at line {}): the second spread copies the same properties again",
            cx.line_of(first.start)
        ),
    )
    .with_label(first, "first spread")
    .with_label(second, "the same value spread again")
    .with_help("remove one of the two spreads; keep the later one if the properties between them must not win");
    // Removing the first keeps every value: the second one wins over anything in between.
    if let Some(edit) = remove_element(obj, i, cx) {
        d = d.with_fix(Fix::suggestion("remove the first spread", vec![edit]));
    }
    d
}

#[cfg(test)]
mod tests {
    use crate::lint::test_util::lint_with_rule;

    const ID: &str = "spread-overrides-property";

    fn positions(code: &str) -> Vec<(u32, u32)> {
        lint_with_rule("a.js", code, ID)
            .iter()
            .filter(|d| d.rule == ID)
            .map(|d| (d.start.line, d.start.column))
            .collect()
    }

    #[test]
    fn fail_and_pass() {
        let fail: &[(&str, &[(u32, u32)])] = &[
            ("const o = { id, ...{ id: 2 } };", &[(1, 13)]),
            ("const o = { id: 1, name, ...{ x: 1, id: 2 } };", &[(1, 13)]),
            (
                "const defaults = { a: 1, b: 2 };\nconst o = { a: 0, ...defaults };",
                &[(2, 13)],
            ),
            ("const o = { a: 1, b, ...x, a: 2 };", &[(1, 13)]),
            (
                "const D = Object.freeze({ a: 1 });\nconst o = { a: 0, ...D };",
                &[(2, 13)],
            ),
            ("const o = { 'a': 1, ...x, a: 2 };", &[(1, 13)]),
            ("const o = { 1: x, ...z, '1': y };", &[(1, 13)]),
            ("const o = { ['a']: 1, ...x, a: 2 };", &[(1, 13)]),
            ("const o = { [`a`]: 1, ...r, a: 2 };", &[(1, 13)]),
            ("const o = { a: 1, ...r, [`a`]: 2 };", &[(1, 13)]),
            ("const o = { [`\\x61`]: 1, ...{ a: 2 } };", &[(1, 13)]),
            (
                "const o = { a: 1, ...(c ? { a: 2 } : { a: 3 }) };",
                &[(1, 13)],
            ),
            ("const o = { a: 1, ...{ ...{ a: 2 } } };", &[(1, 13)]),
            ("const o = { m() {}, ...{ m: 1 } };", &[(1, 13)]),
            (
                "const o = { a: 1, ...{ get a() { return 2; } } };",
                &[(1, 13)],
            ),
            ("const o = { ...a, ...a };", &[(1, 19)]),
            (
                "const o = { ...this.props, x: 1, ...this.props };",
                &[(1, 34)],
            ),
            ("const o = { ...a, ...b, ...a, ...a };", &[(1, 25), (1, 31)]),
            ("const o = { a: 1, a: 2, ...x, a: 3 };", &[(1, 13), (1, 19)]),
            // Reads, writes and comparisons do not remove a key; a frozen object keeps its
            // keys; an escape that can only run after the literal is built changes nothing.
            (
                "const d = { a: 1 };\nd.a = 2;\nif (typeof d === 'object' && 'a' in d) {}\nconst o = { a: 0, ...d };",
                &[(4, 13)],
            ),
            (
                "const d = { a: 1 };\nconst o = { a: 0, ...d };\nconst style = () => ({ title: d });",
                &[(2, 13)],
            ),
            (
                "const d = { a: 1 };\nconst o = { a: 0, ...(d) };\nconst e = [d];",
                &[(2, 13)],
            ),
            (
                "const D = Object.freeze({ a: 1 });\nregister(D);\nconst o = { a: 0, ...D };",
                &[(3, 13)],
            ),
            (
                "const d = { a: { b: 1 } };\ndelete d.a.b;\nconst o = { a: 0, ...d };",
                &[(3, 13)],
            ),
            (
                "function f() { const d = { a: 1 }; const o = { a: 0, ...d }; register(d); return o; }",
                &[(1, 48)],
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
            // A plain duplicate key without any spread is `no-dupe-keys`' business.
            "const o = { a: 1, a: 2 };",
            "const o = { id, ...unknown };",
            "const o = { id, ...f() };",
            "const o = { ...{ id: 2 }, id };",
            "const o = { a: 1, ...(c && { a: 2 }) };",
            "const o = { a: 1, ...(c ? { a: 2 } : {}) };",
            "const o = { [k]: 1, ...{ a: 2 } };",
            "const o = { [`a${k}`]: 1, ...r, a: 2 };",
            "const o = { [`a`]: 1, ...r, b: 2 };",
            "const o = { [`a`]: 1, a: 2, [k]: 3 };",
            "const o = { get a() { return 1; }, set a(v) {} };",
            "const o = { get a() { return 1; }, ...{ a: 2 } };",
            "const o = { __proto__: p, ...{ __proto__: q } };",
            "const o = { a: 1, ...{ __proto__: { a: 2 } } };",
            "let d = { a: 1 }; d = {}; const o = { a: 0, ...d };",
            "const d = { a: 1 }; delete d.a; const o = { a: 0, ...d };",
            "const d = { a: 1 }; strip(d); const o = { a: 0, ...d };",
            "const d = make(); const o = { a: 0, ...d };",
            // Anything but a spread or a property access hands the object out, and whoever
            // gets it may delete the key before the literal is built.
            "const defaults = { retries: 3 };\nconst alias = defaults;\ndelete alias.retries;\nexport const o = { retries: 5, ...defaults };",
            "const defaults = { retries: 3 };\ncfg.defaults = defaults;\nexport const o = { retries: 5, ...defaults };",
            "const defaults = { retries: 3 };\nexport { defaults };\nexport const o = { retries: 5, ...defaults };",
            "const defaults = { retries: 3 };\nmodule.exports.defaults = defaults;\nmodule.exports.o = { retries: 5, ...defaults };",
            "export const d = { a: 1 };\nconst o = { a: 0, ...d };",
            "const d = { a: 1 };\nconst o = { a: 0, ...d };\nexport { d };",
            "const d = { a: 1 };\nconst o = { a: 0, ...d };\nexport default d;",
            "const d = { a: 1 };\nd.reset();\nconst o = { a: 0, ...d };",
            "const d = { a: 1 };\nconst o = { a: 0, ...d };\nfunction later() { return { d }; }",
            "const d = { a: 1 };\nfor (const x of xs) { const o = { a: 0, ...d }; use(d); }",
            "const d = { a: 1 };\nconst make = () => ({ a: 0, ...d });\nuse(d);",
            "const d = { a: 1 };\nconst o = { a: 0, ...d, [`${d}`]: 1 };",
            "const o = { a: 0, ...defaults };",
            "const o = { ...a, ...b };",
            "const o = { ...a.b, ...a.c };",
            "const o = { ...f(), ...f() };",
            "const o = { ...a, x: (a = b), ...a };",
            "function g(a) { const o = { ...a }; { const a = 1; return { ...o, ...a }; } }",
            "const o = { a, b, c };",
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
    fn fix_edits() {
        let cases = [
            (
                "const o = { id, ...{ id: 2 } };",
                "const o = { ...{ id: 2 } };",
            ),
            (
                "const o = { a: 1, b, ...x, a: 2 };",
                "const o = { b, ...x, a: 2 };",
            ),
            ("const o = { ...a, ...a };", "const o = { ...a };"),
            (
                "const o = {\n  a: 1, // old\n  ...{ a: 2 },\n};",
                "const o = {\n  // old\n  ...{ a: 2 },\n};",
            ),
        ];
        let mut failures = Vec::new();
        for (code, want) in cases {
            let d = lint_with_rule("a.js", code, ID);
            let Some(fix) = d.first().and_then(|d| d.fix.as_ref()) else {
                failures.push(format!("{code}: no fix"));
                continue;
            };
            let mut text = code.to_string();
            for e in fix.edits.iter().rev() {
                text.replace_range(e.span.start as usize..e.span.end as usize, &e.text);
            }
            if text != want {
                failures.push(format!("{code}\n  want {want:?}\n  got  {text:?}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn messages() {
        let code = "const defaults = { retries: 3 };\nconst a = { id, ...{ id: 2 } };\nconst b = { retries: 1, ...defaults };\nconst c = { x: 1, ...e, x: 2 };\nconst d = { ...opts, ...opts };\n";
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
                if let Some(f) = &d.fix {
                    s.push_str(&format!("  fix ({:?}): {}\n", f.safety, f.message));
                }
                s
            })
            .collect();
        insta::assert_snapshot!("spread-overrides-property", text);
    }
}
