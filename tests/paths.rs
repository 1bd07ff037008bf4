//! How files are named and counted: the config's `ignore` and `overrides` globs for every way
//! of naming a file (`..`, symlinked folders, standard input), a physical file fixed once
//! under two names, many overrides, and the worker pool's size.

mod common;

use std::fs;

use common::{files, restlint, restlint_stdin};

const SPREAD: &str = "const x = [...[1, 2]];\n";

/// `restlint.json` ignoring `dist/**` and turning `useless-spread` off under `lib/**`, and a
/// useless spread in `lib/f.js`, `other/f.js` and `dist/f.js`.
fn tree() -> tempfile::TempDir {
    let t = tempfile::tempdir().expect("temp dir");
    fs::write(
        t.path().join("restlint.json"),
        r#"{"ignore":["dist/**"],"overrides":[{"files":["lib/**"],"rules":{"useless-spread":"off"}}]}"#,
    )
    .expect("write config");
    for d in ["lib", "other", "dist"] {
        fs::create_dir(t.path().join(d)).expect("mkdir");
        fs::write(t.path().join(d).join("f.js"), SPREAD).expect("write");
    }
    t
}

#[test]
fn globs_see_the_path_from_the_config_folder_through_dot_dot() {
    let t = tree();
    let root = t.path();
    let out = restlint(root, &["--format", "compact", "."]);
    assert_eq!(files(&out), ["other/f.js"]);

    // `lib/**` must not match `lib/../other/f.js`.
    let out = restlint(&root.join("lib"), &["--format", "compact", ".."]);
    assert_eq!(files(&out), ["../other/f.js"], "{out:?}");

    // `../dist` is ignored and `../lib` has the override, from a sibling folder.
    let out = restlint(
        &root.join("other"),
        &["--format", "compact", "../dist", "../lib", "../other/f.js"],
    );
    assert_eq!(files(&out), ["../other/f.js"], "{out:?}");
    let out = restlint(
        &root.join("other"),
        &["--format", "compact", "../dist/f.js", "./../lib/./f.js"],
    );
    assert_eq!(files(&out), Vec::<String>::new(), "{out:?}");

    // Standard input named with `..`, also for a file that does not exist.
    for name in ["../lib/x.js", "../lib/sub/new.js", "../dist/sub/x.js"] {
        let out = restlint_stdin(
            &root.join("other"),
            &["--format", "compact", "--stdin-filename", name, "-"],
            SPREAD,
        );
        assert_eq!(files(&out), Vec::<String>::new(), "{name}: {out:?}");
    }
    let out = restlint_stdin(
        &root.join("other"),
        &["--format", "compact", "--stdin-filename", "../x.js", "-"],
        SPREAD,
    );
    assert_eq!(files(&out), ["../x.js"], "{out:?}");
}

#[cfg(unix)]
#[test]
fn globs_see_the_path_through_a_symlinked_folder() {
    let t = tree();
    let holder = tempfile::tempdir().expect("temp dir");
    let link = holder.path().join("project");
    std::os::unix::fs::symlink(t.path(), &link).expect("symlink");

    // The working folder is the real one; the files are named through the link (as a shell
    // whose $PWD is the link does).
    let named = |p: &str| link.join(p).to_string_lossy().into_owned();
    let out = restlint(
        t.path(),
        &[
            "--format",
            "compact",
            &named("dist/f.js"),
            &named("lib/f.js"),
            &named("other/f.js"),
        ],
    );
    assert_eq!(files(&out), [named("other/f.js")], "{out:?}");

    // The config named through the link, the files by their real paths.
    let real = |p: &str| t.path().join(p).to_string_lossy().into_owned();
    let out = restlint(
        holder.path(),
        &[
            "--format",
            "compact",
            "--config",
            &named("restlint.json"),
            &real("dist/f.js"),
            &real("lib/f.js"),
            &real("other/f.js"),
        ],
    );
    assert_eq!(files(&out), [real("other/f.js")], "{out:?}");

    // A `..` after a symlinked folder goes to the parent of its target, as the system does:
    // `elsewhere/lnk -> <root>/lib`, so `lnk/../dist/f.js` is `<root>/dist/f.js` (ignored).
    let elsewhere = tempfile::tempdir().expect("temp dir");
    std::os::unix::fs::symlink(t.path().join("lib"), elsewhere.path().join("lnk"))
        .expect("symlink");
    let through = |p: &str| elsewhere.path().join(p).to_string_lossy().into_owned();
    let out = restlint(
        t.path(),
        &[
            "--format",
            "compact",
            &through("lnk/../dist/f.js"),
            &through("lnk/../other/f.js"),
        ],
    );
    assert_eq!(files(&out), [through("lnk/../other/f.js")], "{out:?}");
}

#[test]
fn every_override_applies_past_the_64th() {
    let t = tempfile::tempdir().expect("temp dir");
    let mut overrides: Vec<String> = (0..130)
        .map(|i| format!(r#"{{"files":["none-{i}/**"],"rules":{{"useless-spread":"error"}}}}"#))
        .collect();
    // The 66th turns the rule off for a.js, the 130th makes it an error for b.js; the 129th
    // (error) and the 130th (off) both match c.js, and the later one wins.
    overrides[65] = r#"{"files":["a.js"],"rules":{"useless-spread":"off"}}"#.into();
    overrides[128] = r#"{"files":["b.js","c.js"],"rules":{"useless-spread":"error"}}"#.into();
    overrides[129] = r#"{"files":["c.js"],"rules":{"useless-spread":"off"}}"#.into();
    fs::write(
        t.path().join("restlint.json"),
        format!(r#"{{"overrides":[{}]}}"#, overrides.join(",")),
    )
    .expect("write config");
    for f in ["a.js", "b.js", "c.js", "d.js"] {
        fs::write(t.path().join(f), SPREAD).expect("write");
    }
    let out = restlint(t.path(), &["--format", "compact", "."]);
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(
        lines[0].starts_with("b.js:1:12: error useless-spread"),
        "{text}"
    );
    assert!(
        lines[1].starts_with("d.js:1:12: warning useless-spread"),
        "{text}"
    );
    assert_eq!(out.status.code(), Some(1));
}

/// `--fix` over a folder where `link.js -> target.js`: one physical file, so it is linted,
/// fixed and reported once (under the first name), with no false `io-error` from two fix
/// passes racing on it. Plain lint mode keeps both names, as ESLint and oxlint do.
#[cfg(unix)]
#[test]
fn fix_lints_each_physical_file_once() {
    let t = tempfile::tempdir().expect("temp dir");
    let d = t.path().join("d");
    fs::create_dir(&d).expect("mkdir");
    // A safe fix, and an error that stays.
    let code = "const x = [...[1, 2]];\nconst y = [...5];\n";
    let fixed = "const x = [1, 2];\nconst y = [...5];\n";
    std::os::unix::fs::symlink("target.js", d.join("link.js")).expect("symlink");

    let cases: &[(&[&str], &str)] = &[
        (&["--fix", "."], "link.js"),
        (&["--fix-suggestions", "."], "link.js"),
        // The first name on the command line, though `../d/target.js` sorts first.
        (&["--fix", "target.js", "../d/target.js"], "target.js"),
        (&["--fix", "link.js", "../d"], "link.js"),
    ];
    for (args, name) in cases {
        for _ in 0..3 {
            fs::write(d.join("target.js"), code).expect("write");
            let mut all = vec!["--format", "compact"];
            all.extend_from_slice(args);
            let out = restlint(&d, &all);
            let text = String::from_utf8_lossy(&out.stdout);
            assert_eq!(out.status.code(), Some(1), "{args:?}: {text}");
            assert!(!text.contains("io-error"), "{args:?}: {text}");
            assert_eq!(files(&out), [*name], "{args:?}: {text}");
            assert_eq!(fs::read_to_string(d.join("target.js")).unwrap(), fixed);
        }
    }

    fs::write(d.join("target.js"), code).expect("write");
    let out = restlint(&d, &["--format", "compact", "."]);
    assert_eq!(
        files(&out),
        ["link.js", "link.js", "target.js", "target.js"],
        "{out:?}"
    );
}

/// `--threads` beyond the files, or beyond any machine, does not stall the run: the workers
/// are never more than the files (nor the walkers than the cores), and past 1024 the value
/// is refused as a usage error.
#[test]
fn threads_are_capped() {
    let t = tempfile::tempdir().expect("temp dir");
    for f in ["a.js", "b.js", "c.js"] {
        fs::write(t.path().join(f), SPREAD).expect("write");
    }
    let one = restlint(t.path(), &["--format", "json", "--threads", "1", "."]);
    assert_eq!(one.status.code(), Some(0));
    for (n, path) in [("1024", "."), ("1000", "a.js"), ("0", ".")] {
        let started = std::time::Instant::now();
        let out = restlint(t.path(), &["--format", "json", "--threads", n, path]);
        // Uncapped, 1000 threads for 3 files took 9-27 s on 2 cores.
        assert!(
            started.elapsed() < std::time::Duration::from_secs(5),
            "--threads {n}: {:?}",
            started.elapsed()
        );
        assert_eq!(out.status.code(), Some(0), "--threads {n}");
        if path == "." {
            assert_eq!(out.stdout, one.stdout, "--threads {n}");
        }
    }
    for n in ["1025", "99999999999"] {
        let out = restlint(t.path(), &["--threads", n, "."]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "--threads {n}: {err}");
        assert!(
            err.contains("--threads") && err.contains("at most 1024 threads"),
            "{err}"
        );
        assert!(out.stdout.is_empty());
    }
}

/// The reasons a run gives: too many warnings (on stderr, so a machine format's stdout stays
/// one document), the cache file that could not be written, and why `parse-error` and the
/// other reported ids that are not rules cannot be configured or explained.
#[test]
fn messages_say_why() {
    let t = tempfile::tempdir().expect("temp dir");
    fs::write(t.path().join("a.js"), SPREAD).expect("write");
    for format in ["json", "sarif", "compact", "pretty"] {
        let out = restlint(t.path(), &["--format", format, "--max-warnings", "0", "."]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{format}");
        assert!(
            err.contains("too many warnings (1, maximum: 0)"),
            "{format}: {err}"
        );
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(!text.contains("too many warnings"), "{format}: {text}");
        if format == "json" || format == "sarif" {
            serde_json::from_str::<serde_json::Value>(&text).expect("stdout is one document");
        }
    }
    let out = restlint(t.path(), &["--max-warnings", "1", "."]);
    assert_eq!(out.status.code(), Some(0));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("too many"));

    // A cache location under a file cannot be written: the warning names it.
    let out = restlint(
        t.path(),
        &[
            "--cache",
            "--cache-location",
            "a.js/sub/",
            "--format",
            "json",
            ".",
        ],
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        err.contains("cannot write the cache a.js/sub/results.cache"),
        "{err}"
    );

    for id in [
        "parse-error",
        "io-error",
        "internal-error",
        "unused-disable-directive",
    ] {
        let want = format!("`{id}` is not a rule");
        let rule = format!("{id}=off");
        for args in [vec!["--rule", &rule, "."], vec!["explain", id]] {
            let out = restlint(t.path(), &args);
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{args:?}");
            assert!(err.contains(&want), "{args:?}: {err}");
            assert!(!err.contains("did you mean"), "{args:?}: {err}");
        }
        fs::write(
            t.path().join("restlint.json"),
            format!(r#"{{"rules": {{"{id}": "off"}}}}"#),
        )
        .expect("write config");
        let out = restlint(t.path(), &["."]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2));
        assert!(err.contains(&want), "{err}");
        fs::remove_file(t.path().join("restlint.json")).expect("remove config");
    }
}
