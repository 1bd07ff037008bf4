//! Helpers for unit tests of rules.

use std::path::Path;

use crate::diagnostic::{Diagnostic, Severity};
use crate::lint::{ActiveRule, RuleSet, lint_text};

/// Lints `code` as `file` with only `rule` on (at error severity, default options).
pub fn lint_with_rule(file: &str, code: &str, rule: &str) -> Vec<Diagnostic> {
    lint_with_rule_options(file, code, rule, None)
}

/// Lints `code` as `file` with only `rule` on, with options.
pub fn lint_with_rule_options(
    file: &str,
    code: &str,
    rule: &str,
    options: Option<&serde_json::Value>,
) -> Vec<Diagnostic> {
    let meta = crate::rules::find(rule).expect("rule exists");
    let rules = RuleSet::new(vec![ActiveRule {
        rule: (meta.create)(options).expect("valid options"),
        severity: Severity::Error,
    }]);
    lint_text(Path::new(file), code, &rules)
}
