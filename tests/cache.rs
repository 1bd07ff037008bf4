//! `--cache`: unchanged files are reused, a changed file or configuration is linted again,
//! exactly the affected results change, and a damaged cache is never trusted.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

struct Run {
    json: Value,
    stderr: String,
}

fn run(dir: &Path, extra: &[&str]) -> Run {
    let mut cmd = Command::cargo_bin("restlint").expect("binary is built");
    cmd.current_dir(dir)
        .env("NO_COLOR", "1")
        .env("RESTLINT_DEBUG_CACHE", "1")
        .args(["--format", "json"])
        .args(extra)
        .arg(".");
    let out = cmd.output().expect("restlint runs");
    let stdout = String::from_utf8(out.stdout).expect("utf-8 stdout");
    Run {
        json: serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {stdout}")),
        stderr: String::from_utf8(out.stderr).expect("utf-8 stderr"),
    }
}

fn cached(dir: &Path) -> Run {
    run(dir, &["--cache"])
}

/// The diagnostics of one file, as JSON values.
fn of(run: &Run, file: &str) -> Vec<Value> {
    run.json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["file"] == file)
        .cloned()
        .collect()
}

fn assert_stats(run: &Run, reused: usize, linted: usize) {
    let want = format!("cache: {reused} reused, {linted} linted");
    assert!(
        run.stderr.contains(&want),
        "want `{want}` in stderr:\n{}",
        run.stderr
    );
}

fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let p = dir.path();
    std::fs::write(
        p.join("restlint.json"),
        r#"{ "rules": { "invalid-rest": "error" } }"#,
    )
    .unwrap();
    std::fs::write(p.join("a.js"), "function f(...a, b) {}\n").unwrap();
    std::fs::write(p.join("b.js"), "function g(...a = 1) {}\n").unwrap();
    std::fs::write(p.join("c.js"), "const x = [...y];\n").unwrap();
    dir
}

#[test]
fn exactly_the_affected_results_change() {
    let dir = setup();
    let p = dir.path();

    let first = cached(p);
    assert_stats(&first, 0, 3);
    assert_eq!(of(&first, "a.js").len(), 1);
    assert_eq!(of(&first, "b.js").len(), 1);
    assert!(of(&first, "c.js").is_empty());
    assert!(
        p.join("node_modules/.cache/restlint/results.cache")
            .is_file()
    );
    // The cache is transparent: the same output as without it.
    assert_eq!(first.json, run(p, &[]).json);

    let second = cached(p);
    assert_stats(&second, 3, 0);
    assert_eq!(second.json, first.json);

    // One file changes: only it is linted again, only its results differ.
    std::fs::write(p.join("c.js"), "function h(...a, b) {}\n").unwrap();
    let third = cached(p);
    assert_stats(&third, 2, 1);
    assert_eq!(of(&third, "a.js"), of(&first, "a.js"));
    assert_eq!(of(&third, "b.js"), of(&first, "b.js"));
    let c = of(&third, "c.js");
    assert_eq!(c.len(), 1);
    assert_eq!(c[0]["rule"], "rest-not-last");
    assert_eq!(third.json, run(p, &[]).json);

    // One configuration value changes: every file is linted again (the cache is keyed by
    // the configuration), and only the results of that rule differ.
    std::fs::write(
        p.join("restlint.json"),
        r#"{ "rules": { "invalid-rest": "warn" } }"#,
    )
    .unwrap();
    let fourth = cached(p);
    assert_stats(&fourth, 0, 3);
    assert_eq!(of(&fourth, "a.js"), of(&third, "a.js"));
    assert_eq!(of(&fourth, "c.js"), of(&third, "c.js"));
    let (before, after) = (of(&third, "b.js"), of(&fourth, "b.js"));
    assert_eq!(before.len(), 1);
    assert_eq!(after.len(), 1);
    assert_eq!(
        (
            before[0]["severity"].as_str(),
            after[0]["severity"].as_str()
        ),
        (Some("error"), Some("warning"))
    );
    let mut same = after[0].clone();
    same["severity"] = before[0]["severity"].clone();
    assert_eq!(same, before[0], "nothing but the severity changed");
    assert_eq!(fourth.json, run(p, &[]).json);

    let fifth = cached(p);
    assert_stats(&fifth, 3, 0);
    assert_eq!(fifth.json, fourth.json);

    // `--rule` on the command line is configuration too.
    let sixth = run(p, &["--cache", "--rule", "invalid-rest=off"]);
    assert_stats(&sixth, 0, 3);
}

#[test]
fn a_clean_cached_file_that_stops_being_text_is_reported() {
    // A reused file with no findings is not read as text again (only valid text is ever
    // cached): a file that changed into something else must still be linted, and reported.
    let dir = setup();
    let p = dir.path();
    assert_stats(&cached(p), 0, 3);
    std::fs::write(p.join("c.js"), b"const x = [...y];\n\xff\n").unwrap();
    // Not text, so neither reused nor linted.
    let second = cached(p);
    assert_stats(&second, 2, 0);
    let c = of(&second, "c.js");
    assert_eq!(c.len(), 1);
    assert_eq!(c[0]["rule"], "io-error");
    // A failure is not remembered: the next run reads the file again.
    let third = cached(p);
    assert_stats(&third, 2, 0);
    assert_eq!(third.json, second.json);
    // Back to the content the cache knows: reused again.
    std::fs::write(p.join("c.js"), "const x = [...y];\n").unwrap();
    let back = cached(p);
    assert_stats(&back, 3, 0);
    assert!(of(&back, "c.js").is_empty());
}

#[test]
fn a_damaged_or_foreign_cache_is_rebuilt() {
    let dir = setup();
    let p = dir.path();
    let file = p.join("node_modules/.cache/restlint/results.cache");
    let first = cached(p);
    assert_stats(&first, 0, 3);

    // Flip one byte of the body: the checksum no longer matches.
    let mut bytes = std::fs::read(&file).unwrap();
    let i = bytes.len() - 5;
    bytes[i] ^= 0x20;
    std::fs::write(&file, &bytes).unwrap();
    let damaged = cached(p);
    assert!(damaged.stderr.contains("not used"), "{}", damaged.stderr);
    assert_stats(&damaged, 0, 3);
    assert_eq!(damaged.json, first.json);
    assert_stats(&cached(p), 3, 0);

    // Something else entirely.
    std::fs::write(&file, "{\"version\": 1}").unwrap();
    let foreign = cached(p);
    assert_stats(&foreign, 0, 3);
    assert_eq!(foreign.json, first.json);

    // A cache that cannot be read (a folder where the file should be) does not stop the run.
    std::fs::remove_file(&file).unwrap();
    std::fs::create_dir(&file).unwrap();
    let blocked = cached(p);
    assert_eq!(blocked.json, first.json);
}

#[test]
fn cache_location_names_a_file_or_a_folder() {
    let dir = setup();
    let p = dir.path();
    let first = run(p, &["--cache", "--cache-location", "my.cache"]);
    assert_stats(&first, 0, 3);
    assert!(p.join("my.cache").is_file());
    assert_stats(&run(p, &["--cache", "--cache-location", "my.cache"]), 3, 0);

    std::fs::create_dir(p.join("cachedir")).unwrap();
    run(p, &["--cache", "--cache-location", "cachedir"]);
    assert!(p.join("cachedir/results.cache").is_file());
    assert!(!p.join("node_modules").exists());
}
