//! End-to-end tests of the binary: one insta snapshot per case with the arguments, stdout,
//! stderr and exit status. Timings are redacted; colours are off; the width is fixed.

mod common;

use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run_in(dir: &Path, args: &[&str], stdin: Option<&str>) -> Run {
    let out = match stdin {
        Some(input) => common::restlint_stdin(dir, args, input),
        None => common::restlint(dir, args),
    };
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn case(name: &str, dir: &Path, args: &[&str]) -> Run {
    let r = run_in(dir, args, None);
    snapshot(name, args, &r);
    r
}

fn snapshot(name: &str, args: &[&str], r: &Run) {
    let text = format!(
        "args: {}\nexit: {}\n--- stdout\n{}--- stderr\n{}",
        args.join(" "),
        r.code,
        r.stdout,
        r.stderr
    );
    insta::with_settings!({ filters => vec![(r"\(\d+ ms\)", "([TIME] ms)"), (r"restlint \d+\.\d+\.\d+", "restlint [VERSION]")] }, {
        insta::assert_snapshot!(name, text);
    });
}

#[test]
fn clean_tree_exits_0() {
    let r = case("clean", &fixtures().join("clean"), &["src"]);
    assert_eq!(r.code, 0);
}

#[test]
fn lint_errors_exit_1_pretty() {
    let r = case("bad_pretty", &fixtures().join("bad"), &["src"]);
    assert_eq!(r.code, 1);
}

#[test]
fn lint_errors_json() {
    let r = case(
        "bad_json",
        &fixtures().join("bad"),
        &["--format", "json", "src"],
    );
    assert_eq!(r.code, 1);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("one JSON document");
    assert_eq!(v["version"], 1);
    assert_eq!(v["files"], 4);
}

#[test]
fn no_path_means_cwd() {
    let r = run_in(&fixtures().join("clean"), &["--format", "json"], None);
    assert_eq!(r.code, 0);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("json");
    assert_eq!(v["files"], 2);
}

#[test]
fn missing_path_exits_2() {
    let r = case("missing_path", &fixtures().join("clean"), &["src", "nope/"]);
    assert_eq!(r.code, 2);
    assert!(r.stdout.is_empty());
}

#[test]
fn bad_config_points_into_it() {
    let r = case(
        "config_unknown_rule",
        &fixtures().join("config-bad"),
        &["."],
    );
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("did you mean `rest-not-last`?"),
        "{}",
        r.stderr
    );
}

#[test]
fn invalid_json_config() {
    let r = case(
        "config_invalid_json",
        &fixtures().join("config-json"),
        &["."],
    );
    assert_eq!(r.code, 2);
}

#[test]
fn rule_flag_overrides_and_validates() {
    let dir = fixtures().join("bad");
    let r = run_in(
        &dir,
        &[
            "--format",
            "json",
            "--rule",
            "rest-not-last=warn",
            "src/params.js",
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert!(r.stdout.contains("\"severity\": \"warning\""));
    let r = case(
        "rule_flag_unknown",
        &dir,
        &["--rule", "rest-not-lats=off", "src"],
    );
    assert_eq!(r.code, 2);
}

#[test]
fn turning_a_syntax_rule_off_keeps_the_syntax_error() {
    let r = run_in(
        &fixtures().join("bad"),
        &[
            "--format",
            "json",
            "--rule",
            "rest-not-last=off",
            "src/params.js",
        ],
        None,
    );
    assert_eq!(r.code, 1);
    assert!(r.stdout.contains("\"rule\": \"parse-error\""));
}

#[test]
fn overrides_quiet_and_max_warnings() {
    let dir = fixtures().join("overrides");
    // invalid-rest is a warning there, an error in test files; the dist bundle is ignored.
    let r = case("overrides_json", &dir, &["--format", "json", "."]);
    assert_eq!(r.code, 1);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("json");
    assert_eq!(v["files"], 2, "dist/ is ignored");
    assert_eq!(v["summary"]["warnings"], 1);
    assert_eq!(
        v["summary"]["errors"], 1,
        "the override makes it an error in the test file"
    );
    let r = run_in(&dir, &["--format", "json", "src/a.js"], None);
    assert_eq!(r.code, 0, "warnings alone exit 0");
    let r = run_in(&dir, &["--max-warnings", "0", "src/a.js"], None);
    assert_eq!(r.code, 1, "too many warnings");
    let r = run_in(&dir, &["--max-warnings", "1", "src/a.js"], None);
    assert_eq!(r.code, 0);
    let r = run_in(&dir, &["--quiet", "--format", "json", "src/a.js"], None);
    assert_eq!(r.code, 0);
    assert!(r.stdout.contains("\"warnings\": 0"));
}

#[test]
fn explicit_file_is_linted_unless_ignored() {
    let dir = fixtures().join("overrides");
    let r = run_in(&dir, &["--format", "json", "dist/bundle.js"], None);
    assert_eq!(r.code, 0);
    assert!(r.stdout.contains("\"files\": 0"));
    let r = run_in(
        &fixtures().join("bad"),
        &["--format", "json", "src/params.js", "src/params.js"],
        None,
    );
    assert!(
        r.stdout.contains("\"files\": 1"),
        "a path given twice is linted once"
    );
}

#[test]
fn suppression_and_unused_directive() {
    let r = case(
        "suppress",
        &fixtures().join("suppress"),
        &["--format", "json", "a.js"],
    );
    assert_eq!(r.code, 1);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("json");
    let got: Vec<(String, u64)> = v["diagnostics"]
        .as_array()
        .expect("array")
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap_or("").to_string(),
                d["start"]["line"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("unused-disable-directive".to_string(), 3),
            ("invalid-rest".to_string(), 8)
        ]
    );
}

#[test]
fn utf16_columns_and_crlf() {
    let r = case(
        "unicode_json",
        &fixtures().join("unicode"),
        &["--format", "json", "."],
    );
    assert_eq!(r.code, 1);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("json");
    let src = std::fs::read_to_string(fixtures().join("unicode/a.js")).expect("read");
    for d in v["diagnostics"].as_array().expect("array") {
        let file = d["file"].as_str().expect("file");
        let text = std::fs::read_to_string(fixtures().join("unicode").join(file)).expect("read");
        let start = d["span"]["start"].as_u64().expect("start") as usize;
        let line_start = text[..start].rfind(['\n', '\r']).map_or(0, |i| i + 1);
        let col16: usize = text[line_start..start].chars().map(char::len_utf16).sum();
        assert_eq!(d["start"]["column"].as_u64(), Some(col16 as u64 + 1), "{d}");
    }
    assert!(src.contains('😀'));
}

#[test]
fn rules_and_explain() {
    let dir = fixtures();
    let r = case("rules_list", &dir, &["rules"]);
    assert_eq!(r.code, 0);
    let r = run_in(&dir, &["explain", "rest-not-last"], None);
    assert_eq!(r.code, 0);
    assert!(r.stdout.starts_with("# rest-not-last"));
    let r = case("explain_unknown", &dir, &["explain", "rest-not-lst"]);
    assert_eq!(r.code, 2);
}

#[test]
fn stdin_with_filename() {
    let dir = fixtures().join("bad");
    let args = ["--format", "json", "--stdin-filename", "src/params.js", "-"];
    let r = run_in(&dir, &args, Some("function log(...parts, level) {}\n"));
    assert_eq!(r.code, 1);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("json");
    assert_eq!(v["diagnostics"][0]["file"], "src/params.js");
    assert_eq!(v["diagnostics"][0]["rule"], "rest-not-last");
}

fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

#[test]
fn unreadable_inputs_get_io_error_and_exit_2() {
    let t = temp_dir();
    std::fs::write(t.path().join("bin.js"), [0xff, 0xfe, 0x00, 0x41]).expect("write");
    std::fs::write(t.path().join("ok.js"), "export const a = [...'ab'];\n").expect("write");
    let r = run_in(t.path(), &["--format", "json", "."], None);
    assert_eq!(r.code, 2, "{}", r.stdout);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("json");
    assert_eq!(v["files"], 2);
    assert_eq!(v["diagnostics"][0]["rule"], "io-error");
    assert_eq!(v["diagnostics"][0]["file"], "bin.js");
}

#[test]
fn empty_bom_only_and_deep_nesting() {
    let t = temp_dir();
    std::fs::write(t.path().join("empty.js"), "").expect("write");
    std::fs::write(t.path().join("bom.js"), "\u{feff}").expect("write");
    let depth = 100_000;
    std::fs::write(
        t.path().join("deep.js"),
        format!("x = {}1{};\n", "[".repeat(depth), "]".repeat(depth)),
    )
    .expect("write");
    std::fs::write(
        t.path().join("parens.js"),
        format!("x = {}1{};\n", "(".repeat(depth), ")".repeat(depth)),
    )
    .expect("write");
    std::fs::write(
        t.path().join("spread.js"),
        format!("x = {}y{};\n", "[...".repeat(depth), "]".repeat(depth)),
    )
    .expect("write");
    let r = run_in(t.path(), &["--format", "json", "."], None);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("json");
    assert_eq!(v["files"], 5);
}
