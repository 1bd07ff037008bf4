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

/// A unit-test case: (file name, code, the (line, column) where each diagnostic of the rule
/// starts).
pub type Case = (&'static str, &'static str, &'static [(u32, u32)]);

/// Lints every case with only `rule` on (and `options`), and returns a description of each
/// case whose diagnostics start elsewhere than it says, or that gets another rule's
/// diagnostic. Tests gather these and assert once, so one run shows every failure.
pub fn check_cases(rule: &str, cases: &[Case], options: Option<&serde_json::Value>) -> Vec<String> {
    let mut failures = Vec::new();
    for (file, code, want) in cases {
        let d = lint_with_rule_options(file, code, rule, options);
        let got: Vec<(u32, u32)> = d
            .iter()
            .filter(|d| d.rule == rule)
            .map(|d| (d.start.line, d.start.column))
            .collect();
        let other: Vec<_> = d
            .iter()
            .filter(|d| d.rule != rule)
            .map(|d| (d.rule, d.message.clone()))
            .collect();
        if got != *want || !other.is_empty() {
            failures.push(format!(
                "{file}: {code}\n  want {want:?}\n  got  {got:?} {other:?}\n  {:#?}",
                d.iter().map(|d| &d.message).collect::<Vec<_>>()
            ));
        }
    }
    failures
}

/// Renders diagnostics for a snapshot: position, rule, message, labels (with their text)
/// and help, one case after another.
pub fn render(code: &str, diagnostics: &[Diagnostic]) -> String {
    let mut out = format!("--- {}\n", code.replace('\n', "⏎"));
    for d in diagnostics {
        out.push_str(&format!(
            "{}:{} {}: {}\n",
            d.start.line, d.start.column, d.rule, d.message
        ));
        for l in &d.labels {
            let text = code
                .get(l.span.start as usize..l.span.end as usize)
                .unwrap_or("");
            out.push_str(&format!(
                "  label `{}`: {}\n",
                text.replace('\n', "⏎"),
                l.message
            ));
        }
        if let Some(h) = &d.help {
            out.push_str(&format!("  help: {h}\n"));
        }
    }
    out
}
