//! `--fix` end to end: the binary on temporary folders. Line endings, BOM and permissions are
//! kept; read-only files and folders, files changed on disk and failed writes leave the
//! original intact and are reported. The fault tests that need an injected failure run with
//! `--features fault-injection`; the corpus property test runs with `--ignored`.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

const STYLE_RULES: &[&str] = &[
    "--rule",
    "prefer-spread=warn",
    "--rule",
    "prefer-object-spread=warn",
    "--rule",
    "prefer-rest-params=warn",
];

fn restlint(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("restlint").expect("binary");
    cmd.current_dir(dir)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .arg("--color")
        .arg("never");
    cmd
}

fn temp_with(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, content) in files {
        let p = dir.path().join(name);
        if let Some(parent) = p.parent() {
            fs::create_dir_all(parent).expect("mkdir");
        }
        fs::write(p, content).expect("write");
    }
    dir
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

fn json(out: &[u8]) -> serde_json::Value {
    serde_json::from_slice(out).expect("JSON on stdout")
}

const FIXABLE: &[u8] =
    b"const c = Object.assign({}, a);\nfunction f() {\n  return g.apply(null, arguments);\n}\n";
const FIXED: &str = "const c = { ...a };\nfunction f() {\n  return g(...arguments);\n}\n";

#[test]
fn fix_writes_and_a_second_run_changes_nothing() {
    let dir = temp_with(&[("a.js", FIXABLE), ("clean.js", b"const x = 1;\n")]);
    let out = restlint(dir.path())
        .args(STYLE_RULES)
        .args(["--fix", "--format", "json", "."])
        .output()
        .expect("run");
    let doc = json(&out.stdout);
    // What is left: prefer-rest-params, whose fix is a suggestion, with its edits for editors.
    let diags = doc["diagnostics"].as_array().expect("array");
    assert_eq!(diags.len(), 1, "{doc:#}");
    assert_eq!(diags[0]["rule"], "prefer-rest-params");
    assert_eq!(diags[0]["fix"]["safe"], false);
    assert!(
        !diags[0]["fix"]["edits"]
            .as_array()
            .expect("edits")
            .is_empty()
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("a.js")).expect("read"),
        FIXED
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("clean.js")).expect("read"),
        "const x = 1;\n"
    );
    assert_eq!(
        names(dir.path()),
        vec!["a.js", "clean.js"],
        "no temporary file left"
    );

    let before = fs::read(dir.path().join("a.js")).expect("read");
    restlint(dir.path())
        .args(STYLE_RULES)
        .args(["--fix", "."])
        .assert()
        .code(0);
    assert_eq!(fs::read(dir.path().join("a.js")).expect("read"), before);
}

/// A refused fix is noted on its own diagnostic, which loses its `fix`; the counts are those
/// of the diagnostics left, and the document still matches the schema.
#[test]
fn a_refused_fix_is_a_note_on_its_diagnostic_not_a_diagnostic() {
    let code =
        b"const xs = [1];\nconst a = Object.assign({}, \"ab\"); const b = Object.assign({}, xs);\n";
    let dir = temp_with(&[("a.js", code)]);
    let out = restlint(dir.path())
        .args(STYLE_RULES)
        .args([
            "--rule",
            "object-spread-indexed=warn",
            "--fix",
            "--format",
            "json",
            ".",
        ])
        .output()
        .expect("run");
    let doc = json(&out.stdout);
    let text = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("restlint-output.schema.json"),
    )
    .expect("schema");
    let schema: serde_json::Value = serde_json::from_str(&text).expect("schema JSON");
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let errors: Vec<String> = validator.iter_errors(&doc).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let got: Vec<(String, u64, u64, bool)> = doc["diagnostics"]
        .as_array()
        .expect("array")
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().expect("rule").to_string(),
                d["start"]["line"].as_u64().expect("line"),
                d["start"]["column"].as_u64().expect("column"),
                d["fix"].is_null(),
            )
        })
        .collect();
    let want = [
        ("prefer-object-spread", 2, 11, true),
        ("object-spread-indexed", 2, 29, true),
        ("prefer-object-spread", 2, 46, true),
        ("object-spread-indexed", 2, 64, true),
    ];
    let want: Vec<(String, u64, u64, bool)> = want
        .iter()
        .map(|(r, l, c, f)| (r.to_string(), *l, *c, *f))
        .collect();
    assert_eq!(got, want, "{doc:#}");
    assert_eq!(
        doc["summary"],
        serde_json::json!({ "errors": 0, "warnings": 4, "fixable": 0 })
    );
    let help = |i: usize| {
        doc["diagnostics"][i]["help"]
            .as_str()
            .unwrap_or("")
            .to_string()
    };
    assert!(help(0).contains("the fix was not applied, as the fixed text would gain a diagnostic (object-spread-indexed: `\"ab\"`"), "{}", help(0));
    assert!(
        help(2).contains("(object-spread-indexed: `xs`"),
        "{}",
        help(2)
    );
    assert_eq!(fs::read(dir.path().join("a.js")).expect("read"), code);
}

/// Eleven safe fixes ahead of a refused one: one `--fix` run applies them all (in a CRLF file
/// with a BOM, which stay), and a second run changes nothing.
#[test]
fn fix_reaches_the_fixed_point_past_a_refused_fix() {
    let mut code = String::from("\u{feff}const xs = [1];\r\n");
    let mut want = code.clone();
    for i in 0..11 {
        code.push_str(&format!("f{i}.apply(null, xs);\r\n"));
        want.push_str(&format!("f{i}(...xs);\r\n"));
    }
    code.push_str("const z = Object.assign({}, \"ab\");\r\n");
    want.push_str("const z = Object.assign({}, \"ab\");\r\n");
    let dir = temp_with(&[("a.js", code.as_bytes())]);
    for _ in 0..2 {
        restlint(dir.path())
            .args(STYLE_RULES)
            .args(["--rule", "object-spread-indexed=warn", "--fix", "."])
            .assert()
            .code(0);
        assert_eq!(
            fs::read_to_string(dir.path().join("a.js")).expect("read"),
            want
        );
    }
}

#[test]
fn without_fix_nothing_is_written() {
    let dir = temp_with(&[("a.js", FIXABLE)]);
    let out = restlint(dir.path())
        .args(STYLE_RULES)
        .args(["--format", "json", "."])
        .output()
        .expect("run");
    let doc = json(&out.stdout);
    assert_eq!(doc["summary"]["fixable"], 3);
    // The fix rewrites the text around what it keeps: applied, it gives `{ ...a }`.
    let text = std::str::from_utf8(FIXABLE).expect("UTF-8");
    let mut fixed = String::new();
    let mut at = 0;
    for e in doc["diagnostics"][0]["fix"]["edits"]
        .as_array()
        .expect("edits")
    {
        let start = e["span"]["start"].as_u64().expect("start") as usize;
        fixed.push_str(&text[at..start]);
        fixed.push_str(e["text"].as_str().expect("text"));
        at = e["span"]["end"].as_u64().expect("end") as usize;
    }
    fixed.push_str(&text[at..]);
    assert!(fixed.starts_with("const c = { ...a };\n"), "{fixed}");
    assert_eq!(fs::read(dir.path().join("a.js")).expect("read"), FIXABLE);
}

#[test]
fn fix_suggestions_applies_suggestions_too() {
    let dir = temp_with(&[("a.js", FIXABLE)]);
    restlint(dir.path())
        .args(STYLE_RULES)
        .args(["--fix-suggestions", "."])
        .assert()
        .code(0);
    assert_eq!(
        fs::read_to_string(dir.path().join("a.js")).expect("read"),
        "const c = { ...a };\nfunction f(...args) {\n  return g(...args);\n}\n"
    );
}

#[test]
fn quiet_fix_applies_only_the_errors_fixes() {
    // As ESLint's `--quiet --fix`: the warnings the report hides are not fixed either.
    let dir = temp_with(&[("a.js", FIXABLE), ("b.js", FIXABLE)]);
    let out = restlint(dir.path())
        .args([
            "--rule",
            "prefer-object-spread=error",
            "--rule",
            "prefer-spread=warn",
            "--quiet",
            "--fix",
            "--format",
            "json",
            "a.js",
        ])
        .output()
        .expect("run");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(json(&out.stdout)["diagnostics"], serde_json::json!([]));
    assert_eq!(
        fs::read_to_string(dir.path().join("a.js")).expect("read"),
        "const c = { ...a };\nfunction f() {\n  return g.apply(null, arguments);\n}\n"
    );
    // Without `--quiet`, the warning's fix is applied as well.
    restlint(dir.path())
        .args([
            "--rule",
            "prefer-object-spread=error",
            "--rule",
            "prefer-spread=warn",
            "--fix",
            "b.js",
        ])
        .assert()
        .code(0);
    assert_eq!(
        fs::read_to_string(dir.path().join("b.js")).expect("read"),
        FIXED
    );
}

#[test]
fn crlf_and_bom_are_kept() {
    let crlf =
        b"\xef\xbb\xbfconst c = Object.assign({}, a);\r\nconst d = Object.assign({ x: 1 }, b);\r\n";
    let dir = temp_with(&[("a.js", crlf)]);
    restlint(dir.path())
        .args(STYLE_RULES)
        .args(["--fix", "."])
        .assert()
        .code(0);
    let got = fs::read(dir.path().join("a.js")).expect("read");
    assert_eq!(
        got,
        b"\xef\xbb\xbfconst c = { ...a };\r\nconst d = { x: 1, ...b };\r\n"
    );
}

#[cfg(unix)]
#[test]
fn permissions_are_kept() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp_with(&[("a.js", FIXABLE)]);
    let p = dir.path().join("a.js");
    fs::set_permissions(&p, fs::Permissions::from_mode(0o751)).expect("chmod");
    restlint(dir.path())
        .args(STYLE_RULES)
        .args(["--fix", "."])
        .assert()
        .code(0);
    assert_eq!(fs::read_to_string(&p).expect("read"), FIXED);
    assert_eq!(
        fs::metadata(&p).expect("meta").permissions().mode() & 0o777,
        0o751
    );
}

#[cfg(unix)]
#[test]
fn read_only_file_is_reported_and_intact() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp_with(&[("a.js", FIXABLE), ("b.js", FIXABLE)]);
    let p = dir.path().join("a.js");
    fs::set_permissions(&p, fs::Permissions::from_mode(0o444)).expect("chmod");
    let out = restlint(dir.path())
        .args(STYLE_RULES)
        .args(["--fix", "--format", "json", "."])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let doc = json(&out.stdout);
    let io: Vec<_> = doc["diagnostics"]
        .as_array()
        .expect("array")
        .iter()
        .filter(|d| d["rule"] == "io-error")
        .collect();
    assert_eq!(io.len(), 1, "{doc:#}");
    assert_eq!(io[0]["file"], "a.js");
    assert!(
        io[0]["message"]
            .as_str()
            .expect("message")
            .contains("read-only")
    );
    assert_eq!(fs::read(&p).expect("read"), FIXABLE);
    // The other file is still fixed.
    assert_eq!(
        fs::read_to_string(dir.path().join("b.js")).expect("read"),
        FIXED
    );
}

#[cfg(unix)]
#[test]
fn read_only_folder_is_reported_and_intact() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp_with(&[("sub/a.js", FIXABLE)]);
    let sub = dir.path().join("sub");
    fs::set_permissions(&sub, fs::Permissions::from_mode(0o555)).expect("chmod");
    let out = restlint(dir.path())
        .args(STYLE_RULES)
        .args(["--fix", "--format", "json", "."])
        .output()
        .expect("run");
    fs::set_permissions(&sub, fs::Permissions::from_mode(0o755)).expect("chmod");
    assert_eq!(out.status.code(), Some(2));
    let doc = json(&out.stdout);
    let io: Vec<_> = doc["diagnostics"]
        .as_array()
        .expect("array")
        .iter()
        .filter(|d| d["rule"] == "io-error")
        .collect();
    assert_eq!(io.len(), 1, "{doc:#}");
    assert!(
        io[0]["message"]
            .as_str()
            .expect("message")
            .contains("folder is read-only")
    );
    assert_eq!(fs::read(sub.join("a.js")).expect("read"), FIXABLE);
    assert_eq!(names(&sub), vec!["a.js"]);
}

#[cfg(unix)]
#[test]
fn symlinked_file_keeps_its_link() {
    let dir = temp_with(&[("real/a.js", FIXABLE)]);
    std::os::unix::fs::symlink(dir.path().join("real/a.js"), dir.path().join("link.js"))
        .expect("symlink");
    restlint(dir.path())
        .args(STYLE_RULES)
        .args(["--fix", "link.js"])
        .assert()
        .code(0);
    assert!(
        fs::symlink_metadata(dir.path().join("link.js"))
            .expect("meta")
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("real/a.js")).expect("read"),
        FIXED
    );
}

#[test]
fn stdin_fix_prints_the_fixed_source() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = restlint(dir.path())
        .args(STYLE_RULES)
        .args(["--fix", "--stdin-filename", "src/a.js", "-"])
        .write_stdin(FIXABLE)
        .output()
        .expect("run");
    assert_eq!(String::from_utf8_lossy(&out.stdout), FIXED);
    assert!(String::from_utf8_lossy(&out.stderr).contains("prefer-rest-params"));
    assert_eq!(out.status.code(), Some(0));
    assert!(names(dir.path()).is_empty(), "nothing written for stdin");
}

#[test]
fn stdin_fix_without_fixes_echoes_the_source() {
    let dir = tempfile::tempdir().expect("tempdir");
    let src = "const x = [...y];\r\n";
    let out = restlint(dir.path())
        .args(["--fix", "--format", "json", "--stdin-filename", "a.js", "-"])
        .write_stdin(src)
        .output()
        .expect("run");
    assert_eq!(String::from_utf8_lossy(&out.stdout), src);
    let doc = json(&out.stderr);
    assert_eq!(doc["version"], 1);
}

#[test]
fn stdin_fix_of_an_ignored_path_echoes_the_source() {
    let dir = temp_with(&[("restlint.json", br#"{ "ignore": ["dist/**"] }"#)]);
    let out = restlint(dir.path())
        .args(STYLE_RULES)
        .args(["--fix", "--stdin-filename", "dist/a.js", "-"])
        .write_stdin(FIXABLE)
        .output()
        .expect("run");
    assert_eq!(out.stdout, FIXABLE);
    assert_eq!(out.status.code(), Some(0));
}

#[cfg(feature = "fault-injection")]
#[test]
fn injected_write_failure_keeps_the_original() {
    let dir = temp_with(&[("a.js", FIXABLE)]);
    let out = restlint(dir.path())
        .env("RESTLINT_FAULT", "write")
        .args(STYLE_RULES)
        .args(["--fix", "--format", "json", "."])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let doc = json(&out.stdout);
    let io: Vec<_> = doc["diagnostics"]
        .as_array()
        .expect("array")
        .iter()
        .filter(|d| d["rule"] == "io-error")
        .collect();
    assert_eq!(io.len(), 1, "{doc:#}");
    assert!(
        io[0]["message"]
            .as_str()
            .expect("message")
            .contains("injected write failure")
    );
    // The original's own diagnostics are still reported, against the original text.
    assert_eq!(
        doc["diagnostics"].as_array().expect("array").len(),
        4,
        "{doc:#}"
    );
    assert_eq!(fs::read(dir.path().join("a.js")).expect("read"), FIXABLE);
    assert_eq!(
        names(dir.path()),
        vec!["a.js"],
        "the temporary file is removed"
    );
}

#[cfg(feature = "fault-injection")]
#[test]
fn file_changed_on_disk_is_skipped() {
    let dir = temp_with(&[("a.js", FIXABLE)]);
    let out = restlint(dir.path())
        .env("RESTLINT_FAULT", "change")
        .args(STYLE_RULES)
        .args(["--fix", "--format", "json", "."])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let doc = json(&out.stdout);
    let io: Vec<_> = doc["diagnostics"]
        .as_array()
        .expect("array")
        .iter()
        .filter(|d| d["rule"] == "io-error")
        .collect();
    assert!(
        io[0]["message"]
            .as_str()
            .expect("message")
            .contains("changed on disk"),
        "{doc:#}"
    );
    let now = fs::read_to_string(dir.path().join("a.js")).expect("read");
    assert!(
        now.starts_with(std::str::from_utf8(FIXABLE).expect("utf8"))
            && now.ends_with("// edited meanwhile\n"),
        "{now}"
    );
    assert_eq!(names(dir.path()), vec!["a.js"]);
}

/// Copies a folder tree (regular files and folders only).
fn copy_tree(from: &Path, to: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![from.to_path_buf()];
    while let Some(d) = stack.pop() {
        let rel = d.strip_prefix(from).expect("under root");
        fs::create_dir_all(to.join(rel)).expect("mkdir");
        for e in fs::read_dir(&d).expect("read dir") {
            let e = e.expect("entry");
            let ty = e.file_type().expect("type");
            if ty.is_dir() {
                stack.push(e.path());
            } else if ty.is_file() {
                let rel = e
                    .path()
                    .strip_prefix(from)
                    .expect("under root")
                    .to_path_buf();
                fs::copy(e.path(), to.join(&rel)).expect("copy");
                files.push(rel);
            }
        }
    }
    files.sort();
    files
}

/// The property test over a real corpus: `--fix-suggestions` with every rule on changes only
/// files that had a fix, every changed file still parses, and a second run changes nothing.
/// Run with `cargo test --test fix_cli -- --ignored` (RESTLINT_CORPUS names the corpus folder,
/// default /tmp/restlint-corpus/small); tests/run.sh does it.
#[test]
#[ignore]
fn corpus_fix_suggestions_property() {
    use restlint::diagnostic::Severity;
    use restlint::fix::{FixMode, has_fixes};
    use restlint::lint::{ActiveRule, RuleSet, lint_text};

    let corpus = PathBuf::from(
        std::env::var("RESTLINT_CORPUS").unwrap_or_else(|_| "/tmp/restlint-corpus/small".into()),
    );
    assert!(corpus.is_dir(), "no corpus at {}", corpus.display());
    let dir = tempfile::tempdir().expect("tempdir");
    let files = copy_tree(&corpus, dir.path());
    let originals: Vec<Vec<u8>> = files
        .iter()
        .map(|f| fs::read(dir.path().join(f)).expect("read"))
        .collect();

    let all = RuleSet::new(
        restlint::rules::RULES
            .iter()
            .map(|m| ActiveRule {
                rule: (m.create)(None).expect("defaults"),
                severity: Severity::Warning,
            })
            .collect(),
    );
    let none = RuleSet::new(Vec::new());
    let mut rule_args = Vec::new();
    for m in restlint::rules::RULES {
        rule_args.push("--rule".to_string());
        rule_args.push(format!("{}=warn", m.id));
    }
    let run = || {
        restlint(dir.path())
            .args(&rule_args)
            .args(["--fix-suggestions", "--format", "json", "--no-ignore", "."])
            .output()
            .expect("run")
    };
    let out = run();
    assert!(
        out.status.code() != Some(101),
        "restlint panicked: {}",
        String::from_utf8_lossy(&out.stderr)
    );

    let mut failures = Vec::new();
    let mut changed = 0usize;
    for (f, before) in files.iter().zip(&originals) {
        let after = fs::read(dir.path().join(f)).expect("read");
        if &after == before {
            continue;
        }
        changed += 1;
        let (Ok(before_text), Ok(after_text)) =
            (std::str::from_utf8(before), std::str::from_utf8(&after))
        else {
            failures.push(format!("{}: changed and not UTF-8", f.display()));
            continue;
        };
        if !restlint::lint::is_lintable(f)
            || !has_fixes(&lint_text(f, before_text, &all), FixMode::SUGGESTIONS)
        {
            failures.push(format!("{}: changed without a fix to apply", f.display()));
        }
        let errs: Vec<_> = lint_text(f, after_text, &none)
            .into_iter()
            .filter(|d| d.rule == "parse-error")
            .collect();
        if !errs.is_empty() {
            failures.push(format!(
                "{}: fixed text does not parse: {}",
                f.display(),
                errs[0].message
            ));
        }
    }
    // Nothing left behind, nothing created.
    let mut now = copy_listing(dir.path());
    now.sort();
    if now != files {
        failures.push(format!(
            "the file set changed: {} files before, {} after",
            files.len(),
            now.len()
        ));
    }
    let snapshot: Vec<Vec<u8>> = files
        .iter()
        .map(|f| fs::read(dir.path().join(f)).expect("read"))
        .collect();
    let again = run();
    assert!(again.status.code() != Some(101));
    for (f, prev) in files.iter().zip(&snapshot) {
        if &fs::read(dir.path().join(f)).expect("read") != prev {
            failures.push(format!("{}: a second run changed it again", f.display()));
        }
    }
    eprintln!("corpus property: {} files, {changed} fixed", files.len());
    assert!(failures.is_empty(), "{failures:#?}");
}

fn copy_listing(root: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).expect("read dir") {
            let e = e.expect("entry");
            let ty = e.file_type().expect("type");
            if ty.is_dir() {
                stack.push(e.path());
            } else if ty.is_file() {
                files.push(
                    e.path()
                        .strip_prefix(root)
                        .expect("under root")
                        .to_path_buf(),
                );
            }
        }
    }
    files
}
