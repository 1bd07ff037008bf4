//! The rule registry: metadata, the `Rule` trait, and the one list of every rule.
//!
//! A rule is a static [`RuleMeta`] plus an implementation of [`Rule`]. The pipeline calls
//! [`Rule::check`] for every AST node whose type the rule lists in `node_types`, and
//! [`Rule::check_file`] once per file. Rules never walk the whole file themselves.

use oxc_ast::AstType;
use oxc_semantic::AstNode;
use serde::de::DeserializeOwned;

use crate::diagnostic::Severity;
pub use crate::lint::Ctx;
pub use crate::lint::gate::GateSpec;

pub mod accumulating_spread;
#[cfg(test)]
pub mod fix_test_util;
pub mod invalid_rest;
pub mod iterator_reuse;
pub mod object_assign_mutates_target;
pub mod object_spread_indexed;
pub mod object_spread_loses_data;
pub mod prefer_object_spread;
pub mod prefer_rest_params;
pub mod prefer_spread;
pub mod rest_not_last;
pub mod shallow_copy_mutation;
pub mod spread_args_overflow;
pub mod spread_non_iterable;
pub mod spread_overrides_property;
pub mod useless_spread;

/// A rule's family; each has a default severity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Category {
    Correctness,
    Suspicious,
    Perf,
    Style,
}

impl Category {
    pub const ALL: [Category; 4] = [
        Category::Correctness,
        Category::Suspicious,
        Category::Perf,
        Category::Style,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Category::Correctness => "correctness",
            Category::Suspicious => "suspicious",
            Category::Perf => "perf",
            Category::Style => "style",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }

    /// The severity a rule of this category has unless configured (`None` = off).
    pub fn default_severity(self) -> Option<Severity> {
        match self {
            Category::Correctness => Some(Severity::Error),
            Category::Suspicious | Category::Perf => Some(Severity::Warning),
            Category::Style => None,
        }
    }
}

/// What kind of fix a rule offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FixKind {
    None,
    Safe,
    Suggestion,
}

impl FixKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FixKind::None => "—",
            FixKind::Safe => "safe",
            FixKind::Suggestion => "suggestion",
        }
    }
}

/// Builds a rule from its options (`None` when the configuration gives none).
pub type CreateRule = fn(Option<&serde_json::Value>) -> Result<Box<dyn Rule>, String>;

/// Static facts about a rule.
pub struct RuleMeta {
    /// The kebab-case id: a contract.
    pub id: &'static str,
    pub category: Category,
    pub fix: FixKind,
    /// The node types `check` wants; empty when the rule only uses `check_file`.
    pub node_types: &'static [AstType],
    /// Strings of which at least one must occur in a file for the rule to possibly fire.
    /// Over-approximate; empty means "always run".
    pub needles: &'static [&'static str],
    /// `rules/<id>.md`.
    pub docs: &'static str,
    /// Builds the rule from its options (`None` when the configuration gives none).
    pub create: CreateRule,
}

impl RuleMeta {
    /// The first prose line of the documentation page, for `restlint rules`.
    pub fn summary(&self) -> &'static str {
        self.docs
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty() && !l.starts_with('#') && !l.starts_with("Category:"))
            .unwrap_or("")
    }
}

/// A configured rule.
pub trait Rule: Send + Sync {
    fn meta(&self) -> &'static RuleMeta;
    /// Called for every node whose type is in `meta().node_types`.
    fn check<'a>(&self, _node: &AstNode<'a>, _cx: &mut Ctx<'a, '_>) {}
    /// Called once per file that reaches the rules.
    fn check_file<'a>(&self, _cx: &mut Ctx<'a, '_>) {}
    /// Where the rule can fire, for the gate that skips the semantic model on files where no
    /// rule can (see `lint/gate.rs`). `Always` (the default) is always safe.
    fn gate(&self) -> GateSpec {
        GateSpec::Always
    }
    /// A look at the text for a shape that literal needles cannot name, asked only when none
    /// of `meta().needles` occurs: whether the rule may fire all the same. Over-approximate.
    fn matches_text(&self, _text: &str) -> bool {
        false
    }
}

/// The call whose first argument is `node` (spanning `span`), through parentheses:
/// `xs.reduce((acc, x) => …)`, `xs.forEach(fn)`.
pub fn call_of_first_argument(
    nodes: &oxc_semantic::AstNodes<'_>,
    node: oxc_syntax::node::NodeId,
    span: oxc_span::Span,
) -> Option<oxc_syntax::node::NodeId> {
    use oxc_span::GetSpan;
    let mut cur = node;
    let mut cur_span = span;
    loop {
        let parent = nodes.parent_node(cur);
        match parent.kind() {
            oxc_ast::AstKind::ParenthesizedExpression(p) => {
                cur_span = p.span;
                cur = parent.id();
            }
            oxc_ast::AstKind::CallExpression(call) => {
                let first = call.arguments.first()?;
                return (first.span() == cur_span).then_some(parent.id());
            }
            _ => return None,
        }
    }
}

/// Climbs from `node` through the parentheses and TypeScript wrappers around it (`(x)`,
/// `x as T`, `x satisfies T`, `x!`): the outermost of them (or `node`) and the node that holds
/// it, the place where what is done with the value shows.
pub fn wrapped_parent<'c, 'a>(
    nodes: &'c oxc_semantic::AstNodes<'a>,
    node: oxc_syntax::node::NodeId,
) -> (oxc_syntax::node::NodeId, &'c AstNode<'a>) {
    let mut current = node;
    let mut parent = nodes.parent_node(current);
    while matches!(
        parent.kind(),
        oxc_ast::AstKind::ParenthesizedExpression(_)
            | oxc_ast::AstKind::TSAsExpression(_)
            | oxc_ast::AstKind::TSSatisfiesExpression(_)
            | oxc_ast::AstKind::TSNonNullExpression(_)
    ) {
        current = parent.id();
        parent = nodes.parent_node(current);
    }
    (current, parent)
}

/// `text` on one line for a message, each run of whitespace made one space (as
/// `split_whitespace` then `join(" ")`), but only as much of it as a message can show: past
/// `max` characters it stops (after at least `max + 1`, never on a space, so that collapsing
/// it again still says there is more). Building the whole text made a message cost the
/// length of its node, and nested nodes quadratic (20,000 levels of `[...[` took 2.8 s, 28 s
/// under `--fix`).
pub fn one_line(text: &str, max: usize) -> String {
    let mut out = String::new();
    let mut n = 0;
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = n > 0;
            continue;
        }
        if n > max {
            break;
        }
        if space {
            out.push(' ');
            n += 1;
            space = false;
        }
        out.push(c);
        n += 1;
    }
    out
}

/// The help for an element of an array of un-awaited Promises (`xs.map(async …)`).
pub fn awaited_array_help(array: &str) -> String {
    format!("await them all first: `const values = await Promise.all({array})`, then use `values`")
}

/// Parses a rule's options object with `deny_unknown_fields`-style strictness.
pub fn parse_options<T: DeserializeOwned + Default>(
    value: Option<&serde_json::Value>,
) -> Result<T, String> {
    match value {
        None => Ok(T::default()),
        Some(v) => serde_json::from_value(v.clone()).map_err(|e| e.to_string()),
    }
}

/// Every rule, in catalogue order.
pub static RULES: &[&RuleMeta] = &[
    &rest_not_last::META,
    &invalid_rest::META,
    &spread_non_iterable::META,
    &object_spread_loses_data::META,
    &iterator_reuse::META,
    &object_spread_indexed::META,
    &shallow_copy_mutation::META,
    &spread_overrides_property::META,
    &object_assign_mutates_target::META,
    &spread_args_overflow::META,
    &accumulating_spread::META,
    &useless_spread::META,
    &prefer_rest_params::META,
    &prefer_spread::META,
    &prefer_object_spread::META,
];

/// Looks a rule up by id.
pub fn find(id: &str) -> Option<&'static RuleMeta> {
    RULES.iter().copied().find(|m| m.id == id)
}

/// Maps a rule id or special id to its `&'static str`.
pub fn static_id(id: &str) -> Option<&'static str> {
    use crate::diagnostic::*;
    find(id).map(|m| m.id).or_else(|| {
        [
            PARSE_ERROR,
            IO_ERROR,
            INTERNAL_ERROR,
            UNUSED_DISABLE_DIRECTIVE,
        ]
        .into_iter()
        .find(|s| *s == id)
    })
}

/// A rule with options-free construction, for rules that take none.
#[macro_export]
macro_rules! no_options {
    ($ty:ident) => {
        |opts: Option<&serde_json::Value>| match opts {
            None => Ok(Box::new($ty) as Box<dyn $crate::rules::Rule>),
            Some(serde_json::Value::Object(m)) if m.is_empty() => {
                Ok(Box::new($ty) as Box<dyn $crate::rules::Rule>)
            }
            Some(_) => Err("this rule takes no options".to_string()),
        }
    };
}

impl std::fmt::Debug for RuleMeta {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn one_line_is_a_bounded_split_whitespace_join() {
        let texts = [
            "",
            "   ",
            "a",
            "  a  b\n\tc  ",
            "x\u{a0}y\u{2028}z",
            "é  ü\r\n中😀 end",
            "ngDevMode ? { a: 1 } : {}",
            "abcdefgh ijk",
            "[...[[...[[...[[...[[...[[...[[...[[...[[...[[...[[...[[...]]]]]]]]]]]]]]]]]]]]",
            "f( a,\n    b,\n    c,\n    d,\n    e,\n    f,\n    g,\n    h,\n    i,\n    j,\n    k )",
        ];
        for text in texts {
            let full = text.split_whitespace().collect::<Vec<_>>().join(" ");
            for max in [0, 1, 2, 5, 7, 8, 30, 40, 100] {
                let got = super::one_line(text, max);
                let n = got.chars().count();
                assert!(full.starts_with(&got), "{text:?} {max}: {got:?}");
                assert!(!got.ends_with(' '), "{text:?} {max}: {got:?}");
                // All of it, or more than `max` (and collapsing again keeps that).
                assert!(got == full || n > max, "{text:?} {max}: {got:?}");
                assert_eq!(super::one_line(&got, max), got, "{text:?} {max}");
            }
        }
    }
}
