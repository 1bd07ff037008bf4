//! Value-kind inference: what an expression is known to be, and where that came from.
//!
//! Every kind-based rule asks [`Kinds`] (through [`crate::lint::Ctx::kinds`]) instead of
//! guessing on its own. The inference knows literals, `new` of global builtins, calls of
//! well-known builtins, calls of in-file async/generator functions, operators, `?:`/`||`/`??`
//! branches, `const` and never-reassigned `let`/`var` bindings (through oxc_semantic's
//! references, any number of hops), rest bindings, and TypeScript annotations on bindings and
//! parameters. Everything else is [`Kind::Unknown`], and no rule judges an Unknown value.
//!
//! How a rule uses it (see `rules/object_spread_loses_data.rs` for a complete one):
//!
//! ```ignore
//! let AstKind::SpreadElement(spread) = node.kind() else { return };
//! // Every value the expression can have (`c ? a : b`, `a || b`, through `const`s)…
//! for (branch, t) in cx.kinds().spread_branches(&spread.argument) {
//!     let Kind::Map = t.kind else { continue }; // …never judge `Kind::Unknown`
//!     let subject = cx.kinds().subject(&spread.argument); // "`settings`"
//!     let message = format!("{}: …", cx.kinds().describe(&subject, &t, false));
//!     // "`settings` is a Map (created at line 3): …"; label `t.origin.span` with
//!     // `t.origin.label`; `t.origin.unawaited` asks for "did you forget `await`?".
//! }
//! ```
//!
//! Other questions: [`Kinds::of`] (one merged kind), [`Kinds::of_symbol`],
//! [`Kinds::binding_init`] (the initializer of a never-reassigned binding),
//! [`Kinds::is_global`] (`Object`, `Math`… not shadowed), [`Kinds::callee_function`],
//! [`Kinds::class_info`] (accessors, `#private` fields, methods, `extends` chain) and
//! [`Kinds::is_iterable`].
//!
//! Invariants:
//! - A builtin name counts only when it resolves to the global (no local binding): a local
//!   `class Map {}`, an imported `Map` or a parameter named `Promise` give Unknown.
//! - Recursion is bounded ([`MAX_DEPTH`]) and binding cycles (`const a = b; const b = a;`)
//!   end in Unknown: a symbol being inferred is memoised as Unknown until it is done.
//! - Results per symbol are memoised for the file; the memo lives as long as the [`Kinds`].

mod annotation;
pub(crate) mod builtins;
pub(crate) mod class_body;
mod kind;
#[cfg(test)]
mod tests;

use std::cell::RefCell;
use std::rc::Rc;

use oxc_ast::AstKind;
use oxc_ast::ast::*;
use oxc_ast_visit::{Visit, walk};
use oxc_semantic::{IsGlobalReference, Semantic};
use oxc_span::GetSpan;
use oxc_syntax::node::NodeId;
use oxc_syntax::operator::{BinaryOperator, LogicalOperator, UnaryOperator};
use oxc_syntax::reference::ReferenceFlags;
use oxc_syntax::scope::ScopeFlags;
use oxc_syntax::symbol::{SymbolFlags, SymbolId};
use rustc_hash::FxHashMap as HashMap;

pub(crate) use annotation::{readonly_argument, strip_parens};
pub use builtins::ERROR_CLASSES;
pub use kind::{Kind, Origin, Typed};

use crate::diagnostic::Span;
use crate::source::LazyLineIndex;

/// How many nested steps (expression nesting plus binding hops) one question may take.
pub const MAX_DEPTH: u32 = 48;

/// What the inference knows about a class declared in the file.
#[derive(Clone, Debug, Default)]
pub struct ClassInfo {
    /// The class name (the binding's for `const C = class {…}`; `anonymous class` when it has
    /// none).
    pub name: String,
    /// The class's span (for labels).
    pub span: Span,
    /// The class extends a class declared in the file (by node).
    pub base: Option<NodeId>,
    /// The class extends something not declared in the file (not an Error class), or `new C()`
    /// may be another object (a decorator replaces the class, the constructor returns a value).
    pub extends_unknown: bool,
    /// Code can give instances members the body does not declare: the class is handed to a
    /// call or written through `C.prototype`, its body writes `this[key]` or `Object.assign(this,
    /// …)`, or a computed key may be a symbol. Iterability and methods are then not known;
    /// what a copy loses (accessors, `#private` fields) still is.
    pub reshaped: bool,
    /// The class extends the global `Error` (or a subclass), directly or through in-file classes.
    pub is_error: bool,
    /// Some class in the chain has a `[Symbol.iterator]` member.
    pub iterable: bool,
    /// Some class in the chain has a `[Symbol.asyncIterator]` member.
    pub async_iterable: bool,
    /// Some class in the chain has a getter, setter or `accessor` field.
    pub has_accessor: bool,
    /// Some class in the chain has a `#private` field (not a `#private` method).
    pub has_private_field: bool,
    /// Instance methods and accessors of the chain (by name), with their spans.
    pub methods: Vec<(String, Span)>,
    /// Own properties of an instance, by name: class fields and `this.name = …` writes in the
    /// chain's bodies (`this.go = this.go.bind(this)`). A copy keeps those.
    pub own: Vec<String>,
}

/// The value-kind inference for one file. Cheap to create; memoises per symbol.
pub struct Kinds<'a, 'c> {
    semantic: &'c Semantic<'a>,
    source: &'a str,
    line_index: &'c LazyLineIndex<'a>,
    symbols: RefCell<HashMap<SymbolId, Typed>>,
    classes: RefCell<HashMap<NodeId, Rc<ClassInfo>>>,
    /// `Scoping::symbol_is_mutated` scans every reference of the symbol; asked once per use,
    /// that is quadratic in a minified bundle where one short name has 100,000 references.
    mutated: RefCell<HashMap<SymbolId, bool>>,
    /// Member writes of the file by property name (`this.items = …`, `obj.items++`), built on
    /// first use.
    // Node ids only (no arena references) so that `Kinds` stays covariant in `'a`.
    member_writes: RefCell<Option<MemberWrites>>,
    /// `this.name` per class and privacy, by name, memoised (looked up without allocating).
    this_fields: RefCell<HashMap<(NodeId, bool), HashMap<String, Typed>>>,
    /// What the elements of an array binding are (see `element_of`), memoised.
    elements: RefCell<HashMap<SymbolId, Typed>>,
    /// What a property of an object literal read through its binding is (see
    /// `literal_value`), by the property's node, memoised.
    literal_values: RefCell<HashMap<NodeId, Typed>>,
    /// Whether the file has a direct `eval(…)` or a `with` statement (see `dynamic_kind`).
    dynamic: std::cell::Cell<Option<Dynamic>>,
    /// How deep [`Kinds::flag_set_under`] is nested (a flag set under a test of another flag).
    flag_depth: std::cell::Cell<u32>,
    /// Yes/no answers about a symbol that take a scan of all its references, memoised under
    /// the asking code's tag (see `symbol_fact`): asked once per use, such a scan is
    /// quadratic in a file with thousands of uses of one binding.
    facts: RefCell<HashMap<(&'static str, SymbolId, u32), bool>>,
    /// The same for questions about a node (see `node_fact`).
    node_facts: RefCell<HashMap<(&'static str, NodeId), bool>>,
    /// Values a rule derives from all of a symbol's references (see `symbol_memo`).
    memos: RefCell<HashMap<(&'static str, SymbolId, u32), Memo>>,
    /// The same for values derived from a node (see `node_memo`).
    node_memos: RefCell<HashMap<(&'static str, NodeId), Memo>>,
}

/// A set of property names.
type NameSet = rustc_hash::FxHashSet<String>;

/// A symbol's reference nodes with their start offsets, sorted by offset.
pub type ReferencesByStart = Rc<Vec<(u32, NodeId)>>;

/// A memoised value of any type (see `Kinds::symbol_memo`).
type Memo = Rc<dyn std::any::Any>;

thread_local! {
    /// How many full scans of a symbol's references the memoised helpers below made on this
    /// thread (tests count them to show a scan is made once per symbol, not once per use).
    static REFERENCE_SCANS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// The number of reference scans made by [`Kinds::symbol_fact`],
/// [`Kinds::references_by_start`] and [`Kinds::write_references`] on this thread so far.
pub fn reference_scans() -> u64 {
    REFERENCE_SCANS.with(std::cell::Cell::get)
}

fn count_scan() {
    REFERENCE_SCANS.with(|c| c.set(c.get() + 1));
}

impl<'a, 'c> Kinds<'a, 'c> {
    /// The inference over one file's semantic model.
    pub fn new(
        semantic: &'c Semantic<'a>,
        source: &'a str,
        line_index: &'c LazyLineIndex<'a>,
    ) -> Self {
        Self {
            semantic,
            source,
            line_index,
            symbols: RefCell::default(),
            classes: RefCell::default(),
            mutated: RefCell::default(),
            member_writes: RefCell::default(),
            this_fields: RefCell::default(),
            elements: RefCell::default(),
            literal_values: RefCell::default(),
            dynamic: std::cell::Cell::default(),
            flag_depth: std::cell::Cell::default(),
            facts: RefCell::default(),
            node_facts: RefCell::default(),
            memos: RefCell::default(),
            node_memos: RefCell::default(),
        }
    }

    /// A yes/no fact about `symbol` that only depends on the symbol (typically a scan of all
    /// its references), computed once per file and tag: `tag` names the question (one tag per
    /// question, e.g. `"accumulating-spread/fixed-steps"`). `compute` may ask other questions
    /// of the inference (the memo is not borrowed while it runs).
    pub fn symbol_fact(
        &self,
        tag: &'static str,
        symbol: SymbolId,
        compute: impl FnOnce() -> bool,
    ) -> bool {
        self.symbol_fact_at(tag, symbol, 0, compute)
    }

    /// [`Kinds::symbol_fact`] for a question that also depends on a small number (a depth
    /// budget): memoised per tag, symbol and number.
    pub fn symbol_fact_at(
        &self,
        tag: &'static str,
        symbol: SymbolId,
        at: u32,
        compute: impl FnOnce() -> bool,
    ) -> bool {
        if let Some(&known) = self.facts.borrow().get(&(tag, symbol, at)) {
            return known;
        }
        count_scan();
        let value = compute();
        self.facts.borrow_mut().insert((tag, symbol, at), value);
        value
    }

    /// [`Kinds::symbol_fact_at`] for an answer that is not a yes or no (a list of places in
    /// the code): computed once per file, tag, symbol and number, then shared. Each tag must
    /// always be asked for the same type `T`.
    pub fn symbol_memo<T: 'static>(
        &self,
        tag: &'static str,
        symbol: SymbolId,
        at: u32,
        compute: impl FnOnce() -> T,
    ) -> Rc<T> {
        let known = self.memos.borrow().get(&(tag, symbol, at)).cloned();
        if let Some(value) = known.and_then(|v| v.downcast::<T>().ok()) {
            return value;
        }
        count_scan();
        let value = Rc::new(compute());
        self.memos.borrow_mut().insert(
            (tag, symbol, at),
            Rc::clone(&value) as Rc<dyn std::any::Any>,
        );
        value
    }

    /// [`Kinds::node_fact`] for an answer that is not a yes or no (the guards of a statement
    /// list). Each tag must always be asked for the same type `T`.
    fn node_memo<T: 'static>(
        &self,
        tag: &'static str,
        node: NodeId,
        compute: impl FnOnce() -> T,
    ) -> Rc<T> {
        let known = self.node_memos.borrow().get(&(tag, node)).cloned();
        if let Some(value) = known.and_then(|v| v.downcast::<T>().ok()) {
            return value;
        }
        count_scan();
        let value = Rc::new(compute());
        self.node_memos
            .borrow_mut()
            .insert((tag, node), Rc::clone(&value) as Rc<dyn std::any::Any>);
        value
    }

    /// A yes/no fact about a node (an object literal, a statement list) that a rule would
    /// otherwise recompute for each of its children, computed once per file and tag.
    pub fn node_fact(
        &self,
        tag: &'static str,
        node: NodeId,
        compute: impl FnOnce() -> bool,
    ) -> bool {
        if let Some(&known) = self.node_facts.borrow().get(&(tag, node)) {
            return known;
        }
        count_scan();
        let value = compute();
        self.node_facts.borrow_mut().insert((tag, node), value);
        value
    }

    /// The nodes of `symbol`'s resolved references with their start offsets, sorted by
    /// offset (built once per symbol): the references inside a span are a binary search away.
    pub fn references_by_start(&self, symbol: SymbolId) -> ReferencesByStart {
        self.symbol_memo("kinds/references-by-start", symbol, 0, || {
            let nodes = self.semantic.nodes();
            let mut refs: Vec<(u32, NodeId)> = self
                .semantic
                .scoping()
                .get_resolved_references(symbol)
                .map(|r| (nodes.kind(r.node_id()).span().start, r.node_id()))
                .collect();
            refs.sort_unstable_by_key(|&(start, _)| start);
            refs
        })
    }

    /// The nodes of `symbol`'s write references (`x = …`, `x++`, `({ x } = …)`, `for (x of
    /// …)`), in reference order, built once per symbol.
    pub fn write_references(&self, symbol: SymbolId) -> Rc<Vec<NodeId>> {
        self.symbol_memo("kinds/write-references", symbol, 0, || {
            self.semantic
                .scoping()
                .get_resolved_references(symbol)
                .filter(|r| r.is_write())
                .map(|r| r.node_id())
                .collect()
        })
    }

    /// Whether a sloppy-mode file has a direct `eval(…)` or a `with` statement: then a name
    /// may be declared (`eval("var Map = …")`), rebound or read from another object (`with (o)
    /// { items }`) out of the model's sight, so no binding and no global is trusted. (A
    /// module, or code under "use strict", cannot have `with`, and its `eval` declares nothing
    /// outside itself: there only non-`const` bindings are distrusted, see `is_mutated`.)
    fn dynamic_scope(&self) -> bool {
        self.dynamic_kind() == Dynamic::Sloppy
    }

    fn dynamic_kind(&self) -> Dynamic {
        if let Some(d) = self.dynamic.get() {
            return d;
        }
        let scoping = self.semantic.scoping();
        let with = memchr::memmem::find(self.source.as_bytes(), b"with").is_some()
            && scoping
                .scope_descendants_from_root()
                .any(|s| scoping.scope_flags(s).contains(ScopeFlags::With));
        let eval = scoping.root_scope_flags().contains_direct_eval();
        let strict = self.semantic.source_type().is_module()
            || scoping.root_scope_flags().contains(ScopeFlags::StrictMode);
        let d = if with || (eval && !strict) {
            Dynamic::Sloppy
        } else if eval {
            Dynamic::StrictEval
        } else {
            Dynamic::None
        };
        self.dynamic.set(Some(d));
        d
    }

    /// Whether a name reads the global of that name: it resolves to no binding, and no direct
    /// `eval` or `with` in the file can make it read something else.
    fn is_global_id(&self, id: &IdentifierReference<'a>) -> bool {
        id.is_global_reference(self.semantic.scoping()) && !self.dynamic_scope()
    }

    /// Whether a binding is ever written after its declaration (memoised per symbol); always
    /// in a sloppy file with a direct `eval` or a `with`, and for any binding but a `const` in
    /// a strict file with a direct `eval` (`eval("data = [1]")`).
    pub fn is_mutated(&self, symbol: SymbolId) -> bool {
        match self.dynamic_kind() {
            Dynamic::Sloppy => return true,
            Dynamic::StrictEval
                if !self
                    .semantic
                    .scoping()
                    .symbol_flags(symbol)
                    .contains(SymbolFlags::ConstVariable) =>
            {
                return true;
            }
            _ => {}
        }
        if let Some(&m) = self.mutated.borrow().get(&symbol) {
            return m;
        }
        let m = self.semantic.scoping().symbol_is_mutated(symbol);
        self.mutated.borrow_mut().insert(symbol, m);
        m
    }

    /// The diagnostic every kind-based rule starts from: "`x` is a Map (created at line 3):
    /// {consequence}", with "did you forget `await`?" for an un-awaited Promise; labels on the
    /// flagged place (`place_label`), on the branch that has the kind (when `branching`), and
    /// on the kind's origin — unless the origin is the labelled place itself or, with
    /// `skip_inner_origin`, lies inside the span. The rule adds its help.
    #[allow(clippy::too_many_arguments)]
    pub fn diagnostic(
        &self,
        rule: &'static str,
        expr: &Expression<'a>,
        span: Span,
        branch_span: Span,
        t: &Typed,
        consequence: &str,
        place_label: &str,
        branching: bool,
        skip_inner_origin: bool,
    ) -> (crate::diagnostic::Diagnostic, String) {
        let subject = self.subject(expr);
        let d = self.diagnostic_about(
            rule,
            &subject,
            span,
            branch_span,
            t,
            consequence,
            place_label,
            branching,
            skip_inner_origin,
        );
        (d, subject)
    }

    /// [`Kinds::diagnostic`] about a subject given in words ("each element of `xs`").
    #[allow(clippy::too_many_arguments)]
    pub fn diagnostic_about(
        &self,
        rule: &'static str,
        subject: &str,
        span: Span,
        branch_span: Span,
        t: &Typed,
        consequence: &str,
        place_label: &str,
        branching: bool,
        skip_inner_origin: bool,
    ) -> crate::diagnostic::Diagnostic {
        let mut message = format!("{}: {consequence}", self.describe(subject, t, branching));
        if t.kind == Kind::Promise && t.origin.unawaited {
            message.push_str("; did you forget `await`?");
        }
        let mut d =
            crate::diagnostic::Diagnostic::new(rule, span, message).with_label(span, place_label);
        if branching && branch_span != span {
            d = d.with_label(branch_span, format!("this branch is {}", self.noun(t.kind)));
        }
        let labelled = if branching { branch_span } else { span };
        let inner = t.origin.span != span
            && span.start <= t.origin.span.start
            && t.origin.span.end <= span.end;
        if t.origin.span != labelled && !t.origin.label.is_empty() && !(skip_inner_origin && inner)
        {
            d = d.with_label(t.origin.span, t.origin.label.clone());
        }
        d
    }

    /// What `expr` is known to be (parentheses and TS `as`/`!`/`satisfies` looked through).
    pub fn of(&self, expr: &Expression<'a>) -> Typed {
        self.infer(expr, 0)
    }

    /// What a binding is known to be (a `const`, a never-reassigned `let`/`var`, an annotated
    /// parameter, a rest binding, a catch parameter…).
    pub fn of_symbol(&self, symbol: SymbolId) -> Typed {
        self.symbol(symbol, 0)
    }

    /// The values `expr` can evaluate to, for rules where any branch counts: the arms of
    /// `c ? a : b`, both sides of `a || b` and `a ?? b` (a left side known to be `null` or
    /// `undefined` is dropped: it is never the result), followed through `const` and
    /// never-reassigned bindings whose initializer is such an expression. Otherwise one entry,
    /// `of(expr)`. Each entry comes with the sub-expression it stands for.
    pub fn branches(&self, expr: &Expression<'a>) -> Vec<(Span, Typed)> {
        let mut out = Vec::new();
        self.collect_branches(expr, &mut out, 0, false);
        out
    }

    /// Like [`Kinds::branches`], but `a && b` gives the branches of `b`: the idiom
    /// `{...(cond && obj)}` spreads `obj` or a falsy value that object spread ignores.
    pub fn spread_branches(&self, expr: &Expression<'a>) -> Vec<(Span, Typed)> {
        let mut out = Vec::new();
        self.collect_branches(expr, &mut out, 0, true);
        out
    }

    /// The kind as a noun with its article, naming in-file classes ("an instance of `Session`").
    pub fn noun(&self, kind: Kind) -> String {
        match kind {
            Kind::Instance(node) => format!("an instance of `{}`", self.class_info(node).name),
            k => k.noun().to_string(),
        }
    }

    /// Whether the value can be iterated synchronously; `None` when that is not known.
    /// In-file class instances are iterable when a class in their chain has `[Symbol.iterator]`;
    /// one with only `[Symbol.asyncIterator]` is not (sync-)iterable: the caller decides
    /// whether the site takes async iterables (`for await`).
    pub fn is_iterable(&self, kind: Kind) -> Option<bool> {
        match kind {
            Kind::Instance(node) => {
                let info = self.class_info(node);
                if info.iterable {
                    Some(true)
                } else if info.extends_unknown || info.reshaped {
                    None
                } else {
                    Some(false)
                }
            }
            k => k.iterable(),
        }
    }

    /// Facts about a class declared in the file (memoised). `node` is the class's node.
    pub fn class_info(&self, node: NodeId) -> Rc<ClassInfo> {
        self.class_info_at(node, 0)
    }

    fn class_info_at(&self, node: NodeId, depth: u32) -> Rc<ClassInfo> {
        if let Some(info) = self.classes.borrow().get(&node) {
            return info.clone();
        }
        if depth > MAX_DEPTH {
            // A longer `extends` chain than any real code has: not judged (and not memoised,
            // so a shallower question can still answer).
            return Rc::new(ClassInfo {
                extends_unknown: true,
                ..ClassInfo::default()
            });
        }
        // Cycles (`class A extends B {}; class B extends A {}`) end at the placeholder.
        self.classes.borrow_mut().insert(
            node,
            Rc::new(ClassInfo {
                extends_unknown: true,
                ..ClassInfo::default()
            }),
        );
        let info = Rc::new(self.compute_class_info(node, depth));
        self.classes.borrow_mut().insert(node, info.clone());
        info
    }

    /// A short name for an expression in messages: "`settings`", "`this.items`", or
    /// "this value" when the text is long or spans lines.
    pub fn subject(&self, expr: &Expression<'a>) -> String {
        let text = self.text(expr.get_inner_expression().span());
        if text.len() <= 40 && !text.contains('\n') && !text.is_empty() {
            format!("`{text}`")
        } else {
            "this value".to_string()
        }
    }

    /// "`settings` is a Map (created at line 3)": a subject, its kind and where that came
    /// from; "can be" instead of "is" when `t` is one of several branches of the value.
    pub fn describe(&self, subject: &str, t: &Typed, branching: bool) -> String {
        let verb = if branching { "can be" } else { "is" };
        let noun = self.noun(t.kind);
        if t.origin.note.is_empty() {
            format!("{subject} {verb} {noun}")
        } else {
            format!("{subject} {verb} {noun} ({})", t.origin.note)
        }
    }

    /// The source text of a span.
    pub fn text(&self, span: oxc_span::Span) -> &'a str {
        self.source
            .get(span.start as usize..span.end as usize)
            .unwrap_or("")
    }

    /// The 1-based line of an offset.
    pub fn line_of(&self, offset: u32) -> u32 {
        self.line_index.line_of(offset)
    }

    /// The symbol an identifier reference resolves to (`None` for globals and unresolved names).
    pub fn symbol_of(&self, ident: &IdentifierReference<'a>) -> Option<SymbolId> {
        let reference = ident.reference_id.get()?;
        self.semantic.scoping().get_reference(reference).symbol_id()
    }

    /// Whether `expr` is the global `name` (an identifier with no local binding).
    pub fn is_global(&self, expr: &Expression<'a>, name: &str) -> bool {
        match expr.get_inner_expression() {
            Expression::Identifier(id) => id.name == name && self.is_global_id(id),
            _ => false,
        }
    }

    /// The in-file function a callee resolves to: a function declaration, or a `const` (or
    /// never-reassigned) binding of a function or arrow expression. Class methods are not followed.
    pub fn callee_function(&self, callee: &Expression<'a>) -> Option<FunctionShape> {
        let Expression::Identifier(id) = callee.get_inner_expression() else {
            return None;
        };
        let symbol = self.symbol_of(id)?;
        self.function_of_symbol(symbol, 0)
    }

    // ---- inference ------------------------------------------------------------------------

    fn infer(&self, expr: &Expression<'a>, depth: u32) -> Typed {
        if depth > MAX_DEPTH {
            return Typed::unknown();
        }
        let d = depth + 1;
        // `err as ApiError`, `<ApiError>err`: what a caught error is asserted to be says what
        // was thrown; a caught error only stays one under `any`, `unknown` or an Error type.
        // A kind known only from a type (`v: Record<string, unknown>`) yields to the asserted
        // type (`v as unknown as string[]`): the value may be any that fits the first type.
        // A kind known from the value (`new Map() as unknown as Record<…>`) stays.
        if let Some((ty, inner)) = type_assertion(expr)
            && !error_like_type(ty)
        {
            let t = self.infer(inner, d);
            return if t.kind == Kind::CaughtError {
                Typed::unknown()
            } else if t.origin.declared {
                self.asserted(ty, d)
            } else {
                t
            };
        }
        let expr = expr.get_inner_expression();
        let span = expr.span();
        match expr {
            Expression::ObjectExpression(o) => {
                let mut iterable = false;
                let mut open = false;
                for p in &o.properties {
                    match p {
                        ObjectPropertyKind::SpreadProperty(_) => open = true,
                        ObjectPropertyKind::ObjectProperty(p) => {
                            if is_symbol_iterator_key(&p.key, p.computed) {
                                iterable = true;
                            }
                            // An async-iterable object: what consumes it decides; unknown here.
                            if is_symbol_key(&p.key, p.computed, "asyncIterator") {
                                open = true;
                            }
                            if !p.computed
                                && p.key.is_specific_static_name("__proto__")
                                && !p.shorthand
                                && !p.method
                            {
                                open = true;
                            }
                            // `[ITER]`, `[key]`: the key may be `Symbol.iterator`.
                            if p.computed && may_be_symbol_key(&p.key) {
                                open = true;
                            }
                        }
                    }
                }
                self.created(Kind::Object { iterable, open }, span)
            }
            Expression::ArrayExpression(a) => {
                let bounded = !a
                    .elements
                    .iter()
                    .any(|e| matches!(e, ArrayExpressionElement::SpreadElement(_)));
                self.created(Kind::Array { bounded }, span)
            }
            Expression::StringLiteral(_) | Expression::TemplateLiteral(_) => {
                self.literal(Kind::String, span)
            }
            Expression::NumericLiteral(_) => self.literal(Kind::Number, span),
            Expression::BigIntLiteral(_) => self.literal(Kind::BigInt, span),
            Expression::BooleanLiteral(_) => self.literal(Kind::Boolean, span),
            Expression::NullLiteral(_) => self.literal(Kind::Null, span),
            Expression::RegExpLiteral(_) => self.created(Kind::RegExp, span),
            Expression::FunctionExpression(_) | Expression::ArrowFunctionExpression(_) => {
                self.created(Kind::Function, span)
            }
            Expression::ClassExpression(_) => self.created(Kind::Class, span),
            Expression::Identifier(id) => self.identifier(id, d),
            Expression::UnaryExpression(u) => match u.operator {
                UnaryOperator::Void => self.computed(Kind::Undefined, span),
                UnaryOperator::Typeof => self.computed(Kind::String, span),
                UnaryOperator::LogicalNot | UnaryOperator::Delete => {
                    self.computed(Kind::Boolean, span)
                }
                UnaryOperator::UnaryPlus => self.computed(Kind::Number, span),
                UnaryOperator::UnaryNegation | UnaryOperator::BitwiseNot => {
                    let inner = self.infer(&u.argument, d).kind;
                    self.computed(
                        if inner == Kind::BigInt {
                            Kind::BigInt
                        } else {
                            Kind::Number
                        },
                        span,
                    )
                }
            },
            Expression::UpdateExpression(_) => self.computed(Kind::Number, span),
            Expression::BinaryExpression(b) => self.binary(b, d),
            Expression::LogicalExpression(l) if l.operator != LogicalOperator::And => {
                self.merged(expr, d)
            }
            Expression::ConditionalExpression(_) => self.merged(expr, d),
            Expression::SequenceExpression(s) => s
                .expressions
                .last()
                .map_or_else(Typed::unknown, |e| self.infer(e, d)),
            Expression::AssignmentExpression(a) if a.operator.is_assign() => {
                self.infer(&a.right, d)
            }
            Expression::NewExpression(n) => self.new_expression(n, d),
            Expression::CallExpression(c) => self.call(c, d),
            Expression::ImportExpression(_) => {
                let mut t = Typed::new(
                    Kind::Promise,
                    span,
                    format!(
                        "returned by `import()` at line {}",
                        self.line_of(span.start)
                    ),
                    "this `import()` returns a Promise",
                );
                t.origin.unawaited = true;
                t
            }
            Expression::AwaitExpression(a) => {
                // `await fetch(…)` is a Response.
                if let Expression::CallExpression(c) = a.argument.get_inner_expression()
                    && !c.optional
                    && self.is_global(&c.callee, "fetch")
                {
                    return Typed::new(
                        Kind::Response,
                        span,
                        format!(
                            "returned by `await fetch()` at line {}",
                            self.line_of(span.start)
                        ),
                        "the Response awaited here",
                    );
                }
                let inner = self.infer(&a.argument, d);
                // `await` of a non-thenable gives the value itself; what a Promise resolves to
                // is not known.
                match inner.kind {
                    Kind::Promise
                    | Kind::Unknown
                    | Kind::Object { .. }
                    | Kind::Instance(_)
                    | Kind::CaughtError => Typed::unknown(),
                    _ => inner,
                }
            }
            Expression::StaticMemberExpression(m)
                if let Expression::ThisExpression(this) = m.object.get_inner_expression() =>
            {
                let name = m.property.name.as_str();
                let t = self.this_field(this.node_id(), name, false, d);
                self.unless_narrowed_field(t, m.node_id(), name, false)
            }
            Expression::PrivateFieldExpression(m)
                if let Expression::ThisExpression(this) = m.object.get_inner_expression() =>
            {
                let name = m.field.name.as_str();
                let t = self.this_field(this.node_id(), name, true, d);
                self.unless_narrowed_field(t, m.node_id(), name, true)
            }
            // `promises[0]`, `promises[i]`, `promises[i - 1]`: an element, when the array's
            // are known (not `promises[Symbol.iterator]` or a string key).
            Expression::ComputedMemberExpression(m)
                if matches!(
                    m.expression.get_inner_expression(),
                    Expression::NumericLiteral(_)
                        | Expression::Identifier(_)
                        | Expression::BinaryExpression(_)
                        | Expression::UpdateExpression(_)
                ) =>
            {
                self.element_of(&m.object, d)
            }
            Expression::StaticMemberExpression(m) => self.static_member(m, d),
            // `cfg?.tags`, `xs?.map(f)`: when the receiver's kind is known it is not nullish, and
            // the chain reads what the plain member or call reads.
            Expression::ChainExpression(c) => match &c.expression {
                ChainElement::StaticMemberExpression(m) => {
                    if let Expression::ThisExpression(this) = m.object.get_inner_expression() {
                        let name = m.property.name.as_str();
                        let t = self.this_field(this.node_id(), name, false, d);
                        self.unless_narrowed_field(t, m.node_id(), name, false)
                    } else {
                        self.static_member(m, d)
                    }
                }
                ChainElement::CallExpression(c) => self.call(c, d),
                _ => Typed::unknown(),
            },
            _ => Typed::unknown(),
        }
    }

    /// `obj.name` (not on `this`): the property of an object literal bound to `obj` (see
    /// [`Kinds::literal_property`]), else a builtin property of a known receiver (`s.length`).
    fn static_member(&self, m: &StaticMemberExpression<'a>, d: u32) -> Typed {
        let name = m.property.name.as_str();
        if let Expression::Identifier(obj) = m.object.get_inner_expression()
            && let Some(p) = self.data_property(obj, name, d)
        {
            return self.literal_value(p, d);
        }
        if let Expression::Identifier(obj) = m.object.get_inner_expression()
            && let Some(t) = self.annotated_member(obj, m.property.name.as_str(), m.node_id(), d)
        {
            return t;
        }
        let receiver = self.infer(&m.object, d);
        if !receiver.is_known() {
            return Typed::unknown();
        }
        // `store.items` for `const store = new Store()`: the field, as `this.items` reads it
        // in the class; an object type, which a test may narrow, is left alone.
        if let Kind::Instance(class_node) = receiver.kind {
            let t = self.field_of(class_node, name, false, d);
            return if t.origin.declared && matches!(t.kind, Kind::Object { .. }) {
                Typed::unknown()
            } else {
                t
            };
        }
        match builtins::property(receiver.kind, name) {
            Some(k) => self.computed(k, m.span),
            None => Typed::unknown(),
        }
    }

    fn identifier(&self, id: &IdentifierReference<'a>, depth: u32) -> Typed {
        let span = id.span;
        if self.is_global_id(id) {
            return match id.name.as_str() {
                "undefined" => self.literal(Kind::Undefined, span),
                "NaN" | "Infinity" => self.literal(Kind::Number, span),
                _ => Typed::unknown(),
            };
        }
        let Some(symbol) = self.symbol_of(id) else {
            return Typed::unknown();
        };
        let t = self.symbol(symbol, depth);
        // An object type (`v: Record<string, unknown>`, `v: { length: number }`) fits arrays
        // and strings too: a test of the binding on the way to this use (`Array.isArray(v)`,
        // `typeof v`, `isList(v)`) or an assertion call before it (`assertList(v)`) may have
        // narrowed it to one of them.
        if t.origin.declared
            && matches!(t.kind, Kind::Object { .. })
            && let Some(reference) = id.reference_id.get()
        {
            let scoping = self.semantic.scoping();
            let is_it = |e: &Expression<'a>| {
                matches!(e, Expression::Identifier(r)
                    if r.reference_id.get().and_then(|r| scoping.get_reference(r).symbol_id())
                        == Some(symbol))
            };
            if self.narrowed(scoping.get_reference(reference).node_id(), &is_it) {
                return Typed::unknown();
            }
        }
        // A caught error is only taken to be an Error: where a test on the way says it is not
        // one (`err instanceof Error ? … : {...err}`, after `if (err instanceof Error) return
        // …`, `typeof err !== 'object'`, `!isError(err)`), nothing is known about it.
        if t.kind == Kind::CaughtError
            && let Some(reference) = id.reference_id.get()
        {
            let scoping = self.semantic.scoping();
            let node = scoping.get_reference(reference).node_id();
            if self.not_an_error_at(node, symbol) {
                return Typed::unknown();
            }
        }
        t
    }

    /// Whether the node `child`, a read of the caught error `symbol`, is reached only where a
    /// test says the value is not an Error: in the branch of an `if`, `?:`, `&&` or `||` that
    /// the test's outcome selects, or after an `if` whose branch leaves when the value is one.
    fn not_an_error_at(&self, mut child: NodeId, symbol: SymbolId) -> bool {
        let nodes = self.semantic.nodes();
        for parent in nodes.ancestors(child) {
            let at = nodes.kind(child).span();
            let ruled_out = match parent.kind() {
                AstKind::ConditionalExpression(c) if c.test.span() != at => {
                    self.implies_not_error(&c.test, c.consequent.span() == at, symbol)
                }
                AstKind::IfStatement(i) if i.test.span() != at => {
                    self.implies_not_error(&i.test, i.consequent.span() == at, symbol)
                }
                AstKind::LogicalExpression(l) if l.right.span() == at => match l.operator {
                    LogicalOperator::And => self.implies_not_error(&l.left, true, symbol),
                    LogicalOperator::Or => self.implies_not_error(&l.left, false, symbol),
                    LogicalOperator::Coalesce => false,
                },
                AstKind::BlockStatement(b) => self.left_unless_not_error(&b.body, at, symbol),
                AstKind::FunctionBody(b) => self.left_unless_not_error(&b.statements, at, symbol),
                AstKind::SwitchCase(c) => self.left_unless_not_error(&c.consequent, at, symbol),
                _ => false,
            };
            if ruled_out {
                return true;
            }
            child = parent.id();
        }
        false
    }

    /// Whether an `if` without `else` before `at` in `list` leaves when its test is true, and
    /// its test being false says the caught error `symbol` is not an Error
    /// (`if (err instanceof Error) return …;`).
    fn left_unless_not_error(
        &self,
        list: &[Statement<'a>],
        at: oxc_span::Span,
        symbol: SymbolId,
    ) -> bool {
        let end = list.partition_point(|s| s.span().end <= at.start);
        list[end.saturating_sub(MAX_GUARD_DISTANCE)..end]
            .iter()
            .any(|s| {
                matches!(s, Statement::IfStatement(i)
                    if i.alternate.is_none()
                        && leaves(&i.consequent, &|e| self.never_returns(e))
                        && self.implies_not_error(&i.test, false, symbol))
            })
    }

    /// Whether `test` having the outcome `outcome` says the caught error `symbol` is not an
    /// Error: `err` falsy, `err instanceof Error` false (the global `Error`; a subclass being
    /// false leaves the others), `typeof err` other than `'object'`, `typeof err.message`
    /// other than `'string'`, `isError(err)` / `util.types.isNativeError(err)` false,
    /// `'message' in err` false; through `!`, `&&` and `||` where the outcome decides.
    fn implies_not_error(&self, test: &Expression<'a>, outcome: bool, symbol: SymbolId) -> bool {
        let scoping = self.semantic.scoping();
        let is_it = |e: &Expression<'a>| {
            matches!(e.get_inner_expression(), Expression::Identifier(r)
                if r.reference_id.get().and_then(|r| scoping.get_reference(r).symbol_id())
                    == Some(symbol))
        };
        match test.get_inner_expression() {
            Expression::UnaryExpression(u) if u.operator == UnaryOperator::LogicalNot => {
                self.implies_not_error(&u.argument, !outcome, symbol)
            }
            Expression::LogicalExpression(l) => match (l.operator, outcome) {
                (LogicalOperator::And, true) | (LogicalOperator::Or, false) => {
                    self.implies_not_error(&l.left, outcome, symbol)
                        || self.implies_not_error(&l.right, outcome, symbol)
                }
                (LogicalOperator::And, false) | (LogicalOperator::Or, true) => {
                    self.implies_not_error(&l.left, outcome, symbol)
                        && self.implies_not_error(&l.right, outcome, symbol)
                }
                (LogicalOperator::Coalesce, _) => false,
            },
            // A falsy value is no Error: `if (!err) …`, the left of `err && …` being false.
            e if is_it(e) => !outcome,
            Expression::BinaryExpression(b) => match b.operator {
                BinaryOperator::Instanceof => {
                    !outcome && is_it(&b.left) && self.is_global(&b.right, "Error")
                }
                BinaryOperator::In => {
                    !outcome
                        && is_it(&b.right)
                        && match b.left.get_inner_expression() {
                            Expression::StringLiteral(s) => s.value == "message",
                            Expression::TemplateLiteral(t) => {
                                t.single_quasi().is_some_and(|q| q == "message")
                            }
                            _ => false,
                        }
                }
                BinaryOperator::StrictEquality
                | BinaryOperator::Equality
                | BinaryOperator::StrictInequality
                | BinaryOperator::Inequality => {
                    // What `typeof` is applied to: the value (an Error's is `'object'`) or
                    // its `message` (an Error's is `'string'`).
                    let typeof_of = |e: &Expression<'a>| match e.get_inner_expression() {
                        Expression::UnaryExpression(u) if u.operator == UnaryOperator::Typeof => {
                            let arg = u.argument.get_inner_expression();
                            if is_it(arg) {
                                Some("object")
                            } else {
                                arg.as_member_expression()
                                    .filter(|m| {
                                        is_it(m.object())
                                            && m.static_property_name() == Some("message")
                                    })
                                    .map(|_| "string")
                            }
                        }
                        _ => None,
                    };
                    let literal = |e: &Expression<'a>| match e.get_inner_expression() {
                        Expression::StringLiteral(s) => Some(s.value.as_str()),
                        Expression::TemplateLiteral(t) => t.single_quasi().map(|q| q.as_str()),
                        _ => None,
                    };
                    let pair = match (typeof_of(&b.left), typeof_of(&b.right)) {
                        (Some(of_error), _) => literal(&b.right).map(|n| (of_error, n)),
                        (_, Some(of_error)) => literal(&b.left).map(|n| (of_error, n)),
                        _ => None,
                    };
                    let equal = matches!(
                        b.operator,
                        BinaryOperator::StrictEquality | BinaryOperator::Equality
                    ) == outcome;
                    // `typeof err === 'string'`, `typeof err !== 'object'`, `typeof
                    // err.message !== 'string'`.
                    pair.is_some_and(|(of_error, n)| (n == of_error) != equal)
                }
                _ => false,
            },
            Expression::CallExpression(c) => {
                let callee = match c.callee.get_inner_expression() {
                    Expression::Identifier(f) => Some(f.name.as_str()),
                    e => e
                        .as_member_expression()
                        .and_then(|m| m.static_property_name()),
                };
                !outcome
                    && matches!(callee, Some("isError" | "isNativeError"))
                    && c.arguments
                        .first()
                        .and_then(|a| a.as_expression())
                        .is_some_and(is_it)
            }
            _ => false,
        }
    }

    /// Whether the value `is_it` recognises may have been narrowed where `node` reads it: a
    /// test that can tell kinds apart guards the read (see [`Kinds::guarded_by`]), or a call
    /// handed the value comes before it (`assertList(v);`, a TypeScript assertion function).
    fn narrowed(&self, node: NodeId, is_it: &dyn Fn(&Expression<'a>) -> bool) -> bool {
        let mentions = |e: &Expression<'a>| {
            let mut m = Mentions {
                is_it,
                found: false,
            };
            m.visit_expression(e);
            m.found
        };
        let handed = |c: &CallExpression<'a>| {
            c.arguments.iter().any(|a| {
                a.as_expression()
                    .is_some_and(|e| is_it(e.get_inner_expression()) || mentions(e))
            })
        };
        self.guarded_by(node, &mentions) || self.asserted_before(node, &handed)
    }

    fn symbol(&self, symbol: SymbolId, depth: u32) -> Typed {
        if depth > MAX_DEPTH || self.dynamic_scope() {
            return Typed::unknown();
        }
        if let Some(t) = self.symbols.borrow().get(&symbol) {
            return t.clone();
        }
        self.symbols.borrow_mut().insert(symbol, Typed::unknown());
        let t = self.compute_symbol(symbol, depth + 1);
        self.symbols.borrow_mut().insert(symbol, t.clone());
        t
    }

    fn compute_symbol(&self, symbol: SymbolId, depth: u32) -> Typed {
        let scoping = self.semantic.scoping();
        if !scoping.symbol_redeclarations(symbol).is_empty() {
            return Typed::unknown();
        }
        let flags = scoping.symbol_flags(symbol);
        let mutated = self.is_mutated(symbol);
        let binding_span = scoping.symbol_span(symbol);
        let decl = scoping.symbol_declaration(symbol);
        match self.semantic.nodes().kind(decl) {
            AstKind::VariableDeclarator(d) => {
                let parent = self.semantic.nodes().parent_kind(decl);
                let AstKind::VariableDeclaration(decl_stmt) = parent else {
                    return Typed::unknown();
                };
                if matches!(
                    decl_stmt.kind,
                    VariableDeclarationKind::Using | VariableDeclarationKind::AwaitUsing
                ) {
                    return Typed::unknown();
                }
                // `declare const cache: Map<…>`: a value made elsewhere, whose annotation is
                // all there is (a `declare let` may be reassigned anywhere).
                if decl_stmt.declare {
                    return match (&d.type_annotation, decl_stmt.kind) {
                        (Some(ann), VariableDeclarationKind::Const) => {
                            self.annotation(&ann.type_annotation, depth)
                        }
                        _ => Typed::unknown(),
                    };
                }
                // `for (const x of xs)`: the binding holds each element.
                let in_loop_head = matches!(
                    self.semantic
                        .nodes()
                        .parent_kind(self.semantic.nodes().parent_id(decl)),
                    AstKind::ForOfStatement(_) | AstKind::ForInStatement(_)
                );
                if in_loop_head {
                    // `for (const p of promises)`: an element, when the array's are known.
                    let nodes = self.semantic.nodes();
                    if let AstKind::ForOfStatement(f) = nodes.parent_kind(nodes.parent_id(decl))
                        && !f.r#await
                        && !mutated
                        && matches!(d.id, BindingPattern::BindingIdentifier(_))
                    {
                        return self.element_of(&f.right, depth);
                    }
                    return Typed::unknown();
                }
                match locate(&d.id, binding_span) {
                    Some(Place::Whole) => {
                        if !mutated && let Some(init) = &d.init {
                            let mut t = self.infer(init, depth);
                            // `obj[Symbol.iterator] = …` later may make a plain object, a
                            // function or an instance iterable.
                            match t.kind {
                                Kind::Object {
                                    iterable: false,
                                    open: false,
                                } if self.has_computed_member_write(symbol) => {
                                    t.kind = Kind::Object {
                                        iterable: false,
                                        open: true,
                                    };
                                }
                                Kind::Function | Kind::Instance(_)
                                    if self.has_computed_member_write(symbol) =>
                                {
                                    return Typed::unknown();
                                }
                                _ => {}
                            }
                            if t.is_known() {
                                return t;
                            }
                        }
                        match &d.type_annotation {
                            Some(ann) => self.annotation(&ann.type_annotation, depth),
                            None => Typed::unknown(),
                        }
                    }
                    Some(Place::ObjectRest) if !mutated => self.rest_binding(
                        Kind::Object {
                            iterable: false,
                            open: false,
                        },
                        binding_span,
                        "object rest",
                    ),
                    Some(Place::ArrayRest) if !mutated => self.rest_binding(
                        Kind::Array { bounded: false },
                        binding_span,
                        "array rest",
                    ),
                    Some(Place::Property(key) | Place::DefaultedProperty(key)) => {
                        match (&d.type_annotation, &d.init) {
                            (Some(ann), _) => {
                                self.member_annotation(&ann.type_annotation, &key, depth)
                            }
                            // `const { tags } = cfg`: the property of the object literal bound
                            // to `cfg`; with a default, when that property is never `undefined`.
                            (None, Some(init)) if !mutated => {
                                let Expression::Identifier(obj) = init.get_inner_expression()
                                else {
                                    return Typed::unknown();
                                };
                                let Some(p) = self.data_property(obj, &key, depth) else {
                                    // `const { tabs } = p` for `p: { tabs: Map<K, V> }`.
                                    let at = obj.reference_id.get().map(|r| {
                                        self.semantic.scoping().get_reference(r).node_id()
                                    });
                                    return at
                                        .and_then(|at| self.annotated_member(obj, &key, at, depth))
                                        .unwrap_or_else(Typed::unknown);
                                };
                                let t = self.literal_value(p, depth);
                                if t.kind == Kind::Undefined {
                                    Typed::unknown()
                                } else {
                                    t
                                }
                            }
                            _ => Typed::unknown(),
                        }
                    }
                    Some(Place::Element(index)) if !mutated => match &d.init {
                        Some(init) => self.array_element(init, index, depth),
                        None => Typed::unknown(),
                    },
                    _ => Typed::unknown(),
                }
            }
            AstKind::FormalParameter(p) => {
                if let BindingPattern::BindingIdentifier(_) = &p.pattern {
                    let loose = p.type_annotation.as_ref().is_none_or(|a| {
                        matches!(
                            a.type_annotation,
                            TSType::TSAnyKeyword(_) | TSType::TSUnknownKeyword(_)
                        )
                    });
                    if loose
                        && !mutated
                        && let Some(t) = self.catch_callback_error(decl, depth)
                    {
                        return t;
                    }
                    if p.type_annotation.is_none()
                        && !mutated
                        && let Some(array) = self.element_callback_array(decl)
                    {
                        return self.element_of(array, depth);
                    }
                    return match &p.type_annotation {
                        Some(ann) => self.annotation(&ann.type_annotation, depth),
                        None => Typed::unknown(),
                    };
                }
                match locate(&p.pattern, binding_span) {
                    Some(Place::ObjectRest) if !mutated => self.rest_binding(
                        Kind::Object {
                            iterable: false,
                            open: false,
                        },
                        binding_span,
                        "object rest",
                    ),
                    Some(Place::ArrayRest) if !mutated => self.rest_binding(
                        Kind::Array { bounded: false },
                        binding_span,
                        "array rest",
                    ),
                    Some(Place::Property(key) | Place::DefaultedProperty(key)) => {
                        match &p.type_annotation {
                            Some(ann) => self.member_annotation(&ann.type_annotation, &key, depth),
                            None => Typed::unknown(),
                        }
                    }
                    _ => Typed::unknown(),
                }
            }
            AstKind::FormalParameterRest(r) => {
                if mutated {
                    return Typed::unknown();
                }
                match locate(&r.rest.argument, binding_span) {
                    Some(Place::Whole) => self.rest_binding(
                        Kind::Array { bounded: true },
                        binding_span,
                        "rest parameter",
                    ),
                    _ => Typed::unknown(),
                }
            }
            AstKind::Function(f)
                if !mutated && f.body.is_some() && !self.has_computed_member_write(symbol) =>
            {
                Typed::new(
                    Kind::Function,
                    f.id.as_ref().map_or(f.span, |i| i.span),
                    format!("declared at line {}", self.line_of(f.span.start)),
                    "the function declared here",
                )
            }
            AstKind::Class(c) if !mutated && !c.declare => Typed::new(
                Kind::Class,
                c.id.as_ref().map_or(c.span, |i| i.span),
                format!("declared at line {}", self.line_of(c.span.start)),
                "the class declared here",
            ),
            AstKind::CatchParameter(cp) => {
                if mutated || !flags.contains(SymbolFlags::CatchVariable) {
                    return Typed::unknown();
                }
                let BindingPattern::BindingIdentifier(_) = &cp.pattern else {
                    return Typed::unknown();
                };
                let loose = cp.type_annotation.as_ref().is_none_or(|a| {
                    matches!(
                        a.type_annotation,
                        TSType::TSAnyKeyword(_) | TSType::TSUnknownKeyword(_)
                    )
                });
                if !loose {
                    return Typed::unknown();
                }
                Typed::new(
                    Kind::CaughtError,
                    binding_span,
                    format!("caught at line {}", self.line_of(binding_span.start)),
                    "the caught error",
                )
            }
            _ => Typed::unknown(),
        }
    }

    /// Whether a binding may gain properties under computed keys after its literal: a
    /// computed member write (`x[key] = v`), or `Object.defineProperty(x, …)`,
    /// `Object.defineProperties(x, …)`, `Object.assign(x, …)`, `Object.setPrototypeOf(x, …)`,
    /// `Reflect.defineProperty(x, …)`, `Reflect.set(x, …)`, `Reflect.setPrototypeOf(x, …)`.
    fn has_computed_member_write(&self, symbol: SymbolId) -> bool {
        let nodes = self.semantic.nodes();
        self.semantic
            .scoping()
            .get_resolved_references(symbol)
            .any(|r| {
                let node = r.node_id();
                match nodes.parent_kind(node) {
                    AstKind::ComputedMemberExpression(_) => {
                        r.flags().contains(ReferenceFlags::MemberWriteTarget)
                    }
                    AstKind::CallExpression(call) => {
                        reshaping_call(call, &|e, ns| self.is_global(e, ns))
                            && call
                                .arguments
                                .first()
                                .is_some_and(|a| a.span() == nodes.kind(node).span())
                    }
                    _ => false,
                }
            })
    }

    fn rest_binding(&self, kind: Kind, span: oxc_span::Span, what: &str) -> Typed {
        Typed::new(
            kind,
            span,
            format!("the {what} at line {}", self.line_of(span.start)),
            format!("this {what}"),
        )
    }

    fn created(&self, kind: Kind, span: oxc_span::Span) -> Typed {
        Typed::new(
            kind,
            span,
            format!("created at line {}", self.line_of(span.start)),
            format!("the {} created here", kind.name()),
        )
    }

    fn literal(&self, kind: Kind, span: oxc_span::Span) -> Typed {
        Typed::new(
            kind,
            span,
            format!("the literal at line {}", self.line_of(span.start)),
            format!("this {}", kind.name()),
        )
    }

    fn computed(&self, kind: Kind, span: oxc_span::Span) -> Typed {
        Typed::new(
            kind,
            span,
            format!("computed at line {}", self.line_of(span.start)),
            format!("this {}", kind.name()),
        )
    }

    /// What an identifier is when it is bound by an import or a `require` of one of Node's
    /// promise modules (`node:fs/promises`, `timers/promises`, …): the module or one of its
    /// Promise-returning functions, with the module's name to show.
    fn promise_import(
        &self,
        id: &IdentifierReference<'a>,
    ) -> Option<(builtins::PromiseBinding, &'a str)> {
        let symbol = self.symbol_of(id)?;
        let scoping = self.semantic.scoping();
        if !scoping.symbol_redeclarations(symbol).is_empty() {
            return None;
        }
        let decl = scoping.symbol_declaration(symbol);
        let nodes = self.semantic.nodes();
        let key = match nodes.kind(decl) {
            AstKind::VariableDeclarator(d) => return self.promise_require(symbol, d),
            AstKind::ImportDefaultSpecifier(_) | AstKind::ImportNamespaceSpecifier(_) => None,
            AstKind::ImportSpecifier(s) if !s.import_kind.is_type() => {
                Some(s.imported.name().as_str())
            }
            _ => return None,
        };
        let AstKind::ImportDeclaration(import) = nodes.parent_kind(decl) else {
            return None;
        };
        if import.import_kind.is_type() {
            return None;
        }
        let module = import.source.value.as_str();
        Some(named(builtins::promise_binding(module, key)?, module))
    }

    /// The module a binding is as a whole: a default or namespace import (not a type import),
    /// or a never-reassigned `const fs = require("fs")`.
    fn whole_module(&self, id: &IdentifierReference<'a>) -> Option<&'a str> {
        let symbol = self.symbol_of(id)?;
        let scoping = self.semantic.scoping();
        if !scoping.symbol_redeclarations(symbol).is_empty() || self.is_mutated(symbol) {
            return None;
        }
        let decl = scoping.symbol_declaration(symbol);
        let nodes = self.semantic.nodes();
        match nodes.kind(decl) {
            AstKind::VariableDeclarator(d)
                if matches!(d.id, BindingPattern::BindingIdentifier(_)) =>
            {
                match required_module(d.init.as_ref()?, |id| id.is_global_reference(scoping))? {
                    (source, None) => Some(source),
                    _ => None,
                }
            }
            AstKind::ImportDefaultSpecifier(_) | AstKind::ImportNamespaceSpecifier(_) => {
                match nodes.parent_kind(decl) {
                    AstKind::ImportDeclaration(import) if !import.import_kind.is_type() => {
                        Some(import.source.value.as_str())
                    }
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// [`Kinds::promise_import`] for CommonJS: `const fs = require("fs/promises")`, `const fs
    /// = require("fs").promises`, `const { readFile } = require("fs/promises")`, `const {
    /// promises: fs } = require("fs")`, never reassigned.
    fn promise_require(
        &self,
        symbol: SymbolId,
        d: &'a VariableDeclarator<'a>,
    ) -> Option<(builtins::PromiseBinding, &'a str)> {
        let scoping = self.semantic.scoping();
        let (source, export) =
            required_module(d.init.as_ref()?, |id| id.is_global_reference(scoping))?;
        if self.is_mutated(symbol) {
            return None;
        }
        // The module the binding's value comes from: `require(source)` or its `export`
        // (named after what it is: `fs/promises` for `require("fs").promises`).
        let module = match export {
            Some(e) => builtins::module_export(source, e)?,
            None => source,
        };
        let binding = match locate(&d.id, scoping.symbol_span(symbol))? {
            Place::Whole => builtins::promise_binding(module, None)?,
            Place::Property(key) => builtins::promise_binding(module, Some(&key))?,
            _ => return None,
        };
        Some(named(binding, module))
    }

    /// An un-awaited call of a promise module's function.
    fn promise_module_call(&self, span: oxc_span::Span, callee: &str, source: &str) -> Typed {
        let mut t = Typed::new(
            Kind::Promise,
            span,
            format!(
                "returned by `{callee}` of `{source}` at line {}",
                self.line_of(span.start)
            ),
            format!("this `{callee}` call returns a Promise"),
        );
        t.origin.unawaited = true;
        t
    }

    fn returned(&self, kind: Kind, span: oxc_span::Span, callee: &str) -> Typed {
        Typed::new(
            kind,
            span,
            format!(
                "returned by `{callee}` at line {}",
                self.line_of(span.start)
            ),
            format!("{} returned here", kind.noun()),
        )
    }

    fn binary(&self, b: &BinaryExpression<'a>, depth: u32) -> Typed {
        use BinaryOperator::*;
        let span = b.span;
        match b.operator {
            Equality | Inequality | StrictEquality | StrictInequality | LessThan
            | LessEqualThan | GreaterThan | GreaterEqualThan | In | Instanceof => {
                self.computed(Kind::Boolean, span)
            }
            Addition => {
                let l = self.infer(&b.left, depth).kind;
                let r = self.infer(&b.right, depth).kind;
                if l == Kind::String || r == Kind::String {
                    self.computed(Kind::String, span)
                } else if l == Kind::Number && r == Kind::Number {
                    self.computed(Kind::Number, span)
                } else if l == Kind::BigInt && r == Kind::BigInt {
                    self.computed(Kind::BigInt, span)
                } else {
                    Typed::unknown()
                }
            }
            _ => {
                let l = self.infer(&b.left, depth).kind;
                let r = self.infer(&b.right, depth).kind;
                let bigint = l == Kind::BigInt || r == Kind::BigInt;
                let kind = if bigint && b.operator != ShiftRightZeroFill {
                    Kind::BigInt
                } else {
                    Kind::Number
                };
                self.computed(kind, span)
            }
        }
    }

    /// `c ? a : b`, `a || b`, `a ?? b`: the common kind of every branch.
    fn merged(&self, expr: &Expression<'a>, depth: u32) -> Typed {
        let mut branches = Vec::new();
        self.collect_branches(expr, &mut branches, depth, false);
        let mut iter = branches.into_iter();
        let Some((_, first)) = iter.next() else {
            return Typed::unknown();
        };
        let mut kind = first.kind;
        let mut declared = first.origin.declared;
        for (_, t) in iter {
            kind = kind.merge(t.kind);
            declared |= t.origin.declared;
        }
        let mut t = first.with_kind(kind);
        t.origin.declared = declared && t.is_known();
        t
    }

    fn collect_branches(
        &self,
        expr: &Expression<'a>,
        out: &mut Vec<(Span, Typed)>,
        depth: u32,
        and_right: bool,
    ) {
        if depth > MAX_DEPTH || out.len() > 16 {
            out.push((expr.span().into(), Typed::unknown()));
            return;
        }
        let d = depth + 1;
        // `{...(err as ApiError)}`: judged whole (see `infer`).
        if type_assertion(expr).is_some_and(|(ty, _)| !error_like_type(ty)) {
            out.push((
                expr.get_inner_expression().span().into(),
                self.infer(expr, d),
            ));
            return;
        }
        // `[...lines!]`: the author asserts the value is not `null` nor `undefined` (TypeScript's
        // non-null assertion), so nullish branches are not what reaches the use.
        if non_null_asserted(expr) {
            let mut inner = Vec::new();
            self.collect_branches(expr.get_inner_expression(), &mut inner, d, and_right);
            let found = inner.len();
            inner.retain(|(_, t)| !t.kind.is_nullish());
            if inner.is_empty() && found > 0 {
                let expr = expr.get_inner_expression();
                out.push((expr.span().into(), self.infer(expr, d)));
            } else {
                out.extend(inner);
            }
            return;
        }
        // `{...(cond ? obj : false)}` and `{...(obj || false)}` spread `obj` or nothing, like
        // `cond && obj`: the falsy literal is no branch there.
        let empty_arm = |arm: &Expression<'a>| {
            and_right && {
                let arm = arm.get_inner_expression();
                let t = self.infer(arm, d);
                matches!(t.kind, Kind::Boolean | Kind::Number | Kind::String)
                    && self.is_falsy_placeholder(arm.span().into(), t.kind)
            }
        };
        let expr = expr.get_inner_expression();
        match expr {
            Expression::ConditionalExpression(c) => {
                for arm in [&c.consequent, &c.alternate] {
                    if !empty_arm(arm) {
                        self.collect_branches(arm, out, d, and_right);
                    }
                }
            }
            Expression::LogicalExpression(l) if l.operator == LogicalOperator::And => {
                if and_right {
                    self.collect_branches(&l.right, out, d, and_right);
                } else {
                    out.push((l.span.into(), Typed::unknown()));
                }
            }
            Expression::LogicalExpression(l) => {
                let before = out.len();
                self.collect_branches(&l.left, out, d, and_right);
                // A nullish left side is never the value of `a || b` nor `a ?? b`, and `false`
                // is never the value of `a || b`.
                let or = l.operator == LogicalOperator::Or;
                let mut i = before;
                while i < out.len() {
                    let drop = out[i].1.kind.is_nullish()
                        || (or
                            && matches!(out[i].1.kind, Kind::Boolean)
                            && self.text(out[i].0.into_oxc()) == "false");
                    if drop {
                        out.remove(i);
                    } else {
                        i += 1;
                    }
                }
                if !empty_arm(&l.right) {
                    self.collect_branches(&l.right, out, d, and_right);
                }
            }
            Expression::Identifier(id) => {
                // Through a never-reassigned binding whose initializer branches, unless a test
                // of the binding guards this use (`Array.isArray(value) ? [...value] : …`): the
                // test may rule out the branch that would be flagged.
                if let Some(init) = self.branching_init(id)
                    && !self.is_guarded(id)
                {
                    let mut inner = Vec::new();
                    self.collect_branches(init, &mut inner, d, and_right);
                    if inner.len() > 1 {
                        // A binding that can be a falsy placeholder (`const seen = dev ? new
                        // Map() : undefined`) used behind a check (`if (seen)`, `if (dev)`):
                        // those branches are not what reaches the use.
                        if self.placeholder_ruled_out(id, init) {
                            inner.retain(|(span, t)| !self.is_falsy_placeholder(*span, t.kind));
                        }
                        if !inner.is_empty() {
                            out.extend(inner);
                            return;
                        }
                    }
                }
                out.push((expr.span().into(), self.infer(expr, d)));
            }
            _ => out.push((expr.span().into(), self.infer(expr, d))),
        }
    }

    /// `null`, `undefined`, `void 0`, `false`, `0`, `''`: values a later truthiness check rules out.
    fn is_falsy_placeholder(&self, span: Span, kind: Kind) -> bool {
        kind.is_nullish()
            || matches!(
                self.text(span.into_oxc()),
                "false" | "0" | "''" | "\"\"" | "``" | "!1"
            )
    }

    /// The initializer of the binding `id` refers to, when that is a plain `const` or a
    /// never-reassigned `let`/`var` (`const defaults = { a: 1 }` → the object literal), with
    /// parentheses and TS wrappers looked through. `None` for parameters, destructured
    /// bindings, loop heads, reassigned or redeclared bindings, and globals.
    pub fn binding_init(&self, id: &IdentifierReference<'a>) -> Option<&'a Expression<'a>> {
        let symbol = self.symbol_of(id)?;
        let scoping = self.semantic.scoping();
        if self.is_mutated(symbol) || !scoping.symbol_redeclarations(symbol).is_empty() {
            return None;
        }
        let decl = scoping.symbol_declaration(symbol);
        let AstKind::VariableDeclarator(d) = self.semantic.nodes().kind(decl) else {
            return None;
        };
        if !matches!(d.id, BindingPattern::BindingIdentifier(_)) {
            return None;
        }
        Some(d.init.as_ref()?.get_inner_expression())
    }

    /// The initializer of the declaration of a never-reassigned binding, plain or destructured
    /// (`const { length } = lines || []` → `lines || []`).
    fn declared_init(&self, id: &IdentifierReference<'a>) -> Option<&'a Expression<'a>> {
        let symbol = self.symbol_of(id)?;
        let scoping = self.semantic.scoping();
        if self.is_mutated(symbol) || !scoping.symbol_redeclarations(symbol).is_empty() {
            return None;
        }
        let AstKind::VariableDeclarator(d) = self
            .semantic
            .nodes()
            .kind(scoping.symbol_declaration(symbol))
        else {
            return None;
        };
        Some(d.init.as_ref()?.get_inner_expression())
    }

    /// Whether a use of a binding is guarded by a test that reads the binding: it is in the
    /// branch of an `if`, `?:`, `&&` or `||` whose test mentions it, follows an `if` on it
    /// whose branch leaves (`if (!Array.isArray(value)) return …;`), or follows a call handed
    /// such a test (`assert(Array.isArray(value))`).
    fn is_guarded(&self, id: &IdentifierReference<'a>) -> bool {
        let Some(symbol) = self.symbol_of(id) else {
            return false;
        };
        let scoping = self.semantic.scoping();
        let Some(reference) = id.reference_id.get() else {
            return false;
        };
        let is_it = |e: &Expression<'a>| {
            matches!(e, Expression::Identifier(id)
                if id.reference_id.get().and_then(|r| scoping.get_reference(r).symbol_id())
                    == Some(symbol))
        };
        let mentions = |e: &Expression<'a>| {
            let mut m = Mentions {
                is_it: &is_it,
                found: false,
            };
            m.visit_expression(e);
            m.found
        };
        let use_node = scoping.get_reference(reference).node_id();
        // `assert(Array.isArray(value))`: a call handed a test of the binding, not the binding
        // or a member of it (`log(value.length)` tests nothing); or `assertList(value)` of an
        // in-file TypeScript assertion function (`asserts x is T`).
        let test = |e: &Expression<'a>| {
            matches!(
                e.get_inner_expression(),
                Expression::CallExpression(_)
                    | Expression::UnaryExpression(_)
                    | Expression::BinaryExpression(_)
                    | Expression::LogicalExpression(_)
            ) && mentions(e)
        };
        let asserts = |c: &CallExpression<'a>| {
            c.arguments.iter().any(|a| {
                a.as_expression().is_some_and(|e| {
                    test(e)
                        || (matches!(e.get_inner_expression(), Expression::Identifier(arg)
                                if arg.reference_id.get().and_then(|r| scoping.get_reference(r).symbol_id()) == Some(symbol))
                            && self.is_type_assertion_call(c))
                })
            })
        };
        self.guarded_by(use_node, &mentions) || self.asserted_before(use_node, &asserts)
    }

    /// Whether the node `child` is in the branch of an `if`, `?:`, `&&` or `||`, the body of a
    /// `while` or `for`, or a case of a `switch`, whose test satisfies `mentions`, or follows
    /// an `if` whose test does and whose branch leaves. A test may read the value through a
    /// never-reassigned binding of a test of it (`const hasLines = lines !== null;
    /// if (hasLines) …`).
    fn guarded_by(&self, child: NodeId, mentions: &dyn Fn(&Expression<'a>) -> bool) -> bool {
        self.guarded_within(child, mentions, 0)
    }

    /// [`Self::guarded_by`], `hops` functions away from the use: a use inside a function
    /// whose every reference calls it is guarded when every call is (`const all = () =>
    /// [...v]; if (typeof v !== 'number') all();`), up to [`MAX_GUARD_HOPS`] functions out
    /// and [`MAX_GUARDED_CALLS`] calls each.
    fn guarded_within(
        &self,
        mut child: NodeId,
        mentions: &dyn Fn(&Expression<'a>) -> bool,
        hops: u32,
    ) -> bool {
        let nodes = self.semantic.nodes();
        let outer = mentions;
        let mentions = |e: &Expression<'a>| mentions(e) || self.alias_mentions(e, mentions);
        for parent in nodes.ancestors(child) {
            let child_span = nodes.kind(child).span();
            let guarded = match parent.kind() {
                AstKind::ConditionalExpression(c) => {
                    c.test.span() != child_span && mentions(&c.test)
                }
                AstKind::IfStatement(i) => i.test.span() != child_span && mentions(&i.test),
                AstKind::LogicalExpression(l) => l.right.span() == child_span && mentions(&l.left),
                AstKind::WhileStatement(w) => w.body.span() == child_span && mentions(&w.test),
                AstKind::ForStatement(f) => {
                    (f.body.span() == child_span
                        || f.update.as_ref().is_some_and(|u| u.span() == child_span))
                        && f.test.as_ref().is_some_and(&mentions)
                }
                // `switch (true) { case x === null: return; default: [...x] }`: the tests of
                // the cases before are on the way too.
                AstKind::SwitchStatement(s) => {
                    s.discriminant.span() != child_span
                        && (mentions(&s.discriminant) || {
                            let at = s.cases.partition_point(|c| c.span.end <= child_span.start);
                            s.cases[at.saturating_sub(MAX_GUARD_DISTANCE)..at]
                                .iter()
                                .any(|c| c.test.as_ref().is_some_and(&mentions))
                        })
                }
                AstKind::BlockStatement(b) => {
                    self.leaves_after_test(parent.id(), &b.body, child_span, &mentions)
                }
                AstKind::FunctionBody(b) => {
                    self.leaves_after_test(parent.id(), &b.statements, child_span, &mentions)
                }
                AstKind::Program(p) => {
                    self.leaves_after_test(parent.id(), &p.body, child_span, &mentions)
                }
                AstKind::SwitchCase(c) => {
                    c.test
                        .as_ref()
                        .is_some_and(|t| t.span() != child_span && mentions(t))
                        || self.leaves_after_test(parent.id(), &c.consequent, child_span, &mentions)
                }
                AstKind::Function(_) | AstKind::ArrowFunctionExpression(_)
                    if hops < MAX_GUARD_HOPS =>
                {
                    self.calls_all_guarded(parent.id(), outer, hops + 1)
                }
                _ => false,
            };
            if guarded {
                return true;
            }
            child = parent.id();
        }
        false
    }

    /// Whether the function at `function` is bound to a name (`function all() {}`, `const all
    /// = () => …`) that is only ever called, at most [`MAX_GUARDED_CALLS`] times, each call
    /// guarded (see [`Self::guarded_within`]).
    fn calls_all_guarded(
        &self,
        function: NodeId,
        mentions: &dyn Fn(&Expression<'a>) -> bool,
        hops: u32,
    ) -> bool {
        let nodes = self.semantic.nodes();
        let scoping = self.semantic.scoping();
        let span = nodes.kind(function).span();
        let symbol = match nodes.kind(function) {
            AstKind::Function(f) if f.is_declaration() => {
                f.id.as_ref().and_then(|id| id.symbol_id.get())
            }
            _ => match nodes.parent_kind(function) {
                AstKind::VariableDeclarator(d)
                    if d.init.as_ref().is_some_and(|i| i.span() == span) =>
                {
                    match &d.id {
                        BindingPattern::BindingIdentifier(id) => id.symbol_id.get(),
                        _ => None,
                    }
                }
                _ => None,
            },
        };
        let Some(symbol) = symbol else {
            return false;
        };
        if scoping.get_resolved_reference_ids(symbol).len() > MAX_GUARDED_CALLS {
            return false;
        }
        let mut from_outside = false;
        for r in scoping.get_resolved_references(symbol) {
            let at = r.node_id();
            let at_span = nodes.kind(at).span();
            let call = nodes.parent_id(at);
            let called = matches!(nodes.kind(call), AstKind::CallExpression(c)
                if c.callee.span() == at_span);
            if !called {
                return false;
            }
            // A call from inside (recursion) runs only once the function was entered.
            if !span.contains_inclusive(at_span) {
                if !self.guarded_within(call, mentions, hops) {
                    return false;
                }
                from_outside = true;
            }
        }
        // At least one way in, and every one guarded.
        from_outside
    }

    /// Whether `test` reads a never-reassigned binding whose initializer `mentions` accepts:
    /// a test kept in a name (`const hasLines = lines?.length > 0`). One level, and at most
    /// [`MAX_ALIASES`] bindings of a test are looked at.
    fn alias_mentions(
        &self,
        test: &Expression<'a>,
        mentions: &dyn Fn(&Expression<'a>) -> bool,
    ) -> bool {
        struct Aliases<'k, 'a, 'c, 'm> {
            kinds: &'k Kinds<'a, 'c>,
            mentions: &'m dyn Fn(&Expression<'a>) -> bool,
            seen: usize,
            found: bool,
        }
        impl<'a> Visit<'a> for Aliases<'_, 'a, '_, '_> {
            fn visit_identifier_reference(&mut self, id: &IdentifierReference<'a>) {
                if self.found || self.seen >= MAX_ALIASES {
                    return;
                }
                self.seen += 1;
                if let Some(init) = self.kinds.declared_init(id) {
                    self.found = (self.mentions)(init);
                } else {
                    self.found = self.kinds.flag_set_under(id, self.mentions);
                }
            }
            fn visit_function(&mut self, _: &Function<'a>, _: ScopeFlags) {}
            fn visit_arrow_function_expression(&mut self, _: &ArrowFunctionExpression<'a>) {}
        }
        let mut v = Aliases {
            kinds: self,
            mentions,
            seen: 0,
            found: false,
        };
        v.visit_expression(test);
        v.found
    }

    /// Whether `id` reads a flag that only a test of the value can have set: a binding that
    /// starts `false` (or unset) and is only ever given `true`, each time where `mentions`
    /// guards it (`let ok = false; if (Array.isArray(value)) ok = true; if (ok) …`). At most
    /// [`MAX_FLAG_WRITES`] writes and [`MAX_FLAG_REFERENCES`] references, and
    /// [`MAX_FLAG_DEPTH`] flags set under tests of flags.
    fn flag_set_under(
        &self,
        id: &IdentifierReference<'a>,
        mentions: &dyn Fn(&Expression<'a>) -> bool,
    ) -> bool {
        let depth = self.flag_depth.get();
        if depth >= MAX_FLAG_DEPTH {
            return false;
        }
        let Some(symbol) = self.symbol_of(id) else {
            return false;
        };
        let scoping = self.semantic.scoping();
        let nodes = self.semantic.nodes();
        if !scoping.symbol_redeclarations(symbol).is_empty() {
            return false;
        }
        let AstKind::VariableDeclarator(d) = nodes.kind(scoping.symbol_declaration(symbol)) else {
            return false;
        };
        let is_bool = |e: &Expression<'a>, value: bool| matches!(e.get_inner_expression(), Expression::BooleanLiteral(b) if b.value == value);
        if d.init.as_ref().is_some_and(|i| !is_bool(i, false)) {
            return false;
        }
        // A flag is read and written a few times; a name with many references (a minified
        // `let e;` reused everywhere) is not one, and is not scanned on every test.
        if scoping.get_resolved_reference_ids(symbol).len() > MAX_FLAG_REFERENCES {
            return false;
        }
        self.flag_depth.set(depth + 1);
        let mut writes = 0;
        let mut all_guarded = true;
        for r in scoping.get_resolved_references(symbol) {
            if !r.is_write() {
                continue;
            }
            writes += 1;
            let assignment = nodes.parent_id(r.node_id());
            let set_true = matches!(nodes.kind(assignment), AstKind::AssignmentExpression(a)
                if a.operator == AssignmentOperator::Assign && is_bool(&a.right, true));
            if writes > MAX_FLAG_WRITES
                || r.is_read()
                || !set_true
                || !self.guarded_by(assignment, mentions)
            {
                all_guarded = false;
                break;
            }
        }
        self.flag_depth.set(depth);
        all_guarded && writes > 0
    }

    /// Whether the falsy placeholder branches of `init`, the branching initializer of `id`'s
    /// binding (`const seen = dev ? new Map() : null`, `const list = cached || null`), may have
    /// been ruled out where `id` is used: a test on the way to the use (an `if`, `?:`, `&&` or
    /// `||` around it, or an earlier `if` that leaves) reads the binding or a name the
    /// initializer tests (`seen`, `dev`), or the use is in another function than the binding
    /// (its caller may have checked). Unknown tests (`this.dev ? … : null`) count as checked.
    fn placeholder_ruled_out(&self, id: &IdentifierReference<'a>, init: &Expression<'a>) -> bool {
        let test = match init {
            Expression::ConditionalExpression(c) => &c.test,
            Expression::LogicalExpression(l) => &l.left,
            _ => return true,
        };
        let mut names = Names::default();
        names.visit_expression(test);
        if names.opaque {
            return true;
        }
        names.names.push(id.name.as_str());
        let Some(symbol) = self.symbol_of(id) else {
            return true;
        };
        let Some(reference) = id.reference_id.get() else {
            return true;
        };
        let scoping = self.semantic.scoping();
        let nodes = self.semantic.nodes();
        let use_node = scoping.get_reference(reference).node_id();
        let decl_span = nodes.kind(scoping.symbol_declaration(symbol)).span();
        let function = nodes.ancestors(use_node).find(|n| {
            matches!(
                n.kind(),
                AstKind::Function(_) | AstKind::ArrowFunctionExpression(_)
            )
        });
        if let Some(f) = function {
            let f = f.kind().span();
            if decl_span.start < f.start || decl_span.end > f.end {
                return true;
            }
        }
        let mentions = |e: &Expression<'a>| {
            let mut m = Names {
                names: Vec::new(),
                opaque: false,
            };
            m.visit_expression(e);
            m.opaque || m.names.iter().any(|n| names.names.contains(n))
        };
        let asserts = |c: &CallExpression<'a>| {
            c.arguments
                .iter()
                .any(|a| a.as_expression().is_some_and(&mentions))
        };
        self.guarded_by(use_node, &mentions) || self.asserted_before(use_node, &asserts)
    }

    /// Whether a statement before the one at `at` in `list` (the statements of `owner`) is an
    /// `if` whose test `mentions` the binding and whose branch leaves (`return`, `throw`,
    /// `break`, `continue`) or a `test || fail()` statement, or holds one in a branch of an
    /// `if`, in a bare block or in a `try` block (`if (a) { … } else if (!x) return;`,
    /// `if (strict) { if (!x) throw …; }`): a test of the value on a way to the use. The [`MAX_GUARD_DISTANCE`] nearest such `if`s count,
    /// however many statements stand between them and the use.
    fn leaves_after_test(
        &self,
        owner: NodeId,
        list: &[Statement<'a>],
        at: oxc_span::Span,
        mentions: &dyn Fn(&Expression<'a>) -> bool,
    ) -> bool {
        let ifs = self.leaving_ifs(owner, list);
        let end = ifs.partition_point(|&(e, _)| e <= at.start);
        let nodes = self.semantic.nodes();
        ifs[end.saturating_sub(MAX_GUARD_DISTANCE)..end]
            .iter()
            .any(|&(_, id)| match nodes.kind(id) {
                AstKind::IfStatement(i) => mentions(&i.test),
                AstKind::LogicalExpression(l) => mentions(&l.left),
                _ => false,
            })
    }

    /// The `if`s of a statement list (the statements of `owner`) that leave in a branch, in
    /// the list or nested as [`Kinds::leaves_after_test`] says, and the `a || fail()` /
    /// `a && process.exit()` statements (the left side is their test), each with the end of
    /// the statement of the list it stands in; in order. Built once per list: a use then looks at
    /// the guards before it, not at every statement before it (which would be quadratic in a
    /// long block).
    fn leaving_ifs(&self, owner: NodeId, list: &[Statement<'a>]) -> Rc<Vec<(u32, NodeId)>> {
        fn collect<'a>(
            s: &Statement<'a>,
            end: u32,
            ends: &dyn Fn(&Expression<'a>) -> bool,
            out: &mut Vec<(u32, NodeId)>,
            budget: &mut usize,
        ) {
            if *budget == 0 {
                return;
            }
            *budget -= 1;
            match s {
                Statement::IfStatement(i) => {
                    if leaves(&i.consequent, ends)
                        || i.alternate.as_ref().is_some_and(|a| leaves(a, ends))
                    {
                        out.push((end, i.node_id()));
                    }
                    collect(&i.consequent, end, ends, out, budget);
                    if let Some(a) = &i.alternate {
                        collect(a, end, ends, out, budget);
                    }
                }
                Statement::BlockStatement(b) => {
                    for s in &b.body {
                        collect(s, end, ends, out, budget);
                    }
                }
                // `lines || fail('no lines')`, `!lines && process.exit(1)`: an `if` written as
                // an expression.
                Statement::ExpressionStatement(e) => {
                    if let Expression::LogicalExpression(l) = e.expression.get_inner_expression()
                        && ends(&l.right)
                    {
                        out.push((end, l.node_id()));
                    }
                }
                // `try { if (!x) return; } …`: a `throw` caught by a handler that goes on does
                // not leave.
                Statement::TryStatement(t)
                    if t.handler
                        .as_ref()
                        .is_none_or(|h| h.body.body.last().is_some_and(|s| leaves(s, ends))) =>
                {
                    for s in &t.block.body {
                        collect(s, end, ends, out, budget);
                    }
                }
                _ => {}
            }
        }
        self.node_memo("kinds/leaving-ifs", owner, || {
            let mut out = Vec::new();
            for s in list {
                let mut budget = MAX_NESTED_GUARD_STATEMENTS;
                collect(
                    s,
                    s.span().end,
                    &|e| self.never_returns(e),
                    &mut out,
                    &mut budget,
                );
            }
            out
        })
    }

    /// Whether a statement before the node `child`, in a block around it, is a call that
    /// `asserts` accepts (`assert(lines)`, `invariant(withLines, "…")`): an assertion that
    /// throws when the value is missing.
    fn asserted_before(
        &self,
        mut child: NodeId,
        asserts: &dyn Fn(&CallExpression<'a>) -> bool,
    ) -> bool {
        let nodes = self.semantic.nodes();
        for parent in nodes.ancestors(child) {
            let at = nodes.kind(child).span();
            let list: &[Statement<'a>] = match parent.kind() {
                AstKind::BlockStatement(b) => &b.body,
                AstKind::FunctionBody(b) => &b.statements,
                AstKind::Program(p) => &p.body,
                AstKind::SwitchCase(c) => &c.consequent,
                AstKind::Function(_) | AstKind::ArrowFunctionExpression(_) => return false,
                _ => {
                    child = parent.id();
                    continue;
                }
            };
            let end = list.partition_point(|s| s.span().end <= at.start);
            let asserted = list[end.saturating_sub(MAX_GUARD_DISTANCE)..end]
                .iter()
                .any(|s| {
                    matches!(s, Statement::ExpressionStatement(e)
                        if matches!(e.expression.get_inner_expression(), Expression::CallExpression(c)
                            if asserts(c)))
                });
            if asserted {
                return true;
            }
            child = parent.id();
        }
        false
    }

    /// The function an in-file callee names (`fail`, `assertList`), with or without a body
    /// (`declare function fail(): never`): a function declaration, or a `const` bound to a
    /// function or arrow expression.
    fn declared_callee(&self, callee: &Expression<'a>) -> Option<Callee<'a>> {
        let Expression::Identifier(id) = callee.get_inner_expression() else {
            return None;
        };
        let symbol = self.symbol_of(id)?;
        if self.is_mutated(symbol) {
            return None;
        }
        let nodes = self.semantic.nodes();
        match nodes.kind(self.semantic.scoping().symbol_declaration(symbol)) {
            AstKind::Function(f) => Some(Callee::Function(f)),
            AstKind::VariableDeclarator(d)
                if matches!(d.id, BindingPattern::BindingIdentifier(_)) =>
            {
                match d.init.as_ref()?.get_inner_expression() {
                    Expression::FunctionExpression(f) => Some(Callee::Function(f)),
                    Expression::ArrowFunctionExpression(a) => Some(Callee::Arrow(a)),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// Whether a statement always leaves the statement list it is in (see [`leaves`]), with
    /// [`Kinds::never_returns`] for the expressions that end the program or always throw.
    pub(crate) fn always_leaves(&self, s: &Statement<'a>) -> bool {
        leaves(s, &|e| self.never_returns(e))
    }

    /// Whether an expression never completes: `process.exit(…)`, or a call of an in-file
    /// function that always throws (`function fail(m) { throw new Error(m); }`, an arrow whose
    /// body logs then throws, or one declared to return `never`).
    pub(crate) fn never_returns(&self, e: &Expression<'a>) -> bool {
        if is_process_exit(e) {
            return true;
        }
        let Expression::CallExpression(c) = e.get_inner_expression() else {
            return false;
        };
        let body_throws = |b: &FunctionBody<'_>| {
            b.statements
                .last()
                .is_some_and(|s| matches!(s, Statement::ThrowStatement(_)))
                && b.statements.iter().all(|s| {
                    matches!(
                        s,
                        Statement::ExpressionStatement(_)
                            | Statement::VariableDeclaration(_)
                            | Statement::ThrowStatement(_)
                    )
                })
        };
        let never = |t: Option<&TSTypeAnnotation<'_>>| {
            t.is_some_and(|t| matches!(t.type_annotation, TSType::TSNeverKeyword(_)))
        };
        match self.declared_callee(&c.callee) {
            Some(Callee::Function(f)) => {
                !f.r#async
                    && !f.generator
                    && (never(f.return_type.as_deref())
                        || f.body.as_deref().is_some_and(body_throws))
            }
            Some(Callee::Arrow(a)) => {
                !a.r#async
                    && (never(a.return_type.as_deref())
                        || matches!(&a.body, ArrowFunctionBody::FunctionBody(b) if body_throws(b)))
            }
            None => false,
        }
    }

    /// Whether a call is of an in-file TypeScript assertion function that narrows to a type
    /// (`function assertList(x: unknown): asserts x is unknown[]`).
    fn is_type_assertion_call(&self, c: &CallExpression<'a>) -> bool {
        let return_type = match self.declared_callee(&c.callee) {
            Some(Callee::Function(f)) => f.return_type.as_deref(),
            Some(Callee::Arrow(a)) => a.return_type.as_deref(),
            None => None,
        };
        return_type.is_some_and(|t| {
            matches!(&t.type_annotation, TSType::TSTypePredicate(p)
                if p.asserts && p.type_annotation.is_some())
        })
    }

    /// The initializer of `id`'s binding when it is a never-reassigned plain binding whose
    /// initializer is a `?:`, `||` or `??` expression.
    fn branching_init(&self, id: &IdentifierReference<'a>) -> Option<&'a Expression<'a>> {
        let init = self.binding_init(id)?;
        match init {
            Expression::ConditionalExpression(_) => Some(init),
            Expression::LogicalExpression(l) if l.operator != LogicalOperator::And => Some(init),
            _ => None,
        }
    }

    fn new_expression(&self, n: &NewExpression<'a>, depth: u32) -> Typed {
        let span = n.span;
        let callee = n.callee.get_inner_expression();
        let Expression::Identifier(id) = callee else {
            return Typed::unknown();
        };
        if self.is_global_id(id) {
            return match builtins::constructed(id.name.as_str(), n.arguments.len()) {
                Some(kind) => Typed::new(
                    kind,
                    span,
                    format!("created at line {}", self.line_of(span.start)),
                    format!("the {} created here", id.name),
                ),
                None => Typed::unknown(),
            };
        }
        let Some(class) = self.class_of_callee(id, depth) else {
            return Typed::unknown();
        };
        let info = self.class_info(class);
        let kind = if info.is_error {
            Kind::Error
        } else if info.extends_unknown {
            return Typed::unknown();
        } else {
            Kind::Instance(class)
        };
        Typed::new(
            kind,
            span,
            format!("created at line {}", self.line_of(span.start)),
            format!("the `{}` instance created here", info.name),
        )
    }

    /// The in-file class a `new` callee names: a class declaration or a never-reassigned
    /// binding of a class expression.
    fn class_of_callee(&self, id: &IdentifierReference<'a>, depth: u32) -> Option<NodeId> {
        let symbol = self.symbol_of(id)?;
        let scoping = self.semantic.scoping();
        if self.is_mutated(symbol)
            || !scoping.symbol_redeclarations(symbol).is_empty()
            || depth > MAX_DEPTH
        {
            return None;
        }
        let decl = scoping.symbol_declaration(symbol);
        match self.semantic.nodes().kind(decl) {
            AstKind::Class(c) if !c.declare => Some(decl),
            AstKind::VariableDeclarator(d)
                if matches!(d.id, BindingPattern::BindingIdentifier(_)) =>
            {
                match d.init.as_ref()?.get_inner_expression() {
                    Expression::ClassExpression(c) => Some(c.node_id()),
                    Expression::Identifier(other) => self.class_of_callee(other, depth + 1),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    fn call(&self, c: &CallExpression<'a>, depth: u32) -> Typed {
        if c.optional {
            return Typed::unknown();
        }
        let span = c.span;
        let callee = c.callee.get_inner_expression();
        match callee {
            Expression::Identifier(id) => {
                if self.is_global_id(id) {
                    let name = id.name.as_str();
                    let Some(kind) = builtins::called(name) else {
                        return Typed::unknown();
                    };
                    let mut t = self.returned(kind, span, &format!("{name}()"));
                    if name == "fetch" {
                        t.origin.note =
                            format!("returned by `fetch()` at line {}", self.line_of(span.start));
                        t.origin.label = "this `fetch()` call returns a Promise".to_string();
                        t.origin.unawaited = true;
                    }
                    return t;
                }
                if let Some((builtins::PromiseBinding::Function, source)) = self.promise_import(id)
                {
                    return self.promise_module_call(span, &format!("{}()", id.name), source);
                }
                let Some(shape) = self.callee_function(callee) else {
                    return Typed::unknown();
                };
                let name = id.name.as_str();
                let Some((kind, a, what)) = called_kind(shape.is_async, shape.is_generator) else {
                    return self.annotated_return(&shape, name, span, depth);
                };
                let mut t = Typed::new(
                    kind,
                    span,
                    format!("returned by the {what} function `{name}`"),
                    format!(
                        "`{name}` is {a} {what} function: this call returns {}",
                        kind.noun()
                    ),
                );
                t.origin.unawaited = kind == Kind::Promise;
                t
            }
            // `(async () => …)()`: a function called where it is written.
            Expression::ArrowFunctionExpression(_) | Expression::FunctionExpression(_) => {
                let (is_async, generator) = match callee {
                    Expression::ArrowFunctionExpression(f) => (f.r#async, false),
                    Expression::FunctionExpression(f) => (f.r#async, f.generator),
                    _ => return Typed::unknown(),
                };
                let Some((kind, a, what)) = called_kind(is_async, generator) else {
                    return Typed::unknown();
                };
                let mut t = Typed::new(
                    kind,
                    span,
                    format!(
                        "returned by {a} {what} function called where it is written, at line {}",
                        self.line_of(span.start)
                    ),
                    format!("{a} {what} function called here returns {}", kind.noun()),
                );
                t.origin.unawaited = kind == Kind::Promise;
                t
            }
            Expression::StaticMemberExpression(m) => {
                let method = m.property.name.as_str();
                // `.matchAll(/re/g)`: only strings have it; the regex argument says enough.
                if method == "matchAll"
                    && let Some(Expression::RegExpLiteral(_)) = c
                        .arguments
                        .first()
                        .and_then(Argument::as_expression)
                        .map(Expression::get_inner_expression)
                {
                    return self.returned(Kind::Iterator, span, ".matchAll()");
                }
                if let Expression::Identifier(ns) = m.object.get_inner_expression()
                    && self.is_global_id(ns)
                {
                    let ns_name = ns.name.as_str();
                    if ns_name == "Object" && method == "assign" {
                        // `Object.assign(target, …)` returns its target, with the sources'
                        // own properties (symbol keys too) copied onto it.
                        let Some(target) = c.arguments.first().and_then(Argument::as_expression)
                        else {
                            return Typed::unknown();
                        };
                        let mut t = self.infer(target, depth);
                        if c.arguments.len() > 1 {
                            match t.kind {
                                // `Object.assign(function request() {}, { get, post })`: a
                                // function carrying data in its own properties.
                                Kind::Function | Kind::Class => return Typed::unknown(),
                                // A source may bring `[Symbol.iterator]`.
                                Kind::Object { iterable, .. } => {
                                    t.kind = Kind::Object {
                                        iterable,
                                        open: true,
                                    };
                                }
                                _ => {}
                            }
                        }
                        return t;
                    }
                    return match builtins::static_call(ns_name, method) {
                        Some(kind) => {
                            let mut t = self.returned(kind, span, &format!("{ns_name}.{method}()"));
                            // `Promise.all(…)` and kin: a call whose Promise was not awaited.
                            t.origin.unawaited = kind == Kind::Promise;
                            t
                        }
                        None => Typed::unknown(),
                    };
                }
                // `fs.readFile(…)` after `import fs from "node:fs/promises"`.
                if let Expression::Identifier(ns) = m.object.get_inner_expression()
                    && let Some((builtins::PromiseBinding::Module { functions, .. }, source)) =
                        self.promise_import(ns)
                {
                    if !functions.contains(&method) {
                        return Typed::unknown();
                    }
                    return self.promise_module_call(
                        span,
                        &format!("{}.{method}()", ns.name),
                        source,
                    );
                }
                // `fs.promises.readFile(…)` after `import fs from "fs"` or `const fs =
                // require("fs")`.
                if let Some(inner) = m.object.get_inner_expression().as_member_expression()
                    && inner.static_property_name() == Some("promises")
                    && let Expression::Identifier(ns) = inner.object().get_inner_expression()
                    && let Some(source) = self.whole_module(ns)
                    && let Some(module) = builtins::module_export(source, "promises")
                    && let Some(builtins::PromiseBinding::Module { functions, .. }) =
                        builtins::promise_binding(module, None)
                {
                    if !functions.contains(&method) {
                        return Typed::unknown();
                    }
                    return self.promise_module_call(
                        span,
                        &format!("{}.promises.{method}()", ns.name),
                        module,
                    );
                }
                // `api.load()`: an async or generator method of an object literal.
                if let Expression::Identifier(obj) = m.object.get_inner_expression()
                    && let Some(shape) = self.object_method(obj, method, depth)
                {
                    let Some((kind, a, what)) = called_kind(shape.is_async, shape.is_generator)
                    else {
                        return Typed::unknown();
                    };
                    let name = format!("{}.{method}", obj.name);
                    let mut t = Typed::new(
                        kind,
                        span,
                        format!(
                            "returned by `{name}`, {a} {what} method of the object literal at line {}",
                            self.line_of(shape.span.start)
                        ),
                        format!(
                            "`{name}` is {a} {what} method: this call returns {}",
                            kind.noun()
                        ),
                    );
                    t.origin.unawaited = kind == Kind::Promise;
                    return t;
                }
                let receiver = self.infer(&m.object, depth);
                if !receiver.is_known() {
                    return Typed::unknown();
                }
                let Some(kind) = builtins::method(receiver.kind, method) else {
                    return Typed::unknown();
                };
                let mut t = self.returned(kind, span, &format!(".{method}()"));
                if kind == Kind::Promise {
                    // `.then()` of an un-awaited call is still an un-awaited Promise; of one
                    // that was awaited or created with `new Promise`, a Promise all the same.
                    // `.json()` of a Response is a call whose Promise was not awaited.
                    t.origin.unawaited =
                        receiver.kind != Kind::Promise || receiver.origin.unawaited;
                }
                t
            }
            // `xs[Symbol.iterator]()`: a fresh built-in iterator of a known iterable.
            Expression::ComputedMemberExpression(m)
                if m.expression.is_specific_member_access("Symbol", "iterator") =>
            {
                let receiver = self.infer(&m.object, depth);
                match receiver.kind {
                    Kind::Array { .. }
                    | Kind::String
                    | Kind::Map
                    | Kind::Set
                    | Kind::TypedArray => {
                        self.returned(Kind::Iterator, span, "[Symbol.iterator]()")
                    }
                    Kind::Generator | Kind::Iterator => receiver,
                    _ => Typed::unknown(),
                }
            }
            _ => Typed::unknown(),
        }
    }

    /// `this.items` / `this.#items` in an instance method (or field initializer) of a class
    /// declared in the file: the field's TS annotation, else the initializer of a `readonly`
    /// field or of a `#private` field the class body never assigns again.
    /// `t`, the kind of the field `this.name` read at `member`, unless it is an object type
    /// and a test of `this.name` guards this read (see [`Kinds::identifier`]).
    fn unless_narrowed_field(&self, t: Typed, member: NodeId, name: &str, private: bool) -> Typed {
        if !(t.origin.declared && matches!(t.kind, Kind::Object { .. })) {
            return t;
        }
        let is_it = |e: &Expression<'a>| match e {
            Expression::StaticMemberExpression(m) if !private => {
                m.property.name == name
                    && matches!(
                        m.object.get_inner_expression(),
                        Expression::ThisExpression(_)
                    )
            }
            Expression::PrivateFieldExpression(m) if private => {
                m.field.name == name
                    && matches!(
                        m.object.get_inner_expression(),
                        Expression::ThisExpression(_)
                    )
            }
            _ => false,
        };
        if self.narrowed(member, &is_it) {
            Typed::unknown()
        } else {
            t
        }
    }

    fn this_field(&self, this: NodeId, name: &str, private: bool, depth: u32) -> Typed {
        let Some(class_node) = self.class_of_this(this) else {
            return Typed::unknown();
        };
        self.field_of(class_node, name, private, depth)
    }

    /// The field `name` of instances of the in-file class `class_node` (see
    /// [`Kinds::this_field_in`]), memoised.
    fn field_of(&self, class_node: NodeId, name: &str, private: bool, depth: u32) -> Typed {
        let key = (class_node, private);
        if let Some(t) = self
            .this_fields
            .borrow()
            .get(&key)
            .and_then(|m| m.get(name))
        {
            return t.clone();
        }
        // A field whose writes read the field itself ends here rather than looping.
        self.this_fields
            .borrow_mut()
            .entry(key)
            .or_default()
            .insert(name.to_string(), Typed::unknown());
        let t = self.this_field_in(class_node, name, private, depth);
        self.this_fields
            .borrow_mut()
            .entry(key)
            .or_default()
            .insert(name.to_string(), t.clone());
        t
    }

    fn this_field_in(&self, class_node: NodeId, name: &str, private: bool, depth: u32) -> Typed {
        let AstKind::Class(class) = self.semantic.nodes().kind(class_node) else {
            return Typed::unknown();
        };
        let field = class.body.body.iter().find_map(|e| match e {
            ClassElement::PropertyDefinition(p)
                if !p.r#static
                    && !p.computed
                    && p.key.is_private_identifier() == private
                    && match &p.key {
                        PropertyKey::PrivateIdentifier(k) => k.name == name,
                        k => k.is_specific_static_name(name),
                    } =>
            {
                Some(p)
            }
            _ => None,
        });
        // `constructor(private items: Map<K, V>)`: a field the constructor's argument fills,
        // typed by its annotation; without one, what was passed.
        if !private && let Some(param) = parameter_property(class, name) {
            return match &param.type_annotation {
                Some(ann) => self.annotation(&ann.type_annotation, depth),
                None => Typed::unknown(),
            };
        }
        if let Some(field) = field {
            if let Some(ann) = &field.type_annotation {
                return self.annotation(&ann.type_annotation, depth);
            }
            if let Some(value) = &field.value
                && (field.readonly || (private && !self.private_field_written(class_node, name)))
            {
                return self.infer(value, depth);
            }
        }
        if private {
            return Typed::unknown();
        }
        self.this_field_from_writes(
            class_node,
            name,
            field.and_then(|f| f.value.as_ref()),
            depth,
        )
    }

    /// A public field known from its writes: every `this.name = …` in the class body (and the
    /// field initializer) gives the same kind, nothing else in the file writes `.name`
    /// (`obj.name = …`, `this.name` outside the class, `++`, destructuring, `delete`), and the
    /// class does not `Object.assign(this, …)`.
    fn this_field_from_writes(
        &self,
        class_node: NodeId,
        name: &str,
        initializer: Option<&'a Expression<'a>>,
        depth: u32,
    ) -> Typed {
        // A base class not in the file may write the field in code we cannot see.
        let info = self.class_info(class_node);
        if info.extends_unknown || info.reshaped {
            return Typed::unknown();
        }
        let class_span = self.semantic.nodes().kind(class_node).span();
        let inside = |s: oxc_span::Span| class_span.start <= s.start && s.end <= class_span.end;
        let mut values: Vec<&'a Expression<'a>> = initializer.into_iter().collect();
        {
            let index = self.member_writes();
            if index.assign_this.iter().any(|s| inside(*s)) {
                return Typed::unknown();
            }
            for w in index.by_name.get(name).map_or(&[][..], Vec::as_slice) {
                // Through something other than `this`, `this` outside the class, or a write
                // that is not a plain or logical assignment: the field can hold anything.
                if !w.through_this || !inside(w.span) {
                    return Typed::unknown();
                }
                match w.assignment.map(|id| self.semantic.nodes().kind(id)) {
                    Some(AstKind::AssignmentExpression(a)) => values.push(&a.right),
                    _ => return Typed::unknown(),
                }
            }
        }
        // `items = null` until set: the placeholder is ruled out by a check at the use.
        values.retain(|v| !self.is_falsy_placeholder(v.span().into(), self.infer(v, depth).kind));
        if values.is_empty() || values.len() > 8 {
            return Typed::unknown();
        }
        let mut iter = values.into_iter();
        let Some(first) = iter.next() else {
            return Typed::unknown();
        };
        let t = self.infer(first, depth);
        let mut kind = t.kind;
        for v in iter {
            kind = kind.merge(self.infer(v, depth).kind);
        }
        t.with_kind(kind)
    }

    /// The file's member writes by property name, built on first use in one pass.
    fn member_writes(&self) -> std::cell::Ref<'_, MemberWrites> {
        if self.member_writes.borrow().is_none() {
            let nodes = self.semantic.nodes();
            let mut index = MemberWrites::default();
            for n in crate::lint::prefetch::nodes(nodes) {
                match n.kind() {
                    AstKind::StaticMemberExpression(m) => {
                        let parent = nodes.parent_id(n.id());
                        let (written, assignment) = match nodes.kind(parent) {
                            AstKind::AssignmentExpression(a) if a.left.span() == m.span => {
                                let plain = a.operator.is_assign() || a.operator.is_logical();
                                (true, plain.then_some(parent))
                            }
                            k => (is_write_context(k, m.span), None),
                        };
                        if written {
                            let through_this = matches!(
                                m.object.get_inner_expression(),
                                Expression::ThisExpression(_)
                            );
                            index
                                .by_name
                                .entry(m.property.name.to_string())
                                .or_default()
                                .push(MemberWrite {
                                    span: m.span,
                                    through_this,
                                    assignment,
                                });
                        }
                    }
                    AstKind::CallExpression(c) => {
                        let Some(member) = c.callee.get_inner_expression().as_member_expression()
                        else {
                            continue;
                        };
                        let method = member.static_property_name();
                        if !matches!(
                            method,
                            Some("assign" | "defineProperty" | "defineProperties")
                        ) || !self.is_global(member.object(), "Object")
                        {
                            continue;
                        }
                        let mut args = c.arguments.iter().filter_map(Argument::as_expression);
                        if matches!(
                            args.next().map(Expression::get_inner_expression),
                            Some(Expression::ThisExpression(_))
                        ) {
                            index.assign_this.push(c.span);
                            continue;
                        }
                        // `Object.assign(m, { tags })`, `Object.defineProperty(m, "tags", …)`:
                        // writes of those names on some object.
                        let mut write =
                            |name: &str| {
                                index.by_name.entry(name.to_string()).or_default().push(
                                    MemberWrite {
                                        span: c.span,
                                        through_this: false,
                                        assignment: None,
                                    },
                                );
                            };
                        match method {
                            Some("defineProperty") => {
                                if let Some(Expression::StringLiteral(key)) =
                                    args.next().map(Expression::get_inner_expression)
                                {
                                    write(key.value.as_str());
                                }
                            }
                            _ => {
                                for source in args {
                                    let Expression::ObjectExpression(o) =
                                        source.get_inner_expression()
                                    else {
                                        continue;
                                    };
                                    for p in &o.properties {
                                        if let ObjectPropertyKind::ObjectProperty(p) = p
                                            && let Some(name) = p.key.static_name()
                                        {
                                            write(&name);
                                        }
                                    }
                                }
                            }
                        }
                    }
                    _ => {}
                }
            }
            *self.member_writes.borrow_mut() = Some(index);
        }
        std::cell::Ref::map(self.member_writes.borrow(), |m| {
            m.as_ref().expect("built above")
        })
    }

    /// The class whose instance `this` is: `this` inside an instance method, accessor,
    /// constructor or field initializer (arrows looked through).
    fn class_of_this(&self, this: NodeId) -> Option<NodeId> {
        let nodes = self.semantic.nodes();
        let mut in_function = false;
        for a in nodes.ancestors(this) {
            match a.kind() {
                AstKind::ArrowFunctionExpression(_) => {}
                AstKind::Function(_) => {
                    if in_function {
                        return None;
                    }
                    // Only a method's own function keeps the instance as `this`.
                    let AstKind::MethodDefinition(m) = nodes.parent_kind(a.id()) else {
                        return None;
                    };
                    if m.r#static {
                        return None;
                    }
                    in_function = true;
                }
                AstKind::PropertyDefinition(p) if p.r#static => return None,
                AstKind::AccessorProperty(p) if p.r#static => return None,
                AstKind::StaticBlock(_) => return None,
                AstKind::Class(_) => return Some(a.id()),
                _ => {}
            }
        }
        None
    }

    /// Whether the class body assigns `this.#name` (or any `x.#name`) anywhere.
    fn private_field_written(&self, class_node: NodeId, name: &str) -> bool {
        let nodes = self.semantic.nodes();
        let end = nodes.kind(class_node).span().end;
        for i in class_node.index() + 1..nodes.len() {
            let n = nodes.get_node(NodeId::from_usize(i));
            if n.kind().span().start >= end {
                break;
            }
            let AstKind::PrivateFieldExpression(p) = n.kind() else {
                continue;
            };
            if p.field.name != name {
                continue;
            }
            let written = match nodes.parent_kind(n.id()) {
                AstKind::AssignmentExpression(a) => a.left.span() == p.span,
                AstKind::UpdateExpression(_)
                | AstKind::ArrayAssignmentTarget(_)
                | AstKind::ObjectAssignmentTarget(_)
                | AstKind::AssignmentTargetWithDefault(_)
                | AstKind::AssignmentTargetPropertyProperty(_)
                | AstKind::AssignmentTargetRest(_)
                | AstKind::ForOfStatement(_)
                | AstKind::ForInStatement(_) => true,
                _ => false,
            };
            if written {
                return true;
            }
        }
        false
    }

    /// A call of a plain in-file function with a return type annotation
    /// (`function settings(): Map<string, string>`): what the annotation says.
    fn annotated_return(
        &self,
        shape: &FunctionShape,
        name: &str,
        span: oxc_span::Span,
        depth: u32,
    ) -> Typed {
        let return_type = match self.semantic.nodes().kind(shape.node) {
            AstKind::Function(f) => f.return_type.as_ref(),
            AstKind::ArrowFunctionExpression(f) => f.return_type.as_ref(),
            _ => None,
        };
        let Some(return_type) = return_type else {
            return Typed::unknown();
        };
        let mut t = self.annotation(&return_type.type_annotation, depth);
        if !t.is_known() {
            return t;
        }
        let ty = self.text(return_type.type_annotation.span());
        let shown = if ty.len() <= 40 && !ty.contains('\n') {
            format!(" `{ty}`")
        } else {
            String::new()
        };
        t.origin = Origin {
            span: span.into(),
            note: format!("returned by `{name}`, whose return type is{shown}"),
            label: format!("`{name}()` returns {}", t.kind.noun()),
            unawaited: t.kind == Kind::Promise,
            element_of: None,
            declared: true,
        };
        t
    }

    /// The element at `index` of the array `init` (`const [a, b] = init`): of an array
    /// literal, the expression written there when no spread comes before it; otherwise what
    /// every element of `init` is (see `element_of`).
    fn array_element(&self, init: &'a Expression<'a>, index: usize, depth: u32) -> Typed {
        let Expression::ArrayExpression(array) = init.get_inner_expression() else {
            return self.element_of(init, depth);
        };
        let Some(elements) = array.elements.get(..=index) else {
            return Typed::unknown();
        };
        if elements
            .iter()
            .any(|e| matches!(e, ArrayExpressionElement::SpreadElement(_)))
        {
            return Typed::unknown();
        }
        match elements[index].as_expression() {
            Some(e) => self.infer(e, depth),
            None => Typed::unknown(),
        }
    }

    /// What every element of the array `expr` is, when known: each element of `xs.map(f)`
    /// with `f` async (an async arrow or function expression, or an async function of the
    /// file) is a Promise no one has awaited. `expr` is that call, or names a binding of it,
    /// never reassigned, every use of which keeps its elements (reads, element callbacks,
    /// spreads, `for…of`, destructuring, `Promise.all(…)` and kin).
    pub fn element_of(&self, expr: &Expression<'a>, depth: u32) -> Typed {
        match expr.get_inner_expression() {
            Expression::CallExpression(call) if self.is_async_map(call) => {
                let text = self.text(call.span);
                let shown = if text.len() <= 40 && !text.contains('\n') {
                    text
                } else {
                    "…"
                };
                self.promise_elements(call.span, None, shown)
            }
            Expression::Identifier(id) => {
                let Some(symbol) = self.symbol_of(id) else {
                    return Typed::unknown();
                };
                if let Some(t) = self.elements.borrow().get(&symbol) {
                    return t.clone();
                }
                let t = self.compute_elements(symbol, depth);
                self.elements.borrow_mut().insert(symbol, t.clone());
                t
            }
            _ => Typed::unknown(),
        }
    }

    fn compute_elements(&self, symbol: SymbolId, depth: u32) -> Typed {
        let scoping = self.semantic.scoping();
        if depth > MAX_DEPTH
            || !scoping.symbol_redeclarations(symbol).is_empty()
            || self.is_mutated(symbol)
        {
            return Typed::unknown();
        }
        let AstKind::VariableDeclarator(d) = self
            .semantic
            .nodes()
            .kind(scoping.symbol_declaration(symbol))
        else {
            return Typed::unknown();
        };
        let (BindingPattern::BindingIdentifier(_), Some(init)) = (&d.id, &d.init) else {
            return Typed::unknown();
        };
        let Expression::CallExpression(call) = init.get_inner_expression() else {
            return Typed::unknown();
        };
        if !self.is_async_map(call) || !self.keeps_elements(symbol) {
            return Typed::unknown();
        }
        let name = scoping.symbol_name(symbol);
        self.promise_elements(call.span, Some(name), name)
    }

    /// `xs.map(f)` with `f` an async arrow or function expression, or an async function of
    /// the file: an array of Promises.
    fn is_async_map(&self, call: &CallExpression<'a>) -> bool {
        let Expression::StaticMemberExpression(m) = call.callee.get_inner_expression() else {
            return false;
        };
        let Some(callback) = call.arguments.first().and_then(Argument::as_expression) else {
            return false;
        };
        let is_async = match callback.get_inner_expression() {
            Expression::ArrowFunctionExpression(f) => f.r#async,
            Expression::FunctionExpression(f) => f.r#async && !f.generator,
            Expression::Identifier(_) => self
                .callee_function(callback)
                .is_some_and(|f| f.is_async && !f.is_generator),
            _ => false,
        };
        m.property.name == "map" && !call.optional && is_async
    }

    /// An element of the array of Promises that the `.map()` call at `call` made: `name` is
    /// the binding that holds the array, if any, `shown` the array in the help's
    /// `Promise.all(…)`.
    fn promise_elements(&self, call: oxc_span::Span, name: Option<&str>, shown: &str) -> Typed {
        let line = self.line_of(call.start);
        let mut t = Typed::new(
            Kind::Promise,
            call,
            match name {
                Some(name) => format!(
                    "an element of `{name}`, which `.map()` filled with an async callback at line {line}"
                ),
                None => format!(
                    "an element of the array `.map()` filled with an async callback at line {line}"
                ),
            },
            "this `.map()` with an async callback makes an array of Promises",
        );
        t.origin.unawaited = true;
        t.origin.element_of = Some(shown.to_string());
        t
    }

    /// Whether every use of an array binding leaves its elements as they are: reading one
    /// (`xs[i]`, `xs.length`), a method that neither replaces nor adds elements, a spread,
    /// `for…of`, `await`, or `Promise.all(xs)` and kin. Anything else (a call that gets the
    /// array, a `return`, a store, `xs.push`, `xs[i] = …`) may change them.
    fn keeps_elements(&self, symbol: SymbolId) -> bool {
        let nodes = self.semantic.nodes();
        self.semantic
            .scoping()
            .get_resolved_references(symbol)
            .all(|r| {
                if r.is_write() || r.flags().contains(ReferenceFlags::MemberWriteTarget) {
                    return false;
                }
                let node = r.node_id();
                let span = nodes.kind(node).span();
                let parent = nodes.parent_id(node);
                match nodes.kind(parent) {
                    AstKind::StaticMemberExpression(m) => {
                        if is_write_target(nodes, parent) {
                            return false;
                        }
                        let name = m.property.name.as_str();
                        if name == "length" {
                            return true;
                        }
                        matches!(
                            nodes.parent_kind(parent),
                            AstKind::CallExpression(c) if c.callee.span() == m.span
                        ) && (builtins::ELEMENT_CALLBACKS.contains(&name)
                            || builtins::ELEMENT_KEEPING.contains(&name))
                    }
                    AstKind::ComputedMemberExpression(m) => {
                        m.object.span() == span && !is_write_target(nodes, parent)
                    }
                    AstKind::SpreadElement(_) | AstKind::AwaitExpression(_) => true,
                    AstKind::ForOfStatement(f) => f.right.span() == span,
                    // `const [a, b] = xs`.
                    AstKind::VariableDeclarator(d) => {
                        matches!(d.id, BindingPattern::ArrayPattern(_))
                            && d.init.as_ref().is_some_and(|i| i.span() == span)
                    }
                    AstKind::CallExpression(c) => {
                        c.arguments.iter().any(|a| a.span() == span)
                            && matches!(
                                c.callee.get_inner_expression(),
                                Expression::StaticMemberExpression(p)
                                    if matches!(p.property.name.as_str(), "all" | "allSettled" | "race" | "any")
                                        && self.is_global(&p.object, "Promise")
                            )
                    }
                    _ => false,
                }
            })
    }

    /// For the first parameter of a callback passed first to a method call (`recv.m(p =>
    /// …)`, `recv.m(function (p) { … })`): the call's member callee.
    fn first_param_callback_of(
        &self,
        param_decl: NodeId,
    ) -> Option<(&'a CallExpression<'a>, &'a StaticMemberExpression<'a>)> {
        let nodes = self.semantic.nodes();
        let params_id = nodes.parent_id(param_decl);
        let AstKind::FormalParameters(params) = nodes.kind(params_id) else {
            return None;
        };
        if params.items.first()?.node_id() != param_decl {
            return None;
        }
        let function_id = nodes.parent_id(params_id);
        let function_span = match nodes.kind(function_id) {
            AstKind::ArrowFunctionExpression(f) => f.span,
            AstKind::Function(f) => f.span,
            _ => return None,
        };
        let AstKind::CallExpression(call) = nodes.parent_kind(function_id) else {
            return None;
        };
        if call.arguments.first().map(GetSpan::span) != Some(function_span) {
            return None;
        }
        let Expression::StaticMemberExpression(m) = call.callee.get_inner_expression() else {
            return None;
        };
        Some((call, m))
    }

    /// For the first parameter of a callback passed first to an element method
    /// (`xs.map(p => …)`, `xs.forEach(function (p) { … })`): the array, `xs`.
    fn element_callback_array(&self, param_decl: NodeId) -> Option<&'a Expression<'a>> {
        let (call, m) = self.first_param_callback_of(param_decl)?;
        (!call.optional && builtins::ELEMENT_CALLBACKS.contains(&m.property.name.as_str()))
            .then_some(&m.object)
    }

    /// A parameter that is the error of a `.catch(fn)` callback on a known Promise.
    fn catch_callback_error(&self, param_decl: NodeId, depth: u32) -> Option<Typed> {
        let (_, m) = self.first_param_callback_of(param_decl)?;
        if m.property.name != "catch" || self.infer(&m.object, depth).kind != Kind::Promise {
            return None;
        }
        let first = self.semantic.nodes().kind(param_decl).span();
        Some(Typed::new(
            Kind::CaughtError,
            first,
            format!("the rejection caught at line {}", self.line_of(first.start)),
            "the caught error",
        ))
    }

    /// The value of a property found by [`Kinds::literal_property`], memoised per property: a
    /// property read while its own value is worked out (`const a = { x: b.x }; const b = { x:
    /// a.x || a.y }`) is Unknown there, and each is worked out once.
    fn literal_value(&self, p: &ObjectProperty<'a>, depth: u32) -> Typed {
        let key = p.node_id();
        if let Some(t) = self.literal_values.borrow().get(&key) {
            return t.clone();
        }
        self.literal_values
            .borrow_mut()
            .insert(key, Typed::unknown());
        let t = self.infer(&p.value, depth);
        self.literal_values.borrow_mut().insert(key, t.clone());
        t
    }

    /// `p.name` where `p` is a parameter or a variable known only by its annotation, an object
    /// type literal (`p: { tabs: Map<K, V> }`): the type of its property, as for the
    /// destructured `({ tabs }: { tabs: Map<K, V> })`. Not where a test of `p` may have
    /// narrowed it, nor, for an object type, where a test of `p.name` may have.
    /// `at` is the node that reads the member (`p.tabs`, or `p` in `const { tabs } = p`).
    fn annotated_member(
        &self,
        obj: &IdentifierReference<'a>,
        name: &str,
        at: NodeId,
        d: u32,
    ) -> Option<Typed> {
        let symbol = self.symbol_of(obj)?;
        let whole = self.identifier(obj, d);
        if !(whole.origin.declared && matches!(whole.kind, Kind::Object { .. })) {
            return None;
        }
        let ann = match self
            .semantic
            .nodes()
            .kind(self.semantic.scoping().symbol_declaration(symbol))
        {
            AstKind::FormalParameter(p)
                if matches!(p.pattern, BindingPattern::BindingIdentifier(_)) =>
            {
                p.type_annotation.as_ref()?
            }
            AstKind::VariableDeclarator(v)
                if matches!(v.id, BindingPattern::BindingIdentifier(_)) =>
            {
                v.type_annotation.as_ref()?
            }
            _ => return None,
        };
        let t = self.member_annotation(&ann.type_annotation, name, d);
        if !t.is_known() {
            return None;
        }
        if matches!(t.kind, Kind::Object { .. }) {
            let scoping = self.semantic.scoping();
            let is_it = |e: &Expression<'a>| {
                matches!(e, Expression::StaticMemberExpression(x)
                    if x.property.name == name
                        && matches!(x.object.get_inner_expression(), Expression::Identifier(r)
                            if r.reference_id.get().and_then(|r| scoping.get_reference(r).symbol_id())
                                == Some(symbol)))
            };
            if self.narrowed(at, &is_it) {
                return Some(Typed::unknown());
            }
        }
        Some(t)
    }

    /// The function `obj.method` is, when the property `method` of the object literal bound
    /// to `obj` (see [`Kinds::literal_property`]) is a function (a method, a function or an
    /// arrow).
    fn object_method(
        &self,
        obj: &IdentifierReference<'a>,
        method: &str,
        depth: u32,
    ) -> Option<FunctionShape> {
        let p = self.literal_property(obj, method, depth)?;
        FunctionShape::of_expression(p.value.get_inner_expression())
    }

    /// [`Kinds::literal_property`] for a value read from the object (`cfg.tags`, `const { tags }
    /// = cfg`), when the binding is not exported either: `export const state = { items: null }`
    /// may have `items` replaced by the modules that import it (an import cycle even lets them
    /// run before this module is done). Methods are looked up on exported objects too.
    fn data_property(
        &self,
        obj: &IdentifierReference<'a>,
        name: &str,
        depth: u32,
    ) -> Option<&'a ObjectProperty<'a>> {
        let p = self.literal_property(obj, name, depth)?;
        let symbol = self.symbol_of(obj)?;
        let exported = self.symbol_fact("kinds/exported", symbol, || {
            let scoping = self.semantic.scoping();
            let nodes = self.semantic.nodes();
            let declaration = nodes.parent_id(scoping.symbol_declaration(symbol));
            matches!(
                nodes.parent_kind(declaration),
                AstKind::ExportDeclaration(_)
                    | AstKind::ExportNamedDeclaration(_)
                    | AstKind::ExportDefaultDeclaration(_)
            ) || scoping.get_resolved_references(symbol).any(|r| {
                matches!(
                    nodes.parent_kind(r.node_id()),
                    AstKind::ExportSpecifier(_) | AstKind::ExportDefaultDeclaration(_)
                )
            })
        });
        (!exported).then_some(p)
    }

    /// The property `name` of the object literal bound to `obj`, when `obj` names a binding,
    /// never reassigned, of an object literal whose last property `name` is a plain one (not
    /// a getter or setter) that nothing can replace: no spread or computed key after it in
    /// the literal, no `this.name = …` in the file, and every use of `obj` a member read, a
    /// write of another property or an export (a binding handed to other code may have its
    /// properties replaced there). `const cfg = { tags: new Set() }` → `cfg.tags` is the Set.
    /// For a value read from it, see [`Kinds::data_property`].
    fn literal_property(
        &self,
        obj: &IdentifierReference<'a>,
        name: &str,
        depth: u32,
    ) -> Option<&'a ObjectProperty<'a>> {
        let symbol = self.symbol_of(obj)?;
        let scoping = self.semantic.scoping();
        if depth > MAX_DEPTH
            || self.is_mutated(symbol)
            || !scoping.symbol_redeclarations(symbol).is_empty()
        {
            return None;
        }
        let nodes = self.semantic.nodes();
        let AstKind::VariableDeclarator(d) = nodes.kind(scoping.symbol_declaration(symbol)) else {
            return None;
        };
        let (BindingPattern::BindingIdentifier(_), Some(init)) = (&d.id, &d.init) else {
            return None;
        };
        let Expression::ObjectExpression(o) = init.get_inner_expression() else {
            return None;
        };
        let at = o.properties.iter().rposition(|p| {
            matches!(p, ObjectPropertyKind::ObjectProperty(p)
                if !p.computed && p.key.static_name().is_some_and(|k| k == name))
        })?;
        let later_may_replace = o.properties[at + 1..].iter().any(|p| match p {
            ObjectPropertyKind::SpreadProperty(_) => true,
            ObjectPropertyKind::ObjectProperty(p) => p.computed,
        });
        let ObjectPropertyKind::ObjectProperty(p) = &o.properties[at] else {
            return None;
        };
        if later_may_replace || p.kind != PropertyKind::Init {
            return None;
        }
        {
            let writes = self.member_writes();
            if !writes.assign_this.is_empty()
                || writes
                    .by_name
                    .get(name)
                    .is_some_and(|w| w.iter().any(|w| w.through_this))
            {
                return None;
            }
        }
        let kept = self
            .member_names_written(symbol)
            .is_some_and(|written| !written.contains(name));
        kept.then_some(p)
    }

    /// The property names written on an object binding (`api.load = …`), when every other use
    /// of it only reads members or exports it (`None` otherwise); once per symbol, as it is
    /// asked per method call (`api.load()` thousands of times).
    fn member_names_written(&self, symbol: SymbolId) -> Option<Rc<NameSet>> {
        let written = self.symbol_memo("kinds/member-names-written", symbol, 0, || {
            let nodes = self.semantic.nodes();
            let mut written = NameSet::default();
            for r in self.semantic.scoping().get_resolved_references(symbol) {
                let node = r.node_id();
                let parent = nodes.parent_id(node);
                let ok = match nodes.kind(parent) {
                    AstKind::StaticMemberExpression(m) => {
                        if is_write_target(nodes, parent) {
                            written.insert(m.property.name.to_string());
                        }
                        true
                    }
                    AstKind::ComputedMemberExpression(m) => {
                        m.object.span() == nodes.kind(node).span()
                            && !is_write_target(nodes, parent)
                    }
                    AstKind::ExportSpecifier(_) | AstKind::ExportDefaultDeclaration(_) => true,
                    // `{ ...cfg }`: a copy reads the properties.
                    AstKind::SpreadElement(_) => {
                        matches!(nodes.parent_kind(parent), AstKind::ObjectExpression(_))
                    }
                    // `const { tags } = cfg`: reads.
                    AstKind::VariableDeclarator(d) => {
                        matches!(d.id, BindingPattern::ObjectPattern(_))
                            && d.init
                                .as_ref()
                                .is_some_and(|i| i.span() == nodes.kind(node).span())
                    }
                    _ => false,
                };
                if !ok {
                    return None;
                }
            }
            Some(Rc::new(written))
        });
        (*written).clone()
    }

    fn function_of_symbol(&self, symbol: SymbolId, depth: u32) -> Option<FunctionShape> {
        if depth > MAX_DEPTH || self.is_mutated(symbol) {
            return None;
        }
        let decl = self.sole_declaration(symbol)?;
        match self.semantic.nodes().kind(decl) {
            AstKind::Function(f) if f.body.is_some() => Some(FunctionShape {
                node: decl,
                span: f.span.into(),
                is_async: f.r#async,
                is_generator: f.generator,
            }),
            AstKind::VariableDeclarator(d)
                if matches!(d.id, BindingPattern::BindingIdentifier(_)) =>
            {
                match d.init.as_ref()?.get_inner_expression() {
                    Expression::Identifier(other) => {
                        let s = self.symbol_of(other)?;
                        self.function_of_symbol(s, depth + 1)
                    }
                    init => FunctionShape::of_expression(init),
                }
            }
            _ => None,
        }
    }

    /// The one declaration of a binding; for a TypeScript function with overload signatures
    /// (`function load(id: string): …;` then `async function load(id) {…}`), its
    /// implementation. `None` for any other redeclaration.
    fn sole_declaration(&self, symbol: SymbolId) -> Option<NodeId> {
        let scoping = self.semantic.scoping();
        let first = scoping.symbol_declaration(symbol);
        let redeclarations = scoping.symbol_redeclarations(symbol);
        if redeclarations.is_empty() {
            return Some(first);
        }
        let nodes = self.semantic.nodes();
        let mut implementation = None;
        for decl in redeclarations.iter().map(|r| r.declaration).chain([first]) {
            match nodes.kind(decl) {
                AstKind::Function(f) if f.body.is_none() => {}
                AstKind::Function(_) if implementation.is_none() => implementation = Some(decl),
                _ => return None,
            }
        }
        implementation
    }

    // ---- classes --------------------------------------------------------------------------

    fn compute_class_info(&self, node: NodeId, depth: u32) -> ClassInfo {
        let AstKind::Class(class) = self.semantic.nodes().kind(node) else {
            return ClassInfo {
                extends_unknown: true,
                ..ClassInfo::default()
            };
        };
        // `const Model = class {…}` is named `Model`, as JavaScript names it.
        let bound_name = || match self.semantic.nodes().parent_kind(node) {
            AstKind::VariableDeclarator(d) => d.id.get_binding_identifier().map(|i| i.name),
            _ => None,
        };
        let mut info = ClassInfo {
            name: class
                .id
                .as_ref()
                .map(|i| i.name)
                .or_else(bound_name)
                .map_or_else(|| "anonymous class".to_string(), |n| n.to_string()),
            span: class.span.into(),
            ..ClassInfo::default()
        };
        // A class patched from outside (`C.prototype[Symbol.iterator] = …`, polyfills) or
        // named like a builtin it stands in for (`class Map {…}`) may have more than its body.
        // Handed to code that can reshape it (`Object.defineProperty(C.prototype, …)`,
        // `mixin(C)`), decorated, or made by a constructor that returns another object, it
        // is not known either.
        let nodes = self.semantic.nodes();
        let patched = class
            .id
            .as_ref()
            .and_then(|id| id.symbol_id.get())
            .is_some_and(|symbol| {
                self.semantic
                    .scoping()
                    .get_resolved_references(symbol)
                    .any(|r| {
                        // A write through `C.prototype` (`C.prototype[Symbol.iterator] = …`);
                        // a static one (`C.seq++`) changes no instance.
                        (r.flags().contains(ReferenceFlags::MemberWriteTarget)
                            && matches!(nodes.parent_kind(r.node_id()),
                                AstKind::StaticMemberExpression(m) if m.property.name == "prototype"))
                            || passed_to_call(nodes, r.node_id())
                    })
            });
        let body = class_body::scan(class);
        if !class.decorators.is_empty()
            || body.constructor_returns
            || builtins::constructed(&info.name, 0).is_some()
        {
            info.extends_unknown = true;
        }
        info.reshaped = patched || body.reshapes_this;
        info.own = body.this_names;
        for element in &class.body.body {
            // `*[ITER]() {…}`: a member whose key may be `Symbol.iterator`.
            if let Some(key) = element.property_key()
                && element.computed()
                && !element.r#static()
                && may_be_symbol_key(key)
            {
                info.reshaped = true;
            }
            match element {
                ClassElement::MethodDefinition(m) if !m.r#static => {
                    if is_symbol_iterator_key(&m.key, m.computed) {
                        info.iterable = true;
                    }
                    if is_symbol_key(&m.key, m.computed, "asyncIterator") {
                        info.async_iterable = true;
                    }
                    // An `abstract` member is a type only: the subclass that defines it
                    // (as a getter, a method or a plain field) says what its instances hold.
                    if m.r#type.is_abstract() {
                        continue;
                    }
                    // A `#private` accessor is no property: a copy loses nothing by it.
                    if matches!(
                        m.kind,
                        MethodDefinitionKind::Get | MethodDefinitionKind::Set
                    ) && !m.key.is_private_identifier()
                    {
                        info.has_accessor = true;
                    }
                    if m.kind != MethodDefinitionKind::Constructor
                        && let Some(name) = m.key.static_name()
                    {
                        info.methods.push((name.to_string(), m.key.span().into()));
                    }
                }
                ClassElement::PropertyDefinition(p) if !p.r#static => {
                    if p.key.is_private_identifier() {
                        info.has_private_field = true;
                    } else if let Some(name) = p.key.static_name() {
                        info.own.push(name.to_string());
                    }
                    if is_symbol_iterator_key(&p.key, p.computed) {
                        info.iterable = true;
                    }
                }
                ClassElement::AccessorProperty(p)
                    if !p.r#static && !p.key.is_private_identifier() && !p.r#type.is_abstract() =>
                {
                    info.has_accessor = true;
                    if let Some(name) = p.key.static_name() {
                        info.methods.push((name.to_string(), p.key.span().into()));
                    }
                }
                _ => {}
            }
        }
        if let Some(heritage) = &class.heritage {
            let base = heritage.expression.get_inner_expression();
            match base {
                Expression::Identifier(id) if id.is_global_reference(self.semantic.scoping()) => {
                    if ERROR_CLASSES.contains(&id.name.as_str()) {
                        info.is_error = true;
                    } else {
                        info.extends_unknown = true;
                    }
                }
                Expression::Identifier(id) => match self.class_of_callee(id, 0) {
                    Some(base_node) => {
                        let base = self.class_info_at(base_node, depth + 1);
                        info.base = Some(base_node);
                        info.extends_unknown = base.extends_unknown;
                        info.reshaped |= base.reshaped;
                        info.is_error = base.is_error;
                        info.iterable |= base.iterable;
                        info.async_iterable |= base.async_iterable;
                        info.has_accessor |= base.has_accessor;
                        info.has_private_field |= base.has_private_field;
                        info.methods.extend(base.methods.iter().cloned());
                        info.own.extend(base.own.iter().cloned());
                    }
                    None => info.extends_unknown = true,
                },
                _ => info.extends_unknown = true,
            }
        }
        info
    }
}

/// The member writes of a file.
#[derive(Default)]
struct MemberWrites {
    by_name: HashMap<String, Vec<MemberWrite>>,
    /// `Object.assign(this, …)` and `Object.defineProperty(this, …)` calls.
    assign_this: Vec<oxc_span::Span>,
}

/// One write of `x.name`.
struct MemberWrite {
    span: oxc_span::Span,
    /// `this.name`.
    through_this: bool,
    /// The assignment (`=`, `||=`, `&&=`, `??=`) whose right side is the value; `None` for
    /// other writes.
    assignment: Option<NodeId>,
}

/// Whether a member expression (at `span`) whose parent is `parent` is written there, other
/// than as the left side of a plain assignment, which the caller checks.
fn is_write_context(parent: AstKind<'_>, span: oxc_span::Span) -> bool {
    match parent {
        AstKind::UpdateExpression(_)
        | AstKind::ArrayAssignmentTarget(_)
        | AstKind::ObjectAssignmentTarget(_)
        | AstKind::AssignmentTargetPropertyProperty(_)
        | AstKind::AssignmentTargetRest(_) => true,
        AstKind::AssignmentTargetWithDefault(d) => d.binding.span() == span,
        AstKind::ForOfStatement(f) => f.left.span() == span,
        AstKind::ForInStatement(f) => f.left.span() == span,
        AstKind::UnaryExpression(u) => u.operator == UnaryOperator::Delete,
        _ => false,
    }
}

/// An in-file function a callee names (see `Kinds::declared_callee`).
enum Callee<'a> {
    Function(&'a Function<'a>),
    Arrow(&'a ArrowFunctionExpression<'a>),
}

/// An in-file function a call resolves to.
#[derive(Clone, Copy, Debug)]
pub struct FunctionShape {
    /// The function's node (a `Function` or an `ArrowFunctionExpression`).
    pub node: NodeId,
    /// The function's span.
    pub span: Span,
    /// `async function` or `async () => …`.
    pub is_async: bool,
    /// `function*` (arrows never are).
    pub is_generator: bool,
}

impl FunctionShape {
    /// The shape of a function or arrow expression (`None` for any other expression).
    fn of_expression(e: &Expression<'_>) -> Option<FunctionShape> {
        match e {
            Expression::FunctionExpression(f) => Some(FunctionShape {
                node: f.node_id(),
                span: f.span.into(),
                is_async: f.r#async,
                is_generator: f.generator,
            }),
            Expression::ArrowFunctionExpression(f) => Some(FunctionShape {
                node: f.node_id(),
                span: f.span.into(),
                is_async: f.r#async,
                is_generator: false,
            }),
            _ => None,
        }
    }
}

/// What a call of an async or generator function returns, with the article and the words
/// for the function's kind (`an`, `async generator`); `None` for a plain function.
fn called_kind(is_async: bool, generator: bool) -> Option<(Kind, &'static str, &'static str)> {
    match (is_async, generator) {
        (true, true) => Some((Kind::AsyncGenerator, "an", "async generator")),
        (false, true) => Some((Kind::Generator, "a", "generator")),
        (true, false) => Some((Kind::Promise, "an", "async")),
        (false, false) => None,
    }
}

/// The constructor parameter of `class` that declares the field `name` (`constructor(private
/// name: T)`, also `public`, `protected`, `readonly`, `override`).
pub(crate) fn parameter_property<'c, 'a>(
    class: &'c Class<'a>,
    name: &str,
) -> Option<&'c FormalParameter<'a>> {
    class.body.body.iter().find_map(|e| match e {
        ClassElement::MethodDefinition(m) if m.kind == MethodDefinitionKind::Constructor => {
            m.value.params.items.iter().find(|p| {
                p.has_modifier()
                    && matches!(&p.pattern, BindingPattern::BindingIdentifier(b) if b.name == name)
            })
        }
        _ => None,
    })
}

/// Where a binding sits in its declaration's pattern.
enum Place {
    /// The pattern is the binding itself.
    Whole,
    /// `{ key }` or `{ key: name }` at the top level of an object pattern.
    Property(String),
    /// `{ key = fallback }` at the top level: the property, or the default when it is
    /// `undefined`. An annotation of the pattern types both (TypeScript checks the default
    /// against it); nothing else is known.
    DefaultedProperty(String),
    /// `{ ...name }` at the top level.
    ObjectRest,
    /// `[...name]` at the top level.
    ArrayRest,
    /// `[a, name]` at the top level, not defaulted: the element at this index.
    Element(usize),
    /// Deeper inside the pattern.
    Nested,
}

fn binding_ident_span(p: &BindingPattern<'_>) -> Option<oxc_span::Span> {
    match p {
        BindingPattern::BindingIdentifier(b) => Some(b.span),
        BindingPattern::AssignmentPattern(a) => binding_ident_span(&a.left),
        _ => None,
    }
}

/// A promise-module binding with the name to show: the module it names when it was reached
/// as an export (`fs/promises` for `fs`'s `promises`), else `module` as written.
fn named(binding: builtins::PromiseBinding, module: &str) -> (builtins::PromiseBinding, &str) {
    let shown = match binding {
        builtins::PromiseBinding::Module {
            named: Some(inner), ..
        } => inner,
        _ => module,
    };
    (binding, shown)
}

/// Whether the member expression at `member` is written: assigned, updated, deleted, or a
/// target of destructuring or of a `for…in`/`for…of` head.
fn is_write_target(nodes: &oxc_semantic::AstNodes<'_>, member: NodeId) -> bool {
    let span = nodes.kind(member).span();
    match nodes.parent_kind(member) {
        AstKind::AssignmentExpression(a) => a.left.span() == span,
        parent => is_write_context(parent, span),
    }
}

/// `require("m")` (one string argument, a callee named `require` that `is_require`
/// accepts) → (`m`, `None`); `require("m").name` → (`m`, `Some(name)`). The inference asks
/// for the global `require`; the gate, which over-approximates, takes any.
pub fn required_module<'a>(
    init: &'a Expression<'a>,
    is_require: impl Fn(&IdentifierReference<'a>) -> bool,
) -> Option<(&'a str, Option<&'a str>)> {
    let (call, export) = match init.get_inner_expression() {
        Expression::CallExpression(c) => (c, None),
        Expression::StaticMemberExpression(m) => match m.object.get_inner_expression() {
            Expression::CallExpression(c) => (c, Some(m.property.name.as_str())),
            _ => return None,
        },
        _ => return None,
    };
    let Expression::Identifier(callee) = call.callee.get_inner_expression() else {
        return None;
    };
    if callee.name != "require" || !is_require(callee) || call.optional {
        return None;
    }
    match call.arguments.as_slice() {
        [Argument::StringLiteral(s)] => Some((s.value.as_str(), export)),
        _ => None,
    }
}

fn locate(pattern: &BindingPattern<'_>, binding: oxc_span::Span) -> Option<Place> {
    match pattern {
        BindingPattern::BindingIdentifier(b) => (b.span == binding).then_some(Place::Whole),
        BindingPattern::ObjectPattern(o) => {
            for p in &o.properties {
                if binding_ident_span(&p.value) == Some(binding) {
                    if p.computed {
                        return Some(Place::Nested);
                    }
                    let key = p.key.static_name()?.to_string();
                    // A defaulted property (`{ a = 1 }`) can hold the default instead.
                    if matches!(p.value, BindingPattern::AssignmentPattern(_)) {
                        return Some(Place::DefaultedProperty(key));
                    }
                    return Some(Place::Property(key));
                }
            }
            if let Some(rest) = &o.rest
                && binding_ident_span(&rest.argument) == Some(binding)
            {
                return Some(Place::ObjectRest);
            }
            Some(Place::Nested)
        }
        BindingPattern::ArrayPattern(a) => {
            if let Some(rest) = &a.rest
                && binding_ident_span(&rest.argument) == Some(binding)
            {
                return Some(Place::ArrayRest);
            }
            // `[a, b]`: a plain element (a defaulted one, `[a = 1]`, can hold the default).
            a.elements
                .iter()
                .position(|e| {
                    matches!(e, Some(BindingPattern::BindingIdentifier(b)) if b.span == binding)
                })
                .map_or(Some(Place::Nested), |i| Some(Place::Element(i)))
        }
        BindingPattern::AssignmentPattern(_) => Some(Place::Nested),
    }
}

/// What a direct `eval` or a `with` lets code do to the file's names (see
/// `Kinds::dynamic_kind`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Dynamic {
    None,
    /// Strict code with a direct `eval`: it can assign to `let`/`var` bindings it sees.
    StrictEval,
    /// Sloppy code with a direct `eval` or a `with`: anything.
    Sloppy,
}

/// Finds, in a test, a read of one symbol that can tell its kinds apart: an argument of a call
/// (`Array.isArray(v)`, `isIterable(v)`), the object of a member (`v.length`, `v.has(k)`,
/// `v[Symbol.iterator]`), or an operand of `typeof`, `instanceof` or `in`. A bare `v`, `!v` or
/// `v === other` rules out no object kind.
/// `is_it` says whether an expression is the value (a read of the binding, or `this.name`).
struct Mentions<'m, 'a> {
    is_it: &'m dyn Fn(&Expression<'a>) -> bool,
    found: bool,
}

impl<'a> Mentions<'_, 'a> {
    fn is_it(&self, e: &Expression<'a>) -> bool {
        (self.is_it)(e.get_inner_expression())
    }
}

impl<'a> Visit<'a> for Mentions<'_, 'a> {
    fn visit_call_expression(&mut self, c: &CallExpression<'a>) {
        if c.arguments
            .iter()
            .any(|a| a.as_expression().is_some_and(|e| self.is_it(e)))
        {
            self.found = true;
        }
        walk::walk_call_expression(self, c);
    }

    fn visit_member_expression(&mut self, m: &MemberExpression<'a>) {
        if self.is_it(m.object()) {
            self.found = true;
        }
        walk::walk_member_expression(self, m);
    }

    fn visit_unary_expression(&mut self, u: &UnaryExpression<'a>) {
        if u.operator == UnaryOperator::Typeof && self.is_it(&u.argument) {
            self.found = true;
        }
        walk::walk_unary_expression(self, u);
    }

    fn visit_binary_expression(&mut self, b: &BinaryExpression<'a>) {
        if matches!(b.operator, BinaryOperator::Instanceof | BinaryOperator::In)
            && (self.is_it(&b.left) || self.is_it(&b.right))
        {
            self.found = true;
        }
        walk::walk_binary_expression(self, b);
    }
}

/// The names a test reads (`dev`, `opts` in `opts.dev`); `opaque` when it reads `this` or
/// `super`, whose members a later test cannot be matched against by name.
#[derive(Default)]
struct Names<'a> {
    names: Vec<&'a str>,
    opaque: bool,
}

impl<'a> Visit<'a> for Names<'a> {
    fn visit_identifier_reference(&mut self, id: &IdentifierReference<'a>) {
        self.names.push(id.name.as_str());
    }

    fn visit_this_expression(&mut self, _: &ThisExpression) {
        self.opaque = true;
    }

    fn visit_super(&mut self, _: &Super) {
        self.opaque = true;
    }
}

/// How many bindings read by a test are followed to their initializer for a guard.
const MAX_ALIASES: usize = 8;

/// How many statements before a use are looked at for an assertion, how many leaving `if`s
/// before it for a guard, how many cases of a `switch` before it for a test.
const MAX_GUARD_DISTANCE: usize = 32;
/// How many functions out a guard is looked for through the calls of the function that
/// holds the use (see `Kinds::guarded_within`), and how many calls each may have.
const MAX_GUARD_HOPS: u32 = 2;
const MAX_GUARDED_CALLS: usize = 8;
/// How many writes a flag may have, and how deep flags set under tests of flags are followed
/// (see `Kinds::flag_set_under`).
const MAX_FLAG_WRITES: usize = 8;
const MAX_FLAG_REFERENCES: usize = 32;
const MAX_FLAG_DEPTH: u32 = 2;

/// How many statements nested in one statement of a list (the branches of an `if`, a bare
/// block, a `try` block) are looked at for a guard.
const MAX_NESTED_GUARD_STATEMENTS: usize = 64;

/// Whether a statement always leaves the statement list it is in: `return`, `throw`, `break`,
/// `continue`, an expression that `ends` says never completes (`process.exit(…)`, `fail(…)`),
/// a block whose last statement leaves, an `if` whose branches both leave, or a `try` whose
/// block and handler leave (or whose `finally` does).
fn leaves<'a>(s: &Statement<'a>, ends: &dyn Fn(&Expression<'a>) -> bool) -> bool {
    let block = |b: &BlockStatement<'a>| b.body.last().is_some_and(|s| leaves(s, ends));
    match s {
        Statement::ReturnStatement(_)
        | Statement::ThrowStatement(_)
        | Statement::BreakStatement(_)
        | Statement::ContinueStatement(_) => true,
        Statement::ExpressionStatement(e) => ends(&e.expression),
        Statement::BlockStatement(b) => block(b),
        Statement::IfStatement(i) => {
            leaves(&i.consequent, ends) && i.alternate.as_ref().is_some_and(|a| leaves(a, ends))
        }
        Statement::TryStatement(t) => {
            t.finalizer.as_deref().is_some_and(block)
                || (block(&t.block) && t.handler.as_ref().is_none_or(|h| block(&h.body)))
        }
        _ => false,
    }
}

/// `process.exit(…)`, which ends the program (written as a statement: `if (!x) process.exit(1)`).
fn is_process_exit(e: &Expression<'_>) -> bool {
    let Expression::CallExpression(c) = e.get_inner_expression() else {
        return false;
    };
    let Some(m) = c.callee.get_inner_expression().as_member_expression() else {
        return false;
    };
    m.static_property_name() == Some("exit")
        && matches!(m.object().get_inner_expression(), Expression::Identifier(id) if id.name == "process")
}

/// Whether a TypeScript non-null assertion (`x!`) wraps the value, under parentheses and
/// other TS wrappers (`(x as T)!` is judged whole by the caller).
fn non_null_asserted(mut e: &Expression<'_>) -> bool {
    loop {
        e = match e {
            Expression::TSNonNullExpression(_) => return true,
            Expression::ParenthesizedExpression(p) => &p.expression,
            Expression::TSSatisfiesExpression(a) => &a.expression,
            Expression::TSInstantiationExpression(a) => &a.expression,
            _ => return false,
        };
    }
}

/// Whether a call is one of the builtins that change members of their first argument
/// ([`builtins::reshapes_first_argument`]); `is_ns` says whether an expression names the
/// namespace (`Object`, `Reflect`), as strictly as the caller wants.
pub(crate) fn reshaping_call<'a>(
    call: &CallExpression<'a>,
    is_ns: &dyn Fn(&Expression<'a>, &str) -> bool,
) -> bool {
    let Some(member) = call.callee.get_inner_expression().as_member_expression() else {
        return false;
    };
    let Some(method) = member.static_property_name() else {
        return false;
    };
    ["Object", "Reflect"]
        .into_iter()
        .any(|ns| builtins::reshapes_first_argument(ns, method) && is_ns(member.object(), ns))
}

/// Whether the identifier at `node`, or its `.prototype`, is an argument of a call
/// (`Object.defineProperty(C.prototype, …)`, `mixin(C)`).
fn passed_to_call(nodes: &oxc_semantic::AstNodes<'_>, node: NodeId) -> bool {
    let mut node = node;
    let mut parent = nodes.parent_node(node);
    if let AstKind::StaticMemberExpression(m) = parent.kind()
        && m.property.name == "prototype"
    {
        node = parent.id();
        parent = nodes.parent_node(node);
    }
    let span = nodes.kind(node).span();
    match parent.kind() {
        // Of `Object.*` and `Reflect.*`, only the writers change their first argument
        // (`Object.setPrototypeOf(copy, C.prototype)`, `Object.create(C.prototype)` do not).
        AstKind::CallExpression(c)
            if c.callee.as_member_expression().is_some_and(|m| {
                m.object().is_specific_id("Object") || m.object().is_specific_id("Reflect")
            }) =>
        {
            c.arguments.first().is_some_and(|a| a.span() == span)
                && reshaping_call(c, &|e, ns| e.is_specific_id(ns))
        }
        AstKind::CallExpression(c) => c.callee.span() != span,
        AstKind::NewExpression(n) => n.callee.span() != span,
        _ => false,
    }
}

/// Whether a property key is `[Symbol.iterator]` (or `[Symbol.asyncIterator]`, which makes a
/// value async-iterable only: not counted).
/// The outermost type assertion (`x as T`, `<T>x`) under parentheses, `!` and `satisfies`:
/// its type and its operand.
pub(crate) fn type_assertion<'e, 'a>(
    expr: &'e Expression<'a>,
) -> Option<(&'e TSType<'a>, &'e Expression<'a>)> {
    match expr {
        Expression::TSAsExpression(a) => Some((&a.type_annotation, &a.expression)),
        Expression::TSTypeAssertion(a) => Some((&a.type_annotation, &a.expression)),
        Expression::ParenthesizedExpression(p) => type_assertion(&p.expression),
        Expression::TSNonNullExpression(n) => type_assertion(&n.expression),
        Expression::TSSatisfiesExpression(s) => type_assertion(&s.expression),
        _ => None,
    }
}

/// `any`, `unknown`, `Error` or another builtin error type, or an intersection with one
/// (`Error & { code: string }`).
fn error_like_type(ty: &TSType<'_>) -> bool {
    match ty {
        TSType::TSAnyKeyword(_) | TSType::TSUnknownKeyword(_) => true,
        TSType::TSTypeReference(r) => matches!(
            &r.type_name,
            TSTypeName::IdentifierReference(id)
                if builtins::constructed(id.name.as_str(), 1) == Some(Kind::Error)
        ),
        TSType::TSIntersectionType(i) => i.types.iter().any(error_like_type),
        TSType::TSParenthesizedType(p) => error_like_type(&p.type_annotation),
        _ => false,
    }
}

fn is_symbol_iterator_key(key: &PropertyKey<'_>, computed: bool) -> bool {
    is_symbol_key(key, computed, "iterator")
}

/// Whether a computed key may evaluate to a symbol: anything but a literal string, number or
/// template without substitutions, and `Symbol.<name>` other than the iterator ones (which
/// the callers check themselves).
pub(super) fn may_be_symbol_key(key: &PropertyKey<'_>) -> bool {
    key.as_expression().is_some_and(may_be_symbol_key_expr)
}

/// [`may_be_symbol_key`] for the expression of a computed key or member (`this[key]`).
fn may_be_symbol_key_expr(e: &Expression<'_>) -> bool {
    match e.get_inner_expression() {
        Expression::StringLiteral(_) | Expression::NumericLiteral(_) => false,
        Expression::TemplateLiteral(t) => !t.expressions.is_empty(),
        // `'to' + name`: a string.
        Expression::BinaryExpression(b)
            if b.operator == BinaryOperator::Addition
                && [&b.left, &b.right].iter().any(|e| {
                    matches!(
                        e.get_inner_expression(),
                        Expression::StringLiteral(_) | Expression::TemplateLiteral(_)
                    )
                }) =>
        {
            false
        }
        e => {
            !(e.is_specific_member_access("Symbol", "iterator")
                || e.is_specific_member_access("Symbol", "asyncIterator"))
                && e.as_member_expression()
                    .is_none_or(|m| !m.object().is_specific_id("Symbol") || m.is_computed())
        }
    }
}

pub(super) fn is_symbol_key(key: &PropertyKey<'_>, computed: bool, name: &str) -> bool {
    computed
        && key
            .as_expression()
            .is_some_and(|e| e.is_specific_member_access("Symbol", name))
}

impl Span {
    /// The oxc span of the same range.
    pub fn into_oxc(self) -> oxc_span::Span {
        oxc_span::Span::new(self.start, self.end)
    }
}
