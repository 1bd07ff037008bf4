//! How restlint fits into editors and scripts: `--stdin-filename` behaves exactly like the same
//! text on disk at that path (config, overrides, `ignore`, declaration files), JSON fix edits
//! applied to a buffer give what `--fix` writes, `--threads`, `--no-ignore`, `--version`.

mod common;

use std::path::Path;

use common::{restlint, restlint_stdin};
use serde_json::Value;

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(dir: &Path, args: &[&str], stdin: Option<&str>) -> Run {
    let out = match stdin {
        Some(input) => restlint_stdin(dir, args, input),
        None => restlint(dir, args),
    };
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn write(dir: &Path, rel: &str, text: &str) {
    let p = dir.join(rel);
    std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
    std::fs::write(p, text).expect("write");
}

fn json(r: &Run) -> Value {
    serde_json::from_str(&r.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}\nstderr: {}", r.stdout, r.stderr))
}

/// A project with a config that has `ignore` and an override, in a temp folder.
fn project() -> tempfile::TempDir {
    let t = tempfile::tempdir().expect("temp dir");
    write(
        t.path(),
        "restlint.json",
        r#"{
  "ignore": ["dist/**"],
  "rules": { "invalid-rest": "warn" },
  "overrides": [ { "files": ["legacy/**"], "rules": { "rest-not-last": "off" } },
                 { "files": ["**/*.test.js"], "rules": { "invalid-rest": "error" } } ]
}
"#,
    );
    t
}

const SAVED: &str = "export function log(level, ...parts) {\n  return [level, parts];\n}\n";
const EDITED: &str = "// Grüße 😀\nexport function log(...parts, level) {\n  return [level, parts];\n}\nexport const o = { set v(...x) {} };\n";

/// The editor flow: the buffer (with unsaved changes) piped as PATH gives the same document
/// as the same text saved at PATH, for paths the config treats differently.
#[test]
fn stdin_buffer_equals_the_same_text_on_disk() {
    let t = project();
    for path in [
        "src/a.js",
        "legacy/a.js",
        "src/a.test.js",
        "src/a.ts",
        "dist/a.js",
        "src/types.d.ts",
    ] {
        write(t.path(), path, SAVED);
        let buffer = run(
            t.path(),
            &["--format", "json", "--stdin-filename", path, "-"],
            Some(EDITED),
        );
        let saved_before = run(t.path(), &["--format", "json", path], None);
        write(t.path(), path, EDITED);
        let disk = run(t.path(), &["--format", "json", path], None);
        assert_eq!(buffer.stdout, disk.stdout, "{path}: buffer and disk differ");
        assert_eq!(
            (buffer.code, &buffer.stderr),
            (disk.code, &disk.stderr),
            "{path}"
        );
        // The buffer, not the saved file, was linted.
        if !path.starts_with("dist/") && !path.ends_with(".d.ts") {
            assert_ne!(
                buffer.stdout, saved_before.stdout,
                "{path}: the saved text was linted instead of the buffer"
            );
        }
    }
    // What the config did to each path.
    let rules_of = |path: &str| -> Vec<(String, String)> {
        let r = run(
            t.path(),
            &["--format", "json", "--stdin-filename", path, "-"],
            Some(EDITED),
        );
        json(&r)["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .map(|d| {
                (
                    d["rule"].as_str().unwrap_or("").to_string(),
                    d["severity"].as_str().unwrap_or("").to_string(),
                )
            })
            .collect()
    };
    // rest-not-last stops the parse, so invalid-rest shows only where rest-not-last is off.
    assert_eq!(
        rules_of("src/a.js"),
        [("rest-not-last".into(), "error".into())]
    );
    assert_eq!(
        rules_of("legacy/a.js"),
        [("parse-error".into(), "error".into())],
        "override turns the rule off; the syntax error stays"
    );
    let ignored = run(
        t.path(),
        &["--format", "json", "--stdin-filename", "dist/a.js", "-"],
        Some(EDITED),
    );
    assert_eq!(
        (ignored.code, json(&ignored)["files"].as_u64()),
        (0, Some(0)),
        "`ignore` applies to the stdin path"
    );
    let setter_only = "export const o = { set v(...x) {} };\n";
    let sev = |path: &str| {
        let r = run(
            t.path(),
            &["--format", "json", "--stdin-filename", path, "-"],
            Some(setter_only),
        );
        json(&r)["diagnostics"][0]["severity"]
            .as_str()
            .unwrap_or("none")
            .to_string()
    };
    assert_eq!(
        sev("src/b.js"),
        "warning",
        "the config's rule level applies"
    );
    assert_eq!(
        sev("src/b.test.js"),
        "error",
        "an override applies to the stdin path"
    );
}

/// The config is found from the cwd as for files on disk, also from a subfolder, and override
/// globs match the stdin path relative to the config's folder.
#[test]
fn stdin_from_a_subfolder_uses_the_parent_config() {
    let t = project();
    std::fs::create_dir_all(t.path().join("legacy")).expect("mkdir");
    let sub = t.path().join("legacy");
    let r = run(
        &sub,
        &["--format", "json", "--stdin-filename", "a.js", "-"],
        Some(EDITED),
    );
    let d = json(&r);
    assert_eq!(
        d["diagnostics"][0]["rule"], "parse-error",
        "the legacy/** override applies: {}",
        r.stdout
    );
    assert_eq!(d["diagnostics"][0]["file"], "a.js");
}

/// The source type follows the stdin file name (TypeScript syntax is an error in a .js file).
#[test]
fn stdin_source_type_follows_the_name() {
    let t = tempfile::tempdir().expect("temp dir");
    let ts = "export const n = (x as number);\n";
    assert_eq!(
        run(t.path(), &["--stdin-filename", "a.ts", "-"], Some(ts)).code,
        0
    );
    let js = run(
        t.path(),
        &["--format", "json", "--stdin-filename", "a.js", "-"],
        Some(ts),
    );
    assert_eq!(json(&js)["diagnostics"][0]["rule"], "parse-error");
}

/// Applies edits (byte spans into `text`) back to front; overlapping edits are skipped, as a
/// fixer's later pass would take them.
fn apply(text: &str, mut edits: Vec<(usize, usize, String)>) -> String {
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut out = text.to_string();
    let mut limit = usize::MAX;
    for (start, end, new) in edits {
        if end > limit {
            continue;
        }
        out.replace_range(start..end, &new);
        limit = start;
    }
    out
}

fn fix_edits(doc: &Value, suggestions: bool) -> Vec<(usize, usize, String)> {
    let mut edits = Vec::new();
    for d in doc["diagnostics"].as_array().expect("diagnostics") {
        let Some(fix) = d["fix"].as_object() else {
            continue;
        };
        if fix["safe"] != true && !suggestions {
            continue;
        }
        for e in fix["edits"].as_array().expect("edits") {
            let (s, en) = (
                e["span"]["start"].as_u64().expect("start") as usize,
                e["span"]["end"].as_u64().expect("end") as usize,
            );
            edits.push((s, en, e["text"].as_str().expect("text").to_string()));
        }
    }
    edits
}

/// An editor applies the JSON fix edits to its buffer: the text must be what `--fix` (safe
/// fixes) and `--fix-suggestions` write to disk. Spans are UTF-8 byte offsets, so the buffer
/// has text outside ASCII before the fix.
#[test]
fn json_fix_edits_match_fix_on_disk() {
    let t = tempfile::tempdir().expect("temp dir");
    let probe = run(t.path(), &["--help"], None).stdout;
    let rules = run(t.path(), &["rules"], None).stdout;
    // Style rules with safe fixes, when this build has them (they are off by default).
    let safe_rules: Vec<&str> = rules
        .lines()
        .filter(|l| l.split_whitespace().last() == Some("safe"))
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    let config_rules: Vec<String> = safe_rules
        .iter()
        .map(|id| format!("\"{id}\": \"warn\""))
        .collect();
    write(
        t.path(),
        "restlint.json",
        &format!("{{ \"rules\": {{ {} }} }}\n", config_rules.join(", ")),
    );
    // rest-not-last stops the parse, so its suggestion and the style rules' safe fixes need
    // separate buffers.
    let buffers = [
        "const s = \"naïve 😀\"; export function log(...parts, level) { return [s, parts, level]; }\n",
        "const s = \"naïve 😀\"; export const copy = Object.assign({}, globalThis.original, { s });\n\
         export const logged = console.log.apply(console, globalThis.xs);\n",
    ];
    let mut offered = 0;
    for buffer in buffers {
        let doc = json(&run(
            t.path(),
            &["--format", "json", "--stdin-filename", "buf.js", "-"],
            Some(buffer),
        ));
        offered += doc["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .filter(|d| !d["fix"].is_null())
            .count();
        for (flag, suggestions) in [("--fix", false), ("--fix-suggestions", true)] {
            let by_editor = apply(buffer, fix_edits(&doc, suggestions));
            if !probe.contains(flag) {
                // Without the flag in this build, check what the editor gets: the fixed text
                // no longer has the diagnostics whose fixes were applied.
                eprintln!("SKIPPED comparison with `{flag}`: this restlint has no such flag");
                let fixed_rules: Vec<&Value> = doc["diagnostics"]
                    .as_array()
                    .expect("diagnostics")
                    .iter()
                    .filter(|d| d["fix"]["safe"] == true || (suggestions && !d["fix"].is_null()))
                    .map(|d| &d["rule"])
                    .collect();
                let again = json(&run(
                    t.path(),
                    &["--format", "json", "--stdin-filename", "buf.js", "-"],
                    Some(&by_editor),
                ));
                for d in again["diagnostics"].as_array().expect("diagnostics") {
                    assert!(
                        !fixed_rules.contains(&&d["rule"]),
                        "a fixed diagnostic is still there: {d}\n{by_editor}"
                    );
                }
                continue;
            }
            write(t.path(), "buf.js", buffer);
            run(t.path(), &[flag, "buf.js"], None);
            let on_disk = std::fs::read_to_string(t.path().join("buf.js")).expect("read");
            assert_eq!(
                by_editor, on_disk,
                "JSON edits and `{flag}` disagree on:\n{buffer}"
            );
        }
    }
    assert!(offered >= 1, "the buffers have fixable diagnostics");
}

#[test]
fn threads_do_not_change_the_output() {
    let t = tempfile::tempdir().expect("temp dir");
    for i in 0..40 {
        let text = if i % 3 == 0 {
            format!("function f{i}(...a, b) {{}}\n")
        } else {
            format!("export const v{i} = [...'ab'];\n")
        };
        write(t.path(), &format!("d{}/f{i}.js", i % 4), &text);
    }
    let one = run(t.path(), &["--format", "json", "--threads", "1", "."], None);
    assert_eq!(one.code, 1);
    assert_eq!(json(&one)["files"], 40);
    for n in ["2", "7"] {
        let many = run(t.path(), &["--format", "json", "--threads", n, "."], None);
        assert_eq!(
            (many.code, &many.stdout),
            (one.code, &one.stdout),
            "--threads {n}"
        );
    }
    let bad = run(t.path(), &["--threads", "many", "."], None);
    assert_eq!(bad.code, 2, "a bad --threads is a usage error");
    assert!(bad.stderr.contains("--threads"), "{}", bad.stderr);
}

#[test]
fn no_ignore_lints_gitignored_files_but_keeps_the_config_ignore() {
    let t = tempfile::tempdir().expect("temp dir");
    let bad = "function f(...a, b) {}\n";
    write(t.path(), ".gitignore", "gen/\n");
    write(t.path(), ".ignore", "vendored.js\n");
    write(t.path(), "restlint.json", "{ \"ignore\": [\"dist/**\"] }\n");
    for f in [
        "src/a.js",
        "gen/b.js",
        "vendored.js",
        "dist/c.js",
        "node_modules/d.js",
        ".hidden/e.js",
    ] {
        write(t.path(), f, bad);
    }
    let files = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["--format", "json"];
        all.extend_from_slice(args);
        all.push(".");
        let doc = json(&run(t.path(), &all, None));
        let mut v: Vec<String> = doc["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .map(|d| d["file"].as_str().unwrap_or("").to_string())
            .collect();
        v.dedup();
        v
    };
    assert_eq!(files(&[]), ["src/a.js"]);
    assert_eq!(
        files(&["--no-ignore"]),
        ["gen/b.js", "src/a.js", "vendored.js"],
        "node_modules, hidden folders and the config's ignore still apply"
    );
}

#[test]
fn version() {
    let t = tempfile::tempdir().expect("temp dir");
    for flag in ["--version", "-V"] {
        let r = run(t.path(), &[flag], None);
        assert_eq!(r.code, 0);
        assert_eq!(
            r.stdout,
            format!("restlint {}\n", env!("CARGO_PKG_VERSION"))
        );
    }
}
