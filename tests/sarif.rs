//! `--format sarif` validated against the official SARIF 2.1.0 JSON schema and by Microsoft's
//! SARIF validator (`Sarif.Multitool validate`, npm package `@microsoft/sarif-multitool-linux`,
//! pinned in `scripts/sarif-validator.sh`, which installs it under `target/tools/`).
//!
//! Two checks, because each alone has a blind spot: the validator silently reports nothing for
//! a log it cannot deserialize (an unknown `columnKind`, say), and the schema does not know
//! SARIF's semantic rules (SARIF1xxx/SARIF2xxx). The validator must report no error and no
//! warning, and only the notes listed in `ACCEPTED_NOTES`; a deliberately broken log must be
//! caught, so the harness cannot go quiet unnoticed.
//!
//! Needs npm and the npm registry the first time. Without them the test fails under CI
//! (`CI` set) and is skipped with a message elsewhere.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// Validator notes we accept, with why.
const ACCEPTED_NOTES: &[(&str, &str)] = &[
    (
        "SARIF2002",
        "message arguments: our messages are whole sentences built per result",
    ),
    (
        "SARIF2003",
        "version control provenance: restlint does not look at git",
    ),
    ("SARIF2006", "URIs reachable: the validator runs offline"),
    (
        "SARIF2009",
        "conventional rule ids like CS2001: our kebab-case ids are a contract",
    ),
    (
        "SARIF2012",
        "help URIs: parse-error, io-error and the like have no rule page",
    ),
    (
        "SARIF2016",
        "absolute URIs: a file outside the working folder has no relative reference",
    ),
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The validator's folder, or `None` (skip) when it cannot be installed outside CI.
fn validator() -> Option<PathBuf> {
    let out = Command::new("bash")
        .arg(root().join("scripts/sarif-validator.sh"))
        .output();
    let failure = match out {
        Ok(o) if o.status.success() => {
            let dir = String::from_utf8_lossy(&o.stdout)
                .lines()
                .last()
                .unwrap_or("")
                .trim()
                .to_string();
            return Some(PathBuf::from(dir));
        }
        Ok(o) => format!(
            "exit {:?}: {}",
            o.status.code(),
            String::from_utf8_lossy(&o.stderr)
        ),
        Err(e) => e.to_string(),
    };
    if std::env::var_os("CI").is_some() {
        panic!("cannot install the SARIF validator: {failure}");
    }
    eprintln!(
        "SKIPPED: the SARIF validator could not be installed (npm and its registry needed): {failure}"
    );
    None
}

fn restlint_sarif(dir: &Path, args: &[&str]) -> String {
    let out = assert_cmd::Command::cargo_bin("restlint")
        .expect("binary")
        .current_dir(dir)
        .args(["--format", "sarif"])
        .args(args)
        .output()
        .expect("restlint runs");
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// Schema errors of a log, as strings.
fn schema_errors(schema: &Value, log: &Value) -> Vec<String> {
    let validator = jsonschema::validator_for(schema).expect("the SARIF schema compiles");
    validator
        .iter_errors(log)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect()
}

/// Runs `Sarif.Multitool validate` on a log; returns its results as (level, rule id, message).
fn multitool(dir: &Path, log: &str, work: &Path) -> Vec<(String, String, String)> {
    let input = work.join("input.sarif");
    let output = work.join("validation.sarif");
    std::fs::write(&input, log).expect("write log");
    let out = Command::new(dir.join("Sarif.Multitool"))
        .arg("validate")
        .arg(&input)
        .arg("--output")
        .arg(&output)
        .args(["--log", "ForceOverwrite", "--level", "Error;Warning;Note"])
        // A self-contained .NET build; without ICU it needs invariant globalization.
        .env("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT", "1")
        .output()
        .expect("Sarif.Multitool runs");
    let text = std::fs::read_to_string(&output).unwrap_or_else(|e| {
        panic!(
            "the validator wrote no report ({e}); its output:\n{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let report: Value = serde_json::from_str(&text).expect("the validator's report is JSON");
    report["runs"][0]["results"]
        .as_array()
        .map(|rs| {
            rs.iter()
                .map(|r| {
                    let args = r["message"]["arguments"].as_array().map(|a| {
                        a.iter()
                            .filter_map(Value::as_str)
                            .collect::<Vec<_>>()
                            .join(" | ")
                    });
                    (
                        r["level"].as_str().unwrap_or("warning").to_string(),
                        r["ruleId"].as_str().unwrap_or("?").to_string(),
                        args.unwrap_or_default(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn sarif_output_is_valid() {
    let Some(dir) = validator() else { return };
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("sarif-2.1.0.json")).expect("the schema file"),
    )
    .expect("schema JSON");
    let work = tempfile::tempdir().expect("temp dir");

    // The mixed fixture run, a clean run, and a run with a file outside the cwd (absolute URI).
    let fixtures = root().join("tests/fixtures/formats");
    let outside = tempfile::tempdir().expect("temp dir");
    std::fs::write(outside.path().join("a b.js"), "function f(...xs, y) {}\n").expect("write");
    let outside_file = outside.path().join("a b.js");
    // A file that is not UTF-8 gives an `io-error`, about the whole file.
    std::fs::write(outside.path().join("latin1.js"), b"const s = '\xe9';\n").expect("write");
    let logs = [
        ("fixtures", restlint_sarif(&fixtures, &["."])),
        ("clean", restlint_sarif(&fixtures, &["clean.cjs"])),
        (
            "absolute",
            restlint_sarif(&fixtures, &[outside_file.to_str().expect("UTF-8 path")]),
        ),
        ("io-error", restlint_sarif(outside.path(), &["latin1.js"])),
    ];
    let mut failures = Vec::new();
    for (name, log) in &logs {
        let value: Value = serde_json::from_str(log).expect("SARIF is JSON");
        for e in schema_errors(&schema, &value) {
            failures.push(format!("{name}: schema: {e}"));
        }
        let results = multitool(&dir, log, work.path());
        // The validator always has notes on our logs (SARIF2009 on every rule id): none at all
        // means it did not read the log.
        if results.is_empty() {
            failures.push(format!(
                "{name}: the validator reported nothing; it did not analyse the log"
            ));
        }
        for (level, rule, args) in results {
            // An unreadable file has no text for a snippet or a context region.
            let no_text = *name == "io-error" && (rule == "SARIF2010" || rule == "SARIF2011");
            let accepted =
                level == "note" && (no_text || ACCEPTED_NOTES.iter().any(|(id, _)| *id == rule));
            if !accepted {
                failures.push(format!("{name}: validator {level} {rule}: {args}"));
            }
        }
    }
    let abs: Value = serde_json::from_str(&logs[2].1).expect("JSON");
    let uri = abs["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
        ["uri"]
        .as_str()
        .unwrap_or("");
    assert!(
        uri.starts_with("file:///") && uri.ends_with("/a%20b.js"),
        "absolute path URI: {uri}"
    );
    let io: Value = serde_json::from_str(&logs[3].1).expect("JSON");
    assert_eq!(io["runs"][0]["results"][0]["ruleId"], "io-error");
    assert_eq!(
        io["runs"][0]["invocations"][0]["executionSuccessful"],
        false
    );
    assert_eq!(
        io["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"],
        serde_json::json!({ "startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 1, "byteOffset": 0, "byteLength": 0 }),
        "a whole-file diagnostic points at the start of the file"
    );
    assert!(
        failures.is_empty(),
        "SARIF validation failed:\n{}",
        failures.join("\n")
    );
}

/// The harness catches a broken log: a region column of 0 and an unknown property.
#[test]
fn validation_catches_a_broken_log() {
    let Some(dir) = validator() else { return };
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("sarif-2.1.0.json")).expect("schema"),
    )
    .expect("JSON");
    let log = restlint_sarif(&root().join("tests/fixtures/formats"), &["."]);
    let mut value: Value = serde_json::from_str(&log).expect("JSON");
    value["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startColumn"] =
        Value::from(0);
    value["runs"][0]["results"][0]["bogus"] = Value::from(1);
    let errors = schema_errors(&schema, &value);
    assert!(
        errors.len() >= 2,
        "the schema check missed the breakage: {errors:?}"
    );
    let work = tempfile::tempdir().expect("temp dir");
    let results = multitool(
        &dir,
        &serde_json::to_string_pretty(&value).expect("JSON"),
        work.path(),
    );
    let errors: Vec<_> = results
        .iter()
        .filter(|(level, _, _)| level == "error")
        .collect();
    assert!(
        errors.len() >= 2,
        "the validator missed the breakage: {results:?}"
    );
}
