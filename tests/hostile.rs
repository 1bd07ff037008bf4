//! Hostile inputs, end to end: the built binary on deep, huge and odd files and folders.
//! Each case checks the diagnostics (or their absence) and the exit status: 0 clean, 1 lint
//! errors, 2 I/O or usage trouble. Every run has a timeout, so a hang fails the test instead
//! of stalling CI. The large cases (50 MB, 20 MB minified, 50,000 files) take seconds each.

use std::fs;
use std::path::Path;
use std::time::Duration;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

/// Runs restlint in `dir` with `--format json`; returns the exit status and the document.
fn lint_json(dir: &Path, args: &[&str]) -> (i32, Value) {
    lint_json_env(dir, args, &[])
}

fn lint_json_env(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> (i32, Value) {
    let mut cmd = Command::cargo_bin("restlint").expect("the restlint binary is built");
    cmd.current_dir(dir)
        .args(["--format", "json", "--threads", "2"])
        .args(args)
        .timeout(Duration::from_secs(120));
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("restlint runs");
    let code = out
        .status
        .code()
        .unwrap_or_else(|| panic!("restlint was killed (crash or timeout): {:?}", out.status));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}); stderr: {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (code, doc)
}

/// `(file, rule, line, column)` of every diagnostic.
fn found(doc: &Value) -> Vec<(String, String, u64, u64)> {
    doc["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["file"].as_str().unwrap_or_default().to_string(),
                d["rule"].as_str().unwrap_or_default().to_string(),
                d["start"]["line"].as_u64().unwrap_or_default(),
                d["start"]["column"].as_u64().unwrap_or_default(),
            )
        })
        .collect()
}

fn rules(doc: &Value) -> Vec<String> {
    found(doc).into_iter().map(|f| f.1).collect()
}

fn dir_with(files: &[(&str, &[u8])]) -> TempDir {
    let dir = TempDir::new().expect("temp dir");
    for (name, bytes) in files {
        let p = dir.path().join(name);
        if let Some(parent) = p.parent() {
            fs::create_dir_all(parent).expect("mkdir");
        }
        fs::write(p, bytes).expect("write");
    }
    dir
}

/// One file `a.js` with this text; lint it.
fn lint_one(text: &[u8]) -> (i32, Value) {
    let dir = dir_with(&[("a.js", text)]);
    lint_json(dir.path(), &["a.js"])
}

#[test]
fn deep_nesting_100k_is_linted_without_overflow() {
    let n = 100_000;
    let cases = [
        (
            "brackets",
            format!("x = {}{};\n", "[".repeat(n), "]".repeat(n)),
        ),
        ("blocks", format!("{}{}\n", "{".repeat(n), "}".repeat(n))),
        (
            "objects",
            format!("x = {}1{};\n", "{a: ".repeat(n), "}".repeat(n)),
        ),
        (
            "parens",
            format!("x = {}1{};\n", "(".repeat(n), ")".repeat(n)),
        ),
        (
            "array spreads",
            format!("x = {}y{};\n", "[...".repeat(n), "]".repeat(n)),
        ),
        (
            "call spreads",
            format!("f({}{});\n", "...f(".repeat(n), ")".repeat(n)),
        ),
        (
            "object spreads",
            format!("x = {}y{};\n", "{...".repeat(n), "}".repeat(n)),
        ),
        (
            "rest patterns",
            format!("const {}y{} = z;\n", "[...".repeat(n), "]".repeat(n)),
        ),
        (
            "templates",
            format!("x = {}1{};\n", "`${".repeat(n), "}`".repeat(n)),
        ),
        ("arrows", format!("x = {}1;\n[...a];\n", "a => ".repeat(n))),
        (
            "prefix operators",
            format!("x = {}1;\n[...a];\n", "!".repeat(n)),
        ),
        (
            "else if",
            format!("{}c;\n[...a];\n", "if (a) b; else ".repeat(n)),
        ),
    ];
    let mut failures = Vec::new();
    for (name, text) in cases {
        let (code, doc) = lint_one(text.as_bytes());
        if code != 0 || !rules(&doc).is_empty() {
            failures.push(format!("{name}: exit {code}, {:?}", found(&doc)));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn nesting_past_the_limit_is_an_internal_error_not_a_crash() {
    let n = 1_000_000;
    let cases = [
        (
            "brackets",
            format!("x = {}{};", "[".repeat(n), "]".repeat(n)),
        ),
        (
            "spread chain",
            format!("x = {}y{};", "[...".repeat(n), "]".repeat(n)),
        ),
        ("exponent chain", format!("x = {}1;", "a ** ".repeat(n))),
        (
            "addition chain on one 10 MB line",
            format!("x = {}1; [...a];", "a+".repeat(5 * n)),
        ),
        (
            "operators leading lines",
            format!("x = a{};", "\n+ a".repeat(n)),
        ),
        ("nested ifs", format!("{}c;", "if(a)".repeat(n))),
        // Nesting with no bracket open at the deepest point, and a construct that takes more
        // stack a level than brackets do (found by an audit: both aborted the run).
        (
            "class heritage chain",
            format!(
                "x = {}B{};",
                "class extends ".repeat(n / 2),
                " {}".repeat(n / 2)
            ),
        ),
        (
            "class heritage in parentheses",
            format!(
                "x = {}B{};",
                "class extends (".repeat(n / 3),
                "){}".repeat(n / 3)
            ),
        ),
        (
            "do-while chain",
            format!("{}x;{}", "do ".repeat(n), " while(a);".repeat(n)),
        ),
    ];
    let mut failures = Vec::new();
    for (name, text) in cases {
        let (code, doc) = lint_one(text.as_bytes());
        if code != 2 || rules(&doc) != ["internal-error"] {
            failures.push(format!("{name}: exit {code}, {:?}", found(&doc)));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn a_50_mb_file() {
    // 500,000 lines of 100 bytes, then a rest that is not last on the last line.
    let mut text = format!("// {}\n", "x".repeat(96)).repeat(500_000);
    text.push_str("let s = `é`; function f(...a, b) {}\n");
    assert!(text.len() > 50_000_000);
    let (code, doc) = lint_one(text.as_bytes());
    assert_eq!(code, 1);
    assert_eq!(
        found(&doc),
        [("a.js".into(), "rest-not-last".into(), 500_001, 25)]
    );
}

#[test]
fn a_line_of_10_mb() {
    // One line: a 10 MB string, then a diagnostic whose column must be exact (UTF-16 units).
    let text = format!(
        "let s = \"{}😀\"; function f(...a, b) {{}}\n",
        "x".repeat(10_000_000)
    );
    let (code, doc) = lint_one(text.as_bytes());
    assert_eq!(code, 1);
    let col = "let s = \"".len() + 10_000_000 + 2 + "\"; function f(".len() + 1;
    assert_eq!(
        found(&doc),
        [("a.js".into(), "rest-not-last".into(), 1, col as u64)]
    );

    // The pretty format leaves out a frame it cannot draw (miette panics past column 65,535).
    let dir = dir_with(&[("a.js", text.as_bytes())]);
    let out = Command::cargo_bin("restlint")
        .expect("binary")
        .current_dir(dir.path())
        .args(["--color", "never", "a.js"])
        .timeout(Duration::from_secs(120))
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    // Without a frame the report still names the file (several files may have such lines).
    assert!(stdout.contains(&format!("a.js:1:{col};")), "{stdout}");
    assert!(stdout.contains("too long to show"), "{stdout}");
    assert!(stdout.len() < 10_000, "the 10 MB line was printed");
}

#[test]
fn a_line_with_thousands_of_errors() {
    // 5,000 parse errors on one 55 kB line: positions and frames must not be quadratic.
    let text = format!("x = {}{};", "function(){".repeat(5_000), "}".repeat(5_000));
    let (code, doc) = lint_one(text.as_bytes());
    assert_eq!(code, 1);
    assert!(rules(&doc).len() >= 4_000 && rules(&doc).iter().all(|r| r == "parse-error"));
    let dir = dir_with(&[("a.js", text.as_bytes())]);
    let out = Command::cargo_bin("restlint")
        .expect("binary")
        .current_dir(dir.path())
        .args(["--color", "never", "a.js"])
        .timeout(Duration::from_secs(60))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn generated_literals_and_parameter_lists_stay_linear() {
    // 100,000 keys before a spread, 50,000 parameters, 5,000 nested functions each reading
    // the outer bindings: the gate's judgement must not be quadratic (a run that hangs fails
    // on the timeout of `lint_one`).
    let keys: Vec<String> = (0..100_000).map(|i| format!("a{i}: 1")).collect();
    let text = format!("const y = {{}};\nx = {{ {}, ...y }};\n", keys.join(", "));
    let (code, doc) = lint_one(text.as_bytes());
    assert_eq!(code, 0, "{doc}");
    let params: Vec<String> = (0..50_000).map(|i| format!("p{i}")).collect();
    let text = format!(
        "function f({}, ...r) {{ return [...r]; }}\n",
        params.join(", ")
    );
    let (code, doc) = lint_one(text.as_bytes());
    assert_eq!(code, 0, "{doc}");
    let n = 5_000;
    let mut text: String = (0..n)
        .map(|i| format!("function f{i}() {{ var x{i} = {{}};\n"))
        .collect();
    let reads: Vec<String> = (0..n).map(|i| format!("...x{i}")).collect();
    text.push_str(&format!(
        "const r = [{}];\n{}\n",
        reads.join(", "),
        "}".repeat(n)
    ));
    let (code, doc) = lint_one(text.as_bytes());
    assert_eq!(code, 1);
    assert_eq!(rules(&doc).len(), n, "{doc}");
}

#[test]
fn a_function_with_thousands_of_arguments_stays_linear() {
    // prefer-rest-params gave each of 1,000 reports its own copy of the function's fix (an
    // edit per `arguments`): a million edits here, and at 20,000 the process ran out of
    // memory and was killed. The fixes together must now hold a few edits per report.
    let n = 1_000;
    let text = format!("function f() {{\n{}}}\n", "g(arguments[0]);\n".repeat(n));
    let dir = dir_with(&[("a.js", text.as_bytes())]);
    let (code, doc) = lint_json(dir.path(), &["--rule", "prefer-rest-params=warn", "a.js"]);
    assert_eq!(code, 0);
    let diagnostics = doc["diagnostics"].as_array().expect("diagnostics");
    assert_eq!(diagnostics.len(), n);
    let edits: usize = diagnostics
        .iter()
        .map(|d| d["fix"]["edits"].as_array().map_or(0, Vec::len))
        .sum();
    assert!(edits <= 2 * n + 1, "{edits} edits");
}

#[test]
fn nested_fixes_stay_linear() {
    // The fixes of prefer-object-spread and useless-spread each held the whole new text of
    // what they rewrote, the levels nested inside included: 8,000 levels of
    // `Object.assign({}, …)` took 1.2 GB and deeper files got the process killed. The edits
    // must now hold a few bytes per level.
    let n = 3_000;
    let text = format!(
        "x = {}a{};\ny = {}xs{};\n",
        "Object.assign({}, ".repeat(n),
        ")".repeat(n),
        "new Set([...".repeat(n),
        "])".repeat(n)
    );
    let dir = dir_with(&[("a.js", text.as_bytes())]);
    let (code, doc) = lint_json(
        dir.path(),
        &[
            "--rule",
            "prefer-object-spread=warn",
            "--rule",
            "useless-spread=warn",
            "a.js",
        ],
    );
    assert_eq!(code, 0);
    let diagnostics = doc["diagnostics"].as_array().expect("diagnostics");
    assert!(diagnostics.len() >= 2 * n - 2, "{}", diagnostics.len());
    let bytes: usize = diagnostics
        .iter()
        .flat_map(|d| d["fix"]["edits"].as_array().cloned().unwrap_or_default())
        .map(|e| e["text"].as_str().map_or(0, str::len))
        .sum();
    assert!(bytes <= 10 * n, "{bytes} bytes of edits");
}

#[test]
fn messages_of_nested_reports_stay_linear() {
    // Each useless-spread report of `[...[…]]` put the literal on one line for its message by
    // collapsing the whitespace of its whole text, the levels inside included: quadratic, so
    // 20,000 levels took 2.8 s (28 s with `--fix`) and 150,000 over two minutes. Only the
    // characters a message shows are now looked at: this takes seconds.
    let n = 150_000;
    let text = format!("x = {}y{};\n", "[...[".repeat(n), "]]".repeat(n));
    let dir = dir_with(&[("a.js", text.as_bytes())]);
    let out = Command::cargo_bin("restlint")
        .expect("binary")
        .current_dir(dir.path())
        .args([
            "--rule",
            "useless-spread=warn",
            "--quiet",
            "--format",
            "json",
            "a.js",
        ])
        .timeout(Duration::from_secs(60))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0), "{:?}", out.status);
}

#[test]
fn a_20_mb_minified_file() {
    let unit =
        "var a=function(b){return[...b,1]},c={...d,e:1};if(c.e){g(...a(c))}else{h.push(...c)}";
    let text = unit.repeat(20_000_000 / unit.len() + 1);
    let (code, doc) = lint_one(text.as_bytes());
    assert_eq!((code, rules(&doc)), (0, vec![]));
}

#[test]
fn nul_bytes_are_a_parse_error() {
    let (code, doc) = lint_one(b"let a = 1;\0\nlet b = 2;\n");
    assert_eq!(code, 1);
    assert_eq!(found(&doc), [("a.js".into(), "parse-error".into(), 1, 11)]);
}

#[test]
fn invalid_utf8_is_an_io_error() {
    let (code, doc) = lint_one(b"let a = \"\xff\xfe\";\n");
    assert_eq!(code, 2);
    assert_eq!(found(&doc), [("a.js".into(), "io-error".into(), 1, 1)]);
    assert!(
        doc["diagnostics"][0]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("offset 9")
    );
}

#[test]
fn a_binary_file_named_js() {
    // Not UTF-8: an io-error.
    let bytes: Vec<u8> = (0..=255u8).cycle().take(64 * 1024).collect();
    let (code, doc) = lint_one(&bytes);
    assert_eq!((code, rules(&doc)), (2, vec!["io-error".to_string()]));
    // Control bytes that happen to be UTF-8: parse errors, not a crash.
    let bytes: Vec<u8> = (0..0x80u8).cycle().take(64 * 1024).collect();
    let (code, doc) = lint_one(&bytes);
    assert_eq!(code, 1);
    assert!(!rules(&doc).is_empty() && rules(&doc).iter().all(|r| r == "parse-error"));
}

#[test]
fn bom_only_and_empty_files_are_clean() {
    for text in [&b"\xef\xbb\xbf"[..], b"", b"\xef\xbb\xbf\n", b"\n\n\n"] {
        let (code, doc) = lint_one(text);
        assert_eq!((code, rules(&doc)), (0, vec![]), "{text:?}");
    }
    // After a BOM, columns do not count it.
    let (code, doc) = lint_one("\u{feff}function f(...a, b) {}".as_bytes());
    assert_eq!(code, 1);
    assert_eq!(
        found(&doc),
        [("a.js".into(), "rest-not-last".into(), 1, 12)]
    );
}

#[test]
fn crlf_and_lone_cr_columns() {
    for (eol, name) in [
        ("\r\n", "crlf"),
        ("\r", "lone cr"),
        ("\n", "lf"),
        ("\u{2028}", "line separator"),
    ] {
        let text = format!("let é = 1;{eol}{eol}  function f(...a, b) {{}}{eol}");
        let (code, doc) = lint_one(text.as_bytes());
        assert_eq!(code, 1, "{name}");
        assert_eq!(
            found(&doc),
            [("a.js".into(), "rest-not-last".into(), 3, 14)],
            "{name}"
        );
        let span = doc["diagnostics"][0]["span"]["start"]
            .as_u64()
            .unwrap_or_default() as usize;
        assert_eq!(text.get(span..span + 4), Some("...a"), "{name}");
    }
}

#[cfg(unix)]
#[test]
fn symlink_loops() {
    let dir = dir_with(&[("src/a.js", b"let a = 1;\n")]);
    let root = dir.path();
    std::os::unix::fs::symlink("..", root.join("src/up")).expect("symlink");
    std::os::unix::fs::symlink("self.js", root.join("src/self.js")).expect("symlink");
    std::os::unix::fs::symlink("l2.js", root.join("l1.js")).expect("symlink");
    std::os::unix::fs::symlink("l1.js", root.join("l2.js")).expect("symlink");
    // The walk does not follow symlinks, so a loop cannot trap it; a symlink that resolves to
    // nothing readable is skipped there.
    let (code, doc) = lint_json(root, &["src"]);
    assert_eq!(
        (code, rules(&doc), doc["files"].as_u64()),
        (0, vec![], Some(1))
    );
    // Named on the command line, a looping symlink is an io-error; the other file is linted.
    let (code, doc) = lint_json(root, &["l1.js", "src/self.js", "src/a.js"]);
    assert_eq!(code, 2);
    let f = found(&doc);
    assert_eq!(
        f.iter()
            .map(|f| (f.0.as_str(), f.1.as_str()))
            .collect::<Vec<_>>(),
        [("l1.js", "io-error"), ("src/self.js", "io-error")]
    );
    assert_eq!(doc["files"].as_u64(), Some(3));
}

#[cfg(unix)]
#[test]
fn a_dangling_symlink() {
    let dir = dir_with(&[("a.js", b"let a = 1;\n")]);
    std::os::unix::fs::symlink("gone.js", dir.path().join("b.js")).expect("symlink");
    let (code, doc) = lint_json(dir.path(), &["."]);
    assert_eq!((code, rules(&doc)), (0, vec![]));
    let (code, doc) = lint_json(dir.path(), &["b.js", "a.js"]);
    assert_eq!((code, rules(&doc)), (2, vec!["io-error".to_string()]));
}

#[test]
fn a_directory_named_x_js() {
    let dir = dir_with(&[
        ("x.js/inner.js", b"function f(...a, b) {}\n"),
        ("ok.js", b"let a;\n"),
    ]);
    let (code, doc) = lint_json(dir.path(), &["."]);
    assert_eq!(code, 1);
    assert_eq!(
        found(&doc),
        [("x.js/inner.js".into(), "rest-not-last".into(), 1, 12)]
    );
    // Named explicitly, it is walked like any folder.
    let (code, doc) = lint_json(dir.path(), &["x.js"]);
    assert_eq!((code, doc["files"].as_u64()), (1, Some(1)));
}

#[cfg(unix)]
#[test]
fn a_fifo_never_blocks() {
    let dir = dir_with(&[("a.js", b"let a;\n")]);
    let fifo = dir.path().join("pipe.js");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
    std::os::unix::fs::symlink("pipe.js", dir.path().join("link.js")).expect("symlink");
    // In a walk, a FIFO (and a symlink to one) is not a regular file: skipped.
    let (code, doc) = lint_json(dir.path(), &["."]);
    assert_eq!(
        (code, rules(&doc), doc["files"].as_u64()),
        (0, vec![], Some(1))
    );
    // Named explicitly, it is not read (that would wait for a writer forever): io-error.
    let (code, doc) = lint_json(dir.path(), &["pipe.js", "link.js", "a.js"]);
    assert_eq!(code, 2);
    assert_eq!(rules(&doc), ["io-error", "io-error"]);
    assert!(
        doc["diagnostics"][0]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("not a regular file")
    );
}

#[cfg(unix)]
#[test]
fn a_socket_named_js() {
    let dir = dir_with(&[("a.js", b"let a;\n")]);
    let _listener =
        std::os::unix::net::UnixListener::bind(dir.path().join("sock.js")).expect("bind");
    // In a walk it is skipped; named explicitly, it cannot even be opened: one io-error that
    // says what it is.
    let (code, doc) = lint_json(dir.path(), &["."]);
    assert_eq!((code, doc["files"].as_u64()), (0, Some(1)));
    let (code, doc) = lint_json(dir.path(), &["sock.js", "a.js"]);
    assert_eq!((code, rules(&doc)), (2, vec!["io-error".to_string()]));
    let message = doc["diagnostics"][0]["message"]
        .as_str()
        .unwrap_or_default();
    assert!(message.contains("not a regular file"), "{message}");
}

#[test]
fn a_file_deleted_between_walk_and_read() {
    // Simulated with the debug build's test-only seam: `gone.js` is removed just before it
    // is read.
    let dir = dir_with(&[
        ("gone.js", b"let a;\n"),
        ("bad.js", b"function f(...a, b) {}\n"),
    ]);
    let (code, doc) = lint_json_env(
        dir.path(),
        &["."],
        &[("RESTLINT_TEST_READ_FAULT", "remove:gone.js")],
    );
    assert_eq!(code, 2);
    let f = found(&doc);
    assert_eq!(
        f.iter()
            .map(|f| (f.0.as_str(), f.1.as_str()))
            .collect::<Vec<_>>(),
        [("bad.js", "rest-not-last"), ("gone.js", "io-error")]
    );
    assert!(!dir.path().join("gone.js").exists());
}

#[cfg(unix)]
#[test]
fn an_unreadable_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = dir_with(&[("secret.js", b"let a;\n"), ("ok.js", b"let b;\n")]);
    let secret = dir.path().join("secret.js");
    fs::set_permissions(&secret, fs::Permissions::from_mode(0o000)).expect("chmod");
    // chmod 000 stops a normal user; root reads anyway, so the seam makes the read fail the
    // same way (permission denied) whoever runs the test.
    let (code, doc) = lint_json_env(
        dir.path(),
        &["."],
        &[("RESTLINT_TEST_READ_FAULT", "deny:secret.js")],
    );
    fs::set_permissions(&secret, fs::Permissions::from_mode(0o644)).expect("chmod back");
    assert_eq!(code, 2);
    assert_eq!(found(&doc), [("secret.js".into(), "io-error".into(), 1, 1)]);
    assert!(
        doc["diagnostics"][0]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("permission denied")
    );
    assert_eq!(doc["files"].as_u64(), Some(2));
}

#[test]
fn a_path_given_twice_is_linted_once() {
    let dir = dir_with(&[("src/a.js", b"function f(...a, b) {}\n")]);
    let (code, doc) = lint_json(
        dir.path(),
        &["src/a.js", "src/a.js", "./src/a.js", "src", "src/"],
    );
    assert_eq!(code, 1);
    assert_eq!(
        found(&doc),
        [("src/a.js".into(), "rest-not-last".into(), 1, 12)]
    );
    assert_eq!(doc["files"].as_u64(), Some(1));
}

#[test]
fn a_missing_path_is_exit_2() {
    let dir = dir_with(&[("a.js", b"let a;\n")]);
    let out = Command::cargo_bin("restlint")
        .expect("binary")
        .current_dir(dir.path())
        .args(["a.js", "missing.js"])
        .timeout(Duration::from_secs(30))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.js"));
}

#[test]
fn invalid_utf8_on_stdin() {
    let out = Command::cargo_bin("restlint")
        .expect("binary")
        .args(["--format", "json", "--stdin-filename", "a.js", "-"])
        .write_stdin(&b"let a = '\xc3';"[..])
        .timeout(Duration::from_secs(30))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let doc: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(rules(&doc), ["io-error"]);

    // With `--fix`, stdout is the buffer an editor puts back: the input unchanged, and the
    // report on stderr.
    let input = &b"let a = '\xc3'; f(...[1]);\n"[..];
    let out = Command::cargo_bin("restlint")
        .expect("binary")
        .args(["--fix", "--format", "json", "--stdin-filename", "a.js", "-"])
        .write_stdin(input)
        .timeout(Duration::from_secs(30))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(out.stdout, input);
    let doc: Value = serde_json::from_slice(&out.stderr).expect("json");
    assert_eq!(rules(&doc), ["io-error"]);
}

#[test]
fn fifty_thousand_small_files() {
    let dir = TempDir::new().expect("temp dir");
    for d in 0..100 {
        let sub = dir.path().join(format!("d{d:03}"));
        fs::create_dir(&sub).expect("mkdir");
        for f in 0..500 {
            let text: &[u8] = if f == 0 {
                b"function f(...a, b) {}\n"
            } else {
                b"const x = [...y];\n"
            };
            fs::write(sub.join(format!("f{f:03}.js")), text).expect("write");
        }
    }
    let (code, doc) = lint_json(dir.path(), &["."]);
    assert_eq!(code, 1);
    assert_eq!(doc["files"].as_u64(), Some(50_000));
    let f = found(&doc);
    assert_eq!(f.len(), 100);
    assert!(
        f.iter()
            .all(|f| f.1 == "rest-not-last" && f.0.ends_with("/f000.js"))
    );
    // Sorted by file.
    assert!(f.windows(2).all(|w| w[0].0 < w[1].0));
}

#[test]
fn many_directives_and_diagnostics() {
    // 20,000 line directives (each suppressing nothing it names) and 20,000 findings: the
    // directives are indexed by line, not scanned once per diagnostic.
    let text = "// restlint-disable-next-line rest-not-last\nf([...[1, 2]]);\n".repeat(20_000);
    let (code, doc) = lint_one(text.as_bytes());
    let r = rules(&doc);
    assert_eq!(
        r.iter()
            .filter(|r| *r == "unused-disable-directive")
            .count(),
        20_000
    );
    assert_eq!(r.iter().filter(|r| *r == "useless-spread").count(), 20_000);
    assert_eq!(code, 0, "warnings only");
}

/// A file whose name is not UTF-8 is linted in a folder walk like any other (its extension
/// decides), and shown with the unreadable bytes replaced.
#[cfg(target_os = "linux")]
#[test]
fn a_file_name_that_is_not_utf8() {
    use std::os::unix::ffi::OsStrExt;
    let dir = TempDir::new().expect("temp dir");
    let name = std::ffi::OsStr::from_bytes(b"\xff-name.js");
    fs::write(dir.path().join(name), "const o = { ...new Map() };\n").expect("write");
    let types = std::ffi::OsStr::from_bytes(b"\xff-types.d.ts");
    fs::write(dir.path().join(types), "declare const x: number;\n").expect("write");
    let (code, doc) = lint_json_env(dir.path(), &["."], &[]);
    assert_eq!(code, 1);
    assert_eq!(
        found(&doc),
        [(
            "\u{fffd}-name.js".into(),
            "object-spread-loses-data".into(),
            1,
            13
        )]
    );
}
