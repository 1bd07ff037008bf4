//! The editor set-ups of docs/integrations.md, run headless: the nvim-lint definition
//! (docs/editors/restlint-nvim-lint.lua) in a real Neovim, with nvim-lint's calling convention
//! reproduced (the plugin itself is not in a package registry), and the efm-langserver config
//! (docs/editors/efm-langserver.yaml) in a real efm-langserver spoken to over LSP. Both lint an
//! unsaved buffer with text outside ASCII before the diagnostics, to check the columns (and,
//! for efm, that both the error and the warning patterns match).
//!
//! `scripts/editor-tools.sh` installs neovim and efm-langserver from Debian when missing. When
//! it cannot, the tests are skipped with a message, except under CI (`CI` set).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Installs the tools once per test binary (the two tests run in parallel; apt must not).
fn tools_available() -> bool {
    static AVAILABLE: OnceLock<bool> = OnceLock::new();
    let available = *AVAILABLE.get_or_init(|| {
        let status = Command::new("bash")
            .arg(root().join("scripts/editor-tools.sh"))
            .status()
            .expect("bash runs");
        status.code() == Some(0)
    });
    if !available {
        if std::env::var_os("CI").is_some() {
            panic!("scripts/editor-tools.sh could not install neovim and efm-langserver");
        }
        eprintln!("SKIPPED: neovim or efm-langserver missing and not installable here");
    }
    available
}

/// A project folder with a saved file that has no problem; the editor's buffer will have one.
fn project() -> tempfile::TempDir {
    let t = tempfile::tempdir().expect("temp dir");
    std::fs::write(t.path().join("buf.js"), "// héllo\nexport const a = 1;\n").expect("write");
    t
}

#[test]
fn nvim_lint_definition() {
    if !tools_available() {
        return;
    }
    let t = project();
    let out = t.path().join("out.json");
    let lua = |p: &Path| {
        p.to_str()
            .expect("UTF-8 path")
            .replace('\\', "\\\\")
            .replace('\'', "\\'")
    };
    let setup = format!(
        "lua RESTLINT={{bin='{}', module='{}', file='buf.js', out='{}'}}",
        lua(Path::new(env!("CARGO_BIN_EXE_restlint"))),
        lua(&root().join("docs/editors/restlint-nvim-lint.lua")),
        lua(&out)
    );
    let run = Command::new("nvim")
        .current_dir(t.path())
        .args(["--headless", "-u", "NONE", "-i", "NONE", "-c", &setup, "-c"])
        .arg(format!(
            "luafile {}",
            lua(&root().join("tests/editors/nvim_lint_check.lua"))
        ))
        .args(["-c", "qa!"])
        .env("HOME", t.path())
        .output()
        .expect("nvim runs");
    let text = std::fs::read_to_string(&out).unwrap_or_else(|e| {
        panic!(
            "nvim wrote no result ({e}): {}",
            String::from_utf8_lossy(&run.stderr)
        )
    });
    let v: Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(v["exit"], 1, "restlint found an error in the buffer");
    let ds = v["diagnostics"].as_array().expect("diagnostics");
    assert_eq!(ds.len(), 1, "{v}");
    let d = &ds[0];
    assert_eq!(d["code"], "rest-not-last");
    assert_eq!(d["lnum"], 1, "the unsaved line");
    assert_eq!(
        d["text"], "...parts",
        "byte columns converted from UTF-16 columns select the rest: {d}"
    );
    assert_eq!(d["severity"], 1, "an error");
    assert!(
        d["message"]
            .as_str()
            .unwrap_or("")
            .contains("\nhelp: move `...parts`"),
        "{d}"
    );
    // The saved file is untouched: the buffer was linted.
    assert_eq!(
        std::fs::read_to_string(t.path().join("buf.js")).expect("read"),
        "// héllo\nexport const a = 1;\n"
    );
}

#[test]
fn efm_langserver_config() {
    if !tools_available() {
        return;
    }
    let t = project();
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_restlint"))
        .parent()
        .expect("bin folder")
        .to_path_buf();
    let path = std::env::join_paths(std::iter::once(bin_dir).chain(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    )))
    .expect("PATH");
    let out = Command::new("python3")
        .current_dir(t.path())
        .arg(root().join("tests/editors/efm_check.py"))
        .arg(root().join("docs/editors/efm-langserver.yaml"))
        .arg("buf.js")
        .env("PATH", path)
        .env("HOME", t.path())
        .output()
        .expect("python3 runs");
    let v: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("no result ({e}): {}", String::from_utf8_lossy(&out.stderr)));
    let ds = v["diagnostics"].as_array().expect("diagnostics");
    assert_eq!(ds.len(), 2, "an error and a warning: {v}");
    let text = v["text"].as_str().expect("text");
    // LSP's 0-based character counts UTF-16 code units: where the spread starts on its line.
    let character = |line: usize, needle: &str| {
        let l = text.lines().nth(line).expect("line");
        l[..l.find(needle).expect("needle")].encode_utf16().count()
    };
    let expected = [
        (
            1,
            character(1, "...m"),
            1,
            "object-spread-loses-data: `m` is a Map",
        ),
        (
            2,
            character(2, "...w"),
            2,
            "object-spread-indexed: `w` is a string",
        ),
    ];
    for (d, (line, ch, severity, message)) in ds.iter().zip(expected) {
        assert_eq!(
            d["range"]["start"],
            serde_json::json!({ "line": line, "character": ch }),
            "{d}"
        );
        assert_eq!(d["severity"], severity, "1 = error, 2 = warning: {d}");
        assert!(
            d["message"].as_str().unwrap_or("").starts_with(message),
            "{d}"
        );
    }
}
