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
    let found = lint_text(Path::new(file), code, &rules);
    // The same code minified (no whitespace, no comments) gets as many of the rule's
    // diagnostics: the needle pre-filter and the gate read text that minifying changes.
    if !code.contains("restlint-")
        && let Some(small) = minified(file, code)
    {
        let count = |d: &[Diagnostic]| d.iter().filter(|d| d.rule == rule).count();
        let n = count(&lint_text(Path::new(file), &small, &rules));
        assert_eq!(
            n,
            count(&found),
            "{rule}: {file}: {code}\nminified: {small}\ngets another number of diagnostics"
        );
    }
    found
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

/// `code` printed by oxc's code generator without whitespace or comments; `None` when it
/// does not parse cleanly.
pub fn minified(file: &str, code: &str) -> Option<String> {
    let allocator = oxc_allocator::Allocator::default();
    let source_type = oxc_span::SourceType::from_path(file).ok()?;
    let ret = oxc_parser::Parser::new(&allocator, code, source_type).parse();
    if ret.panicked || !ret.diagnostics.is_empty() {
        return None;
    }
    let out = oxc_codegen::Codegen::new()
        .with_options(oxc_codegen::CodegenOptions::minify())
        .build(&ret.program);
    Some(out.code)
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
