//! The command line's contract as CI scripts and editors rely on it (SPEC sections 1-3): exit
//! status, globs of the configuration, directives, and what each format prints for the same
//! run. Each test names what ESLint, oxlint, Biome or ruff do where SPEC is silent.

mod common;

use std::fs;

use common::{files, restlint, restlint_stdin, stdout};

const USELESS: &str = "const x = [...[1, 2]];\n";

fn temp_with(files: &[(&str, &str)]) -> tempfile::TempDir {
    let t = tempfile::tempdir().expect("temp dir");
    for (name, text) in files {
        let p = t.path().join(name);
        if let Some(parent) = p.parent() {
            fs::create_dir_all(parent).expect("mkdir");
        }
        fs::write(p, text).expect("write");
    }
    t
}

/// `--quiet` hides warnings; it does not make them stop counting for `--max-warnings` (ESLint 9:
/// "rules marked as warn still run" with both; oxlint counts warnings before it drops them).
/// A CI job with `--quiet --max-warnings 0` must fail on a warning.
#[test]
fn quiet_warnings_still_count_for_max_warnings() {
    let t = temp_with(&[("a.js", USELESS)]);
    for format in ["pretty", "json", "compact"] {
        let out = restlint(
            t.path(),
            &["--quiet", "--max-warnings", "0", "--format", format, "a.js"],
        );
        assert_eq!(out.status.code(), Some(1), "{format}: {out:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("too many warnings (1, maximum: 0)"),
            "{out:?}"
        );
        assert!(
            !stdout(&out).contains("useless-spread"),
            "still quiet: {out:?}"
        );
    }
    let out = restlint(t.path(), &["--quiet", "--max-warnings", "1", "a.js"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    // Standard input too.
    let out = restlint_stdin(
        t.path(),
        &["--quiet", "--max-warnings", "0", "--format", "json", "-"],
        USELESS,
    );
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["summary"]["warnings"], 0, "the report stays quiet");
}

/// `--max-warnings -1` means no limit, as in ESLint (its default, which scripts pass on);
/// anything else negative or not a number is a usage error.
#[test]
fn max_warnings_minus_one_is_no_limit() {
    let t = temp_with(&[("a.js", USELESS)]);
    let out = restlint(
        t.path(),
        &["--max-warnings", "-1", "--format", "compact", "a.js"],
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(stdout(&out).contains("useless-spread"), "{out:?}");
    let out = restlint(t.path(), &["--max-warnings", "0", "a.js"]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    for bad in ["-2", "many"] {
        let out = restlint(t.path(), &["--max-warnings", bad, "a.js"]);
        assert_eq!(out.status.code(), Some(2), "{bad}: {out:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("or -1 for no limit"),
            "{bad}: {out:?}"
        );
    }
}

/// `*` in `ignore` and `overrides` stays within one folder, as in `.gitignore`, ESLint
/// (minimatch), oxlint and Biome: `src/*.js` is not `src/lib/a.js`.
#[test]
fn a_star_does_not_cross_folders() {
    let t = temp_with(&[
        (
            "restlint.json",
            r#"{"ignore":["gen/*.js"],"overrides":[{"files":["src/*.js"],"rules":{"useless-spread":"error"}}]}"#,
        ),
        ("gen/a.js", USELESS),
        ("gen/deep/b.js", USELESS),
        ("src/a.js", USELESS),
        ("src/deep/b.js", USELESS),
    ]);
    let out = restlint(t.path(), &["--format", "compact", "."]);
    let text = stdout(&out);
    assert_eq!(
        files(&out),
        ["gen/deep/b.js", "src/a.js", "src/deep/b.js"],
        "{text}"
    );
    assert!(
        text.contains("src/a.js:1:12: error useless-spread"),
        "{text}"
    );
    assert!(
        text.contains("src/deep/b.js:1:12: warning useless-spread"),
        "{text}"
    );
    // Named explicitly (as pre-commit does), the same.
    let out = restlint(
        t.path(),
        &["--format", "compact", "gen/a.js", "gen/deep/b.js"],
    );
    assert_eq!(files(&out), ["gen/deep/b.js"], "{out:?}");
}

/// A file named explicitly inside a folder the config ignores is left out, as the walk leaves
/// it out (pre-commit passes files one by one; gitignore, ESLint and Biome ignore what is
/// under an ignored folder).
#[test]
fn a_file_under_an_ignored_folder_is_ignored_when_named() {
    let t = temp_with(&[
        ("restlint.json", r#"{"ignore":["src/gen*"]}"#),
        ("src/generated/a.js", USELESS),
        ("src/keep.js", USELESS),
    ]);
    let out = restlint(t.path(), &["--format", "compact", "."]);
    assert_eq!(files(&out), ["src/keep.js"], "{out:?}");
    let out = restlint(
        t.path(),
        &["--format", "compact", "src/generated/a.js", "src/keep.js"],
    );
    assert_eq!(files(&out), ["src/keep.js"], "{out:?}");
    let out = restlint_stdin(
        t.path(),
        &[
            "--format",
            "compact",
            "--stdin-filename",
            "src/generated/a.js",
            "-",
        ],
        USELESS,
    );
    assert_eq!(files(&out), Vec::<String>::new(), "{out:?}");
}
/// `--color` also decides the colours of a bad config's report on stderr (it was coloured only
/// when stderr was a terminal, whatever `--color` said).
#[test]
fn color_flag_applies_to_config_errors() {
    let t = temp_with(&[
        ("restlint.json", r#"{"rules":{"nope":"warn"}}"#),
        ("a.js", USELESS),
    ]);
    let out = restlint(t.path(), &["--color", "always", "a.js"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("unknown rule `nope`") && err.contains('\u{1b}'),
        "{err}"
    );
    let out = restlint(t.path(), &["--color", "never", "a.js"]);
    assert!(!String::from_utf8_lossy(&out.stderr).contains('\u{1b}'));
}

/// A declaration file for an arbitrary extension (`styles.d.css.ts`, TypeScript 5's
/// `allowArbitraryExtensions`; oxc reads it as a definition file) is skipped however it is
/// named, as the folder walk already skipped it.
#[test]
fn declaration_files_are_skipped_however_named() {
    let t = temp_with(&[("styles.d.css.ts", USELESS), ("a.js", USELESS)]);
    let out = restlint(t.path(), &["--format", "compact", "."]);
    assert_eq!(files(&out), ["a.js"], "{out:?}");
    let out = restlint(
        t.path(),
        &["--format", "compact", "styles.d.css.ts", "a.js"],
    );
    assert_eq!(files(&out), ["a.js"], "{out:?}");
    let out = restlint_stdin(
        t.path(),
        &[
            "--format",
            "compact",
            "--stdin-filename",
            "styles.d.css.ts",
            "-",
        ],
        USELESS,
    );
    assert_eq!(files(&out), Vec::<String>::new(), "{out:?}");
}

/// On Unix a `\` is part of a file's name, not a separator: the path shown is the file's
/// (ESLint and ruff show it as is), so an editor or CI annotation can open it.
#[cfg(unix)]
#[test]
fn a_backslash_in_a_unix_file_name_is_kept() {
    let t = temp_with(&[("a\\b.js", USELESS)]);
    let out = restlint(t.path(), &["--format", "compact", "."]);
    assert_eq!(files(&out), ["a\\b.js"], "{out:?}");
    let out = restlint(t.path(), &["--format", "json", "a\\b.js"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["diagnostics"][0]["file"], "a\\b.js");
}
