//! Helpers shared by the end-to-end tests that run the binary in a folder of their own.
// Each test crate uses part of them.
#![allow(dead_code)]

pub mod realistic;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use assert_cmd::cargo::CommandCargoExt;

fn command(dir: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::cargo_bin("restlint").expect("binary is built");
    cmd.current_dir(dir)
        .args(args)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .env_remove("CLICOLOR_FORCE");
    cmd
}

/// Runs restlint in `dir`, without colours.
pub fn restlint(dir: &Path, args: &[&str]) -> Output {
    command(dir, args).output().expect("run")
}

/// Runs restlint in `dir` with `input` on its standard input.
pub fn restlint_stdin(dir: &Path, args: &[&str], input: &str) -> Output {
    let mut child = command(dir, args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write stdin");
    child.wait_with_output().expect("wait")
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The compact output's file names, one per diagnostic.
pub fn files(out: &Output) -> Vec<String> {
    stdout(out)
        .lines()
        .filter_map(|l| l.split(':').next().map(str::to_string))
        .collect()
}
