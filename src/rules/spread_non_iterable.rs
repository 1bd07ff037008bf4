//! `spread-non-iterable`: a value known not to be iterable where an iterable is required —
//! array spread, argument spread, array destructuring, `for…of`, `yield*`, and the
//! iterable-taking builtins (`new Map/Set/WeakMap/WeakSet(x)`, `Promise.all` and kin,
//! `Object.fromEntries(x)`, `Array.from(x)` with `x` nullish).
//!
//! Every branch of `?:`, `||` and `??` counts (`[...(xs || {})]` throws when `xs` is falsy).
//! Unknown values are never judged.

use oxc_ast::AstKind;
use oxc_ast::AstType;
use oxc_ast::ast::*;
use oxc_semantic::AstNode;
use oxc_span::GetSpan;

use crate::diagnostic::{Diagnostic, Span};
use crate::kinds::{Kind, Typed};
use crate::rules::{Category, Ctx, FixKind, Rule, RuleMeta};

pub static META: RuleMeta = RuleMeta {
    id: "spread-non-iterable",
    category: Category::Correctness,
    fix: FixKind::None,
    node_types: &[
        AstType::SpreadElement,
        AstType::ForOfStatement,
        AstType::YieldExpression,
        AstType::VariableDeclarator,
        AstType::AssignmentExpression,
        AstType::NewExpression,
        AstType::CallExpression,
    ],
    // Every position: spread, `for…of` (its `for`: `of` can follow `]`, `}` or `)` and
    // precede `{`, `(` or `[` with no space), `yield*`, declarator and assignment
    // destructuring (`[a, b] = x`, minified `[a,b]=x`), the iterable-taking builtins.
    needles: &[
        "...",
        "for",
        "]=",
        "] =",
        "yield*",
        "yield *",
        "const [",
        "let [",
        "var [",
        "const[",
        "let[",
        "var[",
        "new Map(",
        "new Set(",
        "new WeakMap(",
        "new WeakSet(",
        "Promise.a",
        "Promise.race",
        "fromEntries",
        "groupBy(",
        "Array.from(",
    ],
    docs: include_str!("../../rules/spread-non-iterable.md"),
    create: crate::no_options!(SpreadNonIterable),
};

pub struct SpreadNonIterable;

/// Where an iterable is required, and what happens there.
#[derive(Clone, Copy)]
enum Site {
    ArraySpread,
    ArgumentSpread,
    Destructuring,
    ForOf,
    ForAwait,
    YieldStar {
        in_async: bool,
    },
    /// `new Map(x)` and kin: `null`/`undefined` are allowed.
    Constructor(&'static str),
    /// `Promise.all(x)` and kin: rejects rather than throws.
    PromiseCombinator(&'static str),
    FromEntries,
    /// `Object.groupBy(x, f)`, `Map.groupBy(x, f)`.
    GroupBy(&'static str),
    /// `Array.from(x)`: only `null`/`undefined` throw (array-likes are fine).
    ArrayFrom,
}

impl Site {
    fn action(self) -> String {
        match self {
            Site::ArraySpread => "spreading it into an array throws a TypeError".into(),
            Site::ArgumentSpread => "spreading it into call arguments throws a TypeError".into(),
            Site::Destructuring => "destructuring it as an array throws a TypeError".into(),
            Site::ForOf => "iterating it with `for…of` throws a TypeError".into(),
            Site::ForAwait => "iterating it with `for await…of` throws a TypeError".into(),
            Site::YieldStar { .. } => "delegating to it with `yield*` throws a TypeError".into(),
            Site::Constructor(name) => format!("passing it to `new {name}()` throws a TypeError"),
            Site::PromiseCombinator(name) => {
                format!(
                    "passing it to `Promise.{name}()` gives a Promise rejected with a TypeError"
                )
            }
            Site::FromEntries => "passing it to `Object.fromEntries()` throws a TypeError".into(),
            Site::GroupBy(ns) => format!("passing it to `{ns}.groupBy()` throws a TypeError"),
            Site::ArrayFrom => "passing it to `Array.from()` throws a TypeError".into(),
        }
    }

    fn label(self) -> &'static str {
        match self {
            Site::ArraySpread | Site::ArgumentSpread => "this spread",
            Site::Destructuring => "the destructured value",
            Site::ForOf | Site::ForAwait => "the iterated value",
            Site::YieldStar { .. } => "the delegated value",
            _ => "the argument",
        }
    }

    /// Whether this site throws on the kind: `Some(reason)` when it does.
    fn rejects(self, cx: &Ctx<'_, '_>, kind: Kind) -> Option<&'static str> {
        if !kind.is_known() {
            return None;
        }
        match self {
            Site::ArrayFrom => kind
                .is_nullish()
                .then_some("it is not an array-like nor iterable"),
            Site::Constructor(_) if kind.is_nullish() => None,
            Site::ForAwait | Site::YieldStar { in_async: true }
                if kind == Kind::AsyncGenerator || async_only_instance(cx, kind) =>
            {
                None
            }
            _ if async_only_instance(cx, kind) => (cx.kinds().is_iterable(kind) == Some(false))
                .then_some("its class has only `[Symbol.asyncIterator]`, so it is not iterable"),
            _ => (cx.kinds().is_iterable(kind) == Some(false)).then_some("it is not iterable"),
        }
    }
}

/// An instance of an in-file class whose chain has `[Symbol.asyncIterator]` but no
/// `[Symbol.iterator]`: only `for await` and `yield*` in an `async function*` read it.
fn async_only_instance(cx: &Ctx<'_, '_>, kind: Kind) -> bool {
    match kind {
        Kind::Instance(node) => {
            let info = cx.kinds().class_info(node);
            info.async_iterable && !info.iterable
        }
        _ => false,
    }
}

fn help_for(kind: Kind, subject: &str, unawaited: bool) -> String {
    match kind {
        Kind::Promise if unawaited => format!("`await` it first: `await {}`", subject.trim_matches('`')),
        Kind::Promise => "`await` the Promise first, then iterate its value".into(),
        Kind::Object { .. } => {
            "iterate `Object.entries(…)`, `Object.values(…)` or `Object.keys(…)` of the object instead".into()
        }
        Kind::Null | Kind::Undefined => "fall back to an empty array: `value ?? []`".into(),
        Kind::Number => "to make n elements, use `Array.from({ length: n })`".into(),
        Kind::AsyncGenerator => "iterate it with `for await (… of …)` inside an async function".into(),
        Kind::WeakMap | Kind::WeakSet => {
            "a WeakMap or WeakSet cannot be listed; keep a Map or Set when you need to iterate".into()
        }
        Kind::Instance(_) => "give the class a `[Symbol.iterator]()` method, or iterate a property that holds the items".into(),
        Kind::Function | Kind::Class => "call it and iterate what it returns".into(),
        _ => "pass an array or another iterable here".into(),
    }
}

fn check_value<'a>(cx: &mut Ctx<'a, '_>, site: Site, expr: &Expression<'a>, span: Span) {
    let branches = cx.kinds().branches(expr);
    let branching = branches.len() > 1;
    let Some((branch_span, t, reason)) = branches
        .into_iter()
        .find_map(|(s, t)| site.rejects(cx, t.kind).map(|r| (s, t, r)))
    else {
        return;
    };
    let diagnostic = build(cx, site, expr, span, branch_span, &t, reason, branching);
    cx.report(diagnostic);
}

#[allow(clippy::too_many_arguments)]
fn build<'a>(
    cx: &Ctx<'a, '_>,
    site: Site,
    expr: &Expression<'a>,
    span: Span,
    branch_span: Span,
    t: &Typed,
    reason: &str,
    branching: bool,
) -> Diagnostic {
    let (d, subject) = cx.kinds().diagnostic(
        META.id,
        expr,
        span,
        branch_span,
        t,
        &format!("{} because {reason}", site.action()),
        site.label(),
        branching,
        false,
    );
    let help = match (site, t.kind) {
        (Site::Constructor(_) | Site::FromEntries, Kind::Object { .. }) => {
            "pass `Object.entries(…)` of the object to build from its entries".to_string()
        }
        (_, kind) if async_only_instance(cx, kind) => {
            help_for(Kind::AsyncGenerator, &subject, false)
        }
        _ => match &t.origin.element_of {
            Some(array) => crate::rules::awaited_array_help(array),
            None => help_for(t.kind, &subject, t.origin.unawaited),
        },
    };
    d.with_help(help)
}

/// The enclosing non-arrow function of a node: whether it is an async generator.
fn in_async_generator(cx: &Ctx<'_, '_>, node: &AstNode<'_>) -> bool {
    for kind in cx.nodes().ancestor_kinds(node.id()) {
        if let AstKind::Function(f) = kind {
            return f.r#async && f.generator;
        }
    }
    false
}

impl Rule for SpreadNonIterable {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn gate(&self) -> crate::rules::GateSpec {
        crate::rules::GateSpec::SpreadNonIterable
    }

    fn check<'a>(&self, node: &AstNode<'a>, cx: &mut Ctx<'a, '_>) {
        match node.kind() {
            AstKind::SpreadElement(spread) => {
                let site = match cx.nodes().parent_kind(node.id()) {
                    AstKind::ArrayExpression(_) => Site::ArraySpread,
                    AstKind::CallExpression(_) | AstKind::NewExpression(_) => Site::ArgumentSpread,
                    _ => return,
                };
                check_value(cx, site, &spread.argument, spread.span.into());
            }
            AstKind::ForOfStatement(f) => {
                let site = if f.r#await {
                    Site::ForAwait
                } else {
                    Site::ForOf
                };
                check_value(cx, site, &f.right, f.right.span().into());
            }
            AstKind::YieldExpression(y) if y.delegate => {
                if let Some(arg) = &y.argument {
                    let site = Site::YieldStar {
                        in_async: in_async_generator(cx, node),
                    };
                    check_value(cx, site, arg, arg.span().into());
                }
            }
            AstKind::VariableDeclarator(d) => {
                if let (BindingPattern::ArrayPattern(_), Some(init)) = (&d.id, &d.init) {
                    check_value(cx, Site::Destructuring, init, init.span().into());
                }
            }
            AstKind::AssignmentExpression(a) => {
                if matches!(a.left, AssignmentTarget::ArrayAssignmentTarget(_)) {
                    check_value(cx, Site::Destructuring, &a.right, a.right.span().into());
                }
            }
            AstKind::NewExpression(n) => {
                let Expression::Identifier(id) = n.callee.get_inner_expression() else {
                    return;
                };
                let name = match id.name.as_str() {
                    "Map" => "Map",
                    "Set" => "Set",
                    "WeakMap" => "WeakMap",
                    "WeakSet" => "WeakSet",
                    _ => return,
                };
                if !cx.kinds().is_global(&n.callee, name) {
                    return;
                }
                if let Some(arg) = n.arguments.first().and_then(Argument::as_expression) {
                    check_value(cx, Site::Constructor(name), arg, arg.span().into());
                }
            }
            AstKind::CallExpression(c) => {
                let Some(member) = c.callee.get_inner_expression().as_member_expression() else {
                    return;
                };
                let Some(method) = member.static_property_name() else {
                    return;
                };
                let site = match (method, member.object()) {
                    ("all" | "allSettled" | "race" | "any", o)
                        if cx.kinds().is_global(o, "Promise") =>
                    {
                        Site::PromiseCombinator(match method {
                            "all" => "all",
                            "allSettled" => "allSettled",
                            "race" => "race",
                            _ => "any",
                        })
                    }
                    ("fromEntries", o) if cx.kinds().is_global(o, "Object") => Site::FromEntries,
                    ("groupBy", o) if cx.kinds().is_global(o, "Object") => Site::GroupBy("Object"),
                    ("groupBy", o) if cx.kinds().is_global(o, "Map") => Site::GroupBy("Map"),
                    ("from", o) if cx.kinds().is_global(o, "Array") => Site::ArrayFrom,
                    _ => return,
                };
                if let Some(arg) = c.arguments.first().and_then(Argument::as_expression) {
                    check_value(cx, site, arg, arg.span().into());
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::test_util::{Case, check_cases, lint_with_rule};

    const ID: &str = "spread-non-iterable";

    fn run(cases: &[Case]) -> Vec<String> {
        check_cases(ID, cases, None)
    }

    #[test]
    fn fail() {
        let cases: &[Case] = &[
            // an annotation naming a type alias of the file
            (
                "a.ts",
                "type Options = { retries: number };\nexport function f(opts: Options) {\n  return [...opts, ...opts.retries];\n}",
                &[(3, 11), (3, 20)],
            ),
            // a member of a parameter annotated with an object type literal
            (
                "a.ts",
                "export function f(opts: { retries: number; meta: Record<string, string> }) {\n  return [...opts.retries, ...opts.meta];\n}",
                &[(2, 11), (2, 28)],
            ),
            // a property of an object literal bound to a const, also through optional chaining
            (
                "a.js",
                "const cfg = { retries: 3, load: async () => [] };\nexport const a = [...cfg.retries];\nexport const b = [...cfg?.retries];\nfor (const x of cfg.load()) use(x);",
                &[(2, 19), (3, 19), (4, 17)],
            ),
            // a known receiver read through optional chaining
            (
                "a.js",
                "const byId = new Map();\nexport const a = [...byId?.size];",
                &[(2, 19)],
            ),
            // literal
            ("a.js", "const a = [...{ a: 1 }];", &[(1, 12)]),
            ("a.js", "f(...5);", &[(1, 3)]),
            ("a.js", "new C(...null);", &[(1, 7)]),
            // const chain
            (
                "a.js",
                "const o = {};\nconst p = o;\nconst xs = [...p];",
                &[(3, 13)],
            ),
            // never-reassigned let
            (
                "a.js",
                "let opts = { a: 1 };\nfor (const x of opts) {}",
                &[(2, 17)],
            ),
            // async call, with and without a binding
            (
                "a.js",
                "async function load() { return []; }\nconst xs = [...load()];",
                &[(2, 13)],
            ),
            (
                "a.js",
                "const load = async () => [];\nasync function f() { const p = load(); for (const x of p) {} }",
                &[(2, 56)],
            ),
            (
                "a.js",
                "async function load() {}\nPromise.all(load());",
                &[(2, 13)],
            ),
            // async generator
            (
                "a.js",
                "async function* gen() {}\nfor (const x of gen()) {}",
                &[(2, 17)],
            ),
            (
                "a.js",
                "async function* gen() {}\nfunction* g() { yield* gen(); }",
                &[(2, 24)],
            ),
            // in-file class
            (
                "a.js",
                "class Bag { constructor() { this.items = []; } }\nconst b = new Bag();\nconst xs = [...b];",
                &[(3, 13)],
            ),
            // TS annotation
            (
                "a.ts",
                "function f(opts: { a: number }) { return [...opts]; }",
                &[(1, 43)],
            ),
            (
                "a.ts",
                "const grid = ({ size = 10 }: { size?: number }) => [...size];",
                &[(1, 53)],
            ),
            (
                "a.ts",
                "function f(p: Promise<string[]>) { for (const x of p) {} }",
                &[(1, 52)],
            ),
            // an object type is still not iterable when nothing narrowed or re-asserted it,
            // nor when its computed keys are known not to be `Symbol.iterator`
            (
                "a.ts",
                "function f(o: { ['a']: number; [Symbol.toStringTag]: string }) { return [...o]; }",
                &[(1, 74)],
            ),
            (
                "a.ts",
                "function f(v: Record<string, unknown>, ok: boolean) { if (ok) return [...v]; }",
                &[(1, 71)],
            ),
            (
                "a.ts",
                "function f(m: Map<string, number>) { const o = m as unknown as Record<string, number>; return [...o]; }",
                &[(1, 96)],
            ),
            // fallback branch
            (
                "a.js",
                "function f(xs) { return [...(xs || {})]; }",
                &[(1, 26)],
            ),
            (
                "a.js",
                "function f(xs) { const list = xs ?? {}; return [...list]; }",
                &[(1, 49)],
            ),
            (
                "a.js",
                "function f(c) { return [...(c ? [1] : 0)]; }",
                &[(1, 25)],
            ),
            // destructuring
            ("a.js", "const [a, b] = { a: 1, b: 2 };", &[(1, 16)]),
            ("a.js", "let a, b; [a, ...b] = 42;", &[(1, 23)]),
            // builtins taking iterables
            ("a.js", "const m = new Map({ a: 1 });", &[(1, 19)]),
            ("a.js", "const s = new Set(7);", &[(1, 19)]),
            ("a.js", "const w = new WeakSet(new WeakMap());", &[(1, 23)]),
            ("a.js", "Object.fromEntries({ a: 1 });", &[(1, 20)]),
            ("a.js", "Array.from(null);", &[(1, 12)]),
            ("a.js", "const n = 3; const xs = [...n];", &[(1, 26)]),
            ("a.js", "const d = new Date(); f(...d);", &[(1, 25)]),
            (
                "a.js",
                "const w = new WeakMap(); for (const e of w) {}",
                &[(1, 42)],
            ),
            ("a.js", "function* g() { yield* {}; }", &[(1, 24)]),
            ("a.js", "const re = /a/; [...re];", &[(1, 18)]),
            (
                "a.js",
                "function f(c, xs) { for (const x of (c ? xs : null)) {} }",
                &[(1, 37)],
            ),
            (
                "a.js",
                "function f(c) { const o = c ? {} : null; return [...o]; }",
                &[(1, 50)],
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

    /// `Array.fromAsync(…)` gives a Promise of the array: used without `await`, it is not
    /// iterable.
    #[test]
    fn array_from_async_without_await() {
        let fail: &[Case] = &[
            (
                "a.mjs",
                "export async function f(stream) {\n  const rows = Array.fromAsync(stream);\n  return [...rows];\n}",
                &[(3, 11)],
            ),
            (
                "a.ts",
                "export async function f(gen: AsyncIterable<number>) {\n  for (const x of Array.fromAsync(gen)) use(x);\n}",
                &[(2, 19)],
            ),
        ];
        let failures = run(fail);
        assert!(failures.is_empty(), "{}", failures.join("\n"));
        let pass: &[Case] = &[
            // awaited
            (
                "a.mjs",
                "export async function f(stream) {\n  const rows = await Array.fromAsync(stream);\n  return [...rows];\n}",
                &[],
            ),
            // a local `Array` is not the global
            (
                "a.mjs",
                "import { Array } from './polyfills.js';\nexport function f(xs) {\n  return [...Array.fromAsync(xs)];\n}",
                &[],
            ),
            (
                "a.mjs",
                "export function f(Array, xs) {\n  const rows = Array.fromAsync(xs);\n  for (const r of rows) use(r);\n}",
                &[],
            ),
        ];
        let failures = run(pass);
        assert!(failures.is_empty(), "{}", failures.join("\n"));
        let (_, code, _) = fail[0];
        let found = lint_with_rule("a.mjs", code, ID);
        assert!(
            found[0].message.contains("Array.fromAsync()") && found[0].message.contains("await"),
            "{}",
            found[0].message
        );
    }

    /// `Promise.try(f)` is a Promise; `Promise.withResolvers()` an object
    /// `{ promise, resolve, reject }`, not a tuple.
    #[test]
    fn promise_try_and_with_resolvers() {
        let cases: &[Case] = &[
            (
                "a.mjs",
                "export function f(load) {\n  const [promise, resolve] = Promise.withResolvers();\n  return [promise, resolve];\n}",
                &[(2, 30)],
            ),
            (
                "a.mjs",
                "export function f(load) {\n  for (const row of Promise.try(load)) use(row);\n}",
                &[(2, 21)],
            ),
            (
                "a.mjs",
                "export async function f(load) {\n  const { promise, resolve } = Promise.withResolvers();\n  for (const row of await Promise.try(load)) use(row);\n  return [...(await promise)];\n}",
                &[],
            ),
            (
                "a.mjs",
                "const Promise = Bluebird;\nexport function f() {\n  const [promise] = Promise.withResolvers();\n  return promise;\n}",
                &[],
            ),
        ];
        let failures = run(cases);
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    /// `once(emitter, name)` of `node:events` resolves to the array of the event's arguments:
    /// without `await`, destructuring it throws.
    #[test]
    fn events_once_without_await() {
        let cases: &[Case] = &[
            (
                "a.mjs",
                "import { once } from 'node:events';\nexport async function ready(server) {\n  const [port] = once(server, 'listening');\n  return port;\n}",
                &[(3, 18)],
            ),
            (
                "a.cjs",
                "const EventEmitter = require('events');\nasync function ready(child) {\n  const [code] = EventEmitter.once(child, 'exit');\n  return code;\n}\nmodule.exports = { ready };",
                &[(3, 18)],
            ),
            (
                "a.mjs",
                "import { once } from 'node:events';\nexport async function ready(server) {\n  const [port] = await once(server, 'listening');\n  return port;\n}",
                &[],
            ),
            (
                "a.mjs",
                "import { EventEmitter } from 'node:events';\nconst bus = new EventEmitter();\nexport const [first] = bus.once('x', f);",
                &[],
            ),
        ];
        let failures = run(cases);
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    /// `Object.groupBy(x, f)` and `Map.groupBy(x, f)` take an iterable.
    #[test]
    fn group_by_takes_an_iterable() {
        let cases: &[Case] = &[
            (
                "a.mjs",
                "const byId = { a: { kind: 1 } };\nexport const g = Object.groupBy(byId, (v) => v.kind);",
                &[(2, 33)],
            ),
            (
                "a.ts",
                "export async function f(load: () => Promise<number[]>) {\n  const rows = load();\n  return Map.groupBy(rows, (n) => n % 2);\n}",
                &[],
            ),
            (
                "a.mjs",
                "async function load() { return []; }\nexport function f() {\n  return Map.groupBy(load(), (n) => n % 2);\n}",
                &[(3, 22)],
            ),
            (
                "a.mjs",
                "export function f(rows) {\n  return [Object.groupBy(rows ?? [], g), Map.groupBy(new Set(rows), g), Object.groupBy('abc', g)];\n}",
                &[],
            ),
            (
                "a.mjs",
                "import { Map } from 'immutable';\nexport const g = Map.groupBy({ a: 1 }, f);",
                &[],
            ),
        ];
        let failures = run(cases);
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    /// A class with only `[Symbol.asyncIterator]` (a paginator, a stream wrapper): its
    /// instances are read by `for await` and by `yield*` in an `async function*`, and a sync
    /// `for…of`, spread or destructuring throws.
    #[test]
    fn async_iterable_class_instances() {
        let class = "class Pages {\n  constructor(url) { this.url = url; }\n  async *[Symbol.asyncIterator]() { yield this.url; }\n}\n";
        let fail = [
            (
                format!(
                    "{class}export async function f() {{\n  for (const p of new Pages('/a')) use(p);\n}}"
                ),
                (6, 19),
            ),
            (
                format!(
                    "{class}export function f() {{\n  const pages = new Pages('/a');\n  return [...pages];\n}}"
                ),
                (7, 11),
            ),
            (
                format!("{class}export function* f() {{\n  yield* new Pages('/a');\n}}"),
                (6, 10),
            ),
            // a subclass of an in-file async-only class
            (
                format!(
                    "{class}class Feed extends Pages {{}}\nexport function f() {{\n  const [first] = new Feed('/a');\n  return first;\n}}"
                ),
                (7, 19),
            ),
        ];
        for (code, at) in &fail {
            let found = lint_with_rule("a.mjs", code, ID);
            let got: Vec<(u32, u32)> = found
                .iter()
                .map(|d| (d.start.line, d.start.column))
                .collect();
            assert_eq!(got, vec![*at], "{code}");
            assert!(
                found[0].message.contains("only `[Symbol.asyncIterator]`"),
                "{}",
                found[0].message
            );
            assert!(
                found[0]
                    .help
                    .as_deref()
                    .is_some_and(|h| h.contains("for await")),
                "{code}"
            );
        }
        let pass = [
            format!("{class}export async function f() {{\n  for await (const p of new Pages('/a')) use(p);\n}}"),
            format!("{class}export async function* f() {{\n  yield* new Pages('/a');\n}}"),
            // a class with both protocols
            "class Both {\n  *[Symbol.iterator]() {}\n  async *[Symbol.asyncIterator]() {}\n}\nexport const xs = [...new Both()];".to_string(),
            // a base class from elsewhere, a decorator, a computed key that may be
            // `Symbol.iterator`: not known
            "import { Base } from './base.js';\nclass Pages extends Base {\n  async *[Symbol.asyncIterator]() {}\n}\nexport const xs = [...new Pages()];".to_string(),
            "class Pages {\n  async *[Symbol.asyncIterator]() {}\n  *[ITER]() {}\n}\nexport const xs = [...new Pages()];".to_string(),
            "@iterable\nclass Pages {\n  async *[Symbol.asyncIterator]() {}\n}\nexport const xs = [...new Pages()];".to_string(),
            // `Array.from` of it is only an empty array
            format!("{class}export const xs = Array.from(new Pages('/a'));"),
        ];
        for code in &pass {
            assert!(lint_with_rule("a.ts", code, ID).is_empty(), "{code}");
        }
    }

    /// Minified code has no spaces around `of` or `=`: the needles still let the rule run.
    #[test]
    fn minified_positions() {
        let cases: &[Case] = &[
            ("a.js", "var x={};for(const{a}of x);", &[(1, 25)]),
            ("a.js", "var a,x={};for([a]of x);", &[(1, 22)]),
            ("a.js", "for(const k of{a:1});", &[(1, 15)]),
            ("a.js", "var x={};for(const k of(x||{}));", &[(1, 24)]),
            ("a.js", "var a,b,o={};[a,b]=o;", &[(1, 20)]),
            ("a.js", "var a,b,o={};[a, b] = o;", &[(1, 23)]),
        ];
        let failures = check_cases(ID, cases, None);
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn pass() {
        let cases: &[Case] = &[
            // an alias narrowed by a test, an alias of a tuple type
            (
                "a.ts",
                "type Options = Record<string, number>;\nexport function f(opts: Options) {\n  if (Array.isArray(opts)) return [...opts];\n  return [];\n}",
                &[],
            ),
            (
                "a.ts",
                "type Pair = [number, ...string[]];\nexport function f(p: Pair) { return [...p]; }",
                &[],
            ),
            // an object-typed member narrowed by a test of the member, a TS tuple type member
            (
                "a.ts",
                "export function f(opts: { meta: Record<string, string> }) {\n  if (!Array.isArray(opts.meta)) return [];\n  return [...opts.meta];\n}",
                &[],
            ),
            (
                "a.ts",
                "export function f(opts: { pair: [number, ...string[]] }) { return [...opts.pair]; }",
                &[],
            ),
            // a property that is iterable, replaced, or read where a nested level may differ
            (
                "a.js",
                "const cfg = { tags: new Set(), list: [1] };\nexport const a = [...cfg.tags, ...cfg?.list];",
                &[],
            ),
            (
                "a.js",
                "const cfg = { retries: 3, reset() { this.retries = [1]; } };\nexport const a = [...cfg.retries];",
                &[],
            ),
            (
                "a.js",
                "const cfg = { inner: { retries: 3 } };\nexport const a = [...cfg.inner.retries];",
                &[],
            ),
            (
                "a.js",
                "const cfg = { load: async () => [] };\nexport const a = [...(cfg.load?.() ?? [])];",
                &[],
            ),
            ("a.js", "const xs = [...new Set(ys)];", &[]),
            (
                "a.js",
                "const m = new Map(); const ks = [...m.keys()];",
                &[],
            ),
            ("a.js", "const cs = [...'str'];", &[]),
            (
                "a.ts",
                "function f({ ids = [] }: { ids?: string[] }) { return [...ids]; }",
                &[],
            ),
            ("a.js", "function f({ ids = {} }) { return [...ids]; }", &[]),
            ("a.js", "function f() { return [...arguments]; }", &[]),
            ("a.js", "const o = { ...maybeUndefined };", &[]),
            ("a.js", "const o = { ...null };", &[]),
            ("a.js", "let o = {}; o = [1]; const xs = [...o];", &[]),
            (
                "a.js",
                "class Map {} const m = new Map(); const xs = [...m];",
                &[],
            ),
            (
                "a.js",
                "class Bag {} Bag.prototype[Symbol.iterator] = function* () {}; [...new Bag()];",
                &[],
            ),
            (
                "a.js",
                "import { Set } from 'immutable'; for (const x of new Set()) {}",
                &[],
            ),
            (
                "a.js",
                "function f(Promise) { return [...Promise.all(x)]; }",
                &[],
            ),
            ("a.js", "function f(xs) { return [...xs]; }", &[]),
            (
                "a.js",
                "function f(props) { Object.assign(this, props); }",
                &[],
            ),
            (
                "a.ts",
                "type T = [...string[], number]; type U = [...T, string];",
                &[],
            ),
            ("a.jsx", "const el = <C {...props} />;", &[]),
            (
                "a.js",
                "const it = { [Symbol.iterator]() { return [][Symbol.iterator](); } }; [...it];",
                &[],
            ),
            (
                "a.js",
                "class Bag { *[Symbol.iterator]() {} } const xs = [...new Bag()];",
                &[],
            ),
            (
                "a.js",
                "class Bag extends Base {} const xs = [...new Bag()];",
                &[],
            ),
            ("a.js", "function* gen() {} const xs = [...gen()];", &[]),
            (
                "a.js",
                "async function* gen() {} async function f() { for await (const x of gen()) {} }",
                &[],
            ),
            (
                "a.js",
                "async function* gen() {} async function* g() { yield* gen(); }",
                &[],
            ),
            (
                "a.js",
                "const m = new Map(null); const s = new Set(undefined);",
                &[],
            ),
            ("a.js", "const xs = Array.from({ length: 3 });", &[]),
            (
                "a.js",
                "async function load() {} async function f() { const xs = [...(await load())]; }",
                &[],
            ),
            ("a.js", "function f(xs) { return [...(xs || [])]; }", &[]),
            ("a.js", "function f(xs) { return [...(xs ?? [])]; }", &[]),
            ("a.js", "const o = { a: 1, ...rest };", &[]),
            ("a.js", "const o = { ...x }; const xs = [...o];", &[]),
            ("a.js", "function f(...args) { return [...args]; }", &[]),
            ("a.js", "const [a, ...rest] = [1, 2, 3];", &[]),
            ("a.js", "const { a, ...rest } = { a: 1 };", &[]),
            ("a.js", "const m = new Map(Object.entries(o));", &[]),
            (
                "a.js",
                "const s = 'abc'.split(''); for (const c of s) {}",
                &[],
            ),
            (
                "a.ts",
                "function f(m: Map<string, number>) { return [...m]; }",
                &[],
            ),
            (
                "a.ts",
                "interface Opts {} function f(o: Opts) { return [...o]; }",
                &[],
            ),
            // an object type fits arrays and strings: narrowed, or asserted to be iterable
            (
                "a.ts",
                "function f(v: Record<string, unknown>) { if (Array.isArray(v)) return [...v]; }",
                &[],
            ),
            (
                "a.ts",
                "function f(v: { length: number }) { return typeof v === 'string' ? [...v] : []; }",
                &[],
            ),
            (
                "a.ts",
                "class Tree {\n  data: Record<string, unknown> = {};\n  list() { return Array.isArray(this.data) ? [...this.data] : []; }\n}",
                &[],
            ),
            (
                "a.ts",
                "function assertList(x: unknown): asserts x is unknown[] {}\nfunction f(v: Record<string, unknown>) {\n  assertList(v);\n  return [...v];\n}",
                &[],
            ),
            // an async-iterable object type, where async iterables are taken
            (
                "a.ts",
                "async function f(src: { [Symbol.asyncIterator](): AsyncIterator<number> }) {\n  for await (const x of src) {}\n}",
                &[],
            ),
            (
                "a.ts",
                "async function* g(src: { [Symbol.asyncIterator](): AsyncIterator<number> }) {\n  yield* src;\n}",
                &[],
            ),
            (
                "a.ts",
                "function f<T>(v: { length: number; [i: number]: T }) {\n  if (Symbol.iterator in v) return [...(v as unknown as Iterable<T>)];\n}",
                &[],
            ),
            (
                "a.ts",
                "function f(xs: string[] | undefined) { return [...(xs ?? [])]; }",
                &[],
            ),
            (
                "a.js",
                "const params = new URLSearchParams(q); const e = [...params];",
                &[],
            ),
            (
                "a.js",
                "const o = { [Symbol.asyncIterator]() {} }; async function f() { for await (const x of o) {} }",
                &[],
            ),
            ("a.js", "try {} catch (e) { const xs = [...e]; }", &[]),
            (
                "a.js",
                "const o = {};\no[Symbol.iterator] = function* () {};\nconst xs = [...o];",
                &[],
            ),
            (
                "a.js",
                "const o = {};\no.a = 1;\nconst xs = [...o];",
                &[(3, 13)],
            ),
            // test262: an iterator defined with Object.defineProperty
            (
                "a.js",
                "var iter = {};\nObject.defineProperty(iter, Symbol.iterator, { get() {} });\n[0, ...iter];",
                &[],
            ),
            // corpus (angular): a field that is null until set, iterated behind a check
            (
                "a.js",
                "class Seq {\n  fns = null;\n  destroy() { if (this.fns !== null) { for (const fn of this.fns) fn(); } }\n}",
                &[],
            ),
            // corpus: a falsy placeholder behind a check (angular, typescript, pdf.js, webpack)
            (
                "a.js",
                "const dup = dev ? new Map() : undefined;\nif (dev) { for (const [k] of dup) {} }",
                &[],
            ),
            (
                "a.js",
                "const ann = (_a = f()) == null ? void 0 : _a.nodes;\nif (ann) { for (const n of ann) {} }",
                &[],
            ),
            (
                "a.js",
                "var allow = o === void 0 ? false : o;\nvar s = allow ? new Set(allow) : null;",
                &[],
            ),
            (
                "a.js",
                "const c = ok ? parse(x) : null;\nif (c) draw(...c);",
                &[],
            ),
            // corpus: Effect's `yield* Tag` of a class with an inherited static iterator
            (
                "a.js",
                "class Server extends Context.Tag('S')() {}\nfunction* g() { yield* Server; }",
                &[],
            ),
            (
                "a.js",
                "class Tag { static *[Symbol.iterator]() {} }\nfunction* g() { yield* Tag; }",
                &[],
            ),
        ];
        let failures = run(cases);
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    /// Values whose iterability code outside their literal or class body can change, and
    /// files where bindings can change out of the model's sight: Unknown.
    #[test]
    fn reshaped_values() {
        let cases: &[Case] = &[
            (
                "a.js",
                "class Bag {}\nObject.defineProperty(Bag.prototype, Symbol.iterator, { value() {} });\n[...new Bag()];",
                &[],
            ),
            (
                "a.js",
                "class Q {}\nObject.assign(Q.prototype, { [Symbol.iterator]() {} });\n[...new Q()];",
                &[],
            ),
            ("a.js", "class Q {}\nmixin(Q);\n[...new Q()];", &[]),
            // A key made by string concatenation is no symbol.
            (
                "a.js",
                "class S { ['to' + 'List']() {} }\n[...new S()];",
                &[(2, 2)],
            ),
            (
                "a.js",
                "class R { constructor() { this[Symbol.iterator] = function* () {}; } }\n[...new R()];",
                &[],
            ),
            (
                "a.js",
                "class R { constructor(m) { Object.assign(this, m); } }\n[...new R()];",
                &[],
            ),
            (
                "a.js",
                "class L { constructor(xs) { return new Proxy(xs, {}); } }\n[...new L([1])];",
                &[],
            ),
            (
                "a.ts",
                "@iterable class Bag {}\nconst xs = [...new Bag()];",
                &[],
            ),
            (
                "a.js",
                "const it = Object.assign({}, { *[Symbol.iterator]() {} });\n[...it];",
                &[],
            ),
            (
                "a.js",
                "const ITER = Symbol.iterator;\nconst bag = { *[ITER]() {} };\n[...bag];",
                &[],
            ),
            (
                "a.js",
                "const obj = {};\nReflect.defineProperty(obj, Symbol.iterator, { value() {} });\n[...obj];",
                &[],
            ),
            (
                "a.js",
                "class M { constructor() { this.tags = {}; } list() { return [...this.tags]; } }\nObject.assign(new M(), { tags: ['a'] });",
                &[],
            ),
            // A direct `eval` or a `with` can change any binding.
            (
                "a.js",
                "var data = {};\neval('data = [1]');\n[...data];",
                &[],
            ),
            (
                "a.cjs",
                "var items = {};\nwith ({ items: [1] }) { [...items]; }",
                &[],
            ),
            (
                "a.js",
                "const ITER = Symbol.iterator;\nclass Bag { *[ITER]() {} }\n[...new Bag()];",
                &[],
            ),
            (
                "a.js",
                "class P {}\nP.prototype[Symbol.iterator] = function* () {};\n[...new P()];",
                &[],
            ),
            // In strict code a direct `eval` can rebind only non-`const` bindings.
            (
                "a.mjs",
                "function f() { const o = {}; return [...o]; }\nfunction g(c) { return eval(c); }",
                &[(1, 38)],
            ),
            (
                "a.cjs",
                "function f() { const o = {}; return [...o]; }\nfunction g(c) { return eval(c); }",
                &[],
            ),
            (
                "a.mjs",
                "let data = {};\neval('data = [1]');\n[...data];",
                &[],
            ),
            // Still known: nothing reshapes these (a static write changes no instance).
            ("a.js", "class Bag {}\n[...new Bag()];", &[(2, 2)]),
            (
                "a.js",
                "class Q { static n = 0; constructor() { Q.n++; } ['a']() {} }\nQ.count = 1;\n[...new Q()];",
                &[(3, 2)],
            ),
            (
                "a.js",
                "class B { constructor(x) { if (!x) return; this[0] = x; } }\n[...new B(1)];",
                &[(2, 2)],
            ),
            (
                "a.js",
                "const o = { [`a`]: 1, ['b']: 2 };\n[...o];",
                &[(2, 2)],
            ),
            (
                "a.js",
                "const obj = {};\nObject.keys(obj);\nconst e = eval;\n[...obj];",
                &[(4, 2)],
            ),
            // TypeScript overload signatures before an async implementation.
            (
                "a.ts",
                "function load(id: string): Promise<string[]>;\nasync function load(id: any) { return [id]; }\nconst xs = [...load('x')];",
                &[(3, 13)],
            ),
        ];
        let failures = run(cases);
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    /// A flag that only a test of the value sets guards like the test.
    #[test]
    fn guards_kept_in_a_flag() {
        let cases: &[Case] = &[
            (
                "a.js",
                "function f(c) {\n  const v = c ? new Map() : 5;\n  let ok = false;\n  if (typeof v !== 'number') ok = true;\n  if (ok) return [...v];\n  let set;\n  if (v instanceof Map) { set = true; }\n  return set ? [...v] : [];\n}",
                &[],
            ),
            // Not guarded: a flag that starts true, is set outside a test, is given another
            // value, or is toggled.
            (
                "a.js",
                "function f(c, d) {\n  const v = c ? new Map() : 5;\n  let a = true;\n  if (typeof v !== 'number') a = true;\n  if (a) g([...v]);\n  let b = false;\n  if (typeof v !== 'number') b = true;\n  if (d) b = true;\n  if (b) g([...v]);\n  let e = false;\n  if (typeof v !== 'number') e = d;\n  if (e) g([...v]);\n  let t = false;\n  if (typeof v !== 'number') t = !t;\n  if (t) g([...v]);\n}",
                &[(5, 13), (9, 13), (12, 13), (15, 13)],
            ),
        ];
        let failures = run(cases);
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    /// A use inside a function that is only ever called, each call guarded, is guarded too.
    #[test]
    fn guards_at_the_calls_of_a_function() {
        let cases: &[Case] = &[
            (
                "a.js",
                "function f(c) {\n  const v = c ? new Map() : 5;\n  const all = () => [...v];\n  if (typeof v !== 'number') return all();\n  return [];\n}",
                &[],
            ),
            // A declaration, an early exit, a call through another function, recursion.
            (
                "a.js",
                "function f(c) {\n  const v = c ? new Map() : 5;\n  function all() { return [...v]; }\n  const outer = () => all();\n  function rec(n) { return n ? rec(n - 1) : [...v]; }\n  if (typeof v === 'number') return [];\n  outer();\n  return rec(3);\n}",
                &[],
            ),
            // Not guarded: one call outside the guard, the function passed on, no call, a
            // name that is reassigned, guards three functions out.
            (
                "a.js",
                "function f(c) {\n  const v = c ? new Map() : 5;\n  const all = () => [...v];\n  if (typeof v !== 'number') all();\n  return all();\n}",
                &[(3, 22)],
            ),
            (
                "a.js",
                "function f(c) {\n  const v = c ? new Map() : 5;\n  const all = () => [...v];\n  if (typeof v !== 'number') [1].map(all);\n  return all;\n}",
                &[(3, 22)],
            ),
            (
                "a.js",
                "function f(c) {\n  const v = c ? new Map() : 5;\n  let all = () => [...v];\n  if (typeof v !== 'number') all();\n  all = null;\n}",
                &[(3, 20)],
            ),
            (
                "a.js",
                "function f(c) {\n  const v = c ? new Map() : 5;\n  const a = () => [...v];\n  const b = () => a();\n  const d = () => b();\n  if (typeof v !== 'number') d();\n}",
                &[(3, 20)],
            ),
        ];
        let failures = run(cases);
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    /// A branch reached through a binding does not count where a test of the binding guards
    /// the use: the test may rule that branch out.
    #[test]
    fn guarded_branches() {
        let cases: &[Case] = &[
            (
                "a.js",
                "function f(input) {\n  const value = input ?? {};\n  return Array.isArray(value) ? [...value] : Object.values(value);\n}",
                &[],
            ),
            (
                "a.js",
                "function f(input) {\n  const value = input ?? {};\n  if (Array.isArray(value)) return [...value];\n  return 0;\n}",
                &[],
            ),
            (
                "a.js",
                "function f(input) {\n  const value = input ?? {};\n  if (!Array.isArray(value)) { return 0; }\n  return [...value];\n}",
                &[],
            ),
            (
                "a.ts",
                "function f(input: unknown) {\n  const value = input || {};\n  return typeof value[Symbol.iterator] === 'function' && [...value];\n}",
                &[],
            ),
            (
                "a.js",
                "function f(input) {\n  const value = input || {};\n  if (value.length) return [...value];\n  if (isList(value)) return [...value];\n  return Symbol.iterator in value ? [...value] : 0;\n}",
                &[],
            ),
            // Not guarded: no test of the binding, a test after the use, a branch that goes
            // on, a test that rules out no object (truthiness, equality).
            (
                "a.js",
                "function f(input, prev) {\n  const value = input ?? {};\n  if (value) log([...value]);\n  if (!value || value === prev) return 0;\n  return [...value];\n}",
                &[(3, 19), (5, 11)],
            ),
            (
                "a.js",
                "function f(input, c) {\n  const value = input ?? {};\n  if (c) return 1;\n  return [...value];\n}",
                &[(4, 11)],
            ),
            (
                "a.js",
                "function f(input) {\n  const value = input ?? {};\n  const xs = [...value];\n  if (Array.isArray(value)) return xs;\n}",
                &[(3, 15)],
            ),
            (
                "a.js",
                "function f(input) {\n  const value = input ?? {};\n  if (Array.isArray(value)) log(value);\n  return [...value];\n}",
                &[(4, 11)],
            ),
            // A loop's test and a kept test count like an `if`'s.
            (
                "a.js",
                "function f(input) {\n  const value = input ?? {};\n  const isList = Array.isArray(value);\n  while (Array.isArray(value)) { return [...value]; }\n  return isList ? [...value] : 0;\n}",
                &[],
            ),
            // An early exit far above the use (many statements between), or in a `try`
            // block whose handler leaves too.
            (
                "a.js",
                format!(
                    "function f(input) {{\n  const value = input ?? {{}};\n  if (!Array.isArray(value)) return 0;\n{}  return [...value];\n}}",
                    "  log(1);\n".repeat(100)
                )
                .leak(),
                &[],
            ),
            (
                "a.js",
                "function f(input) {\n  const value = input ?? {};\n  try { if (!Array.isArray(value)) throw 1; } catch (e) { return 1; }\n  return [...value];\n}",
                &[],
            ),
            (
                "a.js",
                "function f(input) {\n  const value = input ?? {};\n  try { if (!Array.isArray(value)) throw 1; } catch (e) { log(e); }\n  return [...value];\n}",
                &[(4, 11)],
            ),
            // An assertion handed a test of the binding; not a call handed the binding or a
            // member of it.
            (
                "a.js",
                "function f(input) {\n  const value = input ?? {};\n  assert(Array.isArray(value));\n  assert.ok(typeof value[Symbol.iterator] === 'function', 'iterable');\n  return [...value];\n}",
                &[],
            ),
            (
                "a.js",
                "function f(input) {\n  const value = input ?? {};\n  log(value.length, value);\n  return [...value];\n}",
                &[(4, 11)],
            ),
            // An in-file TypeScript assertion function that narrows to a type; not one that
            // asserts truthiness only (an object is truthy).
            (
                "a.ts",
                "function assertList(x: unknown): asserts x is unknown[] {\n  if (!Array.isArray(x)) throw new TypeError('list');\n}\nfunction f(input: any) {\n  const value = input ?? {};\n  assertList(value);\n  return [...value];\n}",
                &[],
            ),
            (
                "a.ts",
                "function assertOk(x: unknown): asserts x {\n  if (!x) throw new TypeError('missing');\n}\nfunction f(input: any) {\n  const value = input ?? {};\n  assertOk(value);\n  return [...value];\n}",
                &[(7, 11)],
            ),
        ];
        let failures = run(cases);
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    /// A falsy placeholder branch reached through a binding (`const lines = c ? xs : null`)
    /// counts unless a check on the way to the use may have ruled it out: a test of the
    /// binding or of a name the initializer tests, or a use in another function.
    #[test]
    fn placeholder_branches_through_a_binding() {
        let cases: &[Case] = &[
            (
                "a.js",
                "function f(order, withLines) {\n  const lines = withLines ? order.lines : null;\n  return new Set([...lines]);\n}",
                &[(3, 19)],
            ),
            (
                "a.js",
                "function f(row, widths) {\n  const pad = typeof widths === 'number' ? widths : 0;\n  return [...row, ...pad];\n}",
                &[(3, 19)],
            ),
            (
                "a.js",
                "function f(cached) {\n  const list = cached || null;\n  for (const x of list) log(x);\n}",
                &[(3, 19)],
            ),
            // Checked: the binding, the initializer's test, an early exit, a `&&`, a `?:`.
            (
                "a.js",
                "function f(order, withLines) {\n  const lines = withLines ? order.lines : null;\n  if (lines) log([...lines]);\n  if (withLines) log([...lines]);\n  return withLines && [...lines];\n}",
                &[],
            ),
            (
                "a.js",
                "function f(order, opts) {\n  const lines = opts.lines ? order.lines : undefined;\n  if (!opts.lines) return [];\n  return [...lines];\n}",
                &[],
            ),
            (
                "a.js",
                "function f(order, w) {\n  const lines = w ? order.lines : null;\n  return lines == null ? [] : [...lines];\n}",
                &[],
            ),
            // An assertion call before the use (`assert(lines)`, `invariant(w, …)`), in the
            // use's block or one around it.
            (
                "a.js",
                "function f(order, w) {\n  const lines = w ? order.lines : null;\n  assert(lines);\n  return [...lines];\n}",
                &[],
            ),
            (
                "a.js",
                "function f(order, w) {\n  const lines = w ? order.lines : null;\n  invariant(w, 'needs lines');\n  for (const x of order.ids) { log([...lines], x); }\n}",
                &[],
            ),
            // A call after the use, or one that does not mention the binding nor the test.
            (
                "a.js",
                "function f(order, w) {\n  const lines = w ? order.lines : null;\n  log(order);\n  const all = [...lines];\n  assert(lines);\n  return all;\n}",
                &[(4, 16)],
            ),
            // Another function (its caller may check), a test on `this`.
            (
                "a.js",
                "function f(order, w) {\n  const lines = w ? order.lines : null;\n  return () => [...lines];\n}",
                &[],
            ),
            (
                "a.js",
                "class A {\n  f(order) {\n    const lines = this.full ? order.lines : null;\n    return [...lines];\n  }\n}",
                &[],
            ),
            // A placeholder that is not falsy-only still counts, checked or not.
            (
                "a.js",
                "function f(order, w) {\n  const lines = w ? order.lines : {};\n  if (w) return [...lines];\n}",
                &[(3, 18)],
            ),
            // Checked by a loop's test, a `switch` on the binding or a case's test, or a test
            // kept in a binding of its own.
            (
                "a.js",
                "function f(order, w) {\n  const lines = w ? order.lines : null;\n  while (lines) { return [...lines]; }\n  for (; w; ) { return [...lines]; }\n}",
                &[],
            ),
            (
                "a.js",
                "function f(order, w) {\n  const lines = w ? order.lines : null;\n  switch (lines) {\n    case null: return [];\n    default: return [...lines];\n  }\n}",
                &[],
            ),
            (
                "a.js",
                "function f(order, w) {\n  const lines = w ? order.lines : null;\n  switch (true) {\n    case lines !== null: return [...lines];\n  }\n}",
                &[],
            ),
            (
                "a.js",
                "function f(order, w) {\n  const lines = w ? order.lines : null;\n  const hasLines = lines !== null && lines.length > 0;\n  if (!hasLines) return [];\n  return [...lines];\n}",
                &[],
            ),
            // Not checked: a loop whose test is about something else, a use in the loop's
            // head, a `do … while` (its body runs before the test), a kept test of another
            // value.
            (
                "a.js",
                "function f(order, w, n) {\n  const lines = w ? order.lines : null;\n  while (n--) { log([...lines]); }\n  for (let i = [...lines].length; i; i--) {}\n  do { log([...lines]); } while (lines);\n}",
                &[(3, 22), (4, 17), (5, 13)],
            ),
            (
                "a.js",
                "function f(order, w, other) {\n  const lines = w ? order.lines : null;\n  const ready = other !== null;\n  if (!ready) return [];\n  return [...lines];\n}",
                &[(5, 11)],
            ),
            // Checked by an early exit of any shape: an `if`/`else` or `try` whose every way
            // leaves, `process.exit`, a guard in a branch of an earlier `if` or in a block, the
            // earlier cases of a `switch (true)`, a destructured kept test.
            (
                "a.js",
                "function f(order, w, d) {\n  const lines = w ? order.lines : null;\n  if (!lines) { if (d) { return 1; } else { return 2; } }\n  if (!lines) { try { return 1; } finally { log(1); } }\n  if (!lines) process.exit(1);\n  return [...lines];\n}",
                &[],
            ),
            (
                "a.js",
                "function f(order, w, a, d) {\n  const lines = w ? order.lines : null;\n  if (a) { log(a); } else if (!lines) return [];\n  if (d) { if (!lines) throw new Error('x'); } else { return []; }\n  { if (lines === null) return []; }\n  return [...lines];\n}",
                &[],
            ),
            (
                "a.js",
                "function f(order, w) {\n  const lines = w ? order.lines : null;\n  switch (true) {\n    case lines === null: return [];\n    default: return [...lines];\n  }\n}",
                &[],
            ),
            (
                "a.js",
                "function f(order, w) {\n  const lines = w ? order.lines : null;\n  const { length } = lines || [];\n  if (!length) return [];\n  return [...lines];\n}",
                &[],
            ),
            // An early exit through a call of an in-file function that always throws (its
            // body ends in `throw` after plain statements, or it returns `never`).
            (
                "a.ts",
                "function fail(m: string) { throw new Error(m); }\nconst die = (m: string) => { log(m); throw new Error(m); };\ndeclare function never(m: string): never;\nfunction f(order: any, w: boolean) {\n  const lines = w ? order.lines : null;\n  const rest = w ? order.rest : null;\n  const more = w ? order.more : null;\n  if (!lines) fail('x');\n  if (!rest) { die('x'); }\n  if (!more) never('x');\n  return [...lines, ...rest, ...more];\n}",
                &[],
            ),
            // The same early exits written as expressions.
            (
                "a.js",
                "function fail(m) { throw new Error(m); }\nfunction f(order, w) {\n  const lines = w ? order.lines : null;\n  const rest = w ? order.rest : null;\n  lines || fail('x');\n  !rest && process.exit(1);\n  return [...lines, ...rest];\n}",
                &[],
            ),
            (
                "a.js",
                "function f(order, w) {\n  const lines = w ? order.lines : null;\n  lines || log('x');\n  return [...lines];\n}",
                &[(4, 11)],
            ),
            // A function that may return, or an async one (its throw rejects a Promise).
            (
                "a.js",
                "function warn(m) { if (quiet) return; throw new Error(m); }\nasync function fail(m) { throw new Error(m); }\nfunction f(order, w) {\n  const lines = w ? order.lines : null;\n  const rest = w ? order.rest : null;\n  if (!lines) warn('x');\n  if (!rest) fail('x');\n  return [...lines, ...rest];\n}",
                &[(8, 11), (8, 21)],
            ),
            // Not checked: a branch that may go on (an `if` without `else`, a `catch` that
            // does not leave, `process.exitCode`), a `break` out of a labelled block or a loop
            // before the use, a `switch (true)` whose earlier cases test something else.
            (
                "a.js",
                "function f(order, w, d) {\n  const lines = w ? order.lines : null;\n  if (!lines) { if (d) return 1; }\n  if (!lines) { try { return 1; } catch { log(1); } }\n  if (!lines) process.exitCode = 1;\n  return [...lines];\n}",
                &[(6, 11)],
            ),
            (
                "a.js",
                "function f(order, w, d) {\n  const lines = w ? order.lines : null;\n  lbl: { if (!lines) break lbl; }\n  for (const x of order.ids) { if (!lines) break; log(x); }\n  if (d) { log(lines); } else { return []; }\n  return [...lines];\n}",
                &[(6, 11)],
            ),
            (
                "a.js",
                "function f(order, w, k) {\n  const lines = w ? order.lines : null;\n  switch (true) {\n    case k === 1: return [];\n    default: return [...lines];\n  }\n}",
                &[(5, 22)],
            ),
        ];
        let failures = run(cases);
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    /// TypeScript's non-null assertion (`[...lines!]`) says the value is not nullish: nullish
    /// branches do not count there; other branches still do.
    #[test]
    fn non_null_assertion() {
        let cases: &[Case] = &[
            (
                "a.ts",
                "function f(order: any, w: boolean) {\n  const lines = w ? order.lines : null;\n  const rest = w ? order.rest : undefined;\n  return [...lines!, ...(rest as any)!, ...(w ? order.x : null)!];\n}",
                &[],
            ),
            (
                "a.ts",
                "function f(order: any, w: boolean, input: any) {\n  const lines = w ? order.lines : false;\n  const value = input ?? {};\n  return [...lines!, ...value!];\n}",
                &[(4, 11), (4, 22)],
            ),
        ];
        let failures = run(cases);
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn messages() {
        let d = lint_with_rule(
            "a.js",
            "async function load() { return []; }\nconst xs = [...load()];",
            ID,
        );
        assert_eq!(
            d[0].message,
            "`load()` is a Promise (returned by the async function `load`): spreading it into an array throws a TypeError because it is not iterable; did you forget `await`?"
        );
        assert_eq!(
            d[0].help.as_deref(),
            Some("`await` it first: `await load()`")
        );
        let d = lint_with_rule("a.js", "const opts = { a: 1 };\nconst xs = [...opts];", ID);
        assert_eq!(
            d[0].message,
            "`opts` is an object (created at line 1): spreading it into an array throws a TypeError because it is not iterable"
        );
        assert_eq!(d[0].labels.len(), 2);
        assert_eq!(d[0].labels[1].message, "the object created here");
        let d = lint_with_rule("a.js", "function f(xs) { return [...(xs || {})]; }", ID);
        assert_eq!(
            d[0].message,
            "`xs || {}` can be an object (created at line 1): spreading it into an array throws a TypeError because it is not iterable"
        );
    }
}
