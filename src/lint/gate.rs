//! The gate: one cheap pass over a file's AST, before any semantic model, that decides
//! whether the rules need that model at all.
//!
//! Building oxc's semantic model (scopes, symbols, references, the node store) costs more
//! than parsing, and most files give the rules nothing to report. Each rule names its
//! [`GateSpec`]: the syntactic shape of the places where it can fire, and for the rules that
//! judge a value by its kind, which kinds matter. The pass collects those places and, for
//! values, asks a name-based over-approximation of the value-kind inference
//! ([`crate::kinds`]): "could the inference know this value, and as which kinds?". It is
//! built to answer *yes* whenever the inference could: a name read in a function may be any
//! binding of that name in the function or in the functions around it (block scopes are
//! ignored; only a parameter or a `var`, visible in the whole function, hides the names
//! outside), and the conditions under which the inference gives up (reassignment,
//! redeclaration, depth) are ignored. Shapes that need no value are matched as the rule
//! matches them (`acc = [...acc, x]`, a spread of a `reduce` callback's accumulator inside
//! it, `{...(x || {})}`). A file where no place can fire skips the semantic model; elsewhere
//! only the rules with a place that can fire run. When a statement makes the model certain
//! (a shape that needs no value), the walk stops there: the rest of the file is not looked
//! at, so every rule asked about runs and the model's syntax checks are on.
//!
//! The same pass finds the early errors the semantic model's syntax checks report about
//! rest and spread (a `"use strict"` body with a rest parameter, duplicate parameter names,
//! strict-mode reserved words such as `[...yield] = x`): a file with one of those gets the
//! model's syntax checks even when no rule needs the model.
//!
//! Soundness is tested, not assumed: every rule test runs through the gate, `tests/docs.rs`
//! and the tests below compare gated and ungated runs, and `scripts/gate-check.sh` (run by
//! `tests/run.sh` on the small corpus) must find the same on a corpus with the gate on and
//! off (`RESTLINT_GATE=off`).

use std::borrow::Cow;
use std::cell::RefCell;

use oxc_ast::ast::*;
use oxc_ast_visit::Visit;
use oxc_ast_visit::walk;
use oxc_span::GetSpan;
use oxc_syntax::scope::ScopeFlags;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::kinds::{Kind, builtins, readonly_argument, strip_parens, type_assertion};
// The rules' own readings of syntax, so that the gate and the rules cannot drift apart.
use crate::rules::object_assign_mutates_target::{is_prototype_member, rooted_in_name};
use crate::rules::shallow_copy_mutation::{ASSIGN_HELPERS, helper_name};
use crate::rules::spread_overrides_property::static_key;
use crate::rules::useless_spread::{is_empty_object, without_parens};

/// Kind classes, as bits: what the value-kind inference could say of a value.
pub mod bits {
    /// Arrays and strings (iterable, with indices).
    pub const ARR: u8 = 1;
    /// Other iterables that stay iterable: Map, Set, typed arrays, iterable objects.
    pub const COLL: u8 = 2;
    /// One-shot iterators: generator objects, built-in iterators.
    pub const ONESHOT: u8 = 4;
    /// Plain (non-iterable) object literals.
    pub const PLAIN: u8 = 8;
    /// Every other known kind: numbers, functions, Promises, instances, ….
    pub const OTHER: u8 = 16;
    /// `null` and `undefined`.
    pub const NULL: u8 = 32;
    pub const ALL: u8 = ARR | COLL | ONESHOT | PLAIN | OTHER | NULL;
}
use bits::*;

/// What a rule needs before the semantic model is worth building for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GateSpec {
    /// Always build the model when the rule's needles match (a rule without a gate).
    Always,
    /// The rule reads only the parser's errors.
    Syntax,
    SpreadNonIterable,
    ObjectSpreadLosesData,
    ObjectSpreadIndexed,
    IteratorReuse,
    ShallowCopyMutation,
    SpreadOverridesProperty,
    ObjectAssignMutatesTarget,
    SpreadArgsOverflow {
        push: bool,
        unshift: bool,
        splice: bool,
        /// Values of unknown kind are judged too: every watched call with a spread counts.
        unknown: bool,
    },
    AccumulatingSpread,
    UselessSpread,
    PreferRestParams,
    PreferSpread,
    PreferObjectSpread,
}

/// What the gate found for one file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Verdict {
    /// The rules that may fire (bits of [`GateSpec::bit`]): build the semantic model with its
    /// node store and run those.
    pub live: u16,
    /// The file has a construct whose early errors only the semantic model's checks report.
    pub syntax: bool,
}

/// One bit per gated rule, for [`Verdict::live`].
pub mod rule {
    pub const SNI: u16 = 1 << 0;
    pub const OSLD: u16 = 1 << 1;
    pub const OSI: u16 = 1 << 2;
    pub const IR: u16 = 1 << 3;
    pub const SCM: u16 = 1 << 4;
    pub const SOP: u16 = 1 << 5;
    pub const OAMT: u16 = 1 << 6;
    pub const SAO: u16 = 1 << 7;
    pub const ACC: u16 = 1 << 8;
    pub const US: u16 = 1 << 9;
    pub const PRP: u16 = 1 << 10;
    pub const PS: u16 = 1 << 11;
    pub const POS: u16 = 1 << 12;
    pub const ALWAYS: u16 = 1 << 13;
}
use rule::*;

impl GateSpec {
    /// The rule's bit in [`Verdict::live`] (`0` for syntax rules, which need no model).
    pub fn bit(self) -> u16 {
        match self {
            GateSpec::Always => ALWAYS,
            GateSpec::Syntax => 0,
            GateSpec::SpreadNonIterable => SNI,
            GateSpec::ObjectSpreadLosesData => OSLD,
            GateSpec::ObjectSpreadIndexed => OSI,
            GateSpec::IteratorReuse => IR,
            GateSpec::ShallowCopyMutation => SCM,
            GateSpec::SpreadOverridesProperty => SOP,
            GateSpec::ObjectAssignMutatesTarget => OAMT,
            GateSpec::SpreadArgsOverflow { .. } => SAO,
            GateSpec::AccumulatingSpread => ACC,
            GateSpec::UselessSpread => US,
            GateSpec::PreferRestParams => PRP,
            GateSpec::PreferSpread => PS,
            GateSpec::PreferObjectSpread => POS,
        }
    }
}

/// Kinds that make each rule fire.
const SNI_MASK: u8 = PLAIN | OTHER | NULL;
/// `new Map(x)` and kin accept `null` and `undefined`; `Array.from(x)` rejects only those.
const SNI_CONSTRUCTOR_MASK: u8 = PLAIN | OTHER;
const SNI_ARRAY_FROM_MASK: u8 = NULL;
const OSLD_MASK: u8 = COLL | ONESHOT | OTHER;
const OSI_MASK: u8 = ARR;
const SAO_MASK: u8 = ARR | COLL;

/// How a name may get its kind.
#[derive(Clone, Copy)]
enum Src<'a> {
    Bits(u8),
    /// A value, with the function it is written in (where its names are looked up).
    Init(&'a Expression<'a>, u32),
    /// An element of the array a value is (a `for…of` binding, an element callback's first
    /// parameter), with the function the value is written in.
    Elements(&'a Expression<'a>, u32),
    /// A property of an object literal bound to a name (`const { tags } = cfg`): the object's
    /// name and the key (see `Gate::object_members`).
    Member(&'a str, &'a str),
}

/// How a call of a name may get its kind.
#[derive(Clone, Copy)]
enum CallSrc<'a> {
    Bits(u8),
    Alias(&'a str),
}

/// Recursion budget of the evaluation; past it, everything is possible.
const MAX_EVAL_DEPTH: u32 = 100;

/// Steps up function chains, for all the lookups of one file (see `Gate::step`).
const MAX_LOOKUP_STEPS: u64 = 20_000_000;

thread_local! {
    /// What each top-level type alias of the file being gated may be, by name (see
    /// `type_aliases`; read by `type_bits`).
    static ALIAS_BITS: RefCell<FxHashMap<String, u8>> = RefCell::default();
}

/// The type aliases declared at the top level of the program (also exported), by name: the
/// inference follows `type Props = { … }` (see `Kinds::alias_type`).
fn type_aliases<'a>(program: &'a Program<'a>) -> FxHashMap<&'a str, &'a TSType<'a>> {
    let mut out = FxHashMap::default();
    for st in &program.body {
        let alias = match st {
            Statement::TSTypeAliasDeclaration(a) => a,
            Statement::ExportDeclaration(e) => match &e.declaration {
                Declaration::TSTypeAliasDeclaration(a) => a,
                _ => continue,
            },
            _ => continue,
        };
        out.insert(alias.id.name.as_str(), &alias.type_annotation);
    }
    out
}

/// Fills `ALIAS_BITS` for this file: every alias first may be anything, then each gets the
/// bits of its type (a reference to another alias keeps that one's `ALL`: over, never under).
fn set_alias_bits(aliases: &FxHashMap<&str, &TSType<'_>>) {
    ALIAS_BITS.with(|m| {
        let mut m = m.borrow_mut();
        if !m.is_empty() {
            m.clear();
        }
        for name in aliases.keys() {
            m.insert((*name).to_string(), ALL);
        }
    });
    if aliases.is_empty() {
        return;
    }
    let refined: Vec<(String, u8)> = aliases
        .iter()
        .map(|(name, ty)| ((*name).to_string(), type_bits(ty, 0)))
        .collect();
    ALIAS_BITS.with(|m| m.borrow_mut().extend(refined));
}

fn alias_bits(name: &str) -> u8 {
    ALIAS_BITS.with(|m| m.borrow().get(name).copied().unwrap_or(0))
}

/// Decides for one parsed file; `specs` are the gates of the rules the needles let through.
pub fn decide<'a>(program: &'a Program<'a>, text: &'a str, specs: &[GateSpec]) -> Verdict {
    let aliases = type_aliases(program);
    set_alias_bits(&aliases);
    let mut wanted = 0u16;
    // `spread-args-overflow`'s options: push, unshift, splice, unknown.
    let mut sao = None;
    for spec in specs {
        wanted |= spec.bit();
        if let GateSpec::SpreadArgsOverflow {
            push,
            unshift,
            splice,
            unknown,
        } = *spec
        {
            let (p, u, s, k) = sao.unwrap_or_default();
            sao = Some((p | push, u | unshift, s | splice, k | unknown));
        }
    }
    let mut g = Gate {
        text,
        sao,
        discarded: Span::default(),
        names: FxHashMap::with_capacity_and_hasher(text.len() / 256, Default::default()),
        name_srcs: Vec::new(),
        calls: FxHashMap::default(),
        call_srcs: Vec::new(),
        scratch: Vec::new(),
        catch_callbacks: Vec::new(),
        shadows: FxHashSet::default(),
        object_inits: FxHashSet::default(),
        this_fields: FxHashMap::default(),
        private_fields: FxHashMap::default(),
        has_class: false,
        pending: Vec::new(),
        pending_object_names: Vec::new(),
        reduce_callbacks: Vec::new(),
        element_callbacks: Vec::new(),
        reduce_params: Vec::new(),
        fn_reduce: Vec::new(),
        named_reduced: FxHashSet::default(),
        named_grows: Vec::new(),
        named_plain: Vec::new(),
        oamt_names: Vec::new(),
        imported: FxHashSet::default(),
        promise_modules: FxHashMap::default(),
        promises_of: FxHashMap::default(),
        object_methods: FxHashMap::default(),
        object_members: FxHashMap::default(),
        typed_members: FxHashMap::default(),
        aliases,
        scm_copies: FxHashMap::default(),
        scm_deep: Vec::new(),
        scm_shallow: Vec::new(),
        scm_aliases: Vec::new(),
        fn_stack: vec![0],
        fn_parent: vec![0],
        live: wanted & ALWAYS,
        wanted,
        syntax: false,
        name_tab: RefCell::default(),
        call_tab: RefCell::default(),
        field_tab: RefCell::default(),
        member_tab: RefCell::default(),
        steps: std::cell::Cell::new(0),
        stopped: false,
        acc_plain: false,
        key_write: false,
    };
    g.visit_program(program);
    if g.stopped {
        // Part of the file was not looked at: anything may be in it.
        return Verdict {
            live: wanted,
            syntax: true,
        };
    }
    g.resolve();
    // `accumulating-spread`: a function declared under a name and passed by that name to a
    // `reduce` (`function merge(acc, x) { return { ...acc, [x.id]: x }; }`, then
    // `xs.reduce(merge, {})`; the name may be passed before or after the declaration).
    if g.named_grows.iter().any(|f| g.named_reduced.contains(f)) {
        g.live |= wanted & ACC;
    }
    if g.named_plain.iter().any(|f| g.named_reduced.contains(f)) {
        g.acc_plain = true;
    }
    if g.acc_plain && g.key_write {
        g.live |= wanted & ACC;
    }
    Verdict {
        live: g.live,
        syntax: g.syntax,
    }
}

struct Gate<'a> {
    text: &'a str,
    /// `spread-args-overflow`'s options (push, unshift, splice, unknown), when it is on.
    sao: Option<(bool, bool, bool, bool)>,
    /// The expression of the innermost expression statement (its value is thrown away).
    discarded: Span,
    /// Every binding of a name in the file, by name.
    /// (Each map gives the head of a list in the `…_srcs` vector: entry `i + 1`, each
    /// entry with the next one's, `0` ending the list; no allocation per name.)
    names: FxHashMap<(&'a str, u32), u32>,
    name_srcs: Vec<(Src<'a>, u32)>,
    /// Scratch space for parameter names.
    scratch: Vec<&'a str>,
    /// Where the `.catch(fn)` callbacks about to be entered start.
    catch_callbacks: Vec<u32>,
    /// (name, function): a parameter or `var` of that function, which hides every binding of
    /// the name in the functions around it.
    shadows: FxHashSet<(&'a str, u32)>,
    /// Functions by name: what calling them may return.
    calls: FxHashMap<(&'a str, u32), u32>,
    call_srcs: Vec<(CallSrc<'a>, u32)>,
    /// Names bound to an object literal (or `Object.freeze` of one).
    object_inits: FxHashSet<&'a str>,
    /// Class fields and values written as `this.name = …`, by name (`#private` apart).
    this_fields: FxHashMap<&'a str, Vec<Src<'a>>>,
    private_fields: FxHashMap<&'a str, Vec<Src<'a>>>,
    has_class: bool,
    /// Values whose kinds decide whether a rule fires: (rule, value, kinds that fire). A
    /// value is an expression or the elements of one, with the function it is written in.
    pending: Vec<(u16, Src<'a>, u8)>,
    /// `spread-overrides-property`: spread names that override an earlier key if bound to an
    /// object literal.
    pending_object_names: Vec<&'a str>,
    /// `object-assign-mutates-target`: names written into by a used `Object.assign`; names
    /// bound to an import or a `require(…)`.
    oamt_names: Vec<(&'a str, u32)>,
    imported: FxHashSet<&'a str>,
    /// Names bound by an import of one of Node's promise modules (`import fs from
    /// "node:fs/promises"`, `import { promises as fs } from "fs"`), with the module's
    /// Promise-returning functions: `fs.readFile(…)` is a Promise.
    /// (A name bound to several modules in different scopes keeps them all.)
    promise_modules: FxHashMap<&'a str, Vec<&'static [&'static str]>>,
    /// The same for a module's `promises` export reached through the whole module (`import
    /// fs from "fs"`, `const fs = require("fs")`): `fs.promises.readFile(…)` is a Promise.
    promises_of: FxHashMap<&'a str, Vec<&'static [&'static str]>>,
    /// (object, method) → what a call of an object literal's function property may return
    /// (`const api = { async load() {} }`; see `Kinds::object_method`), by name.
    object_methods: FxHashMap<(&'a str, &'a str), u8>,
    /// (object, property) → the values of an object literal's properties, with the function
    /// each is written in (`const cfg = { tags: new Set() }`; see `Kinds::literal_property`),
    /// by name.
    object_members: FxHashMap<(&'a str, &'a str), Vec<(&'a Expression<'a>, u32)>>,
    /// (binding, property) → what the property of a binding annotated with an object type
    /// literal may be (`p: { tabs: Map<K, V> }`; see `Kinds::annotated_member`), by name.
    typed_members: FxHashMap<(&'a str, &'a str), u8>,
    /// The file's top-level type aliases (see `type_aliases`).
    aliases: FxHashMap<&'a str, &'a TSType<'a>>,
    /// `accumulating-spread`: the `reduce` callbacks about to be entered (where each starts,
    /// its first parameter, and for a function declared under a name, that name), the first
    /// parameters of the callbacks around the node being entered (with the name), and for each
    /// function on `fn_stack` whether it is one of those callbacks.
    reduce_callbacks: Vec<(u32, &'a str, Option<&'a str>)>,
    /// Element callbacks about to be entered (`xs.map(p => …)`): where each starts, the
    /// array, and the function the call is in.
    element_callbacks: Vec<(u32, &'a Expression<'a>, u32)>,
    reduce_params: Vec<(&'a str, Option<&'a str>)>,
    fn_reduce: Vec<bool>,
    /// `accumulating-spread`: the names passed as the callback of a `reduce`
    /// (`xs.reduce(merge, {})`); the names of the functions declared under a name whose
    /// accumulator is spread into a literal that grows, or into an object literal of fixed
    /// keys (see `acc_plain`). Matched by name after the pass.
    named_reduced: FxHashSet<&'a str>,
    named_grows: Vec<&'a str>,
    named_plain: Vec<&'a str>,
    /// `shallow-copy-mutation`: bindings of shallow copies; names under which something two
    /// levels down (or, through an alias, one level down) is written; aliases of a level
    /// (`const items = copy.items`).
    /// Each is kept with the function it is in (see `fn_stack`): a reference can only
    /// reach a binding of its own function or of an enclosing one.
    scm_copies: FxHashMap<&'a str, Vec<u32>>,
    scm_deep: Vec<(&'a str, u32)>,
    scm_shallow: Vec<(&'a str, u32)>,
    scm_aliases: Vec<(&'a str, u32, &'a str)>,
    /// The functions around the node being entered (0 is the file), and each function's
    /// enclosing one. Class static blocks and TypeScript namespace bodies count as functions: they
    /// are where a `var` in them lives.
    fn_stack: Vec<u32>,
    fn_parent: Vec<u32>,
    /// The rules that certainly need the model, and the rules asked about (once all are
    /// live, the pass stops looking).
    live: u16,
    wanted: u16,
    syntax: bool,
    /// What each name (by function), function (called) and field may hold, memoised.
    name_tab: RefCell<FxHashMap<(&'a str, u32), Memo>>,
    call_tab: RefCell<FxHashMap<(&'a str, u32), Memo>>,
    field_tab: RefCell<FxHashMap<(bool, &'a str), Memo>>,
    /// `member_bits`, memoised (a property read while its value is worked out may be anything).
    member_tab: RefCell<FxHashMap<(&'a str, &'a str), Memo>>,
    steps: std::cell::Cell<u64>,
    /// The walk stopped early because a rule certainly needs the model.
    stopped: bool,
    /// `accumulating-spread`: an accumulator copied into an object literal of fixed keys
    /// (`return { ...acc, total }` in a `reduce` callback, `acc = { ...acc }`), which the rule
    /// flags when the step also writes new keys into it; and whether the file has such a
    /// write anywhere (`x[k] = …`, `x[k]++`, `Object.assign(…)`).
    acc_plain: bool,
    key_write: bool,
}

#[derive(Clone, Copy)]
enum Memo {
    Busy,
    Done(u8),
}

/// The kind classes of a known kind.
pub fn kind_bits(kind: Kind) -> u8 {
    match kind {
        Kind::Unknown => 0,
        Kind::Array { .. } | Kind::String => ARR,
        // Only a closed, non-iterable object is judged (by `spread-non-iterable`); no rule
        // tells the other object kinds apart, so one class holds them all.
        Kind::Object { .. } => PLAIN,
        Kind::Map
        | Kind::Set
        | Kind::TypedArray
        | Kind::UrlSearchParams
        | Kind::Headers
        | Kind::FormData => COLL,
        Kind::Generator | Kind::Iterator => ONESHOT,
        Kind::AsyncGenerator => ONESHOT | OTHER,
        Kind::Instance(_) | Kind::Class => OTHER | COLL,
        Kind::Null | Kind::Undefined => NULL,
        _ => OTHER,
    }
}

/// For each kind class, the kinds of it that have built-in methods or properties (see
/// `kinds::builtins::method` and `property`).
const RECEIVERS: &[(u8, &[Kind])] = &[
    (
        ARR,
        &[
            Kind::Array { bounded: false },
            Kind::Array { bounded: true },
            Kind::String,
        ],
    ),
    (
        COLL,
        &[
            Kind::Map,
            Kind::Set,
            Kind::TypedArray,
            Kind::UrlSearchParams,
            Kind::Headers,
            Kind::FormData,
        ],
    ),
    (
        ONESHOT,
        &[Kind::Generator, Kind::Iterator, Kind::AsyncGenerator],
    ),
    (
        OTHER,
        &[
            Kind::Number,
            Kind::BigInt,
            Kind::Boolean,
            Kind::Symbol,
            Kind::RegExp,
            Kind::Function,
            Kind::WeakMap,
            Kind::WeakSet,
            Kind::Date,
            Kind::Error,
            Kind::Promise,
            Kind::Url,
            Kind::Response,
            Kind::Request,
            Kind::ArrayBuffer,
        ],
    ),
];

/// What `f` (a built-in method or property lookup) gives for any receiver in `receiver`.
fn through_builtin(receiver: u8, f: impl Fn(Kind) -> Option<Kind>) -> u8 {
    let mut out = 0;
    for (class, kinds) in RECEIVERS {
        if receiver & class != 0 {
            for k in *kinds {
                if let Some(r) = f(*k) {
                    out |= kind_bits(r);
                }
            }
        }
    }
    out
}

/// What a TypeScript annotation can make the inference say (see `kinds/annotation.rs`).
fn type_bits(ty: &TSType<'_>, depth: u32) -> u8 {
    if depth > 32 {
        return ALL;
    }
    match ty {
        TSType::TSStringKeyword(_) | TSType::TSTemplateLiteralType(_) => ARR,
        TSType::TSNumberKeyword(_)
        | TSType::TSBooleanKeyword(_)
        | TSType::TSBigIntKeyword(_)
        | TSType::TSSymbolKeyword(_)
        | TSType::TSFunctionType(_) => OTHER,
        TSType::TSLiteralType(l) => match &l.literal {
            TSLiteral::StringLiteral(_) | TSLiteral::TemplateLiteral(_) => ARR,
            _ => OTHER,
        },
        TSType::TSArrayType(_) | TSType::TSTupleType(_) => ARR,
        TSType::TSTypeOperatorType(op) => type_bits(&op.type_annotation, depth + 1),
        TSType::TSParenthesizedType(p) => type_bits(&p.type_annotation, depth + 1),
        TSType::TSTypeLiteral(lit) if lit.members.is_empty() => 0,
        TSType::TSTypeLiteral(_) => PLAIN | COLL,
        TSType::TSUnionType(u) => u.types.iter().fold(0, |b, t| b | type_bits(t, depth + 1)),
        TSType::TSTypeReference(r) => match &r.type_name {
            TSTypeName::IdentifierReference(id) if id.name == "Readonly" => {
                readonly_argument(r).map_or(0, |arg| type_bits(arg, depth + 1))
            }
            TSTypeName::IdentifierReference(id) => {
                let name = id.name.as_str();
                builtins::type_name(name).map_or(0, kind_bits) | alias_bits(name)
            }
            _ => 0,
        },
        _ => 0,
    }
}

fn annotation_bits(ann: Option<&TSTypeAnnotation<'_>>) -> u8 {
    ann.map_or(0, |a| type_bits(&a.type_annotation, 0))
}

/// What calling a function with this shape returns.
fn call_bits(is_async: bool, generator: bool, ret: Option<&TSTypeAnnotation<'_>>) -> u8 {
    match (is_async, generator) {
        (true, true) => ONESHOT | OTHER,
        (false, true) => ONESHOT,
        (true, false) => OTHER,
        (false, false) => annotation_bits(ret),
    }
}

/// The static name of a call's callee member (`x.name(…)`), and the member's object.
fn callee_member<'b, 'a>(callee: &'b Expression<'a>) -> Option<(&'b str, &'b Expression<'a>)> {
    let m = match callee.get_inner_expression() {
        // `(f?.apply)(…)`
        Expression::ChainExpression(c) => c.expression.as_member_expression()?,
        e => e.as_member_expression()?,
    };
    Some((m.static_property_name()?, m.object()))
}

/// The names a binding pattern binds, with how: `Whole` (`x`), object rest, array rest, or
/// inside a pattern.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    Whole,
    ObjectRest,
    ArrayRest,
    Inner,
}

fn each_binding<'a>(p: &'a BindingPattern<'a>, place: Place, f: &mut impl FnMut(&'a str, Place)) {
    match p {
        BindingPattern::BindingIdentifier(b) => f(b.name.as_str(), place),
        BindingPattern::ObjectPattern(o) => {
            for prop in &o.properties {
                each_binding(&prop.value, Place::Inner, f);
            }
            if let Some(rest) = &o.rest {
                let inner = match rest.argument {
                    BindingPattern::BindingIdentifier(_) => Place::ObjectRest,
                    _ => Place::Inner,
                };
                each_binding(&rest.argument, inner, f);
            }
        }
        BindingPattern::ArrayPattern(a) => {
            for e in a.elements.iter().flatten() {
                each_binding(e, Place::Inner, f);
            }
            if let Some(rest) = &a.rest {
                let inner = match rest.argument {
                    BindingPattern::BindingIdentifier(_) => Place::ArrayRest,
                    _ => Place::Inner,
                };
                each_binding(&rest.argument, inner, f);
            }
        }
        BindingPattern::AssignmentPattern(a) => each_binding(&a.left, place, f),
    }
}

/// A cheap first test for [`is_strict_word`] (identifiers are the most frequent nodes).
fn maybe_strict_word(name: &str) -> bool {
    name.len() >= 3
        && matches!(
            name.as_bytes()[0],
            b'y' | b'a' | b'l' | b's' | b'i' | b'p' | b'e'
        )
}

/// Words that are identifiers in sloppy code and reserved in strict code (or in generators
/// and async functions): only the semantic checks know which applies.
fn is_strict_word(name: &str) -> bool {
    matches!(
        name,
        "yield"
            | "await"
            | "let"
            | "static"
            | "implements"
            | "interface"
            | "package"
            | "private"
            | "protected"
            | "public"
            | "eval"
            | "arguments"
    )
}

impl<'a> Gate<'a> {
    /// Whether `rule` (a bit of [`rule`]) is asked about.
    fn wants(&self, rule: u16) -> bool {
        self.wanted & rule != 0
    }

    /// Records a binding of `name` in the current function.
    fn bind(&mut self, name: &'a str, src: Src<'a>) {
        let f = self.current_fn();
        let head = self.names.entry((name, f)).or_insert(0);
        self.name_srcs.push((src, *head));
        *head = u32::try_from(self.name_srcs.len()).unwrap_or(0);
    }

    fn bind_call(&mut self, name: &'a str, src: CallSrc<'a>) {
        let f = self.current_fn();
        let head = self.calls.entry((name, f)).or_insert(0);
        self.call_srcs.push((src, *head));
        *head = u32::try_from(self.call_srcs.len()).unwrap_or(0);
    }

    /// `const fs = require("fs/promises")` and its kin (see `Kinds::promise_require`): the
    /// names bound to a promise module or to one of its functions. By name: a `require` that
    /// is not the global one only makes more files live.
    fn bind_required(&mut self, pattern: &'a BindingPattern<'a>, init: &'a Expression<'a>) {
        let Some((source, export)) = crate::kinds::required_module(init, |_| true) else {
            return;
        };
        let module = match export {
            Some(e) => match builtins::module_export(source, e) {
                Some(m) => m,
                None => return,
            },
            None => source,
        };
        match pattern {
            BindingPattern::BindingIdentifier(b) => {
                self.bind_promise(b.name.as_str(), module, None)
            }
            BindingPattern::ObjectPattern(o) => {
                for p in &o.properties {
                    if let (Some(key), BindingPattern::BindingIdentifier(b)) =
                        (p.key.static_name(), &p.value)
                    {
                        self.bind_promise(b.name.as_str(), module, Some(&key));
                    }
                }
            }
            _ => {}
        }
    }

    /// A name bound to a promise module (`fs.readFile(…)` is a Promise) or to one of its
    /// functions (`readFile(…)` is): see `builtins::promise_binding`.
    fn bind_promise(&mut self, local: &'a str, module: &str, key: Option<&str>) {
        if key.is_none()
            && let Some(inner) = builtins::module_export(module, "promises")
            && let Some(builtins::PromiseBinding::Module { functions, .. }) =
                builtins::promise_binding(inner, None)
        {
            self.promises_of.entry(local).or_default().push(functions);
        }
        match builtins::promise_binding(module, key) {
            Some(builtins::PromiseBinding::Module { functions, .. }) => {
                self.promise_modules
                    .entry(local)
                    .or_default()
                    .push(functions);
            }
            Some(builtins::PromiseBinding::Function) => {
                self.bind_call(local, CallSrc::Bits(kind_bits(Kind::Promise)));
            }
            None => {}
        }
    }

    fn init(&self, e: &'a Expression<'a>) -> Src<'a> {
        Src::Init(e, self.current_fn())
    }

    /// `rule` fires if `expr` may be of a kind in `mask`.
    fn want(&mut self, rule: u16, expr: &'a Expression<'a>, mask: u8) {
        let src = self.init(expr);
        self.want_src(rule, src, mask);
    }

    /// `rule` fires if the value `src` stands for (an expression, or the elements of one)
    /// may be of a kind in `mask`.
    fn want_src(&mut self, rule: u16, src: Src<'a>, mask: u8) {
        if self.live & rule == 0 {
            self.pending.push((rule, src, mask));
        }
    }

    /// Records the bindings of a declaration's or parameter's pattern.
    fn bind_pattern(
        &mut self,
        pattern: &'a BindingPattern<'a>,
        init: Option<&'a Expression<'a>>,
        ann: Option<&'a TSTypeAnnotation<'a>>,
    ) {
        let ann_bits = match ann {
            // A property of an annotated pattern may be typed by a member of the annotation.
            Some(_) if !matches!(pattern, BindingPattern::BindingIdentifier(_)) => ALL,
            a => annotation_bits(a),
        };
        if let BindingPattern::BindingIdentifier(b) = pattern {
            let name = b.name.as_str();
            // `p: { tabs: Map<K, V> }`: `p.tabs` is typed by the member (see
            // `Kinds::annotated_member`).
            // `p: Props` for `type Props = { … }`, through aliases of aliases.
            let mut ty = ann.map(|a| strip_parens(&a.type_annotation));
            for _ in 0..=crate::kinds::MAX_DEPTH {
                let Some(TSType::TSTypeReference(r)) = ty else {
                    break;
                };
                ty = match &r.type_name {
                    TSTypeName::IdentifierReference(id) => {
                        self.aliases.get(id.name.as_str()).map(|t| strip_parens(t))
                    }
                    _ => None,
                };
            }
            if let Some(TSType::TSTypeLiteral(lit)) = ty {
                for member in &lit.members {
                    if let TSSignature::TSPropertySignature(p) = member
                        && !p.computed
                        && let Some(Cow::Borrowed(key)) = p.key.static_name()
                    {
                        *self.typed_members.entry((name, key)).or_insert(0) |=
                            annotation_bits(p.type_annotation.as_deref());
                    }
                }
            }
            if let Some(init) = init {
                let src = self.init(init);
                self.bind(name, src);
            }
            if ann_bits != 0 {
                self.bind(name, Src::Bits(ann_bits));
            }
            return;
        }
        let mut found: Vec<(&'a str, Place)> = Vec::new();
        each_binding(pattern, Place::Whole, &mut |n, p| found.push((n, p)));
        for (name, place) in found {
            let src = match place {
                Place::Whole => {
                    if let Some(init) = init {
                        let src = self.init(init);
                        self.bind(name, src);
                    }
                    Src::Bits(ann_bits)
                }
                Place::ObjectRest => Src::Bits(PLAIN | ann_bits),
                Place::ArrayRest => Src::Bits(ARR | ann_bits),
                Place::Inner => Src::Bits(ann_bits),
            };
            if !matches!(src, Src::Bits(0)) {
                self.bind(name, src);
            }
        }
    }

    fn enter_declarator(&mut self, d: &'a VariableDeclarator<'a>) {
        let init = d.init.as_ref();
        self.bind_pattern(&d.id, init, d.type_annotation.as_deref());
        // `const { tags } = cfg`: a property of the object literal `cfg` may be bound to.
        if let (BindingPattern::ObjectPattern(o), Some(Expression::Identifier(obj))) =
            (&d.id, init.map(Expression::get_inner_expression))
        {
            for p in &o.properties {
                let binding = match &p.value {
                    BindingPattern::AssignmentPattern(a) => &a.left,
                    b => b,
                };
                if let (BindingPattern::BindingIdentifier(b), Some(Cow::Borrowed(key)), false) =
                    (binding, p.key.static_name(), p.computed)
                {
                    self.bind(b.name.as_str(), Src::Member(obj.name.as_str(), key));
                }
            }
        }
        if let (BindingPattern::BindingIdentifier(id), Some(init)) = (&d.id, init) {
            let name = id.name.as_str();
            // `accumulating-spread`: `const merge = (acc, x) => …`, a `reduce` callback if
            // `merge` is passed to one (see `named_grows`).
            if self.wants(ACC)
                && let inner = init.get_inner_expression()
                && let Some(p) = first_param(inner)
            {
                self.reduce_callbacks
                    .push((inner.span().start, p, Some(name)));
            }
            match init.get_inner_expression() {
                Expression::FunctionExpression(f) => {
                    self.bind_call(
                        name,
                        CallSrc::Bits(call_bits(f.r#async, f.generator, f.return_type.as_deref())),
                    );
                }
                Expression::ArrowFunctionExpression(f) => {
                    self.bind_call(
                        name,
                        CallSrc::Bits(call_bits(f.r#async, false, f.return_type.as_deref())),
                    );
                }
                Expression::Identifier(other) => {
                    self.bind_call(name, CallSrc::Alias(other.name.as_str()));
                }
                Expression::ObjectExpression(o) => {
                    self.object_inits.insert(name);
                    let f = self.current_fn();
                    for p in &o.properties {
                        let ObjectPropertyKind::ObjectProperty(p) = p else {
                            continue;
                        };
                        let (Some(key), PropertyKind::Init) = (p.key.static_name(), p.kind) else {
                            continue;
                        };
                        if let Cow::Borrowed(key) = key {
                            self.object_members
                                .entry((name, key))
                                .or_default()
                                .push((&p.value, f));
                        }
                        let bits = match p.value.get_inner_expression() {
                            Expression::FunctionExpression(f) => {
                                call_bits(f.r#async, f.generator, None)
                            }
                            Expression::ArrowFunctionExpression(f) => {
                                call_bits(f.r#async, false, None)
                            }
                            _ => continue,
                        };
                        let Cow::Borrowed(key) = key else {
                            continue;
                        };
                        *self.object_methods.entry((name, key)).or_insert(0) |= bits;
                    }
                }
                Expression::CallExpression(c)
                    if callee_member(&c.callee).is_some_and(|(m, _)| m == "freeze") =>
                {
                    self.object_inits.insert(name);
                }
                Expression::CallExpression(c) if matches!(c.callee.get_inner_expression(), Expression::Identifier(r) if r.name == "require") =>
                {
                    self.imported.insert(name);
                }
                _ => {}
            }
        }
        if let Some(init) = init {
            self.bind_required(&d.id, init);
            // `const [a, b] = value`: an element of an array literal, or of an array.
            if let BindingPattern::ArrayPattern(a) = &d.id {
                let literal = match init.get_inner_expression() {
                    Expression::ArrayExpression(l) => Some(l),
                    _ => None,
                };
                let f = self.current_fn();
                for (i, e) in a.elements.iter().enumerate() {
                    let Some(BindingPattern::BindingIdentifier(b)) = e else {
                        continue;
                    };
                    let src = match literal {
                        Some(l) => match l.elements.get(..=i) {
                            Some(before)
                                if !before.iter().any(|e| {
                                    matches!(e, ArrayExpressionElement::SpreadElement(_))
                                }) =>
                            {
                                match before[i].as_expression() {
                                    Some(e) => Src::Init(e, f),
                                    None => continue,
                                }
                            }
                            _ => continue,
                        },
                        None => Src::Elements(init, f),
                    };
                    self.bind(b.name.as_str(), src);
                }
            }
        }
        // spread-non-iterable: `const [a] = value`.
        if self.wants(SNI)
            && let (BindingPattern::ArrayPattern(_), Some(init)) = (&d.id, init)
        {
            self.want(SNI, init, SNI_MASK);
        }
        // object-spread-loses-data: `const { a, ...rest } = value`.
        if self.wants(OSLD)
            && let (BindingPattern::ObjectPattern(o), Some(init)) = (&d.id, init)
            && o.rest.is_some()
        {
            self.want(OSLD, init, OSLD_MASK);
        }
        // shallow-copy-mutation: `const { user } = copy`, each binding is a level of the copy.
        if self.wants(SCM)
            && !matches!(d.id, BindingPattern::BindingIdentifier(_))
            && let Some(init) = init
            && let Some((root, _)) = root_depth(init)
        {
            self.scm_alias_pattern(&d.id, root);
        }
        if let BindingPattern::BindingIdentifier(_) = &d.id {
            // iterator-reuse: a binding of a one-shot iterator.
            if self.wants(IR) {
                let ann = d.type_annotation.as_deref();
                if ann.is_some_and(|a| self.mentions_generator(a))
                    || annotation_bits(ann) & ONESHOT != 0
                {
                    self.live |= IR;
                } else if let Some(init) = init
                    && matches!(
                        init.get_inner_expression(),
                        Expression::CallExpression(_)
                            | Expression::ConditionalExpression(_)
                            | Expression::LogicalExpression(_)
                    )
                {
                    self.want(IR, init, ONESHOT);
                }
            }
            // shallow-copy-mutation: a binding of a shallow copy.
            if self.wants(SCM)
                && let BindingPattern::BindingIdentifier(id) = &d.id
                && let Some(init) = init
            {
                if is_copy_form(init) {
                    let f = self.current_fn();
                    self.scm_copies.entry(id.name.as_str()).or_default().push(f);
                } else if let Some((root, depth)) = root_depth(init)
                    && depth >= 1
                {
                    let f = self.current_fn();
                    self.scm_aliases.push((id.name.as_str(), f, root));
                }
            }
        }
    }

    fn mentions_generator(&self, ann: &TSTypeAnnotation<'_>) -> bool {
        self.text
            .get(ann.span.start as usize..ann.span.end as usize)
            .is_some_and(|t| t.contains("Generator"))
    }

    /// Parameters: bindings, and the early errors about them.
    fn enter_params(&mut self, params: &'a FormalParameters<'a>, use_strict: bool) {
        let simple = params.rest.is_none()
            && params.items.iter().all(|p| {
                p.initializer.is_none() && matches!(p.pattern, BindingPattern::BindingIdentifier(_))
            });
        if !simple && use_strict {
            self.syntax = true;
        }
        let count = params.items.len() + usize::from(params.rest.is_some());
        if count > 1 && !self.syntax {
            let mut seen = std::mem::take(&mut self.scratch);
            seen.clear();
            let mut dup = false;
            // Linear for the usual few parameters, a set for generated thousands.
            let mut many: FxHashSet<&'a str> = FxHashSet::default();
            let mut add = |n: &'a str, _: Place| {
                if count > 32 {
                    dup |= !many.insert(n);
                } else {
                    dup |= seen.contains(&n);
                    seen.push(n);
                }
            };
            for p in &params.items {
                each_binding(&p.pattern, Place::Whole, &mut add);
            }
            if let Some(rest) = &params.rest {
                each_binding(&rest.rest.argument, Place::Whole, &mut add);
            }
            self.scratch = seen;
            if dup {
                self.syntax = true;
            }
        }
    }

    /// Marks the names a pattern binds as hiding, in the current function, every binding of
    /// the same names outside it (parameters and `var`s are visible in the whole function).
    fn shadow(&mut self, pattern: &'a BindingPattern<'a>) {
        let f = self.current_fn();
        if f == 0 {
            return;
        }
        if let BindingPattern::BindingIdentifier(b) = pattern {
            self.shadows.insert((b.name.as_str(), f));
            return;
        }
        let mut names = std::mem::take(&mut self.scratch);
        names.clear();
        each_binding(pattern, Place::Whole, &mut |n, _| names.push(n));
        for n in &names {
            self.shadows.insert((n, f));
        }
        self.scratch = names;
    }

    fn enter_parameter(&mut self, p: &'a FormalParameter<'a>) {
        self.shadow(&p.pattern);
        self.bind_pattern(&p.pattern, None, p.type_annotation.as_deref());
        if self.wants(IR)
            && p.type_annotation
                .as_ref()
                .is_some_and(|a| self.mentions_generator(a))
        {
            self.live |= IR;
        }
    }

    /// The spreads of an array literal.
    fn enter_array(&mut self, arr: &'a ArrayExpression<'a>) {
        for e in &arr.elements {
            let ArrayExpressionElement::SpreadElement(spread) = e else {
                continue;
            };
            let arg = &spread.argument;
            if self.wants(SNI) {
                self.want(SNI, arg, SNI_MASK);
            }
            if self.wants(US) {
                if matches!(without_parens(arg), Expression::ArrayExpression(_)) {
                    self.live |= US;
                } else if arr.elements.len() == 1
                    && let Expression::CallExpression(_) = without_parens(arg)
                {
                    // `[...xs.map(f)]`: a copy of a fresh array.
                    self.want(US, arg, ARR);
                }
            }
            if self.wants(ACC)
                && arr.elements.len() > 1
                && let Expression::Identifier(id) = arg.get_inner_expression()
            {
                self.accumulated(id.name.as_str());
            }
        }
    }

    /// `accumulating-spread`: `name` spread into a literal that grows. The rule fires when the
    /// literal is what a `reduce` callback whose first parameter is `name` returns (checked
    /// here: anywhere inside such a callback), or what `name = …` assigns (checked at the
    /// assignment, see [`respreads`]).
    /// A callback declared under a name counts once that name is passed to a `reduce` (see
    /// `named_grows`).
    fn accumulated(&mut self, name: &'a str) {
        for i in 0..self.reduce_params.len() {
            match self.reduce_params[i] {
                (param, None) if param == name => self.live |= ACC,
                (param, Some(f)) if param == name => self.named_grows.push(f),
                _ => {}
            }
        }
    }

    /// `accumulating-spread`: `name` spread into an object literal of fixed keys (`{ ...acc,
    /// total }`), which counts when the step also writes new keys (see `acc_plain`).
    fn accumulated_plain(&mut self, name: &'a str) {
        for i in 0..self.reduce_params.len() {
            match self.reduce_params[i] {
                (param, None) if param == name => self.acc_plain = true,
                (param, Some(f)) if param == name => self.named_plain.push(f),
                _ => {}
            }
        }
    }

    /// The spreads of call or `new` arguments.
    fn enter_arguments(&mut self, arguments: &'a [Argument<'a>]) {
        for a in arguments {
            let Argument::SpreadElement(spread) = a else {
                continue;
            };
            let arg = &spread.argument;
            if self.wants(SNI) {
                self.want(SNI, arg, SNI_MASK);
            }
            if self.wants(US) && matches!(without_parens(arg), Expression::ArrayExpression(_)) {
                self.live |= US;
            }
        }
    }

    /// The spreads of an object literal.
    fn enter_object_spreads(&mut self, o: &'a ObjectExpression<'a>) {
        // `accumulating-spread`: a spread into a literal that can gain keys (another spread or
        // a computed key), counted once for the literal.
        let mut spreads = 0usize;
        let mut computed = false;
        for p in &o.properties {
            match p {
                ObjectPropertyKind::SpreadProperty(_) => spreads += 1,
                ObjectPropertyKind::ObjectProperty(p) => computed |= p.computed,
            }
        }
        let grows = spreads > 1 || computed;
        for p in &o.properties {
            let ObjectPropertyKind::SpreadProperty(spread) = p else {
                continue;
            };
            let arg = &spread.argument;
            self.object_copy(arg);
            if self.wants(US) && useless_in_object(without_parens(arg)) {
                self.live |= US;
            }
            if self.wants(ACC)
                && let Expression::Identifier(id) = arg.get_inner_expression()
            {
                if grows {
                    self.accumulated(id.name.as_str());
                } else {
                    self.accumulated_plain(id.name.as_str());
                }
            }
        }
    }

    /// `useless-spread`: `[...x]` read whole by what it is handed to (`new Set([...x])`,
    /// `Array.from([...x])`, `yield* [...x]`, `for (… of [...x])`).
    fn consumed(&mut self, value: Option<&'a Expression<'a>>) {
        if self.wants(US)
            && let Some(Expression::ArrayExpression(a)) = value.map(without_parens)
            && a.elements.len() == 1
            && matches!(a.elements[0], ArrayExpressionElement::SpreadElement(_))
        {
            self.live |= US;
        }
    }

    /// A value copied into an object: `{ ...x }`, `<C {...x} />`, `Object.assign(t, x)`.
    fn object_copy(&mut self, value: &'a Expression<'a>) {
        if self.wants(OSLD) {
            self.want(OSLD, value, OSLD_MASK);
        }
        if self.wants(OSI) {
            self.want(OSI, value, OSI_MASK);
        }
    }

    fn current_fn(&self) -> u32 {
        self.fn_stack.last().copied().unwrap_or(0)
    }

    /// Whether function `outer` is `inner` or encloses it.
    fn encloses(&self, outer: u32, mut inner: u32) -> bool {
        loop {
            if inner == outer {
                return true;
            }
            if inner == 0 {
                return false;
            }
            inner = self.fn_parent[inner as usize];
        }
    }

    /// `shallow-copy-mutation`: a copy written two levels down, or through an alias one
    /// level down, where the write can see the copy. Gives up (yes) past a budget of checks.
    fn scm_reaches(&self) -> bool {
        if self.scm_copies.is_empty() {
            return false;
        }
        let mut budget = 200_000u32;
        let mut sees = |outer: u32, inner: u32| -> Option<bool> {
            budget = budget.checked_sub(1)?;
            Some(self.encloses(outer, inner))
        };
        for (name, w) in &self.scm_deep {
            if let Some(fs) = self.scm_copies.get(name) {
                for f in fs {
                    match sees(*f, *w) {
                        Some(false) => {}
                        _ => return true,
                    }
                }
            }
        }
        for (alias, a, root) in &self.scm_aliases {
            let Some(fs) = self.scm_copies.get(root) else {
                continue;
            };
            let mut aliased = false;
            for f in fs {
                match sees(*f, *a) {
                    Some(false) => {}
                    Some(true) => aliased = true,
                    None => return true,
                }
            }
            if !aliased {
                continue;
            }
            for (name, w) in &self.scm_shallow {
                if name == alias {
                    match sees(*a, *w) {
                        Some(false) => {}
                        _ => return true,
                    }
                }
            }
        }
        false
    }

    /// `shallow-copy-mutation`: the bindings of `pattern` (a destructuring, a `for…of` head, an
    /// element callback's parameter) as aliases of levels below `root`.
    fn scm_alias_pattern(&mut self, pattern: &'a BindingPattern<'a>, root: &'a str) {
        let f = self.current_fn();
        for b in pattern.get_binding_identifiers() {
            self.scm_aliases.push((b.name.as_str(), f, root));
        }
    }

    /// `shallow-copy-mutation`: a write `extra` levels below what `root` reaches.
    fn scm_write(&mut self, root: Option<(&'a str, u32)>, extra: u32) {
        if let Some((name, depth)) = root {
            let depth = depth + extra;
            let f = self.current_fn();
            if depth >= 2 {
                self.scm_deep.push((name, f));
            }
            if depth >= 1 {
                self.scm_shallow.push((name, f));
            }
        }
    }

    fn enter_call(&mut self, call: &'a CallExpression<'a>) {
        let Some((name, object)) = callee_member(&call.callee) else {
            return;
        };
        let first = call.arguments.first().and_then(Argument::as_expression);
        // `xs.map(p => …)`: `p` is an element of `xs` (bound when the callback is entered).
        if builtins::ELEMENT_CALLBACKS.contains(&name)
            && let Some(first) = first
            && let inner = without_parens(first)
            && (first_param(inner).is_some() || self.wants(SCM) && first_pattern(inner).is_some())
        {
            self.element_callbacks
                .push((inner.span().start, object, self.current_fn()));
        }
        if matches!(name, "from" | "all" | "allSettled" | "race" | "any")
            && matches!(object.get_inner_expression(), Expression::Identifier(_))
        {
            self.consumed(first);
        }
        if self.wants(SCM) {
            // `copy.items.push(x)`: the method is one level below its object.
            self.scm_write(root_depth(object), 1);
            // `Object.assign(copy.a, …)` writes into its target.
            if name == "assign"
                && let Some(first) = first
            {
                self.scm_write(root_depth(first), 1);
            }
        }
        match name {
            "all" | "allSettled" | "race" | "any" | "fromEntries" | "groupBy" | "from"
                if self.wants(SNI) =>
            {
                if let Some(first) = first {
                    let mask = if name == "from" {
                        SNI_ARRAY_FROM_MASK
                    } else {
                        SNI_MASK
                    };
                    self.want(SNI, first, mask);
                }
            }
            "assign" => {
                let is_object = matches!(object.get_inner_expression(), Expression::Identifier(o) if o.name == "Object");
                if is_object {
                    for arg in call.arguments.iter().skip(1) {
                        match arg {
                            // `Object.assign({}, ...parts)`: the elements are the sources.
                            Argument::SpreadElement(s) if self.wants(OSLD) => {
                                let src = Src::Elements(&s.argument, self.current_fn());
                                self.want_src(OSLD, src, OSLD_MASK);
                            }
                            _ => {
                                if let Some(e) = arg.as_expression() {
                                    self.object_copy(e);
                                }
                            }
                        }
                    }
                }
                if self.wants(POS) {
                    self.live |= POS;
                }
                if self.wants(OAMT)
                    && is_object
                    && call.arguments.len() >= 2
                    && let Some(first) = first
                    && call.span != self.discarded
                {
                    match first.get_inner_expression() {
                        // A module binding of plain objects, an import or a `require`.
                        Expression::Identifier(id) => {
                            let f = self.current_fn();
                            self.oamt_names.push((id.name.as_str(), f));
                        }
                        target => {
                            if let Some(m) = target.as_member_expression()
                                && !is_prototype_member(m)
                                && rooted_in_name(m)
                            {
                                self.live |= OAMT;
                            }
                        }
                    }
                }
            }
            "reduce" | "reduceRight" if self.wants(ACC) => {
                if let Some(first) = first
                    && let inner = without_parens(first)
                {
                    if let Expression::Identifier(id) = inner {
                        self.named_reduced.insert(id.name.as_str());
                    } else if let Some(p) = first_param(inner) {
                        self.reduce_callbacks.push((inner.span().start, p, None));
                    }
                }
            }
            "catch" => {
                // The first parameter of a `.catch(fn)` callback may be a caught error.
                // It is bound in the callback (entered next), where its name hides outer ones.
                if let Some(first) = first
                    && first_param(first).is_some()
                {
                    self.catch_callbacks.push(first.span().start);
                }
            }
            _ => {}
        }
        if self.wants(PS) && (name == "apply" || name == "call") {
            self.live |= PS;
        }
        if let Some((push, unshift, splice, unknown)) = self.sao {
            let watched = |n: &str| {
                matches!(n, "max" | "min" | "fromCharCode" | "fromCodePoint")
                    || (push && n == "push")
                    || (unshift && n == "unshift")
                    || (splice && n == "splice")
            };
            let inner_watched = || {
                object
                    .get_inner_expression()
                    .as_member_expression()
                    .and_then(|m| m.static_property_name())
                    .is_some_and(watched)
            };
            let mut values: Vec<&'a Expression<'a>> = Vec::new();
            if name == "apply" {
                if inner_watched()
                    && let Some(arr) = call.arguments.get(1).and_then(Argument::as_expression)
                {
                    values.push(arr);
                }
            } else if (name == "call" && inner_watched()) || watched(name) {
                for arg in &call.arguments {
                    if let Argument::SpreadElement(s) = arg {
                        values.push(&s.argument);
                    }
                }
            }
            for v in values {
                if unknown {
                    self.live |= SAO;
                } else {
                    self.want(SAO, v, SAO_MASK);
                }
            }
        }
    }

    fn enter_object(&mut self, obj: &'a ObjectExpression<'a>) {
        if !self.wants(SOP) || obj.properties.len() < 2 {
            return;
        }
        // The rule compares the first 64 spreads of a simple path (`a`, `this.b`, `a.b.c`).
        let mut paths: Vec<String> = Vec::new();
        let mut has_spread = false;
        for p in &obj.properties {
            if let ObjectPropertyKind::SpreadProperty(s) = p {
                has_spread = true;
                if paths.len() < 64
                    && let Some(path) = simple_path(&s.argument)
                {
                    if paths.contains(&path) {
                        self.live |= SOP;
                        return;
                    }
                    paths.push(path);
                }
            }
        }
        if !has_spread {
            return;
        }
        // A key set before something later that may set it again.
        let mut later_keys: FxHashSet<std::borrow::Cow<'a, str>> = FxHashSet::default();
        let mut later_spread_names: Vec<&'a str> = Vec::new();
        let mut later_literal = false;
        for p in obj.properties.iter().rev() {
            match p {
                ObjectPropertyKind::ObjectProperty(p) => {
                    if let Some(key) = static_key(&p.key, p.computed) {
                        if later_literal || later_keys.contains(&key) {
                            self.live |= SOP;
                            return;
                        }
                        if !later_spread_names.is_empty() {
                            self.pending_object_names.append(&mut later_spread_names);
                        }
                        later_keys.insert(key);
                    }
                }
                ObjectPropertyKind::SpreadProperty(s) => match s.argument.get_inner_expression() {
                    Expression::Identifier(id) => later_spread_names.push(id.name.as_str()),
                    Expression::ObjectExpression(_) | Expression::ConditionalExpression(_) => {
                        later_literal = true;
                    }
                    _ => {}
                },
            }
        }
    }

    /// `this.name = value` (`this.#name = value` when `private`).
    fn field_write(&mut self, private: bool, name: &'a str, value: &'a Expression<'a>) {
        let f = self.current_fn();
        let fields = if private {
            &mut self.private_fields
        } else {
            &mut self.this_fields
        };
        fields.entry(name).or_default().push(Src::Init(value, f));
    }

    fn enter_assignment(&mut self, a: &'a AssignmentExpression<'a>) {
        let on_this =
            |o: &Expression<'_>| matches!(o.get_inner_expression(), Expression::ThisExpression(_));
        match &a.left {
            AssignmentTarget::StaticMemberExpression(m) if on_this(&m.object) => {
                self.field_write(false, m.property.name.as_str(), &a.right);
            }
            AssignmentTarget::PrivateFieldExpression(m) if on_this(&m.object) => {
                self.field_write(true, m.field.name.as_str(), &a.right);
            }
            // `accumulating-spread`: `acc = [...acc, x]`.
            AssignmentTarget::AssignmentTargetIdentifier(id)
                if a.operator == AssignmentOperator::Assign
                    && self.wants(ACC)
                    && respreads(&a.right, id.name.as_str(), true) =>
            {
                if respreads(&a.right, id.name.as_str(), false) {
                    self.live |= ACC;
                } else {
                    self.acc_plain = true;
                }
            }
            AssignmentTarget::ArrayAssignmentTarget(_) if self.wants(SNI) => {
                self.want(SNI, &a.right, SNI_MASK);
            }
            AssignmentTarget::ObjectAssignmentTarget(o) if self.wants(OSLD) && o.rest.is_some() => {
                self.want(OSLD, &a.right, OSLD_MASK);
            }
            _ => {}
        }
    }

    // ---- evaluation ---------------------------------------------------------------------

    /// After the pass: which recorded places can make their rule fire.
    fn resolve(&mut self) {
        if self.live & SCM == 0 && self.wants(SCM) && self.scm_reaches() {
            self.live |= SCM;
        }
        if self.live & SOP == 0
            && self
                .pending_object_names
                .iter()
                .any(|n| self.object_inits.contains(n))
        {
            self.live |= SOP;
        }
        let open = |live: u16, bit: u16| live & bit == 0;
        let values = self.pending.iter().any(|p| open(self.live, p.0));
        let oamt = open(self.live, OAMT) && !self.oamt_names.is_empty();
        if !values && !oamt {
            return;
        }
        if oamt
            && self.oamt_names.iter().any(|(n, f)| {
                self.imported.contains(n) || self.name_bits(n, *f) & (PLAIN | COLL) != 0
            })
        {
            self.live |= OAMT;
        }
        for i in 0..self.pending.len() {
            let (rule, src, mask) = self.pending[i];
            if self.live & rule == 0 && self.src_bits(&src) & mask != 0 {
                self.live |= rule;
            }
        }
    }

    fn src_bits(&self, src: &Src<'a>) -> u8 {
        match *src {
            Src::Bits(b) => b,
            Src::Init(e, f) => self.expr_bits(e, 0, f),
            Src::Elements(e, f) => self.element_bits(e, f),
            Src::Member(obj, key) => {
                self.member_bits(obj, key)
                    | self.typed_members.get(&(obj, key)).copied().unwrap_or(0)
            }
        }
    }

    /// What an element of the array `e` may be, in function `ctx` (see
    /// `Kinds::element_of`): a Promise when `e` names a binding of `xs.map(f)` where `f` may
    /// be async.
    fn element_bits(&self, e: &'a Expression<'a>, ctx: u32) -> u8 {
        let id = match e.get_inner_expression() {
            Expression::Identifier(id) => id,
            Expression::CallExpression(_) => return self.async_map_bits(e, ctx),
            _ => return 0,
        };
        let name = id.name.as_str();
        let mut b = 0;
        let complete = self.scope_chain(name, ctx, |f| {
            if let Some(&head) = self.names.get(&(name, f)) {
                for src in entries(&self.name_srcs, head) {
                    if let Src::Init(init, g) = *src {
                        b |= self.async_map_bits(init, g);
                    }
                }
            }
        });
        if complete { b } else { ALL }
    }

    /// `xs.map(f)` with `f` an async function expression or a name whose calls may return a
    /// Promise: the Promise bits; anything else 0.
    fn async_map_bits(&self, init: &'a Expression<'a>, ctx: u32) -> u8 {
        let Expression::CallExpression(c) = init.get_inner_expression() else {
            return 0;
        };
        if !matches!(callee_member(&c.callee), Some(("map", _))) {
            return 0;
        }
        let promise = kind_bits(Kind::Promise);
        match c
            .arguments
            .first()
            .and_then(Argument::as_expression)
            .map(Expression::get_inner_expression)
        {
            Some(Expression::ArrowFunctionExpression(f)) if f.r#async => promise,
            Some(Expression::FunctionExpression(f)) if f.r#async => promise,
            Some(Expression::Identifier(f)) => self.name_call_bits(f.name.as_str(), ctx) & promise,
            _ => 0,
        }
    }

    /// Memoised evaluation of one entry of `tab`: a cycle (a name whose value reads the name
    /// again) gives everything, which is never less than the inference can say.
    fn memo<K: std::hash::Hash + Eq + Copy>(
        &self,
        tab: &RefCell<FxHashMap<K, Memo>>,
        key: K,
        compute: impl FnOnce() -> u8,
    ) -> u8 {
        match tab.borrow().get(&key) {
            Some(Memo::Done(b)) => return *b,
            Some(Memo::Busy) => return ALL,
            None => {}
        }
        tab.borrow_mut().insert(key, Memo::Busy);
        let b = compute();
        tab.borrow_mut().insert(key, Memo::Done(b));
        b
    }

    /// One more step up a chain of functions; past the budget (only a file with extremely
    /// deep functions and many reads gets there), every name may hold anything.
    fn step(&self) -> bool {
        let n = self.steps.get() + 1;
        self.steps.set(n);
        n > MAX_LOOKUP_STEPS
    }

    /// Calls `each` with every function where a binding of `name` read in function `ctx` may
    /// live: `ctx`, then the functions around it, up to the file or to the first one where a
    /// parameter or `var` of that name hides the outer ones. `false` when the step budget ran
    /// out on the way (then the name may hold anything).
    fn scope_chain(&self, name: &'a str, ctx: u32, mut each: impl FnMut(u32)) -> bool {
        let mut f = ctx;
        loop {
            each(f);
            if f == 0 || self.shadows.contains(&(name, f)) {
                return true;
            }
            if self.step() {
                return false;
            }
            f = self.fn_parent[f as usize];
        }
    }

    /// What `name`, read in function `ctx`, may hold: its bindings in `ctx` and in the
    /// functions around it (and the global value of `undefined`, `NaN`, `Infinity`).
    fn name_bits(&self, name: &'a str, ctx: u32) -> u8 {
        let mut b = match name {
            "undefined" => NULL,
            "NaN" | "Infinity" => OTHER,
            _ => 0,
        };
        let complete = self.scope_chain(name, ctx, |f| {
            if let Some(&head) = self.names.get(&(name, f)) {
                b |= self.memo(&self.name_tab, (name, f), || {
                    entries(&self.name_srcs, head).fold(0, |b, src| b | self.src_bits(src))
                });
            }
        });
        if complete { b } else { ALL }
    }

    /// What calling `name` (a function of the file), in function `ctx`, may return.
    fn name_call_bits(&self, name: &'a str, ctx: u32) -> u8 {
        let mut b = 0;
        let complete = self.scope_chain(name, ctx, |f| {
            if let Some(&head) = self.calls.get(&(name, f)) {
                b |= self.memo(&self.call_tab, (name, f), || {
                    entries(&self.call_srcs, head).fold(0, |b, src| {
                        b | match *src {
                            CallSrc::Bits(b) => b,
                            CallSrc::Alias(other) => self.name_call_bits(other, f),
                        }
                    })
                });
            }
        });
        if complete { b } else { ALL }
    }

    /// `this.name` in a class: its fields' annotations and initializers, and every value
    /// written to `this.name` in the file.
    fn field_bits(&self, private: bool, name: &'a str) -> u8 {
        if !self.has_class {
            return 0;
        }
        let fields = if private {
            &self.private_fields
        } else {
            &self.this_fields
        };
        let Some(srcs) = fields.get(name) else {
            return 0;
        };
        self.memo(&self.field_tab, (private, name), || {
            srcs.iter().fold(0, |b, s| b | self.src_bits(s))
        })
    }

    /// What the value-kind inference may say of `expr` (see `Kinds::infer`).
    fn expr_bits(&self, expr: &'a Expression<'a>, depth: u32, ctx: u32) -> u8 {
        if depth > MAX_EVAL_DEPTH {
            return ALL;
        }
        let d = depth + 1;
        // `v as unknown as T[]`: a kind known only from `v`'s type yields to the asserted one.
        let asserted = type_assertion(expr).map_or(0, |(ty, _)| type_bits(ty, 0));
        asserted | self.inner_expr_bits(expr, d, ctx)
    }

    fn inner_expr_bits(&self, expr: &'a Expression<'a>, d: u32, ctx: u32) -> u8 {
        match expr.get_inner_expression() {
            Expression::ObjectExpression(_) => PLAIN,
            Expression::ArrayExpression(_)
            | Expression::StringLiteral(_)
            | Expression::TemplateLiteral(_) => ARR,
            Expression::NullLiteral(_) => NULL,
            Expression::NumericLiteral(_)
            | Expression::BigIntLiteral(_)
            | Expression::BooleanLiteral(_)
            | Expression::RegExpLiteral(_)
            | Expression::FunctionExpression(_)
            | Expression::ArrowFunctionExpression(_)
            | Expression::ClassExpression(_)
            | Expression::UpdateExpression(_)
            | Expression::ImportExpression(_) => OTHER,
            Expression::UnaryExpression(_) => ARR | OTHER | NULL,
            Expression::BinaryExpression(_) => ARR | OTHER,
            Expression::Identifier(id) => self.name_bits(id.name.as_str(), ctx),
            Expression::LogicalExpression(l) => {
                self.expr_bits(&l.left, d, ctx) | self.expr_bits(&l.right, d, ctx)
            }
            Expression::ConditionalExpression(c) => {
                self.expr_bits(&c.consequent, d, ctx) | self.expr_bits(&c.alternate, d, ctx)
            }
            Expression::SequenceExpression(s) => s
                .expressions
                .last()
                .map_or(0, |e| self.expr_bits(e, d, ctx)),
            Expression::AssignmentExpression(a) => self.expr_bits(&a.right, d, ctx),
            // `await fetch(…)` is a Response; an awaited object or Promise is not known.
            Expression::AwaitExpression(a) => match a.argument.get_inner_expression() {
                Expression::CallExpression(c) if matches!(c.callee.get_inner_expression(), Expression::Identifier(f) if f.name == "fetch") => {
                    OTHER
                }
                arg => self.expr_bits(arg, d, ctx) & !PLAIN,
            },
            Expression::NewExpression(n) => match n.callee.get_inner_expression() {
                Expression::Identifier(id) => {
                    let name = id.name.as_str();
                    let global =
                        builtins::constructed(name, n.arguments.len()).map_or(0, kind_bits);
                    let local = if self.name_bits(name, ctx) != 0 {
                        OTHER | COLL
                    } else {
                        0
                    };
                    global | local
                }
                _ => 0,
            },
            Expression::CallExpression(c) => self.call_expr_bits(c, d, ctx),
            Expression::StaticMemberExpression(m) => self.static_member_bits(m, d, ctx),
            Expression::ChainExpression(c) => match &c.expression {
                ChainElement::StaticMemberExpression(m) => self.static_member_bits(m, d, ctx),
                ChainElement::CallExpression(c) => self.call_expr_bits(c, d, ctx),
                _ => 0,
            },
            // `xs[i]`: an element.
            Expression::ComputedMemberExpression(m)
                if !matches!(
                    m.expression.get_inner_expression(),
                    Expression::StringLiteral(_) | Expression::TemplateLiteral(_)
                ) =>
            {
                self.element_bits(&m.object, ctx)
            }
            Expression::PrivateFieldExpression(m) => {
                if matches!(
                    m.object.get_inner_expression(),
                    Expression::ThisExpression(_)
                ) {
                    self.field_bits(true, m.field.name.as_str())
                } else {
                    0
                }
            }
            _ => 0,
        }
    }

    /// `this.name`, `obj.name`: a field, a property of an object literal bound to `obj`, or a
    /// builtin property of the receiver.
    fn static_member_bits(&self, m: &'a StaticMemberExpression<'a>, d: u32, ctx: u32) -> u8 {
        let name = m.property.name.as_str();
        match m.object.get_inner_expression() {
            Expression::ThisExpression(_) => self.field_bits(false, name),
            object => {
                let receiver = self.expr_bits(object, d, ctx);
                let mut b = through_builtin(receiver, |k| builtins::property(k, name));
                // `store.items` of an in-file class instance (see `Kinds::static_member`).
                if receiver & OTHER != 0 {
                    b |= self.field_bits(false, name);
                }
                if let Expression::Identifier(obj) = object {
                    let key = (obj.name.as_str(), name);
                    b |= self.member_bits(key.0, key.1);
                    b |= self.typed_members.get(&key).copied().unwrap_or(0);
                }
                b
            }
        }
    }

    /// What the property `key` of an object literal bound to `obj` may be (see
    /// `object_members`).
    fn member_bits(&self, obj: &'a str, key: &'a str) -> u8 {
        let Some(values) = self.object_members.get(&(obj, key)) else {
            return 0;
        };
        self.memo(&self.member_tab, (obj, key), || {
            values
                .iter()
                .fold(0, |b, &(v, f)| b | self.expr_bits(v, 1, f))
        })
    }

    fn call_expr_bits(&self, c: &'a CallExpression<'a>, d: u32, ctx: u32) -> u8 {
        if c.optional {
            return 0;
        }
        match c.callee.get_inner_expression() {
            Expression::Identifier(id) => {
                let name = id.name.as_str();
                builtins::called(name).map_or(0, kind_bits) | self.name_call_bits(name, ctx)
            }
            Expression::ArrowFunctionExpression(f) => call_bits(f.r#async, false, None),
            Expression::FunctionExpression(f) => call_bits(f.r#async, f.generator, None),
            Expression::StaticMemberExpression(m) => {
                let method = m.property.name.as_str();
                let mut b = 0;
                if method == "matchAll" {
                    b |= ONESHOT;
                }
                if let Expression::Identifier(ns) = m.object.get_inner_expression() {
                    let ns = ns.name.as_str();
                    b |= self.object_methods.get(&(ns, method)).copied().unwrap_or(0);
                    if self
                        .promise_modules
                        .get(ns)
                        .is_some_and(|lists| lists.iter().any(|fns| fns.contains(&method)))
                    {
                        b |= kind_bits(Kind::Promise);
                    }
                    if ns == "Object" && method == "assign" {
                        b |= c
                            .arguments
                            .first()
                            .and_then(Argument::as_expression)
                            .map_or(0, |t| self.expr_bits(t, d, ctx));
                    }
                    b |= builtins::static_call(ns, method).map_or(0, kind_bits);
                }
                // `fs.promises.readFile(…)`.
                if let Expression::StaticMemberExpression(inner) = m.object.get_inner_expression()
                    && inner.property.name == "promises"
                    && let Expression::Identifier(ns) = inner.object.get_inner_expression()
                    && self
                        .promises_of
                        .get(ns.name.as_str())
                        .is_some_and(|lists| lists.iter().any(|fns| fns.contains(&method)))
                {
                    b |= kind_bits(Kind::Promise);
                }
                b | through_builtin(self.expr_bits(&m.object, d, ctx), |k| {
                    builtins::method(k, method)
                })
            }
            // `xs[Symbol.iterator]()`.
            Expression::ComputedMemberExpression(m)
                if m.expression.is_specific_member_access("Symbol", "iterator")
                    && self.expr_bits(&m.object, d, ctx) != 0 =>
            {
                ONESHOT | ARR | COLL
            }
            _ => 0,
        }
    }
}

/// The entries of one list of a `…_srcs` vector (see `Gate::names`), from its head.
fn entries<T>(srcs: &[(T, u32)], head: u32) -> impl Iterator<Item = &T> {
    let mut i = head;
    std::iter::from_fn(move || {
        let (src, next) = srcs.get((i as usize).wrapping_sub(1))?;
        i = *next;
        Some(src)
    })
}

/// `shallow-copy-mutation`'s copy forms (see `copy_of` there): an object literal with a
/// spread, an array literal, `Object.assign`, compiled spread helpers, `Array.from`,
/// `.slice()`, `.concat()`.
fn is_copy_form(init: &Expression<'_>) -> bool {
    match init.get_inner_expression() {
        Expression::ObjectExpression(o) => o
            .properties
            .iter()
            .any(|p| matches!(p, ObjectPropertyKind::SpreadProperty(_))),
        Expression::ArrayExpression(a) => {
            !a.elements.is_empty()
                && a.elements
                    .iter()
                    .all(|e| matches!(e, ArrayExpressionElement::SpreadElement(_)))
        }
        Expression::CallExpression(c) => {
            if c.optional {
                return false;
            }
            helper_name(&c.callee).is_some_and(|n| {
                ASSIGN_HELPERS.contains(&n)
                    || matches!(
                        n,
                        "_toConsumableArray"
                            | "__spreadArray"
                            | "assign"
                            | "from"
                            | "slice"
                            | "concat"
                    )
            })
        }
        _ => false,
    }
}

/// The name a member chain starts from and how many levels down it reaches: `copy.a.b` →
/// (`copy`, 2). A call counts as one level (`copy.find(f).done` reaches an element).
fn root_depth<'a>(e: &'a Expression<'a>) -> Option<(&'a str, u32)> {
    let mut cur = e.get_inner_expression();
    for depth in 0..256 {
        cur = match cur {
            Expression::Identifier(id) => return Some((id.name.as_str(), depth)),
            Expression::StaticMemberExpression(m) => &m.object,
            Expression::ComputedMemberExpression(m) => &m.object,
            Expression::PrivateFieldExpression(m) => &m.object,
            Expression::CallExpression(c) => {
                match c.callee.get_inner_expression().as_member_expression() {
                    Some(m) => m.object(),
                    None => return None,
                }
            }
            Expression::ChainExpression(c) => match &c.expression {
                ChainElement::CallExpression(c) => {
                    match c.callee.get_inner_expression().as_member_expression() {
                        Some(m) => m.object(),
                        None => return None,
                    }
                }
                ChainElement::StaticMemberExpression(m) => &m.object,
                ChainElement::ComputedMemberExpression(m) => &m.object,
                ChainElement::PrivateFieldExpression(m) => &m.object,
                _ => return None,
            },
            _ => return None,
        }
        .get_inner_expression();
    }
    None
}

/// The member an assignment writes to, as an expression-like root: (`copy`, 2) for
/// `copy.a.b = …`.
fn target_root<'a>(t: &'a SimpleAssignmentTarget<'a>) -> Option<(&'a str, u32)> {
    let object = match t {
        SimpleAssignmentTarget::StaticMemberExpression(m) => &m.object,
        SimpleAssignmentTarget::ComputedMemberExpression(m) => &m.object,
        SimpleAssignmentTarget::PrivateFieldExpression(m) => &m.object,
        SimpleAssignmentTarget::TSAsExpression(e) => return root_depth(&e.expression),
        SimpleAssignmentTarget::TSSatisfiesExpression(e) => return root_depth(&e.expression),
        SimpleAssignmentTarget::TSNonNullExpression(e) => return root_depth(&e.expression),
        SimpleAssignmentTarget::TSTypeAssertion(e) => return root_depth(&e.expression),
        _ => return None,
    };
    root_depth(object).map(|(n, d)| (n, d + 1))
}

/// `useless-spread` in an object literal: a literal (`...{ a: 1 }`), a fallback to `{}`
/// (`...(x || {})`), or a condition with one empty branch (`...(c ? x : {})`).
fn useless_in_object(arg: &Expression<'_>) -> bool {
    match arg {
        Expression::ObjectExpression(o) => !o
            .properties
            .iter()
            .any(|p| matches!(p, ObjectPropertyKind::SpreadProperty(_))),
        Expression::LogicalExpression(l) => {
            l.operator != LogicalOperator::And && is_empty_object(&l.right)
        }
        Expression::ConditionalExpression(c) => {
            is_empty_object(&c.consequent) != is_empty_object(&c.alternate)
        }
        _ => false,
    }
}

/// The first parameter's name of a function or arrow.
fn first_param<'a>(e: &'a Expression<'a>) -> Option<&'a str> {
    let params = match e {
        Expression::FunctionExpression(f) => &f.params,
        Expression::ArrowFunctionExpression(a) => &a.params,
        _ => return None,
    };
    match &params.items.first()?.pattern {
        BindingPattern::BindingIdentifier(b) => Some(b.name.as_str()),
        _ => None,
    }
}

/// The first parameter's pattern of a function or arrow.
fn first_pattern<'a>(e: &'a Expression<'a>) -> Option<&'a BindingPattern<'a>> {
    let params = match e {
        Expression::FunctionExpression(f) => &f.params,
        Expression::ArrowFunctionExpression(a) => &a.params,
        _ => return None,
    };
    Some(&params.items.first()?.pattern)
}

/// `accumulating-spread`: whether `value` (through parentheses, TypeScript wrappers, either
/// side of `||`/`&&`/`??`, the branches of `?:` and the last expression of a sequence, as the
/// rule climbs) is a literal that grows and spreads `name`: `acc = [...acc, x]`; with `plain`,
/// also an object literal of fixed keys that spreads it (`acc = { ...acc, n }`).
fn respreads(value: &Expression<'_>, name: &str, plain: bool) -> bool {
    let spreads_name = |e: &Expression<'_>| matches!(e.get_inner_expression(), Expression::Identifier(id) if id.name == name);
    match value.get_inner_expression() {
        Expression::ArrayExpression(a) => {
            a.elements.len() > 1
                && a.elements.iter().any(|e| {
                    matches!(e, ArrayExpressionElement::SpreadElement(s) if spreads_name(&s.argument))
                })
        }
        Expression::ObjectExpression(o) => {
            let mut spreads = 0usize;
            let mut computed = false;
            let mut found = false;
            for p in &o.properties {
                match p {
                    ObjectPropertyKind::SpreadProperty(s) => {
                        spreads += 1;
                        found |= spreads_name(&s.argument);
                    }
                    ObjectPropertyKind::ObjectProperty(p) => computed |= p.computed,
                }
            }
            found && (plain || spreads > 1 || computed)
        }
        Expression::LogicalExpression(l) => {
            respreads(&l.left, name, plain) || respreads(&l.right, name, plain)
        }
        Expression::ConditionalExpression(c) => {
            respreads(&c.consequent, name, plain) || respreads(&c.alternate, name, plain)
        }
        Expression::SequenceExpression(s) => {
            s.expressions.last().is_some_and(|e| respreads(e, name, plain))
        }
        _ => false,
    }
}

/// `a`, `this`, `a.b.c`: the path as text, for comparing spreads.
fn simple_path(e: &Expression<'_>) -> Option<String> {
    match e.get_inner_expression() {
        Expression::Identifier(id) => Some(id.name.to_string()),
        Expression::ThisExpression(_) => Some("this".to_string()),
        Expression::StaticMemberExpression(m) => {
            let mut p = simple_path(&m.object)?;
            p.push('.');
            p.push_str(m.property.name.as_str());
            Some(p)
        }
        _ => None,
    }
}

impl<'a> Gate<'a> {
    /// Entering a function, an arrow, a class static block or a namespace body: where a `var`
    /// in it lives. `params` are the function's parameters: the first one of a `.catch`
    /// callback is bound to the caught error, a `reduce` callback's is its accumulator.
    fn push_fn(&mut self, start: u32, params: Option<&'a FormalParameters<'a>>) {
        let id = u32::try_from(self.fn_parent.len()).unwrap_or(u32::MAX);
        self.fn_parent.push(self.current_fn());
        self.fn_stack.push(id);
        if self.catch_callbacks.last() == Some(&start) {
            self.catch_callbacks.pop();
            if let Some(FormalParameter {
                pattern: BindingPattern::BindingIdentifier(b),
                ..
            }) = params.and_then(|p| p.items.first())
            {
                self.bind(b.name.as_str(), Src::Bits(OTHER));
            }
        }
        if let Some(&(at, array, ctx)) = self.element_callbacks.last()
            && at == start
        {
            self.element_callbacks.pop();
            let first = params.and_then(|p| p.items.first());
            if let Some(FormalParameter {
                pattern: BindingPattern::BindingIdentifier(b),
                ..
            }) = first
            {
                self.bind(b.name.as_str(), Src::Elements(array, ctx));
            }
            // shallow-copy-mutation: `copy.forEach((todo) => …)`, `todo` is an element.
            if self.wants(SCM)
                && let Some(first) = first
                && let Some((root, _)) = root_depth(array)
            {
                self.scm_alias_pattern(&first.pattern, root);
            }
        }
        let reduce = match self.reduce_callbacks.last() {
            Some(&(at, param, named)) if at == start => {
                self.reduce_callbacks.pop();
                self.reduce_params.push((param, named));
                true
            }
            _ => false,
        };
        self.fn_reduce.push(reduce);
    }

    fn pop_fn(&mut self) {
        self.fn_stack.pop();
        if self.fn_reduce.pop() == Some(true) {
            self.reduce_params.pop();
        }
    }
}

// Only the nodes the gate reads have a method here (each does its part, then walks the
// children as the default would): the others are walked without a call per node.
// `alloc` gives a node the lifetime of the program's arena, as the default `enter_node`
// does for every node (the program is borrowed for `'a`).
impl<'a> Visit<'a> for Gate<'a> {
    fn visit_variable_declaration(&mut self, it: &VariableDeclaration<'a>) {
        let it = self.alloc(it);
        if it.kind == VariableDeclarationKind::Var {
            for d in &it.declarations {
                self.shadow(&d.id);
            }
        }
        walk::walk_variable_declaration(self, it);
    }

    fn visit_variable_declarator(&mut self, it: &VariableDeclarator<'a>) {
        let it = self.alloc(it);
        self.enter_declarator(it);
        walk::walk_variable_declarator(self, it);
    }

    fn visit_formal_parameter(&mut self, it: &FormalParameter<'a>) {
        let it = self.alloc(it);
        self.enter_parameter(it);
        walk::walk_formal_parameter(self, it);
    }

    fn visit_formal_parameter_rest(&mut self, it: &FormalParameterRest<'a>) {
        let it = self.alloc(it);
        self.shadow(&it.rest.argument);
        if let BindingPattern::BindingIdentifier(b) = &it.rest.argument {
            self.bind(b.name.as_str(), Src::Bits(ARR));
        }
        walk::walk_formal_parameter_rest(self, it);
    }

    fn visit_function(&mut self, it: &Function<'a>, flags: ScopeFlags) {
        let it = self.alloc(it);
        self.enter_params(&it.params, it.has_use_strict_directive());
        if let Some(id) = &it.id
            && it.body.is_some()
        {
            let name = id.name.as_str();
            self.bind(name, Src::Bits(OTHER));
            // `accumulating-spread`: `function merge(acc, x) {}`, a `reduce` callback if
            // `merge` is passed to one (see `named_grows`).
            if self.wants(ACC)
                && it.is_declaration()
                && let Some(FormalParameter {
                    pattern: BindingPattern::BindingIdentifier(p),
                    ..
                }) = it.params.items.first()
            {
                self.reduce_callbacks
                    .push((it.span.start, p.name.as_str(), Some(name)));
            }
            self.bind_call(
                name,
                CallSrc::Bits(call_bits(
                    it.r#async,
                    it.generator,
                    it.return_type.as_deref(),
                )),
            );
        }
        self.push_fn(it.span.start, Some(&it.params));
        walk::walk_function(self, it, flags);
        self.pop_fn();
    }

    fn visit_arrow_function_expression(&mut self, it: &ArrowFunctionExpression<'a>) {
        let it = self.alloc(it);
        self.enter_params(&it.params, it.has_use_strict_directive());
        self.push_fn(it.span.start, Some(&it.params));
        walk::walk_arrow_function_expression(self, it);
        self.pop_fn();
    }

    fn visit_static_block(&mut self, it: &StaticBlock<'a>) {
        let it = self.alloc(it);
        self.push_fn(it.span.start, None);
        walk::walk_static_block(self, it);
        self.pop_fn();
    }

    fn visit_ts_module_block(&mut self, it: &TSModuleBlock<'a>) {
        let it = self.alloc(it);
        self.push_fn(it.span.start, None);
        walk::walk_ts_module_block(self, it);
        self.pop_fn();
    }

    fn visit_class(&mut self, c: &Class<'a>) {
        let c = self.alloc(c);
        self.has_class = true;
        if let Some(id) = &c.id {
            self.bind(id.name.as_str(), Src::Bits(OTHER | COLL));
        }
        let f = self.current_fn();
        for e in &c.body.body {
            // `constructor(private items: Map<K, V>)`: a field typed by its annotation.
            if let ClassElement::MethodDefinition(m) = e
                && m.kind == MethodDefinitionKind::Constructor
            {
                for p in &m.value.params.items {
                    if p.has_modifier()
                        && let BindingPattern::BindingIdentifier(b) = &p.pattern
                        && let Some(ann) = &p.type_annotation
                    {
                        self.this_fields
                            .entry(b.name.as_str())
                            .or_default()
                            .push(Src::Bits(type_bits(&ann.type_annotation, 0)));
                    }
                }
            }
            let ClassElement::PropertyDefinition(p) = e else {
                continue;
            };
            let (map, name) = match &p.key {
                PropertyKey::PrivateIdentifier(k) => (&mut self.private_fields, k.name.as_str()),
                PropertyKey::StaticIdentifier(k) => (&mut self.this_fields, k.name.as_str()),
                PropertyKey::StringLiteral(k) => (&mut self.this_fields, k.value.as_str()),
                _ => continue,
            };
            let srcs = map.entry(name).or_default();
            if let Some(ann) = &p.type_annotation {
                srcs.push(Src::Bits(type_bits(&ann.type_annotation, 0)));
            }
            if let Some(value) = &p.value {
                srcs.push(Src::Init(value, f));
            }
        }
        walk::walk_class(self, c);
    }

    fn visit_import_declaration(&mut self, it: &ImportDeclaration<'a>) {
        let it = self.alloc(it);
        // A call of a promise module's function (`readFile(…)` after `import { readFile }
        // from "fs/promises"`) or of a method of the module (`fs.readFile(…)`) is a Promise.
        let source = it.source.value.as_str();
        if !it.import_kind.is_type()
            && let Some(specifiers) = &it.specifiers
        {
            for spec in specifiers {
                let (local, key) = match spec {
                    ImportDeclarationSpecifier::ImportSpecifier(s) if !s.import_kind.is_type() => {
                        (&s.local, Some(s.imported.name().as_str()))
                    }
                    ImportDeclarationSpecifier::ImportDefaultSpecifier(s) => (&s.local, None),
                    ImportDeclarationSpecifier::ImportNamespaceSpecifier(s) => (&s.local, None),
                    ImportDeclarationSpecifier::ImportSpecifier(_) => continue,
                };
                self.bind_promise(local.name.as_str(), source, key);
            }
        }
        walk::walk_import_declaration(self, it);
    }

    fn visit_import_specifier(&mut self, it: &ImportSpecifier<'a>) {
        let it = self.alloc(it);
        self.imported.insert(it.local.name.as_str());
        walk::walk_import_specifier(self, it);
    }

    fn visit_import_default_specifier(&mut self, it: &ImportDefaultSpecifier<'a>) {
        let it = self.alloc(it);
        self.imported.insert(it.local.name.as_str());
        walk::walk_import_default_specifier(self, it);
    }

    fn visit_import_namespace_specifier(&mut self, it: &ImportNamespaceSpecifier<'a>) {
        let it = self.alloc(it);
        self.imported.insert(it.local.name.as_str());
        walk::walk_import_namespace_specifier(self, it);
    }

    fn visit_catch_parameter(&mut self, it: &CatchParameter<'a>) {
        let it = self.alloc(it);
        if let BindingPattern::BindingIdentifier(b) = &it.pattern {
            self.bind(b.name.as_str(), Src::Bits(OTHER));
        }
        walk::walk_catch_parameter(self, it);
    }

    fn visit_assignment_expression(&mut self, a: &AssignmentExpression<'a>) {
        let a = self.alloc(a);
        self.enter_assignment(a);
        walk::walk_assignment_expression(self, a);
    }

    // Every member written: by `=`, `+=`, `++`, and in a destructuring pattern or a
    // `for…in`/`for…of` head (`({ a: copy.a.b } = v)`, `for (copy.a.b of xs)`).
    fn visit_simple_assignment_target(&mut self, t: &SimpleAssignmentTarget<'a>) {
        let t = self.alloc(t);
        // `accumulating-spread`: `acc[tag] = n` adds keys (see `acc_plain`).
        if matches!(t, SimpleAssignmentTarget::ComputedMemberExpression(_)) {
            self.key_write = true;
        }
        if self.wants(SCM) {
            self.scm_write(target_root(t), 0);
        }
        walk::walk_simple_assignment_target(self, t);
    }

    fn visit_unary_expression(&mut self, u: &UnaryExpression<'a>) {
        let u = self.alloc(u);
        if self.wants(SCM) && u.operator == UnaryOperator::Delete {
            self.scm_write(root_depth(&u.argument), 0);
        }
        walk::walk_unary_expression(self, u);
    }

    fn visit_array_expression(&mut self, a: &ArrayExpression<'a>) {
        let a = self.alloc(a);
        self.enter_array(a);
        walk::walk_array_expression(self, a);
    }

    fn visit_expression_statement(&mut self, e: &ExpressionStatement<'a>) {
        let e = self.alloc(e);
        let mut v = e.expression.get_inner_expression();
        if let Expression::AwaitExpression(a) = v {
            v = a.argument.get_inner_expression();
        }
        self.discarded = v.span();
        walk::walk_expression_statement(self, e);
    }

    fn visit_for_of_statement(&mut self, f: &ForOfStatement<'a>) {
        let f = self.alloc(f);
        if !f.r#await {
            self.consumed(Some(&f.right));
            // `for (const p of xs)`: `p` is an element of `xs`.
            if let ForStatementLeft::VariableDeclaration(v) = &f.left
                && let [d] = v.declarations.as_slice()
                && let BindingPattern::BindingIdentifier(b) = &d.id
            {
                self.bind(b.name.as_str(), Src::Elements(&f.right, self.current_fn()));
            }
            // shallow-copy-mutation: `for (const todo of copy)`, `todo` is an element.
            if self.wants(SCM)
                && let ForStatementLeft::VariableDeclaration(v) = &f.left
                && let [d] = v.declarations.as_slice()
                && let Some((root, _)) = root_depth(&f.right)
            {
                self.scm_alias_pattern(&d.id, root);
            }
        }
        if self.wants(SNI) {
            self.want(SNI, &f.right, SNI_MASK);
        }
        walk::walk_for_of_statement(self, f);
    }

    fn visit_jsx_spread_attribute(&mut self, a: &JSXSpreadAttribute<'a>) {
        let a = self.alloc(a);
        self.object_copy(&a.argument);
        walk::walk_jsx_spread_attribute(self, a);
    }

    fn visit_yield_expression(&mut self, y: &YieldExpression<'a>) {
        let y = self.alloc(y);
        if y.delegate {
            self.consumed(y.argument.as_ref());
            if self.wants(SNI)
                && let Some(arg) = &y.argument
            {
                self.want(SNI, arg, SNI_MASK);
            }
        }
        walk::walk_yield_expression(self, y);
    }

    fn visit_new_expression(&mut self, n: &NewExpression<'a>) {
        let n = self.alloc(n);
        self.enter_arguments(&n.arguments);
        if let Expression::Identifier(id) = n.callee.get_inner_expression()
            && let Some(arg) = n.arguments.first().and_then(Argument::as_expression)
        {
            let name = id.name.as_str();
            if matches!(name, "Set" | "Map") {
                self.consumed(Some(arg));
            }
            if self.wants(SNI) && matches!(name, "Map" | "Set" | "WeakMap" | "WeakSet") {
                self.want(SNI, arg, SNI_CONSTRUCTOR_MASK);
            }
        }
        walk::walk_new_expression(self, n);
    }

    fn visit_call_expression(&mut self, c: &CallExpression<'a>) {
        let c = self.alloc(c);
        // `accumulating-spread`: `Object.assign(acc, …)` adds keys (see `acc_plain`).
        if let Expression::StaticMemberExpression(m) = c.callee.get_inner_expression()
            && m.property.name == "assign"
            && matches!(m.object.get_inner_expression(), Expression::Identifier(o) if o.name == "Object")
        {
            self.key_write = true;
        }
        self.enter_arguments(&c.arguments);
        self.enter_call(c);
        walk::walk_call_expression(self, c);
    }

    fn visit_object_expression(&mut self, o: &ObjectExpression<'a>) {
        let o = self.alloc(o);
        self.enter_object_spreads(o);
        self.enter_object(o);
        walk::walk_object_expression(self, o);
    }

    fn visit_identifier_reference(&mut self, id: &IdentifierReference<'a>) {
        let name = id.name.as_str();
        if self.wants(PRP) && name == "arguments" {
            self.live |= PRP;
        }
        if maybe_strict_word(name) && name != "arguments" && is_strict_word(name) {
            self.syntax = true;
        }
    }

    fn visit_binding_identifier(&mut self, b: &BindingIdentifier<'a>) {
        if maybe_strict_word(b.name.as_str()) && is_strict_word(b.name.as_str()) {
            self.syntax = true;
        }
    }

    // Types hold nothing the rules judge (annotations are read from their owners).
    fn visit_ts_type(&mut self, _it: &TSType<'a>) {}

    // Once a rule certainly needs the model, the rest of the file is not worth walking: the
    // model will be built, so every rule asked about runs and the model's syntax checks are
    // on (see `decide`).
    fn visit_statement(&mut self, it: &Statement<'a>) {
        if self.live == 0 {
            walk::walk_statement(self, it);
        } else {
            self.stopped = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::diagnostic::Severity;
    use crate::lint::{ActiveRule, Dispatch, RuleSet, lint_text_with};

    fn all_rules() -> RuleSet {
        RuleSet::new(
            crate::rules::RULES
                .iter()
                .map(|m| ActiveRule {
                    rule: (m.create)(None).expect("default options"),
                    severity: Severity::Warning,
                })
                .collect(),
        )
    }

    /// Each case must give the same diagnostics with the gate (table dispatch) as without
    /// it (every rule on every node), and must report `rule` (so the comparison is not
    /// between two empty results).
    const FIRING: &[(&str, &str, &str)] = &[
        // The elements of an array mapped with an async callback are Promises.
        (
            "a.js",
            "export function f(xs) { const ps = xs.map(async (x) => x); for (const p of ps) g({ ...p }); }",
            "object-spread-loses-data",
        ),
        (
            "a.js",
            "export function f(xs) { const ps = xs.map(async (x) => x); return ps.map((p) => [...p]); }",
            "spread-non-iterable",
        ),
        (
            "a.js",
            "async function load(x) {}\nexport function f(xs) { const ps = xs.map(load); return { ...ps[0] }; }",
            "object-spread-loses-data",
        ),
        // Destructured from such an array or from the call; an array literal's element.
        (
            "a.js",
            "export function f(xs) { const ps = xs.map(async (x) => x); const [a, b] = ps; return { ...b }; }",
            "object-spread-loses-data",
        ),
        (
            "a.js",
            "export function f(xs) { const [a, b] = xs.map(async (x) => x); return [...b]; }",
            "spread-non-iterable",
        ),
        (
            "a.js",
            "async function load() {}\nexport function f() { const [a, b] = [1, load()]; return { ...b }; }",
            "object-spread-loses-data",
        ),
        (
            "a.js",
            "export function f(xs) { for (const p of xs.map(async (x) => x)) g({ ...p }); }",
            "object-spread-loses-data",
        ),
        (
            "a.js",
            "export function f(xs) { xs.map(async (x) => x).forEach((p) => g({ ...p })); }",
            "object-spread-loses-data",
        ),
        // The elements of such an array as `Object.assign` sources.
        (
            "a.js",
            "export function f(xs) { const ps = xs.map(async (x) => x); return Object.assign({}, ...ps); }",
            "object-spread-loses-data",
        ),
        // An async function called where it is written.
        (
            "a.js",
            "export const o = { ...(async () => ({ a: 1 }))() };",
            "object-spread-loses-data",
        ),
        // Async methods of an object literal.
        (
            "a.js",
            "const api = { async get() {}, load: async () => 1 };\nexport function f() { return [{ ...api.get() }, [...api.load()]]; }",
            "object-spread-loses-data",
        ),
        (
            "a.js",
            "export function f() { return [...api.load()]; }\nconst api = { load: async function () {} };",
            "spread-non-iterable",
        ),
        // Calls of Node's promise modules, imported or required under any name.
        (
            "a.mjs",
            "import io from 'node:fs/promises';\nexport function f(p) { return [...io.readFile(p)]; }",
            "spread-non-iterable",
        ),
        (
            "a.mjs",
            "import { stat as s } from 'fs/promises';\nexport const o = { ...s(p) };",
            "object-spread-loses-data",
        ),
        (
            "a.mjs",
            "import { promises as io } from 'fs';\nexport const o = { ...io.stat(p) };",
            "object-spread-loses-data",
        ),
        // One name for two modules in different scopes: each call is judged by its own.
        (
            "a.mjs",
            "import io from 'fs/promises';\nexport function g() { const io = require('dns/promises'); return io.lookup(h); }\nexport const o = { ...io.readFile(p) };",
            "object-spread-loses-data",
        ),
        (
            "a.cjs",
            "const { readdir: ls } = require('fs/promises');\nmodule.exports = () => [...ls('.')];",
            "spread-non-iterable",
        ),
        (
            "a.cjs",
            "const io = require('fs').promises;\nmodule.exports = () => [...io.readdir('.')];",
            "spread-non-iterable",
        ),
        (
            "a.cjs",
            "const io = require('fs');\nmodule.exports = () => [...io.promises.readdir('.')];",
            "spread-non-iterable",
        ),
        (
            "a.mjs",
            "import * as io from 'node:fs';\nexport const o = { ...io.promises.stat(p) };",
            "object-spread-loses-data",
        ),
        (
            "a.ts",
            "declare const cache: Map<string, number>;\nexport const o = { ...cache };",
            "object-spread-loses-data",
        ),
        (
            "a.cjs",
            "const { promises: io } = require('node:fs');\nmodule.exports = () => ({ ...io.stat('.') });",
            "object-spread-loses-data",
        ),
        // A binding in an enclosing function, read in a nested one.
        (
            "a.js",
            "function outer() { const o = { a: 1 }; return function inner() { return [...o]; }; }",
            "spread-non-iterable",
        ),
        // A `var` in a class static block or a namespace lives there only.
        (
            "a.js",
            "function f() { const o = { a: 1 }; class A { static { var o = 1; } } return [...o, A]; }",
            "spread-non-iterable",
        ),
        (
            "a.ts",
            "const o = {};\nnamespace N { var o = 1; }\nexport const xs = [...o];",
            "spread-non-iterable",
        ),
        // A `.catch` callback's parameter, inside a function with a parameter of that name.
        (
            "a.js",
            "function f(e) { return fetch(u).catch((e) => ({ ...e })); }",
            "object-spread-loses-data",
        ),
        // The same name bound to other things elsewhere does not hide it.
        (
            "a.js",
            "function f(o) { return [...o]; }\nfunction g() { const o = 5; for (const x of o) {} }",
            "spread-non-iterable",
        ),
        // A function's call result, through an alias.
        (
            "a.js",
            "async function load() { return []; }\nconst l = load;\nconst xs = [...l()];",
            "spread-non-iterable",
        ),
        // A class field written in the constructor.
        (
            "a.ts",
            "class A { constructor() { this.m = new WeakMap(); } all() { return [...this.m]; } }",
            "spread-non-iterable",
        ),
        // A `.catch` callback's error copied into an object.
        (
            "a.js",
            "fetch(u).catch((e) => ({ ...e }));",
            "object-spread-loses-data",
        ),
        (
            "a.js",
            "const m = new Map();\nconst copy = { ...m };",
            "object-spread-loses-data",
        ),
        (
            "a.js",
            "const s = 'abc';\nconst o = { ...s };",
            "object-spread-indexed",
        ),
        // A generator made in one function, used twice.
        (
            "a.js",
            "function* g() { yield 1; }\nfunction f() { const it = g(); const a = [...it]; const b = [...it]; return [a, b]; }",
            "iterator-reuse",
        ),
        (
            "a.ts",
            "function f(it: Generator<number>) { const a = [...it]; const b = [...it]; return [a, b]; }",
            "iterator-reuse",
        ),
        // Uses behind parentheses and TS wrappers.
        (
            "a.ts",
            "function* g(): Generator<number> { yield 1; }\nexport function f() { const it = g(); const a = [...(it as Iterable<number>)]; const b = Array.from(it!); return [a, b]; }",
            "iterator-reuse",
        ),
        (
            "a.js",
            "function* g() { yield 1; }\nexport function f() { const it = g(); for (const x of (it)) {} return [...(it)]; }",
            "iterator-reuse",
        ),
        // A nested write through an alias of a level.
        (
            "a.js",
            "export function f(state) { const next = { ...state }; const items = next.items; items.push(1); return next; }",
            "shallow-copy-mutation",
        ),
        (
            "a.js",
            "export function f(state) { const next = { ...state }; next.user.name = 'x'; return next; }",
            "shallow-copy-mutation",
        ),
        // A write through a destructured level, a `for…of` element, an element callback's
        // parameter.
        (
            "a.js",
            "export function f(state) { const next = { ...state }; const { user: { tags } } = next; tags.push(1); return next; }",
            "shallow-copy-mutation",
        ),
        (
            "a.js",
            "export function f(list) { const copy = [...list]; for (const t of copy) t.done = true; return copy; }",
            "shallow-copy-mutation",
        ),
        (
            "a.js",
            "export function f(state) { const next = { ...state }; next.items.forEach(({ meta }) => { meta.seen = true; }); return next; }",
            "shallow-copy-mutation",
        ),
        // Written as a destructuring target or in a `for…of` head; an element after a sort.
        (
            "a.js",
            "export function f(state, o) { const next = { ...state }; ({ name: next.user.name } = o); return next; }",
            "shallow-copy-mutation",
        ),
        (
            "a.js",
            "export function f(state, xs) { const next = { ...state }; for ([next.user.name] of xs); return next; }",
            "shallow-copy-mutation",
        ),
        (
            "a.js",
            "export function f(todos, by) { const list = [...todos]; list.sort(by); list[0].done = true; return list; }",
            "shallow-copy-mutation",
        ),
        (
            "a.js",
            "const defaults = { a: 1 };\nexport const o = { a: 2, ...defaults };",
            "spread-overrides-property",
        ),
        // A template key without substitutions is a static key (`static_key`).
        (
            "a.js",
            "export const o = { [`a`]: 1, ...r, a: 2 };",
            "spread-overrides-property",
        ),
        (
            "a.js",
            "import config from './config';\nexport const merged = Object.assign(config, { debug: true });",
            "object-assign-mutates-target",
        ),
        (
            "a.js",
            "export function f(table) { const scores = Object.values(table); return Math.max(...scores); }",
            "spread-args-overflow",
        ),
        (
            "a.js",
            "export const r = xs.reduce((acc, x) => [...acc, x], []);",
            "accumulating-spread",
        ),
        // The accumulator spread in a `return` of a callback with a body, through `?:`.
        (
            "a.js",
            "export const r = xs.reduceRight(function (acc, x) { if (x) { return c ? { ...acc, [x]: 1 } : acc; } return acc; }, {});",
            "accumulating-spread",
        ),
        // A callback passed to `reduce` by name, declared after or before the call.
        (
            "a.js",
            "export const r = xs.reduce(merge, {});\nfunction merge(acc, x) { return { ...acc, [x.id]: x }; }",
            "accumulating-spread",
        ),
        (
            "a.js",
            "const add = (acc, x) => [...acc, x];\nexport const r = xs.reduceRight(add, []);",
            "accumulating-spread",
        ),
        (
            "a.js",
            "const count = function (acc, row) { acc[row.tag] = 1; return { ...acc, total: 1 }; };\nexport const r = rows.reduce(count, {});",
            "accumulating-spread",
        ),
        // Re-spread in a loop, through parentheses, `||` and a sequence.
        (
            "a.ts",
            "export function f(xs: number[]) { let out: number[] = []; for (const x of xs) { out = (g(), (out as number[]) || [...out, x]); } return out; }",
            "accumulating-spread",
        ),
        // In a `forEach` callback over a binding declared outside it.
        (
            "a.js",
            "export function f(xs) { let seen = {}; xs.forEach((x) => { seen = { ...seen, [x]: true }; }); return seen; }",
            "accumulating-spread",
        ),
        (
            "a.js",
            "export const s = new Set([...xs]);\nexport const t = { ...(o || {}) };",
            "useless-spread",
        ),
        (
            "a.js",
            "function f() { return g.apply(null, arguments); }",
            "prefer-rest-params",
        ),
        ("a.js", "f.apply(null, args);", "prefer-spread"),
        // A property of an object literal, read directly, through optional chaining, by
        // destructuring (declared after the use), or of an instance's field.
        (
            "a.js",
            "export function f() { const { tags } = cfg; return { ...tags }; }\nconst cfg = { tags: new Set() };",
            "object-spread-loses-data",
        ),
        (
            "a.js",
            "const cfg = { retries: 3 };\nexport const a = [...cfg?.retries];",
            "spread-non-iterable",
        ),
        (
            "a.js",
            "class Store { constructor() { this.items = new Map(); } }\nconst store = new Store();\nexport const a = { ...store.items };",
            "object-spread-loses-data",
        ),
        // A member of an annotated parameter, through a type alias declared after the use.
        (
            "a.ts",
            "export function f(p: Props) { const { tabs } = p; return [{ ...p.tabs }, { ...tabs }]; }\ntype Props = { tabs: Map<string, number> };",
            "object-spread-loses-data",
        ),
        (
            "a.ts",
            "export function f(t: Tags) { return { ...t }; }\ntype Tags = Set<string>;",
            "object-spread-loses-data",
        ),
        (
            "a.js",
            "export const o = Object.assign({}, a, b);",
            "prefer-object-spread",
        ),
    ];

    /// Cases the gate must let through without a finding (and agree on).
    const QUIET: &[(&str, &str)] = &[
        // Properties and aliases that refer to each other (each is worked out once).
        (
            "a.js",
            "const a = { x: b.x || b.y || b.z, y: b.x || b.y || b.z, z: b.z || b.x || b.y };\nconst b = { x: a.x || a.y || a.z, y: a.x || a.y || a.z, z: a.x || a.y || a.z };\nexport const c = [...a.x];",
        ),
        (
            "a.ts",
            "type A = B | C | D | E; type B = A | C | D | E; type C = A | B | D | E; type D = A | B | C | E; type E = A | B | C | D;\nexport function f(a: A) { return [...a]; }",
        ),
        // Elements awaited, or of a sync map.
        (
            "a.js",
            "export async function f(xs) { const ps = xs.map(async (x) => x); for await (const p of ps) g({ ...p }); const qs = xs.map((x) => x); return { ...qs[0] }; }",
        ),
        // A default may hold instead; a spread before the element; a sync map.
        (
            "a.js",
            "async function load() {}\nexport function f(xs) { const [a = {}] = [load()]; const [, b] = [...xs, load()]; const [c] = xs.map((x) => x); return [{ ...a }, { ...b }, { ...c }]; }",
        ),
        // A sync method; a replaced one.
        (
            "a.js",
            "const api = { get() { return {} } };\nconst svc = { async get() {} };\nsvc.get = () => ({});\nexport function f() { return [{ ...api.get() }, { ...svc.get() }]; }",
        ),
        // Awaited, or not a Promise-returning function of the module.
        (
            "a.mjs",
            "import io from 'fs/promises';\nexport async function f(p) { return [...(await io.readFile(p)), ...io.constants]; }",
        ),
        // A parameter of the same name in another function.
        (
            "a.js",
            "function f() { const o = {}; return o; }\nfunction g(o) { return [...o]; }",
        ),
        // A parameter hides a binding of the same name around its function.
        (
            "a.js",
            "const o = {};\nexport function f(o) { return [...o]; }",
        ),
        // A use of `await` on an object: not known.
        (
            "a.js",
            "async function f(p) { const v = await p; return [...v]; }",
        ),
        ("a.js", "const xs = [1, 2];\nconst ys = [...xs, 3];"),
    ];

    fn compare(file: &str, code: &str, rules: &RuleSet) -> Result<Vec<&'static str>, String> {
        let path = Path::new(file);
        let gated = lint_text_with(path, code, rules, Dispatch::Table);
        let all = lint_text_with(path, code, rules, Dispatch::Everything);
        if gated != all {
            return Err(format!("{code}\n gated: {gated:#?}\n all: {all:#?}"));
        }
        Ok(gated.iter().map(|d| d.rule).collect())
    }

    #[test]
    fn gated_runs_find_what_ungated_runs_find() {
        let rules = all_rules();
        let mut failures = Vec::new();
        // Each case as written and minified (the gate reads some text).
        let both = |file: &str, code: &str| {
            let small = crate::lint::test_util::minified(file, code);
            std::iter::once(code.to_string()).chain(small)
        };
        for (file, code, rule) in FIRING {
            for code in both(file, code) {
                match compare(file, &code, &rules) {
                    Ok(found) if found.contains(rule) => {}
                    Ok(found) => failures.push(format!("{code}: no {rule} (found {found:?})")),
                    Err(e) => failures.push(e),
                }
            }
        }
        for (file, code) in QUIET {
            for code in both(file, code) {
                match compare(file, &code, &rules) {
                    Ok(found) if found.is_empty() => {}
                    Ok(found) => {
                        failures.push(format!("{code}: expected nothing, found {found:?}"))
                    }
                    Err(e) => failures.push(e),
                }
            }
        }
        assert!(failures.is_empty(), "{failures:#?}");
    }

    /// Once a rule certainly needs the model the walk stops; what it did not look at may hold
    /// anything: every rule asked about runs and the model's syntax checks are on.
    #[test]
    fn an_early_stop_leaves_nothing_out() {
        let only = |id: &str| {
            RuleSet::new(
                crate::rules::RULES
                    .iter()
                    .filter(|m| m.id == id)
                    .map(|m| ActiveRule {
                        rule: (m.create)(None).expect("default options"),
                        severity: Severity::Warning,
                    })
                    .collect(),
            )
        };
        let found = |code: &str, rules: &RuleSet| -> Vec<&'static str> {
            let d = lint_text_with(Path::new("a.js"), code, rules, Dispatch::Table);
            d.iter().map(|d| d.rule).collect()
        };
        // useless-spread alone: its literal fallback makes the model certain at the first
        // statement; the early error further down is still reported.
        let code = "export const t = { ...(o || {}) };\nfunction f(...r) { 'use strict'; }";
        assert_eq!(
            found(code, &only("useless-spread")),
            ["useless-spread", "parse-error"]
        );
        // Every rule: a spread-non-iterable value after the statement that stopped the walk.
        let code = "export const t = { ...(o || {}) };\nconst m = new Map();\nexport const o2 = { ...m };\nexport const xs = [...{ a: 1 }];";
        let rules = all_rules();
        let gated = lint_text_with(Path::new("a.js"), code, &rules, Dispatch::Table);
        let all = lint_text_with(Path::new("a.js"), code, &rules, Dispatch::Everything);
        assert_eq!(gated, all);
        let ids: Vec<&str> = gated.iter().map(|d| d.rule).collect();
        assert!(ids.contains(&"object-spread-loses-data"), "{ids:?}");
        assert!(ids.contains(&"spread-non-iterable"), "{ids:?}");
    }

    #[test]
    fn files_without_candidates_skip_the_model() {
        let specs = [
            super::GateSpec::SpreadNonIterable,
            super::GateSpec::ObjectSpreadLosesData,
            super::GateSpec::UselessSpread,
        ];
        let verdict = |code: &str| {
            let alloc = oxc_allocator::Allocator::default();
            let ret = oxc_parser::Parser::new(&alloc, code, oxc_span::SourceType::mjs()).parse();
            let program = alloc.alloc(ret.program);
            super::decide(program, code, &specs)
        };
        // Spreads of parameters and imports: nothing the inference can know.
        let v =
            verdict("import a from 'a';\nexport function f(b) { return [...a, ...b, { ...b }]; }");
        assert_eq!(v.live, 0);
        assert!(!v.syntax);
        // A spread of a binding to an object literal.
        let v = verdict("const o = {};\nexport const xs = [...o];");
        assert_eq!(v.live, super::rule::SNI);
        // ... unless a parameter of that name hides it.
        let v = verdict("const o = {};\nexport function f(o) { return [...o]; }");
        assert_eq!(v.live, 0);
        // Early errors only the semantic checks report.
        let v = verdict("function f(...a) { 'use strict'; }");
        assert!(v.syntax);
        let v = verdict("const f = (a, a) => [...a];");
        assert!(v.syntax);
        // `accumulating-spread` needs the literal to be what `acc = …` assigns, or to be in a
        // `reduce` callback whose accumulator it spreads: a name assigned in one place and
        // spread in another is not enough.
        let acc = |code: &str| {
            let alloc = oxc_allocator::Allocator::default();
            let ret = oxc_parser::Parser::new(&alloc, code, oxc_span::SourceType::mjs()).parse();
            let program = alloc.alloc(ret.program);
            super::decide(program, code, &[super::GateSpec::AccumulatingSpread]).live
        };
        assert_eq!(acc("let a = []; a = f(); export const b = [...a, 1];"), 0);
        assert_eq!(acc("for (const x of xs) { b = [...a, x]; }"), 0);
        assert_eq!(acc("xs.reduce((acc, x) => [...x, acc], []);"), 0);
        assert_eq!(acc("xs.map((acc) => [...acc, 1]);"), 0);
        assert_eq!(
            acc("xs.reduce((acc, x) => [...acc, x], []);"),
            super::rule::ACC
        );
        assert_eq!(
            acc("for (const x of xs) { a = [...a, x]; }"),
            super::rule::ACC
        );
        assert_eq!(
            acc("for (const k of ks) { o = c ? { ...o, [k]: 1 } : o; }"),
            super::rule::ACC
        );
        // A callback passed by name: only when the name is passed to a `reduce`.
        assert_eq!(
            acc("function merge(acc, x) { return [...acc, x]; }\nxs.map(merge);"),
            0
        );
        assert_eq!(
            acc("const r = (s, a) => ({ ...s, [a.id]: a });\ncreateStore(r);"),
            0
        );
        assert_eq!(
            acc("xs.reduce(merge, []);\nfunction merge(acc, x) { return [...acc, x]; }"),
            super::rule::ACC
        );
        assert_eq!(
            acc("const merge = (acc, x) => ({ ...acc, ...x });\nxs.reduce(merge, {});"),
            super::rule::ACC
        );
        assert_eq!(
            acc("const m = (acc, x) => { acc[x] = 1; return { ...acc }; };\nxs.reduce(m, {});"),
            super::rule::ACC
        );
        assert_eq!(
            acc("const m = (acc, x) => ({ ...acc });\nxs.reduce(m, {});"),
            0
        );
    }
}
