//! Every output format over one shared fixture set, `tests/fixtures/formats/`: a parse error,
//! errors with and without a suggestion fix, kind-based errors and warnings with labels on
//! other lines, a warning from a directive, lines with characters outside ASCII before a
//! diagnostic on the same line, a file name that needs escaping, a clean file.
//!
//! Each format gets one insta snapshot of args, exit status, stdout and stderr. Runs use
//! `--color never`, `NO_COLOR=1` and a fixed `COLUMNS`; timings and the version are redacted.
//! The SARIF snapshot keeps only the rule descriptors the results use and replaces the rule
//! pages' Markdown by their path (checked equal here), so adding a rule or editing a page does
//! not churn it; every rule's descriptor is checked separately.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/formats")
}

/// Runs restlint in the fixture folder; returns (exit status, stdout, stderr).
fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::cargo_bin("restlint")
        .expect("the restlint binary")
        .current_dir(fixtures())
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .env_remove("CLICOLOR_FORCE")
        .args(args)
        .output()
        .expect("restlint runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    )
}

fn case(args: &[&str], stdout: &str, code: i32, stderr: &str) -> String {
    format!(
        "args: {}\nexit: {code}\n--- stdout ---\n{stdout}--- stderr ---\n{stderr}",
        args.join(" ")
    )
}

fn snapshot(name: &str, content: &str) {
    insta::with_settings!({
        filters => vec![
            (r"\(\d+ ms\)", "([TIME] ms)"),
            (concat!(r"\b", env!("CARGO_PKG_VERSION"), r"\b"), "[VERSION]"),
        ],
        prepend_module_to_snapshot => true,
        omit_expression => true,
    }, {
        insta::assert_snapshot!(name, content);
    });
}

fn format_case(format: &str) -> (Vec<&str>, i32, String, String) {
    let args = vec!["--format", format, "--color", "never", "."];
    let (code, stdout, stderr) = run(&args);
    (args, code, stdout, stderr)
}

#[test]
fn pretty() {
    let (args, code, stdout, stderr) = format_case("pretty");
    assert_eq!(code, 1, "errors give exit status 1");
    snapshot("pretty", &case(&args, &stdout, code, &stderr));
}

#[test]
fn json() {
    let (args, code, stdout, stderr) = format_case("json");
    assert_eq!(code, 1);
    let doc: Value = serde_json::from_str(&stdout).expect("one JSON document");
    assert_eq!(doc["version"], 1);
    snapshot("json", &case(&args, &stdout, code, &stderr));
}

#[test]
fn compact() {
    let (args, code, stdout, stderr) = format_case("compact");
    assert_eq!(code, 1);
    for line in stdout.lines() {
        let parts: Vec<&str> = line.splitn(4, ':').collect();
        assert!(
            parts.len() == 4 && parts[1].parse::<u32>().is_ok() && parts[2].parse::<u32>().is_ok(),
            "not file:line:col: …: {line}"
        );
    }
    snapshot("compact", &case(&args, &stdout, code, &stderr));
}

#[test]
fn github() {
    let (args, code, stdout, stderr) = format_case("github");
    assert_eq!(code, 1);
    for line in stdout.lines() {
        assert!(
            line.starts_with("::error file=") || line.starts_with("::warning file="),
            "not a workflow command: {line}"
        );
        let (props, _message) = line
            .split_once("::")
            .and_then(|(_, rest)| rest.split_once("::"))
            .expect("::kind props::message");
        // Property values may not contain a raw `:` or `,` besides the separators.
        for kv in props.split_once(' ').map_or("", |(_, p)| p).split(',') {
            let (k, v) = kv.split_once('=').expect("key=value");
            assert!(
                ["file", "line", "col", "endLine", "endColumn", "title"].contains(&k),
                "unknown property {k}"
            );
            assert!(!v.contains(':'), "unescaped `:` in {kv}");
        }
    }
    assert!(
        stdout.contains("file=odd name%2C1.mjs,"),
        "`,` in a file name is escaped:\n{stdout}"
    );
    snapshot("github", &case(&args, &stdout, code, &stderr));
}

/// The columns of the diagnostic after the non-ASCII text count UTF-16 units in every format
/// that shows columns (pretty's header included: miette alone would count bytes): `naïve 😀` is 7 units (8 chars would say 41, 11 bytes 43).
#[test]
fn columns_count_utf16_units_everywhere() {
    let (_, _, json, _) = format_case("json");
    let doc: Value = serde_json::from_str(&json).expect("JSON");
    let d = doc["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .find(|d| d["file"] == "unicode.js")
        .expect("unicode.js diagnostic");
    assert_eq!(
        (d["start"]["line"].as_u64(), d["start"]["column"].as_u64()),
        (Some(2), Some(40))
    );
    let (_, _, pretty, _) = format_case("pretty");
    assert!(
        pretty.contains("╭─[unicode.js:2:40]"),
        "the pretty header counts UTF-16 units too:\n{pretty}"
    );
    let (_, _, compact, _) = format_case("compact");
    assert!(
        compact.contains("unicode.js:2:40: error rest-not-last:"),
        "{compact}"
    );
    let (_, _, github, _) = format_case("github");
    assert!(
        github.contains(
            "::error file=unicode.js,line=2,col=40,endLine=2,endColumn=48,title=rest-not-last::"
        ),
        "{github}"
    );
    let (_, _, sarif, _) = format_case("sarif");
    let log: Value = serde_json::from_str(&sarif).expect("SARIF");
    let r = log["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .find(|r| r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "unicode.js")
        .expect("unicode.js result");
    let region = &r["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (region["startColumn"].as_u64(), region["endColumn"].as_u64()),
        (Some(40), Some(48))
    );
}

#[test]
fn sarif() {
    let (args, code, stdout, stderr) = format_case("sarif");
    assert_eq!(code, 1);
    let mut log: Value = serde_json::from_str(&stdout).expect("one SARIF document");
    let run = &mut log["runs"][0];
    assert_eq!(run["columnKind"], "utf16CodeUnits");

    // Every rule has a descriptor with its page; results point at their descriptor.
    let rules = run["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules")
        .clone();
    for meta in restlint::rules::RULES {
        let d = rules
            .iter()
            .find(|d| d["id"] == meta.id)
            .unwrap_or_else(|| panic!("no descriptor for {}", meta.id));
        let uri = d["helpUri"].as_str().expect("helpUri");
        assert_eq!(
            uri,
            format!(
                "https://github.com/restlint/restlint/blob/main/rules/{}.md",
                meta.id
            )
        );
        assert!(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join(format!("rules/{}.md", meta.id))
                .is_file()
        );
        assert_eq!(d["help"]["markdown"], meta.docs);
        let short = d["shortDescription"]["text"]
            .as_str()
            .expect("shortDescription");
        assert!(
            !short.is_empty() && short.ends_with('.'),
            "{}: short description `{short}`",
            meta.id
        );
    }
    let mut used = Vec::new();
    for r in run["results"].as_array_mut().expect("results") {
        let i = r["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rules[i]["id"], r["ruleId"], "ruleIndex points at the rule");
        r["ruleIndex"] = Value::String("[index]".into());
        if !used.contains(&rules[i]) {
            used.push(rules[i].clone());
        }
    }
    for d in &mut used {
        if d.get("help").is_some() {
            d["help"]["markdown"] =
                Value::String(format!("[rules/{}.md]", d["id"].as_str().unwrap_or("?")));
        }
    }
    used.sort_by(|a, b| a["id"].as_str().cmp(&b["id"].as_str()));
    run["tool"]["driver"]["rules"] = Value::Array(used);
    let shown = serde_json::to_string_pretty(&log).expect("JSON") + "\n";
    snapshot("sarif", &case(&args, &shown, code, &stderr));
}

/// Formats that are byte-for-byte stable print the same on every run.
#[test]
fn machine_formats_are_deterministic() {
    for format in ["json", "sarif", "github", "compact"] {
        let a = format_case(format).2;
        let b = run(&[
            "--format",
            format,
            "--color",
            "never",
            "--threads",
            "1",
            ".",
        ])
        .1;
        assert_eq!(a, b, "{format} output differs between runs");
    }
}

/// `--quiet` drops warnings in every format.
#[test]
fn quiet_drops_warnings() {
    for format in ["compact", "github"] {
        let (code, stdout, _) = run(&["--format", format, "--quiet", "."]);
        assert_eq!(code, 1);
        assert!(!stdout.contains("warning"), "{format}: {stdout}");
        assert!(stdout.contains("error"), "{format}: {stdout}");
    }
}

/// A clean run prints nothing in the line formats and an empty result list in SARIF.
#[test]
fn clean_file() {
    for format in ["compact", "github"] {
        let (code, stdout, stderr) = run(&["--format", format, "clean.cjs"]);
        assert_eq!(
            (code, stdout.as_str(), stderr.as_str()),
            (0, "", ""),
            "{format}"
        );
    }
    let (code, stdout, _) = run(&["--format", "sarif", "clean.cjs"]);
    assert_eq!(code, 0);
    let log: Value = serde_json::from_str(&stdout).expect("SARIF");
    assert_eq!(log["runs"][0]["results"], Value::Array(vec![]));
    assert_eq!(
        log["runs"][0]["invocations"][0]["executionSuccessful"],
        true
    );
}
