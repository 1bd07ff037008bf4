//! A resolved set of rules for one file: which rules run, at which severity, and the
//! dispatch table from AST node type to the rules that asked for it.

use aho_corasick::{AhoCorasick, MatchKind};
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
    /// One searcher per distinct needle list of the enabled rules.
    matchers: Vec<Matcher>,
    /// Per rule, an index into `matchers`; `None` when the rule has no needle (always runs).
    rule_matcher: Vec<Option<usize>>,
    /// Per rule, its gate (see `lint::gate`).
    pub gates: Vec<crate::lint::GateSpec>,
}

/// The needles of one or more rules, found in one pass over the text (SIMD, stopping at the
/// first hit) instead of one pass per needle: most files contain none of a rule's needles,
/// and then every needle would be a full scan.
struct Matcher {
    needles: &'static [&'static str],
    /// Whether `...` is among the needles (then a file with a spread needs no search).
    has_spread_needle: bool,
    /// The needles other than `...`; `None` when there are none.
    others: Option<AhoCorasick>,
}

/// What one cheap pass over a file's text found: which rules may fire, and whether the text
/// has a `...` at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextScan {
    /// Per enabled rule (same order as `RuleSet::rules`).
    pub active: Vec<bool>,
    pub has_spread: bool,
}

impl TextScan {
    /// Every rule active (no pre-filter), for the dispatch comparison test.
    pub fn everything(rules: &RuleSet, text: &str) -> Self {
        Self {
            active: vec![true; rules.rules.len()],
            has_spread: find(text, "..."),
        }
    }
}

fn find(text: &str, needle: &str) -> bool {
    memchr::memmem::find(text.as_bytes(), needle.as_bytes()).is_some()
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
        let mut matchers: Vec<Matcher> = Vec::new();
        let mut rule_matcher = Vec::with_capacity(rules.len());
        for r in &rules {
            let needles = r.rule.meta().needles;
            if needles.is_empty() {
                rule_matcher.push(None);
                continue;
            }
            let i = matchers
                .iter()
                .position(|m| m.needles == needles)
                .unwrap_or_else(|| {
                    let others: Vec<&str> =
                        needles.iter().copied().filter(|n| *n != "...").collect();
                    let others = (!others.is_empty()).then(|| {
                        AhoCorasick::builder()
                            // Leftmost semantics let the SIMD (Teddy) prefilter do the scanning.
                            .match_kind(MatchKind::LeftmostFirst)
                            .build(&others)
                            .expect("needles are short literal strings")
                    });
                    matchers.push(Matcher {
                        needles,
                        has_spread_needle: needles.contains(&"..."),
                        others,
                    });
                    matchers.len() - 1
                });
            rule_matcher.push(Some(i));
        }
        let gates = rules.iter().map(|r| r.rule.gate()).collect();
        Self {
            rules,
            gates,
            table,
            severities,
            matchers,
            rule_matcher,
        }
    }

    /// Searches the text for `...` and for each distinct needle list; see [`TextScan`].
    pub fn scan_text(&self, text: &str) -> TextScan {
        let has_spread = find(text, "...");
        let found: Vec<bool> = self
            .matchers
            .iter()
            .map(|m| {
                (m.has_spread_needle && has_spread)
                    || m.others.as_ref().is_some_and(|ac| ac.is_match(text))
            })
            .collect();
        let active = self
            .rule_matcher
            .iter()
            .zip(&self.rules)
            .map(|(m, r)| m.is_none_or(|i| found[i]) || r.rule.matches_text(text))
            .collect();
        TextScan { active, has_spread }
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

    /// For each AST type, whether one of the rules marked in `run` (by index into `rules`)
    /// listens to it: the node loop skips the other nodes at once.
    pub fn live_types(&self, run: &[bool]) -> Vec<bool> {
        self.table
            .iter()
            .map(|rules| rules.iter().any(|&i| run.get(i as usize) == Some(&true)))
            .collect()
    }

    /// Whether any node rule (or file rule) may fire on this text, by the needles.
    pub fn active_for_text(&self, text: &str) -> Vec<bool> {
        self.scan_text(text).active
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scan_agrees_with_needles_match() {
        let rules: Vec<ActiveRule> = crate::rules::RULES
            .iter()
            .map(|m| ActiveRule {
                rule: (m.create)(None).expect("default options"),
                severity: Severity::Warning,
            })
            .collect();
        let set = RuleSet::new(rules);
        for text in [
            "",
            "f(...a)",
            "arguments",
            "x.apply(y)",
            "Object.assign({}, a)",
            "nothing here",
            "..arguments",
        ] {
            let scan = set.scan_text(text);
            let each: Vec<bool> = set
                .rules
                .iter()
                .map(|r| needles_match(r.rule.meta(), text))
                .collect();
            assert_eq!(scan.active, each, "{text:?}");
            assert_eq!(scan.has_spread, text.contains("..."), "{text:?}");
        }
    }
}
