//! The runner of the realistic fixture folders (`tests/fixtures/realistic-*`): a `clean/` and
//! a `buggy/` folder and a `manifest.json` listing the clean files, every diagnostic expected
//! in the buggy files (rule, line, UTF-16 column of its start) and the planted bugs SPEC does
//! not require restlint to find (`not_required`, each with a `why`). The manifest's optional
//! `rules` names the rules the folder is linted with (at `error`, the others off); without it,
//! every rule. A `restlint.json` in the folder applies (rule options, overrides).

use std::collections::BTreeSet;
use std::path::Path;

use restlint::rules::RULES;
use serde_json::Value;

use super::restlint;

type Finding = (String, String, u64, u64);

/// What a folder must hold at least.
pub struct Minimums {
    pub clean_files: usize,
    /// Lines of each clean file.
    pub clean_lines: usize,
    pub bugs: usize,
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

/// Every file under `dir/sub`, as `sub/name`.
fn files_in(dir: &Path, sub: &str) -> BTreeSet<String> {
    std::fs::read_dir(dir.join(sub))
        .expect("fixture folder")
        .map(|e| format!("{sub}/{}", e.expect("entry").file_name().to_string_lossy()))
        .collect()
}

/// Lints `clean/` and `buggy/` in `dir` with `rules` at `error` and every other rule off;
/// returns the findings and the number of files linted.
fn lint(dir: &Path, rules: &[String]) -> (Vec<Finding>, u64) {
    let mut args: Vec<String> = vec!["--format".into(), "json".into()];
    for meta in RULES {
        let on = rules.iter().any(|id| id == meta.id);
        args.push("--rule".into());
        args.push(format!("{}={}", meta.id, if on { "error" } else { "off" }));
    }
    args.push("clean".into());
    args.push("buggy".into());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = restlint(dir, &args);
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

/// Checks the folder `dir`: its clean files give no diagnostic, its buggy files give exactly
/// the manifest's `bugs`, every linted rule has a planted bug, and nothing in `not_required`
/// is found.
pub fn check(dir: &str, min: &Minimums) {
    let dir = Path::new(dir);
    let text = std::fs::read_to_string(dir.join("manifest.json")).expect("manifest");
    let m: Value = serde_json::from_str(&text).expect("manifest is JSON");
    let rules: Vec<String> = match m.get("rules") {
        Some(r) => r
            .as_array()
            .expect("rules")
            .iter()
            .map(|id| {
                let id = id.as_str().expect("rule id");
                assert!(RULES.iter().any(|meta| meta.id == id), "no rule {id}");
                id.to_string()
            })
            .collect(),
        None => RULES.iter().map(|meta| meta.id.to_string()).collect(),
    };
    let clean: BTreeSet<String> = field(&m, "clean")
        .as_array()
        .expect("clean")
        .iter()
        .map(|f| f.as_str().expect("clean file").to_string())
        .collect();
    assert_eq!(clean, files_in(dir, "clean"), "manifest `clean` = clean/");
    assert!(
        clean.len() >= min.clean_files,
        "at least {} clean files",
        min.clean_files
    );
    for f in &clean {
        let lines = std::fs::read_to_string(dir.join(f))
            .expect("clean file")
            .lines()
            .count();
        assert!(
            lines >= min.clean_lines,
            "{f}: {lines} lines, fewer than {}",
            min.clean_lines
        );
    }

    let expected: BTreeSet<Finding> = field(&m, "bugs")
        .as_array()
        .expect("bugs")
        .iter()
        .map(finding)
        .collect();
    assert!(
        expected.len() >= min.bugs,
        "at least {} planted bugs",
        min.bugs
    );
    let planted: BTreeSet<&str> = expected.iter().map(|f| f.1.as_str()).collect();
    for id in &rules {
        assert!(planted.contains(id.as_str()), "no planted bug for {id}");
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

    let (found, files) = lint(dir, &rules);
    assert_eq!(
        files as usize,
        clean.len() + files_in(dir, "buggy").len(),
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
