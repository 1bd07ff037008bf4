//! A resolved set of rules for one file: which rules run, at which severity, and the
//! dispatch table from AST node type to the rules that asked for it.

use oxc_ast::ast_kind::AST_TYPE_MAX;

use crate::diagnostic::Severity;
use crate::rules::{Rule, RuleMeta};

/// One enabled rule.
pub struct ActiveRule {
    pub rule: Box<dyn Rule>,
    pub severity: Severity,
}

/// The rules enabled for a file, with the dispatch table.
pub struct RuleSet {
    pub rules: Vec<ActiveRule>,
    /// `table[ty]` lists indices into `rules` for AST type `ty`.
    table: Vec<Vec<u16>>,
    /// Severity by rule id, for rules that are on (syntax rules included).
    severities: Vec<(&'static str, Severity)>,
}

impl RuleSet {
    pub fn new(rules: Vec<ActiveRule>) -> Self {
        let mut table = vec![Vec::new(); AST_TYPE_MAX as usize + 1];
        for (i, r) in rules.iter().enumerate() {
            for ty in r.rule.meta().node_types {
                table[*ty as usize].push(i as u16);
            }
        }
        let severities = rules
            .iter()
            .map(|r| (r.rule.meta().id, r.severity))
            .collect();
        Self {
            rules,
            table,
            severities,
        }
    }

    /// The configured severity of a rule, `None` when it is off.
    pub fn severity(&self, id: &str) -> Option<Severity> {
        self.severities
            .iter()
            .find(|(i, _)| *i == id)
            .map(|(_, s)| *s)
    }

    /// Rules listening to AST type `ty`.
    pub fn for_type(&self, ty: u8) -> &[u16] {
        self.table.get(ty as usize).map_or(&[], Vec::as_slice)
    }

    /// Whether any node rule (or file rule) may fire on this text, by the needles.
    pub fn active_for_text(&self, text: &str) -> Vec<bool> {
        self.rules
            .iter()
            .map(|r| needles_match(r.rule.meta(), text))
            .collect()
    }

    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }
}

/// True when one of the rule's needles occurs in the text (or it has none).
pub fn needles_match(meta: &RuleMeta, text: &str) -> bool {
    meta.needles.is_empty()
        || meta
            .needles
            .iter()
            .any(|n| memchr::memmem::find(text.as_bytes(), n.as_bytes()).is_some())
}
