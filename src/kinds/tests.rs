//! Each inference path: the code calls `probe(expr)` once; the test asks what `expr` is.

use oxc_allocator::Allocator;
use oxc_ast::AstKind;
use oxc_ast::ast::Argument;
use oxc_parser::Parser;
use oxc_semantic::SemanticBuilder;
use oxc_span::{GetSpan, SourceType};

use super::{Kind, Kinds, Typed};
use crate::source::LazyLineIndex;

/// The kind of the argument of the last `probe(…)` call, with the branches' kinds.
fn probe(file: &str, code: &str) -> (Typed, Vec<Kind>) {
    let allocator = Allocator::default();
    let source_type = SourceType::from_path(file).expect("known extension");
    let ret = Parser::new(&allocator, code, source_type).parse();
    assert!(ret.diagnostics.is_empty(), "{code}: {:?}", ret.diagnostics);
    let program = allocator.alloc(ret.program);
    let sem = SemanticBuilder::new().with_build_nodes(true).build(program);
    let line_index = LazyLineIndex::new(code);
    let kinds = Kinds::new(&sem.semantic, code, &line_index);
    let mut found = None;
    for node in sem.semantic.nodes().iter() {
        if let AstKind::CallExpression(c) = node.kind()
            && c.callee.is_specific_id("probe")
        {
            found = c.arguments.first().and_then(Argument::as_expression);
        }
    }
    let expr = found.expect("a probe(expr) call");
    let t = kinds.of(expr);
    let branches = kinds
        .branches(expr)
        .into_iter()
        .map(|(_, t)| t.kind)
        .collect();
    (t, branches)
}

fn kind(code: &str) -> Kind {
    probe("a.js", code).0.kind
}

fn kind_ts(code: &str) -> Kind {
    probe("a.ts", code).0.kind
}

const OBJ: Kind = Kind::Object {
    iterable: false,
    open: false,
};

#[test]
fn literals() {
    let cases: &[(&str, Kind)] = &[
        ("probe({ a: 1 })", OBJ),
        (
            "probe({ [Symbol.iterator]() {} })",
            Kind::Object {
                iterable: true,
                open: false,
            },
        ),
        (
            "probe({ ...x })",
            Kind::Object {
                iterable: false,
                open: true,
            },
        ),
        ("probe([1, 2])", Kind::Array { bounded: true }),
        ("probe([...xs])", Kind::Array { bounded: false }),
        ("probe('s')", Kind::String),
        ("probe(`a${b}`)", Kind::String),
        ("probe(1)", Kind::Number),
        ("probe(1n)", Kind::BigInt),
        ("probe(true)", Kind::Boolean),
        ("probe(null)", Kind::Null),
        ("probe(undefined)", Kind::Undefined),
        ("probe(void 0)", Kind::Undefined),
        ("probe(/re/)", Kind::RegExp),
        ("probe(function () {})", Kind::Function),
        ("probe(() => 1)", Kind::Function),
        ("probe(class {})", Kind::Class),
        ("probe(((1)))", Kind::Number),
    ];
    for (code, want) in cases {
        assert_eq!(kind(code), *want, "{code}");
    }
}

#[test]
fn operators() {
    let cases: &[(&str, Kind)] = &[
        ("probe(a - b)", Kind::Number),
        ("probe(a * 2)", Kind::Number),
        ("probe(1n * 2n)", Kind::BigInt),
        ("probe(typeof a)", Kind::String),
        ("probe(!a)", Kind::Boolean),
        ("probe(a === b)", Kind::Boolean),
        ("probe(a in b)", Kind::Boolean),
        ("probe(-a)", Kind::Number),
        ("probe(a++)", Kind::Number),
        ("probe('a' + b)", Kind::String),
        ("probe(1 + 2)", Kind::Number),
        ("probe(a + b)", Kind::Unknown),
        ("probe(a && b)", Kind::Unknown),
        ("probe((a, 1))", Kind::Number),
    ];
    for (code, want) in cases {
        assert_eq!(kind(code), *want, "{code}");
    }
}

#[test]
fn builtins_only_when_global() {
    let cases: &[(&str, Kind)] = &[
        ("probe(new Map())", Kind::Map),
        ("probe(new Set([1]))", Kind::Set),
        ("probe(new WeakMap())", Kind::WeakMap),
        ("probe(new Date())", Kind::Date),
        ("probe(new TypeError('x'))", Kind::Error),
        ("probe(new Promise(r => r()))", Kind::Promise),
        ("probe(new URL('http://x'))", Kind::Url),
        ("probe(new Uint8Array(4))", Kind::TypedArray),
        ("probe(new Object())", OBJ),
        ("probe(new Object(x))", Kind::Unknown),
        ("class Map extends Base {} probe(new Map())", Kind::Unknown),
        ("const Map = makeMap(); probe(new Map())", Kind::Unknown),
        (
            "import { Map } from 'immutable'; probe(new Map())",
            Kind::Unknown,
        ),
        (
            "function f(Promise) { probe(new Promise(g)); }",
            Kind::Unknown,
        ),
        ("probe(Object.keys(o))", Kind::Array { bounded: false }),
        ("probe(Object.fromEntries(e))", OBJ),
        ("probe(Object.groupBy(xs, f))", OBJ),
        ("probe(Map.groupBy(xs, f))", Kind::Map),
        ("class Map {} probe(Map.groupBy(xs, f))", Kind::Unknown),
        // A source may bring `[Symbol.iterator]`: an open object.
        (
            "probe(Object.assign({}, a))",
            Kind::Object {
                iterable: false,
                open: true,
            },
        ),
        ("probe(Object.assign({}))", OBJ),
        ("probe(Object.assign(function () {}, a))", Kind::Unknown),
        ("probe(Object.assign(t, a))", Kind::Unknown),
        ("probe(Array.from(x))", Kind::Array { bounded: false }),
        ("probe(Promise.all(x))", Kind::Promise),
        ("probe(Array.fromAsync(x))", Kind::Promise),
        ("probe(Promise.try(f))", Kind::Promise),
        ("probe(Promise.withResolvers())", OBJ),
        // its members are not known
        (
            "const { promise } = Promise.withResolvers(); probe(promise)",
            Kind::Unknown,
        ),
        (
            "const r = Promise.withResolvers(); probe(r.promise)",
            Kind::Unknown,
        ),
        (
            "const Array = lib.Array; probe(Array.fromAsync(x))",
            Kind::Unknown,
        ),
        ("probe(JSON.stringify(x))", Kind::String),
        ("probe(String(x))", Kind::String),
        ("probe(Number(x))", Kind::Number),
        ("probe(fetch(u))", Kind::Promise),
        (
            "async function f() { probe(await fetch(u)) }",
            Kind::Response,
        ),
        (
            "async function f(fetch) { probe(await fetch(u)) }",
            Kind::Unknown,
        ),
        ("probe(Iterator.from(x))", Kind::Iterator),
        ("probe(new Request(u))", Kind::Request),
        ("probe(new Request(u).formData())", Kind::Promise),
        ("probe(new Request(u).headers)", Kind::Headers),
        ("probe(new Request(u).url)", Kind::String),
        (
            "import Request from 'r'; probe(new Request(u))",
            Kind::Unknown,
        ),
        ("const Object = {}; probe(Object.keys(o))", Kind::Unknown),
        ("probe(Math.max(a, b))", Kind::Number),
    ];
    for (code, want) in cases {
        assert_eq!(kind(code), *want, "{code}");
    }
}

#[test]
fn unawaited_promises() {
    // A call whose Promise is used without `await` asks "did you forget `await`?"; a Promise
    // made with `new Promise` (or chained from one) does not.
    let unawaited = |code: &str| {
        let t = probe("a.js", code).0;
        assert_eq!(t.kind, Kind::Promise, "{code}");
        t.origin.unawaited
    };
    for code in [
        "probe(fetch(u))",
        "probe(Promise.all(xs))",
        "probe(Promise.resolve(x))",
        "probe(Array.fromAsync(gen()))",
        "probe(Promise.try(load))",
        "probe(fetch(u).then(f))",
        "async function f() { const r = await fetch(u); probe(r.json()) }",
        "async function g() {} probe(g())",
    ] {
        assert!(unawaited(code), "{code}");
    }
    for code in ["probe(new Promise(f))", "probe(new Promise(f).then(g))"] {
        assert!(!unawaited(code), "{code}");
    }
}

#[test]
fn elements_of_an_array_mapped_with_an_async_callback() {
    let elem = |code: &str| probe("a.js", code).0;
    let decl = "const ps = xs.map(async (x) => x); ";
    for body in [
        "for (const p of ps) probe(p)",
        "probe(ps[0])",
        "probe(ps[i + 1])",
        "ps.forEach((p) => probe(p))",
        "ps.map(function (p) { probe(p) })",
        "const done = ps.filter((p) => probe(p)); Promise.all(ps); [...ps]; ps.length",
    ] {
        let code = format!("{decl}{body}");
        let t = elem(&code);
        assert_eq!(t.kind, Kind::Promise, "{code}");
        assert!(t.origin.unawaited, "{code}");
        assert!(
            t.origin
                .note
                .starts_with("an element of `ps`, which `.map()` filled"),
            "{}",
            t.origin.note
        );
    }
    // An async function of the file as the callback.
    assert_eq!(
        kind("async function load(x) {} const ps = xs.map(load); probe(ps[0])"),
        Kind::Promise
    );
    for code in [
        // The elements may have been replaced or the array may have changed hands.
        "const ps = xs.map(async (x) => x); for (let i = 0; i < ps.length; i++) ps[i] = await ps[i]; probe(ps[0])",
        "const ps = xs.map(async (x) => x); keep(ps); probe(ps[0])",
        "const ps = xs.map(async (x) => x); ps.push(1); probe(ps[0])",
        "const ps = xs.map(async (x) => x); ps.length = 0; probe(ps[0])",
        "const ps = xs.map(async (x) => x); [ps[0]] = [1]; probe(ps[0])",
        "function f() { const ps = xs.map(async (x) => x); probe(ps[0]); return ps }",
        "let ps = xs.map(async (x) => x); ps = []; probe(ps[0])",
        // Awaited elements, a sync callback, a key that is not an index, a reassigned loop
        // variable.
        "const ps = xs.map(async (x) => x); async function f() { for await (const p of ps) probe(p) }",
        "const ps = xs.map((x) => x); probe(ps[0])",
        "function load(x) {} const ps = xs.map(load); probe(ps[0])",
        "const ps = xs.map(async (x) => x); probe(ps['length'])",
        "const ps = xs.map(async (x) => x); probe(ps[Symbol.iterator])",
        "const ps = xs.map(async (x) => x); probe(ps[key()])",
        "const ps = xs.map(async (x) => x); for (let p of ps) { p = 1; probe(p) }",
        "const ps = xs.map(async function* (x) {}); probe(ps[0])",
        "const ps = xs.map(async (x) => x); ps.reduce((a, p) => probe(a))",
    ] {
        assert_eq!(kind(code), Kind::Unknown, "{code}");
    }
    // An annotated callback parameter says what it is.
    assert_eq!(
        kind_ts("const ps = xs.map(async (x) => x); ps.forEach((p: number) => probe(p))"),
        Kind::Number
    );
}

#[test]
fn functions_called_where_they_are_written() {
    for (code, expected) in [
        ("probe((async () => 1)())", Kind::Promise),
        ("probe((async function () {})())", Kind::Promise),
        ("probe((function* () {})())", Kind::Generator),
        ("probe((async function* () {})())", Kind::AsyncGenerator),
        ("probe((() => 1)())", Kind::Unknown),
        ("probe((function () { return new Map() })())", Kind::Unknown),
        ("probe((async () => 1)?.())", Kind::Unknown),
    ] {
        assert_eq!(kind(code), expected, "{code}");
    }
    assert!(probe("a.js", "probe((async () => 1)())").0.origin.unawaited);
}

#[test]
fn properties_of_an_object_literal() {
    let obj = "const cfg = { tags: new Set(), when: new Date(), retries: 3, name: 'x', meta, list: [1], load: async () => 1 }; const meta = new Map(); ";
    for (read, expected) in [
        ("cfg.tags", Kind::Set),
        ("cfg.when", Kind::Date),
        ("cfg.retries", Kind::Number),
        ("cfg.name", Kind::String),
        // A shorthand property is its binding.
        ("cfg.meta", Kind::Map),
        ("cfg.list", Kind::Array { bounded: true }),
        ("cfg.load", Kind::Function),
        ("cfg.other", Kind::Unknown),
        // Optional chaining reads the same property.
        ("cfg?.tags", Kind::Set),
        ("cfg?.list.map((x) => x)", Kind::Array { bounded: true }),
    ] {
        let code = format!("{obj}probe({read})");
        assert_eq!(kind(&code), expected, "{code}");
    }
    // Member reads (also of the property itself: `cfg.tags.add(1)`) and writes of other
    // properties leave the property in place; so do `as const` and `satisfies`.
    assert_eq!(
        kind(
            "const cfg = { tags: new Set() }; cfg.n = 1; cfg.tags.add(1); const copy = { ...cfg }; probe(cfg.tags)"
        ),
        Kind::Set
    );
    // An exported object's properties may be replaced by the modules importing it.
    for code in [
        "const cfg = { tags: new Set() }; export { cfg }; probe(cfg.tags)",
        "export const cfg = { tags: new Set() }; probe(cfg.tags)",
        "const cfg = { tags: new Set() }; export default cfg; probe(cfg.tags)",
        "export const cfg = { tags: new Set() }; const { tags } = cfg; probe(tags)",
    ] {
        assert_eq!(kind(code), Kind::Unknown, "{code}");
    }
    assert_eq!(
        kind_ts("const cfg = { tags: new Set<string>() } as const; probe(cfg.tags)"),
        Kind::Set
    );
    assert_eq!(
        kind_ts(
            "const cfg = { tags: new Set<string>() } satisfies { tags: Iterable<string> }; probe(cfg.tags)"
        ),
        Kind::Set
    );
    for code in [
        // Replaced, or may be: by a write, a later spread or computed key, `this`, or code
        // the object is handed to.
        "const cfg = { tags: new Set() }; cfg.tags = [...cfg.tags]; probe(cfg.tags)",
        "const cfg = { tags: new Set() }; cfg['tags'] = []; probe(cfg.tags)",
        "const cfg = { tags: new Set() }; cfg.tags ??= []; probe(cfg.tags)",
        "const cfg = { tags: new Set() }; delete cfg.tags; probe(cfg.tags)",
        "const cfg = { tags: new Set() }; ({ tags: cfg.tags } = other); probe(cfg.tags)",
        "const cfg = { tags: new Set(), ...overrides }; probe(cfg.tags)",
        "const cfg = { tags: new Set(), [key]: [] }; probe(cfg.tags)",
        "const cfg = { tags: new Set(), reset() { this.tags = [] } }; probe(cfg.tags)",
        "const cfg = { tags: new Set(), init(o) { Object.assign(this, o) } }; probe(cfg.tags)",
        "const cfg = { tags: new Set() }; Object.assign(cfg, loaded); probe(cfg.tags)",
        "const cfg = { tags: new Set() }; configure(cfg); probe(cfg.tags)",
        "const cfg = { tags: new Set() }; const alias = cfg; probe(cfg.tags)",
        "const cfg = { tags: new Set() }; const copy = [...cfg]; probe(cfg.tags)",
        "let cfg = { tags: new Set() }; cfg = other; probe(cfg.tags)",
        // A getter, a shadowing binding, the last of two properties of the same name.
        "const cfg = { get tags() { return new Set() } }; probe(cfg.tags)",
        "const cfg = { tags: new Set() }; function f(cfg) { probe(cfg.tags) }",
        "const cfg = { tags: new Set(), tags: source.tags }; probe(cfg.tags)",
        // Properties read while their own values are worked out (this would not finish if
        // each read were worked out again).
        "const a = { x: b.x || b.y || b.z, y: b.x || b.y || b.z, z: b.z || b.x || b.y }; const b = { x: a.x || a.y || a.z, y: a.x || a.y || a.z, z: a.x || a.y || a.z }; probe(a.x)",
        // A nested level is not followed.
        "const cfg = { inner: { tags: new Set() } }; probe(cfg.inner.tags)",
        // An optional call gives nothing.
        "const cfg = { load: async () => 1 }; probe(cfg.load?.())",
    ] {
        assert_eq!(kind(code), Kind::Unknown, "{code}");
    }
}

#[test]
fn destructured_properties_of_an_object_literal() {
    for (code, expected) in [
        (
            "const cfg = { tags: new Set() }; const { tags } = cfg; probe(tags)",
            Kind::Set,
        ),
        (
            "const cfg = { tags: new Set() }; const { tags: t } = cfg; probe(t)",
            Kind::Set,
        ),
        // A default only serves when the property is `undefined`.
        (
            "const cfg = { tags: new Set() }; const { tags = [] } = cfg; probe(tags)",
            Kind::Set,
        ),
        (
            "const cfg = { tags: undefined }; const { tags = [] } = cfg; probe(tags)",
            Kind::Unknown,
        ),
        (
            "const cfg = { tags: new Set() }; const { other } = cfg; probe(other)",
            Kind::Unknown,
        ),
        (
            "const cfg = { tags: new Set() }; cfg.tags = []; const { tags } = cfg; probe(tags)",
            Kind::Unknown,
        ),
        (
            "const cfg = { tags: new Set() }; let { tags } = cfg; tags = []; probe(tags)",
            Kind::Unknown,
        ),
        (
            "const cfg = { inner: { tags: new Set() } }; const { inner: { tags } } = cfg; probe(tags)",
            Kind::Unknown,
        ),
    ] {
        assert_eq!(kind(code), expected, "{code}");
    }
}

#[test]
fn members_of_an_annotated_object_type() {
    for (code, expected) in [
        (
            "function f(p: { tabs: Map<string, number> }) { probe(p.tabs) }",
            Kind::Map,
        ),
        (
            "function f(p: { n?: number }) { probe(p?.n) }",
            Kind::Number,
        ),
        ("declare const p: { when: Date }; probe(p.when)", Kind::Date),
        (
            "function f(p: { tabs: Map<string, number> }) { probe(p.other) }",
            Kind::Unknown,
        ),
        // An interface or a class names a shape: nothing is known of its members here.
        (
            "interface P { tabs: Map<string, number> } function f(p: P) { probe(p.tabs) }",
            Kind::Unknown,
        ),
        // The initializer's kind wins over the annotation.
        (
            "const p: { tabs: object } = { tabs: new Map() }; probe(p.tabs)",
            Kind::Map,
        ),
        // A test of `p` may have narrowed it; an object-typed member may be narrowed by a test
        // of the member.
        (
            "function f(p: { tabs: Map<string, number> } | string[]) { probe(p.tabs) }",
            Kind::Unknown,
        ),
        (
            "function f(p: { tabs: Map<string, number> }) { if (isList(p)) return; probe(p.tabs) }",
            Kind::Unknown,
        ),
        (
            "function f(p: { meta: Record<string, number> }) { if (Array.isArray(p.meta)) return; probe(p.meta) }",
            Kind::Unknown,
        ),
        (
            "function f(p: { meta: Record<string, number> }) { probe(p.meta) }",
            OBJ,
        ),
        // A shadowing binding.
        (
            "function f(p: { tabs: Map<string, number> }) { return (p) => probe(p.tabs) }",
            Kind::Unknown,
        ),
        // Destructured from the annotated binding, as from an annotated pattern.
        (
            "function f(p: { tabs: Map<string, number> }) { const { tabs } = p; probe(tabs) }",
            Kind::Map,
        ),
        (
            "function f(p: { tabs: Map<string, number> } | string[]) { const { tabs } = p; probe(tabs) }",
            Kind::Unknown,
        ),
        (
            "function f(p: { meta: Record<string, number> }) { const { meta } = p; if (Array.isArray(meta)) return; probe(meta) }",
            Kind::Unknown,
        ),
        (
            "function f(p: { meta: Record<string, number> }) { if (isList(p)) return; const { meta } = p; probe(meta) }",
            Kind::Unknown,
        ),
    ] {
        assert_eq!(kind_ts(code), expected, "{code}");
    }
}

#[test]
fn fields_of_an_instance() {
    let class = "class Store { readonly items = new Map(); tags: Set<string> = new Set(); list = []; meta: Record<string, string> = {}; constructor(public when: Date) {} reset() { this.list = []; } } const store = new Store(new Date()); ";
    for (read, expected) in [
        ("store.items", Kind::Map),
        ("store.tags", Kind::Set),
        ("store.when", Kind::Date),
        ("store.list", Kind::Array { bounded: true }),
        ("store?.items", Kind::Map),
        // An object type may be narrowed by a test; an unknown field is unknown.
        ("store.meta", Kind::Unknown),
        ("store.other", Kind::Unknown),
    ] {
        let code = format!("{class}probe({read})");
        assert_eq!(kind_ts(&code), expected, "{code}");
    }
    for code in [
        // Written from outside the class, or by code the class cannot see.
        "class Store { list = []; } const store = new Store(); store.list = 5; probe(store.list)",
        "class Store { list = []; constructor(o) { Object.assign(this, o); } } const store = new Store(); probe(store.list)",
        "class Store extends Base { list = []; } const store = new Store(); probe(store.list)",
        // A field declared by a base class is not looked up.
        "class Base { list = []; } class Store extends Base {} const store = new Store(); probe(store.list)",
    ] {
        assert_eq!(kind(code), Kind::Unknown, "{code}");
    }
}

#[test]
fn type_aliases() {
    for (code, expected) in [
        (
            "type Tags = Set<string>; function f(t: Tags) { probe(t) }",
            Kind::Set,
        ),
        (
            "export type Tags = Set<string>; function f(t: Tags) { probe(t) }",
            Kind::Set,
        ),
        (
            "type Props = { items: Map<string, number> }; function f(p: Props) { probe(p.items) }",
            Kind::Map,
        ),
        (
            "type Props = { items: Map<string, number> }; function f({ items }: Props) { probe(items) }",
            Kind::Map,
        ),
        (
            "type Props = { items: Map<string, number> }; function f(p: Props) { const { items } = p; probe(items) }",
            Kind::Map,
        ),
        (
            "type P = { items: Map<string, number> }; type Props = P; function f(p: Props) { probe(p.items) }",
            Kind::Map,
        ),
        (
            "type Props = { items: Map<string, number> }; function f(p: Props) { probe(p) }",
            OBJ,
        ),
        (
            "type List = number[]; function f(xs: List | undefined) { probe(xs) }",
            Kind::Array { bounded: false },
        ),
        // Generic aliases, `declare`d ones, aliases inside a function, interfaces, classes, and
        // a cycle say nothing.
        (
            "type Box<T> = { items: T }; function f(b: Box<Set<string>>) { probe(b.items) }",
            Kind::Unknown,
        ),
        (
            "type Tags<T = string> = Set<T>; function f(t: Tags) { probe(t) }",
            Kind::Unknown,
        ),
        (
            "declare type Tags = Set<string>; function f(t: Tags) { probe(t) }",
            Kind::Unknown,
        ),
        (
            "function f(t: Tags) { type Tags = Set<string>; probe(t) }",
            Kind::Unknown,
        ),
        (
            "interface Props { items: Map<string, number> } function f(p: Props) { probe(p.items) }",
            Kind::Unknown,
        ),
        (
            "class Props { items = new Map() } function f(p: Props) { probe(p) }",
            Kind::Unknown,
        ),
        (
            "type A = B; type B = A; function f(a: A) { probe(a) }",
            Kind::Unknown,
        ),
        // Unions of aliases of each other branch at every step: a few steps are taken, not
        // all (this would not finish otherwise).
        (
            "type A = B | C | D | E; type B = A | C | D | E; type C = A | B | D | E; type D = A | B | C | E; type E = A | B | C | D; function f(a: A) { probe(a) }",
            Kind::Unknown,
        ),
        (
            "type P = { items: Map<string, number> }; type Q = P; type R = Q; function f(r: R) { probe(r.items) }",
            Kind::Map,
        ),
        (
            "type A = Map<string, number> | Set<string>; function f(a: A) { probe(a) }",
            Kind::Unknown,
        ),
    ] {
        assert_eq!(kind_ts(code), expected, "{code}");
    }
}

#[test]
fn optional_chains() {
    for (code, expected) in [
        ("const m = new Map(); probe(m?.size)", Kind::Number),
        (
            "const s = 'a,b'; probe(s?.split(','))",
            Kind::Array { bounded: false },
        ),
        ("async function load() {} probe(load?.name)", Kind::Unknown),
        (
            "class Cart { items = new Map(); total() { return probe(this?.items) } }",
            Kind::Map,
        ),
        ("const xs = [1]; probe(xs?.[0])", Kind::Unknown),
        ("probe(maybe?.size)", Kind::Unknown),
    ] {
        assert_eq!(kind(code), expected, "{code}");
    }
}

#[test]
fn methods_of_an_object_literal() {
    let obj = "const api = { async get() {}, load: async () => 1, list: async function () {}, *ids() {}, sync() {} }; ";
    for (call, expected) in [
        ("api.get()", Kind::Promise),
        ("api.load()", Kind::Promise),
        ("api.list()", Kind::Promise),
        ("api.ids()", Kind::Generator),
        ("api.sync()", Kind::Unknown),
        ("api.other()", Kind::Unknown),
    ] {
        let code = format!("{obj}probe({call})");
        assert_eq!(kind(&code), expected, "{code}");
    }
    let t = probe("a.js", &format!("{obj}probe(api.get())")).0;
    assert!(t.origin.unawaited);
    assert_eq!(
        t.origin.note,
        "returned by `api.get`, an async method of the object literal at line 1"
    );
    // Member reads, writes of other properties and exports leave the method in place.
    assert_eq!(
        kind(
            "const api = { async get() {} }; api.n = 1; const g = api.get; export default api; export { api }; probe(api.get())"
        ),
        Kind::Promise
    );
    for code in [
        // Replaced, or may be: by a write, a later spread or computed key, `this`, or code
        // the object is handed to.
        "const api = { async get() {} }; api.get = () => 1; probe(api.get())",
        "const api = { async get() {} }; api['get'] = () => 1; probe(api.get())",
        "const api = { async get() {} }; delete api.get; probe(api.get())",
        "const api = { async get() {}, ...more }; probe(api.get())",
        "const api = { async get() {}, [key]: 1 }; probe(api.get())",
        "const api = { async get() {}, init() { this.get = () => 1 } }; probe(api.get())",
        "const api = { async get() {}, init(o) { Object.assign(this, o) } }; probe(api.get())",
        "const api = { async get() {} }; patch(api); probe(api.get())",
        "const api = { async get() {} }; const alias = api; probe(api.get())",
        "let api = { async get() {} }; api = other; probe(api.get())",
        // A getter, a shadowing binding, an optional call.
        "const api = { get get() { return async () => 1 } }; probe(api.get())",
        "const api = { async get() {} }; function f(api) { probe(api.get()) }",
        "const api = { async get() {} }; probe(api.get?.())",
    ] {
        assert_eq!(kind(code), Kind::Unknown, "{code}");
    }
    // The last of two properties of the same name is the one.
    assert_eq!(
        kind("const api = { async get() {}, get: () => 1 }; probe(api.get())"),
        Kind::Unknown
    );
}

#[test]
fn elements_destructured_from_an_array() {
    for code in [
        // Of a binding, or of the call itself.
        "const ps = xs.map(async (x) => x); const [a, b] = ps; probe(b)",
        "const [a, b] = xs.map(async (x) => x); probe(b)",
        "for (const p of xs.map(async (x) => x)) probe(p)",
        "xs.map(async (x) => x).forEach((p) => probe(p))",
        "probe(xs.map(async (x) => x)[0])",
        // Of an array literal, by position.
        "async function load() {} const [a, b] = [1, load()]; probe(b)",
    ] {
        let t = probe("a.js", code).0;
        assert_eq!(t.kind, Kind::Promise, "{code}");
        assert!(t.origin.unawaited, "{code}");
    }
    assert_eq!(
        probe("a.js", "const [a] = xs.map(async (x) => x); probe(a)")
            .0
            .origin
            .note,
        "an element of the array `.map()` filled with an async callback at line 1"
    );
    assert_eq!(kind("const [a, b] = [1, 'b']; probe(b)"), Kind::String);
    for code in [
        // A default may hold instead; a spread before it moves the index; a hole.
        "async function load() {} const [a = {}] = [load()]; probe(a)",
        "async function load() {} const [a, b] = [...xs, load()]; probe(b)",
        "async function load() {} const [a, b] = [load(), , ]; probe(b)",
        // Nested, reassigned, or of an array whose elements are not known.
        "async function load() {} const [[a]] = [[load()]]; probe(a)",
        "async function load() {} let [a] = [load()]; a = 1; probe(a)",
        "async function load() {} const [a] = xs.map((x) => load(x)); probe(a)",
        "const [a] = xs.map(async (x) => x) ?? []; probe(a)",
        "const [a] = xs?.map(async (x) => x); probe(a)",
        "const ps = xs.map(async (x) => x); ps.push(1); const [a] = ps; probe(a)",
        // A parameter's pattern has no initializer to read.
        "function f([a] = xs.map(async (x) => x)) { probe(a) }",
    ] {
        assert_eq!(kind(code), Kind::Unknown, "{code}");
    }
}

#[test]
fn node_promise_modules() {
    let mjs = |code: &str| probe("a.mjs", code).0;
    let promise: &[&str] = &[
        "import fs from 'node:fs/promises'; probe(fs.readFile(p))",
        "import * as fs from 'fs/promises'; probe(fs.stat(p))",
        "import { readFile } from 'fs/promises'; probe(readFile(p))",
        "import { readFile as read } from 'node:fs/promises'; probe(read(p))",
        "import { promises as fs } from 'fs'; probe(fs.readdir(p))",
        "import { promises } from 'node:fs'; probe(promises.mkdir(p))",
        "import { setTimeout as sleep } from 'timers/promises'; probe(sleep(10))",
        "import { pipeline } from 'node:stream/promises'; probe(pipeline(a, b))",
        "import dns from 'dns/promises'; probe(dns.lookup(h))",
        "import { once } from 'node:events'; probe(once(emitter, 'ready'))",
        "import EventEmitter from 'events'; probe(EventEmitter.once(emitter, 'ready'))",
        "const events = require('node:events'); probe(events.once(emitter, 'ready'))",
        "import fs from 'fs/promises'; probe(fs.readFile(p).then(f))",
        // `promises` of the whole module.
        "import fs from 'fs'; probe(fs.promises.readFile(p))",
        "import * as fs from 'node:fs'; probe(fs.promises.stat(p))",
        "import dns from 'node:dns'; probe(dns.promises.lookup(h))",
    ];
    for code in promise {
        let t = mjs(code);
        assert_eq!(t.kind, Kind::Promise, "{code}");
        assert!(t.origin.unawaited, "{code}");
    }
    let unknown: &[&str] = &[
        // Awaited, or not one of the module's Promise-returning functions.
        "import fs from 'fs/promises'; async function f() { probe(await fs.readFile(p)) }",
        "import { glob } from 'fs/promises'; probe(glob('*'))",
        "import fs from 'fs/promises'; probe(fs.constants)",
        "import fs from 'fs/promises'; probe(fs.watch(p))",
        "import { setInterval } from 'timers/promises'; probe(setInterval(10))",
        "import { on } from 'events'; probe(on(emitter, 'data'))",
        "import { EventEmitter } from 'events'; const bus = new EventEmitter(); probe(bus.once('x', f))",
        "import EventEmitter from 'events'; const bus = new EventEmitter(); probe(bus.once('x', f))",
        "import { once } from 'lodash'; probe(once(f))",
        // The callback and sync APIs, and other modules.
        "import fs from 'fs'; probe(fs.readFile(p, cb))",
        "import { readFileSync } from 'node:fs'; probe(readFileSync(p))",
        "import { readFile } from 'fs-extra'; probe(readFile(p))",
        "import { promises } from 'fs-extra'; probe(promises.readFile(p))",
        "import fs from 'fs-extra'; probe(fs.promises.readFile(p))",
        "import fs from 'fs'; probe(fs.promises.watch(p))",
        "import { fs } from 'fs'; probe(fs.promises.readFile(p))",
        // Shadowed.
        "import fs from 'fs/promises'; function f(fs) { probe(fs.readFile(p)) }",
        "import { readFile } from 'fs/promises'; { const readFile = g; probe(readFile(p)) }",
    ];
    for code in unknown {
        assert_eq!(mjs(code).kind, Kind::Unknown, "{code}");
    }
    // A type-only import is no value.
    for code in [
        "import type fs from 'fs/promises'; probe(fs.readFile(p))",
        "import { type readFile } from 'fs/promises'; probe(readFile(p))",
    ] {
        assert_eq!(kind_ts(code), Kind::Unknown, "{code}");
    }
    assert_eq!(
        kind_ts("import { readFile } from 'fs/promises'; probe(readFile(p))"),
        Kind::Promise
    );
    // CommonJS: `require` of the module, its `promises`, destructured; never reassigned.
    let cjs = |code: &str| probe("a.cjs", code).0.kind;
    for code in [
        "const fs = require('fs/promises'); probe(fs.readFile(p))",
        "const fs = require('node:fs').promises; probe(fs.stat(p))",
        "const { readdir } = require('node:fs/promises'); probe(readdir(p))",
        "const { readdir: ls } = require('fs/promises'); probe(ls(p))",
        "const { promises: fs } = require('fs'); probe(fs.lstat(p))",
        "const { promises } = require('fs'); probe(promises.rm(p))",
        "const fs = require('fs'); probe(fs.promises.readdir(p))",
    ] {
        assert_eq!(cjs(code), Kind::Promise, "{code}");
    }
    for code in [
        "let fs = require('fs/promises'); fs = other; probe(fs.readFile(p))",
        "const fs = require('fs'); probe(fs.readFile(p, cb))",
        "let fs = require('fs'); fs = other; probe(fs.promises.readdir(p))",
        "function f(fs) { probe(fs.promises.readdir(p)) }",
        "const { constants } = require('fs/promises'); probe(constants)",
        "function f(require) { const fs = require('fs/promises'); probe(fs.readFile(p)) }",
        "const fs = require(name); probe(fs.readFile(p))",
        "const { readdir = g } = require('fs/promises'); probe(readdir(p))",
    ] {
        assert_eq!(cjs(code), Kind::Unknown, "{code}");
    }
}

#[test]
fn methods_on_known_receivers_only() {
    let cases: &[(&str, Kind)] = &[
        ("probe('a,b'.split(','))", Kind::Array { bounded: false }),
        ("probe(s.split(','))", Kind::Unknown),
        ("probe([1, 2].map(f))", Kind::Array { bounded: true }),
        ("probe([1, 2].concat(x))", Kind::Array { bounded: false }),
        ("const m = new Map(); probe(m.keys())", Kind::Iterator),
        ("probe(m.keys())", Kind::Unknown),
        ("probe('ab'.matchAll(/a/g))", Kind::Iterator),
        ("probe(fetch(u).then(r => r.json()))", Kind::Promise),
        ("probe(p.then(f))", Kind::Unknown),
        ("const m = new Map(); probe(m.set(1, 2))", Kind::Map),
        ("probe([1].length)", Kind::Number),
        ("probe(o?.keys())", Kind::Unknown),
        ("function* g() {} probe(g().map(f))", Kind::Iterator),
    ];
    for (code, want) in cases {
        assert_eq!(kind(code), *want, "{code}");
    }
}

#[test]
fn bindings() {
    let cases: &[(&str, Kind)] = &[
        ("const a = new Map(); probe(a)", Kind::Map),
        (
            "const a = new Map(); const b = a; const c = b; probe(c)",
            Kind::Map,
        ),
        ("let a = new Set(); probe(a)", Kind::Set),
        ("var a = 1; probe(a)", Kind::Number),
        ("let a = new Set(); a = []; probe(a)", Kind::Unknown),
        ("var a = 1; var a = 'x'; probe(a)", Kind::Unknown),
        ("let a; probe(a)", Kind::Unknown),
        ("const a = b; const b = a; probe(a)", Kind::Unknown),
        ("probe(a); var a = c; var c = a;", Kind::Unknown),
        ("for (const x of [1]) probe(x)", Kind::Unknown),
        (
            "function f(...args) { probe(args) }",
            Kind::Array { bounded: true },
        ),
        ("function f(x) { probe(x) }", Kind::Unknown),
        ("const { a, ...rest } = o; probe(rest)", OBJ),
        (
            "const [a, ...rest] = o; probe(rest)",
            Kind::Array { bounded: false },
        ),
        ("const { a } = { a: new Map() }; probe(a)", Kind::Unknown),
        ("function f() {} probe(f)", Kind::Function),
        ("class C {} probe(C)", Kind::Class),
        ("try {} catch (e) { probe(e) }", Kind::CaughtError),
        ("try {} catch (e) { e = 1; probe(e) }", Kind::Unknown),
        ("import x from 'x'; probe(x)", Kind::Unknown),
        ("const o = {}; o.a = 1; probe(o)", OBJ),
        (
            "const o = {}; o[Symbol.iterator] = g; probe(o)",
            Kind::Object {
                iterable: false,
                open: true,
            },
        ),
        ("probe(text.matchAll(/a/g))", Kind::Iterator),
        (
            "class B {} const b = new B(); b[Symbol.iterator] = g; probe(b)",
            Kind::Unknown,
        ),
        (
            "function f() {} f[Symbol.iterator] = g; probe(f)",
            Kind::Unknown,
        ),
        (
            "const f = () => 1; f[Symbol.iterator] = g; probe(f)",
            Kind::Unknown,
        ),
        ("probe(text.matchAll(re))", Kind::Unknown),
        ("fetch(u).catch(err => probe(err))", Kind::CaughtError),
        (
            "fetch(u).catch(function (err) { probe(err) })",
            Kind::CaughtError,
        ),
        ("p.catch(err => probe(err))", Kind::Unknown),
        ("fetch(u).then(err => probe(err))", Kind::Unknown),
        (
            "const xs = [1]; probe(xs[Symbol.iterator]())",
            Kind::Iterator,
        ),
        ("probe(xs[Symbol.iterator]())", Kind::Unknown),
    ];
    for (code, want) in cases {
        assert_eq!(kind(code), *want, "{code}");
    }
}

#[test]
fn deep_chains_terminate() {
    let mut code = String::from("const a0 = new Map();\n");
    for i in 1..200 {
        code.push_str(&format!("const a{i} = a{};\n", i - 1));
    }
    code.push_str("probe(a199)");
    assert_eq!(kind(&code), Kind::Unknown);
    let mut code = String::from("const a0 = new Map();\n");
    for i in 1..10 {
        code.push_str(&format!("const a{i} = a{};\n", i - 1));
    }
    code.push_str("probe(a9)");
    assert_eq!(kind(&code), Kind::Map);
}

#[test]
fn long_extends_chains_terminate() {
    let mut code = String::from("class C0 { get x() { return 1; } }\n");
    for i in 1..3000 {
        code.push_str(&format!("class C{i} extends C{} {{}}\n", i - 1));
    }
    code.push_str("probe(new C2999())");
    assert_eq!(kind(&code), Kind::Unknown);
    let mut code = String::from("class C0 { get x() { return 1; } }\n");
    for i in 1..5 {
        code.push_str(&format!("class C{i} extends C{} {{}}\n", i - 1));
    }
    code.push_str("probe(new C4())");
    assert!(matches!(kind(&code), Kind::Instance(_)));
}

#[test]
fn in_file_functions() {
    let cases: &[(&str, Kind)] = &[
        ("async function load() {} probe(load())", Kind::Promise),
        ("const load = async () => 1; probe(load())", Kind::Promise),
        ("function* gen() {} probe(gen())", Kind::Generator),
        (
            "async function* gen() {} probe(gen())",
            Kind::AsyncGenerator,
        ),
        ("function plain() {} probe(plain())", Kind::Unknown),
        (
            "async function load() {} async function f() { probe(await load()) }",
            Kind::Unknown,
        ),
        (
            "let load = async () => 1; load = g; probe(load())",
            Kind::Unknown,
        ),
        ("class A { async m() {} } probe(new A().m())", Kind::Unknown),
    ];
    for (code, want) in cases {
        assert_eq!(kind(code), *want, "{code}");
    }
    let (t, _) = probe("a.js", "async function load() {}\nprobe(load())");
    assert!(t.origin.unawaited);
    assert_eq!(t.origin.note, "returned by the async function `load`");
}

#[test]
fn this_fields() {
    let cases: &[(&str, Kind)] = &[
        (
            "class S { items: Map<string, number>; m() { probe(this.items) } }",
            Kind::Map,
        ),
        (
            "class S { readonly items = new Set(); m() { probe(this.items) } }",
            Kind::Set,
        ),
        (
            "class S { items = new Set(); m() { probe(this.items) } }",
            Kind::Set,
        ),
        (
            "class S { #items = new Set(); m() { probe(this.#items) } }",
            Kind::Set,
        ),
        (
            "class S { #items = new Set(); m() { this.#items = []; probe(this.#items) } }",
            Kind::Unknown,
        ),
        (
            "class S { #items = new Set(); m() { return () => probe(this.#items) } }",
            Kind::Set,
        ),
        (
            "class S { #items = new Set(); m() { return function () { probe(this.#items) } } }",
            Kind::Unknown,
        ),
        (
            "class S { #items = new Set(); static m() { probe(this.#items) } }",
            Kind::Unknown,
        ),
        (
            "class S { items: Map<string, number>; } function f() { probe(this.items) }",
            Kind::Unknown,
        ),
        (
            "class S { other = 1; m() { probe(this.items) } }",
            Kind::Unknown,
        ),
        // JS: known from every write in the class, when nothing else writes `.items`
        (
            "class S { constructor() { this.items = new Map(); } m() { probe(this.items) } }",
            Kind::Map,
        ),
        (
            "class S { items = new Map(); clear() { this.items = new Map(); } m() { probe(this.items) } }",
            Kind::Map,
        ),
        (
            "class S { constructor() { this.items = new Map(); } reset() { this.items = []; } m() { probe(this.items) } }",
            Kind::Unknown,
        ),
        (
            "class S { constructor() { this.items = new Map(); } m() { probe(this.items) } }\nconst s = new S(); s.items = {};",
            Kind::Unknown,
        ),
        (
            "class S { constructor(o) { this.items = new Map(); Object.assign(this, o); } m() { probe(this.items) } }",
            Kind::Unknown,
        ),
        (
            "class S { constructor() { this.items = new Map(); } m() { probe(this.items) } }\nS.prototype.r = function () { this.items = 1; };",
            Kind::Unknown,
        ),
        (
            "class S { constructor() { this.n = 0; } m() { this.n++; probe(this.n) } }",
            Kind::Unknown,
        ),
        (
            "class S { constructor() { this.items = new Map(); } m() { delete this.items; probe(this.items) } }",
            Kind::Unknown,
        ),
        (
            "class S { constructor() { this.items = new Set(); } m() { for (const x of this.items) {} probe(this.items) } }",
            Kind::Set,
        ),
        (
            "class S { constructor() { this.items = new Set(); } m() { [this.items] = f(); probe(this.items) } }",
            Kind::Unknown,
        ),
        ("class S { m() { probe(this.items) } }", Kind::Unknown),
        (
            "class S { fns = null; m() { probe(this.fns) } }",
            Kind::Unknown,
        ),
        (
            "class S { fns = null; add() { this.fns = new Set(); } m() { probe(this.fns) } }",
            Kind::Set,
        ),
        (
            "class S extends Base { constructor() { super(); this.items = new Map(); } m() { probe(this.items) } }",
            Kind::Unknown,
        ),
        (
            "class S { constructor() { this.a = this.a || new Map(); } m() { probe(this.a) } }",
            Kind::Unknown,
        ),
        // A constructor parameter property: typed by its annotation, else what was passed.
        (
            "class S { constructor(private items: Map<string, number>) {} m() { probe(this.items) } }",
            Kind::Map,
        ),
        (
            "class S { constructor(private items: Record<string, number> | Map<string, number>) {} reset() { this.items = new Map(); } m() { probe(this.items) } }",
            Kind::Unknown,
        ),
        (
            "class S { constructor(public readonly tags = []) {} clear() { this.tags = new Set(); } m() { probe(this.tags) } }",
            Kind::Unknown,
        ),
        (
            "class S { constructor(items: unknown) { this.items = new Map(); } m() { probe(this.items) } }",
            Kind::Map,
        ),
        // A field of an object type, narrowed by a test of the field on the way to the read.
        (
            "class S { data: Record<string, unknown> = {}; m() { if (Array.isArray(this.data)) probe(this.data) } }",
            Kind::Unknown,
        ),
        (
            "class S { #o: { a: number } = { a: 1 }; m() { return typeof this.#o === 'string' ? probe(this.#o) : 0 } }",
            Kind::Unknown,
        ),
        (
            "class S { data: Record<string, unknown> = {}; m(ok: boolean) { if (ok || Array.isArray(this.other)) probe(this.data) } }",
            OBJ,
        ),
        (
            "class S { #o: { a: number } = { a: 1 }; m() { if (Array.isArray(this.o)) probe(this.#o) } }",
            OBJ,
        ),
        (
            "class S { data: { length: number } = { length: 0 }; m() { assertList(this.data); probe(this.data) } }",
            Kind::Unknown,
        ),
        (
            "class S { items: Map<string, number>; m() { if (this.items.size) probe(this.items) } }",
            Kind::Map,
        ),
    ];
    for (code, want) in cases {
        assert_eq!(kind_ts(code), *want, "{code}");
    }
}

#[test]
fn classes() {
    let (t, _) = probe("a.js", "class S { get x() { return 1 } }\nprobe(new S())");
    assert!(matches!(t.kind, Kind::Instance(_)));
    assert_eq!(t.origin.note, "created at line 2");
    assert_eq!(kind("class E extends Error {} probe(new E())"), Kind::Error);
    assert_eq!(
        kind("class E extends Error {} class F extends E {} probe(new F())"),
        Kind::Error
    );
    assert_eq!(
        kind("class C extends Base {} probe(new C())"),
        Kind::Unknown
    );
    assert!(kind("const C = class {}; probe(new C())").is_known());
    assert_eq!(
        kind("class A extends B {} class B extends A {} probe(new A())"),
        Kind::Unknown
    );
}

#[test]
fn branches() {
    assert_eq!(
        kind("probe(c ? [1] : [2, 3])"),
        Kind::Array { bounded: true }
    );
    assert_eq!(kind("probe(c ? [1] : {})"), Kind::Unknown);
    assert_eq!(probe("a.js", "probe(xs || {})").1, vec![Kind::Unknown, OBJ]);
    assert_eq!(
        probe("a.js", "probe(c ? new Map() : null)").1,
        vec![Kind::Map, Kind::Null]
    );
    assert_eq!(
        probe("a.js", "const o = x ?? {}; probe(o)").1,
        vec![Kind::Unknown, OBJ]
    );
    assert_eq!(
        probe("a.js", "probe(null || [])").1,
        vec![Kind::Array { bounded: true }]
    );
    assert_eq!(probe("a.js", "probe(a && b)").1, vec![Kind::Unknown]);
    // Through a binding, falsy placeholders are left out where a check of the binding or of
    // what its initializer tests may have ruled them out, or in another function.
    assert_eq!(
        probe("a.js", "const m = c ? new Map() : null; if (c) probe(m)").1,
        vec![Kind::Map]
    );
    assert_eq!(
        probe("a.js", "const m = c ? new Map() : null; m && probe(m)").1,
        vec![Kind::Map]
    );
    assert_eq!(
        probe("a.js", "const m = c ? new Map() : null; () => probe(m)").1,
        vec![Kind::Map]
    );
    assert_eq!(
        probe("a.js", "const m = c ? false : 0; if (m) probe(m)").1,
        vec![Kind::Unknown]
    );
    assert_eq!(
        probe("a.js", "const m = c ? new Map() : null; probe(m)").1,
        vec![Kind::Map, Kind::Null]
    );
    assert_eq!(
        probe("a.js", "const m = c ? false : 0; probe(m)").1,
        vec![Kind::Boolean, Kind::Number]
    );
    assert_eq!(
        probe("a.js", "probe(c ? new Map() : null)").1,
        vec![Kind::Map, Kind::Null]
    );
}

#[test]
fn annotations() {
    let cases: &[(&str, Kind)] = &[
        // A caught error asserted to be something else (`err as ApiError`) is what the
        // assertion says was thrown: not an error, unless the type is `any`, `unknown` or an
        // Error type. Other values keep their kind (an assertion does not change them).
        (
            "interface E { code: string } try {} catch (e) { const x = e as E; probe(x) }",
            Kind::Unknown,
        ),
        (
            "try {} catch (e) { probe(<{ code: string }>e) }",
            Kind::Unknown,
        ),
        ("try {} catch (e) { probe((e as any)!) }", Kind::CaughtError),
        (
            "try {} catch (e) { probe(e as TypeError) }",
            Kind::CaughtError,
        ),
        (
            "try {} catch (e) { probe(e as Error & { code: string }) }",
            Kind::CaughtError,
        ),
        (
            "probe(new Map() as unknown as Record<string, number>)",
            Kind::Map,
        ),
        ("function f(m: Map<string, number>) { probe(m) }", Kind::Map),
        // An ambient constant: its annotation is all there is.
        ("declare const m: Map<string, number>; probe(m)", Kind::Map),
        (
            "declare let m: Map<string, number>; probe(m)",
            Kind::Unknown,
        ),
        ("declare const m; probe(m)", Kind::Unknown),
        ("function f(m?: Set<string>) { probe(m) }", Kind::Set),
        (
            "function f(m: Set<string> | undefined) { probe(m) }",
            Kind::Set,
        ),
        ("function f(n: number) { probe(n) }", Kind::Number),
        ("function f(s: 'a' | 'b') { probe(s) }", Kind::String),
        (
            "function f(xs: string[]) { probe(xs) }",
            Kind::Array { bounded: false },
        ),
        (
            "function f(xs: readonly string[]) { probe(xs) }",
            Kind::Array { bounded: false },
        ),
        (
            "function f(xs: [number, string]) { probe(xs) }",
            Kind::Array { bounded: true },
        ),
        (
            "function f(xs: [...string[], number]) { probe(xs) }",
            Kind::Array { bounded: false },
        ),
        ("function f(o: { a: number }) { probe(o) }", OBJ),
        // `Readonly<T>` of an array or object type is that type; of anything else, nothing.
        (
            "function f(xs: Readonly<string[]>) { probe(xs) }",
            Kind::Array { bounded: false },
        ),
        (
            "function f(xs: Readonly<[number, number]>) { probe(xs) }",
            Kind::Array { bounded: true },
        ),
        ("function f(o: Readonly<{ a: number }>) { probe(o) }", OBJ),
        (
            "function f(m: Readonly<Map<string, number>>) { probe(m) }",
            Kind::Unknown,
        ),
        ("function f<T>(o: Readonly<T>) { probe(o) }", Kind::Unknown),
        (
            "type Readonly<T> = T | number; function f(xs: Readonly<string[]>) { probe(xs) }",
            Kind::Unknown,
        ),
        ("function f(o: Record<string, number>) { probe(o) }", OBJ),
        ("function f(p: Promise<void>) { probe(p) }", Kind::Promise),
        (
            "function f({ tabs }: { tabs: Map<string, number> }) { probe(tabs) }",
            Kind::Map,
        ),
        // A defaulted property: the annotation types the default too.
        (
            "function f({ tabs = new Map() }: { tabs?: Map<string, number> }) { probe(tabs) }",
            Kind::Map,
        ),
        (
            "function f({ size: n = 10 }: { size?: number } = {}) { probe(n) }",
            Kind::Number,
        ),
        (
            "const { ids = [] }: { ids?: string[] } = props; probe(ids)",
            Kind::Array { bounded: false },
        ),
        // Without an annotation the default alone says nothing.
        (
            "function f({ tabs = new Map() }) { probe(tabs) }",
            Kind::Unknown,
        ),
        (
            "interface Map {} function f(m: Map) { probe(m) }",
            Kind::Unknown,
        ),
        (
            "import type { Foo } from 'x'; function f(m: Foo) { probe(m) }",
            Kind::Unknown,
        ),
        ("class C {} function f(c: C) { probe(c) }", Kind::Unknown),
        ("function f<T>(c: T) { probe(c) }", Kind::Unknown),
        ("function f(c: any) { probe(c) }", Kind::Unknown),
        (
            "function m(): Map<string, number> { return new Map(); } probe(m())",
            Kind::Map,
        ),
        (
            "const m = (): Promise<void> => p; probe(m())",
            Kind::Promise,
        ),
        (
            "function m(): Thing { return x; } probe(m())",
            Kind::Unknown,
        ),
        (
            "function m(x): x is string { return true; } probe(m(1))",
            Kind::Unknown,
        ),
        ("function f(c: object) { probe(c) }", Kind::Unknown),
        ("function f(c: {}) { probe(c) }", Kind::Unknown),
        ("let m: Map<string, number> = get(); probe(m)", Kind::Map),
        (
            "let m: Map<string, number> = new Map(); m = other(); probe(m)",
            Kind::Map,
        ),
        ("const { a }: { a: Date } = o; probe(a)", Kind::Date),
        (
            "const m: Map<string, number> = [] as any; probe(m)",
            Kind::Array { bounded: true },
        ),
        // A kind known only from a type yields to an asserted type: an object type fits arrays
        // too. `as any` and `as unknown` assert nothing; a kind known from the value stays.
        (
            "function f(v: { length: number }) { probe(v as unknown as Iterable<number>) }",
            Kind::Unknown,
        ),
        (
            "function f(v: Record<string, unknown>) { const xs = v as unknown as string[]; probe(xs) }",
            Kind::Array { bounded: false },
        ),
        (
            "function f(m: Map<string, number>) { probe(m as unknown as Foo) }",
            Kind::Unknown,
        ),
        (
            "function f(m: Map<string, number>) { probe(<any>m) }",
            Kind::Map,
        ),
        (
            "function cfg(): Record<string, number> { return {}; } probe(cfg() as unknown as number[])",
            Kind::Array { bounded: false },
        ),
        ("probe({} as unknown as string[])", OBJ),
        // An object type narrowed by a test of the binding (`Array.isArray(v)`, a type guard)
        // on the way to the use: it may be an array or a string there.
        (
            "function f(v: Record<string, unknown>) { if (Array.isArray(v)) probe(v) }",
            Kind::Unknown,
        ),
        (
            "function f(v: { length: number }) { if (!isList(v)) return; probe(v) }",
            Kind::Unknown,
        ),
        (
            "function f({ o }: { o: { a: number } }) { return typeof o === 'string' ? probe(o) : o }",
            Kind::Unknown,
        ),
        (
            "function f(v: { length: number }) { if (ok(w)) probe(v) }",
            OBJ,
        ),
        // An assertion function handed the value before the use narrows it too.
        (
            "function f(v: Record<string, unknown>) { assertList(v); probe(v) }",
            Kind::Unknown,
        ),
        (
            "function f(v: Record<string, unknown>) { assertList(w); probe(v) }",
            OBJ,
        ),
        // An async-iterable object type, or a computed key that may be `Symbol.iterator`:
        // whether it is iterable is not known (as for an object literal).
        (
            "function f(s: { [Symbol.asyncIterator](): AsyncIterator<number> }) { probe(s) }",
            Kind::Object {
                iterable: false,
                open: true,
            },
        ),
        (
            "function f(s: { [ITER]: () => Iterator<number> }) { probe(s) }",
            Kind::Object {
                iterable: false,
                open: true,
            },
        ),
        (
            "function f(s: { ['a']: number; [Symbol.iterator](): Iterator<number> }) { probe(s) }",
            Kind::Object {
                iterable: true,
                open: false,
            },
        ),
        // A builtin's type is not widened by a test.
        (
            "function f(m: Map<string, number>) { if (m.size > 0) probe(m) }",
            Kind::Map,
        ),
    ];
    for (code, want) in cases {
        assert_eq!(kind_ts(code), *want, "{code}");
    }
    let (t, _) = probe(
        "a.ts",
        "function f(\n  m: Map<string, number>,\n) { probe(m) }",
    );
    assert_eq!(t.origin.note, "annotated `Map<string, number>` at line 2");
}

#[test]
fn origins() {
    let (t, _) = probe("a.js", "\n\nconst settings = new Map();\nprobe(settings)");
    assert_eq!(t.origin.note, "created at line 3");
    assert_eq!(t.origin.label, "the Map created here");
    let (t, _) = probe("a.js", "function f(...xs) { probe(xs) }");
    assert_eq!(t.origin.note, "the rest parameter at line 1");
}

#[test]
fn binding_initializers() {
    let allocator = Allocator::default();
    let code = "const d = ({ a: 1 }); let e = [1]; e = []; function f(p) { return [d, e, p]; }";
    let ret = Parser::new(&allocator, code, SourceType::mjs()).parse();
    let program = allocator.alloc(ret.program);
    let sem = SemanticBuilder::new().with_build_nodes(true).build(program);
    let line_index = LazyLineIndex::new(code);
    let kinds = Kinds::new(&sem.semantic, code, &line_index);
    let mut seen = Vec::new();
    for node in sem.semantic.nodes().iter() {
        if let AstKind::IdentifierReference(id) = node.kind() {
            seen.push((
                id.name.to_string(),
                kinds
                    .binding_init(id)
                    .map(|e| kinds.text(e.span()).to_string()),
            ));
        }
    }
    assert_eq!(
        seen,
        vec![
            ("e".to_string(), None),
            ("d".to_string(), Some("{ a: 1 }".to_string())),
            ("e".to_string(), None),
            ("p".to_string(), None),
        ]
    );
}

/// `Kinds` must stay covariant in `'a` (rules pass `&Expression<'_>` of shorter lifetimes):
/// no arena reference may sit inside a `RefCell`.
#[allow(dead_code)]
fn kinds_is_covariant<'long: 'short, 'short, 'c>(k: &'c Kinds<'long, 'c>) -> &'c Kinds<'short, 'c> {
    k
}
