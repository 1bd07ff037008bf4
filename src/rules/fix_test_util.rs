//! Test helpers for rules with fixes: apply a rule's fixes like `--fix-suggestions` would, and
//! render diagnostics for message snapshots.

use crate::diagnostic::Diagnostic;
use crate::lint::test_util::{lint_with_rule, lint_with_rule_options};

/// Applies `rule`'s fixes (suggestions included) to `code` until nothing changes, at most 10
/// passes; a fix overlapping an earlier one waits for the next pass.
pub fn apply(code: &str, rule: &str) -> String {
    apply_with_options(code, rule, None)
}

/// [`apply`] with rule options.
pub fn apply_with_options(code: &str, rule: &str, options: Option<&serde_json::Value>) -> String {
    apply_in("a.js", code, rule, options)
}

/// [`apply_with_options`] for a file name (its extension picks JS, TS, JSX).
pub fn apply_in(file: &str, code: &str, rule: &str, options: Option<&serde_json::Value>) -> String {
    let mut text = code.to_string();
    for _ in 0..10 {
        let diags = lint_with_rule_options(file, &text, rule, options);
        let mut fixes: Vec<_> = diags.iter().filter_map(|d| d.fix.as_ref()).collect();
        fixes.sort_by_key(|f| f.edits.first().map(|e| e.span.start));
        let mut out = String::new();
        let mut pos = 0usize;
        let mut changed = false;
        for fix in fixes {
            let mut edits = fix.edits.clone();
            edits.sort_by_key(|e| e.span.start);
            if edits.first().is_none_or(|e| (e.span.start as usize) < pos) {
                continue;
            }
            for e in edits {
                out.push_str(&text[pos..e.span.start as usize]);
                out.push_str(&e.text);
                pos = e.span.end as usize;
                changed = true;
            }
        }
        out.push_str(&text[pos..]);
        if !changed {
            break;
        }
        text = out;
    }
    text
}

/// Renders `rule`'s diagnostics on `code` (position, message, labels, help, fix) for a snapshot.
pub fn render(code: &str, rule: &str) -> String {
    render_all(&lint_with_rule("a.js", code, rule), code)
}

/// Renders diagnostics for a snapshot.
pub fn render_all(diags: &[Diagnostic], code: &str) -> String {
    let mut s = String::new();
    for d in diags {
        s.push_str(&format!(
            "{}:{} {}: {}\n",
            d.start.line, d.start.column, d.rule, d.message
        ));
        for l in &d.labels {
            let text = code
                .get(l.span.start as usize..l.span.end as usize)
                .unwrap_or("");
            s.push_str(&format!("  label `{text}`: {}\n", l.message));
        }
        if let Some(h) = &d.help {
            s.push_str(&format!("  help: {h}\n"));
        }
        if let Some(f) = &d.fix {
            let edits: Vec<String> = f
                .edits
                .iter()
                .map(|e| format!("[{}..{}] {:?}", e.span.start, e.span.end, e.text))
                .collect();
            s.push_str(&format!(
                "  fix ({:?}): {} {}\n",
                f.safety,
                f.message,
                edits.join(" ")
            ));
        }
    }
    s
}
