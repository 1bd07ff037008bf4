//! `object-spread-loses-data`: an object spread (`{...x}`, JSX `<C {...x} />`,
//! `Object.assign(t, x)`) or an object rest (`const { a, ...rest } = x`) of a value whose data
//! does not survive the copy: Maps, Sets, Weak collections, Promises, Dates, RegExps, Errors
//! (caught errors too), functions, primitives, URL and kin, and in-file class instances that
//! hold data in accessors or `#private` fields — or whose copy is then used for a method.
//!
//! Object spread copies own enumerable string- and symbol-keyed properties only; all of these
//! keep their data elsewhere (internal slots, the prototype, non-enumerable properties).

use oxc_ast::AstKind;
use oxc_ast::AstType;
use oxc_ast::ast::*;
use oxc_semantic::AstNode;
use oxc_span::GetSpan;
use oxc_syntax::node::NodeId;
use oxc_syntax::reference::ReferenceFlags;
use oxc_syntax::symbol::SymbolId;
use serde::Deserialize;

use crate::diagnostic::{Diagnostic, Span};
use crate::kinds::{Kind, Typed};
use crate::rules::{Category, Ctx, FixKind, Rule, RuleMeta, parse_options};

pub static META: RuleMeta = RuleMeta {
    id: "object-spread-loses-data",
    category: Category::Correctness,
    fix: FixKind::None,
    node_types: &[
        AstType::SpreadElement,
        AstType::JSXSpreadAttribute,
        AstType::CallExpression,
        AstType::ObjectPattern,
        AstType::ObjectAssignmentTarget,
    ],
    needles: &["...", "assign"],
    docs: include_str!("../../rules/object-spread-loses-data.md"),
    create: |opts| Ok(Box::new(parse_options::<Options>(opts)?) as Box<dyn Rule>),
};

/// Options of `object-spread-loses-data`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default, rename_all = "camelCase")]
pub struct Options {
    /// Treat `catch (err)` bindings (and `.catch(err => …)` parameters) as Errors.
    pub caught_errors: bool,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            caught_errors: true,
        }
    }
}

/// How a value is copied.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Copy {
    Spread,
    Jsx,
    Assign,
    Rest,
}

impl Copy {
    fn action(self) -> &'static str {
        match self {
            Copy::Spread => "spreading it into an object",
            Copy::Jsx => "spreading it as JSX props",
            Copy::Assign => "copying it with `Object.assign`",
            Copy::Rest => "copying it with an object rest",
        }
    }
    fn label(self) -> &'static str {
        match self {
            Copy::Spread | Copy::Jsx => "this spread",
            Copy::Assign => "this source",
            Copy::Rest => "this rest",
        }
    }
}

impl Options {
    /// What is lost, when `kind` loses data in an object copy.
    fn loss(&self, cx: &Ctx<'_, '_>, kind: Kind) -> Option<&'static str> {
        Some(match kind {
            Kind::Map => "copies none of its entries",
            Kind::Set => "copies none of its elements",
            Kind::WeakMap | Kind::WeakSet => "copies none of its entries",
            Kind::Promise => "copies nothing (the value it resolves to is not a property)",
            Kind::Date => "copies nothing (a Date keeps its time in an internal slot)",
            Kind::RegExp => "copies nothing (the pattern and flags are not own properties)",
            Kind::Error => "drops `message` and `stack` (they are not enumerable)",
            Kind::CaughtError if self.caught_errors => {
                "drops `message` and `stack` (they are not enumerable)"
            }
            Kind::Function => "copies nothing but the function's own enumerable properties",
            Kind::Number | Kind::Boolean | Kind::BigInt | Kind::Symbol => "copies nothing",
            Kind::Url => "copies nothing (its fields are accessors on the prototype)",
            Kind::UrlSearchParams | Kind::Headers | Kind::FormData => "copies none of its entries",
            Kind::Generator | Kind::AsyncGenerator | Kind::Iterator => {
                "copies nothing (its items are produced on demand, not stored as properties)"
            }
            Kind::Response => {
                "copies nothing (status, headers and body are behind prototype accessors and methods)"
            }
            Kind::Request => {
                "copies nothing (url, method, headers and body are behind prototype accessors and methods)"
            }
            Kind::Instance(node) => {
                let info = cx.kinds().class_info(node);
                if info.extends_unknown {
                    return None;
                }
                match (info.has_accessor, info.has_private_field) {
                    (true, true) => "drops what its getters return and its `#private` fields",
                    (true, false) => "drops what its getters return (they live on the prototype)",
                    (false, true) => "drops its `#private` fields",
                    (false, false) => return None,
                }
            }
            _ => return None,
        })
    }
}

fn help_for(t: &Typed, subject: &str) -> String {
    let s = subject.trim_matches('`');
    if let Some(array) = &t.origin.element_of {
        return crate::rules::awaited_array_help(array);
    }
    match t.kind {
        Kind::Map => format!("use `Object.fromEntries({s})` to turn the Map into an object"),
        Kind::Set => format!("use `[...{s}]` to copy the elements into an array"),
        Kind::WeakMap | Kind::WeakSet => "a WeakMap or WeakSet cannot be copied; keep a reference to it".into(),
        Kind::Promise => format!("`await` it first: `{{ ...(await {s}) }}`"),
        Kind::Date => format!("copy it with `new Date({s})`, or store `{s}.getTime()`"),
        Kind::RegExp => format!("copy it with `new RegExp({s})`"),
        Kind::Error | Kind::CaughtError => {
            format!("copy the fields by name: `{{ message: {s}.message, stack: {s}.stack, ...{s} }}`")
        }
        Kind::Function => "call it and spread what it returns, or spread an object".into(),
        Kind::Url => format!("copy it with `new URL({s})`, or store `{s}.href`"),
        Kind::Response | Kind::Request => {
            format!("read the body first: `{{ ...(await {s}.json()) }}`")
        }
        Kind::Generator | Kind::Iterator => format!("collect the items first: `[...{s}]`"),
        Kind::AsyncGenerator => "collect the items with `for await (… of …)` first".into(),
        Kind::UrlSearchParams | Kind::Headers | Kind::FormData => {
            format!("use `Object.fromEntries({s})` to turn its entries into an object")
        }
        Kind::Instance(_) => "build the copy from the fields by name, or give the class a method that returns a plain object".into(),
        _ => format!("put the value under a key: `{{ value: {s} }}`"),
    }
}

/// Whether a function binding has properties written onto it (`fn.displayName = …`): then
/// spreading it copies those on purpose.
fn has_member_writes(cx: &Ctx<'_, '_>, symbol: SymbolId) -> bool {
    // Once per binding: asked per spread of it.
    cx.kinds()
        .symbol_fact("object-spread-loses-data/member-writes", symbol, || {
            scan_member_writes(cx, symbol)
        })
}

fn scan_member_writes(cx: &Ctx<'_, '_>, symbol: SymbolId) -> bool {
    cx.scoping().get_resolved_references(symbol).any(|r| {
        if r.flags().contains(ReferenceFlags::MemberWriteTarget) {
            return true;
        }
        // `Object.assign(fn, statics)`, `Object.defineProperty(fn, …)`.
        let node = r.node_id();
        let AstKind::CallExpression(call) = cx.nodes().parent_kind(node) else {
            return false;
        };
        crate::kinds::reshaping_call(call, &|e, ns| cx.kinds().is_global(e, ns))
            && call
                .arguments
                .first()
                .is_some_and(|a| a.span() == cx.nodes().kind(node).span())
    })
}

impl Options {
    /// `spread` is the spread element's node, for the copy-used-for-a-method check.
    fn check_value<'a>(
        &self,
        cx: &mut Ctx<'a, '_>,
        how: Copy,
        expr: &Expression<'a>,
        span: Span,
        spread: Option<NodeId>,
    ) {
        let branches = cx.kinds().spread_branches(expr);
        let branching = branches.len() > 1
            || matches!(
                expr.get_inner_expression(),
                Expression::LogicalExpression(_) | Expression::ConditionalExpression(_)
            );
        let found = branches
            .into_iter()
            .find_map(|(s, t)| self.loss(cx, t.kind).map(|l| (s, t, l)));
        if let Some((branch_span, t, loss)) = found {
            if t.kind == Kind::Function
                && let Expression::Identifier(id) = expr.get_inner_expression()
                && let Some(symbol) = cx.kinds().symbol_of(id)
                && has_member_writes(cx, symbol)
            {
                return;
            }
            // `{ ...err, message: err.message }`, `{ stack: err.stack, ...err }`: the literal
            // copies by name what the spread cannot, so its author knows (a stack's first
            // line is the message).
            if matches!(t.kind, Kind::Error | Kind::CaughtError)
                && let Some(spread) = spread
                && let AstKind::ObjectExpression(o) = cx.nodes().parent_kind(spread)
                && o.properties.iter().any(|p| {
                    matches!(p, ObjectPropertyKind::ObjectProperty(p)
                        if p.key.is_specific_static_name("message")
                            || p.key.is_specific_static_name("stack"))
                })
            {
                return;
            }
            let d = self.build(cx, how, expr, span, branch_span, &t, loss, branching);
            cx.report(d);
            return;
        }
        // A copy of an in-file class instance later used for a method the class defines.
        if let Some(spread) = spread {
            self.check_copy_used_for_method(cx, expr, span, spread);
        }
    }

    /// `Object.assign(target, ...array)`: each element of `array` is copied, and none
    /// survives when the elements are known to be of a kind that does not.
    fn check_spread_sources<'a>(&self, cx: &mut Ctx<'a, '_>, array: &Expression<'a>, span: Span) {
        let t = cx.kinds().element_of(array, 0);
        let Some(loss) = self.loss(cx, t.kind) else {
            return;
        };
        let subject = cx.kinds().subject(array);
        let d = cx.kinds().diagnostic_about(
            META.id,
            &format!("each element of {subject}"),
            span,
            span,
            &t,
            &format!("{} {loss}", Copy::Assign.action()),
            "these sources",
            false,
            true,
        );
        let d = d.with_help(help_for(&t, &subject));
        cx.report(d);
    }

    #[allow(clippy::too_many_arguments)]
    fn build<'a>(
        &self,
        cx: &Ctx<'a, '_>,
        how: Copy,
        expr: &Expression<'a>,
        span: Span,
        branch_span: Span,
        t: &Typed,
        loss: &str,
        branching: bool,
    ) -> Diagnostic {
        let (d, subject) = cx.kinds().diagnostic(
            META.id,
            expr,
            span,
            branch_span,
            t,
            &format!("{} {loss}", how.action()),
            how.label(),
            branching,
            true,
        );
        d.with_help(help_for(t, &subject))
    }

    /// `const copy = {...session}; copy.isValid()`: the copy is a plain object, so the method
    /// is not there.
    fn check_copy_used_for_method<'a>(
        &self,
        cx: &mut Ctx<'a, '_>,
        expr: &Expression<'a>,
        span: Span,
        spread: NodeId,
    ) {
        // The spread must be the whole source of a binding: `const copy = { ...session, x }`.
        let Some(copy) = copy_binding_of_spread(cx, spread) else {
            return;
        };
        // What the literal itself puts on the copy (`{ ...session, isValid() {…} }`); another
        // spread or a computed key may put anything there.
        let AstKind::ObjectExpression(object) = cx.nodes().parent_kind(spread) else {
            return;
        };
        let mut defined = Vec::new();
        for p in &object.properties {
            match p {
                ObjectPropertyKind::SpreadProperty(s) if s.span != span.into_oxc() => return,
                ObjectPropertyKind::SpreadProperty(_) => {}
                ObjectPropertyKind::ObjectProperty(p) => match p.key.static_name() {
                    Some(name) => defined.push(name.to_string()),
                    None => return,
                },
            }
        }
        let t = cx.kinds().of(expr);
        let subject = cx.kinds().subject(expr);
        Self::report_method_use(cx, &t, &subject, copy, span, "by spreading it", &defined);
    }

    /// Reports `copy.method` when `t` is an in-file class instance whose method or accessor
    /// `method` is looked up on a plain copy of it. `span` is the spread or rest that copied.
    fn report_method_use(
        cx: &mut Ctx<'_, '_>,
        t: &Typed,
        subject: &str,
        copy: SymbolId,
        span: Span,
        how: &str,
        defined: &[String],
    ) -> bool {
        let Kind::Instance(class) = t.kind else {
            return false;
        };
        let info = cx.kinds().class_info(class);
        if info.extends_unknown || info.reshaped || info.methods.is_empty() {
            return false;
        }
        // Own properties of the instance (`this.go = this.go.bind(this)`, a field of the same
        // name) and what the copying literal defines are on the copy.
        let methods: Vec<(String, Span)> = info
            .methods
            .iter()
            .filter(|(n, _)| !info.own.contains(n) && !defined.contains(n))
            .cloned()
            .collect();
        let Some((member, name)) = method_use(cx, copy, &methods) else {
            return false;
        };
        let kinds = cx.kinds();
        let copy_name = cx.scoping().symbol_name(copy).to_string();
        let message = format!(
            "{}: the copy `{copy_name}` made {how} is a plain object without `{}`'s prototype, so `{copy_name}.{name}` is not the method the class defines",
            kinds.describe(subject, t, false),
            info.name
        );
        let d = Diagnostic::new(META.id, span, message)
            .with_label(span, "this copy drops the prototype")
            .with_label(member, format!("`{name}` is looked up on the copy here"))
            .with_help(format!(
                "call the method on the original, or make the copy with `Object.assign(Object.create(Object.getPrototypeOf({0})), {0})`",
                subject.trim_matches('`')
            ));
        cx.report(d);
        true
    }

    fn check_rest<'a>(
        &self,
        cx: &mut Ctx<'a, '_>,
        rest_span: Span,
        names_message: bool,
        source: &Expression<'a>,
        rest_binding: Option<SymbolId>,
    ) {
        let t = cx.kinds().of(source);
        let Some(loss) = self.loss(cx, t.kind) else {
            // `const { id, ...rest } = session; rest.isValid()`: the rest is a copy too.
            if let Some(copy) = rest_binding
                && !cx.kinds().is_mutated(copy)
            {
                let subject = cx.kinds().subject(source);
                Self::report_method_use(
                    cx,
                    &t,
                    &subject,
                    copy,
                    rest_span,
                    "by an object rest",
                    &[],
                );
            }
            return;
        };
        // `const { message, ...rest } = err` keeps the message on purpose.
        if names_message && matches!(t.kind, Kind::Error | Kind::CaughtError) {
            return;
        }
        let kinds = cx.kinds();
        let subject = kinds.subject(source);
        let mut message = format!(
            "{}: {} {loss}",
            kinds.describe(&subject, &t, false),
            Copy::Rest.action()
        );
        if t.kind == Kind::Promise && t.origin.unawaited {
            message.push_str("; did you forget `await`?");
        }
        let mut d =
            Diagnostic::new(META.id, rest_span, message).with_label(rest_span, Copy::Rest.label());
        if t.origin.span != rest_span && !t.origin.label.is_empty() {
            d = d.with_label(t.origin.span, t.origin.label.clone());
        }
        cx.report(d.with_help(help_for(&t, &subject)));
    }
}

/// The binding a spread's object literal initializes: `const copy = { ...x }` (never reassigned).
fn copy_binding_of_spread(cx: &Ctx<'_, '_>, spread: NodeId) -> Option<SymbolId> {
    let object = cx.nodes().parent_node(spread);
    let AstKind::ObjectExpression(_) = object.kind() else {
        return None;
    };
    copy_binding_of(cx, object.id())
}

/// The binding the expression `value` initializes, through parentheses: `const copy = value`
/// (never reassigned).
fn copy_binding_of(cx: &Ctx<'_, '_>, value: NodeId) -> Option<SymbolId> {
    let mut parent = cx.nodes().parent_node(value);
    while let AstKind::ParenthesizedExpression(_) = parent.kind() {
        parent = cx.nodes().parent_node(parent.id());
    }
    let AstKind::VariableDeclarator(d) = parent.kind() else {
        return None;
    };
    let BindingPattern::BindingIdentifier(id) = &d.id else {
        return None;
    };
    let symbol = id.symbol_id.get()?;
    (!cx.kinds().is_mutated(symbol)).then_some(symbol)
}

/// The first `copy.method` access where `method` is a method or accessor of the class. Not
/// when the copy is handed to a call (`Object.setPrototypeOf(copy, …)`, `Object.assign(copy,
/// …)`), nor for a name the code writes on the copy (`copy.isValid = …`).
fn method_use(
    cx: &Ctx<'_, '_>,
    copy: SymbolId,
    methods: &[(String, Span)],
) -> Option<(Span, String)> {
    let mut written: Vec<&str> = Vec::new();
    let mut first = None;
    for r in cx.scoping().get_resolved_references(copy) {
        let node = r.node_id();
        let span = cx.nodes().kind(node).span();
        match cx.nodes().parent_kind(node) {
            AstKind::StaticMemberExpression(m)
                if m.object.get_inner_expression().span() == span =>
            {
                let name = m.property.name.as_str();
                if r.flags().contains(ReferenceFlags::MemberWriteTarget) {
                    written.push(name);
                } else if first.is_none() && methods.iter().any(|(n, _)| n == name) {
                    first = Some((Span::from(m.span), name));
                }
            }
            AstKind::CallExpression(c) if c.callee.span() != span => return None,
            _ => {}
        }
    }
    first
        .filter(|(_, name)| !written.contains(name))
        .map(|(span, name)| (span, name.to_string()))
}

impl Rule for Options {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn gate(&self) -> crate::rules::GateSpec {
        crate::rules::GateSpec::ObjectSpreadLosesData
    }

    fn check<'a>(&self, node: &AstNode<'a>, cx: &mut Ctx<'a, '_>) {
        match node.kind() {
            AstKind::SpreadElement(spread) => {
                if !matches!(
                    cx.nodes().parent_kind(node.id()),
                    AstKind::ObjectExpression(_)
                ) {
                    return;
                }
                self.check_value(
                    cx,
                    Copy::Spread,
                    &spread.argument,
                    spread.span.into(),
                    Some(node.id()),
                );
            }
            AstKind::JSXSpreadAttribute(attr) => {
                self.check_value(cx, Copy::Jsx, &attr.argument, attr.span.into(), None);
            }
            AstKind::CallExpression(call) => {
                let Some(member) = call.callee.get_inner_expression().as_member_expression() else {
                    return;
                };
                if member.static_property_name() != Some("assign")
                    || !cx.kinds().is_global(member.object(), "Object")
                {
                    return;
                }
                for arg in call.arguments.iter().skip(1) {
                    match arg {
                        // `Object.assign({}, ...parts)`: every element is a source.
                        Argument::SpreadElement(s) => {
                            self.check_spread_sources(cx, &s.argument, s.span.into());
                        }
                        _ => {
                            if let Some(e) = arg.as_expression() {
                                self.check_value(cx, Copy::Assign, e, e.span().into(), None);
                            }
                        }
                    }
                }
                // `const copy = Object.assign({}, cart); copy.total()`: a copy like `{...cart}`.
                if let [Argument::ObjectExpression(target), source] = call.arguments.as_slice()
                    && target.properties.is_empty()
                    && let Some(source) = source.as_expression()
                    && let Some(copy) = copy_binding_of(cx, node.id())
                {
                    let t = cx.kinds().of(source);
                    if self.loss(cx, t.kind).is_none() {
                        let subject = cx.kinds().subject(source);
                        Self::report_method_use(
                            cx,
                            &t,
                            &subject,
                            copy,
                            source.span().into(),
                            "with `Object.assign({}, …)`",
                            &[],
                        );
                    }
                }
            }
            AstKind::ObjectPattern(pattern) => {
                let Some(rest) = &pattern.rest else { return };
                let named = pattern
                    .properties
                    .iter()
                    .any(|p| p.key.is_specific_static_name("message"));
                // Declarations only: a destructured catch parameter (`catch ({ code, ...rest })`)
                // says its author knows the thrown shape, often a plain object; parameters and
                // loop heads have no initializer to judge.
                if let AstKind::VariableDeclarator(d) = cx.nodes().parent_kind(node.id()) {
                    let in_loop_head = matches!(
                        cx.nodes()
                            .parent_kind(cx.nodes().parent_id(cx.nodes().parent_id(node.id()))),
                        AstKind::ForOfStatement(_) | AstKind::ForInStatement(_)
                    );
                    if let (Some(init), false) = (&d.init, in_loop_head) {
                        let binding = match &rest.argument {
                            BindingPattern::BindingIdentifier(b) => b.symbol_id.get(),
                            _ => None,
                        };
                        self.check_rest(cx, rest.span.into(), named, init, binding);
                    }
                }
            }
            AstKind::ObjectAssignmentTarget(target) => {
                let Some(rest) = &target.rest else { return };
                let named = target.properties.iter().any(|p| match p {
                    AssignmentTargetProperty::AssignmentTargetPropertyIdentifier(i) => {
                        i.binding.name == "message"
                    }
                    AssignmentTargetProperty::AssignmentTargetPropertyProperty(p) => {
                        p.name.is_specific_static_name("message")
                    }
                });
                if let AstKind::AssignmentExpression(a) = cx.nodes().parent_kind(node.id()) {
                    self.check_rest(cx, rest.span.into(), named, &a.right, None);
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::test_util::{Case, check_cases, lint_with_rule};

    const ID: &str = "object-spread-loses-data";

    fn run(cases: &[Case], options: Option<&serde_json::Value>) -> Vec<String> {
        check_cases(ID, cases, options)
    }

    #[test]
    fn fail() {
        let cases: &[Case] = &[
            // an annotation naming a type alias of the file
            (
                "a.tsx",
                "type Props = { items: Map<string, number>; title: string };\nexport function List({ items }: Props) {\n  return <ul {...items} />;\n}\nexport function Grid(props: Props) {\n  return <table {...props.items} />;\n}",
                &[(3, 14), (6, 17)],
            ),
            // destructured from a binding annotated with an object type literal
            (
                "a.tsx",
                "export function List(props: { items: Map<string, number> }) {\n  const { items } = props;\n  return <ul {...items} />;\n}",
                &[(3, 14)],
            ),
            // a field of an in-file class instance, read through the instance
            (
                "a.ts",
                "class Store {\n  readonly items = new Map<string, number>();\n  constructor(public when: Date) {}\n}\nconst store = new Store(new Date());\nexport const a = { ...store.items, at: { ...store.when } };",
                &[(6, 20), (6, 42)],
            ),
            // a member of a parameter annotated with an object type literal; a property
            // destructured from an object literal
            (
                "a.ts",
                "export function snapshot(p: { tabs: Map<string, number>; at: Date }) {\n  return { ...p.tabs, at: { ...p.at } };\n}",
                &[(2, 12), (2, 29)],
            ),
            (
                "a.js",
                "const cfg = { tags: new Set() };\nconst { tags } = cfg;\nexport const a = { ...tags };",
                &[(3, 20)],
            ),
            // a property of an object literal bound to a const, also through optional chaining
            // and in a JSX spread
            (
                "a.js",
                "const cfg = { tags: new Set(), when: new Date() };\nexport const a = { ...cfg.tags };\nexport const b = { ...cfg?.when };",
                &[(2, 20), (3, 20)],
            ),
            (
                "a.jsx",
                "const meta = new Map();\nconst holder = { meta };\nexport const A = () => <div {...holder.meta} />;",
                &[(3, 29)],
            ),
            // literal / builtins
            ("a.js", "const o = { ...new Map() };", &[(1, 13)]),
            // A subclass that defines the getter its abstract base declares.
            (
                "a.ts",
                "abstract class A { abstract get v(): number; }\nclass B extends A { get v() { return 1; } }\nconst o = { ...new B() };",
                &[(3, 13)],
            ),
            ("a.js", "const o = { ...5 };", &[(1, 13)]),
            ("a.js", "const o = { .../re/ };", &[(1, 13)]),
            ("a.js", "const o = { ...(() => 1) };", &[(1, 13)]),
            // const chain
            (
                "a.js",
                "const settings = new Map();\nconst s = settings;\nconst o = { ...s };",
                &[(3, 13)],
            ),
            // never-reassigned let
            (
                "a.js",
                "let when = new Date();\nconst o = { ...when };",
                &[(2, 13)],
            ),
            // async call
            (
                "a.js",
                "async function load() { return {}; }\nconst o = { ...load() };",
                &[(2, 13)],
            ),
            (
                "a.js",
                "async function load() { return {}; }\nfunction f() { const p = load(); return { a: 1, ...p }; }",
                &[(2, 49)],
            ),
            // in-file class
            (
                "a.js",
                "class S { #token = 1; get token() { return this.#token; } }\nconst o = { ...new S() };",
                &[(2, 13)],
            ),
            (
                "a.js",
                "class S { #token = 1; }\nconst s = new S();\nconst o = { ...s };",
                &[(3, 13)],
            ),
            (
                "a.js",
                "class E extends Error {}\nconst o = { ...new E('x') };",
                &[(2, 13)],
            ),
            // TS annotation
            (
                "a.ts",
                "function f(m: Map<string, number>) { return { ...m }; }",
                &[(1, 47)],
            ),
            (
                "a.ts",
                "function f({ tabs }: { tabs: Set<string> }) { return { ...tabs }; }",
                &[(1, 56)],
            ),
            // A class expression bound to a name is shown by that name (it was `anonymous
            // class`).
            (
                "a.js",
                "const Model = class {\n  #secret = 1;\n};\nconst o = { ...new Model() };",
                &[(4, 13)],
            ),
            // A defaulted destructured parameter keeps its annotation (audit miss).
            (
                "a.ts",
                "function f({ tabs = new Set() }: { tabs?: Set<string> } = {}) {\n  return { ...tabs };\n}",
                &[(2, 12)],
            ),
            (
                "a.ts",
                "function settings(): Map<string, string> { return new Map(); }\nconst o = { ...settings() };",
                &[(2, 13)],
            ),
            (
                "a.ts",
                "class Store {\n  private cache: Map<string, number> = new Map();\n  dump() { return { ...this.cache }; }\n}",
                &[(3, 21)],
            ),
            // a constructor parameter property, typed by its annotation
            (
                "a.ts",
                "class Store {\n  constructor(private readonly cache: Map<string, number>) {}\n  dump() { return { ...this.cache }; }\n}",
                &[(3, 21)],
            ),
            (
                "a.js",
                "class Store {\n  #seen = new Set();\n  dump() { return { ...this.#seen }; }\n}",
                &[(3, 21)],
            ),
            // async generator
            (
                "a.js",
                "async function* pages() {}\nconst o = { ...pages() };",
                &[(2, 13)],
            ),
            // `Map.groupBy` makes a Map (`Object.groupBy` an object)
            (
                "a.js",
                "const byKind = Map.groupBy(items, (i) => i.kind);\nconst o = { ...byKind };",
                &[(2, 13)],
            ),
            // the elements of an array of Promises, as `Object.assign` sources
            (
                "a.js",
                "const parts = files.map(async (f) => read(f));\nconst o = Object.assign({}, a, ...parts);",
                &[(2, 32)],
            ),
            (
                "a.js",
                "class Store {\n  constructor() { this.cache = new Map(); }\n  dump() { return { ...this.cache }; }\n}",
                &[(3, 21)],
            ),
            // fallback branch
            (
                "a.js",
                "function f(c) { return { ...(c ? new Set() : {}) }; }",
                &[(1, 26)],
            ),
            (
                "a.js",
                "function f(c) { const m = new Map(); return { ...(c && m) }; }",
                &[(1, 47)],
            ),
            // JSX and Object.assign
            (
                "a.jsx",
                "const m = new Map();\nconst el = <C {...m} />;",
                &[(2, 15)],
            ),
            (
                "a.js",
                "const m = new Map();\nObject.assign({}, m);",
                &[(2, 19)],
            ),
            (
                "a.js",
                "Object.assign(target, a, new URLSearchParams(q));",
                &[(1, 26)],
            ),
            (
                "a.js",
                "async function f(u) {\n  const res = await fetch(u);\n  return { ...res };\n}",
                &[(3, 12)],
            ),
            (
                "a.ts",
                "function f(res: Response) { return { ...res }; }",
                &[(1, 38)],
            ),
            // caught errors
            (
                "a.js",
                "try { f(); } catch (err) { log({ ...err }); }",
                &[(1, 34)],
            ),
            (
                "a.js",
                "try { f(); } catch (err) { const { code, ...rest } = err; }",
                &[(1, 42)],
            ),
            (
                "a.ts",
                "try { f(); } catch (err: unknown) { log({ ...err }); }",
                &[(1, 43)],
            ),
            (
                "a.ts",
                "try { f(); } catch (err) { log({ ...(err as Error & { code: string }) }); }",
                &[(1, 34)],
            ),
            (
                "a.js",
                "async function load() {}\nload().catch((err) => report({ ...err }));",
                &[(2, 32)],
            ),
            // A test that leaves the caught error an Error: a subclass ruled out leaves the
            // others, a test that it is one, a truthy check, a member other than `message`.
            (
                "a.js",
                "try { f(); } catch (err) {\n  if (err instanceof TypeError) throw err;\n  log({ ...err });\n}",
                &[(3, 9)],
            ),
            (
                "a.js",
                "try { f(); } catch (err) {\n  if (err instanceof Error) log({ ...err });\n  if (!err) throw new Error('none');\n  log(err.code ? { ...err } : null, typeof err === 'object' && { ...err });\n}",
                &[(2, 35), (4, 20), (4, 66)],
            ),
            (
                "a.js",
                "function run(p) {\n  return p.then(() => {}).catch((e) => (typeof e.message === 'string' ? { ...e } : e));\n}\nasync function p() {}\np().catch((e) => ('message' in e ? { ...e } : e));",
                &[(5, 38)],
            ),
            // object rest
            ("a.js", "const { size, ...rest } = new Map();", &[(1, 15)]),
            ("a.js", "let rest; ({ ...rest } = new Date());", &[(1, 14)]),
            (
                "a.js",
                "class Session { get user() { return 1; } }\nconst { id, ...rest } = new Session();\nlog(rest.user);",
                &[(2, 13)],
            ),
            (
                "a.js",
                "class Session { isValid() {} }\nconst s = new Session();\nconst { id, ...rest } = s;\nrest.isValid();",
                &[(3, 13)],
            ),
            // a copy later used for a method
            (
                "a.js",
                "class Session { isValid() { return true; } }\nconst session = new Session();\nconst copy = { ...session };\ncopy.isValid();",
                &[(3, 16)],
            ),
            (
                "a.js",
                "class Base { check() {} }\nclass Session extends Base {}\nconst copy = { ...new Session(), x: 1 };\nif (copy.check()) {}",
                &[(3, 16)],
            ),
            // the same copy made with `Object.assign({}, x)`: the span is the source
            (
                "a.js",
                "class Cart { total() { return 0; } }\nclass GiftCart extends Cart {}\nconst cart = new GiftCart();\nconst snap = Object.assign({}, cart);\nsnap.total();",
                &[(4, 32)],
            ),
        ];
        let failures = run(cases, None);
        let mut snapshot = String::new();
        for (file, code, _) in cases {
            snapshot.push_str(&crate::lint::test_util::render(
                code,
                &crate::lint::test_util::lint_with_rule_options(file, code, ID, None),
            ));
        }
        insta::with_settings!({ prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!(ID, snapshot);
        });
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn pass() {
        let cases: &[Case] = &[
            // an interface, a generic alias
            (
                "a.tsx",
                "interface Props { items: Map<string, number> }\ntype Box<T> = { items: T };\nexport const List = (p: Props, b: Box<Set<string>>) => <ul {...p.items} {...b.items} />;",
                &[],
            ),
            // destructured from a binding a test may have narrowed
            (
                "a.tsx",
                "export function List(props: { items: Map<string, number> } | Map<string, number>[]) {\n  if (Array.isArray(props)) return null;\n  const { items } = props;\n  return <ul {...items} />;\n}",
                &[],
            ),
            // an instance field written from outside the class
            (
                "a.js",
                "class Store { items = new Map(); }\nconst store = new Store();\nstore.items = {};\nexport const a = { ...store.items };",
                &[],
            ),
            // a member typed by an interface, a union that may be narrowed, a plain object type
            (
                "a.ts",
                "interface P { tabs: Map<string, number> }\nexport function f(p: P) { return { ...p.tabs }; }",
                &[],
            ),
            (
                "a.ts",
                "export function f(p: { tabs: Map<string, number> } | Map<string, number>[]) { return { ...p.tabs }; }",
                &[],
            ),
            (
                "a.ts",
                "export function f(p: { meta: Record<string, number> }) { return { ...p.meta }; }",
                &[],
            ),
            (
                "a.js",
                "const cfg = { tags: new Set() };\nconst { tags = {} } = cfg;\ncfg.tags = {};\nexport const a = { ...tags };",
                &[],
            ),
            // a property replaced by a write, a later spread, or code the object is handed to
            (
                "a.js",
                "const cfg = { tags: new Set() };\ncfg.tags = {};\nexport const a = { ...cfg.tags };",
                &[],
            ),
            (
                "a.js",
                "const cfg = { tags: new Set(), ...loaded };\nexport const a = { ...cfg.tags };",
                &[],
            ),
            (
                "a.js",
                "const cfg = { tags: new Set() };\nconfigure(cfg);\nexport const a = { ...cfg.tags };",
                &[],
            ),
            (
                "a.js",
                "const cfg = { tags: new Set() };\nfunction f(cfg) { return { ...cfg.tags }; }",
                &[],
            ),
            // a constructor parameter property holds what was passed, not only what the class
            // writes later
            (
                "a.ts",
                "class Store {\n  constructor(private items: Record<string, number> | Map<string, number>) {}\n  reset() { this.items = new Map(); }\n  dump() { return this.items instanceof Map ? Object.fromEntries(this.items) : { ...this.items }; }\n}",
                &[],
            ),
            (
                "a.ts",
                "class Tags {\n  constructor(public tags = {}) {}\n  clear() { this.tags = new Set(); }\n  copy() { return { ...this.tags }; }\n}",
                &[],
            ),
            ("a.js", "const o = { ...maybeUndefined };", &[]),
            ("a.js", "const o = { ...null, ...undefined };", &[]),
            (
                "a.js",
                "let m = new Map(); m = {}; const o = { ...m };",
                &[],
            ),
            ("a.js", "class Map {} const o = { ...new Map() };", &[]),
            (
                "a.js",
                "import { Map } from 'immutable'; const o = { ...new Map() };",
                &[],
            ),
            (
                "a.js",
                "function f(Promise) { return { ...new Promise(r) }; }",
                &[],
            ),
            ("a.js", "function f(props) { return { ...props }; }", &[]),
            // spread sources whose elements are plain, awaited, or not known
            (
                "a.js",
                "const parts = files.map((f) => read(f));\nconst o = Object.assign({}, ...parts);",
                &[],
            ),
            (
                "a.js",
                "async function f() { const ps = files.map(async (f) => f); return Object.assign({}, ...(await Promise.all(ps))); }",
                &[],
            ),
            ("a.js", "const o = Object.assign({}, ...parts);", &[]),
            (
                "a.js",
                "const o = { ...Object.groupBy(items, (i) => i.kind) };",
                &[],
            ),
            (
                "a.js",
                "function f(props) { Object.assign(this, props); }",
                &[],
            ),
            (
                "a.jsx",
                "function C(props) { return <D {...props} />; }",
                &[],
            ),
            (
                "a.js",
                "const o = { ...{ a: 1 }, ...[1, 2], ...'ab' };",
                &[],
            ),
            (
                "a.js",
                "function f(c, obj) { return { ...(c && obj), ...(c ? obj : null) }; }",
                &[],
            ),
            (
                "a.js",
                "class P { constructor() { this.x = 1; } }\nconst o = { ...new P() };",
                &[],
            ),
            (
                "a.js",
                "class P { #run() {} }\nconst o = { ...new P() };",
                &[],
            ),
            (
                "a.js",
                "class P extends Base { get x() { return 1; } }\nconst o = { ...new P() };",
                &[],
            ),
            (
                "a.js",
                "try { f(); } catch (err) { const { message, ...rest } = err; }",
                &[],
            ),
            (
                "a.js",
                "try { f(); } catch (err) { log({ ...err, message: err.message }); }",
                &[],
            ),
            // vite: the stack (whose first line is the message) copied by name.
            (
                "a.js",
                "try { f(); } catch (e) { throw { stack: e.stack, ...e }; }",
                &[],
            ),
            ("a.js", "try { f(); } catch ({ code, ...rest }) {}", &[]),
            (
                "a.js",
                "class Store {\n  cache = new Map();\n  dump() { return { ...this.cache }; }\n}\nconst s = new Store();\ns.cache = {};",
                &[],
            ),
            (
                "a.js",
                "const o = {};\no[Symbol.iterator] = function* () {};\nconst xs = [...o];",
                &[],
            ),
            (
                "a.ts",
                "try { f(); } catch (err: MyError) { log({ ...err }); }",
                &[],
            ),
            (
                "a.js",
                "function handler() {}\nhandler.displayName = 'h';\nconst o = { ...handler };",
                &[],
            ),
            (
                "a.js",
                "function api() {}\nObject.assign(api, { get() {} });\nconst o = { ...api };",
                &[],
            ),
            (
                "a.js",
                "async function f(u) { const res = await fetch(u); return { ...(await res.json()) }; }",
                &[],
            ),
            (
                "a.js",
                "async function load() {} async function f() { return { ...(await load()) }; }",
                &[],
            ),
            ("a.js", "const { a, ...rest } = { a: 1, b: 2 };", &[]),
            ("a.js", "for (const { a, ...rest } of list) {}", &[]),
            (
                "a.js",
                "class Session { isValid() { return true; } }\nconst session = new Session();\nconst copy = { ...session };\nsession.isValid();",
                &[],
            ),
            // A test on the way says the caught error is not an Error (realistic-code audit
            // false positives): the other arm of `instanceof Error`, after an `if` that leaves
            // for Errors, `typeof`, `isError`, `'message' in`, a duck test of `message`.
            (
                "a.js",
                "function f() {\n  try { run(); } catch (err) {\n    if (err instanceof Error) return { message: err.message };\n    return { ...err };\n  }\n}\ntry { run(); } catch (err) {\n  const info = err instanceof Error ? { message: err.message } : err;\n  log({ ...info }, !(err instanceof Error) && { ...err });\n  if (!(err instanceof Error)) log({ ...err }); else log(err.message);\n}",
                &[],
            ),
            (
                "a.js",
                "function f() {\n  try { run(); } catch (err) {\n    log(typeof err !== 'object' ? { ...err } : null, typeof err === 'string' && { ...err });\n    log(util.types.isNativeError(err) ? err.message : { ...err }, isError(err) || { ...err });\n    log('message' in err ? err.message : { ...err });\n    if (err && typeof err.message === 'string') return;\n    log({ ...err });\n  }\n}",
                &[],
            ),
            (
                "a.js",
                "async function load() {}\nload().catch((e) => (e instanceof Error ? { message: e.message } : { ...e }));\nfunction g() {\n  try { run(); } catch (err) {\n    switch (kind) {\n      case 1:\n        if (err instanceof Error) throw err;\n        return { ...err };\n    }\n  }\n}",
                &[],
            ),
            // A caught error asserted to be a plain shape: the author says what was thrown.
            (
                "a.ts",
                "interface ApiError { code: string }\ntry { f(); } catch (err) {\n  const e = err as ApiError;\n  log({ ...e }, { ...(err as ApiError) });\n  const { code, ...rest } = <ApiError>err;\n}",
                &[],
            ),
            // `Object.assign` copies that keep the method: another source or a non-empty
            // target may bring it, a target that is not a fresh `{}` keeps its prototype, the
            // result is not bound, the method is called on the original.
            (
                "a.js",
                "class Cart { total() { return 0; } }\nconst cart = new Cart();\nconst a = Object.assign({}, cart, mixin);\na.total();\nconst b = Object.assign({ total }, cart);\nb.total();\nconst c = Object.assign(Object.create(Cart.prototype), cart);\nc.total();\nuse(Object.assign({}, cart).total);\nconst d = Object.assign({}, cart);\ncart.total(d);",
                &[],
            ),
            (
                "a.ts",
                "type T = { a: number }; function f(t: T) { return { ...t }; }",
                &[],
            ),
            // An `abstract` member is a type only: the subclass's fields hold the data (TS
            // audit false positive).
            (
                "a.ts",
                "abstract class Shape { abstract get area(): number; abstract set name(v: string); }\nclass Square extends Shape { area = 4; name = 'sq'; }\nconst o = { ...new Square() };",
                &[],
            ),
            (
                "a.ts",
                "abstract class A { abstract accessor x: number; }\nclass B extends A { x = 1; }\nconst o = { ...new B() };",
                &[],
            ),
            (
                "a.ts",
                "abstract class A { abstract run(): void; }\nclass B extends A { run = () => {}; }\nconst b = new B();\nconst copy = { ...b };\ncopy.run();",
                &[],
            ),
        ];
        let failures = run(cases, None);
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    /// The copy has the member after all, or the instance is not what the class body says.
    #[test]
    fn copies_that_keep_the_member() {
        const SESSION: &str = "class Session { get expired() { return false; } isValid() { return true; } }\nconst session = new Session();\n";
        let cases: Vec<(String, &[(u32, u32)])> = vec![
            // Still reported: the copy has no `isValid`.
            (
                format!("{SESSION}const copy = {{ ...session }};\ncopy.isValid();"),
                &[(3, 16)],
            ),
            (
                format!(
                    "{SESSION}const copy = {{ ...session, isValid() {{ return 1; }} }};\ncopy.isValid();"
                ),
                &[(3, 16)],
            ),
            (
                format!("{SESSION}const copy = {{ ...session, ...extra }};\ncopy.isValid();"),
                &[(3, 16)],
            ),
            (
                format!(
                    "{SESSION}const copy = {{ ...session }};\ncopy.isValid = () => true;\ncopy.isValid();"
                ),
                &[(3, 16)],
            ),
            (
                format!(
                    "{SESSION}const copy = {{ ...session }};\nObject.setPrototypeOf(copy, Session.prototype);\ncopy.isValid();"
                ),
                &[(3, 16)],
            ),
        ];
        // The getter loses data in every case above; what changes is the method-use report,
        // which comes only when the getter does not: a class without accessors.
        let plain = |code: &str| code.replace("get expired() { return false; } ", "");
        let mut failures = Vec::new();
        for (i, (code, want)) in cases.iter().enumerate() {
            let got: Vec<_> = lint_with_rule("a.js", code, ID)
                .iter()
                .map(|d| (d.start.line, d.start.column))
                .collect();
            if got != *want {
                failures.push(format!("{code}\n  want {want:?}\n  got {got:?}"));
            }
            let methods: Vec<_> = lint_with_rule("a.js", &plain(code), ID)
                .iter()
                .map(|d| (d.start.line, d.start.column))
                .collect();
            let want_method: &[(u32, u32)] = if i == 0 { &[(3, 16)] } else { &[] };
            if methods != want_method {
                failures.push(format!(
                    "{}\n  want {want_method:?}\n  got {methods:?}",
                    plain(code)
                ));
            }
        }
        for code in [
            // An own property of the instance shadows the method, or is a bound copy of it.
            "class T { constructor() { this.go = this.go.bind(this); } go() {} }\nconst t = new T();\nconst props = { ...t };\nprops.go();",
            "class T { total = 0; total() {} }\nconst t = new T();\nconst c = { ...t };\nc.total();",
            // A `#private` accessor is no property: nothing is lost.
            "class T { constructor(c) { this.c = c; } get #k() { return 1; } }\nconst o = { ...new T(1) };",
            // A function that carries data in its own properties.
            "const api = Object.assign(function request() {}, { get: 1 });\nconst o = { ...api };",
            // The empty branch of a conditional spread, also as a fallback (`obj || false`).
            "function f(flag) { const base = { a: 1 }; return { ...(flag ? base : false), ...(flag ? null : 0) }; }",
            "function f(a, c) { const extra = (c && { a }) || false; return { ...(a || false), ...(a ?? 0), ...(a || ''), ...extra }; }",
        ] {
            let got = lint_with_rule("a.js", code, ID);
            if !got.is_empty() {
                failures.push(format!("{code}\n  want none\n  got {}", got[0].message));
            }
        }
        // A class handed to a call may gain members, but its `#private` fields and getters
        // are still lost by a copy; a decorated class may be replaced.
        let point = "class Point { #x = 1; get x() { return this.#x; } }\ncustomElements.define('x-point', Point);\nexport const o = { ...new Point() };";
        assert_eq!(lint_with_rule("a.js", point, ID).len(), 1);
        let decorated = "@register class Point { #x = 1; }\nexport const o = { ...new Point() };";
        assert!(lint_with_rule("a.ts", decorated, ID).is_empty());
        // A test of the binding guards the use.
        let guarded = "function f(input) {\n  const src = input || new Map();\n  if (src instanceof Map) return [...src.keys()];\n  return Object.keys({ ...src });\n}";
        assert!(lint_with_rule("a.js", guarded, ID).is_empty());
        assert_eq!(
            lint_with_rule("a.js", &guarded.replace("src instanceof Map", "ready"), ID).len(),
            1
        );
        let d = lint_with_rule(
            "a.js",
            "function f(flag) { return { ...(flag ? new Map() : false) }; }",
            ID,
        );
        assert_eq!(d.len(), 1);
        assert!(d[0].message.contains("can be a Map"), "{}", d[0].message);
        // A fallback that is not empty copies nothing: still reported.
        let d = lint_with_rule(
            "a.js",
            "function f(a) { return { ...(a || true), ...(a || 5), ...(a || new Map()) }; }",
            ID,
        );
        assert_eq!(d.len(), 3, "{d:?}");
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    /// A fetch `Request` (`new Request(…)`, a parameter annotated with the global `Request`):
    /// its url, method, headers and body are behind prototype accessors; its `.json()` and
    /// kin are Promises and its `.headers` a Headers object.
    #[test]
    fn fetch_requests() {
        let cases: &[Case] = &[
            (
                "a.ts",
                "export async function POST(request: Request) {\n  const copy = { ...request };\n  const body = { ...request.json() };\n  return { copy, body, headers: { ...request.headers } };\n}",
                &[(2, 18), (3, 18), (4, 35)],
            ),
            (
                "a.mjs",
                "export function forward(url) {\n  const req = new Request(url, { method: 'POST' });\n  return { ...req.clone(), url };\n}",
                &[(3, 12)],
            ),
            // awaited bodies, a Request type of Express, an in-file interface or alias, a
            // local `Request` class
            (
                "a.ts",
                "export async function POST(request: Request) {\n  return { ...(await request.json()), method: request.method };\n}",
                &[],
            ),
            (
                "a.ts",
                "import type { Request } from 'express';\nexport function h(req: Request) {\n  return { ...req, ...req.headers };\n}",
                &[],
            ),
            (
                "a.ts",
                "interface Request { url: string }\nexport function h(req: Request) {\n  return { ...req };\n}",
                &[],
            ),
            (
                "a.mjs",
                "import Request from './request.js';\nexport const o = { ...new Request() };",
                &[],
            ),
        ];
        let failures = run(cases, None);
        assert!(failures.is_empty(), "{}", failures.join("\n"));
        let found = crate::lint::test_util::lint_with_rule("a.ts", cases[0].1, ID);
        assert!(
            found[0].message.contains("a Request"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn caught_errors_option() {
        let off = serde_json::json!({ "caughtErrors": false });
        let cases: &[Case] = &[
            ("a.js", "try { f(); } catch (err) { log({ ...err }); }", &[]),
            (
                "a.js",
                "try { f(); } catch (err) { const { code, ...rest } = err; }",
                &[],
            ),
            ("a.js", "const o = { ...new TypeError('x') };", &[(1, 13)]),
        ];
        let failures = run(cases, Some(&off));
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn messages() {
        let d = lint_with_rule(
            "a.js",
            "const settings = new Map();\nconst o = { ...settings };",
            ID,
        );
        assert_eq!(
            d[0].message,
            "`settings` is a Map (created at line 1): spreading it into an object copies none of its entries"
        );
        assert_eq!(
            d[0].help.as_deref(),
            Some("use `Object.fromEntries(settings)` to turn the Map into an object")
        );
        assert_eq!(d[0].labels[1].message, "the Map created here");
        let d = lint_with_rule(
            "a.js",
            "async function load() { return {}; }\nconst o = { ...load() };",
            ID,
        );
        assert!(
            d[0].message.ends_with("did you forget `await`?"),
            "{}",
            d[0].message
        );
        // The same hint for an object rest, and for any call whose Promise was not awaited;
        // not for a Promise made with `new Promise`.
        let d = lint_with_rule(
            "a.js",
            "async function load() { return {}; }
const { id, ...rest } = load();",
            ID,
        );
        assert_eq!(
            d[0].message,
            "`load()` is a Promise (returned by the async function `load`): copying it with an object rest copies nothing (the value it resolves to is not a property); did you forget `await`?"
        );
        let d = lint_with_rule(
            "a.js",
            "async function f() { const r = await fetch(u); return { ...r.json() }; }",
            ID,
        );
        assert_eq!(
            d[0].message,
            "`r.json()` is a Promise (returned by `.json()` at line 1): spreading it into an object copies nothing (the value it resolves to is not a property); did you forget `await`?"
        );
        let d = lint_with_rule(
            "a.js",
            "const parts = files.map(async (f) => read(f));\nconst o = Object.assign({}, ...parts);",
            ID,
        );
        assert_eq!(
            d[0].message,
            "each element of `parts` is a Promise (an element of `parts`, which `.map()` filled with an async callback at line 1): copying it with `Object.assign` copies nothing (the value it resolves to is not a property); did you forget `await`?"
        );
        assert_eq!(d[0].labels[0].message, "these sources");
        assert_eq!(
            d[0].help.as_deref(),
            Some(
                "await them all first: `const values = await Promise.all(parts)`, then use `values`"
            )
        );
        let d = lint_with_rule("a.js", "const o = { ...new Promise(f) };", ID);
        assert_eq!(
            d[0].message,
            "`new Promise(f)` is a Promise (created at line 1): spreading it into an object copies nothing (the value it resolves to is not a property)"
        );
    }
}
