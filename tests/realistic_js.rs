//! Realistic plain-JavaScript code (CommonJS CLIs and configs, Vue, Svelte stores, Redux,
//! Express/Koa/Fastify middleware, utility libraries, data scripts, games, DOM code, jest
//! tests, JSX) in `tests/fixtures/realistic-js`, linted with every rule on.
//!
//! `manifest.json` lists the clean files, which must give no diagnostic at all, and every
//! diagnostic expected in the buggy files (rule, line, UTF-16 column of its start): the
//! buggy files must give exactly those. Its `not_required` entries are planted bugs SPEC does
//! not require restlint to find; they are kept out of `bugs`, so a change that starts finding
//! one fails here until the manifest says so.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::restlint;
use restlint::rules::RULES;
use serde_json::Value;

const DIR: &str = "tests/fixtures/realistic-js";

type Finding = (String, String, u64, u64);

fn manifest() -> Value {
    let text = std::fs::read_to_string(Path::new(DIR).join("manifest.json")).expect("manifest");
    serde_json::from_str(&text).expect("manifest is JSON")
}

fn field<'v>(v: &'v Value, key: &str) -> &'v Value {
    v.get(key)
        .unwrap_or_else(|| panic!("manifest entry without `{key}`: {v}"))
}

fn finding(v: &Value) -> Finding {
    (
        field(v, "file").as_str().expect("file").to_string(),
        field(v, "rule").as_str().expect("rule").to_string(),
        field(v, "line").as_u64().expect("line"),
        field(v, "column").as_u64().expect("column"),
    )
}

/// Every `.js`-like file under `sub`, as `sub/name`.
fn files_in(sub: &str) -> BTreeSet<String> {
    std::fs::read_dir(Path::new(DIR).join(sub))
        .expect("fixture folder")
        .map(|e| format!("{sub}/{}", e.expect("entry").file_name().to_string_lossy()))
        .collect()
}

/// Lints `clean/` and `buggy/` with every rule at `error`; returns the findings.
fn lint_all() -> (Vec<Finding>, u64) {
    let mut args: Vec<String> = vec!["--format".into(), "json".into()];
    for meta in RULES {
        args.push("--rule".into());
        args.push(format!("{}=error", meta.id));
    }
    args.push("clean".into());
    args.push("buggy".into());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = restlint(Path::new(DIR), &args);
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}); stderr: {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let found = doc["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["file"].as_str().expect("file").to_string(),
                d["rule"].as_str().expect("rule").to_string(),
                d["start"]["line"].as_u64().expect("line"),
                d["start"]["column"].as_u64().expect("column"),
            )
        })
        .collect();
    (found, doc["files"].as_u64().expect("files"))
}

#[test]
fn realistic_js_clean_files_are_clean_and_every_planted_bug_is_found_exactly() {
    let m = manifest();
    let clean: BTreeSet<String> = field(&m, "clean")
        .as_array()
        .expect("clean")
        .iter()
        .map(|f| f.as_str().expect("clean file").to_string())
        .collect();
    assert_eq!(clean, files_in("clean"), "manifest `clean` = clean/");
    assert!(clean.len() >= 12, "at least 12 clean files");

    let expected: BTreeSet<Finding> = field(&m, "bugs")
        .as_array()
        .expect("bugs")
        .iter()
        .map(finding)
        .collect();
    assert!(expected.len() >= 60, "at least 60 planted bugs");
    let rules: BTreeSet<&str> = expected.iter().map(|f| f.1.as_str()).collect();
    for meta in RULES {
        assert!(rules.contains(meta.id), "no planted bug for {}", meta.id);
    }
    let not_required: BTreeSet<(String, String, u64)> = field(&m, "not_required")
        .as_array()
        .expect("not_required")
        .iter()
        .map(|v| {
            assert!(
                field(v, "why").as_str().is_some_and(|w| !w.is_empty()),
                "{v}"
            );
            let (file, rule, line, _) = finding(&serde_json::json!({
                "file": field(v, "file"), "rule": field(v, "rule"),
                "line": field(v, "line"), "column": 0
            }));
            (file, rule, line)
        })
        .collect();

    let (found, files) = lint_all();
    assert_eq!(
        files as usize,
        clean.len() + files_in("buggy").len(),
        "every fixture file is linted"
    );
    let mut failures = Vec::new();
    for f in &found {
        if clean.contains(&f.0) {
            failures.push(format!("false positive in a clean file: {f:?}"));
        } else if !expected.contains(f) {
            failures.push(format!("unexpected finding in a buggy file: {f:?}"));
        }
        if not_required.contains(&(f.0.clone(), f.1.clone(), f.2)) {
            failures.push(format!(
                "now found, move it from `not_required` to `bugs`: {f:?}"
            ));
        }
    }
    let found: BTreeSet<Finding> = found.into_iter().collect();
    for e in expected.difference(&found) {
        failures.push(format!("planted bug not found: {e:?}"));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
