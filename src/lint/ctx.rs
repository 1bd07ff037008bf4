//! What a rule sees of the file it checks.

use oxc_semantic::{AstNodes, Scoping, Semantic};

use crate::diagnostic::Diagnostic;
use crate::kinds::Kinds;
use crate::source::LazyLineIndex;

/// The per-file context handed to rules.
pub struct Ctx<'a, 'c> {
    pub semantic: &'c Semantic<'a>,
    pub source: &'a str,
    /// Built on first use (it derefs to a `LineIndex`).
    pub line_index: &'c LazyLineIndex<'a>,
    pub(crate) rule: &'static str,
    pub(crate) diagnostics: &'c mut Vec<Diagnostic>,
    /// The value-kind inference, shared by every rule for this file (memoised per symbol).
    pub(crate) kinds: Kinds<'a, 'c>,
}

impl<'a, 'c> Ctx<'a, 'c> {
    /// Records a diagnostic for the current rule; the pipeline sets its severity.
    pub fn report(&mut self, mut diagnostic: Diagnostic) {
        diagnostic.rule = self.rule;
        self.diagnostics.push(diagnostic);
    }

    /// What values are known to be: ask it instead of guessing; on `Kind::Unknown`, return.
    pub fn kinds(&self) -> &Kinds<'a, 'c> {
        &self.kinds
    }

    pub fn nodes(&self) -> &'c AstNodes<'a> {
        self.semantic.nodes()
    }

    pub fn scoping(&self) -> &'c Scoping {
        self.semantic.scoping()
    }

    /// The 1-based line of a byte offset, for messages like "created at line 3".
    pub fn line_of(&self, offset: u32) -> u32 {
        self.line_index.line_of(offset)
    }

    /// The source text of a span (empty when out of range).
    pub fn text(&self, span: oxc_span::Span) -> &'a str {
        self.source
            .get(span.start as usize..span.end as usize)
            .unwrap_or("")
    }
}
