//! `object-assign-mutates-target`: `Object.assign(x, …)` whose target `x` is an object that
//! already exists elsewhere (a module-scope or imported binding, or a member expression), and
//! whose result is then used as if it were a new object. `Object.assign` writes the sources
//! into its first argument and returns that same object, so the "merged" value and `x` are
//! one object: every later call sees (and changes) the earlier merge.
//!
//! Not flagged, on purpose:
//! - a parameter or a local binding of the enclosing function as target (the deliberate
//!   mutate-and-return helper `function extend(target, src) { return Object.assign(target, src) }`),
//! - `this` as target (`return Object.assign(this, props)` in a builder),
//! - a fresh target (`{}`, a call, `new …`), or a fallback (`x || {}`),
//! - a function or class as target (`export default Object.assign(Button, { Group })` attaches
//!   statics to it on purpose), `….prototype` (mixins), and `module.exports` or `exports`
//!   (a CommonJS module extending its exports),
//! - the result unused, or assigned back to the target itself (`a.b = Object.assign(a.b, c)`),
//! - `Object` that is not the global.

use oxc_ast::AstKind;
use oxc_ast::ast::{Argument, BindingPattern, CallExpression, Expression, MemberExpression};
use oxc_semantic::{AstNode, IsGlobalReference};
use oxc_span::GetSpan;
use oxc_syntax::symbol::{SymbolFlags, SymbolId};

use crate::diagnostic::{Diagnostic, Edit, Fix, Span};
use crate::kinds::Kind;
use crate::rules::{Category, Ctx, FixKind, Rule, RuleMeta};

pub static META: RuleMeta = RuleMeta {
    id: "object-assign-mutates-target",
    category: Category::Suspicious,
    fix: FixKind::Suggestion,
    node_types: &[oxc_ast::AstType::CallExpression],
    needles: &["assign"],
    docs: include_str!("../../rules/object-assign-mutates-target.md"),
    create: crate::no_options!(ObjectAssignMutatesTarget),
};

pub struct ObjectAssignMutatesTarget;

impl Rule for ObjectAssignMutatesTarget {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn gate(&self) -> crate::rules::GateSpec {
        crate::rules::GateSpec::ObjectAssignMutatesTarget
    }

    fn check<'a>(&self, node: &AstNode<'a>, cx: &mut Ctx<'a, '_>) {
        let AstKind::CallExpression(call) = node.kind() else {
            return;
        };
        if !is_global_object_assign(call, cx) || call.arguments.len() < 2 {
            return;
        }
        let Some(target_arg) = call.arguments.first().and_then(Argument::as_expression) else {
            return;
        };
        let target = target_arg.get_inner_expression();
        let Some(what) = existing_target(target, cx) else {
            return;
        };
        let Some(usage) = result_usage(node, cx) else {
            return;
        };
        if let Usage::AssignedTo(span) = usage
            && same_text(cx.text(span), cx.text(target.span()))
        {
            // `a.b = Object.assign(a.b, c)`: the caller knows the object is updated in place.
            return;
        }
        cx.report(diagnostic(call, target_arg, &what, usage, cx));
    }
}

/// How the target is described in the message.
enum Target {
    /// A module-scope binding: its name and declaration span.
    Module(String, Span),
    /// An imported binding: its name and the span of its import.
    Import(String, Span),
    /// A member expression: its source text.
    Member(String),
}

/// How the call's result is used.
#[derive(Clone, Copy)]
enum Usage {
    /// Bound to a name (`const merged = …`).
    Bound(oxc_span::Span),
    /// Assigned to a place (`x.y = …`): the place.
    AssignedTo(oxc_span::Span),
    Returned,
    /// Passed as an argument, spread, put in a literal, read, exported, …
    Used,
}

fn is_global_object_assign(call: &CallExpression<'_>, cx: &Ctx<'_, '_>) -> bool {
    let Some(member) = call.callee.get_inner_expression().as_member_expression() else {
        return false;
    };
    if member.static_property_name() != Some("assign") {
        return false;
    }
    matches!(member.object().get_inner_expression(), Expression::Identifier(id)
        if id.name == "Object" && id.is_global_reference(cx.scoping()))
}

/// Whether `target` is an object that exists outside this call, and how to name it.
fn existing_target(target: &Expression<'_>, cx: &Ctx<'_, '_>) -> Option<Target> {
    match target {
        Expression::Identifier(id) => {
            let reference = cx.scoping().get_reference(id.reference_id.get()?);
            let symbol = reference.symbol_id()?;
            let flags = cx.scoping().symbol_flags(symbol);
            if flags.intersects(SymbolFlags::Function | SymbolFlags::Class) {
                return None;
            }
            let name = id.name.to_string();
            if name == "exports" {
                // CommonJS `exports` (a wrapper's parameter, or bound to `module.exports`).
                return None;
            }
            if flags.contains(SymbolFlags::Import) {
                // `import Button from './Button'`: a component or class getting statics.
                if is_pascal_case(&name) {
                    return None;
                }
                return Some(Target::Import(name, import_span(symbol, cx)));
            }
            if cx.scoping().symbol_scope_id(symbol) != cx.scoping().root_scope_id() {
                // A parameter, a local or a closure binding: not what this rule judges.
                return None;
            }
            if !is_plain_data_binding(symbol, cx) {
                return None;
            }
            if let Some(span) = required_at(symbol, cx) {
                // `const defaults = require('./defaults')`: like an import.
                if is_pascal_case(&name) {
                    return None;
                }
                return Some(Target::Import(name, span));
            }
            // Only a binding known to hold a plain object: `const Collapse = forwardRef(…)`
            // gets statics attached on purpose (`export default Object.assign(Collapse, {…})`).
            if !holds_plain_objects(symbol, cx) {
                return None;
            }
            Some(Target::Module(
                name,
                cx.scoping().symbol_span(symbol).into(),
            ))
        }
        Expression::StaticMemberExpression(_)
        | Expression::ComputedMemberExpression(_)
        | Expression::PrivateFieldExpression(_) => {
            let member = target.as_member_expression()?;
            if is_prototype_member(member) || is_module_exports(member) || !rooted_in_name(member) {
                return None;
            }
            Some(Target::Member(cx.text(target.span()).to_string()))
        }
        _ => None,
    }
}

/// `Foo.prototype` or `Foo.prototype.bar`: mixins mutate prototypes on purpose.
pub(crate) fn is_prototype_member(member: &MemberExpression<'_>) -> bool {
    let mut current = Some(member);
    while let Some(m) = current {
        if m.static_property_name() == Some("prototype") {
            return true;
        }
        current = m.object().get_inner_expression().as_member_expression();
    }
    false
}

/// `module.exports`: extending the module's exports object is what CommonJS code does on
/// purpose (`module.exports = Object.assign(module.exports, { helper })`).
fn is_module_exports(member: &MemberExpression<'_>) -> bool {
    member.static_property_name() == Some("exports")
        && matches!(member.object().get_inner_expression(), Expression::Identifier(m) if m.name == "module")
}

/// A member chain read from a name or `this` (`config.base`, `this.state.items`), not from
/// a fresh value (`{ [name]: fn }[name]`, `make().opts`).
pub(crate) fn rooted_in_name(member: &MemberExpression<'_>) -> bool {
    let mut object = member.object().get_inner_expression();
    loop {
        match object {
            Expression::Identifier(_) | Expression::ThisExpression(_) => return true,
            _ => match object.as_member_expression() {
                Some(m) => object = m.object().get_inner_expression(),
                None => return false,
            },
        }
    }
}

/// `Button`, `Select`: a component or class name (not an ALL_CAPS constant).
fn is_pascal_case(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_uppercase())
        && name.contains(|c: char| c.is_ascii_lowercase())
}

/// The span of the declarator when `symbol` is bound to `require(…)` (the global `require`).
fn required_at(symbol: SymbolId, cx: &Ctx<'_, '_>) -> Option<Span> {
    let AstKind::VariableDeclarator(d) = cx.nodes().kind(cx.scoping().symbol_declaration(symbol))
    else {
        return None;
    };
    let Some(Expression::CallExpression(call)) =
        d.init.as_ref().map(Expression::get_inner_expression)
    else {
        return None;
    };
    let is_require = matches!(call.callee.get_inner_expression(), Expression::Identifier(id)
        if id.name == "require" && id.is_global_reference(cx.scoping()));
    is_require.then(|| d.span.into())
}

/// Whether the binding only ever holds plain objects: the inference says so, or (for a
/// reassigned `let`/`var`) its initializer and every value assigned to it are objects
/// (`let state = {}; … state = { ...state, x };`).
fn holds_plain_objects(symbol: SymbolId, cx: &Ctx<'_, '_>) -> bool {
    let is_object = |e: &Expression<'_>| matches!(cx.kinds().of(e).kind, Kind::Object { .. });
    if matches!(cx.kinds().of_symbol(symbol).kind, Kind::Object { .. }) {
        return true;
    }
    let scoping = cx.scoping();
    if !cx.kinds().is_mutated(symbol) {
        return false;
    }
    let AstKind::VariableDeclarator(d) = cx.nodes().kind(scoping.symbol_declaration(symbol)) else {
        return false;
    };
    if !d.init.as_ref().is_some_and(is_object) {
        return false;
    }
    // Once per binding: asked per `Object.assign(state, …)`, inferring every value assigned
    // to `state` each time is quadratic.
    cx.kinds().symbol_fact(
        "object-assign-mutates-target/assigned-objects",
        symbol,
        || {
            cx.kinds().write_references(symbol).iter().all(|&node| {
                match cx.nodes().parent_kind(node) {
                    AstKind::AssignmentExpression(a) => {
                        a.operator.is_assign() && is_object(&a.right)
                    }
                    _ => false,
                }
            })
        },
    )
}

/// A module-scope binding that is not initialised with a function or class (attaching
/// statics to a function is deliberate) and not declared without a value we can see.
fn is_plain_data_binding(symbol: SymbolId, cx: &Ctx<'_, '_>) -> bool {
    let decl = cx.scoping().symbol_declaration(symbol);
    match cx.nodes().kind(decl) {
        AstKind::VariableDeclarator(d) => {
            if !matches!(d.id, BindingPattern::BindingIdentifier(_)) {
                // Destructured: could be anything; precision first.
                return false;
            }
            match d.init.as_ref().map(Expression::get_inner_expression) {
                None => true,
                Some(
                    Expression::FunctionExpression(_)
                    | Expression::ArrowFunctionExpression(_)
                    | Expression::ClassExpression(_),
                ) => false,
                Some(_) => true,
            }
        }
        _ => false,
    }
}

/// The span of the import specifier that declares `symbol` (the symbol's own span otherwise).
fn import_span(symbol: SymbolId, cx: &Ctx<'_, '_>) -> Span {
    let decl = cx.scoping().symbol_declaration(symbol);
    match cx.nodes().kind(decl) {
        AstKind::ImportSpecifier(s) => s.span.into(),
        AstKind::ImportDefaultSpecifier(s) => s.span.into(),
        AstKind::ImportNamespaceSpecifier(s) => s.span.into(),
        _ => cx.scoping().symbol_span(symbol).into(),
    }
}

/// How the value of the call at `node` is used, or `None` when it is thrown away.
fn result_usage(node: &AstNode<'_>, cx: &Ctx<'_, '_>) -> Option<Usage> {
    let nodes = cx.nodes();
    let mut child_span = node.kind().span();
    for parent in nodes.ancestors(node.id()) {
        match parent.kind() {
            AstKind::ParenthesizedExpression(_)
            | AstKind::TSAsExpression(_)
            | AstKind::TSSatisfiesExpression(_)
            | AstKind::TSNonNullExpression(_)
            | AstKind::TSTypeAssertion(_)
            | AstKind::ChainExpression(_)
            | AstKind::AwaitExpression(_) => {}
            AstKind::ConditionalExpression(c) => {
                if c.test.span() == child_span {
                    return Some(Usage::Used);
                }
            }
            AstKind::LogicalExpression(_) => {}
            AstKind::SequenceExpression(s) => {
                if s.expressions.last().map(GetSpan::span) != Some(child_span) {
                    return None;
                }
            }
            AstKind::ExpressionStatement(_) => return None,
            // An expression-bodied arrow returns the value.
            AstKind::ArrowFunctionExpression(_) => return arrow_usage(parent, cx),
            AstKind::UnaryExpression(u) => {
                return (u.operator != oxc_syntax::operator::UnaryOperator::Void)
                    .then_some(Usage::Used);
            }
            AstKind::ForStatement(_) => return None,
            AstKind::VariableDeclarator(d) => return Some(Usage::Bound(d.id.span())),
            AstKind::AssignmentExpression(a) => {
                return Some(Usage::AssignedTo(a.left.span()));
            }
            AstKind::ReturnStatement(_) => return Some(Usage::Returned),
            _ => return Some(Usage::Used),
        }
        child_span = parent.kind().span();
    }
    None
}

/// The value is what an expression-bodied arrow returns. Count it as used when the arrow is
/// kept (bound, exported, …) or is a `map`-like callback whose returned values are collected;
/// a `forEach` or event-handler callback throws the value away.
fn arrow_usage(arrow: &AstNode<'_>, cx: &Ctx<'_, '_>) -> Option<Usage> {
    let nodes = cx.nodes();
    let AstKind::ArrowFunctionExpression(a) = arrow.kind() else {
        return None;
    };
    let mut child_span = a.span;
    for parent in nodes.ancestors(arrow.id()) {
        match parent.kind() {
            AstKind::ParenthesizedExpression(_)
            | AstKind::TSAsExpression(_)
            | AstKind::TSSatisfiesExpression(_) => {}
            AstKind::CallExpression(call) => {
                if call.callee.span() == child_span {
                    return Some(Usage::Returned);
                }
                let name = call
                    .callee
                    .get_inner_expression()
                    .as_member_expression()
                    .and_then(MemberExpression::static_property_name);
                return matches!(name, Some("map" | "flatMap" | "reduce" | "reduceRight"))
                    .then_some(Usage::Returned);
            }
            AstKind::VariableDeclarator(_)
            | AstKind::AssignmentExpression(_)
            | AstKind::ObjectProperty(_)
            | AstKind::PropertyDefinition(_)
            | AstKind::ExportDefaultDeclaration(_)
            | AstKind::ReturnStatement(_) => return Some(Usage::Returned),
            _ => return None,
        }
        child_span = parent.kind().span();
    }
    None
}

/// Compares two source texts ignoring whitespace (`a.b` vs `a . b`).
fn same_text(a: &str, b: &str) -> bool {
    a.chars()
        .filter(|c| !c.is_whitespace())
        .eq(b.chars().filter(|c| !c.is_whitespace()))
}

/// A short rendering of a source text for messages.
fn short(text: &str) -> String {
    let one_line = crate::rules::one_line(text, 40);
    if one_line.chars().count() <= 40 {
        format!("`{one_line}`")
    } else {
        let cut: String = one_line.chars().take(37).collect();
        format!("`{cut}…`")
    }
}

fn diagnostic(
    call: &CallExpression<'_>,
    target_arg: &Expression<'_>,
    what: &Target,
    usage: Usage,
    cx: &Ctx<'_, '_>,
) -> Diagnostic {
    let (described, name, origin) = match what {
        Target::Module(name, decl) => (
            format!(
                "`{name}`, a module-scope binding (declared at line {})",
                cx.line_of(decl.start)
            ),
            name.clone(),
            Some((*decl, "declared here, shared by every caller")),
        ),
        Target::Import(name, decl) => (
            format!(
                "`{name}`, an imported binding (imported at line {})",
                cx.line_of(decl.start)
            ),
            name.clone(),
            Some((*decl, "imported here: other modules hold the same object")),
        ),
        Target::Member(text) => (
            format!("{}, an existing object", short(text)),
            text.clone(),
            None,
        ),
    };
    let result = match usage {
        Usage::Bound(span) => format!("{} is not a copy", short(cx.text(span))),
        Usage::AssignedTo(span) => format!("{} is not a copy", short(cx.text(span))),
        Usage::Returned => "the returned object is not a copy".to_string(),
        Usage::Used => "the result is not a copy".to_string(),
    };
    let target_span: Span = target_arg.span().into();
    let sources: Vec<String> = call
        .arguments
        .iter()
        .skip(1)
        .map(|a| cx.text(a.span()).to_string())
        .collect();
    let example = if sources.len() == 1 && sources[0].len() <= 20 && name.len() <= 30 {
        format!("Object.assign({{}}, {name}, {})", sources[0])
    } else if name.len() <= 30 {
        format!("Object.assign({{}}, {name}, …)")
    } else {
        "Object.assign({}, target, …)".to_string()
    };
    let mut d = Diagnostic::new(
        META.id,
        call.span,
        format!("`Object.assign` writes into {described}, and returns that same object: {result}"),
    )
    .with_label(target_span, "this object is mutated");
    if let Some((span, label)) = origin {
        d = d.with_label(span, label);
    }
    d.with_help(format!(
        "copy into a fresh object instead: `{example}`; if the mutation is intended, call it as a statement"
    ))
    .with_fix(Fix::suggestion(
        "merge into a new object `{}`",
        vec![Edit::new(
            Span::new(target_span.start, target_span.start),
            "{}, ",
        )],
    ))
}

#[cfg(test)]
mod tests {
    use crate::lint::test_util::lint_with_rule;

    const ID: &str = "object-assign-mutates-target";

    /// (code, line, column) of each expected diagnostic.
    const FAIL: &[(&str, &[(u32, u32)])] = &[
        (
            "const defaults = { a: 1 };\nexport function f(opts) {\n  const merged = Object.assign(defaults, opts);\n  return merged;\n}",
            &[(3, 18)],
        ),
        (
            "const state = {};\nfunction update(patch) {\n  return Object.assign(state, patch);\n}",
            &[(3, 10)],
        ),
        (
            "import base from './base';\nexport const cfg = (o) => Object.assign(base, o);",
            &[(2, 27)],
        ),
        (
            "import { base } from './base';\nfoo(Object.assign(base, { a: 1 }));",
            &[(2, 5)],
        ),
        (
            "class A {\n  merge(o) {\n    return Object.assign(this.defaults, o);\n  }\n}",
            &[(3, 12)],
        ),
        (
            "function f(config, o) {\n  const x = Object.assign(config.base, o);\n  return x;\n}",
            &[(2, 13)],
        ),
        (
            "const DEFAULTS = {};\nconst merged = { ...Object.assign(DEFAULTS, a) };",
            &[(2, 21)],
        ),
        (
            "const d = {};\nconst xs = list.map((o) => Object.assign(d, o));",
            &[(2, 28)],
        ),
        (
            "var opts = {};\nmodule.exports = function (o) { return (Object.assign(opts, o)); };",
            &[(2, 41)],
        ),
        (
            "const base = {};\nasync function f(o) { const r = await Object.assign(base, o); return r; }",
            &[(2, 39)],
        ),
        (
            "const a = {};\nconst b = cond ? Object.assign(a, x) : null;",
            &[(2, 18)],
        ),
        (
            "const o = {};\nconst r = Object.assign(o, ...parts);",
            &[(2, 11)],
        ),
        (
            "let s = {};\nexport default Object.assign(s, x);",
            &[(2, 16)],
        ),
        (
            "const defaults = require('./defaults.json');\nmodule.exports = (o) => Object.assign(defaults, o);",
            &[(2, 25)],
        ),
        (
            "const c = Object.assign(module.exports.config, x);",
            &[(1, 11)],
        ),
        (
            "let state = { n: 0 };\nfunction reset() { state = {}; }\nfunction get(p) { return Object.assign(state, p); }",
            &[(3, 26)],
        ),
    ];

    const PASS: &[&str] = &[
        // A statement: the mutation is the point.
        "const defaults = {};\nObject.assign(defaults, opts);",
        "class A { constructor(props) { Object.assign(this, props); } }",
        // A fresh target.
        "const merged = Object.assign({}, a);",
        "const merged = Object.assign({}, defaults, opts);",
        "const el = Object.assign(document.createElement('div'), { id: 'x' });",
        "const e = Object.assign(new Error('x'), { code: 1 });",
        "const o = Object.assign(x || {}, y);",
        // A parameter or a local of the enclosing function.
        "function extend(target, src) { return Object.assign(target, src); }",
        "function f(o) { const acc = {}; return Object.assign(acc, o); }",
        "const extend = (t, s) => Object.assign(t, s);",
        // A closure binding of an outer function: not module scope.
        "function make() { const base = {}; return (o) => Object.assign(base, o); }",
        // `this` as target.
        "class B { set(p) { return Object.assign(this, p); } }",
        // Assigned back to itself.
        "const cfg = {};\nfunction f(o) { this.opts = Object.assign(this.opts, o); }",
        "let state = {};\nfunction f(p) { state = Object.assign(state, p); }",
        // Functions and classes get statics attached on purpose.
        "function Button() {}\nexport default Object.assign(Button, { Group });",
        "const Menu = () => null;\nexport default Object.assign(Menu, { Item });",
        "class C {}\nmodule.exports = Object.assign(C, { x: 1 });",
        // Prototypes get mixins.
        "module.exports = Object.assign(Foo.prototype, mixin);",
        // A CommonJS module extends its own exports.
        "const x = Object.assign(module.exports, { a: 1 });",
        "module.exports = Object.assign(module.exports, helpers);",
        "export default Object.assign(module['exports'], helpers);",
        "var exports = module.exports;\nconst x = Object.assign(exports, { a: 1 });",
        "const x = Object.assign(exports, { a: 1 });",
        // Unknown globals and shadowed `Object`.
        "const r = Object.assign(window, x);",
        "import Object from './o';\nconst d = {};\nconst r = Object.assign(d, x);",
        "function f(Object) { const r = Object.assign(d, x); }",
        // One argument: nothing is written.
        "const d = {};\nconst r = Object.assign(d);",
        // Result thrown away.
        "const d = {};\nvoid Object.assign(d, x);",
        "const d = {};\nlist.forEach((o) => Object.assign(d, o));",
        "const d = {};\n(Object.assign(d, a), 1);",
        // Spread first argument.
        "const r = Object.assign(...parts);",
        // Destructured module-scope binding: unknown value.
        "const { a } = require('x');\nconst r = Object.assign(a, b);",
        // A required component, a binding reassigned to something unknown.
        "const Button = require('./Button');\nmodule.exports = Object.assign(Button, { Group });",
        "let state = {};\nfunction reset(s) { state = s; }\nfunction get(p) { return Object.assign(state, p); }",
        // Components made by a call, and imported components, get statics attached.
        "const Collapse = React.forwardRef(render);\nexport default Object.assign(Collapse, { Panel });",
        "import Select from './Select';\nexport default Object.assign(Select, { Option });",
        // A member of a fresh value.
        "function f(fn) { return Object.assign({ [fn.name]: fn }[fn.name], { tag: 1 }); }",
        "const r = Object.assign(make().opts, x);",
    ];

    #[test]
    fn fail_and_pass() {
        let mut failures = Vec::new();
        for (code, want) in FAIL {
            let d = lint_with_rule("a.js", code, ID);
            let got: Vec<(u32, u32)> = d
                .iter()
                .filter(|d| d.rule == ID)
                .map(|d| (d.start.line, d.start.column))
                .collect();
            if got != *want || d.len() != want.len() {
                failures.push(format!("{code}\n  want {want:?}, got {d:#?}"));
            }
        }
        for code in PASS {
            let d = lint_with_rule("a.js", code, ID);
            if !d.is_empty() {
                failures.push(format!("{code}\n  want nothing, got {d:#?}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    }

    #[test]
    fn fix_inserts_a_fresh_target() {
        let cases = [
            (
                "const d = {};\nconst r = Object.assign(d, x);",
                "const d = {};\nconst r = Object.assign({}, d, x);",
            ),
            (
                "function f(o) { return Object.assign(o.base, o.extra, { a: 1 }); }",
                "function f(o) { return Object.assign({}, o.base, o.extra, { a: 1 }); }",
            ),
            (
                "const d = {};\nconst r = Object.assign( /* t */ (d), x);",
                "const d = {};\nconst r = Object.assign( /* t */ {}, (d), x);",
            ),
        ];
        let mut failures = Vec::new();
        for (code, want) in cases {
            let got = crate::rules::fix_test_util::apply(code, ID);
            if got != want {
                failures.push(format!("{code}\n  want {want}\n  got  {got}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    }

    #[test]
    fn messages() {
        let code = "import base from './base';\nconst defaults = { a: 1 };\nexport function f(opts) {\n  const merged = Object.assign(defaults, opts);\n  return Object.assign(base, merged);\n}\nclass A { m(o) { return Object.assign(this.defaults, o); } }\n";
        insta::with_settings!({ prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!(ID, crate::rules::fix_test_util::render(code, ID));
        });
    }
}
